"""Interface text (scripts/templates/strings/<lang>.yml): every language has every key and the same
placeholders, and a Spanish page shows no English interface text."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from jinja2 import UndefinedError

from conftest import ROOT
from guide.render import STRINGS, _environment, long_date, render_edition, strings, weekday_date
from guide.validate import load_content

CONTENT = load_content(ROOT)
LANGUAGES = sorted(path.stem for path in STRINGS.glob("*.yml"))


def leaves(value: object, key: str = "") -> dict[str, object]:
    """Every string (or list of strings) by its dotted key: {"page.key_points": "Key points", ...}."""
    if isinstance(value, dict):
        return {k: v for name, child in value.items() for k, v in leaves(child, f"{key}.{name}".strip(".")).items()}
    return {key: value}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_is_an_english_and_a_spanish_file():
    assert {"en", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_has_every_key_and_the_same_placeholders(lang):
    english, other = leaves(strings("en")), leaves(strings(lang))
    assert sorted(set(english) - set(other)) == [], f"{lang}.yml lacks these keys"
    assert sorted(set(other) - set(english)) == [], f"{lang}.yml has keys en.yml does not"
    for key, text in english.items():
        texts = text if isinstance(text, list) else [text]
        others = other[key] if isinstance(other[key], list) else [other[key]]
        assert type(text) is type(other[key]), key
        assert all(isinstance(t, str) and t.strip() for t in [*texts, *others]), f"{key}: empty or not text"
        if key not in ("structured_data.other_names",):  # a language's own names, any number of them
            assert len(texts) == len(others), f"{key}: {lang}.yml has {len(others)} items, en.yml {len(texts)}"
        for en_text, lang_text in zip(texts, others, strict=False):
            assert placeholders(lang_text) == placeholders(en_text), f"{key}: {lang_text!r}"


def test_a_missing_key_stops_the_render():
    template = _environment("en").from_string("{{ t.page.no_such_key }}")
    with pytest.raises(UndefinedError):
        template.render()


def test_dates_use_the_languages_words_not_the_machines_locale():
    day = date(2026, 3, 30)
    assert weekday_date(day) == "Monday 30 March 2026"
    assert long_date(day, "es") == "30 de marzo de 2026"
    assert weekday_date(day, "es") == "lunes, 30 de marzo de 2026"  # as Intl.DateTimeFormat("es") writes it
    assert long_date(date(2026, 11, 25), "es") == "25 de noviembre de 2026"


@pytest.fixture(scope="module")
def spanish_pages() -> dict[str, str]:
    return render_edition(CONTENT, "es")


# Left out of the check: a reference keeps the language it was published in, and so does the name
# of a service (the UK's "Check a Practitioner"). Markup is left out too: ids, classes and link
# targets (such as #days-1-to-3, evidence--moderate) are the same in every language.
_REFERENCE = re.compile(r'^\d+\. <span id="ref-[^"]+"></span>.*$', re.MULTILINE)
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|\{[^}]*\}")
_NAMES = re.compile(r"Check\s+a\s+Practitioner")


def _items(value: object) -> list[str]:
    return value if isinstance(value, list) else [value]


def test_spanish_pages_show_no_english_interface_text(spanish_pages):
    english, spanish = leaves(strings("en")), leaves(strings("es"))
    all_spanish = " ".join(text for value in spanish.values() for text in _items(value))
    # each English string, or each fixed part of one with placeholders, that Spanish does not share
    parts = {
        part.strip(" .:,()*[]")
        for key, value in english.items()
        for text, other in zip(_items(value), _items(spanish[key]), strict=False)
        if text != other
        for part in re.split(r"\{[^}]*\}|\]\([^)]*\)", text)
    }
    parts = {part for part in parts if len(part) > 3 and part not in all_spanish}
    changes = {change.summary for topic in CONTENT.topics.values() for change in topic.review.changes}
    found = []
    for name, page in spanish_pages.items():
        if not name.endswith(".md"):
            continue
        text = _NAMES.sub(" ", _MARKUP.sub(" ", _REFERENCE.sub("", page)))
        for summary in changes:
            text = text.replace(summary, "")
        found += [(name, part) for part in parts if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)]
    assert sorted(found) == [], "\n".join(map(str, sorted(found)))


def test_spanish_pages_use_spanish_dates_figures_and_labels(spanish_pages):
    aftercare = spanish_pages["aftercare.md"]
    topic = CONTENT.translations["es"].topics["aftercare"]
    assert f"**Última revisión del original en inglés:** {long_date(topic.review.last_reviewed, 'es')}<br>" in aftercare
    assert '<title id="aftercare-timeline-title">Etapas de los cuidados, día a día</title>' in aftercare
    assert "## Cuándo pedir ayuda { #when-to-get-help }" in aftercare
    assert "revisión clínica pendiente" in aftercare
    benefits = spanish_pages["benefits.md"]
    assert re.search(r'evidence--([a-z]+)">Pruebas: (moderadas|algunas|limitadas|dispares|opinión)<', benefits)
    assert '\\"inLanguage\\":\\"es\\"' in benefits  # the JSON-LD, as a string in the front matter
    assert "Sesión de microagujas (planificada)" in spanish_pages["calculator.md"]
