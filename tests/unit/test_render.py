"""The renderer: a pure function from checked content to Markdown pages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from guide.embed import split_front_matter
from guide.model import Reference
from guide.problems import ContentError
from guide.render import format_reference, long_date, reference_for_editors, render_pages, structured_data
from guide.validate import load_content


def test_one_page_per_topic_with_front_matter(minimal):
    pages = render_pages(load_content(minimal.root))
    embed = {"embed/frequency.md", "embed/aftercare.md", "embed/calculator.md", "clinics.md"}  # test_embed_views.py
    assert embed <= set(pages)
    pages = {name: text for name, text in pages.items() if name not in embed}
    assert set(pages) == {
        "frequency.md",
        "aftercare.md",
        "aftercare-sheet.md",
        "calculator.md",
        "assets/data/plan.json",
    }
    front = pages["aftercare.md"].split("---")[1]
    assert 'title: "Aftercare at home"' in front
    assert 'description: "What to do in the days after a session."' in front
    assert "source: content/aftercare.yml" in front


def test_rendering_is_repeatable(minimal):
    content = load_content(minimal.root)
    assert render_pages(content) == render_pages(content)


def test_citations_are_numbered_in_order_of_first_use(minimal):
    page = render_pages(load_content(minimal.root))["frequency.md"]
    body, references = page.split("## References")
    assert body.index("[[1]](#ref-harris-2015)") < body.index("[[2]](#ref-alam-2014)")
    assert body.count("[[1]](#ref-harris-2015)") == 2  # cited twice, numbered once
    assert '\n1. <span id="ref-harris-2015"></span>Harris AG' in references
    assert '\n2. <span id="ref-alam-2014"></span>Alam M' in references


def test_only_cited_references_are_listed(minimal):
    page = render_pages(load_content(minimal.root))["aftercare.md"]
    references = page.split("## References")[1]
    assert 'id="ref-alam-2014"' in references
    assert "harris" not in references.lower()


def test_review_dates_and_honest_review_status(minimal):
    page = render_pages(load_content(minimal.root))["aftercare.md"]
    assert "**Page last reviewed:** 25 November 2026" in page
    assert "**Next review due:** 25 November 2027" in page
    assert "Editorial team (editorial review; clinical review pending)" in page


def test_content_changes_reach_the_page(minimal):
    minimal.replace("frequency.yml", "{min: 2, default: 4, max: 6}", "{min: 2, default: 5, max: 6}")
    page = render_pages(load_content(minimal.root))["frequency.md"]
    assert "| Acne scars | No studies for this row | 3 to 6 (often 3) | 2 to 6 | 5 weeks |" in page


def test_care_cards_have_real_headings(minimal):
    page = render_pages(load_content(minimal.root))["aftercare.md"]
    assert '<div class="care-card care-card--urgent" markdown>\n\n### Contact your clinic the same day if:' in page


def test_care_cards_written_once_show_on_another_page(minimal):
    minimal.replace("frequency.yml", "related: [aftercare]", "related: [aftercare]\ncare_cards_from: aftercare")
    page = render_pages(load_content(minimal.root))["frequency.md"]
    assert "## When to get help" in page
    assert "The redness spreads or you have a fever." in page


def test_structured_data_cannot_close_its_script_element(minimal):
    minimal.replace("frequency.yml", "summary: How many", "summary: 3 > 2 & 2 > 1. How many")
    content = load_content(minimal.root)
    text = structured_data(content, "frequency")
    assert not set("<>&") & set(text)
    assert json.loads(text)["description"].startswith("3 > 2 & 2 > 1.")


def test_glossary_words_become_tooltips_only_where_they_appear(minimal):
    minimal.file("glossary.yml").write_text(
        "terms:\n"
        "  - term: sunburn\n    definition: Skin made red and sore by the sun.\n"
        "  - term: keloid\n    definition: A raised scar.\n",
        encoding="utf-8",
    )
    pages = render_pages(load_content(minimal.root))
    assert "*[sunburn]: Skin made red and sore by the sun." in pages["aftercare.md"]
    assert "*[keloid]" not in pages["aftercare.md"]
    assert "sunburn\n:   Skin made red and sore by the sun." in pages["glossary.md"]


def test_a_word_explained_twice_in_the_glossary_is_an_error_in_any_letter_case(minimal):
    minimal.file("glossary.yml").write_text(
        "terms:\n  - term: PRP\n    definition: One.\n  - term: Other\n    also: [prp]\n    definition: Two.\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content(minimal.root)
    assert [str(p) for p in caught.value.problems] == [
        "content/glossary.yml:5:12: terms[1].also[0]: 'prp' is already explained by term 0 (letter case does not count)"
    ]


def test_a_glossary_word_is_explained_in_each_letter_case_the_page_uses(minimal):
    minimal.file("glossary.yml").write_text(
        "terms:\n  - term: redness\n    definition: Skin that looks red.\n", encoding="utf-8"
    )
    minimal.replace("aftercare.yml", "intro: Keep", "intro: Redness fades. Keep")
    page = render_pages(load_content(minimal.root))["aftercare.md"]
    assert "*[Redness]: Skin that looks red." in page and "*[redness]: Skin that looks red." in page


def test_the_aftercare_sheet_has_the_timeline_and_the_cards_without_citations(minimal):
    sheet = render_pages(load_content(minimal.root))["aftercare-sheet.md"]
    assert "## The first 24 hours" in sheet and "- Use only what your clinic gives you." in sheet
    assert "care-card--urgent" in sheet and "⟦" not in sheet and "Sources:" not in sheet
    assert "search:\n  exclude: true" in sheet


def test_long_date_is_unambiguous():
    assert long_date(date(2027, 3, 1)) == "1 March 2027"


def test_reference_leaves_out_what_is_missing():
    ref = Reference(
        id="x", title="Skin needling", published_in="DermNet", url="https://dermnetnz.org/topics/skin-needling/"
    )
    assert format_reference(ref) == "Skin needling. *DermNet*. <https://dermnetnz.org/topics/skin-needling/>"


def test_reference_with_every_detail():
    ref = Reference(
        id="y",
        authors="Alam M, Han S",
        title="Efficacy of a needling device",
        published_in="JAMA Dermatol",
        year=2014,
        details="150(8):844–849",
        doi="10.1001/jamadermatol.2013.8687",
        pmid="24919799",
        note="Abstract only",
    )
    assert format_reference(ref) == (
        "Alam M, Han S. Efficacy of a needling device. *JAMA Dermatol*. 2014;150(8):844–849. "
        "[doi:10.1001/jamadermatol.2013.8687](https://doi.org/10.1001/jamadermatol.2013.8687) "
        "[PubMed 24919799](https://pubmed.ncbi.nlm.nih.gov/24919799/)"
    ), "the note is for editors: no page shows it"
    assert reference_for_editors(ref).endswith(
        "2014;150(8):844–849. doi:10.1001/jamadermatol.2013.8687 PubMed 24919799 *Note: Abstract only.*"
    )


def test_a_reference_keeps_its_own_words_and_language_and_gives_its_dates_in_the_readers():
    ref = Reference(
        id="z",
        authors="Friedmann DP",
        title="Granulomatous reactions from microneedling",
        published_in="Dermatol Surg",
        year=2024,
        dates={"published_online": date(2024, 11, 25)},
    )
    own = "Friedmann DP. Granulomatous reactions from microneedling. *Dermatol Surg*. 2024."
    assert format_reference(ref) == f"{own} Published online 25 November 2024."
    assert format_reference(ref, "es") == f'<span lang="en">{own}</span> Publicado en línea el 25 de noviembre de 2024.'
    spanish = Reference(id="s", title="Estrías", published_in="gob.mx", language="es")
    assert format_reference(spanish) == '<span lang="es">Estrías. *gob.mx*.</span> In Spanish.'
    assert format_reference(spanish, "es") == "Estrías. *gob.mx*. En español."


def test_a_reference_without_a_published_title_says_what_it_is_and_where_it_was_seen_in_the_readers_words():
    release = Reference(id="r", authors="British Association of Dermatologists", kind="press-release", year=2018)
    own = "British Association of Dermatologists. 2018."
    assert format_reference(release) == f"{own} Press release."
    assert format_reference(release, "es") == f'<span lang="en">{own}</span> Nota de prensa.'
    copy = Reference(id="c", title="Stretch marks", published_in="nhs.uk", secondary=True)
    assert format_reference(copy).endswith("Seen only in a copy on another site, not where it was published.")
    assert format_reference(copy, "es").endswith("Consultada solo en una copia en otro sitio, no donde se publicó.")
    asks = Reference(id="q", title="Is a cosmetic procedure right for me?", published_in="nhs.uk")
    assert format_reference(asks) == "Is a cosmetic procedure right for me? *nhs.uk*."
    with pytest.raises(ValidationError, match="its published title, or a kind"):
        Reference(id="n", published_in="nhs.uk")


@pytest.mark.parametrize(
    ("field", "value"),
    [("details", "published online 25 November 2024"), ("authors", "Ngan V; updated (December 2015)")],
)
def test_a_date_written_in_words_is_refused_in_a_references_own_words(field, value):
    with pytest.raises(ValidationError, match="is a date written in words: give it in the reference's dates"):
        Reference(id="x", title="A title", **{field: value})


def test_calculator_data_comes_from_the_yaml(minimal):
    import json

    minimal.replace("frequency.yml", "{min: 2, default: 4, max: 6}", "{min: 2, default: 5, max: 6}")
    data = json.loads(render_pages(load_content(minimal.root))["assets/data/plan.json"])
    assert data["default_concern"] == "general"
    assert data["concerns"][0] == {
        "id": "acne-scars",
        "name": "Acne scars",
        "sessions": {"min": 3, "typical": 3, "max": 6},
        "interval_weeks": {"min": 2, "default": 5, "max": 6},
    }
    assert data["aftercare"][0]["from_day"] == 0
    assert data["aftercare"][0]["do"] == ["Use only what your clinic gives you."]


def test_plain_text_drops_markdown_marks():
    from guide.render import plain_text

    assert plain_text("Use **only** what [your clinic](aftercare.md) gives, *gently*.") == (
        "Use only what your clinic gives, gently."
    )


def test_the_aftercare_sheet_shows_each_area_of_aftercare(minimal):
    minimal.replace(
        "aftercare.yml",
        "related: [frequency]",
        "areas:\n  - id: scalp\n    heading: Aftercare for the scalp\n    body: Ask your clinic.\n"
        "    cites: [alam-2014]\nrelated: [frequency]",
    )
    sheet = render_pages(load_content(minimal.root))["aftercare-sheet.md"]
    assert "**Aftercare for the scalp:** Ask your clinic." in sheet


def test_a_sentence_ending_in_an_exclamation_mark_before_a_citation_is_not_an_image(minimal):
    minimal.replace("frequency.yml", "body: Your skin needs time to heal.", "body: Your skin needs time to heal!")
    page = render_pages(load_content(minimal.root))["frequency.md"]
    assert "heal\\![[1]](#ref-harris-2015)" in page and "heal![" not in page


def test_an_emoji_in_a_title_survives_the_front_matter(minimal):
    minimal.replace("aftercare.yml", "title: Aftercare at home", "title: Aftercare at home 🙂")
    front, _ = split_front_matter(render_pages(load_content(minimal.root))["aftercare.md"])
    assert front["title"] == "Aftercare at home 🙂"


@pytest.mark.parametrize(
    "line",
    [
        "{{ lang.__class__.__mro__[1].__subclasses__() }}",
        "{{ t.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.system('id') }}",
    ],
)
def test_a_template_line_cannot_reach_python(minimal, line, monkeypatch, tmp_path):
    """Translators edit a template of prose (templates/es/clinics.md.j2): it is rendered sandboxed."""
    from jinja2.exceptions import SecurityError, UndefinedError

    import guide.render as render

    folder = tmp_path / "templates"
    folder.mkdir()
    for template in render.TEMPLATES.rglob("*"):
        if template.is_file():
            (folder / template.relative_to(render.TEMPLATES)).parent.mkdir(parents=True, exist_ok=True)
            (folder / template.relative_to(render.TEMPLATES)).write_bytes(template.read_bytes())
    (folder / "topic.md.j2").write_text(line + "\n" + (folder / "topic.md.j2").read_text(encoding="utf-8"))
    monkeypatch.setattr(render, "TEMPLATES", folder)
    with pytest.raises((SecurityError, UndefinedError)):
        render.render_pages(load_content(minimal.root))
