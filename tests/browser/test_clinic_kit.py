"""The For clinics page's form (partials/clinic-kit.md.j2, clinic-kit.js): a clinic makes its own line and
its aftercare sheet from that page alone, in English or Spanish; pastes the line into its own page on
another origin and sees its details; bad input gets a message by the field; without JavaScript the
page still shows its snippets; nothing typed is sent anywhere."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from browser.conftest import axe_violations, open_settled, serve_pages
from browser.test_embed import NOW, frame_of
from conftest import ROOT
from guide.render import strings, weekday_date
from guide.validate import load_content

CONTENT = load_content(ROOT)
NAME, PHONE, WEBSITE = 'Glow & "Skin" Clinic', "+44 20 7946 0958", "https://glowskin.example/contact/"
DETAILS = ("Glow", "7946", "glowskin")  # none of these may reach a server
WIDE = {"width": 1000, "height": 900}


@pytest.fixture
def clinics_page(new_page, site_url):
    def open_page(lang: str = "en", scheme: str = "light", **options):
        page = new_page(
            color_scheme=scheme,
            permissions=["clipboard-read", "clipboard-write"],
            viewport={"width": 1000, "height": 900},
            now=NOW,
        )
        seen = {"errors": [], "requests": []}
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        open_settled(page, f"{site_url}/{'' if lang == 'en' else lang + '/'}clinics/")
        expect(page.locator(".kit")).to_be_visible()
        return page, seen

    return open_page


def fill_details(page, name=NAME, phone=PHONE, website=WEBSITE):
    page.locator("#kit-name").fill(name)
    page.locator("#kit-phone").fill(phone)
    page.locator("#kit-url").fill(website)
    page.locator("#kit-url").blur()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_clinic_makes_its_line_and_its_sheet_from_the_for_clinics_page(clinics_page, new_page, site_url, lang):
    words = strings(lang)
    page, seen = clinics_page(lang)
    fill_details(page)
    page.locator("#kit-page").select_option("risks")
    page.locator("#kit-theme").select_option("dark")
    page.locator("#kit-accent").fill("0b6e4f")
    page.locator("#kit-accent").blur()
    language = "" if lang == "en" else f' data-lang="{lang}"'
    line = (
        f'<script async src="{site_url}/embed.js"{language} data-page="risks" data-theme="dark" data-accent="#0b6e4f"'
        f' data-clinic-name="Glow &amp; &quot;Skin&quot; Clinic" data-clinic-phone="{PHONE}"'
        f' data-clinic-url="{WEBSITE}"></script>'
    )
    expect(page.locator(".kit-line")).to_have_text(line)
    edition = "" if lang == "en" else f"{lang}/"
    address = page.locator(".kit-address").inner_text()
    assert address.startswith(f"{site_url}/{edition}embed/risks/?theme=dark&accent=0b6e4f#clinic-name=Glow+%26+")

    # Copied with the code block's own button, exactly
    code = page.locator("pre", has=page.locator(".kit-line"))
    code.hover()
    code.get_by_role("button").click()
    assert page.evaluate("navigator.clipboard.readText()").strip() == line

    # The preview is the line itself, in this page
    preview = frame_of(page, ".kit-preview iframe")
    box = preview.locator(".care-card--contact-clinic .clinic-contact")
    expect(box).to_contain_text(NAME)
    assert preview.evaluate("document.body.dataset.mdColorScheme") == "slate"

    # Pasted into the clinic's own page, on another origin
    host = serve_pages({"/": f"<!doctype html><html lang={lang}><title>Glow</title><h1>Glow</h1>{line}</html>"})
    clinic = new_page()
    clinic.goto(host + "/", wait_until="load")
    embedded = frame_of(clinic, 'iframe[src*="/embed/risks/"]')
    shown = embedded.locator(".care-card--contact-clinic .clinic-contact")
    expect(shown).to_be_visible()
    assert shown.inner_text().splitlines()[:3] == [
        f"{words['clinic']['yours']} {NAME}",
        f"{words['clinic']['phone']} {PHONE}",
        f"{words['clinic']['website']} glowskin.example/contact",
    ]
    assert embedded.evaluate("document.documentElement.lang") == lang

    # The aftercare sheet, with a date
    page.locator("#kit-date").fill("2026-04-06")
    sheet = page.locator(".kit-sheet")
    href = sheet.get_attribute("href")
    assert href.startswith(f"{site_url}/{edition}aftercare-sheet/#clinic-name=") and href.endswith("&date=2026-04-06")
    sheet.click()
    page.wait_for_url(f"**/{edition}aftercare-sheet/**")
    page.get_by_role("heading", level=1, name=words["aftercare_sheet"]["heading"]).wait_for()
    header = page.locator(".aftercare-sheet > .clinic-contact")
    expect(header).to_be_visible()
    expect(header).to_contain_text(NAME)
    expect(page.locator(".sheet-blank")).to_be_hidden()
    stages = (
        CONTENT.topics["aftercare"].timeline
        if lang == "en"
        else CONTENT.translations["es"].topics["aftercare"].timeline
    )
    day = date(2026, 4, 6)
    first = page.locator(".sheet-stage h2").first
    expect(first).to_contain_text(weekday_date(day + timedelta(days=stages[0].from_day), lang))
    expect(page.locator(".sheet-dates")).to_have_count(len(stages))
    assert [u for u in seen["requests"] if any(d in u for d in DETAILS)] == [], "nothing typed reaches a server"
    assert seen["errors"] == []


def test_bad_input_gets_a_message_by_the_field_and_stays_out_of_the_line(clinics_page):
    page, _ = clinics_page()
    words = strings("en")["clinic_kit"]
    fill_details(page, name="Glow", phone="0800 CALL NOW", website="javascript:alert(1)")
    page.locator("#kit-accent").fill("red")
    page.locator("#kit-accent").blur()
    for field in ("phone", "url", "accent"):
        error = page.locator(f"#kit-{field}-error")
        expect(error).to_be_visible()
        assert " ".join(error.text_content().split()) == f"Error: {words[field + '_error']}."
        expect(page.locator(f"#kit-{field}")).to_have_attribute("aria-invalid", "true")
        assert f"kit-{field}-error" in page.locator(f"#kit-{field}").get_attribute("aria-describedby")
    expect(page.locator("#kit-name-error")).to_be_hidden()
    line = page.locator(".kit-line").inner_text()
    assert 'data-clinic-name="Glow"' in line
    assert "data-clinic-phone" not in line and "data-clinic-url" not in line and "data-accent" not in line
    assert "javascript" not in page.locator(".kit-sheet").get_attribute("href")
    assert axe_violations(page) == [], "with its errors shown"

    page.locator("#kit-phone").fill("0800 123 456")  # put right: the message goes at once
    expect(page.locator("#kit-phone-error")).to_be_hidden()
    assert page.locator("#kit-phone").get_attribute("aria-invalid") is None
    expect(page.locator(".kit-line")).to_contain_text('data-clinic-phone="0800 123 456"')


def test_the_planners_concern_is_offered_only_for_pages_with_the_planner(clinics_page):
    page, _ = clinics_page()
    expect(page.locator("#kit-concern")).to_be_hidden()  # the aftercare page, chosen at first
    page.locator("#kit-page").select_option("calculator")
    expect(page.locator("#kit-concern")).to_be_visible()
    concern = page.locator("#kit-concern option").nth(1).get_attribute("value")
    page.locator("#kit-concern").select_option(concern)
    expect(page.locator(".kit-line")).to_contain_text(f'data-page="calculator" data-concern="{concern}"')
    page.locator("#kit-page").select_option("faq")
    expect(page.locator(".kit-line")).not_to_contain_text("data-concern")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_form_is_accessible_in_both_colour_schemes(clinics_page, scheme):
    page, seen = clinics_page("en", scheme)
    fill_details(page)
    frame_of(page, ".kit-preview iframe")
    assert axe_violations(page) == []
    assert seen["errors"] == []


def test_after_instant_navigation_the_form_still_starts(page_for, site_url):
    page, watch = page_for()
    open_settled(page, site_url + "/aftercare/")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="For clinics").first.click()
    page.get_by_role("heading", level=1, name="For clinics: put the guide on your website").wait_for()
    assert page.evaluate("window.notReloaded === true"), "instant navigation, not a new page"
    expect(page.locator(".kit")).to_be_visible()
    page.locator("#kit-name").fill("Glow")
    expect(page.locator(".kit-line")).to_contain_text('data-clinic-name="Glow"')
    assert watch.console_errors == []


def test_without_javascript_the_page_shows_its_snippets_and_a_note(page_for, site_url, built_site):
    page, _ = page_for(java_script_enabled=False)
    page.goto(site_url + "/clinics/", wait_until="load")
    expect(page.locator(".kit")).to_be_hidden()
    note = page.locator(".calc-fallback")
    expect(note).to_be_visible()
    expect(note.get_by_role("link")).to_have_attribute("href", "../aftercare-sheet/")
    first = html.unescape(page.locator("pre code").nth(2).inner_text())  # after the form's two
    assert first.strip().startswith(f'<script async src="{site_url}/embed.js" data-page="aftercare">')
    expect(page.locator("pre code", has_text="data-clinic-name=").first).to_be_visible()
