"""No English on a Spanish page, in the real build: no word of the English interface text
(scripts/templates/strings/en.yml) and no value of the content's labels (the Literal values in
scripts/guide/model.py: evidence levels, how common a side effect is, ...) in what a Spanish reader
sees or hears on any page under /es/ (topic pages, embed views, the aftercare sheet, the glossary,
the 404 page, the reference lists) or in the planner's words (plan.json). A source keeps its own words
and language, marked with `lang` so screen readers say them right; editors' notes on references are
on no page, in either language; a reference's dates are in the page's language."""

from __future__ import annotations

import json
import re
import typing
from html import escape
from pathlib import Path

import pytest
from pydantic import BaseModel
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from guide import model
from guide.interface_text import texts
from guide.render import long_date, plain_text, strings
from guide.validate import load_content

CONTENT = load_content(ROOT)
WORD = re.compile(r"[^\W\d_]+")
# Spanish words spelt like an English word of the interface or a label: not English on a Spanish page.
SPANISH_TOO = {"a", "no", "en", "es", "general", "editorial", "plan", "web", "use", "decide", "scripts", "compare"}
SPANISH_TOO |= {"real", "error"}
# Names a Spanish text may use as they are: the procedure's English name, given after the Spanish one,
# brands and products, and institutions and services known by their English names.
NAMES = re.compile(
    r"microneedling|JavaScript|\.ics|\bmm\b|Check a Practitioner|American Academy of Dermatology"
    r"|Joint Council for Cosmetic Practitioners|state medical board|Mayo Clinic|U\.S\. Food and Drug Administration"
    r"|Cloudflare Pages|GitHub Pages|Google Calendar|Yellow Card|\bFDA\b"
    # the web's own words on the For clinics page, for clinics' web staff: HTML, an iframe and its src
    r"|\bHTML\b|\biframe\b|\bsrc\b",
    re.IGNORECASE,
)
# An address shown as a link's text is an address, in no language.
ADDRESS = re.compile(r"https?://\S+|doi:\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|uk|es|mx|ar|co|ca|au|ie)\b\S*")
SHOWN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")  # read out by screen readers, or shown


def _labels(annotation: object) -> set[str]:
    """The values of every Literal inside a field's type."""
    found = set(typing.get_args(annotation)) if typing.get_origin(annotation) is typing.Literal else set()
    for argument in typing.get_args(annotation):
        found |= _labels(argument)
    return found


def label_values() -> set[str]:
    """Every value a content label can have (model.py): 'expected', 'not-counted', 'moderate', ..."""
    models = [item for item in vars(model).values() if isinstance(item, type) and issubclass(item, BaseModel)]
    return {value for item in models for field in item.model_fields.values() for value in _labels(field.annotation)}


def english_words() -> set[str]:
    """Each word of the English interface text, its placeholders and link targets left out, and of the labels."""
    words = [re.sub(r"\{[^}]*\}|\]\([^)]*\)", " ", text) for _, text in texts(strings("en"))]
    words += [value.replace("-", " ") for value in label_values()]
    return {word.lower() for text in words for word in WORD.findall(text) if len(word) > 1} - SPANISH_TOO


ENGLISH = english_words()


def shown_text(html: str, lang: str = "es") -> str:
    """What a reader of `lang` sees or hears on a page: its text and the attributes shown or read out,
    less scripts, styles, code (the snippets clinics copy) and anything marked as another language."""
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, template, code, pre"):
        node.decompose()
    for node in tree.css("[lang]"):
        if node.tag != "html" and node.attributes.get("lang") != lang:
            node.decompose()
    texts = [tree.root.text(separator=" ")]
    texts += [node.attributes.get(name) or "" for node in tree.css("*") for name in SHOWN_ATTRIBUTES]
    return " ".join(" ".join(texts).split())


def english_in(text: str) -> list[str]:
    """The English words in a Spanish text, each with the words around it."""
    text = NAMES.sub(" ", ADDRESS.sub(" ", text))
    return [
        f"'{found.group(0)}' in …{text[max(0, found.start() - 40) : found.end() + 40]}…"
        for found in WORD.finditer(text)
        if found.group(0).lower() in ENGLISH
    ]


def spanish_pages(site: Path) -> list[Path]:
    return sorted(page for page in (site / "es").rglob("*.html") if "assets" not in page.relative_to(site).parts)


def test_the_check_knows_the_english_words_and_labels():
    assert {"expected", "counted", "moderate", "mixed", "urgent", "practitioners"} <= ENGLISH
    assert {"reviewed", "sources", "november", "published", "online"} <= ENGLISH
    assert english_in("Frecuencia: Expected. Publicado en línea el 25 de noviembre.") == [
        "'Expected' in …Frecuencia: Expected. Publicado en línea el 25 de noviembre.…"
    ]
    assert english_in("Vea microneedling en https://www.fda.gov/medical-devices y Check a Practitioner.") == []


def test_what_a_reader_sees_leaves_out_code_scripts_and_words_marked_as_english():
    html = (
        '<html lang="es"><head><title>Riesgos</title><script>var a = "Expected";</script></head><body>'
        '<p title="Enlace">Uno <span lang="en">Two</span> <code>allow-scripts</code></p>'
        '<a aria-label="Tres" href="#">x</a></body></html>'
    )
    assert shown_text(html).split() == ["Riesgos", "Uno", "x", "Enlace", "Tres"]


def test_the_build_has_every_kind_of_spanish_page(built_site: Path):
    pages = {page.relative_to(built_site / "es").as_posix() for page in spanish_pages(built_site)}
    expected = {"404.html", "index.html", "glossary/index.html", "aftercare-sheet/index.html"}
    expected |= {"risks/index.html", "embed/risks/index.html", "clinics/index.html", "about/index.html"}
    assert expected <= pages


def test_no_english_word_or_label_on_any_spanish_page(built_site: Path):
    english_risks = english_in(shown_text((built_site / "risks" / "index.html").read_text(encoding="utf-8"), "en"))
    assert any(word.startswith("'Expected'") for word in english_risks), "the check finds English on an English page"
    found = {}
    for page in spanish_pages(built_site):
        if words := english_in(shown_text(page.read_text(encoding="utf-8"))):
            found[page.relative_to(built_site).as_posix()] = words
    assert found == {}, "\n".join(f"{page}: {word}" for page, words in found.items() for word in words)


def test_no_english_in_the_spanish_planners_words(built_site: Path):
    """plan.json holds the words the planner's scripts show (and ids and settings, which are not words)."""
    data = json.loads((built_site / "es" / "assets" / "data" / "plan.json").read_text(encoding="utf-8"))
    not_words = {"id", "lang", "locale", "file", "prodid", "default_concern"}
    # each text, a placeholder in it (filled in by the script) left out
    words = [re.sub(r"\{[^}]*\}", " ", text) for loc, text in texts(data) if not not_words & set(loc)]
    assert len(words) > 50
    assert [found for text in words for found in english_in(text)] == []


def test_the_spanish_404_page_is_in_spanish_and_the_english_one_in_english(built_site: Path):
    for page, lang in ((built_site / "es" / "404.html"), "es"), ((built_site / "404.html"), "en"):
        html = page.read_text(encoding="utf-8")
        words = strings(lang)["theme"]["not_found"]
        assert f"<h1>{escape(words['heading'], quote=False)}</h1>" in html
        assert words["text"] in shown_text(html, lang) and words["home"] in shown_text(html, lang)
        assert "Not found" not in html


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_page_shows_a_note_meant_for_editors(built_site: Path, lang: str):
    notes = {ref.id: plain_text(ref.note) for ref in CONTENT.references.values() if ref.note}
    assert len(notes) > 30
    site = built_site if lang == "en" else built_site / "es"
    pages = [page for page in site.rglob("*.html") if lang == "es" or "es" not in page.relative_to(site).parts]
    text = " ".join(shown_text(page.read_text(encoding="utf-8"), lang) for page in pages)
    shown = [ref_id for ref_id, note in notes.items() if " ".join(note.split()) in text]
    assert shown == []
    for words in ("PubMed id seen via a mirror", "verify", "to be checked", "a secondary copy", "not captured"):
        assert words not in text, words


def test_a_spanish_reference_list_marks_english_sources_and_dates_them_in_spanish(built_site: Path):
    html = (built_site / "es" / "risks" / "index.html").read_text(encoding="utf-8")
    friedmann = CONTENT.references["friedmann-2024"]
    item = re.search(r'<li><span id="ref-friedmann-2024"></span>(.*?)</li>', html, re.S).group(1)
    assert item.startswith('<span lang="en">Friedmann DP')
    assert f"Publicado en línea el {long_date(friedmann.dates.published_online, 'es')}." in item
    spanish_source = re.search(r'<li><span id="ref-aemps-device-incidents-patients"></span>(.*?)</li>', html, re.S)
    assert not spanish_source.group(1).startswith("<span lang=") and "En español." in spanish_source.group(1)
    english = (built_site / "risks" / "index.html").read_text(encoding="utf-8")
    item = re.search(r'<li><span id="ref-friedmann-2024"></span>(.*?)</li>', english, re.S).group(1)
    assert item.startswith("Friedmann DP") and "Published online 25 November 2024." in item
