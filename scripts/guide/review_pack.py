"""The review pack (`make review-pack`): one document a clinician can sign off page by page.

For each topic page it lists every claim with its citations, and for each cited reference the
fact-sheet entry it came from (the `[Rn]` number) and the fact-sheet lines that cite it, with
their strength label; the statements without a citation; every statement labelled as clinic
practice, for the reviewer to confirm; and what changed since the page's last review. It ends
each page with a sign-off block. Moving a page to `status: clinical` stays a human act: the pack
changes nothing in content/.

The fact sheets (shared/research/microneedling-facts*.md beside the repository) are matched by
DOI, PubMed id or title, so a reference needs no extra field to be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .model import Reference, Topic
from .render import long_date, plain_text, reference_for_editors
from .validate import Content

FACT_SHEETS = ("microneedling-facts.md", "microneedling-facts-2.md")
_ENTRY = re.compile(r"^\s*- \*\*(R\d+[a-z]?)\.\*\*\s*(.*)$")
_CITED = re.compile(r"\[(R\d+[a-z]?(?:\s*[,–-]\s*R?\d+[a-z]?)*)\]")
_PRACTICE = re.compile(
    r"clinic (?:practice|advice)|(?:common|usual) practice|practice convention"
    r"|clinics (?:often|usually|tend|say|differ)",
    re.I,
)
_NOT_CLAIMS = {"id", "cites", "level", "part", "evidence", "basis", "how_common", "takes", "url", "editions"}
# A reference read directly rather than taken from the fact sheets says so at the start of its note
# (content/references.yml): the pack lists it for the reviewer to check against its page.
READ_DIRECTLY = "Not in the guide's fact sheets"


@dataclass
class SheetLine:
    where: str  # file:line
    text: str
    strength: str


@dataclass
class FactSheets:
    """The fact sheets' reference lists and the lines citing each reference."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # R12 -> (file:line, text)
    citing: dict[str, list[SheetLine]] = field(default_factory=dict)  # R12 -> lines citing it
    missing: tuple[str, ...] = ()  # the fact sheets (FACT_SHEETS) not found in the folder read

    @classmethod
    def read(cls, folder: Path) -> FactSheets:
        sheets = cls(missing=tuple(name for name in FACT_SHEETS if not (folder / name).is_file()))
        for name in FACT_SHEETS:
            if name not in sheets.missing:
                sheets._read(name, (folder / name).read_text(encoding="utf-8").splitlines())
        return sheets

    def _read(self, name: str, lines: list[str]) -> None:
        """Strength comes from a "| Fact | Source | Strength |" table's last cell, else from the nearest
        heading that grades its section ("2.2 Fine lines…: moderate-to-low evidence")."""
        heading_grade, table_has_strength, previous = "", False, ""
        for number, line in enumerate(lines, start=1):
            where = f"{name}:{number}"
            if line.startswith("#"):
                heading_grade = line.split(":", 1)[1].strip() if ":" in line and "evidence" in line.lower() else ""
            if line.startswith("|") and not previous.startswith("|"):
                table_has_strength = line.strip().strip("|").split("|")[-1].strip().lower().startswith("strength")
            previous = line
            entry = _ENTRY.match(line)
            if entry:
                self.entries.setdefault(entry.group(1), (where, entry.group(2)))
                continue
            in_table = line.startswith("|")
            strength = _last_cell(line) if in_table and table_has_strength else ("" if in_table else heading_grade)
            for label in dict.fromkeys(_cited_labels(line)):
                self.citing.setdefault(label, []).append(SheetLine(where, _claim_text(line), strength))

    def entry_for(self, ref: Reference) -> str | None:
        """The R-number of the fact-sheet entry a bibliography reference came from, if one matches."""
        title = _squash(ref.title or "")[:60]
        for label, (_, text) in self.entries.items():
            if (ref.doi and ref.doi.lower() in text.lower()) or (ref.pmid and ref.pmid in text):
                return label
            if title and title in _squash(text):
                return label
        return None


def review_pack(content: Content, sheets: FactSheets, today: date) -> str:
    """The whole pack as Markdown."""
    parts = [
        "# Review pack: microneedling guide",
        f"Made on {long_date(today)} from content/. One section per page: check each claim against its "
        "source, confirm or correct each clinic-practice statement, then sign the page off. A page becomes "
        "`status: clinical` only when a named clinician has signed it and an editor changes its file.",
    ]
    if not sheets.entries:
        parts.append("**The fact sheets were not found**, so sources are listed without their fact-sheet lines.")
    for slug, topic in content.topics.items():
        parts.append(_page(slug, topic, content, sheets))
    return "\n\n".join(parts) + "\n"


def _page(slug: str, topic: Topic, content: Content, sheets: FactSheets) -> str:
    review = topic.review
    lines = [
        f"## {topic.title}",
        f"Source: `{content.sources[slug]}` · page `/{slug}/` · status: **{review.status}** "
        f"({'clinical review pending' if review.status == 'editorial' else 'clinically reviewed'}) · "
        f"last reviewed {long_date(review.last_reviewed)} by {review.reviewed_by}",
        "### Changes since the last review",
    ]
    changes = [c for c in review.changes if c.date > review.last_reviewed]
    lines += [f"- {long_date(c.date)}: {c.summary}" for c in changes] or ["- None recorded."]

    claims, uncited, practice = statements(topic.model_dump())
    lines.append("### Claims and their sources")
    for where, text, cites in claims:
        lines.append(f"- **{where}**: {text}")
        for ref_id in cites:
            lines.append(f"    - {_source(content.references[ref_id], sheets)}")
    lines.append("### Statements without a citation (check they are general or covered by a source above)")
    lines += [f"- **{where}**: {text}" for where, text in uncited] or ["- None."]
    lines.append("### Clinic practice, to confirm")
    lines += [f"- [ ] **{where}**: {text}" for where, text in practice] or ["- None labelled."]
    lines += [
        "### Sign-off",
        "| Reviewer (name and role) | Date | Decision |",
        "|---|---|---|",
        "| | | ☐ Approved as it is ☐ Approved with the changes noted ☐ Not approved |",
    ]
    return "\n\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:])


def statements(data: dict) -> tuple[list, list, list]:
    """(claims with cites, statements without, clinic-practice statements), each with its field path."""
    claims, uncited, practice = [], [], []

    def statement(where: str, text: str) -> None:
        uncited.append((where, text))
        if _PRACTICE.search(text):
            practice.append((where, text))

    def visit(value: object, where: str) -> None:
        if isinstance(value, dict):
            text = _text_of(value)
            if value.get("cites"):
                claims.append((where, text, value["cites"]))
            elif text and "cites" in value:
                uncited.append((where, text))
            if text and (_PRACTICE.search(text) or value.get("basis") == "practice"):
                practice.append((where, text))
            if "interval_weeks" in value:  # the planner's numbers are the guide's suggestion, from clinic practice
                practice.append((where, _suggestion(value)))
            for key, item in value.items():
                if key not in ("review", "cites") and isinstance(item, dict | list):
                    visit(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    visit(item, f"{where}[{index}]")

    for key in ("summary", "intro"):
        statement(key, plain_text(data[key]))
    for index, point in enumerate(data.get("key_points", [])):
        statement(f"key_points[{index}]", plain_text(point))
    for key, item in data.items():
        if isinstance(item, list | dict) and key not in ("key_points", "related", "review"):
            visit(item, key)
    return claims, uncited, practice


def _text_of(value: dict) -> str:
    """The words of one content item: its text fields and lists of text, in order."""
    words = []
    for key, item in value.items():
        if key in _NOT_CLAIMS:
            continue
        if isinstance(item, str):
            words.append(plain_text(item))
        elif isinstance(item, list) and all(isinstance(x, str) for x in item) and key != "related":
            words += [plain_text(x) for x in item]
    labels = [f"({key}: {value[key]})" for key in ("evidence", "basis", "how_common", "takes") if value.get(key)]
    if value.get("url") and "editions" in value:  # a regulator: its reporting page, and where it is listed
        labels.append(f"(reporting page: {value['url']}; listed in: {', '.join(value['editions'])})")
    return " · ".join(words + labels)


def _suggestion(concern: dict) -> str:
    sessions, weeks = concern["sessions"], concern["interval_weeks"]
    return (
        f"{concern['name']}: the guide suggests {sessions['min']} to {sessions['max']} sessions "
        f"(usually {sessions['typical']}), {weeks['min']} to {weeks['max']} weeks apart (usually {weeks['default']})"
    )


def _source(ref: Reference, sheets: FactSheets) -> str:
    text = reference_for_editors(ref)
    label = sheets.entry_for(ref)
    if not label and (ref.note or "").startswith(READ_DIRECTLY):
        return f"{text} — *read directly, not from the fact sheets: check it against its page*"
    if not label:
        return f"{text} — *no matching fact-sheet entry found: check by hand*"
    where = sheets.entries[label][0]
    cited = sheets.citing.get(label, [])
    lines = "; ".join(f"{line.where} ({line.strength or 'no label'})" for line in cited[:8])
    more = f" and {len(cited) - 8} more" if len(cited) > 8 else ""
    return f"{text} — fact sheet [{label}] at {where}; cited on {lines or 'no other line'}{more}"


def _cited_labels(line: str) -> list[str]:
    """R-numbers a fact-sheet line cites, with ranges such as [R18–R20] spelt out."""
    labels = []
    for group in _CITED.findall(line):
        for part in re.split(r"\s*,\s*", group):
            ends = re.split(r"\s*[–-]\s*", part)
            if len(ends) == 2 and ends[0][1:].isdigit() and ends[1].lstrip("R").isdigit():
                labels += [f"R{n}" for n in range(int(ends[0][1:]), int(ends[1].lstrip("R")) + 1)]
            else:
                labels.append(ends[0])
    return labels


def _claim_text(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip("|- ").replace("**", ""))[:160]


def _last_cell(line: str) -> str:
    return line.strip().strip("|").split("|")[-1].replace("**", "").strip()[:60]


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())
