"""Plain language, measured: every topic page's running text stays at or under the grade ceiling."""

from __future__ import annotations

import pytest

from conftest import ROOT
from guide.readability import GRADE_CEILING, measure, running_text
from guide.validate import load_content

CONTENT = load_content(ROOT)


@pytest.mark.parametrize("slug", sorted(CONTENT.topics))
def test_every_topic_page_is_at_or_under_the_grade_ceiling(slug):
    found = measure(CONTENT.topics[slug])
    assert found.grade <= GRADE_CEILING, f"content/{slug}.yml reads at grade {found.grade}: shorten sentences"
    assert found.words > 100


def test_the_measure_catches_hard_text(minimal):
    minimal.replace(
        "frequency.yml",
        "intro: Most people have a course of a few sessions, a few weeks apart.",
        "intro: Percutaneous collagen induction necessitates meticulous consideration of individualised "
        "periodicity, contingent upon dermatological characteristics, comorbidities, concomitant "
        "pharmacotherapy and practitioner-determined therapeutic objectives.",
    )
    assert measure(load_content(minimal.root).topics["frequency"]).grade > GRADE_CEILING


def test_running_text_leaves_out_ids_and_references_and_ends_each_piece(minimal):
    text = running_text(load_content(minimal.root).topics["frequency"])
    assert "harris-2015" not in text and "acne-scars" not in text and "2026" not in text
    assert "Why wait between sessions." in text  # a heading reads as a sentence of its own
