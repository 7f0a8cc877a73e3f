"""Weight budget, computed from the built files (no browser): what a first visit to a page downloads.

A first load is the page's HTML, the stylesheets, icon and scripts its tags reference, and the ES
modules those scripts import (static imports load before a module runs), each gzipped at gzip's
default level, as a server sends them. Not counted: the search index and Material's search worker,
which are fetched in the background once the page shows and are then cached for every other page,
and data a widget fetches when used (the calculator's plan.json). `make bench` measures everything a
browser loads. The planner's own budget (7.5 KB gzipped, its four modules) is in tests/js/ics.test.mjs.
"""

from __future__ import annotations

import base64
import gzip
import os
import re
import shutil
from pathlib import Path

from conftest import link_target, start_tags

FIRST_LOAD_BUDGET = 95 * 1024  # bytes, gzipped, for every page a reader opens
IMPORT = re.compile(r"""(?:^|;|\n)\s*import\b[^'"]*['"]([^'"]+)['"]""")


def first_load(site: Path, page: Path) -> dict[str, int]:
    """{path in the site: gzipped bytes} of every file a first visit to the page downloads."""
    files, modules = {page}, []
    for tag, attrs in start_tags(page.read_text(encoding="utf-8")):
        link = attrs.get("src") if tag == "script" else None
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon"):
            link = attrs.get("href")
        if link and (found := link_target(site, page, link)):
            files.add(found[0])
            if attrs.get("type") == "module":
                modules.append(found[0])
    while modules:
        module = modules.pop()
        for name in IMPORT.findall(module.read_text(encoding="utf-8")):
            if (path := link_target(site, module, name)[0]) not in files:
                files.add(path)
                modules.append(path)
    return {"/" + path.relative_to(site).as_posix(): len(gzip.compress(path.read_bytes(), 6)) for path in files}


def reader_pages(site: Path) -> list[Path]:
    """Every page but the web editor's (/admin/), which only editors open."""
    return [page for page in sorted(site.rglob("*.html")) if page.parent.name != "admin"]


def test_every_reader_page_loads_within_95_kb_gzipped(built_site: Path):
    pages = reader_pages(built_site)
    assert len(pages) > 10
    for page in pages:
        sizes = first_load(built_site, page)
        assert sum(sizes.values()) <= FIRST_LOAD_BUDGET, f"{page.relative_to(built_site)}: {sizes}"


def test_the_first_load_counts_styles_scripts_and_the_modules_they_import(built_site: Path):
    files = first_load(built_site, built_site / "aftercare" / "index.html")
    assert "/aftercare/index.html" in files and "/assets/css/guide.css" in files
    assert {"/assets/js/calculator.js", "/assets/js/plan-dates.js", "/assets/js/ics.js"} <= set(files)
    assert any(re.fullmatch(r"/assets/javascripts/bundle\.\w+\.min\.js", path) for path in files)


def test_the_budget_catches_a_heavy_import(built_site: Path, tmp_path: Path):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    scripts = site / "assets" / "js"
    (scripts / "heavy.js").write_text(f"export const data = '{base64.b64encode(os.urandom(48_000)).decode()}';\n")
    calculator = scripts / "calculator.js"
    calculator.write_text("import { data } from './heavy.js';\n" + calculator.read_text(encoding="utf-8"))
    sizes = first_load(site, site / "aftercare" / "index.html")
    assert "/assets/js/heavy.js" in sizes
    assert sum(sizes.values()) > FIRST_LOAD_BUDGET
