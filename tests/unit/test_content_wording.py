"""Answers the guide gives once: the real content in content/ says each of them in one place only."""

from __future__ import annotations

import re

from conftest import ROOT
from guide.validate import load_content

CONTENT = load_content(ROOT)
# A time before make-up can be worn again: "make-up for 2 days (48 hours)", "no make-up for about 24 hours".
_MAKE_UP_TIME = re.compile(r"make-up (?:for|until|after|within|again)\b[^.]*?\b\d+\s*(?:hours?|days?)\b", re.I)


def _strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _all_text():
    for slug, topic in CONTENT.topics.items():
        for path, text in _strings(topic.model_dump(exclude={"review"})):  # the change log may name it
            yield f"{slug}.yml:{path}", text


def test_the_make_up_answer_is_in_the_aftercare_timeline_only_and_says_one_time():
    """The day of the session holds the answer; days 1 to 3 repeat it (issue 19), so the planner's dated
    plan and the printed sheet carry it where readers look. No other page restates a time."""
    found = [where for where, text in _all_text() if _MAKE_UP_TIME.search(text)]
    timeline = CONTENT.topics["aftercare"].timeline
    places = [(n, i, t) for n, s in enumerate(timeline) for i, t in enumerate(s.avoid) if _MAKE_UP_TIME.search(t)]
    assert [timeline[n].id for n, _, _ in places] == ["session-day", "days-1-to-3"]  # #session-day is linked to
    assert found == [f"aftercare.yml:timeline[{n}].avoid[{i}]" for n, i, _ in places]
    times = {re.search(r"\d+\s*(?:hours?|days?)", text).group(0) for _, _, text in places}
    assert times == {"2 days"}


def test_the_faq_links_to_the_make_up_answer_instead_of_repeating_it():
    answers = [q.answer for q in CONTENT.topics["faq"].questions if "make-up" in q.answer.lower()]
    assert answers and all("(aftercare.md#session-day)" in answer for answer in answers)
