"""A table of hostile edits: what an attacker with a pull request or a stolen web-editor login might
type into content/, each refused by the content check with its file, line and field.

The edits that the check lets through on purpose (quotes and ampersands are ordinary text) are
built into a real site in tests/build/test_hostile_build.py and shown to render inert.
"""

from __future__ import annotations

import shutil

import pytest

from guide.markup import markdown_problem, normalise
from guide.problems import ContentError
from guide.validate import load_content

A, F, G, R = "aftercare.yml", "frequency.yml", "glossary.yml", "references.yml"
BODY = "body: Your skin needs time to heal."
TWO_STAGES = "  - id: first-day\n    label: The first 24 hours\n    from_day: 0\n    to_day: 0\n"
SECOND = "  - id: {id}\n    label: Later\n    from_day: {start}\n    to_day: {end}\n"

# fmt: off
# id, file, text to replace, replacement, expected "file:line", expected field, words in the message
HOSTILE_EDITS = [
    ("title-unclosed-img-tag", A, "title: Aftercare at home", "title: Aftercare <img src=x onerror=alert(1)//", f"{A}:1", "title", "'<' and '|' are not allowed here"),
    ("script-in-a-list-item", A, "- Redness is expected", "- <script>alert(1)</script>", f"{A}:10", "key_points[0]", "HTML tags are not allowed"),
    ("html-comment", F, BODY, "body: Heal. <!-- hidden -->", f"{F}:11", "sections[0].body", "HTML tags are not allowed"),
    ("autolink", F, BODY, "body: See <https://evil.example>.", f"{F}:11", "sections[0].body", "HTML tags are not allowed"),
    ("attribute-list-on-a-link", F, BODY, 'body: \'[Help](aftercare.md){ onclick="alert(1)" }\'', f"{F}:11", "sections[0].body", "curly brackets"),
    ("attribute-list-on-a-heading", F, BODY, "body: |-\n      ## Why { onmouseover=alert(1) }", f"{F}:11", "sections[0].body", "curly brackets"),
    ("heading-in-text", F, BODY, "body: |-\n      ## A heading of my own", f"{F}:11", "sections[0].body", "headings are not allowed"),
    ("javascript-link-ending-md", F, BODY, "body: '[Help](javascript:alert(1)//.md)'", f"{F}:11", "sections[0].body", "link is not allowed"),
    ("javascript-link-without-brackets", F, BODY, "body: '[Help](javascript:alert%281%29//x.md)'", f"{F}:11", "sections[0].body", "is not allowed: link to a guide page"),
    ("javascript-link-in-capitals", F, BODY, "body: '[Help](JavaScript:void//.md)'", f"{F}:11", "sections[0].body", "is not allowed: link to a guide page"),
    ("data-link", F, BODY, "body: '[Help](data:text/html;base64,PHNjcmlwdD4=)'", f"{F}:11", "sections[0].body", "is not allowed: link to a guide page"),
    ("protocol-relative-link", F, BODY, "body: '[Help](//evil.example/aftercare.md)'", f"{F}:11", "sections[0].body", "is not allowed: link to a guide page"),
    ("plain-http-link", F, BODY, "body: '[Help](http://evil.example/)'", f"{F}:11", "sections[0].body", "is not allowed: link to a guide page"),
    ("mailto-smuggling-a-scheme", F, BODY, "body: '[Help](mailto:javascript:alert(1))'", f"{F}:11", "sections[0].body", "link is not allowed"),
    ("reference-style-definition", F, BODY, "body: |-\n      See [r].\n\n      [r]: javascript:alert(1)", f"{F}:11", "sections[0].body", "definitions ('[name]: …') are not allowed"),
    ("reference-style-link", F, BODY, "body: 'See [help][r].'", f"{F}:11", "sections[0].body", "reference-style links"),
    ("abbreviation-definition", F, BODY, "body: |-\n      Heal.\n\n      *[Heal]: Hover text", f"{F}:11", "sections[0].body", "abbreviation definitions"),
    ("link-title", F, BODY, "body: '[Help](aftercare.md \"More\")'", f"{F}:11", "sections[0].body", "link titles are not allowed"),
    ("entity-markup-in-link-title", F, BODY, "body: '[Help](aftercare.md \"&lt;img src=x onerror=alert(1)&gt;\")'", f"{F}:11", "sections[0].body", "character codes such as '&lt;'"),
    ("numeric-entity-markup", F, BODY, "body: '&#60;script&#62;alert(1)&#60;/script&#62;'", f"{F}:11", "sections[0].body", "character codes such as '&#60;'"),
    ("entity-markup-in-glossary-definition", G, "definition: Skin made red and sore by the sun.", "definition: '&lt;img src=x onerror=alert(1)&gt;'", f"{G}:3", "terms[0].definition", "character codes"),
    ("link-in-glossary-definition", G, "definition: Skin made red and sore by the sun.", "definition: '[Skin](https://evil.example)'", f"{G}:3", "terms[0].definition", "links are not allowed here"),
    ("image-from-another-origin", F, BODY, "body: '![x](https://other.site/p.png)'", f"{F}:11", "sections[0].body", "pictures cannot be added"),
    ("image-from-the-site", F, BODY, "body: '![x](assets/images/favicon.png)'", f"{F}:11", "sections[0].body", "pictures cannot be added"),
    ("footnote", F, BODY, "body: 'Heal.[^1]'", f"{F}:11", "sections[0].body", "footnotes"),
    ("code-span", F, BODY, "body: 'Run `rm -rf`'", f"{F}:11", "sections[0].body", "code marks"),
    ("citation-marker-in-text", F, BODY, "body: 'Heal ⟦references⟧'", f"{F}:11", "sections[0].body", "reserved for citations"),
    ("link-to-a-missing-page", F, BODY, "body: 'See [this](nowhere.md).'", f"{F}:11", "sections[0].body", "unknown page 'nowhere.md'"),
    ("only-zero-width-spaces", A, "title: Aftercare at home", 'title: "\\u200b\\u200b\\u200b"', f"{A}:1", "title", "holds only invisible characters"),
    ("control-character", A, "title: Aftercare at home", 'title: "Aftercare\\a at home"', f"{A}:1", "title", "control character (U+0007)"),
    ("bidi-override", A, "title: Aftercare at home", 'title: "Aftercare \\u202eemoh ta"', f"{A}:1", "title", "changes text direction (U+202E)"),
    ("page-related-to-itself", A, "related: [frequency]", "related: [frequency, aftercare]", f"{A}:24", "related[1]", "cannot list itself"),
    ("stage-ends-before-it-starts", A, "    to_day: 0\n", "    to_day: 0\n" + SECOND.format(id="later", start=5, end=3), f"{A}:19", "timeline[1].to_day", "must be on or after from_day"),
    ("stages-overlap", A, "    to_day: 0\n", "    to_day: 3\n" + SECOND.format(id="later", start=2, end=6), f"{A}:18", "timeline[1].from_day", "do not overlap"),
    ("stages-out-of-order", A, TWO_STAGES, SECOND.format(id="later", start=4, end=6) + TWO_STAGES, f"{A}:18", "timeline[1].from_day", "previous stage"),
    # Found by an attacker's review after the first version of the allow-list:
    ("reference-url-ending-its-autolink", R, "year: 2015\n", "year: 2015\n    url: 'https://www.fda.gov/x/><!--><meta/http-equiv=\"refresh\"/content=\"0;url=https://evil.example/\">-->'\n", f"{R}:7", "references[0].url", "must be a web address starting https://"),
    ("heading-inside-a-list-item", F, BODY, "body: |-\n      - # A heading in a list", f"{F}:11", "sections[0].body", "headings are not allowed"),
    ("admonition-indented-in-a-list-item", F, BODY, "body: |-\n      - Heal.\n\n          !!! danger \"Call now\"", f"{F}:11", "sections[0].body", "admonitions"),
    ("setext-heading", F, BODY, "body: |-\n      A fake heading\n      =", f"{F}:11", "sections[0].body", "makes a heading or a rule"),
    ("definition-list", F, BODY, "body: |-\n      Term\n      : a definition", f"{F}:11", "sections[0].body", "definition lists"),
    ("mail-autolink", F, BODY, "body: 'Write to <_x@evil.example>'", f"{F}:11", "sections[0].body", "HTML tags are not allowed"),
    ("second-line-in-a-glossary-definition", G, "definition: Skin made red and sore by the sun.", "definition: |-\n      Skin made red.\n\n      !!! danger", f"{G}:3", "terms[0].definition", "must be one line"),
    ("pipe-in-a-name-shown-in-a-table", F, "name: Not sure", "name: 'Not sure | 1 | 1 week'", f"{F}:22", "concerns[1].name", "'<' and '|' are not allowed"),
    ("review-date-in-the-year-9999", F, "last_reviewed: 2026-11-25", "last_reviewed: 9999-12-30", f"{F}:4", "review.last_reviewed", "must be at most 2100-12-31"),
    ("duplicate-stage-id", A, "    to_day: 0\n", "    to_day: 0\n" + SECOND.format(id="first-day", start=1, end=2), f"{A}:16", "timeline[1].id", "already used"),
]
# fmt: on


def problems_after(minimal, file: str, old: str, new: str) -> list[str]:
    minimal.replace(file, old, new)
    try:
        load_content(minimal.root)
    except ContentError as err:
        return [str(p) for p in err.problems if p.severity == "error"]
    return []


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "where", "field", "words"), HOSTILE_EDITS, ids=[row[0] for row in HOSTILE_EDITS]
)
def test_hostile_edit_is_refused_with_its_position(minimal, name, file, old, new, where, field, words):
    minimal.file("glossary.yml").write_text(
        "terms:\n  - term: sunburn\n    definition: Skin made red and sore by the sun.\n", encoding="utf-8"
    )
    problems = problems_after(minimal, file, old, new)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"content/{where}:"), problems[0]
    assert f": {field}: " in problems[0], problems[0]
    assert words in problems[0], problems[0]


def test_the_table_covers_every_kind_of_attack_in_the_issue():
    assert len(HOSTILE_EDITS) >= 30


# fmt: off
BAD_FILE_NAMES = [
    ("index.yml", "already the name of another page"),  # would replace the home page, docs/index.md
    ("calculator.yml", "already the name of another page"),  # would replace the generated planner
    ("embed.yml", "already the name of another page"),
    ("faq.yaml", "rename it to faq.yml"),
    ("My Page.yml", "lower-case letters, digits and hyphens"),
    ("notes.txt", "lower-case letters, digits and hyphens"),
]
# fmt: on


@pytest.mark.parametrize(("name", "words"), BAD_FILE_NAMES, ids=[row[0] for row in BAD_FILE_NAMES])
def test_a_file_name_that_would_replace_or_lose_a_page_is_refused(minimal, name, words):
    (minimal.root / "docs").mkdir()
    (minimal.root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    minimal.file(name).write_text(minimal.file("aftercare.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(minimal.root)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"content/{name}:1:1: ") and words in problem, problem


def test_a_yaml_file_beside_its_yml_twin_is_refused_before_the_build(minimal):
    minimal.file("frequency.yaml").write_text(minimal.file("frequency.yml").read_text(encoding="utf-8"))
    with pytest.raises(ContentError) as caught:
        load_content(minimal.root)
    assert "merge it with the frequency.yml" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, **bold** and *italic*.",
        "- one\n- two\n\n1. first",
        "See [aftercare](aftercare.md), [day 1](aftercare.md#day-1), [below](#when-to-get-help).",
        "[NHS](https://www.nhs.uk/conditions/) or [email us](mailto:help@example.org).",
        "Less than 1 mm, 1 < 2, A & B, a 'quote' and a \"quote\".",
    ],
)
def test_the_allowed_markdown_passes(text):
    assert markdown_problem(text) is None


def test_text_is_normalised_to_nfc(minimal):
    decomposed = "Cafe\u0301"
    minimal.replace("aftercare.yml", "title: Aftercare at home", f"title: {decomposed}")
    assert load_content(minimal.root).topics["aftercare"].title == normalise(decomposed) == "Caf\u00e9"


def test_a_huge_value_or_field_name_gives_one_short_line(minimal):
    minimal.replace("aftercare.yml", "title: Aftercare at home", "title: " + "Long " * 2000)
    minimal.replace("aftercare.yml", "intro: Keep", "x" * 900 + ": 1\nintro: Keep")
    with pytest.raises(ContentError) as caught:
        load_content(minimal.root)
    lines = [str(p) for p in caught.value.problems]
    assert any("title: is too long: keep it under 400 characters" in line for line in lines), lines
    assert any("unknown field 'xxx" in line for line in lines), lines
    assert all(len(line) < 400 for line in lines), [len(line) for line in lines]


def test_the_output_pass_names_the_field_that_made_markup(tmp_path):
    """When the output pass refuses a page made from content, the field comes first, at its place
    (guide/locate.py), whichever pages show it. Here the content check is bypassed: the text goes
    straight into a copy of content/ and only locate.py reads it."""
    from mkdocs.utils.yaml import yaml_load

    from conftest import ROOT
    from guide.locate import markup_in_content

    shutil.copytree(ROOT / "content", tmp_path / "content")
    glossary = tmp_path / "content" / "glossary.yml"
    old = "definition: A strong protein in the skin that keeps it firm."
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(old, "definition: A &#60img src=x&#62"))
    extensions = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    found = [str(problem) for problem in markup_in_content(tmp_path, extensions)]
    assert found == [
        "content/glossary.yml:5:17: terms[0].definition: reads as markup where it is shown in an attribute"
        " (a tooltip, a title)"
    ]
