"""The Content-Security-Policy in Chromium: nothing the guide does is blocked, and `_headers` works.

Each page records `securitypolicyviolation` events (a listener every frame gets before its own
scripts run) and console messages about the policy, through a search, the planner, instant
navigation between folder depths and back, print, the embed views inside a clinic's page on another
origin, and the web editor once opened. One test blocks a script on purpose, to show the listener
sees it. Every page as loaded, with and without the headers, is checked in tests/browser/test_pages.py.
"""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from browser.conftest import LISTEN, Violations, open_settled, serve_pages
from conftest import ROOT
from guide.embed import snippets
from guide.render import plan_data
from guide.validate import load_content

CONCERN = plan_data(load_content(ROOT))["concerns"][0]["id"]
# Sveltia CMS declares three web fonts on cdn.jsdelivr.net in @font-face rules. docs/admin/admin.css
# swaps them for system fonts and the icon font served from /admin/, so nothing uses them and without
# a policy Chromium never fetches them; with one, it reports each source the moment it is declared.
SVELTIA_FONTS = "https://cdn.jsdelivr.net/fontsource/"
SVELTIA_FAMILIES = {"Source Sans 3", "Noto Mono", "Material Symbols Outlined"}
EDITOR = yaml.safe_load((ROOT / "docs" / "admin" / "config.yml").read_text(encoding="utf-8"))


@pytest.fixture
def watched(new_page):
    """Open a page that records what the policy blocks."""

    def open_page(**options):
        page = new_page(init_script=LISTEN, **options)
        return page, Violations(page)

    return open_page


def plan(frame) -> None:
    for label, value in (("Day", "20"), ("Month", "3"), ("Year", "2026")):
        frame.get_by_label(label, exact=True).fill(value)
    frame.get_by_role("button", name="Plan my sessions").click()
    expect(frame.get_by_role("heading", name="Your plan")).to_be_visible()


def test_the_listener_sees_a_blocked_script(site_url, watched):
    """The page as built, with one hash taken out of its policy: the checks below can fail."""
    page, violations = watched()

    def without_a_hash(route):
        html = route.fetch().text()
        route.fulfill(body=re.sub(r" 'sha256-[^']+'", "", html, count=1), content_type="text/html")

    page.route(site_url + "/aftercare/", without_a_hash)
    open_settled(page, site_url + "/aftercare/")
    found = violations.take()
    assert any(v.startswith("script-src-elem inline") for v in found), found


def test_search_runs_under_the_policy(site_url, watched):
    page, violations = watched()
    open_settled(page, site_url + "/")
    page.keyboard.press("/")
    page.get_by_role("dialog", name="Search").get_by_role("textbox").press_sequentially("aftercare")
    page.locator(".md-search-result__item a").first.wait_for()
    assert violations.take() == []


def test_the_planner_runs_downloads_and_prints_under_the_policy(site_url, watched):
    page, violations = watched()
    open_settled(page, site_url + "/calculator/")
    plan(page.main_frame)
    with page.expect_download():
        page.get_by_role("button", name="Add all dates to your calendar").click()
    page.get_by_role("button", name="Print this plan").click()
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    assert violations.take() == []


@pytest.mark.parametrize("path", ["/", "/aftercare/", "/aftercare-sheet/", "/glossary/", "/embed/risks/"])
def test_print_media_breaks_nothing(site_url, watched, path):
    page, violations = watched()
    page.emulate_media(media="print")
    open_settled(page, site_url + path)
    assert violations.take() == []


def test_instant_navigation_runs_the_next_pages_scripts_under_the_first_pages_policy(site_url, watched):
    """Material swaps in the next page's content and runs the inline scripts in it, but the policy
    stays the first page's: from the home page (/) to pages one folder down, and back."""
    page, violations = watched()
    open_settled(page, site_url + "/")
    page.evaluate("window.stillTheSameDocument = true")
    page.locator("article").get_by_role("link", name="Aftercare at home").click()
    page.wait_for_url("**/aftercare/")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Words explained").first.click()
    page.wait_for_url("**/glossary/")
    page.go_back()
    page.wait_for_url("**/aftercare/")
    page.go_back()
    page.wait_for_url(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.stillTheSameDocument") is True, "Material navigated without reloading"
    assert violations.take() == []


def test_embed_views_on_a_clinics_page_run_under_their_policy(site_url, watched):
    embeds = [
        snippets(slug, slug, site_url=site_url + "/", site_name="Guide", query=query)[kind]
        for slug, query in (("aftercare", "theme=dark"), ("calculator", f"concern={CONCERN}"))
        for kind in ("script", "iframe")
    ]
    body = "".join(embeds)
    origin = serve_pages({"/": f'<!doctype html><html lang="en"><title>Clinic</title><body>{body}</body></html>'})
    page, violations = watched()
    page.goto(origin + "/", wait_until="load")
    for frame in page.locator("iframe").all():
        frame.scroll_into_view_if_needed()  # the frames load lazily
    page.wait_for_load_state("networkidle")
    frames = [f for f in page.frames if "/embed/" in f.url]
    assert len(frames) == 4
    for frame in frames:
        if "/embed/calculator/" in frame.url:
            plan(frame)
    assert violations.take() == []


def test_the_web_editor_opens_under_its_policy(site_url, watched):
    page, violations = watched()
    open_settled(page, site_url + "/admin/")
    page.get_by_role("button", name="Open the editor").click()
    expect(page.get_by_role("heading", name=EDITOR["app_title"])).to_be_visible()  # its sign-in screen
    page.wait_for_load_state("networkidle")
    assert [v for v in violations.take() if SVELTIA_FONTS not in v] == []
    used = page.evaluate("[...document.fonts].filter(f => f.status !== 'unloaded').map(f => f.family)")
    assert "Guide Material Symbols" in used and not set(used) & SVELTIA_FAMILIES, "the blocked fonts are unused"


def test_with_the_headers_only_embed_views_can_be_framed_by_other_sites(browser, served_with_headers):
    paths = ["/embed/aftercare/", "/aftercare/", "/", "/admin/", "/404.html", "/no-such-page/"]
    frames = "".join(f'<iframe title="{p}" src="{served_with_headers}{p}"></iframe>' for p in paths)
    origin = serve_pages({"/": f'<!doctype html><html lang="en"><title>Clinic</title>{frames}</html>'})
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda m: re.search("frame-ancestors 'self'|X-Frame-Options", m.text) and refused.append(m.text))
    open_settled(page, origin + "/")
    shown = {frame.url.removeprefix(served_with_headers) for frame in page.frames}
    context.close()
    assert "/embed/aftercare/" in shown
    assert shown & set(paths[1:]) == set(), "the others show Chromium's error page instead"
    assert len(refused) == len(paths) - 1, refused
