"""The "other options" page (content/other-options.yml, kinds/other-options.md.j2): each concern's
options side by side, with the evidence label written in the YAML, worded as on the benefits page."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, ContentCopy
from guide.model import EVIDENCE_LEVELS
from guide.problems import ContentError
from guide.render import render_pages, strings
from guide.validate import load_content


@pytest.fixture
def real(tmp_path) -> ContentCopy:
    """A copy of the guide's own content/, so a test can change a value and see the page change."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return ContentCopy(tmp_path)


def page(copy: ContentCopy) -> str:
    return render_pages(load_content(copy.root))["other-options.md"]


def concern_section(text: str, name: str) -> str:
    start = text.index(f"## {name} {{ #")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def row(section: str, option: str) -> list[str]:
    """The cells of the table row for one option (citation marks removed), split on unescaped pipes."""
    [line] = [
        line for line in section.splitlines() if line.startswith(f"| {option}[") or line.startswith(f"| {option} |")
    ]
    cells = re.split(r"(?<!\\)\|", re.sub(r"\[\[\d+\]\]\(#ref-[a-z0-9-]+\)\{[^}]*\}", "", line))
    return [cell.strip() for cell in cells[1:-1]]


def label(level: str | None) -> str:
    if level is None:
        return "Not graded"
    return f'<span class="evidence evidence--{level}">Evidence: {level}</span>'


def test_every_concern_shows_each_option_with_its_label_from_the_yaml(real):
    text = page(real)
    topic = load_content(real.root).topics["other-options"]
    for concern in topic.concerns:
        section = concern_section(text, concern.name)
        assert "| Option | Evidence | Compared with microneedling |" in section
        assert concern.without_treatment in section
        for option in concern.options:
            name, evidence, compared = row(section, option.name)
            assert name == option.name
            assert evidence == label(option.evidence)
            assert compared == (option.compared_with_microneedling or "–")
            assert f"- **{option.name}:** {option.notes}" in section


def test_changing_a_label_in_the_yaml_changes_the_page(real):
    section = concern_section(page(real), "Stretch marks")
    assert row(section, "Lasers and light treatment")[1] == label("some")
    real.replace(
        "other-options.yml",
        "- name: Lasers and light treatment\n        evidence: some",
        "- name: Lasers and light treatment\n        evidence: limited",
    )
    section = concern_section(page(real), "Stretch marks")
    assert row(section, "Lasers and light treatment")[1] == label("limited")


def test_an_option_without_a_label_says_not_graded(real):
    real.replace(
        "other-options.yml",
        "- name: Microneedling added to minoxidil\n        evidence: some\n",
        "- name: Microneedling added to minoxidil\n",
    )
    section = concern_section(page(real), "Pattern hair loss")
    assert row(section, "Microneedling added to minoxidil")[1] == "Not graded"


def test_the_labels_are_the_benefits_pages_and_explained_there(real):
    text = page(real)
    assert "[What the evidence labels mean](benefits.md#evidence-labels)" in text
    assert set(re.findall(r'evidence--([a-z]+)">Evidence: \1<', text)) <= set(EVIDENCE_LEVELS)
    for meaning in strings("en")["evidence"]["meanings"].values():  # explained once, on the benefits page
        assert meaning not in text


def test_a_pipe_that_would_break_the_table_is_refused(real):
    real.replace(
        "other-options.yml", "In a study of 30 people, the laser", "In a study of 30 people | split-face, the laser"
    )
    with pytest.raises(ContentError) as err:
        load_content(real.root)
    assert "compared_with_microneedling: '<' and '|' are not allowed here" in str(err.value)


def test_an_unknown_evidence_word_is_refused(real):
    real.replace("other-options.yml", "evidence: mixed", "evidence: strong")
    with pytest.raises(ContentError) as err:
        load_content(real.root)
    assert "concerns[2].options[0].evidence" in str(err.value)  # melasma, after acne scars and fine lines


def test_microneedling_rows_agree_with_the_benefits_page():
    """A microneedling row links to its use on the benefits page and shows the same label, so the
    two pages cannot drift apart."""
    content = load_content(ROOT)
    benefits = {item.id: item.evidence for item in content.topics["benefits"].indications}
    checked = 0
    for concern in content.topics["other-options"].concerns:
        for option in concern.options:
            for anchor in re.findall(r"\(benefits\.md#([a-z0-9-]+)\)", option.notes):
                assert option.evidence == benefits[anchor], f"{concern.id}: {option.name}"
                checked += 1
    assert checked >= 4
