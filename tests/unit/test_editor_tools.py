"""What editors rely on besides the messages: schemas that match the checks, annotations, review dates."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT, run_guide
from guide.model import KINDS
from guide.schemas import schema_files


def run_check(root, *flags) -> subprocess.CompletedProcess:
    return run_guide(root, "check", *flags)


def test_committed_schemas_are_current():
    for rel, text in schema_files().items():
        path = ROOT / rel
        assert path.exists() and path.read_text(encoding="utf-8") == text, (
            f"{rel} is out of date: run `PYTHONPATH=scripts .venv/bin/python -m guide schemas`"
        )


def test_every_content_file_kind_has_a_schema_mapped_in_vscode():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapped = {target for targets in settings["yaml.schemas"].values() for target in targets}
    assert mapped == {f"content/{name}" for name in KINDS}


def test_every_schema_field_has_a_description():
    def walk(schema, where):
        for name, prop in schema.get("properties", {}).items():
            assert prop.get("description"), f"{where}.{name} has no description"
        for sub_name, sub in schema.get("$defs", {}).items():
            walk(sub, sub_name)

    for rel, text in schema_files().items():
        if rel.startswith("schemas/"):
            walk(json.loads(text), rel)


def test_schemas_forbid_unknown_keys():
    schema = json.loads(schema_files()["schemas/frequency.schema.json"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["IntervalWeeks"]["additionalProperties"] is False


def test_github_format_annotates_the_line(minimal):
    minimal.replace("frequency.yml", "{min: 2, default: 4", "{min: two, default: 4")
    result = run_check(minimal.root, "--format", "github", "--today", "2026-12-01")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/frequency.yml,line=18,col=27,title=concerns[0].interval_weeks.min"
        "::must be a whole number, like 4 (got 'two')"
    ]


def test_overdue_review_is_a_warning_and_an_error_when_strict(minimal):
    relaxed = run_check(minimal.root, "--today", "2028-01-01")
    assert relaxed.returncode == 0
    assert relaxed.stdout.strip().endswith("(2 warnings)")
    assert "content/aftercare.yml:5:20: review.next_review_due: warning: review overdue" in relaxed.stderr

    strict = run_check(minimal.root, "--today", "2028-01-01", "--strict-review")
    assert strict.returncode == 1
    assert "content/aftercare.yml:5:20: review.next_review_due: review overdue" in strict.stderr

    on_time = run_check(minimal.root, "--today", "2027-11-25", "--strict-review")
    assert on_time.returncode == 0 and "warning" not in on_time.stdout + on_time.stderr


def test_uncited_reference_fails_only_when_strict(minimal):
    minimal.replace("aftercare.yml", "cites: [alam-2014]", "cites: [harris-2015]")
    minimal.replace("frequency.yml", "cites: [harris-2015, alam-2014]", "cites: [harris-2015]")
    assert run_check(minimal.root, "--today", "2026-12-01").returncode == 0
    strict = run_check(minimal.root, "--today", "2026-12-01", "--strict-review")
    assert strict.returncode == 1
    assert "reference 'alam-2014' is not cited by any page" in strict.stderr
