"""Page weights, counted from a built site's files (no browser): everything a first visit downloads.

A first visit downloads the page's HTML, the stylesheets, icon and scripts its tags reference, the
ES modules those scripts import (static imports load before a module runs), and what the scripts
fetch as soon as they run: the sitemap (Material's instant navigation reads it), the planner's
plan.json on a page with a planner, and the search index and Material's search worker, unless
the page holds them back until a reader opens search (docs/assets/js/held-requests.js, before
Material's bundle). Each file is gzipped at gzip's default level, as a server sends it.

The budgets are tested in tests/build/test_budgets.py; tests/browser/test_first_visit.py checks in
Chromium that a first visit fetches exactly these files; `make bench` and `make changes` show them.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

PAGE_BUDGET = 95 * 1024  # bytes, gzipped, for every page a reader opens
EMBED_BUDGET = 30 * 1024  # bytes, gzipped, for an embed view (/embed/<slug>/) in a clinic's page
# A static import, which loads before the module runs (not import(), which loads when it is called:
# the planner's timeline, plan-figure.js, loads with the first plan a reader makes)
IMPORT = re.compile(r"""(?:^|;|\n)\s*import\b(?!\s*\()[^'"]*['"]([^'"]+)['"]""")
BUNDLE = re.compile(r"assets/javascripts/bundle\.\w+\.min\.js$")
HELD = "assets/js/held-requests.js"


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of an HTML document, in order, with its attributes."""
    found: list[tuple[str, dict[str, str | None]]] = []
    parser = HTMLParser()
    parser.handle_starttag = parser.handle_startendtag = lambda tag, attrs: found.append((tag, dict(attrs)))
    parser.feed(html)
    parser.close()
    return found


def link_target(site: Path, page: Path, link: str, site_path: str = "/") -> tuple[Path, str] | None:
    """The file in a built site, and the #fragment, that a link in one of its files points at.

    site_path: the path of the site's address (site_url), which root-relative links start with
    (Material writes them in 404.html). None for a link to another origin or scheme (https:, mailto:).
    """
    if urlsplit(link).scheme or link.startswith("//"):
        return None
    url = urlsplit(urljoin("/" + page.relative_to(site).as_posix(), link))
    path = unquote(url.path)
    if link.startswith("/") and path.startswith(site_path):
        path = "/" + path[len(site_path) :]
    target = site / path.lstrip("/")
    return (target / "index.html" if target.is_dir() else target), unquote(url.fragment)


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


def first_load(site: Path, page: Path, site_path: str = "/") -> dict[str, int]:
    """{path in the site: gzipped bytes} of every file a first visit to the page downloads. An embed
    view is visited in a clinic's frame, where browsers fetch no icon (they show the clinic's)."""
    html = page.read_text(encoding="utf-8")
    tags = start_tags(html)
    files, modules = {page}, []
    linked = ("stylesheet",) if is_embed(site, page) else ("stylesheet", "icon")
    for tag, attrs in tags:
        link = attrs.get("src") if tag == "script" else None
        if tag == "link" and attrs.get("rel") in linked:
            link = attrs.get("href")
        if link and (found := link_target(site, page, link, site_path)):
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
        edition = link_target(site, page, config["base"].rstrip("/") + "/", site_path)[0].parent  # site/, site/es/
        if "navigation.instant" in config["features"]:
            files.add(edition / "sitemap.xml")
        if any(tag == "form" and attrs.get("name") == "search" for tag, attrs in tags) and not search_on_demand(tags):
            files |= {edition / "search" / "search_index.json", link_target(site, page, config["search"], site_path)[0]}
    calculator = next((path for path in files if path.name == "calculator.js"), None)
    if "data-calc" in html and calculator:
        files.add(calculator.parent.parent / "data" / "plan.json")  # the planner reads it as it starts
    return {"/" + path.relative_to(site).as_posix(): gzipped(path) for path in files}


def gzipped(path: Path) -> int:
    """A file's size gzipped at gzip's default level; remembered while the file stays the same, since
    every page of a site loads the same stylesheets and scripts."""
    found = path.stat()
    return _gzipped(str(path), found.st_size, found.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, size: int, mtime: int) -> int:
    return len(gzip.compress(Path(path).read_bytes(), 6))


def reader_pages(site: Path) -> list[Path]:
    """Every page but the web editor's (/admin/), which only editors open."""
    return [page for page in sorted(site.rglob("*.html")) if page.parent.name != "admin"]
