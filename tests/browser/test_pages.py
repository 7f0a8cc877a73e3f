"""Every page in a real browser: no console errors, nothing from other origins, no axe violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.conftest import arrive, axe_violations, open_settled
from conftest import ROOT
from guide.validate import load_content

CONTENT = load_content(ROOT)


def site_paths(site: Path) -> list[str]:
    paths = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


PARTS = 4  # each scheme's pages in four tests, so both cores share them


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean_and_accessible(built_site, site_url, page_for, scheme, part):
    page, watch = page_for(scheme)
    problems = {}
    paths = site_paths(built_site)
    assert len(paths) >= len(CONTENT.topics) + 2
    for path in paths[part::PARTS]:
        open_settled(page, site_url + path)
        found = axe_violations(page)
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
