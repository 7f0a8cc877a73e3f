"""Weight budgets, computed from the built files (no browser): everything a first visit to a page downloads.

What a first visit downloads, and how it is counted, is in scripts/guide/weights.py (shared with
`make bench` and `make changes`). tests/browser/test_first_visit.py checks in Chromium that a first
visit fetches exactly these files. The planner's scripts have their own budget (7.5 KB gzipped,
its four modules) in tests/js/ics.test.mjs.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import sys
from pathlib import Path

from conftest import ROOT, start_tags
from guide.weights import (
    BUNDLE,
    EMBED_BUDGET,
    HELD,
    PAGE_BUDGET,
    budget,
    first_load,
    is_embed,
    reader_pages,
    search_on_demand,
)


def test_every_reader_page_loads_within_its_budget(built_site: Path):
    pages = reader_pages(built_site)
    assert len(pages) > 10 and any(page.parent.parent.name == "embed" for page in pages)
    assert any(is_embed(built_site, page) and page.parts[-4] == "es" for page in pages)
    for page in pages:
        sizes = first_load(built_site, page)
        total, allowed = sum(sizes.values()), budget(built_site, page)
        assert total <= allowed, f"{page.relative_to(built_site)}: {total} > {allowed} bytes gzipped: {sizes}"


def test_the_first_load_counts_styles_scripts_modules_and_what_they_fetch(built_site: Path):
    files = first_load(built_site, built_site / "aftercare" / "index.html")
    assert "/aftercare/index.html" in files and "/assets/css/guide.css" in files and "/sitemap.xml" in files
    assert {"/assets/js/calculator.js", "/assets/js/plan-dates.js", "/assets/js/ics.js"} <= set(files)
    assert any(BUNDLE.search(path) for path in files) and "/" + HELD in files
    assert "/assets/data/plan.json" in first_load(built_site, built_site / "calculator" / "index.html")
    embed = first_load(built_site, built_site / "embed" / "aftercare" / "index.html")
    assert not any("stylesheets/main." in path or BUNDLE.search(path) for path in embed), embed


def test_search_is_held_back_on_every_page_with_search(built_site: Path):
    """Material would fetch the search index and worker (about 51 KB) on every first visit."""
    for page in reader_pages(built_site):
        tags = start_tags(page.read_text(encoding="utf-8"))
        if any(tag == "form" and attrs.get("name") == "search" for tag, attrs in tags):
            assert search_on_demand(tags), f"{page.relative_to(built_site)} fetches search on its first visit"
            assert not any("search" in path for path in first_load(built_site, page) if path != "/" + HELD)


def test_the_budget_catches_a_heavy_import(built_site: Path, tmp_path: Path):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    scripts = site / "assets" / "js"
    (scripts / "heavy.js").write_text(f"export const data = '{base64.b64encode(os.urandom(48_000)).decode()}';\n")
    calculator = scripts / "calculator.js"
    calculator.write_text("import { data } from './heavy.js';\n" + calculator.read_text(encoding="utf-8"))
    sizes = first_load(site, site / "aftercare" / "index.html")
    assert "/assets/js/heavy.js" in sizes
    assert sum(sizes.values()) > PAGE_BUDGET


def test_the_budget_counts_search_that_loads_eagerly(built_site: Path, tmp_path: Path):
    """A page without held-requests.js before the bundle downloads the index and worker at once:
    they are counted, and they take a topic page over its budget."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    page = site / "aftercare" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r'<script defer src="[^"]*held-requests\.js"></script>', "", html), encoding="utf-8")
    sizes = first_load(site, page)
    assert "/search/search_index.json" in sizes
    assert any(path.startswith("/assets/javascripts/workers/search.") for path in sizes)
    assert sum(sizes.values()) > PAGE_BUDGET


def test_the_budget_catches_material_s_stylesheet_in_an_embed_view(built_site: Path, tmp_path: Path):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    page = site / "embed" / "aftercare" / "index.html"
    main = next((site / "assets" / "stylesheets").glob("main.*.min.css")).name
    link = f'<link rel="stylesheet" href="../../assets/stylesheets/{main}">'
    page.write_text(page.read_text(encoding="utf-8").replace("</head>", link + "</head>"), encoding="utf-8")
    assert sum(first_load(site, page).values()) > EMBED_BUDGET


def test_the_embed_stylesheet_is_up_to_date(built_site: Path):
    """docs/assets/css/embed-material.css is generated from the installed Material and the built embed
    views: after upgrading Material or adding a kind of block to embed views, re-run the script."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import embed_css

    assert embed_css.OUT.read_text(encoding="utf-8") == embed_css.build(built_site), (
        "run `PYTHONPATH=scripts .venv/bin/python scripts/embed_css.py site` after `make build`"
    )
