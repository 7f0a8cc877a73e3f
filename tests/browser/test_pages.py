"""Every page in a real browser: no console errors, nothing from other origins, no axe violations,
nothing its policy blocks; then search, instant navigation and the language link."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.conftest import LISTEN, Violations, Watch, arrive, axe_violations, open_settled
from conftest import ROOT
from guide.validate import load_content

CONTENT = load_content(ROOT)


def addresses(site: Path) -> list[str]:
    """The address of every HTML file of a built site: its pages, the 404 pages and the web editor's."""
    return ["/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html"))]


def test_every_page_of_the_sitemaps_is_checked(built_site):
    every = addresses(built_site)
    assert len([a for a in every if a.endswith("/")]) >= 2 * len(CONTENT.topics) + 2
    assert {"/404.html", "/es/404.html", "/admin/", "/embed/aftercare/", "/embed/calculator/"} <= set(every)
    for sitemap in (built_site / "sitemap.xml", built_site / "es" / "sitemap.xml"):
        listed = re.findall(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8"))
        assert listed and {urlsplit(loc).path for loc in listed} <= set(every), sitemap


PARTS = 4  # each scheme's pages in four tests, so both cores share them


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean_accessible_and_within_its_policy(
    built_site, site_url, served_with_headers, new_page, scheme, part
):
    """Every page in both colour schemes: no axe violations, console errors, failed requests,
    requests to other origins, or anything its Content-Security-Policy blocks. The light pass reads
    the site as the build wrote it, its policy in each page's meta (a host that sends no headers);
    the dark pass as a host that reads _headers serves it, with the header policy as well, and
    Chromium knowing every feature its Permissions-Policy names (an unknown one is a console error)."""
    base = site_url if scheme == "light" else served_with_headers
    page = new_page(color_scheme=scheme, init_script=LISTEN)
    watch, blocked = Watch(page, base), Violations(page)
    problems = {}
    for path in addresses(built_site)[part::PARTS]:
        response = open_settled(page, base + path)
        if base == served_with_headers:
            assert response.headers["x-content-type-options"] == "nosniff", path
        found = axe_violations(page) + blocked.take()
        if found:
            problems[path] = found
    assert problems == {}
    assert watch.console_errors == []
    assert watch.other_origins == []
    assert watch.failed == []


def test_search_finds_words_that_only_the_yaml_contains(site_url, page_for):
    page, watch = page_for()
    open_settled(page, site_url + "/")
    word = "granulomatous"
    assert word not in "".join(p.read_text() for p in (ROOT / "docs").rglob("*.md")).lower()
    assert word in (ROOT / "content" / "risks.yml").read_text().lower()

    page.keyboard.press("/")  # Material's shortcut opens search
    page.get_by_role("dialog", name="Search").get_by_role("textbox").press_sequentially(
        word
    )  # Material searches on key presses
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    assert "risks" in result.get_attribute("href")
    result.click()
    arrive(page, "**/risks/**", CONTENT.topics["risks"].title)
    assert page.locator("mark", has_text=word).count() >= 1 or word in page.content().lower()
    assert watch.console_errors == [] and watch.other_origins == []


def test_instant_navigation_swaps_the_page_without_reloading(site_url, page_for):
    page, watch = page_for()
    open_settled(page, site_url + "/")
    page.evaluate("window.stillTheSameDocument = true")
    page.locator("article").get_by_role("link", name="Aftercare at home").click()
    arrive(page, "**/aftercare/", CONTENT.topics["aftercare"].title)
    assert page.evaluate("window.stillTheSameDocument") is True  # a full reload would have cleared it
    assert watch.console_errors == []


def test_the_language_link_keeps_the_reader_on_the_same_page(site_url, page_for):
    """From an English page to its Spanish twin and back, as a full page load of the other edition
    (its own language, search index and planner data), without asking for sitemaps that do not exist."""
    page, watch = page_for()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_settled(page, site_url + "/")
    page.locator("article").get_by_role("link", name="Aftercare at home").click()  # instant navigation first
    arrive(page, "**/aftercare/", CONTENT.topics["aftercare"].title)
    page.get_by_role("link", name="Lea esta página en español").click()
    arrive(page, "**/es/aftercare/", CONTENT.translations["es"].topics["aftercare"].title)
    assert page.evaluate("document.documentElement.lang") == "es"
    page.get_by_role("link", name="Read this page in English").click()
    arrive(page, site_url + "/aftercare/", CONTENT.topics["aftercare"].title)
    assert page.evaluate("document.documentElement.lang") == "en"
    sitemaps = {url.removeprefix(site_url) for url in requests if url.endswith("sitemap.xml")}
    assert sitemaps <= {"/sitemap.xml", "/es/sitemap.xml"}, sitemaps
    assert watch.console_errors == [] and watch.failed == []
