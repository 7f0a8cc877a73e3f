"""What a first visit really fetches, and search that loads only when a reader opens it.

tests/build/test_budgets.py counts a first visit from the built files; here Chromium records every
request of a first visit to one page of each template and must fetch exactly those files (so the
budget test and `make bench` count the same thing), and never the search index or worker. Then
search, opened for the first time, still answers its first query, on a fresh page and after
instant navigation.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
from test_budgets import first_load  # noqa: E402

from browser.conftest import serve_pages  # noqa: E402

TEMPLATES = ["", "aftercare/", "calculator/", "embed/aftercare/", "embed/calculator/", "es/", "es/calculator/"]
SEARCH = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def site_paths(requests: list[str], origin: str) -> set[str]:
    return {urlsplit(url).path for url in requests if url.startswith(origin)}


def visit(page, url: str, waits_for: set[str] = frozenset()) -> list[str]:
    """What the browser asks for on a first visit; an embed view is visited as clinics show it, in
    a frame of a page on another origin. waits_for: paths the visit waits to see asked for (up to
    20 s: on a busy machine a module's imports, the icon and the sitemap can come after network idle)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    if "/embed/" in url:
        clinic = '<!doctype html><html lang="en"><title>Clinic</title><link rel="icon" href="data:,">'
        clinic += f'<iframe src="{url}">'
        host = serve_pages({"/": clinic + "</iframe>"})
        url = host + "/"
    page.goto(url, wait_until="networkidle")
    for _ in range(400):
        if waits_for <= {urlsplit(address).path for address in requests}:
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(500)  # anything a script starts late
    return requests


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path or "home")
def test_a_first_visit_fetches_what_the_budget_counts_and_no_search(built_site, site_url, page_for, path):
    page, watch = page_for(first_visit=True)
    counted = set(first_load(built_site, built_site / path / "index.html"))
    asked = {p.removesuffix("index.html") for p in counted}
    fetched = site_paths(visit(page, f"{site_url}/{path}", waits_for=asked), site_url)
    fetched = {f"{p}index.html" if p.endswith("/") else p for p in fetched}
    assert fetched == counted, f"fetched, not counted: {fetched - counted}; counted, not fetched: {counted - fetched}"
    assert not [p for p in fetched if p.startswith(SEARCH)]
    assert not watch.console_errors and not watch.failed


def answers(page, slug: str, timeout: float = 10.0) -> bool:
    """Whether the page `slug` comes among the first three results within the timeout (the page's
    CSP forbids wait_for_function, so the list is polled)."""
    read = """[...document.querySelectorAll('.md-search-result__item')].slice(0, 3).map(
        item => new URL(item.querySelector('a').href).pathname)"""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if f"/{slug}/" in page.evaluate(read):
            return True
        time.sleep(0.05)
    return False


def test_search_loads_when_opened_and_answers_the_first_query(site_url, page_for):
    page, watch = page_for(first_visit=True)
    requests = visit(page, site_url + "/")
    page.get_by_role("dialog", name="Search").get_by_role("textbox").fill("pregnant")
    page.keyboard.press("End")  # Material reads the box on key-up
    assert answers(page, "risks")
    fetched = [urlsplit(url).path for url in requests]
    assert fetched.count("/search/search_index.json") == 1
    assert sum(p.startswith(SEARCH[1]) for p in fetched) == 1
    assert not watch.console_errors and not watch.failed


def test_search_opened_after_instant_navigation_answers_the_first_query(site_url, page_for):
    page, watch = page_for(first_visit=True)
    requests = visit(page, site_url + "/")
    page.evaluate("window.notReloaded = true")
    page.locator("article").get_by_role("link", name="Aftercare at home").click()
    page.wait_for_url("**/aftercare/")
    assert page.evaluate("window.notReloaded === true"), "the link reloaded the page: no instant navigation"
    assert not [url for url in requests if urlsplit(url).path.startswith(SEARCH)]
    page.keyboard.press("/")  # Material's shortcut opens search
    page.keyboard.type("roaccutane")
    assert answers(page, "risks")
    # The worker's address is relative to the first page, not to the one navigated to.
    assert [urlsplit(url).path for url in requests if SEARCH[1] in url][0].startswith(SEARCH[1])
    assert not watch.console_errors and not watch.failed


def test_search_deep_links_still_open_with_their_query(site_url, page_for):
    page, watch = page_for(first_visit=True)
    page.goto(site_url + "/?q=dermapen", wait_until="networkidle")
    assert answers(page, "what-is-microneedling")
    assert not watch.console_errors and not watch.failed
