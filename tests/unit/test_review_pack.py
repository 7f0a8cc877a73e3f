"""`make review-pack`: the document a clinician signs off page by page, made from the real content and
the fact sheets (shared/research beside the repository), and from a small content set a test changes."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from conftest import ROOT
from guide.review_pack import READ_DIRECTLY, FactSheets, review_pack
from guide.validate import load_content

FACTS = ROOT.parent / "shared" / "research"
NO_FACTS = "needs shared/research beside the repository (CI has it; a bare clone does not)"


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    if not FACTS.exists():
        pytest.skip(NO_FACTS)
    out = tmp_path_factory.mktemp("pack") / "review-pack.md"
    result = subprocess.run(
        [sys.executable, "-m", "guide", "review-pack", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_the_pack_has_a_section_and_a_sign_off_for_every_page(pack: str):
    content = load_content(ROOT)
    for slug, topic in content.topics.items():
        assert f"## {topic.title}\n" in pack, slug
        assert f"Source: `{content.sources[slug]}`" in pack, slug
    assert pack.count("### Sign-off") == len(content.topics)


@pytest.mark.skipif(not FACTS.exists(), reason=NO_FACTS)
def test_every_cited_reference_is_traced_to_the_fact_sheet(pack: str):
    content = load_content(ROOT)
    sheets = FactSheets.read(FACTS)
    from_sheets = [ref for ref in content.references.values() if not (ref.note or "").startswith(READ_DIRECTLY)]
    matched = [ref.id for ref in from_sheets if sheets.entry_for(ref)]
    assert len(matched) >= 0.9 * len(from_sheets), "most references match their fact-sheet entry"
    alam = content.references["alam-2014"]
    assert sheets.entry_for(alam) == "R7"
    assert "fact sheet [R7] at microneedling-facts.md:" in pack


def test_the_planners_numbers_are_listed_as_clinic_practice_to_confirm(pack: str):
    frequency = load_content(ROOT).topics["frequency"]
    for concern in frequency.concerns:
        assert f"**: {concern.name}: the guide suggests {concern.sessions.min} to {concern.sessions.max}" in pack


def test_a_change_since_the_last_review_is_listed_and_older_ones_are_not(minimal):
    minimal.replace(
        "aftercare.yml",
        "  status: editorial\n",
        "  status: editorial\n  changes:\n    - date: 2026-12-01\n      summary: Added a day-two stage.\n"
        "    - date: 2026-11-01\n      summary: First published.\n",
    )
    text = review_pack(load_content(minimal.root), FactSheets(), date(2026, 12, 2))
    page = text.split("## Aftercare at home", 1)[1].split("\n## ", 1)[0]
    assert "- 1 December 2026: Added a day-two stage." in page
    assert "First published" not in page
    assert "**The fact sheets were not found**" in text


def test_claims_carry_their_citations_and_uncited_text_is_listed(minimal):
    text = review_pack(load_content(minimal.root), FactSheets(), date(2026, 12, 2))
    page = text.split("## Aftercare at home", 1)[1].split("\n## ", 1)[0]
    claims, uncited = page.split("### Statements without a citation", 1)
    assert "**timeline[0]**: The first 24 hours · Your skin looks like mild sunburn." in claims
    assert "Alam M" in claims or "alam" in claims.lower()
    assert "**intro**: Keep your skin clean and protected from the sun." in uncited
    assert "**key_points[0]**: Redness is expected for a few days." in uncited


def test_a_reference_read_directly_is_listed_for_checking_against_its_page(pack: str):
    content = load_content(ROOT)
    direct = [ref for ref in content.references.values() if (ref.note or "").startswith(READ_DIRECTLY)]
    assert direct, "issue 19 added sources read outside the fact sheets"
    assert pack.count("read directly, not from the fact sheets: check it against its page") >= len(direct)


def test_the_regulators_are_listed_with_their_reporting_pages_and_editions(pack: str):
    for regulator in load_content(ROOT).topics["risks"].reporting.regulators:
        assert f"(reporting page: {regulator.url}; listed in: {', '.join(regulator.editions)})" in pack


def test_without_the_fact_sheets_no_pack_is_written_and_the_message_says_how_to_point_at_them(tmp_path):
    out = tmp_path / "pack.md"
    result = subprocess.run(
        [sys.executable, "-m", "guide", "review-pack", "--out", str(out), "--facts", str(tmp_path / "nowhere")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "the fact sheets are missing: microneedling-facts.md, microneedling-facts-2.md not found in" in result.stderr
    assert "--facts FOLDER" in result.stderr and "make review-pack FACTS=FOLDER" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_one_missing_fact_sheet_is_named(tmp_path):
    (tmp_path / "microneedling-facts.md").write_text("- **R1.** A source.\n", encoding="utf-8")
    sheets = FactSheets.read(tmp_path)
    assert sheets.missing == ("microneedling-facts-2.md",) and "R1" in sheets.entries
