"""Interface text follows the English too: each language's strings file (scripts/templates/strings/es.yml,
the words the templates put around the content) and the navigation titles of its project
(mkdocs.es.yml) translate strings/en.yml and mkdocs.yml's nav, and each records the version of the
English words it follows, with the header a translated content file has (translate.TranslationHeader):

    # scripts/templates/strings/es.yml
    translation: {source: "3f2a9c0d41be", status: machine-assisted}

    # mkdocs.es.yml
    extra:
      translation: {source: "5b1e0c7d9a22", status: machine-assisted}  # the English navigation it follows

The version is a hash of the English words and where each is (a key of the strings file, or the page a
title names), so reformatting or comments change nothing, and changing, adding or removing a word
does: then `make check` warns at the header, as it does for content. render.strings leaves the header
out of the words the templates see.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from .checks import explain_all
from .load import Document, Location, load_file
from .markup import normalise
from .problems import Problem
from .translate import TranslatedFile, TranslationFile, language_folders, stale_problem

STRINGS = "scripts/templates/strings"


@dataclass(frozen=True)
class InterfaceFile:
    """A translated file of interface text: where it is, where its header goes, and the English it follows."""

    path: str  # relative to the repository: scripts/templates/strings/es.yml, mkdocs.es.yml
    header_at: Location  # ("translation",) or ("extra", "translation")
    english: str  # what it translates, in words: "scripts/templates/strings/en.yml"

    def english_version(self, root: Path) -> str:
        if self.header_at == ("translation",):
            return words_version(yaml_load((root / STRINGS / "en.yml").read_text(encoding="utf-8")))
        return words_version(nav_titles(yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8")).get("nav", [])))


def interface_files(root: Path) -> list[InterfaceFile]:
    """The interface text of every translation in content/ (content/<lang>/): its strings file, and its
    project's navigation when it has a project of its own (mkdocs.<lang>.yml). None where the English is
    not there either (a bare content folder, in a test)."""
    files = []
    for lang in (folder.name for folder in language_folders(root / "content")):
        if (root / STRINGS / "en.yml").is_file():
            files.append(InterfaceFile(f"{STRINGS}/{lang}.yml", ("translation",), f"{STRINGS}/en.yml"))
        if (root / f"mkdocs.{lang}.yml").is_file() and (root / "mkdocs.yml").is_file():
            files.append(InterfaceFile(f"mkdocs.{lang}.yml", ("extra", "translation"), "the navigation of mkdocs.yml"))
    return files


def words_version(data: object) -> str:
    """12 hex characters of a sha256 over every text in `data` with its place (the `translation` header left out)."""
    words = sorted([list(loc), normalise(text).strip()] for loc, text in texts(data) if loc[:1] != ("translation",))
    canonical = json.dumps(words, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def nav_titles(nav: list) -> dict[str, str]:
    """A navigation's titles by the page each names ({"aftercare.md": "Aftercare at home"}), sections by
    their title's place."""
    titles = {}
    for index, entry in enumerate(nav):
        for title, target in entry.items() if isinstance(entry, dict) else []:
            if isinstance(target, list):
                titles[f"section {index}"] = str(title)
                titles.update(nav_titles(target))
            else:
                titles[str(target)] = str(title)
    return titles


def texts(data: object, loc: Location = ()):
    """(place, text) for every text in plain data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def check_interface(root: Path) -> tuple[dict[str, TranslatedFile], list[Problem]]:
    """The record of each file of interface text (interface_files), by path, and its problems: an error
    for a missing or malformed header, a warning when the English has changed since."""
    records, problems = {}, []
    for file in interface_files(root):
        record, found = _check(root, file)
        problems += found
        if record is not None:
            records[file.path] = record
    return records, problems


def _check(root: Path, file: InterfaceFile) -> tuple[TranslatedFile | None, list[Problem]]:
    current = file.english_version(root)
    if not (root / file.path).is_file():
        message = f"missing: the translation of {file.english}, with a header saying which version it follows"
        return None, [Problem(file.path, 1, 1, "", message)]
    doc, problems = load_file(root / file.path, root)
    if doc is None:
        return None, problems
    parent = _get(doc.data, file.header_at[:-1])
    if not isinstance(parent, dict) or "translation" not in parent:
        header = f'translation: {{source: "{current}", status: machine-assisted}}'
        where = "at the top" if file.header_at == ("translation",) else "under extra:"
        message = f"missing: add {header} {where}, saying which version of {file.english} it follows"
        return None, [*problems, Problem(file.path, 1, 1, ".".join(file.header_at), message)]
    try:
        header = TranslationFile.model_validate({"translation": parent["translation"]}).translation
    except ValidationError as err:
        errors = [{**error, "loc": (*file.header_at[:-1], *error["loc"])} for error in err.errors()]
        return None, problems + explain_all(doc, TranslationFile, errors)
    if stale := stale_problem(doc, header, current, file.header_at):
        problems.append(stale)
    return TranslatedFile(file.path, header.status, header.reviewed_by, header.source, current), problems


def _get(data: object, loc: Location) -> object:
    for part in loc:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def header_document(root: Path, path: str) -> tuple[Document | None, InterfaceFile | None]:
    """The loaded file of interface text at `path` (relative to root) and what it is, for
    `translation-hash`; (None, None) for a file that is not one."""
    for file in interface_files(root):
        if file.path == path:
            doc, _ = load_file(root / path, root)
            return doc, file
    return None, None
