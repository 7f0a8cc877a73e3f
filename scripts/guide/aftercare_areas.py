"""Cross-file check for aftercare that differs by part of the body (such as the scalp).

A concern in frequency.yml names an area of aftercare.yml (`aftercare_area`), and an area's extra
items name stages of the timeline (`stages[].stage`). Both must exist, or the planner would quietly
show a plan without them. `load_content` in validate.py calls `area_problems` with the two files'
documents and models.
"""

from __future__ import annotations

import difflib

from .load import Document
from .model import AftercareTopic, FrequencyTopic
from .problems import Problem, field_path

Loaded = tuple[Document, object]  # a file's document and its model, as load_content keeps them


def area_problems(frequency: Loaded | None, aftercare: Loaded | None) -> list[Problem]:
    """Problems with aftercare areas: unknown or repeated ids, in either file."""
    problems: list[Problem] = []
    areas: dict[str, int] = {}
    if aftercare is not None and isinstance(aftercare[1], AftercareTopic):
        doc, topic = aftercare
        stage_ids = [stage.id for stage in topic.timeline]
        for index, area in enumerate(topic.areas):
            if area.id in areas:
                message = f"id '{area.id}' is already used by area {areas[area.id]}"
                problems.append(_at(doc, ("areas", index, "id"), message))
            areas.setdefault(area.id, index)
            for step_index, step in enumerate(area.stages):
                if step.stage not in stage_ids:
                    message = _unknown("stage", step.stage, stage_ids, "the timeline")
                    problems.append(_at(doc, ("areas", index, "stages", step_index, "stage"), message))
    if frequency is not None and isinstance(frequency[1], FrequencyTopic):
        doc, topic = frequency
        for index, concern in enumerate(topic.concerns):
            if concern.aftercare_area is not None and concern.aftercare_area not in areas:
                where = "the areas of content/aftercare.yml"
                message = _unknown("aftercare area", concern.aftercare_area, list(areas), where)
                problems.append(_at(doc, ("concerns", index, "aftercare_area"), message))
    return problems


def _at(doc: Document, loc: tuple, message: str) -> Problem:
    return Problem(doc.path, *doc.position(loc), field_path(loc), message)


def _unknown(what: str, value: str, known: list[str], where: str) -> str:
    # the wording of validate.py's unknown ids, not imported from it: validate.py imports this module
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f"unknown {what} '{value}': did you mean '{close[0]}'?" if close else f"unknown {what} '{value}' in {where}"
