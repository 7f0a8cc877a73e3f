"""Figures drawn from the content when the site is built: inline SVG made by pure functions (data in, SVG out).

Each figure is an `<svg role="img">` named by its `<title>` and described by its `<desc>`, which
carry the same facts as the drawing; the page states them in text beside it too (the kinds
templates). Colours come from CSS classes in docs/assets/css/guide.css that use Material's colour
variables, so a figure follows the light and dark schemes and prints. There are no style
attributes, scripts, links, fonts or images, and every word from the content is escaped. The
viewBox is a phone's width, and the stylesheet scales it to the column. The elements and attributes
used here are the ones scripts/guide/html_check.py allows. Their words come in as `t`, the
interface text of the page's language (templates/strings/<lang>.yml, loaded by render.py).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from html import escape

from .model import (
    EVIDENCE_LEVELS,
    AftercareTopic,
    BenefitsTopic,
    Indication,
    NeedleDepth,
    TimelineStage,
    WhatIsTopic,
)

WIDTH = 320  # viewBox units: about one unit per CSS pixel on a phone
LEFT, RIGHT = 8, 14  # room for the first and last tick labels
FONT = 13  # the text size set in guide.css (.fig-text), in viewBox units
LINE = 17  # line height for labels
BAR = 14  # bar thickness
CHAR = FONT * 0.54  # a generous average character width (system sans fonts use about 0.45), for wrapping


def page_figures(topic: object, t: Mapping) -> dict[str, str]:
    """The figures a topic page shows, by name, for its kinds template: none for most pages."""
    if isinstance(topic, AftercareTopic):
        return {"timeline": aftercare_timeline(topic.timeline, t)}
    if isinstance(topic, BenefitsTopic):
        return {"evidence": evidence_overview(topic.indications, EVIDENCE_LEVELS, t)}
    if isinstance(topic, WhatIsTopic) and topic.needle_depths:
        return {"needle_depths": needle_depths(topic.needle_depths, t)}
    return {}


def days_text(from_day: int, to_day: int, t: Mapping) -> str:
    """'day 0' or 'days 1 to 3': a stage's days in words."""
    days = t["days"]
    return days["one"].format(day=from_day) if from_day == to_day else days["range"].format(first=from_day, last=to_day)


def depth_text(depth: NeedleDepth, t: Mapping) -> str:
    """The depth in words, the same in the figure and the table: 'under 0.5 mm', '1.5 mm', '0.5 to 2.5 mm'."""
    words = t["depth"]
    if depth.min_mm is None:
        return words[depth.upper_limit].format(mm=f"{depth.max_mm:g}")
    if depth.min_mm == depth.max_mm:
        return words["one"].format(mm=f"{depth.max_mm:g}")
    return words["range"].format(min=f"{depth.min_mm:g}", max=f"{depth.max_mm:g}")


def aftercare_timeline(stages: Sequence[TimelineStage], t: Mapping, *, name: str = "aftercare-timeline") -> str:
    """The aftercare stages as bars on a line of days after the session (each stage covers whole days)."""
    last = max(stage.to_day for stage in stages)
    span = last + 1
    x = _scale(0, span)
    step = _day_step(span)
    rows, y = [], 6.0
    for stage in stages:
        start, end = x(stage.from_day), x(stage.to_day + 1)
        y = _label(rows, stage.label, start, y)
        rows.append(_rect(start, y + 3, end - start, BAR, "fig-mark"))
        y += 3 + BAR + 12
    words = t["figures"]["timeline"]
    ticks = [(day, str(day)) for day in range(0, span + 1, step) if day <= last]
    body = _axis(x, ticks, 6, y, t["days"]["after_session"])
    desc = (
        words["desc"].format(last=last)
        + " "
        + " ".join(f"{stage.label}: {days_text(stage.from_day, stage.to_day, t)}." for stage in stages)
    )
    return _svg(name, words["title"], desc, y + 44, body + rows)


def needle_depths(depths: Sequence[NeedleDepth], t: Mapping, *, name: str = "needle-depths") -> str:
    """Needle depths by use, as bars (a range) or dots (one depth) on a scale of millimetres below the skin surface."""
    top = math.ceil(max(depth.max_mm for depth in depths) * 2) / 2
    x = _scale(0, top)
    rows, y = [], 6.0
    for depth in depths:
        y = _label(rows, f"{depth.use}:", x(0), y, tail=depth_text(depth, t))
        if depth.min_mm is not None and depth.min_mm == depth.max_mm:
            rows.append(_rect(x(depth.max_mm) - 4, y + 3, 8, BAR, "fig-mark", rx=4))
        else:
            start = x(depth.min_mm or 0)
            rows.append(_rect(start, y + 3, x(depth.max_mm) - start, BAR, "fig-mark"))
        y += 3 + BAR + 12
    step = 0.5 if top <= 4 else 1
    ticks = [(value, f"{value:g}") for value in _steps(top, step)]
    words = t["figures"]["needle_depths"]
    body = _axis(x, ticks, 6, y, words["axis"])
    desc = (
        words["desc"].format(top=f"{top:g}")
        + " "
        + " ".join(f"{depth.use}: {depth_text(depth, t)}." for depth in depths)
    )
    return _svg(name, words["title"], desc, y + 44, body + rows)


def evidence_overview(
    indications: Sequence[Indication], levels: Sequence[str], t: Mapping, *, name: str = "evidence-overview"
) -> str:
    """Each skin concern in a row, its evidence label marked in one of the columns (one per label, in order)."""
    names = list(levels)
    label = {level: t["evidence"]["levels"][level].capitalize() for level in names}
    gap = 6
    cell = (WIDTH - LEFT - RIGHT - gap * (len(names) - 1)) / len(names)
    column = {level: LEFT + i * (cell + gap) for i, level in enumerate(names)}
    parts = [_text(column[level] + cell / 2, 19, label[level], "fig-text fig-text--head", "middle") for level in names]
    y = 30.0
    for item in indications:
        y = _label(parts, item.name, LEFT, y)
        for level in names:
            marked = level == item.evidence
            kind = f"fig-cell fig-cell--{level}" if marked else "fig-cell"
            parts.append(_rect(column[level], y + 3, cell, 22, kind))
            if marked:
                parts.append(_text(column[level] + cell / 2, y + 18, label[level], "fig-cell-text", "middle"))
        y += 3 + 22 + 12
    grouped = [(level, [i.name for i in indications if i.evidence == level]) for level in names]
    words = t["figures"]["evidence"]
    desc = words["desc"] + " " + " ".join(f"{label[level]}: {'; '.join(found)}." for level, found in grouped if found)
    return _svg(name, words["title"], desc, y + 2, parts)


# ── drawing helpers ──────────────────────────────────────────────────────────────────────────


def _svg(name: str, title: str, desc: str, height: float, parts: list[str]) -> str:
    """The figure element: one line per SVG element and no blank line, so Markdown passes it through as it is."""
    lines = [
        '<figure class="guide-figure" data-search-exclude>',  # its words are in the text beside it
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}" role="img"'
        f' aria-labelledby="{name}-title" aria-describedby="{name}-desc">',
        f'<title id="{name}-title">{escape(title)}</title>',
        f'<desc id="{name}-desc">{escape(desc)}</desc>',
        *parts,
        "</svg>",
        "</figure>",
    ]
    return "\n".join(lines)


def _scale(low: float, high: float):
    """A function from a data value to an x position across the drawing's width."""
    return lambda value: LEFT + (value - low) / (high - low) * (WIDTH - LEFT - RIGHT)


def _axis(x, ticks: list[tuple[float, str]], top: float, bottom: float, title: str) -> list[str]:
    """Grid lines at the ticks, the axis line at `bottom`, tick labels and the axis title under it."""
    parts = [_line(x(value), top, x(value), bottom, "fig-grid") for value, _ in ticks]
    parts.append(_line(LEFT, bottom, WIDTH - RIGHT, bottom, "fig-axis"))
    for value, text in ticks:
        parts.append(_line(x(value), bottom, x(value), bottom + 5, "fig-axis"))
        parts.append(_text(x(value), bottom + 19, text, "fig-text", "middle"))
    parts.append(_text(WIDTH / 2, bottom + 37, title, "fig-text", "middle"))
    return parts


def _label(parts: list[str], text: str, x: float, y: float, tail: str = "") -> float:
    """Write a label from x, wrapped to the width left (or the whole width if it does not fit); return the new y.

    A tail (a value such as '0.5 to 2.5 mm') is never split: it ends the last line, or has a line of its own.
    """
    whole = f"{text} {tail}" if tail else text
    room = int((WIDTH - RIGHT - x) / CHAR)
    if len(whole) > room:
        x, room = LEFT, int((WIDTH - LEFT - RIGHT) / CHAR)
    lines = textwrap.wrap(text, room) or [text]
    if tail:
        if len(lines[-1]) + 1 + len(tail) <= room:
            lines[-1] += " " + tail
        else:
            lines.append(tail)
    for line in lines:
        parts.append(_text(x, y + FONT, line, "fig-text"))
        y += LINE
    return y


def _day_step(span: int) -> int:
    """Days between ticks: every day for a week or so, then every week, then every 2 or 4 weeks."""
    for step in (1, 2, 7, 14, 28):
        if span / step <= 8:
            return step
    return 7 * math.ceil(span / 56)


def _steps(top: float, step: float) -> list[float]:
    return [i * step for i in range(int(round(top / step)) + 1)]


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    middle = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}"{middle}>{escape(text)}</text>'


def _rect(x: float, y: float, width: float, height: float, cls: str, rx: float = 3) -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(width, 1))}" height="{_n(height)}" rx="{_n(rx)}" class="{cls}"/>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" class="{cls}"/>'


def _n(value: float) -> str:
    """A coordinate with at most one decimal place."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
