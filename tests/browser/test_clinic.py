"""A clinic's own details in its embeds: a clinic's page on another loopback origin pastes the guide's
line with data-clinic-name, -phone and -url, and its patients see them, as text and tel: or https:
links only, in the "contact your clinic" card and the planner (and its calendar file), in light and
dark, in English and Spanish. A table of hostile values: each is inert, or ignored with a warning."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from browser.conftest import axe_violations, serve_pages
from browser.test_embed import NOW, fits, frame_of, plan, shown_snippets
from conftest import ROOT
from guide.render import strings
from guide.validate import load_content

CONTENT = load_content(ROOT)
ES = strings("es")
CLINIC = {"name": 'Glow & "Skin" Clinic', "phone": "+44 20 7946 0958", "url": "https://glowskin.example/contact/"}
RISKS = 'iframe[src*="/embed/risks/"]'
AFTERCARE = 'iframe[src*="/embed/aftercare/"]'
PLANNER = 'iframe[src*="/embed/calculator/"]'
FAQ = 'iframe[src*="/embed/faq/"]'
BOX = ".care-card--contact-clinic .clinic-contact"
SIGNS = [item for card in CONTENT.topics["risks"].care_cards for item in card.items if card.level == "contact-clinic"]


def with_details(line: str, **details: str) -> str:
    """The guide's line with data-clinic-* added, escaped as a clinic's page would write them."""
    extra = "".join(f' data-clinic-{key}="{html.escape(value)}"' for key, value in details.items())
    return line.replace("></script>", extra + "></script>")


@pytest.fixture(scope="module")
def host(built_site, site_url):
    """The clinic's site, on another origin than the guide's; pages are added by the tests."""
    pages: dict[str, str] = {}
    origin = serve_pages(pages)
    lines = {slug: shown_snippets(built_site, slug) for slug in ("aftercare", "risks", "calculator", "faq")}

    def page(path: str, *embeds: str, lang: str = "en") -> str:
        pages[path] = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Glow Skin Clinic</title>'
            f'<link rel="icon" href="data:,"></head><body><h1>Aftercare</h1>{"".join(embeds)}</body></html>'
        )
        return origin + path

    return page, lines


@pytest.fixture
def open_page(new_page):
    def open_(url: str, scheme: str = "light", **options):
        page = new_page(color_scheme=scheme, viewport={"width": 900, "height": 800}, now=NOW, **options)
        seen = {"warnings": [], "errors": [], "requests": []}
        page.on("console", lambda m: seen["warnings" if m.type == "warning" else "errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.goto(url, wait_until="load")
        return page, seen

    return open_


def guide_warnings(seen) -> list[str]:
    return [w for w in seen["warnings"] if "Microneedling guide" in w]


def read_calendar(page, frame, button: str) -> list:
    with page.expect_download() as info:
        frame.get_by_role("button", name=button).click()
    raw = Path(info.value.path()).read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "folded at 75 octets"
    return list(Calendar.from_ical(raw).walk("VEVENT"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_clinics_patients_see_its_name_phone_and_website(host, open_page, site_url, scheme):
    page_, lines = host
    url = page_(
        f"/clinic-{scheme}.html",
        with_details(lines["aftercare"][0], **CLINIC),
        with_details(lines["calculator"][0], name=CLINIC["name"], phone=CLINIC["phone"]),
        with_details(lines["faq"][0], **CLINIC),
    )
    page, seen = open_page(url, scheme)
    frame = frame_of(page, AFTERCARE)
    assert frame.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    box = frame.locator(BOX)
    expect(box).to_be_visible()
    assert box.inner_text().splitlines() == [
        'Your clinic: Glow & "Skin" Clinic',
        "Phone: +44 20 7946 0958",
        "Website: glowskin.example/contact",
        "Details from your clinic. The guide has not checked them.",
    ]
    assert box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "tel:+442079460958",
        "https://glowskin.example/contact/",
    ]
    elements = box.locator("*").evaluate_all("els => els.map(e => e.localName)")
    assert elements == ["strong", "span", "span", "br", "a", "span", "br", "a", "br", "em"], "the details are text"
    # The medical content and the credit line are the guide's, unchanged
    card = frame.locator(".care-card--contact-clinic")
    assert card.locator("li").all_inner_texts() == SIGNS
    credit = frame.locator(".embed-credit").inner_text()
    assert credit.startswith("From the Microneedling guide: Aftercare") and "Glow" not in credit
    assert frame.locator(".clinic-contact").count() == 1, "one card, one box: nothing else on the page changes"
    assert frame.evaluate("[document.cookie, localStorage.length, sessionStorage.length]") == ["", 0, 0]
    box_height, content, _ = fits(page, AFTERCARE)
    assert abs(box_height - content) <= 3, "the frame still fits its content"
    assert axe_violations(frame) == []

    planner = frame_of(page, PLANNER)
    booking = planner.locator(".calc-plan .clinic-contact")
    plan(planner)
    expect(booking).to_be_visible()
    assert booking.inner_text().splitlines() == [
        'Book your next session with: Glow & "Skin" Clinic',
        "Phone: +44 20 7946 0958",
        "Details from your clinic. The guide has not checked them.",
    ], "no website given: none shown"
    events = read_calendar(page, planner, "Add all dates to your calendar")
    assert events and all(str(e["LOCATION"]) == CLINIC["name"] for e in events)
    for event in events:
        description = str(event["DESCRIPTION"]).splitlines()
        assert description[0] == "A planning aid. Your clinician decides your schedule."
        assert description[1] == "Phone: +44 20 7946 0958"
        assert description[2].startswith("Aftercare: ") and description[2].endswith("/aftercare/")
    google = parse_qs(urlsplit(planner.locator(".calc-google").first.get_attribute("href")).query)
    assert google["location"] == [CLINIC["name"]] and "Phone: +44 20 7946 0958" in google["details"][0]
    assert axe_violations(planner) == []

    assert frame_of(page, FAQ).locator(".clinic-contact").count() == 0, "a page without the card shows nothing"
    assert guide_warnings(seen) == [] and seen["errors"] == []
    assert [u for u in seen["requests"] if "glowskin" in u] == [], "the website is a link, never fetched"
    assert [u for u in seen["requests"] if "Glow" in u or "7946" in u] == [], "the details never reach a server"


def test_the_planner_says_nothing_of_a_clinic_without_details(host, open_page):
    page_, lines = host
    page, seen = open_page(page_("/plain-planner.html", lines["calculator"][0]))
    planner = frame_of(page, PLANNER)
    plan(planner)
    expect(planner.locator(".calc-plan .clinic-contact")).to_be_hidden()
    events = read_calendar(page, planner, "Add all dates to your calendar")
    assert all("LOCATION" not in e for e in events)
    assert all("Phone" not in str(e["DESCRIPTION"]) for e in events)
    assert "location" not in parse_qs(urlsplit(planner.locator(".calc-google").first.get_attribute("href")).query)
    assert seen["errors"] == []


def test_spanish_embeds_show_the_details_in_spanish(host, open_page):
    page_, lines = host
    spanish = ' data-lang="es" data-page='
    url = page_(
        "/clinica.html",
        with_details(lines["risks"][0].replace(" data-page=", spanish), **CLINIC),
        with_details(
            lines["calculator"][0].replace(" data-page=", spanish), name=CLINIC["name"], phone="+34 912 345 678"
        ),
        lang="es",
    )
    page, seen = open_page(url, "dark")
    frame = frame_of(page, 'iframe[src*="/es/embed/risks/"]')
    assert frame.locator(BOX).inner_text().splitlines() == [
        f"{ES['clinic']['yours']} {CLINIC['name']}",
        f"{ES['clinic']['phone']} {CLINIC['phone']}",
        f"{ES['clinic']['website']} glowskin.example/contact",
        ES["clinic"]["note"],
    ]
    planner = frame_of(page, 'iframe[src*="/es/embed/calculator/"]')
    words = ES["planner"]
    planner.get_by_label(words["day"], exact=True).fill("20")
    planner.get_by_label(words["month"], exact=True).fill("3")
    planner.get_by_label(words["year"], exact=True).fill("2026")
    planner.get_by_role("button", name=words["submit"]).click()
    booking = planner.locator(".calc-plan .clinic-contact")
    expect(booking).to_contain_text(f"{ES['clinic']['book']} {CLINIC['name']}")
    events = read_calendar(page, planner, words["add_to_calendar"])
    assert all(str(e["LOCATION"]) == CLINIC["name"] for e in events)
    assert all(f"{ES['clinic']['phone']} +34 912 345 678" in str(e["DESCRIPTION"]) for e in events)
    assert guide_warnings(seen) == [] and seen["errors"] == []


def test_a_phone_link_is_left_to_the_phone_and_a_website_opens_in_a_new_tab(host, open_page):
    page_, lines = host
    page, _ = open_page(page_("/links.html", with_details(lines["risks"][0], **CLINIC)))
    frame = frame_of(page, RISKS)
    # Clicks that go nowhere: what embed-frame.js made of each link is what is checked
    targets = frame.evaluate(
        """() => {
            document.addEventListener('click', (e) => e.preventDefault());
            return [...document.querySelectorAll('.clinic-contact a')].map((a) => { a.click(); return a.target; });
        }"""
    )
    assert targets == ["", "_blank"]
    assert frame.locator(".clinic-contact a").last.get_attribute("rel") == "noopener"


# (what, attributes on the line, the lines the card's box shows (None: hidden), its links, the attributes warned about)
HOSTILE = [
    (
        "markup in a name is shown as text",
        {"name": '<img src=x onerror="parent.hacked=1"><b>Glow</b>'},
        ['Your clinic: <img src=x onerror="parent.hacked=1"><b>Glow</b>'],
        [],
        [],
    ),
    (
        "a javascript: website",
        {"url": "javascript:alert(document.domain)", "phone": "020 7946 0958"},
        ["Your clinic:", "Phone: 020 7946 0958"],
        ["tel:02079460958"],
        ["url"],
    ),
    ("an http: website", {"url": "http://glowskin.example/"}, None, [], ["url"]),
    ("a website with a user name", {"url": "https://bank.example@evil.example/"}, None, [], ["url"]),
    ("a very long name", {"name": "Glow " * 17}, None, [], ["name"]),
    ("a very long website", {"url": "https://glowskin.example/" + "a" * 180}, None, [], ["url"]),
    ("a right-to-left override in a name", {"name": "Glow\u202eevil.exe"}, None, [], ["name"]),
    ("a bidi isolate in a name", {"name": "Glow \u2067Clinic\u2069"}, None, [], ["name"]),
    ("a line break in a name", {"name": "Glow\nClinic"}, None, [], ["name"]),
    ("a control character in a name", {"name": "Glow\u0008Clinic"}, None, [], ["name"]),
    ("a phone with letters", {"phone": "0800 CALL NOW", "name": "Glow"}, ["Your clinic: Glow"], [], ["phone"]),
    ("a phone with markup", {"phone": "<b>020</b>"}, None, [], ["phone"]),
]


@pytest.mark.parametrize(("what", "attributes", "shown", "links", "warned"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_a_hostile_value_is_inert_or_ignored_with_a_warning(host, open_page, what, attributes, shown, links, warned):
    page_, lines = host
    slug = re.sub(r"\W+", "-", what)
    page, seen = open_page(page_(f"/hostile-{slug}.html", with_details(lines["risks"][0], **attributes)))
    frame = frame_of(page, RISKS)
    box = frame.locator(BOX)
    if shown is None:
        expect(box).to_be_hidden()
    else:
        expect(box).to_be_visible()
        assert box.inner_text().splitlines()[: len(shown)] == shown
    assert box.locator("img, b, script").count() == 0, "no markup from the value"
    assert box.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))") == links
    for key in warned:
        assert f'Microneedling guide embed: ignored data-clinic-{key}="{attributes[key]}"' in seen["warnings"], seen
    assert len(guide_warnings(seen)) == len(warned), guide_warnings(seen)
    assert page.evaluate("window.hacked") is None and frame.evaluate("window.hacked") is None
    assert frame.locator(".care-card--contact-clinic li").all_inner_texts() == SIGNS
    assert seen["errors"] == []


def test_the_embed_view_checks_the_details_in_its_address_again(host, open_page):
    """A plain iframe's address is anyone's to write: the frame applies the same rules as embed.js."""
    page_, lines = host
    frame_line = lines["risks"][1]
    hostile = html.escape(
        "clinic-name="
        + quote("Glow\u202eevil")
        + "&clinic-phone="
        + quote("<b>1</b>")
        + "&clinic-url="
        + quote("javascript:alert(1)", safe="")
    )
    fine = html.escape("clinic-name=" + quote("Glow & Co") + "&clinic-phone=" + quote("+1 (555) 010-9999"))
    page, seen = open_page(
        page_(
            "/iframes.html",
            frame_line.replace('/embed/risks/"', f'/embed/risks/#{hostile}"'),
        )
    )
    frame = frame_of(page, RISKS)
    expect(frame.locator(BOX)).to_be_hidden()
    for key in ("clinic-name", "clinic-phone", "clinic-url"):
        assert any(w.startswith(f"Microneedling guide: ignored {key}=") for w in seen["warnings"]), (key, seen)
    page, seen = open_page(page_("/iframe-fine.html", frame_line.replace('/embed/risks/"', f'/embed/risks/#{fine}"')))
    box = frame_of(page, RISKS).locator(BOX)
    expect(box).to_be_visible()
    assert box.inner_text().splitlines()[:2] == ["Your clinic: Glow & Co", "Phone: +1 (555) 010-9999"]
    assert guide_warnings(seen) == [] and seen["errors"] == []
