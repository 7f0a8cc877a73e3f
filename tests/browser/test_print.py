"""Printing: the aftercare sheet fits two sides of paper, and printed pages carry no site furniture."""

from __future__ import annotations

import io
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from browser.conftest import open_settled
from conftest import ROOT
from guide.render import strings, weekday_date
from guide.validate import load_content

CONTENT = load_content(ROOT)
NAVIGATION_TEXT = ["Skip to content", "Plan your sessions", "Combining treatments", "About this guide", "Search"]
NAVIGATION_TEXT_ES = [
    "Ir al contenido",
    "Planifique sus sesiones",
    "Combinar tratamientos",
    "Sobre esta guía",
    "Búsqueda",
]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_aftercare_sheet_prints_on_two_pages_without_navigation(site_url, page_for, paper):
    page, watch = page_for()
    open_settled(page, site_url + "/aftercare-sheet/")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages on {paper}"
    for stage in CONTENT.topics["aftercare"].timeline:
        assert stage.label in text
    assert "Call an ambulance" in text and "not medical advice" in text
    assert [words for words in NAVIGATION_TEXT if words in text] == []
    assert watch.console_errors == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_spanish_aftercare_sheet_prints_on_two_pages_too(site_url, page_for, paper):
    """Spanish runs about a fifth longer than English: the sheet must still fit two sides."""
    page, watch = page_for()
    open_settled(page, site_url + "/es/aftercare-sheet/")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages on {paper}"
    for stage in CONTENT.translations["es"].topics["aftercare"].timeline:
        assert " ".join(stage.label.split()) in text
    assert "Llame a una ambulancia" in text and "no un consejo médico" in text
    assert [words for words in NAVIGATION_TEXT_ES if words in text] == []
    assert watch.console_errors == []


# A clinic's sheet at the longest its details can be (80, 30 and 200 characters), with a session date
LONGEST = {
    "clinic-name": ("Clínica Dermatológica " + "Glow Skin and Laser Centre " * 3)[:80],
    "clinic-phone": "+44 (0) 20-7946.0958 0000 0000",
    "clinic-url": ("https://glowskin-clinic.example/" + "aftercare/" * 20)[:200],
    "date": "2026-12-28",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_clinics_own_sheet_prints_on_two_pages_with_its_details_on_top(site_url, page_for, paper, lang):
    page, watch = page_for()
    edition = "" if lang == "en" else f"{lang}/"
    open_settled(page, f"{site_url}/{edition}aftercare-sheet/#{urlencode(LONGEST)}")
    page.locator(".sheet-dates").first.wait_for()
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    assert len(pdf.pages) == 2, f"{len(pdf.pages)} pages on {paper}"
    assert len(LONGEST["clinic-phone"]) == 30
    flat = ["".join(p.extract_text().split()) for p in pdf.pages]  # lines may break anywhere in a long value
    words = {key: "".join(text.split()) for key, text in strings(lang)["clinic"].items()}
    phone, name = "".join(LONGEST["clinic-phone"].split()), "".join(LONGEST["clinic-name"].split())
    top = flat[0][: flat[0].index(phone) + len(phone)]
    assert words["yours"] in top and name in top, "the clinic's details at the top"
    assert "".join(strings(lang)["aftercare_sheet"]["your_clinic"].split()) not in flat[0], "no blank for them"
    contact = "".join(flat)[len(top) :]
    assert f"{words['yours']}{name}" in contact and phone in contact, "and in the contact-your-clinic card"
    assert "(https://glowskin" not in "".join(flat), "the website is not printed twice"
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    topic = (CONTENT.topics if lang == "en" else CONTENT.translations[lang].topics)["aftercare"]
    session = date(2026, 12, 28)
    assert weekday_date(session, lang) in text, "each step's dates"
    assert weekday_date(session + timedelta(days=topic.timeline[-1].to_day), lang) in text
    assert watch.console_errors == []


def test_a_printed_topic_page_keeps_the_content_and_drops_the_navigation(site_url, page_for):
    page, _ = page_for()
    open_settled(page, site_url + "/risks/")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert CONTENT.topics["risks"].title in text and "When to get help" in text
    assert "Next review due" in text
    assert [words for words in NAVIGATION_TEXT if words in text] == []
