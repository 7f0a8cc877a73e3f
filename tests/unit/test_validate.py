"""Every kind of content mistake is reported as path:line:col: field: message, all at once."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from guide.problems import ContentError
from guide.validate import load_content


def problems_of(copy) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(copy.root)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_minimal_content_loads(minimal):
    content = load_content(minimal.root)
    assert set(content.topics) == {"frequency", "aftercare"}
    assert content.sources["frequency"] == "content/frequency.yml"
    assert content.topics["frequency"].concerns[0].interval_weeks.default == 4


def test_yaml_syntax_error_points_at_the_line(minimal):
    minimal.replace("frequency.yml", "intro: Most people", "intro: [Most people")
    [problem] = problems_of(minimal)
    assert problem.startswith("content/frequency.yml:")
    assert "YAML syntax error" in problem


def test_tab_indentation_is_named(minimal):
    minimal.replace("frequency.yml", "  reviewed_by: Editorial team", "\treviewed_by: Editorial team")
    line = minimal.line_of("frequency.yml", "reviewed_by")
    assert problems_of(minimal) == [f"content/frequency.yml:{line}:1: a tab is used for indentation: YAML needs spaces"]


def test_duplicate_key(minimal):
    minimal.replace("frequency.yml", "intro: Most", "title: Again\nintro: Most")
    line = minimal.line_of("frequency.yml", "title: Again")
    assert problems_of(minimal) == [
        f"content/frequency.yml:{line}:1: title: duplicate key: 'title' is already set on line 1"
    ]


def test_wrong_type_names_the_field_and_an_example(minimal):
    minimal.replace("frequency.yml", "{min: 2, default: 4, max: 6}", "{min: two, default: 4, max: 6}")
    line = minimal.line_of("frequency.yml", "min: two")
    [problem] = problems_of(minimal)
    assert problem.startswith(f"content/frequency.yml:{line}:")
    assert "concerns[0].interval_weeks.min: must be a whole number, like 4 (got 'two')" in problem


def test_unknown_key_suggests_the_close_match(minimal):
    minimal.replace("frequency.yml", "summary:", "summay:")
    # One message for one mistake: not also "'summary' is missing".
    assert problems_of(minimal) == [
        "content/frequency.yml:2:1: summay: unknown field 'summay': did you mean 'summary'?"
    ]


def test_missing_field(minimal):
    minimal.replace("aftercare.yml", "title: Aftercare at home\n", "")
    assert problems_of(minimal) == [
        "content/aftercare.yml:1:1: title: 'title' is missing: add it (The page title, in plain words.)"
    ]


def test_impossible_date(minimal):
    minimal.replace("aftercare.yml", "last_reviewed: 2026-11-25", "last_reviewed: 2026-02-30")
    line = minimal.line_of("aftercare.yml", "2026-02-30")
    assert problems_of(minimal) == [
        f"content/aftercare.yml:{line}:18: review.last_reviewed: "
        "must be a real date written YYYY-MM-DD, like 2026-11-25 (got '2026-02-30')"
    ]


def test_review_due_before_reviewed(minimal):
    minimal.replace("aftercare.yml", "next_review_due: 2027-11-25", "next_review_due: 2025-11-25")
    [problem] = problems_of(minimal)
    assert problem == "content/aftercare.yml:5:20: review.next_review_due: must be after review.last_reviewed"


def test_unknown_reference_id_suggests_the_close_one(minimal):
    minimal.replace("frequency.yml", "cites: [harris-2015]", "cites: [haris-2015]")
    line = minimal.line_of("frequency.yml", "haris-2015")
    [problem] = problems_of(minimal)
    assert problem.startswith(f"content/frequency.yml:{line}:")
    assert problem.endswith("sections[0].cites[0]: unknown reference 'haris-2015': did you mean 'harris-2015'?")


def test_unknown_related_topic(minimal):
    minimal.replace("frequency.yml", "related: [aftercare]", "related: [after-care]")
    [problem] = problems_of(minimal)
    assert "related[0]: unknown topic 'after-care': did you mean 'aftercare'?" in problem


def test_care_cards_from_must_name_a_page_with_cards(minimal):
    minimal.replace("frequency.yml", "related: [aftercare]", "related: [aftercare]\ncare_cards_from: aftercare")
    load_content(minimal.root)  # aftercare.yml has cards: fine
    minimal.replace("frequency.yml", "care_cards_from: aftercare", "care_cards_from: frequency")
    line = minimal.line_of("frequency.yml", "care_cards_from")
    assert problems_of(minimal) == [
        f"content/frequency.yml:{line}:18: care_cards_from: content/frequency.yml has no care_cards to show"
    ]


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", "<b>bold</b>", '<img src="x">'])
def test_raw_html_in_text_is_refused(minimal, html):
    minimal.replace("aftercare.yml", "intro: Keep your skin", f"intro: {html} Keep your skin")
    line = minimal.line_of("aftercare.yml", "intro:")
    [problem] = problems_of(minimal)
    assert problem.startswith(f"content/aftercare.yml:{line}:8: intro: HTML tags are not allowed")


def test_interval_minimum_above_maximum(minimal):
    minimal.replace("frequency.yml", "{min: 2, default: 4, max: 6}", "{min: 8, default: 4, max: 6}")
    [problem] = problems_of(minimal)
    assert "concerns[0].interval_weeks: needs min ≤ default ≤ max (got 8, 4, 6)" in problem


def test_default_concern_must_exist(minimal):
    minimal.replace("frequency.yml", "default_concern: general", "default_concern: generl")
    [problem] = problems_of(minimal)
    assert "default_concern: unknown concern 'generl': did you mean 'general'?" in problem


def test_wrong_allowed_value(minimal):
    minimal.replace("aftercare.yml", "level: urgent", "level: soon")
    [problem] = problems_of(minimal)
    assert "care_cards[0].level: must be one of 'contact-clinic', 'urgent' or 'emergency' (got 'soon')" in problem


def test_empty_file(minimal):
    minimal.file("aftercare.yml").write_text("\n# nothing yet\n")
    assert problems_of(minimal) == ["content/aftercare.yml:1:1: file is empty: it needs the fields of its page"]


def test_non_utf8_file(minimal):
    minimal.file("aftercare.yml").write_bytes("title: Caf\u00e9\n".encode("latin-1"))
    [problem] = problems_of(minimal)
    assert problem == "content/aftercare.yml:1:1: file is not UTF-8 text: save it with UTF-8 encoding"


def test_oversized_file(minimal):
    minimal.file("aftercare.yml").write_text("# padding\n" * 600_000)
    [problem] = problems_of(minimal)
    assert "a content file must be under 1,000,000 bytes" in problem


def test_every_problem_in_every_file_is_reported_together(minimal):
    minimal.replace("aftercare.yml", "title: Aftercare at home\n", "")
    minimal.replace("frequency.yml", "summary:", "summay:")
    minimal.replace("references.yml", "year: 2015", "year: twenty")
    files = {p.split(":")[0] for p in problems_of(minimal)}
    assert files == {"content/aftercare.yml", "content/frequency.yml", "content/references.yml"}


def test_unused_reference_is_a_warning_not_an_error(minimal):
    minimal.replace("aftercare.yml", "cites: [alam-2014]", "cites: [harris-2015]")
    minimal.replace("frequency.yml", "cites: [harris-2015, alam-2014]", "cites: [harris-2015]")
    content = load_content(minimal.root)
    assert [str(w) for w in content.warnings] == [
        "content/references.yml:8:9: references[1].id: warning: reference 'alam-2014' is not cited by any page"
    ]


def test_check_command_prints_problems_without_a_traceback(minimal):
    minimal.replace("frequency.yml", "{min: 2, default: 4, max: 6}", "{min: 2.5, default: 4, max: 6}")
    result = subprocess.run(
        [sys.executable, "-m", "guide", "--root", str(minimal.root), "check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts")},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    line = minimal.line_of("frequency.yml", "min: 2.5")
    assert f"content/frequency.yml:{line}:" in result.stderr
    assert "concerns[0].interval_weeks.min: must be a whole number, like 4 (got 2.5)" in result.stderr


def test_check_command_summary_on_good_content(minimal):
    result = subprocess.run(
        [sys.executable, "-m", "guide", "--root", str(minimal.root), "check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts")},
    )
    assert result.returncode == 0, result.stderr
    report, summary = result.stdout.strip().rsplit("\n", 1)
    assert summary == "content/ is fine: 3 files, 2 topic pages, 2 references checked"
    assert re.search(r"content/aftercare.yml +grade +\d", report) and "min" in report


def test_the_checks_depend_one_way():
    """validate.py uses translate.py, and both use checks.py: neither translate.py nor checks.py imports validate."""
    guide = ROOT / "scripts" / "guide"
    for name in ("translate.py", "checks.py"):
        imports = re.findall(r"^\s*(?:from|import)\s+(\S+)", (guide / name).read_text(encoding="utf-8"), re.M)
        assert not [found for found in imports if "validate" in found], name
    assert "from .translate import" in (guide / "validate.py").read_text(encoding="utf-8")
