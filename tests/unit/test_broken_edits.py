"""A table of the mistakes editors make, each run through the content check in a throw-away copy.

Every row must fail the check (non-zero exit) with one line naming the right file, line and
field, in plain words, and without a traceback.
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import run_guide

F, A, R = "frequency.yml", "aftercare.yml", "references.yml"

# fmt: off
# id, file, text to replace, replacement, expected "file:line", expected field, words in the message
BROKEN_EDITS = [
    ("syntax-unclosed-bracket", F, "related: [aftercare]", "related: [aftercare", f"{F}:14", "", "YAML syntax error"),
    ("syntax-unclosed-quote", A, 'day if:"', "day if:", f"{A}:22", "", "YAML syntax error"),
    (
        "bad-indentation",
        F,
        "  reviewed_by: Editorial team",
        "   reviewed_by: Editorial team",
        f"{F}:6",
        "",
        "YAML syntax",
    ),
    ("tab-indentation", F, "  status: editorial", "\tstatus: editorial", f"{F}:7", "", "tab is used"),
    ("duplicate-key", F, "intro: Most", "title: Twice\nintro: Most", f"{F}:8", "title", "duplicate key"),
    (
        "duplicate-nested-key",
        A,
        "    to_day: 0\n",
        "    to_day: 0\n    to_day: 1\n",
        f"{A}:16",
        "timeline[0].to_day",
        "duplicate",
    ),
    (
        "number-as-words",
        F,
        "{min: 2, default: 4",
        "{min: two, default: 4",
        f"{F}:18",
        "concerns[0].interval_weeks.min",
        "whole number, like 4",
    ),
    (
        "number-with-fraction",
        F,
        "{min: 2, default: 4",
        "{min: 2.5, default: 4",
        f"{F}:18",
        "concerns[0].interval_weeks.min",
        "whole number",
    ),
    ("number-as-quoted-text", A, "from_day: 0", 'from_day: "0"', f"{A}:14", "timeline[0].from_day", "whole number"),
    (
        "text-expected-got-number",
        A,
        "label: The first 24 hours",
        "label: 24",
        f"{A}:13",
        "timeline[0].label",
        "must be text",
    ),
    ("list-expected-got-text", F, "related: [aftercare]", "related: aftercare", f"{F}:13", "related", "must be a list"),
    (
        "group-expected-got-text",
        F,
        "sessions: {min: 3, typical: 3, max: 6}\n    interval_weeks: {min: 2",
        "sessions: three\n    interval_weeks: {min: 2",
        f"{F}:17",
        "concerns[0].sessions",
        "group of 'field: value'",
    ),
    ("unknown-key-misspelt", F, "summary:", "sumary:", f"{F}:2", "sumary", "did you mean 'summary'"),
    (
        "unknown-key-nested",
        F,
        "    note: A common plan.",
        "    notes: A common plan.",
        f"{F}:25",
        "concerns[1].notes",
        "did you mean 'note'",
    ),
    (
        "missing-field",
        A,
        "intro: Keep your skin clean and protected from the sun.\n",
        "",
        f"{A}:1",
        "intro",
        "'intro' is missing",
    ),
    ("missing-nested-field", F, "  reviewed_by: Editorial team\n", "", f"{F}:3", "review.reviewed_by", "is missing"),
    (
        "impossible-date",
        A,
        "last_reviewed: 2026-11-25",
        "last_reviewed: 2026-02-30",
        f"{A}:4",
        "review.last_reviewed",
        "real date",
    ),
    (
        "date-in-words",
        A,
        "last_reviewed: 2026-11-25",
        "last_reviewed: 25 November 2026",
        f"{A}:4",
        "review.last_reviewed",
        "YYYY-MM-DD",
    ),
    (
        "review-due-before-reviewed",
        A,
        "next_review_due: 2027-11-25",
        "next_review_due: 2026-01-01",
        f"{A}:5",
        "review.next_review_due",
        "must be after review.last_reviewed",
    ),
    (
        "interval-min-above-max",
        F,
        "{min: 2, default: 4, max: 6}",
        "{min: 7, default: 4, max: 6}",
        f"{F}:18",
        "concerns[0].interval_weeks",
        "min ≤ default ≤ max",
    ),
    (
        "interval-zero-weeks",
        F,
        "{min: 2, default: 4, max: 6}",
        "{min: 0, default: 4, max: 6}",
        f"{F}:18",
        "concerns[0].interval_weeks.min",
        "at least 1",
    ),
    (
        "sessions-typical-above-max",
        F,
        "{min: 3, typical: 3, max: 6}",
        "{min: 3, typical: 9, max: 6}",
        f"{F}:17",
        "concerns[0].sessions",
        "min ≤ typical ≤ max",
    ),
    (
        "unknown-reference",
        F,
        "cites: [harris-2015]",
        "cites: [harris-2016]",
        f"{F}:12",
        "sections[0].cites[0]",
        "did you mean 'harris-2015'",
    ),
    (
        "unknown-related-page",
        A,
        "related: [frequency]",
        "related: [how-often]",
        f"{A}:24",
        "related[0]",
        "unknown topic 'how-often'",
    ),
    (
        "unknown-default-concern",
        F,
        "default_concern: general",
        "default_concern: not-sure",
        f"{F}:26",
        "default_concern",
        "unknown concern",
    ),
    ("value-not-allowed", A, "level: urgent", "level: very-urgent", f"{A}:21", "care_cards[0].level", "must be one of"),
    ("raw-html", A, "intro: Keep", "intro: <b>Keep</b>", f"{A}:8", "intro", "HTML tags are not allowed"),
    (
        "script-in-text",
        A,
        "- Redness is expected",
        "- <script>alert(1)</script> Redness",
        f"{A}:10",
        "key_points[0]",
        "HTML tags are not allowed",
    ),
    (
        "empty-required-text",
        F,
        "  - id: general\n    name: Not sure",
        '  - id: general\n    name: ""',
        f"{F}:22",
        "concerns[1].name",
        "must not be empty",
    ),
    ("bad-id-format", F, "  - id: general", "  - id: General Skin", f"{F}:21", "concerns[1].id", "lower-case"),
    (
        "duplicate-reference-id",
        R,
        "  - id: alam-2014",
        "  - id: harris-2015\n    title: Copy\n  - id: alam-2014",
        f"{R}:8",
        "references[1].id",
        "already used",
    ),
    (
        "bad-doi",
        R,
        "doi: 10.1001/jamadermatol.2013.8687",
        "doi: https://doi.org/10.1001/x",
        f"{R}:14",
        "references[1].doi",
        "bare DOI",
    ),
    (
        "link-to-a-non-page",
        F,
        "body: Your skin needs time to heal.",
        "body: See [this](aftercare).",
        f"{F}:11",
        "sections[0].body",
        "link to 'aftercare' is not allowed",
    ),
]
BROKEN_EDITS[8] = (
    "number-as-quoted-text",
    A,
    "from_day: 0",
    'from_day: "0"',
    f"{A}:14",
    "timeline[0].from_day",
    "whole number",
)

WHOLE_FILE_MISTAKES = [
    ("empty-file", A, b"", f"{A}:1", "file is empty"),
    ("only-comments", A, b"# todo\n", f"{A}:1", "file is empty"),
    ("not-utf8", A, "title: Caf\u00e9 au lait\n".encode("latin-1"), f"{A}:1", "not UTF-8"),
    ("five-megabytes", A, b"# " + b"x" * 5_000_000 + b"\n", f"{A}:1", "must be under 1,000,000 bytes"),
    ("not-a-mapping", A, b"- just\n- a list\n", f"{A}:1", "group of 'field: value' lines"),
]


def run_check(root) -> subprocess.CompletedProcess:
    return run_guide(root, "check", "--today", "2026-12-01")


def assert_one_clear_problem(result, where: str, field: str, words: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/") and ": warning: " not in line]
    assert len(lines) == 1, output
    line = lines[0]
    assert line.startswith(f"content/{where}:"), line
    if field:
        assert f": {field}: " in line, line
    assert words in line, line


def test_the_table_covers_at_least_25_kinds_of_mistake():
    assert len({row[0] for row in BROKEN_EDITS + WHOLE_FILE_MISTAKES}) >= 25


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "where", "field", "words"), BROKEN_EDITS, ids=[row[0] for row in BROKEN_EDITS]
)
def test_broken_edit_is_reported_clearly(minimal, name, file, old, new, where, field, words):
    minimal.replace(file, old, new)
    assert_one_clear_problem(run_check(minimal.root), where, field, words)


@pytest.mark.parametrize(
    ("name", "file", "data", "where", "words"), WHOLE_FILE_MISTAKES, ids=[row[0] for row in WHOLE_FILE_MISTAKES]
)
def test_broken_file_is_reported_clearly(minimal, name, file, data, where, words):
    minimal.file(file).write_bytes(data)
    assert_one_clear_problem(run_check(minimal.root), where, "", words)
