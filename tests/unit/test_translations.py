"""Translations hold words only: facts come from the English file, and every mistake is located.

A small Spanish translation of the fixture's aftercare page is written into a copy of the fixture
content (tests/fixtures/minimal), then broken one way at a time.
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import ROOT, run_guide
from guide.load import load_file
from guide.markup import link_targets
from guide.model import KINDS, AftercareTopic, Topic
from guide.problems import ContentError
from guide.translate import (
    check_pages,
    english_twin,
    merge,
    model_for,
    page_translation,
    page_version,
    source_version,
    text_leaves,
)
from guide.validate import load_content

ES = "es/aftercare.yml"
ES_PATH = "content/es/aftercare.yml"

ES_AFTERCARE = """\
translation:
  source: "{source}"
  status: machine-assisted
title: Cuidados en casa
summary: Qué hacer en los días después de una sesión.
intro: Mantenga la piel limpia y protegida del sol.
key_points:
  - Es normal que la piel esté roja unos días.
timeline:
  - label: Las primeras 24 horas
    expect: Su piel parece tener una quemadura de sol leve.
    do: [Use solo lo que le dé su clínica.]
    avoid: [El maquillaje.]
care_cards:
  - heading: "Llame a su clínica el mismo día si:"
    items: [La rojez se extiende o tiene fiebre.]
"""

LANGUAGE = "name: Español\ncomplete: {complete}\n"


def english_version(copy, name: str = "aftercare.yml") -> str:
    doc, problems = load_file(copy.file(name), copy.root)
    assert not problems
    return source_version(doc)


@pytest.fixture
def spanish(minimal):
    """The fixture content with content/es/: a current Spanish aftercare page, frequency not yet translated."""
    (minimal.root / "content" / "es").mkdir()
    minimal.file("es/_language.yml").write_text(LANGUAGE.format(complete="false"), encoding="utf-8")
    minimal.file(ES).write_text(ES_AFTERCARE.format(source=english_version(minimal)), encoding="utf-8")
    return minimal


def errors_of(copy) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(copy.root)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


# ── word fields and the English version ──────────────────────────────────────────────────────


def test_word_fields_come_from_the_models_and_leave_facts_out(minimal):
    doc, _ = load_file(minimal.file("aftercare.yml"), minimal.root)
    assert text_leaves(doc.data, AftercareTopic) == [
        ("title",),
        ("summary",),
        ("intro",),
        ("key_points", 0),
        ("timeline", 0, "label"),
        ("timeline", 0, "expect"),
        ("timeline", 0, "do", 0),
        ("timeline", 0, "avoid", 0),
        ("care_cards", 0, "heading"),
        ("care_cards", 0, "items", 0),
    ]


FACTS = {
    "id", "from_day", "to_day", "cites", "related", "see", "care_cards_from", "review", "evidence", "level", "basis",
    "how_common", "part", "default_concern", "aftercare_area", "stage", "min_mm", "max_mm", "upper_limit", "sessions",
    "interval_weeks", "min", "max", "typical", "default", "last_reviewed", "status",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(set(KINDS) - {"references.yml"}))
def test_no_fact_of_the_real_content_is_a_word_field(name):
    doc, _ = load_file(ROOT / "content" / name, ROOT)
    leaves = text_leaves(doc.data, model_for(name))
    assert leaves, name
    for loc in leaves:
        assert not FACTS & {part for part in loc if isinstance(part, str)}, loc
        value = doc.data
        for part in loc:
            value = value[part]
        assert isinstance(value, str), loc


def test_english_version_ignores_layout_and_facts_but_not_words(minimal):
    before = english_version(minimal)
    assert len(before) == 12 and int(before, 16) >= 0
    data = yaml.safe_load(minimal.file("aftercare.yml").read_text(encoding="utf-8"))

    def rewrite() -> str:  # fields sorted, lines folded at 40 characters, other quoting
        minimal.file("aftercare.yml").write_text(yaml.safe_dump(data, width=40), encoding="utf-8")
        return english_version(minimal)

    assert rewrite() == before  # the same words, laid out differently
    data["timeline"][0].update(cites=["harris-2015", "alam-2014"], to_day=1)
    data["review"].update(reviewed_by="Clinical reviewer", status="clinical")
    assert rewrite() == before  # facts and the review record are not words
    data["timeline"][0]["expect"] = "Your skin looks like a mild sunburn."
    assert rewrite() != before


# ── merging: Spanish words on English facts ──────────────────────────────────────────────────


def test_merge_puts_the_words_on_the_english_facts(spanish):
    english, _ = load_file(spanish.file("aftercare.yml"), spanish.root)
    other = yaml.safe_load(spanish.file(ES).read_text(encoding="utf-8"))
    other["timeline"][0].update(from_day=9, to_day=99, cites=["harris-2015"], id="otro")
    page = merge(english.data, other, AftercareTopic)
    assert isinstance(page, AftercareTopic)
    stage = page.timeline[0]
    assert (stage.id, stage.from_day, stage.to_day, stage.cites) == ("first-day", 0, 0, ["alam-2014"])
    assert stage.label == "Las primeras 24 horas" and stage.do == ["Use solo lo que le dé su clínica."]
    assert page.care_cards[0].level == "urgent" and page.related == ["frequency"]
    assert page.review.reviewed_by == "Editorial team"


def test_translations_load_onto_the_content(spanish):
    content = load_content(spanish.root)
    es = content.translations["es"]
    assert (es.lang, es.name, es.complete, es.missing) == ("es", "Español", False, ("frequency.yml",))
    page, english = es.topics["aftercare"], content.topics["aftercare"]
    assert page.title == "Cuidados en casa" and english.title == "Aftercare at home"
    assert page.timeline[0].cites == english.timeline[0].cites == ["alam-2014"]
    assert es.status == {"aftercare": "machine-assisted"}
    assert es.stale == {"aftercare": False} and es.sources == {"aftercare": ES_PATH}
    line = spanish.line_of("es/_language.yml", "complete:")
    assert [str(w) for w in content.warnings] == [
        f"content/es/_language.yml:{line}:11: complete: warning: "
        "not complete yet: 1 of 2 files to translate: frequency.yml"
    ]


def test_content_without_translations_is_valid(minimal):
    assert load_content(minimal.root).translations == {}


def test_free_word_lists_may_differ_in_length(spanish):
    spanish.replace(
        ES, "intro:", "search_words: [maquillaje, cuidados, después]\nalso_called: [postratamiento]\nintro:"
    )
    page = load_content(spanish.root).translations["es"].topics["aftercare"]
    assert page.search_words == ["maquillaje", "cuidados", "después"] and page.also_called == ["postratamiento"]


def test_a_reviewed_translation_names_its_reviewer(spanish):
    spanish.replace(ES, "status: machine-assisted", "status: reviewed\n  reviewed_by: Spanish reviewer")
    es = load_content(spanish.root).translations["es"]
    assert es.status == {"aftercare": "reviewed"} and es.files["aftercare"].reviewed_by == "Spanish reviewer"


# ── every mistake, at the Spanish file's line and column ─────────────────────────────────────

# id, text to replace in the Spanish file, replacement, the line's marker (after the edit), column, field, message
MISTAKES = [
    (
        "missing-word",
        "    expect: Su piel parece tener una quemadura de sol leve.\n",
        "",
        "  - label: Las primeras",
        5,
        "timeline[0].expect",
        "missing: translate 'Your skin looks like mild sunburn.'",
    ),
    (
        "missing-top-level-word",
        "intro: Mantenga la piel limpia y protegida del sol.\n",
        "",
        None,
        1,
        "intro",
        "missing: translate 'Keep your skin clean and protected from the sun.'",
    ),
    (
        "missing-list",
        "key_points:\n  - Es normal que la piel esté roja unos días.\n",
        "",
        None,
        1,
        "key_points",
        "missing: translate 'key_points' (1 items), starting 'Redness is expected for a few days.'",
    ),
    (
        "number-written-here",
        "    expect: Su piel",
        "    from_day: 0\n    expect: Su piel",
        "from_day: 0",
        5,
        "timeline[0].from_day",
        "'from_day' is a number: it comes from the English file; delete it here",
    ),
    (
        "cites-written-here",
        "    avoid: [El maquillaje.]",
        "    avoid: [El maquillaje.]\n    cites: [alam-2014]",
        "cites:",
        5,
        "timeline[0].cites",
        "'cites' is a list of references: it comes from the English file; delete it here",
    ),
    (
        "label-written-here",
        '  - heading: "Llame',
        '  - level: emergency\n    heading: "Llame',
        "level: emergency",
        5,
        "care_cards[0].level",
        "'level' is a label (one of contact-clinic, urgent, emergency): it comes from the English file; delete it here",
    ),
    (
        "review-written-here",
        "title: Cuidados",
        "review: {status: clinical}\ntitle: Cuidados",
        "review:",
        1,
        "review",
        "'review' is the page's review record (dates, status, reviewer and changes): "
        "it comes from the English file; delete it here",
    ),
    (
        "related-written-here",
        "title: Cuidados",
        "related: [frequency]\ntitle: Cuidados",
        "related:",
        1,
        "related",
        "'related' is a list of page names or ids: it comes from the English file; delete it here",
    ),
    (
        "aligned-list-longer",
        "  - Es normal que la piel esté roja unos días.",
        "  - Es normal que la piel esté roja unos días.\n  - Y otra cosa.",
        "key_points:",
        1,
        "key_points",
        "has 2 items but the English file has 1: translate each English item, in the same order",
    ),
    (
        "aligned-list-of-groups-longer",
        "care_cards:\n",
        "care_cards:\n  - heading: Otra\n    items: [Otra cosa.]\n",
        "care_cards:",
        1,
        "care_cards",
        "has 2 items but the English file has 1: translate each English item, in the same order",
    ),
    (
        "field-the-english-lacks",
        "title: Cuidados",
        "sections: [{heading: Otra}]\ntitle: Cuidados",
        "sections:",
        1,
        "sections",
        "the English file has no 'sections' here: delete it, or add it to the English file first",
    ),
    (
        "misspelt-field",
        "title: Cuidados",
        "titel: Cuidados",
        "titel:",
        1,
        "titel",
        "unknown field 'titel': did you mean 'title'?",
    ),
    (
        "list-expected",
        "    avoid: [El maquillaje.]",
        "    avoid: El maquillaje.",
        "avoid:",
        5,
        "timeline[0].avoid",
        "must be a list: put each item on its own line starting with '- '",
    ),
    (
        "number-where-words-go",
        "  - label: Las primeras 24 horas",
        "  - label: 24",
        "label: 24",
        12,
        "timeline[0].label",
        "must be text (got 24); put quotes around it if it is meant as text",
    ),
    (
        "script-in-spanish-text",
        "  - Es normal que la piel esté roja unos días.",
        "  - <script>alert(1)</script> Es normal.",
        "<script>",
        5,
        "key_points[0]",
        "HTML tags are not allowed (found '<s'): write plain text",
    ),
    (
        "javascript-link",
        "intro: Mantenga la piel limpia",
        "intro: Vea [esto](javascript:alert(1)). Mantenga la piel limpia",
        "javascript:",
        8,
        "intro",
        "this link is not allowed: write [words](page.md), [words](#section) or [words](https://…)",
    ),
    (
        "link-to-no-page",
        "intro: Mantenga la piel limpia",
        "intro: Vea [la frecuencia](frecuencia.md). Mantenga la piel limpia",
        "frecuencia.md",
        8,
        "intro",
        "unknown page 'frecuencia.md': did you mean 'frequency.md'?",
    ),
    (
        "header-missing",
        'translation:\n  source: "{source}"\n  status: machine-assisted\n',
        "",
        None,
        1,
        "translation",
        "'translation' is missing: add it (Which version of the English file this follows",
    ),
    (
        "header-source-not-a-version",
        'source: "',
        'source: "v1-',
        "source:",
        11,
        "translation.source",
        "must be lower-case letters, digits and hyphens",
    ),
    (
        "reviewed-without-reviewer",
        "status: machine-assisted",
        "status: reviewed",
        "source:",
        3,
        "translation",
        "a reviewed translation needs reviewed_by: the role of who reviewed it",
    ),
    (
        "status-not-allowed",
        "status: machine-assisted",
        "status: done",
        "status: done",
        11,
        "translation.status",
        "must be one of 'machine-assisted' or 'reviewed' (got 'done')",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "marker", "column", "field", "words"), MISTAKES, ids=[m[0] for m in MISTAKES]
)
def test_translation_mistake_is_located(spanish, name, old, new, marker, column, field, words):
    if "{source}" in old:
        old = old.format(source=english_version(spanish))
    spanish.replace(ES, old, new)
    line = spanish.line_of(ES, marker) if marker else 1
    [problem] = errors_of(spanish)
    assert problem.startswith(f"{ES_PATH}:{line}:{column}: {field}: "), problem
    assert words in problem, problem


def test_the_header_version_must_look_like_one(spanish):
    """A version is 12 hex digits; anything else is refused at its place (a pattern message)."""
    spanish.replace(ES, 'source: "', 'source: "zz')
    [problem] = errors_of(spanish)
    assert problem.startswith(f"{ES_PATH}:2:11: translation.source: ")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("about-us.yml", "there is no English file content/about-us.yml to translate. A translation has the name"),
        ("frequncy.yml", "there is no English file content/frequncy.yml to translate (did you mean 'frequency.yml'?)"),
        ("references.yml", "references are not translated (titles stay in the language they were published in)"),
        ("Aftercare.yml", "content/es/ holds only .yml files named like the English file they translate"),
        ("aftercare.yaml", "content files end in .yml: rename it to aftercare.yml"),
    ],
)
def test_a_file_without_an_english_twin_is_an_error(spanish, name, message):
    spanish.file(f"es/{name}").write_text("title: Algo\n", encoding="utf-8")
    [problem] = errors_of(spanish)
    assert problem.startswith(f"content/es/{name}:1:1: ") and message in problem, problem


def test_a_missing_page_is_an_error_once_the_language_is_complete(spanish):
    spanish.file("es/_language.yml").write_text(LANGUAGE.format(complete="true"), encoding="utf-8")
    assert errors_of(spanish) == [
        "content/es/_language.yml:2:11: complete: content/frequency.yml has no translation: "
        "add content/es/frequency.yml, or set complete: false"
    ]


def test_a_language_folder_needs_its_language_file(spanish):
    spanish.file("es/_language.yml").unlink()
    assert errors_of(spanish) == [
        "content/es/_language.yml:1:1: missing: a translation folder needs _language.yml, "
        "with the language's name and complete: false"
    ]


def test_every_mistake_in_a_translation_is_reported_together(spanish):
    spanish.replace(ES, "title: Cuidados", "from_day: 1\ntitle: Cuidados")
    spanish.replace(ES, "    expect: Su piel parece tener una quemadura de sol leve.\n", "")
    spanish.file("es/faq.yml").write_text("title: Algo\n", encoding="utf-8")
    problems = errors_of(spanish)
    assert len(problems) == 3 and all(p.startswith("content/es/") for p in problems), problems


def test_a_translation_that_is_not_a_group_of_fields_is_refused(spanish):
    spanish.file(ES).write_text("- Cuidados\n- en casa\n", encoding="utf-8")
    assert errors_of(spanish) == [f"{ES_PATH}:1:1: must be a group of 'field: value' lines"]


GLOSSARY = "terms:\n  - term: collagen\n    definition: A protein.\n  - term: dermis\n    definition: A layer.\n"
GLOSARIO = """\
translation: {{source: "{source}", status: machine-assisted}}
terms:
  - term: colágeno
    also: [colágenos]
    definition: Una proteína.
  - term: dermis
    definition: Una capa.
"""


def test_the_glossary_is_translated_with_its_own_word_forms(spanish):
    spanish.file("glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    spanish.file("es/glossary.yml").write_text(GLOSARIO.format(source=english_version(spanish, "glossary.yml")))
    es = load_content(spanish.root).translations["es"]
    assert [(t.term, t.also, t.definition) for t in es.glossary] == [
        ("colágeno", ["colágenos"], "Una proteína."),
        ("dermis", [], "Una capa."),
    ]
    assert es.missing == ("frequency.yml",) and es.files["glossary"].path == "content/es/glossary.yml"
    spanish.replace("es/glossary.yml", "also: [colágenos]", "also: [Dermis]")
    line = spanish.line_of("es/glossary.yml", "- term: dermis")
    assert errors_of(spanish) == [
        f"content/es/glossary.yml:{line}:11: terms[1].term: 'dermis' is already explained by term 0 "
        "(letter case does not count)"
    ]


# ── stale translations, through the command line ─────────────────────────────────────────────


def test_changed_english_makes_the_check_warn_at_the_spanish_version(spanish):
    old = english_version(spanish)
    spanish.replace("aftercare.yml", "Keep your skin clean", "Keep your skin very clean")
    new = english_version(spanish)
    result = run_guide(spanish.root, "check", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    line = spanish.line_of(ES, "source:")
    assert (
        f"{ES_PATH}:{line}:11: translation.source: warning: the English file has changed since this translation "
        f"(it follows {old}, the English is now {new}): compare the two, update the words, then set source to {new}"
    ) in result.stderr.splitlines()
    assert "content/es/ (Español): 1 translated files checked (0 reviewed, 1 machine-assisted, 1 stale)" in (
        result.stdout
    )

    strict = run_guide(spanish.root, "check", "--today", "2026-12-01", "--strict-review")
    assert strict.returncode == 1
    assert f"{ES_PATH}:{line}:11: translation.source: the English file has changed" in strict.stderr
    assert ": complete: warning: not complete yet" in strict.stderr  # progress, not a review problem

    printed = run_guide(spanish.root, "translation-hash", ES_PATH)
    assert printed.returncode == 0 and printed.stdout.startswith(f'{ES_PATH}: source: "{new}"')
    updated = run_guide(spanish.root, "translation-hash", "--update", ES_PATH)
    assert updated.returncode == 0, updated.stderr
    assert f'  source: "{new}"\n  status: machine-assisted\n' in spanish.file(ES).read_text(encoding="utf-8")
    again = run_guide(spanish.root, "check", "--today", "2026-12-01")
    assert again.returncode == 0 and "has changed" not in again.stderr
    assert "(0 reviewed, 1 machine-assisted, 0 stale); 1 still to translate" in again.stdout


def test_the_version_command_refuses_files_it_cannot_use(spanish):
    result = run_guide(spanish.root, "translation-hash", "content/es/nothing.yml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a content file, or a translation with an English twin" in result.stderr


def test_a_spanish_page_below_the_reading_ease_floor_fails_the_check(spanish):
    spanish.replace(
        ES,
        "intro: Mantenga la piel limpia y protegida del sol.",
        "intro: La reepitelización postinflamatoria condiciona significativamente la hiperpigmentación"
        " consecutiva, particularmente en fototipos elevados con antecedentes dermatológicos complejos.",
    )
    result = run_guide(spanish.root, "check", "--today", "2026-12-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(
        rf"^{ES_PATH}:1:1: reads at \d+\.\d on the INFLESZ scale, below the guide's floor of 65: shorten sentences",
        result.stderr,
        re.M,
    ), result.stderr


def test_broken_translation_fails_the_check_without_a_traceback(spanish):
    spanish.replace(ES, "    expect: Su piel", "    to_day: 3\n    expect: Su piel")
    result = run_guide(spanish.root, "check", "--today", "2026-12-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = spanish.line_of(ES, "to_day: 3")
    assert f"{ES_PATH}:{line}:5: timeline[0].to_day: 'to_day' is a number" in result.stderr


# ── the real Spanish edition ─────────────────────────────────────────────────────────────────

CONTENT = load_content(ROOT)
SPANISH = CONTENT.translations["es"]


def test_the_real_translations_load_with_no_errors():
    assert {"aftercare", "glossary"} <= set(SPANISH.files) <= {*CONTENT.topics, "glossary"}
    assert set(SPANISH.status.values()) <= {"machine-assisted", "reviewed"}
    assert len(SPANISH.glossary) == len(CONTENT.glossary)
    assert not [w for w in CONTENT.warnings if w.severity == "error"]


def test_the_real_spanish_aftercare_keeps_every_english_fact():
    page, english = SPANISH.topics["aftercare"], CONTENT.topics["aftercare"]
    assert isinstance(page, AftercareTopic)
    for mine, theirs in zip(page.timeline, english.timeline, strict=True):
        assert (mine.id, mine.from_day, mine.to_day, mine.cites) == (
            theirs.id,
            theirs.from_day,
            theirs.to_day,
            theirs.cites,
        )
        assert len(mine.do) == len(theirs.do) and len(mine.avoid) == len(theirs.avoid)
        assert mine.label != theirs.label
    assert page.care_cards_from == english.care_cards_from and page.related == english.related
    assert [area.id for area in page.areas] == [area.id for area in english.areas]


def _links(topic: Topic) -> list[str]:
    return [target for text in _texts(topic.model_dump()) for target in link_targets(text)]


def _texts(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def test_the_real_spanish_pages_link_to_the_same_pages():
    for slug, page in SPANISH.topics.items():
        assert sorted(_links(page)) == sorted(_links(CONTENT.topics[slug])), slug


def test_the_real_spanish_pages_say_microagujas_with_the_english_word_first():
    for slug, page in SPANISH.topics.items():
        text = " ".join(_texts(page.model_dump(exclude={"review"}))).lower()  # "Microagujas" starts a title
        assert "microagujas (microneedling)" in text, slug
        assert text.index("microagujas (microneedling)") == text.index("microagujas"), slug


# ── translated pages outside content/: docs/es/*.md and scripts/templates/es/*.j2 ────────────

PAGES = {
    "docs/es/about.md": "docs/about.md",
    "docs/es/index.md": "docs/index.md",
    "scripts/templates/es/clinics.md.j2": "scripts/templates/clinics.md.j2",
}
ABOUT, CLINICS = "docs/es/about.md", "scripts/templates/es/clinics.md.j2"


@pytest.fixture
def pages(tmp_path):
    """A copy of the real content/, the hand-written pages and the templates, to break one at a time."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets", "admin"))
    shutil.copytree(ROOT / "scripts" / "templates", tmp_path / "scripts" / "templates")
    return tmp_path


def edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_a_page_twin_is_the_same_path_without_the_language_folder():
    for page, english in PAGES.items():
        assert english_twin(page, "es") == english
    with pytest.raises(ValueError):
        english_twin("docs/about.md", "es")


def test_a_page_version_is_the_whole_text_whatever_its_line_endings():
    text = "---\ntitle: About\n---\n\n# About\n"
    assert re.fullmatch(r"[0-9a-f]{12}", page_version(text))
    assert page_version(text) == page_version(text.replace("\n", "\r\n"))
    assert page_version(text) != page_version(text + "More.\n")


def test_the_real_translated_pages_follow_the_current_english():
    records, problems = check_pages(ROOT)
    assert set(records) == set(PAGES)
    assert problems == [], [str(p) for p in problems]
    for page, english in PAGES.items():
        assert records[page].source == page_version((ROOT / english).read_text(encoding="utf-8")), page
        assert page_translation(ROOT, page, "es") == {"status": "machine-assisted", "stale": False} or (
            records[page].status == "reviewed"
        )


@pytest.mark.parametrize(("page", "marker"), [(ABOUT, "# About this guide"), (CLINICS, "# For clinics")])
def test_changed_english_page_makes_the_check_warn_at_the_spanish_source(pages, page, marker):
    old = page_version((pages / PAGES[page]).read_text(encoding="utf-8"))
    edit(pages, PAGES[page], marker, marker + " (changed)")
    new = page_version((pages / PAGES[page]).read_text(encoding="utf-8"))
    assert page_translation(pages, page, "es") == {"status": "machine-assisted", "stale": True}
    result = run_guide(pages, "check", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    line = line_of(pages, page, "translation:")
    assert (
        f"{page}:{line}:23: translation.source: warning: the English file has changed since this translation "
        f"(it follows {old}, the English is now {new}): compare the two, update the words, then set source to {new}"
    ) in result.stderr.splitlines()
    assert "3 translated pages checked (0 reviewed, 3 machine-assisted, 1 stale)" in result.stdout

    strict = run_guide(pages, "check", "--today", "2026-12-01", "--strict-review")
    assert strict.returncode == 1 and f"{page}:{line}:23: translation.source: the English file has changed" in (
        strict.stderr
    )

    printed = run_guide(pages, "translation-hash", page)
    assert printed.returncode == 0 and printed.stdout.startswith(f'{page}: source: "{new}"  (the text of {PAGES[page]}')
    before = (pages / page).read_text(encoding="utf-8")
    updated = run_guide(pages, "translation-hash", "--update", page)
    assert updated.returncode == 0, updated.stderr
    assert (pages / page).read_text(encoding="utf-8") == before.replace(f'source: "{old}"', f'source: "{new}"')
    again = run_guide(pages, "check", "--today", "2026-12-01")
    assert again.returncode == 0 and "has changed" not in again.stderr
    assert page_translation(pages, page, "es") == {"status": "machine-assisted", "stale": False}


@pytest.mark.parametrize("page", [ABOUT, CLINICS])
def test_a_page_without_a_translation_header_is_an_error_naming_it(pages, page):
    current = page_version((pages / PAGES[page]).read_text(encoding="utf-8"))
    text = (pages / page).read_text(encoding="utf-8")
    (pages / page).write_text(re.sub(r"(?m)^translation: .*\n", "", text), encoding="utf-8")
    result = run_guide(pages, "check", "--today", "2026-12-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(pages, page, "---") if page == ABOUT else line_of(pages, page, "#}") + 1
    assert (
        f"{page}:{line}:1: translation: missing: the front matter needs a header saying which version of "
        f'{PAGES[page]} it follows: add translation: {{source: "{current}", status: machine-assisted}}'
    ) in result.stderr.splitlines()
    assert page_translation(pages, page, "es") is None
    refused = run_guide(pages, "translation-hash", "--update", page)
    assert refused.returncode == 1 and "add a header first" in refused.stderr


@pytest.mark.parametrize(
    ("header", "column", "field", "words"),
    [
        ('{source: "{source}", status: done}', 47, "translation.status", "must be one of"),
        ('{source: "zz{source}", status: machine-assisted}', 23, "translation.source", "(got 'zz"),
        ("{source: {source}, status: machine-assisted}", 0, "", ""),  # a hash with a letter reads as text
        ("{status: machine-assisted}", 1, "translation.source", "'source' is missing: add it"),
        ('{source: "{source}", status: reviewed}', 14, "translation", "needs reviewed_by"),
        ("machine-assisted", 14, "translation", ""),
    ],
)
def test_a_malformed_page_header_is_located(pages, header, column, field, words):
    source = page_version((pages / "docs/about.md").read_text(encoding="utf-8"))
    text = (pages / ABOUT).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^translation: .*$", "translation: " + header.replace("{source}", source), text)
    (pages / ABOUT).write_text(text, encoding="utf-8")
    records, problems = check_pages(pages)
    if not column:
        assert problems == [] and ABOUT in records
        return
    line = line_of(pages, ABOUT, "translation:")
    [problem] = [str(p) for p in problems]
    assert problem.startswith(f"{ABOUT}:{line}:{column}: {field}: "), problem
    assert words in problem, problem
    assert ABOUT not in records and page_translation(pages, ABOUT, "es") is None


def test_a_reviewed_page_names_its_reviewer(pages):
    edit(pages, ABOUT, "status: machine-assisted}", "status: reviewed, reviewed_by: Spanish reviewer}")
    assert check_pages(pages)[1] == []
    expected = {"status": "reviewed", "stale": False, "reviewed_by": "Spanish reviewer"}
    assert page_translation(pages, ABOUT, "es") == page_translation(pages, pages / ABOUT, "es") == expected
    assert page_translation(pages, "docs/about.md", "es") is None


def test_a_page_without_an_english_twin_or_front_matter_is_an_error(pages):
    (pages / "docs/es/faq.md").write_text("---\ntitle: Preguntas\n---\n# Preguntas\n", encoding="utf-8")
    (pages / "docs/index.md").unlink()
    (pages / "scripts/templates/es/other.md.j2").write_text("# Nada\n", encoding="utf-8")
    (pages / "scripts/templates/other.md.j2").write_text("# Nothing\n", encoding="utf-8")
    _, problems = check_pages(pages)
    assert [str(p) for p in problems] == [
        "docs/es/faq.md:1:1: there is no English page docs/faq.md to translate: rename or delete this file",
        "docs/es/index.md:1:1: there is no English page docs/index.md to translate: rename or delete this file",
        "scripts/templates/es/other.md.j2:1:1: no front matter: the page needs a '---' block after its "
        "{# comment #} with its translation: header",
    ]
    refused = run_guide(pages, "translation-hash", "docs/es/faq.md")
    assert refused.returncode == 1 and "not a translated page with an English twin" in refused.stderr
