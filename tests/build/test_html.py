"""The built HTML: every internal link and anchor resolves, no page repeats an id, html-validate passes.

Each check is a function over a built site, so a test can also show it catching a broken copy.
html-validate's rules are in .htmlvalidaterc.json; README.md ("HTML checks") says why each rule
that Material's own markup breaks is switched off.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, link_target, start_tags

HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def ids(page: Path) -> list[str]:
    return [attrs["id"] for _, attrs in start_tags(page.read_text(encoding="utf-8")) if attrs.get("id")]


def broken_links(site: Path) -> list[str]:
    """Every href or src inside the site that names a missing file, or a #fragment with no such id."""
    targets = {page: set(ids(page)) for page in pages(site)}
    problems = []
    for page in targets:
        here = "/" + page.relative_to(site).as_posix()
        for _, attrs in start_tags(page.read_text(encoding="utf-8")):
            for link in (attrs.get("href"), attrs.get("src")):
                if link is None or (found := link_target(site, page, link)) is None:
                    continue
                target, fragment = found
                if not target.is_file():
                    problems.append(f"{here}: {link}: no such file")
                elif fragment and target in targets and fragment not in targets[target]:
                    problems.append(f"{here}: {link}: no id {fragment!r} on that page")
    return problems


def duplicate_ids(site: Path) -> list[str]:
    return [
        f"{page.relative_to(site)}: id {name!r} appears {count} times"
        for page in pages(site)
        for name, count in Counter(ids(page)).items()
        if count > 1
    ]


def invalid_html(files: list[Path]) -> str:
    """html-validate's report on the files, or "" when they pass."""
    command = [HTML_VALIDATE, "--config", ROOT / ".htmlvalidaterc.json", "--formatter", "text", *files]
    result = subprocess.run(command, capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    assert len(pages(built_site)) > 10
    assert broken_links(built_site) == []


def test_no_page_repeats_an_id(built_site: Path):
    assert duplicate_ids(built_site) == []


def test_every_page_is_valid_html(built_site: Path):
    assert invalid_html(pages(built_site)) == ""


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def edit(page: Path, old: str, new: str) -> None:
    html = page.read_text(encoding="utf-8")
    assert old in html, f"{old!r} is not in {page}: the edit would change nothing"
    page.write_text(html.replace(old, new, 1), encoding="utf-8")


def test_the_link_check_catches_a_missing_page_and_a_missing_anchor(site_copy: Path):
    page = site_copy / "aftercare" / "index.html"
    edit(page, 'href="../risks/#when-to-get-help"', 'href="../risks/#when-to-get-hlep"')
    edit(page, "<h1 ", '<a href="../no-such-page/">Gone</a><h1 ')
    assert sorted(broken_links(site_copy)) == [
        "/aftercare/index.html: ../no-such-page/: no such file",
        "/aftercare/index.html: ../risks/#when-to-get-hlep: no id 'when-to-get-hlep' on that page",
    ]


def test_the_id_check_catches_a_repeated_id(site_copy: Path):
    edit(site_copy / "aftercare" / "index.html", "<h1 ", '<p id="references">Again</p><h1 ')
    assert duplicate_ids(site_copy) == ["aftercare/index.html: id 'references' appears 2 times"]


def test_the_validator_catches_invalid_html(site_copy: Path):
    page = site_copy / "aftercare" / "index.html"
    edit(page, "<h1 ", '<p class="a" class="b">Twice</p><h1 ')
    assert "no-dup-attr" in invalid_html([page])
