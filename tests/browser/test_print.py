"""Printing: the aftercare sheet fits two sides of paper, and printed pages carry no site furniture."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import ROOT
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
    page.goto(site_url + "/aftercare-sheet/", wait_until="networkidle")
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
    page.goto(site_url + "/es/aftercare-sheet/", wait_until="networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages on {paper}"
    for stage in CONTENT.translations["es"].topics["aftercare"].timeline:
        assert " ".join(stage.label.split()) in text
    assert "Llame a una ambulancia" in text and "no un consejo médico" in text
    assert [words for words in NAVIGATION_TEXT_ES if words in text] == []
    assert watch.console_errors == []


def test_a_printed_topic_page_keeps_the_content_and_drops_the_navigation(site_url, page_for):
    page, _ = page_for()
    page.goto(site_url + "/risks/", wait_until="networkidle")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert CONTENT.topics["risks"].title in text and "When to get help" in text
    assert "Next review due" in text
    assert [words for words in NAVIGATION_TEXT if words in text] == []
