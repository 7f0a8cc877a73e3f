"""Interface text follows the English like content does: scripts/templates/strings/es.yml and the
navigation of mkdocs.es.yml record the version of the English words they follow (strings/en.yml,
mkdocs.yml's nav), and `make check` warns at that record when the English changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_guide
from guide.interface_text import check_interface, nav_titles, words_version
from guide.render import strings

STRINGS_ES = "scripts/templates/strings/es.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what the interface check reads: content/ (its language folders), the strings files, the
    two projects' configurations."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "scripts" / "templates" / "strings", tmp_path / "scripts" / "templates" / "strings")
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_real_interface_text_follows_todays_english():
    records, problems = check_interface(ROOT)
    assert set(records) == {STRINGS_ES, "mkdocs.es.yml"}
    assert problems == [] and not any(record.stale for record in records.values())


def test_the_version_counts_words_and_their_places_not_layout_or_the_header():
    words = {"page": {"sources": "Sources", "more": "More"}, "dates": {"months": ["January", "February"]}}
    same = {"dates": {"months": ["January", "February"]}, "page": {"more": "More", "sources": " Sources"}}
    assert words_version(words) == words_version({**same, "translation": {"source": "0" * 12}})
    assert words_version(words) != words_version({**words, "page": {"sources": "Source", "more": "More"}})
    assert words_version(words) != words_version({**words, "dates": {"months": ["February", "January"]}})


def test_the_navigation_is_its_titles_by_page():
    nav = [{"Home": "index.md"}, {"More": [{"Risks": "risks.md"}]}]
    assert nav_titles(nav) == {"index.md": "Home", "section 1": "More", "risks.md": "Risks"}


def test_the_header_is_not_interface_text():
    assert "translation" not in strings("es")
    assert set(strings("es")) == set(strings("en"))


def test_changed_english_strings_or_navigation_make_the_check_warn_at_the_spanish_record(project: Path):
    edit(project / "scripts/templates/strings/en.yml", "key_points: Key points", "key_points: Main points")
    edit(project / "mkdocs.yml", "- Questions: faq.md", "- Common questions: faq.md")
    result = run_guide(project, "check", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    strings_line = line_of(project / STRINGS_ES, "translation: {source:")
    nav_line = line_of(project / "mkdocs.es.yml", "translation: {source:")
    assert f"{STRINGS_ES}:{strings_line}:23: translation.source: warning: the English file has changed" in result.stderr
    assert f"mkdocs.es.yml:{nav_line}:25: extra.translation.source: warning: the English file has changed" in (
        result.stderr
    )
    assert "interface text (scripts/templates/strings/es.yml, mkdocs.es.yml): 2 translated files checked" in (
        result.stdout
    )
    assert "2 stale" in result.stdout.splitlines()[-1]

    updated = run_guide(project, "translation-hash", "--update", STRINGS_ES, "mkdocs.es.yml")
    assert updated.returncode == 0, updated.stderr
    again = run_guide(project, "check", "--today", "2026-12-01")
    assert "has changed" not in again.stderr and "0 stale" in again.stdout.splitlines()[-1]


def test_a_layout_change_or_a_comment_in_the_english_strings_changes_nothing(project: Path):
    edit(project / "scripts/templates/strings/en.yml", "key_points: Key points", 'key_points: "Key points"  # a note')
    assert check_interface(project)[1] == []


@pytest.mark.parametrize(
    ("file", "header", "message"),
    [
        (STRINGS_ES, "", "translation: missing: add translation: {source: "),
        ("mkdocs.es.yml", "", "extra.translation: missing: add translation: {source: "),
        (STRINGS_ES, 'translation: {source: "abc", status: machine-assisted}', "translation.source: must be"),
        (
            "mkdocs.es.yml",
            'translation: {source: "0123456789ab", status: checked}',
            "extra.translation.status: must be",
        ),
        (STRINGS_ES, 'translation: {source: "0123456789ab", status: reviewed}', "needs reviewed_by"),
    ],
)
def test_a_missing_or_wrong_header_is_an_error_at_its_place(project: Path, file: str, header: str, message: str):
    path = project / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(n for n, line in enumerate(lines) if "translation: {source:" in line)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f"{indent}{header}\n" if header else ""
    path.write_text("".join(lines), encoding="utf-8")
    result = run_guide(project, "check", "--today", "2026-12-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(line.startswith(f"{file}:") and message in line for line in result.stderr.splitlines()), result.stderr
