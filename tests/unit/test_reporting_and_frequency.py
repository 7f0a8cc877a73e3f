"""Issue 19: where to report a problem, by country (content/risks.yml `reporting`), and how often each side
effect happens, in defined words or the studies' numbers, on every page, sheet and embed view of every edition."""

from __future__ import annotations

import itertools
import re
import shutil

import pytest

from conftest import ROOT, ContentCopy
from guide.problems import ContentError
from guide.render import regulators_for, render_edition, spoken_list, strings
from guide.validate import load_content

CONTENT = load_content(ROOT)
RISKS = CONTENT.topics["risks"]
PAGES = {lang: render_edition(CONTENT, lang) for lang in ("en", "es")}
# The countries each edition must list (issue 19), in that edition's words.
COUNTRIES = {
    "en": ["Australia", "Canada", "Ireland", "United Kingdom", "United States"],
    "es": ["Argentina", "Colombia", "España", "Estados Unidos", "México"],
}


def reporting_list(page: str) -> list[str]:
    section = page.split("{ #reporting-a-problem }", 1)[-1] if "{ #reporting" in page else page
    section = section.split("## Reporting a problem", 1)[-1].split("\n## ", 1)[0]
    return re.findall(r"^- \*\*(.+?):\*\*", section, flags=re.M)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_edition_lists_its_own_countries_in_alphabetical_order(lang):
    """A country with several routes (a medicines page and a devices page, a regulator of doctors) has
    several lines, next to each other, so a reader finds all of them in one place."""
    countries = reporting_list(PAGES[lang]["risks.md"])
    assert [country for country, _ in itertools.groupby(countries)] == COUNTRIES[lang]


def test_the_uk_lists_the_regulators_of_doctors_and_nurses_for_complaints():
    page = PAGES["en"]["risks.md"]
    for name in ("General Medical Council (GMC)", "Nursing and Midwifery Council (NMC)"):
        assert f"**United Kingdom:** {name}. It takes reports about practitioners." in page


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_listed_regulator_links_to_its_reporting_page_and_no_other_editions_do(lang):
    page = PAGES[lang]["risks.md"]
    for regulator in RISKS.reporting.regulators:
        assert (f"]({regulator.url})" in page) is (lang in regulator.editions), (lang, regulator.id)


def test_the_us_is_listed_in_both_editions_with_the_fda_page_in_each_language():
    english = {r.id for r in regulators_for(RISKS.reporting.regulators, "en")}
    spanish = {r.id for r in regulators_for(RISKS.reporting.regulators, "es")}
    assert "us" in english and "us-spanish" in spanish and not english & spanish
    assert "](https://www.fda.gov/fda-en-espanol/reporte-problemas-serios-la-fda)" in PAGES["es"]["risks.md"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_what_each_regulator_takes_is_said_in_the_editions_words(lang):
    t = strings(lang)["reporting"]
    risks = CONTENT.translations["es"].topics["risks"] if lang == "es" else RISKS
    for regulator in regulators_for(risks.reporting.regulators, lang):
        things = spoken_list([t["things"][what] for what in regulator.takes], t["and"])
        assert (
            f"**{regulator.country}:** {regulator.name}. {t['takes'].format(things=things)}" in PAGES[lang]["risks.md"]
        )


def test_a_spoken_list_reads_as_a_sentence():
    assert [spoken_list(words, "and") for words in (["a"], ["a", "b"], ["a", "b", "c"])] == [
        "a",
        "a and b",
        "a, b and c",
    ]


def test_the_reporting_section_keeps_its_english_anchor_in_spanish():
    heading = CONTENT.translations["es"].topics["risks"].reporting.heading  # "Cómo notificar un problema"
    assert heading != RISKS.reporting.heading
    assert f"## {heading} {{ #reporting-a-problem }}" in PAGES["es"]["risks.md"]


# ── how often: defined labels and the studies' numbers ───────────────────────────────────────


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", ["risks.md", "embed/risks.md"])
def test_the_risks_table_shows_defined_words_of_the_edition_and_the_studies_numbers(lang, name):
    t = strings(lang)["risks"]
    page = PAGES[lang][name]
    assert t["how_common_meanings"] in page  # each label is defined once, above the table
    rows = re.findall(r"^\| .+? \| (.+?) \| .+? \|$", page.split(t["how_common_meanings"], 1)[1], flags=re.M)
    effects = (CONTENT.translations["es"].topics["risks"] if lang == "es" else RISKS).side_effects
    cells = rows[1 : 1 + len(effects)]  # after the header row (its rule has no spaces)
    for effect, cell in zip(effects, cells, strict=True):
        assert cell.startswith(t["frequency"][effect.how_common]), cell
        assert (effect.how_often or "") in cell
    for word in ("uncommon", "rare", "counted", "not-counted", "poco frecuente", "raro"):
        assert not any(re.search(rf"\b{word}\b", cell, flags=re.I) for cell in cells), word
    assert ("5 in 30" if lang == "en" else "5 de 30") in page


def test_no_topic_calls_a_side_effect_uncommon_or_rare():
    """Frequency words a reader cannot read as numbers are gone from the English content (issue 19)."""
    words = re.compile(r"\b(uncommon|rare|rarely)\b", re.I)
    for slug, topic in CONTENT.topics.items():
        text = topic.model_dump_json(exclude={"review"})
        assert not words.search(text), (slug, words.search(text).group(0))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    "name", ["risks.md", "aftercare.md", "aftercare-sheet.md", "embed/risks.md", "embed/aftercare.md"]
)
def test_the_urgent_card_says_to_get_same_day_help_for_spreading_blisters_and_where_to_go(lang, name):
    risks = CONTENT.translations["es"].topics["risks"] if lang == "es" else RISKS
    [urgent] = [card for card in risks.care_cards if card.level == "urgent"]
    [blisters] = [item for item in urgent.items if "herpe" in item]
    page = PAGES[lang][name]
    card = page.split("care-card--urgent", 1)[1].split("</div>", 1)[0]
    assert f"- {blisters}" in card
    assert urgent.where and "111" in urgent.where and urgent.where in card  # the review of issue 19


# ── the checks ───────────────────────────────────────────────────────────────────────────────


@pytest.fixture
def real(tmp_path) -> ContentCopy:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return ContentCopy(tmp_path)


def errors(copy: ContentCopy) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(copy.root)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_counted_without_numbers_is_a_located_error(real):
    real.replace("risks.yml", "    how_often: 2 in 30 people in one small study of darker skin\n", "")
    real.replace("es/risks.yml", "    how_often: 2 de 30 personas en un estudio pequeño con piel oscura\n", "")
    [problem] = errors(real)
    assert problem.startswith("content/risks.yml:") and "how_common is 'counted': give the studies' numbers" in problem


def test_an_edition_the_guide_does_not_have_is_a_located_error(real):
    real.replace(
        "risks.yml",
        "      editions: [en]\n      cites: [hpra-device-safety]",
        "      editions: [en, fr]\n      cites: [hpra-device-safety]",
    )
    line = real.line_of("risks.yml", "editions: [en, fr]")
    [problem] = errors(real)
    assert (
        problem.startswith(f"content/risks.yml:{line}:")
        and "reporting.regulators[1].editions[1]: unknown edition 'fr'" in problem
    )


# ── the review of issue 19: unsterile needles, the planner's caution, atopic eczema ──────────


NEEDLES = "if-the-needles-may-not-have-been-sterile"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_what_to_do_after_unsterile_needles_is_written_once_and_every_mention_links_to_it(lang):
    risks = PAGES[lang]["risks.md"]
    topic = CONTENT.translations["es"].topics["risks"] if lang == "es" else RISKS
    [heading] = [s.heading for s in topic.sections if "72" in (s.body or "")]
    section = risks.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    assert "48" in section  # hepatitis B treatment within 48 hours, with PEP within 72
    assert lang == "en" or section.startswith(f" {{ #{NEEDLES} }}")  # the English anchor in every edition
    assert f"](#{NEEDLES})" in risks  # from the infection row
    for page in ("procedure.md", "combining.md", "choosing-a-practitioner.md"):
        assert f"](risks.md#{NEEDLES})" in PAGES[lang][page], page


def test_a_concerns_caution_goes_wherever_its_numbers_go():
    [hair] = [c for c in CONTENT.topics["frequency"].concerns if c.caution]
    spanish = CONTENT.translations["es"].topics["frequency"]
    [hair_es] = [c for c in spanish.concerns if c.caution]
    for lang, concern in (("en", hair), ("es", hair_es)):
        for page in ("calculator.md", "embed/calculator.md"):  # under the table the planner uses
            assert f"**{concern.name}:** {concern.caution}" in PAGES[lang][page], (lang, page)
        for page in ("frequency.md", "embed/frequency.md"):  # with the concern's own numbers, once
            section = PAGES[lang][page].split(f"### {concern.name}", 1)[1].split("\n### ", 1)[0]
            assert concern.caution in section and PAGES[lang][page].count(concern.caution) == 1, (lang, page)


def test_atopic_eczema_is_on_the_talk_to_your_clinician_first_list_with_its_source():
    [item] = [item for item in RISKS.check_first if "atopic eczema" in item.text]
    assert "bad-eczema-herpeticum" in item.cites
