"""Shared test helpers: a copy of a content set that a test may break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class ContentCopy:
    """A throw-away repository root holding a copy of content/, with helpers to edit one file."""

    def __init__(self, root: Path):
        self.root = root

    def file(self, name: str) -> Path:
        return self.root / "content" / name

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.file(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: the test's edit would change nothing"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, name: str, needle: str) -> int:
        for number, line in enumerate(self.file(name).read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not found in {name}")


@pytest.fixture
def minimal(tmp_path: Path) -> ContentCopy:
    """The small fixture content set (tests/fixtures/minimal), copied so a test can break it."""
    shutil.copytree(FIXTURES / "minimal" / "content", tmp_path / "content")
    return ContentCopy(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real guide, built once per test run with `mkdocs build --strict` into a temporary folder."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site
