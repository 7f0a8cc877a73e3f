"""The session planner's data (assets/data/plan.json, render.plan_data) compared, and one example plan.

`example_plan` makes a plan from plan.json the way the planner does in the browser
(docs/assets/js/plan-dates.js: readCount with the field left empty, planCourse, aftercareDates for the
first session, cut at the second), so a reviewer sees what an interval or aftercare change does to a
reader's dates. tests/js/plan-example.test.mjs checks that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .page_text import align, block_changes, escape, word_diff
from .render import weekday_date

EXAMPLE_START = date(2026, 3, 2)  # a Monday: the example's first session, the same before and after
WINDOW = {"earliest": "min", "usual": "default", "latest": "max"}  # the next session's window: interval_weeks


@dataclass(frozen=True)
class Plan:
    concern: str
    sessions: tuple[date, ...]
    next: dict[str, date]  # the second session's window: earliest, usual, latest
    aftercare: tuple[tuple[str, str, date, date, bool], ...]  # (id, label, first day, last day, cut at session 2)


def usual_count(concern: dict) -> int:
    """The sessions a plan has when the reader leaves the number empty (readCount)."""
    sessions = concern["sessions"]
    return min(max(12, sessions["max"]), max(2, sessions["typical"]))


def example_plan(data: dict, concern_id: str, start: date = EXAMPLE_START) -> Plan:
    """A course for one concern whose first session is on `start`, as the planner shows it."""
    concern = next(c for c in data["concerns"] if c["id"] == concern_id)
    weeks = concern["interval_weeks"]
    sessions = tuple(start + timedelta(weeks=weeks["default"] * n) for n in range(usual_count(concern)))
    window = {name: start + timedelta(weeks=weeks[key]) for name, key in WINDOW.items()}
    following = sessions[1] if len(sessions) > 1 else None
    aftercare = []
    for stage in concern.get("aftercare") or data["aftercare"]:
        first, last = start + timedelta(days=stage["from_day"]), start + timedelta(days=stage["to_day"])
        if following is None or last < following:
            aftercare.append((stage["id"], stage["label"], first, last, False))
        elif first < following:
            aftercare.append((stage["id"], stage["label"], first, following - timedelta(days=1), True))
    return Plan(concern["name"], sessions, window, tuple(aftercare))


def _days(first: date, last: date, cut: bool) -> str:
    text = weekday_date(first) if first == last else f"{weekday_date(first)} to {weekday_date(last)}"
    return text + (" (cut: the next session comes first)" if cut else "")


def plan_table(before: Plan | None, after: Plan | None) -> list[str]:
    """The example plan before and after, as a Markdown table; changed rows have the new value in bold."""
    rows: dict[str, list[str]] = {}

    def put(side: int, label: str, value: str) -> None:
        rows.setdefault(label, ["—", "—"])[side] = value

    for side, plan in enumerate((before, after)):
        if plan is None:
            continue
        put(side, "Skin concern", escape(plan.concern))
        put(side, "Sessions (the usual number)", str(len(plan.sessions)))
        for n, day in enumerate(plan.sessions, start=1):
            put(side, f"Session {n}", weekday_date(day))
        for name, day in plan.next.items():
            put(side, f"Session 2 at the {name}", weekday_date(day))
        for _, label, first, last, cut in plan.aftercare:
            put(side, f"Aftercare after session 1: {escape(label)}", _days(first, last, cut))
    lines = ["| | Before | After |", "|---|---|---|"]
    for label, (old, new) in rows.items():
        lines.append(f"| {label} | {old} | {f'**{new}**' if new != old else new} |")
    return lines


def _numbers(concern: dict) -> tuple[str, str]:
    s, w = concern["sessions"], concern["interval_weeks"]
    return (
        f"{s['min']} to {s['max']} sessions, usually {s['typical']}",
        f"{w['min']} to {w['max']} weeks apart, usually {w['default']}",
    )


def _stage_changes(before: list[dict], after: list[dict], where: str) -> list[str]:
    lines = []
    for i, j in align([s["id"] for s in before], [s["id"] for s in after]):
        old, new = (before[i] if i is not None else None), (after[j] if j is not None else None)
        if old == new:
            continue
        if old is None or new is None:
            stage = old or new
            verb = "New" if old is None else "Removed"
            lines.append(f"- {verb} aftercare stage{where}: “{escape(stage['label'])}”")
            continue
        name = f"Aftercare stage{where} “{escape(new['label'])}”"
        if (old["from_day"], old["to_day"]) != (new["from_day"], new["to_day"]):
            lines.append(
                f"- {name}: days {old['from_day']} to {old['to_day']} → **days {new['from_day']} to {new['to_day']}**"
            )
        if old["label"] != new["label"]:
            lines.append(f"- {name}: label {word_diff(old['label'], new['label'])}")
        for kind in ("do", "avoid"):
            lines += [f"- {name}, {kind}: {line}" for line in block_changes(tuple(old[kind]), tuple(new[kind]))]
    return lines


def plan_data_changes(before: dict, after: dict, numbers: bool = True) -> tuple[list[str], list[str]]:
    """What changed in the planner's data, as Markdown lines, and the ids of the concerns whose plans
    change. numbers: include the sessions and intervals (a translation's plan.json repeats them)."""
    lines, changed = [], []
    old = {c["id"]: c for c in before.get("concerns", [])}
    new = {c["id"]: c for c in after.get("concerns", [])}
    for concern_id in dict.fromkeys([*new, *old]):
        a, b = old.get(concern_id), new.get(concern_id)
        if a == b:
            continue
        name = escape((b or a)["name"])
        if a is None or b is None:
            changed.append(concern_id)
            lines.append(f"- {'New' if a is None else 'Removed'} skin concern “{name}”: {', '.join(_numbers(b or a))}")
            continue
        if a["name"] != b["name"]:
            lines.append(f"- Skin concern name: {word_diff(a['name'], b['name'])}")
        for was, now in zip(_numbers(a), _numbers(b), strict=True):
            if was != now and numbers:
                changed.append(concern_id)
                lines.append(f"- {name}: {was} → **{now}**")
        if a.get("aftercare_note") != b.get("aftercare_note"):
            note_a, note_b = a.get("aftercare_note") or {}, b.get("aftercare_note") or {}
            lines.append(f"- {name}, aftercare note: {word_diff(note_a.get('text', ''), note_b.get('text', ''))}")
        if a.get("aftercare") != b.get("aftercare"):
            changed.append(concern_id)
            where = f" for {name}"
            lines += _stage_changes(a.get("aftercare") or [], b.get("aftercare") or [], where)
    if before.get("aftercare") != after.get("aftercare"):
        changed += [c for c in new if not new[c].get("aftercare")]
        lines += _stage_changes(before.get("aftercare", []), after.get("aftercare", []), "")
    words = before.get("words", {})
    moved = sorted(k for k in {*words, *after.get("words", {})} if words.get(k) != after.get("words", {}).get(k))
    if moved:
        lines.append(f"- The planner's own words (`scripts/templates/strings/`): {', '.join(moved)}")
    return lines, list(dict.fromkeys(changed))


def example_concern(before: dict, after: dict, changed: list[str]) -> str | None:
    """The concern to show an example plan for: the first whose plan changes and that exists on both
    sides (or on one), else the default."""
    both = [c for c in changed if c in {x["id"] for x in before["concerns"]} & {x["id"] for x in after["concerns"]}]
    return (both or changed or [after.get("default_concern")])[0]
