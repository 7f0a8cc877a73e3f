"""Portability: Zensical, Material's successor, builds the same pages from the Markdown on disk.

Zensical skips MkDocs hooks, so it builds what `python -m guide.plain` writes: docs/ plus every
generated page, and mkdocs.yml without `hooks:`. README.md ("Zensical") lists what it cannot do yet.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from guide.plain import write_projects

ZENSICAL = Path(sys.executable).parent / "zensical"


def titles(site: Path) -> dict[str, str]:
    """{page path: its <title>} for every HTML page of a built site."""
    return {
        page.relative_to(site).as_posix(): re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8")).group(1)
        for page in site.rglob("*.html")
    }


def test_zensical_builds_the_same_pages_with_the_same_titles(built_site: Path, tmp_path: Path):
    for config in write_projects(ROOT, tmp_path):  # English, then Spanish into site/es/
        result = subprocess.run([ZENSICAL, "build", "--strict", "-f", config], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert titles(tmp_path / "site") == titles(built_site)
    assert titles(tmp_path / "site")["es/aftercare/index.html"].endswith("- Guía de microagujas")
