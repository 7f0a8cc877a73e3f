"""The translation review pack (`make review-pack LANG=es`): every translated file side by side with its
English, its status, what changed in the English since (a word diff from git history), and a sign-off
block; and a reviewed translation names its reviewer by a role every edition can say."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import ROOT, run_guide
from guide.render import _translation_record
from guide.translate import TranslationHeader
from guide.translation_pack import translation_pack
from guide.validate import load_content

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def real_pack() -> str:
    return translation_pack(ROOT, load_content(ROOT), "es", TODAY)


def test_every_translated_file_is_in_the_pack_with_a_sign_off(real_pack: str):
    content = load_content(ROOT)
    files = [record.path for record in content.translations["es"].files.values()]
    files += ["docs/es/about.md", "docs/es/index.md", "scripts/templates/es/clinics.md.j2"]
    files += ["scripts/templates/strings/es.yml", "mkdocs.es.yml"]
    for path in files:
        assert re.search(rf"^## .*`{re.escape(path)}`$", real_pack, re.M), path
    assert real_pack.count("### Sign-off") == len(files)
    assert real_pack.count("☐ Approved as it is") == len(files)


def test_each_field_is_side_by_side_in_english_and_spanish(real_pack: str):
    content = load_content(ROOT)
    english, spanish = content.topics["aftercare"], content.translations["es"].topics["aftercare"]
    assert f"| `title` | {english.title} | {spanish.title} |" in real_pack
    assert f"| `timeline[0].label` | {english.timeline[0].label} | {spanish.timeline[0].label} |" in real_pack
    assert "| `page.key_points` | Key points | Puntos clave |" in real_pack  # the strings file, by key
    assert "| `risks.md` | Risks and who should not have it |" in real_pack  # the navigation, by page
    assert "Status: **machine-assisted** · follows version" in real_pack


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A git repository holding what the pack reads, committed once, for a test to change the English."""
    repo = tmp_path / "repo"
    for folder in ("content", "docs", "scripts/templates"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("assets", "admin"))
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(ROOT / name, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "as translated")
    return repo


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_what_changed_in_the_english_is_shown_word_by_word(history: Path):
    edit(history / "content/aftercare.yml", "Use sunscreen every day", "Use a broad-spectrum sunscreen every day")
    edit(history / "scripts/templates/strings/en.yml", "key_points: Key points", "key_points: Main points")
    edit(history / "docs/about.md", "# About this guide", "# About this guide and its makers")
    git(history, "commit", "-q", "-am", "English changed")
    pack = translation_pack(history, load_content(history), "es", TODAY)
    aftercare = pack[pack.index("`content/es/aftercare.yml`\n") :]
    aftercare = aftercare[: aftercare.index("### Sign-off")]
    assert "### What changed in the English since the translation" in aftercare
    assert re.search(r"- `key_points\[3\]`: Use \*\*a broad\\?-spectrum\*\* sunscreen every day", aftercare), aftercare
    assert "| `key_points[3]` ⚠ English changed |" in aftercare
    assert "| `content/es/aftercare.yml` | machine-assisted | — | yes |" in pack
    assert "- `page.key_points`: ~~Key~~ **Main** points" in pack
    assert "**and its makers**" in pack
    assert "header of `content/es/aftercare.yml`: `status: reviewed`, `reviewed_by: <the role>`, `source: " in pack


def test_an_english_version_not_in_history_is_said_so(history: Path):
    text = (history / "content/es/faq.yml").read_text(encoding="utf-8")
    (history / "content/es/faq.yml").write_text(re.sub(r'source: "\w{12}"', 'source: "0123456789ab"', text))
    pack = translation_pack(history, load_content(history), "es", TODAY)
    assert "The English words changed since version `0123456789ab`, which is not in the last 300 commits" in pack


def test_the_command_writes_the_pack_and_refuses_an_unknown_language(tmp_path: Path):
    out = tmp_path / "pack.md"
    written = run_guide(ROOT, "review-pack", "--lang", "es", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert out.read_text(encoding="utf-8").startswith("# Translation review pack: Español (es)")
    refused = run_guide(ROOT, "review-pack", "--lang", "fr", "--out", str(out))
    assert refused.returncode == 1 and "no translation 'fr' in content/ (translations: es)" in refused.stderr


def test_make_passes_only_a_lang_given_on_its_command_line():
    def command(*args: str, env_lang: str) -> str:
        env = {"PATH": "/usr/bin:/bin", "LANG": env_lang}
        return subprocess.run(
            ["make", "-n", "review-pack", *args], cwd=ROOT, capture_output=True, text=True, env=env
        ).stdout

    assert '--lang "es"' in command("LANG=es", env_lang="C.UTF-8")
    assert "--lang" not in command(env_lang="es")


def test_a_reviewer_is_named_by_a_role_every_edition_can_say():
    header = TranslationHeader(source="0123456789ab", status="reviewed", reviewed_by="Medical translator")
    assert header.reviewed_by == "Medical translator"
    with pytest.raises(ValidationError, match="'Dr Ana López' is not a reviewer's role the guide can name"):
        TranslationHeader(source="0123456789ab", status="reviewed", reviewed_by="Dr Ana López")


def test_a_reviewed_spanish_page_names_its_reviewer_in_spanish():
    content = load_content(ROOT)
    spanish = content.translations["es"]
    files = {slug: replace(r, status="reviewed", reviewed_by="Medical translator") for slug, r in spanish.files.items()}
    reviewed = replace(content, translations={"es": replace(spanish, files=files)})
    assert _translation_record(reviewed, "es", "faq.md")["reviewed_by"] == "Traductor médico"
