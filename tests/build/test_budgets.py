"""Weight budgets, computed from the built files (no browser): everything a first visit to a page downloads.

A first visit downloads the page's HTML, the stylesheets, icon and scripts its tags reference, the
ES modules those scripts import (static imports load before a module runs; the planner's timeline,
plan-figure.js, is imported when a reader first makes a plan), and what the scripts
fetch as soon as they run: the sitemap (Material's instant navigation reads it), the planner's
plan.json on a page with a planner, and the search index and Material's search worker, unless
the page holds them back until a reader opens search (docs/assets/js/search-on-demand.js, before
Material's bundle). Each file is gzipped at gzip's default level, as a server sends it.
tests/browser/test_first_visit.py checks in Chromium that a first visit fetches exactly these
files, so this count and `make bench`'s agree. The planner's scripts have their own budget
(7.5 KB gzipped, its four modules) in tests/js/ics.test.mjs.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import sys
from pathlib import Path

from conftest import ROOT, link_target, start_tags

PAGE_BUDGET = 95 * 1024  # bytes, gzipped, for every page a reader opens
EMBED_BUDGET = 30 * 1024  # bytes, gzipped, for an embed view (/embed/<slug>/) in a clinic's page
# A static import, which loads before the module runs (not import(), which loads when it is called)
IMPORT = re.compile(r"""(?:^|;|\n)\s*import\b(?!\s*\()[^'"]*['"]([^'"]+)['"]""")
BUNDLE = re.compile(r"assets/javascripts/bundle\.\w+\.min\.js$")
HELD = "assets/js/held-requests.js"


def is_embed(site: Path, page: Path) -> bool:
    """An embed view: embed/<slug>/, or es/embed/<slug>/ in another language's edition."""
    parts = page.relative_to(site).parts
    return parts[0] == "embed" or (len(parts) > 2 and len(parts[0]) == 2 and parts[1] == "embed")


def budget(site: Path, page: Path) -> int:
    return EMBED_BUDGET if is_embed(site, page) else PAGE_BUDGET


def search_on_demand(tags: list[tuple[str, dict]]) -> bool:
    """Whether held-requests.js runs before Material's bundle (scripts run in document order)."""
    sources = [attrs.get("src") or "" for tag, attrs in tags if tag == "script"]
    bundle = next((i for i, src in enumerate(sources) if BUNDLE.search(src)), len(sources))
    return any(src.endswith(HELD) for src in sources[:bundle])


def first_load(site: Path, page: Path) -> dict[str, int]:
    """{path in the site: gzipped bytes} of every file a first visit to the page downloads."""
    html = page.read_text(encoding="utf-8")
    tags = start_tags(html)
    files, modules = {page}, []
    for tag, attrs in tags:
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
    # What the scripts fetch as they start. Material's bundle: the sitemap (instant navigation) and,
    # where the page has its search form, the index and the worker named in its configuration.
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    bundled = any(tag == "script" and BUNDLE.search(attrs.get("src") or "") for tag, attrs in tags)
    if config and bundled:
        config = json.loads(config.group(1))
        edition = link_target(site, page, config["base"].rstrip("/") + "/")[0].parent  # site/, or site/es/
        if "navigation.instant" in config["features"]:
            files.add(edition / "sitemap.xml")
        if any(tag == "form" and attrs.get("name") == "search" for tag, attrs in tags) and not search_on_demand(tags):
            files |= {edition / "search" / "search_index.json", link_target(site, page, config["search"])[0]}
    calculator = next((path for path in files if path.name == "calculator.js"), None)
    if "data-calc" in html and calculator:
        files.add(calculator.parent.parent / "data" / "plan.json")  # the planner reads it as it starts
    return {"/" + path.relative_to(site).as_posix(): len(gzip.compress(path.read_bytes(), 6)) for path in files}


def reader_pages(site: Path) -> list[Path]:
    """Every page but the web editor's (/admin/), which only editors open."""
    return [page for page in sorted(site.rglob("*.html")) if page.parent.name != "admin"]


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
