"""The translation review pack (`make review-pack LANG=es`): one document a medical translator reads to
check and sign off a language's words against the English, file by file.

For every translated file (content/<lang>/*.yml, docs/<lang>/*.md, scripts/templates/<lang>/*.j2, the
strings file and the navigation titles) it gives its status and reviewer, each field in English and in
the translation side by side, and, when the English has changed since the translation, what changed:
the English words the translation follows are found in git history by their version (the `source` in
the translation's header), and shown as a word diff; when they cannot be found, the pack says so. Each
file ends with a sign-off block. The pack changes nothing: moving a file to `status: reviewed` with
`reviewed_by: <role>` stays an editor's act after the reviewer signs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from .embed import split_front_matter
from .interface_text import STRINGS, check_interface, interface_files, nav_titles, texts, words_version
from .load import load_file
from .page_text import escape, word_diff
from .problems import field_path
from .render import long_date
from .translate import (
    FREE_LISTS,
    TranslatedFile,
    check_pages,
    english_twin,
    model_for,
    page_version,
    reviewer_roles,
    text_leaves,
)
from .translate import source_version as content_version
from .validate import Content

HISTORY = 300  # commits of an English file searched for the version a translation follows


def translation_pack(root: Path, content: Content, lang: str, today: date) -> str:
    """The whole pack for one language, as Markdown."""
    translation = content.translations[lang]
    pages, _ = check_pages(root)
    interface = {file.path: file for file in interface_files(root)}
    parts = [
        f"# Translation review pack: {translation.name} ({lang})",
        f"Made on {long_date(today)} from the repository. For each file: read every field in {translation.name}"
        " against the English beside it (the same facts, nothing added or left out, plain words a patient"
        " understands, the terms of the style sheet in CONTRIBUTING.md), check what changed in the English"
        " since the translation, then sign the file off. Numbers, dates, citations and labels are not"
        " in the translation: they come from the English file. A file becomes `status: reviewed` only when"
        " a reviewer has signed it and an editor changes its header.",
        _summary([*translation.files.values(), *(r for r in pages.values() if f"/{lang}/" in r.path)]),
    ]
    for slug, record in translation.files.items():
        parts.append(_content_file(root, slug, record))
    for path, record in pages.items():
        if f"/{lang}/" in path:
            parts.append(_page(root, path, lang, record))
    for path, record in check_interface(root)[0].items():
        if path in (f"{STRINGS}/{lang}.yml", f"mkdocs.{lang}.yml"):
            parts.append(_interface(root, interface[path].english, record))
    return "\n\n".join(parts) + "\n"


def _summary(records: list[TranslatedFile]) -> str:
    rows = ["| File | Status | Reviewed by | English changed since |", "|---|---|---|---|"]
    rows += [f"| `{r.path}` | {r.status} | {r.reviewed_by or '—'} | {'yes' if r.stale else 'no'} |" for r in records]
    return "\n".join(rows)


def _status(record: TranslatedFile, english: str) -> str:
    reviewed = f", by {record.reviewed_by}" if record.reviewed_by else ""
    follows = f"follows version `{record.source}` of {english}"
    now = f"; the English is now `{record.current}`" if record.stale else " (the English as it is now)"
    return f"Status: **{record.status}**{reviewed} · {follows}{now}"


def _changes(old: dict[str, str] | None, new: dict[str, str], record: TranslatedFile) -> list[str]:
    """What changed in the English since the version the translation follows, field by field."""
    if not record.stale:
        return []
    lines = ["", "### What changed in the English since the translation", ""]
    if old is None:
        return lines + [
            f"The English words changed since version `{record.source}`, which is not in the last {HISTORY} commits"
            " of its file: compare the translation with the whole English text below.",
        ]
    changed = [key for key in dict.fromkeys([*new, *old]) if old.get(key) != new.get(key)]
    lines += [f"- `{key}`: {word_diff(old.get(key, ''), new.get(key, ''))}" for key in changed] or [
        "- Only the order or the place of words changed."
    ]
    return lines


def _table(english: dict[str, str], other: dict[str, str], changed: set[str], lang: str) -> list[str]:
    rows = [f"| Field | English | {lang} |", "|---|---|---|"]
    for key in dict.fromkeys([*english, *other]):
        mark = " ⚠ English changed" if key in changed else ""
        rows.append(f"| `{key}`{mark} | {_cell(english.get(key, '—'))} | {_cell(other.get(key, '—'))} |")
    return rows


def _cell(text: str) -> str:
    return escape(" ".join(text.split())).replace("|", "\\|") or "—"


def _sign_off(path: str, record: TranslatedFile) -> list[str]:
    source = f', `source: "{record.current}"`' if record.stale else ""
    return [
        "### Sign-off",
        "",
        "| Reviewer (name and role) | Date | Decision |",
        "|---|---|---|",
        "| | | ☐ Approved as it is ☐ Approved with the changes noted ☐ Not approved |",
        "",
        f"Once approved, an editor sets in the header of `{path}`: `status: reviewed`,"
        f" `reviewed_by: <the role>`{source}. The roles: {', '.join(reviewer_roles())}.",
    ]


# ── content/<lang>/*.yml ─────────────────────────────────────────────────────────────────────────


def _fields(data: object, model_class) -> dict[str, str]:
    """Each word field of a content file by its place ("timeline[0].do[1]"); the language's own lists
    (also_called, search_words, also) as one line each."""
    fields: dict[str, str] = {}
    for loc in text_leaves(data, model_class):
        value = data
        for part in loc:
            value = value[part]
        if len(loc) > 1 and loc[-2] in FREE_LISTS:
            key = field_path(loc[:-1])
            fields[key] = f"{fields[key]}; {value}" if key in fields else str(value)
        else:
            fields[field_path(loc)] = str(value)
    return fields


def _content_file(root: Path, slug: str, record: TranslatedFile) -> str:
    english_path = f"content/{Path(record.path).name}"
    model_class = model_for(Path(record.path).name)
    english, _ = load_file(root / english_path, root)
    translated, _ = load_file(root / record.path, root)
    words = {k: v for k, v in translated.data.items() if k != "translation"} if translated else {}
    new, other = _fields(english.data, model_class), _fields(words, model_class)
    old_data = _english_at(root, english_path, record.source, lambda data: content_version(data, model_class))
    old = _fields(old_data, model_class) if old_data is not None else None
    title = other.get("title") or slug
    changed = {key for key in new if old is not None and old.get(key) != new[key]}
    lines = [f"## {escape(title)} — `{record.path}`", "", _status(record, f"`{english_path}`")]
    lines += _changes(old, new, record)
    lines += ["", "### Side by side", "", *_table(new, other, changed, Path(record.path).parent.name), ""]
    return "\n".join(lines + _sign_off(record.path, record))


def _english_at(root: Path, path: str, version: str, version_of: Callable[[object], str]) -> object | None:
    """The data of an English YAML file as it was at `version`, from git history, or None."""
    for text in _history(root, path):
        try:
            data = yaml_load(text)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and version_of(data) == version:
            return data
    return None


def _history(root: Path, path: str):
    """The texts of a file in its last HISTORY commits, newest first (nothing outside a git repository)."""
    log = _git(root, "log", f"-{HISTORY}", "--format=%H", "--", path)
    for commit in (log or "").split():
        text = _git(root, "show", f"{commit}:{path}")
        if text is not None:
            yield text


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


# ── pages outside content/, and interface text ──────────────────────────────────────────────────


def _blocks(text: str) -> dict[str, str]:
    """A page's paragraphs, headings and list blocks by their order ("block 3"), front matter left out."""
    _, body = split_front_matter(text)
    return {f"block {n}": block for n, block in enumerate((b for b in body.split("\n\n") if b.strip()), 1)}


def _page(root: Path, path: str, lang: str, record: TranslatedFile) -> str:
    english_path = english_twin(path, lang)
    new = _blocks((root / english_path).read_text(encoding="utf-8"))
    other = _blocks((root / path).read_text(encoding="utf-8"))
    old_text = next((t for t in _history(root, english_path) if page_version(t) == record.source), None)
    old = _blocks(old_text) if old_text is not None else None
    changed = {key for key in new if old is not None and old.get(key) != new[key]}
    lines = [f"## `{path}`", "", _status(record, f"`{english_path}`")]
    lines += _changes(old, new, record)
    lines += ["", "### Side by side (paragraph by paragraph)", "", *_table(new, other, changed, lang), ""]
    return "\n".join(lines + _sign_off(path, record))


def _interface(root: Path, english_name: str, record: TranslatedFile) -> str:
    """The strings file (by key) or the navigation (by page), in English and the translation."""
    if record.path.startswith(STRINGS):
        english_path = f"{STRINGS}/en.yml"

        def words(data: object) -> dict[str, str]:
            return {field_path(loc): text for loc, text in texts(data) if loc[:1] != ("translation",)}

        version_of: Callable[[object], str] = words_version
    else:
        english_path = "mkdocs.yml"

        def words(data: object) -> dict[str, str]:
            return nav_titles(data.get("nav", [])) if isinstance(data, dict) else {}

        def version_of(data: object) -> str:
            return words_version(words(data))

    new = words(yaml_load((root / english_path).read_text(encoding="utf-8")))
    other = words(yaml_load((root / record.path).read_text(encoding="utf-8")))
    old_data = _english_at(root, english_path, record.source, version_of)
    old = words(old_data) if old_data is not None else None
    changed = {key for key in new if old is not None and old.get(key) != new[key]}
    lines = [f"## `{record.path}`", "", _status(record, english_name)]
    lines += _changes(old, new, record)
    lines += ["", "### Side by side", "", *_table(new, other, changed, Path(record.path).stem.split(".")[-1]), ""]
    return "\n".join(lines + _sign_off(record.path, record))
