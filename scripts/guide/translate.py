"""Translations: words in another language, laid over the facts of the English content.

English is the source. A translation of content/<slug>.yml is content/<lang>/<slug>.yml with the
same shape but only the *word fields*: the values whose model type is `Text` or `Line` (or lists of
them), found from the models in model.py, never listed by hand. Everything else (ids, numbers,
dates, cites, labels such as evidence levels, related pages, the review record) is a fact: it stays
in the English file, and the translated page takes it from there, so a fact still lives once.

Each translated file starts with a header saying which version of the English words it follows
(`source`, a short hash of them) and whether a person has reviewed it:

    translation:
      source: 3f2a9c0d41be      # python -m guide translation-hash content/es/aftercare.yml
      status: machine-assisted  # or: reviewed (then also reviewed_by: a role)

content/<lang>/_language.yml names the language and says whether the translation is complete.

The functions here are pure, over plain data and loaded documents: `text_leaves`, `source_version`,
`word_problems`, `merge`. `load_translations` reads the language folders and is what
validate.load_content calls.

Translated pages outside content/ (docs/<lang>/*.md, scripts/templates/<lang>/*.j2) carry the same
header in their front matter, with `source` a hash of their English twin's whole text
(`english_twin`, `page_version`). `check_pages` checks them for `python -m guide check`;
`page_translation` gives one page's record to the build.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from .checks import FILE_NAME, check_glossary, explain_all, unknown
from .load import Document, Location, load_file
from .markup import link_targets, normalise
from .model import KINDS, Glossary, Line, Strict, Term, Text, Topic
from .problems import Problem, field_path, shorten

LANGUAGE_FILE = "_language.yml"
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}$")  # a two-letter language code: content/es/
NOT_TRANSLATED = {"references.yml"}  # reference titles stay in the language they were published in

# Lists of words whose length may differ in a translation: each language has its own other names
# and search words. Every other list is aligned item by item with the English one.
FREE_LISTS = {"also_called", "search_words", "also"}
# Fields made of words by type that are still facts of the English page: the review record (dates,
# status, the reviewer's role and the change log) belongs to the English text that was reviewed.
FACT_GROUPS = {"review"}

_WORD_MARKS = [Text.__metadata__[-1], Line.__metadata__[-1]]  # the checks that make a str a word field


# ── the translation header and the language file ─────────────────────────────────────────────


@cache
def reviewer_roles() -> tuple[str, ...]:
    """The reviewers' roles every edition can name (review.roles in scripts/templates/strings/en.yml, whose keys
    every language's file has: tests/unit/test_strings.py)."""
    with (Path(__file__).resolve().parent.parent / "templates" / "strings" / "en.yml").open(encoding="utf-8") as file:
        return tuple(yaml.safe_load(file)["review"]["roles"])


class TranslationHeader(Strict):
    """What a translated file follows, and who has checked it."""

    source: str = Field(
        pattern=r"^[0-9a-f]{12}$",
        description=(
            "The version of the English file this translation follows: 12 letters and digits. Print the"
            " current one with `python -m guide translation-hash content/es/<file>.yml`."
        ),
    )
    status: Literal["machine-assisted", "reviewed"] = Field(
        description=(
            "'machine-assisted' while the words come from a machine or a first draft that nobody has checked;"
            " 'reviewed' once a fluent reviewer has checked the whole page against the English."
        )
    )
    reviewed_by: Line | None = Field(
        None,
        description=(
            "Only with status: reviewed. Who reviewed it: a role such as 'Medical translator' or 'Spanish reviewer'"
            " (review.roles in scripts/templates/strings/en.yml), never a name."
        ),
    )

    @field_validator("reviewed_by")
    @classmethod
    def _known_role(cls, role: str | None) -> str | None:
        if role is not None and role not in reviewer_roles():
            roles = ", ".join(f"'{name}'" for name in reviewer_roles())
            raise ValueError(
                f"'{role}' is not a reviewer's role the guide can name in every language: use {roles}, or add the role"
                " to review.roles in every file in scripts/templates/strings/"
            )
        return role

    @model_validator(mode="after")
    def _reviewer(self) -> TranslationHeader:
        if self.status == "reviewed" and not self.reviewed_by:
            raise ValueError("a reviewed translation needs reviewed_by: the role of who reviewed it")
        if self.status != "reviewed" and self.reviewed_by:
            raise ValueError("reviewed_by goes only with status: reviewed: delete it, or set status: reviewed")
        return self


class TranslationFile(Strict):
    """The header every translated file starts with (the rest of the file is checked against the English)."""

    translation: TranslationHeader = Field(
        description="Which version of the English file this follows (source) and whether it has been reviewed (status)."
    )


class LanguageSettings(Strict):
    """content/<lang>/_language.yml: the language's own name, and whether every page is translated."""

    name: Line = Field(description="The language's name in that language, for example 'Español'.")
    complete: bool = Field(
        description=(
            "true once every English page has a translation: then a missing one is an error."
            " false while translation is under way: a missing page is a warning."
        )
    )


# ── word fields, found from the models ───────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Kind:
    """What a model field holds: 'word', 'words' (a list), 'model', 'models' (a list), or 'fact'."""

    what: str
    model: type[BaseModel] | None = None
    fact: str = ""  # for a fact: what it is, in words ("a number")


def _kind(annotation: object, metadata: list | tuple = (), name: str = "") -> _Kind:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _kind(base, [*metadata, *extra], name)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _kind(options[0], metadata, name) if len(options) == 1 else _Kind("fact", fact="a fixed value")
    if annotation is str and any(mark in _WORD_MARKS for mark in metadata):
        return _Kind("word")
    if origin is list:
        inner = _kind(typing.get_args(annotation)[0], (), name)
        if inner.what in ("word", "model"):
            return _Kind(inner.what + "s", inner.model)
        return _Kind("fact", fact="a list of references" if name == "cites" else "a list of page names or ids")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if name in FACT_GROUPS:
            return _Kind("fact", fact="the page's review record (dates, status, reviewer and changes)")
        if _has_words(annotation):
            return _Kind("model", annotation)
        return _Kind("fact", fact="a group of numbers")
    if origin is Literal:
        return _Kind("fact", fact="a label (one of " + ", ".join(map(str, typing.get_args(annotation))) + ")")
    if annotation is bool:
        return _Kind("fact", fact="a yes/no value")
    if annotation in (int, float):
        return _Kind("fact", fact="a number")
    if annotation is date:
        return _Kind("fact", fact="a date")
    return _Kind("fact", fact="an id" if annotation is str else "a fixed value")


def _field_kind(model_class: type[BaseModel], name: str) -> _Kind | None:
    info = model_class.model_fields.get(name)
    return None if info is None else _kind(info.annotation, info.metadata, name)


def _has_words(model_class: type[BaseModel]) -> bool:
    return any(_field_kind(model_class, name).what != "fact" for name in model_class.model_fields)


def text_leaves(data: object, model_class: type[BaseModel], loc: Location = ()) -> list[Location]:
    """Where the word fields are in one file's data: every value whose model type is Text or Line.

    Follows the data (only what is written) and the model (to know what each value is), so ids,
    numbers, dates, cites and labels are never included.
    """
    found: list[Location] = []
    if not isinstance(data, dict):
        return found
    for key, value in data.items():
        kind = _field_kind(model_class, key)
        if kind is None or kind.what == "fact" or value is None:
            continue
        here = loc + (key,)
        if kind.what == "word":
            found.append(here)
        elif kind.what == "words" and isinstance(value, list):
            found += [here + (index,) for index in range(len(value))]
        elif kind.what == "model":
            found += text_leaves(value, kind.model, here)
        elif kind.what == "models" and isinstance(value, list):
            for index, item in enumerate(value):
                found += text_leaves(item, kind.model, here + (index,))
    return found


def _get(data: object, loc: Location) -> object:
    for part in loc:
        data = data[part]
    return data


def model_for(file_name: str) -> type[BaseModel]:
    """The model that reads content/<file_name> (a plain topic page when it has no kind of its own)."""
    return KINDS.get(file_name, Topic)


def source_version(english: Document | object, model_class: type[BaseModel] | None = None) -> str:
    """A short, stable fingerprint of an English file's words: 12 hex characters of a sha256.

    It covers each word field's place and text (canonical JSON), so changing, adding or removing
    words, or moving them to another item, changes it; reformatting the YAML (quoting, folding,
    the order of fields), or changing a fact (a number, a date, a citation, the review record),
    does not.
    """
    if isinstance(english, Document):
        model_class = model_class or model_for(Path(english.path).name)
        english = english.data
    assert model_class is not None, "give the model class with plain data"
    words = [[list(loc), normalise(str(_get(english, loc))).strip()] for loc in text_leaves(english, model_class)]
    words.sort(key=lambda pair: json.dumps(pair[0]))  # the order fields are written in is layout, not words
    canonical = json.dumps(words, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


# ── checks of a translated file against its English twin ────────────────────────────────────


def _empty(value: object) -> bool:
    return value is None or value == [] or value == {}


def _first_words(value: object) -> str:
    """The first English words under a value, to name what is missing."""
    if isinstance(value, str):
        return value
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for item in items:
        if words := _first_words(item):
            return words
    return ""


def word_problems(english: object, doc: Document, model_class: type[BaseModel]) -> list[Problem]:
    """Differences in shape between a translated file (doc, without its header) and the English data.

    Missing word fields, facts written in the translation, fields the English file does not have,
    and lists of different lengths, each at the translation's path:line:col.
    """
    words = {key: value for key, value in doc.data.items() if key != "translation"}
    return _compare(english, words, (), doc, model_class)


def _compare(english: object, other: object, loc: Location, doc: Document, model_class) -> list[Problem]:
    problems: list[Problem] = []

    def report(where: Location, message: str, *, key: bool = True) -> None:
        line, column = (doc.key_position(where) if key else doc.position(where)) if where else (1, 1)
        problems.append(Problem(doc.path, line, column, field_path(where), message))

    if not isinstance(other, dict):
        report(loc, "must be a group of 'field: value' lines, indented under it", key=False)
        return problems
    english = english if isinstance(english, dict) else {}
    misspelt = set()  # a misspelt field is said once: as unknown, with the suggestion, not also as missing
    for key in other:
        here = loc + (key,)
        kind = _field_kind(model_class, key)
        if kind is None:
            allowed = [name for name in model_class.model_fields if _field_kind(model_class, name).what != "fact"]
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            misspelt.update(close)
            hint = f"did you mean '{close[0]}'?" if close else f"translated fields here are {', '.join(allowed)}"
            report(here, f"unknown field '{shorten(key)}': {hint}")
        elif kind.what == "fact":
            report(here, f"'{key}' is {kind.fact}: it comes from the English file; delete it here")
        elif _empty(english.get(key)) and not _empty(other[key]) and key not in FREE_LISTS:
            report(here, f"the English file has no '{key}' here: delete it, or add it to the English file first")
    for key, value in english.items():
        kind = _field_kind(model_class, key)
        if kind is None or kind.what == "fact" or _empty(value):
            continue
        here = loc + (key,)
        if key not in other and key not in misspelt:
            if kind.what == "word":
                message = f"missing: translate '{shorten(value, 60)}'"
            else:
                count = f" ({len(value)} items)" if isinstance(value, list) else ""
                message = f"missing: translate '{key}'{count}, starting '{shorten(_first_words(value), 60)}'"
            line, column = doc.key_position(loc) if loc else (1, 1)
            problems.append(Problem(doc.path, line, column, field_path(here), message))
            continue
        if key not in other:
            continue
        theirs = other[key]
        if kind.what in ("words", "models"):
            if not isinstance(theirs, list):
                report(here, "must be a list: put each item on its own line starting with '- '")
                continue
            if key not in FREE_LISTS and len(theirs) != len(value):
                report(
                    here,
                    f"has {len(theirs)} item{'s' if len(theirs) != 1 else ''} but the English file has {len(value)}:"
                    " translate each English item, in the same order",
                )
                continue
        if kind.what == "model":
            problems += _compare(value, theirs, here, doc, kind.model)
        elif kind.what == "models":
            for index, (mine, item) in enumerate(zip(value, theirs, strict=False)):
                problems += _compare(mine, item, here + (index,), doc, kind.model)
    return problems


def merge_data(english: object, other: object, model_class: type[BaseModel]) -> object:
    """The English data with the translated words put in place. Only word fields are taken from the
    translation: a fact written there (a day, a citation) is never used. Meant for a translation in
    which word_problems found nothing: an item missing from a shorter list would keep its English words."""
    if not (isinstance(english, dict) and isinstance(other, dict)):
        return copy.deepcopy(english)
    merged = copy.deepcopy(english)
    for key in FREE_LISTS & other.keys() - english.keys():  # a language may have other names the English has not
        if _field_kind(model_class, key) is not None:
            merged[key] = copy.deepcopy(other[key])
    for key, value in english.items():
        kind = _field_kind(model_class, key)
        if kind is None or kind.what == "fact" or key not in other:
            continue
        if kind.what in ("word", "words"):
            merged[key] = copy.deepcopy(other[key])
        elif kind.what == "model":
            merged[key] = merge_data(value, other[key], kind.model)
        elif kind.what == "models" and isinstance(value, list) and isinstance(other[key], list):
            pairs = zip(value, other[key], strict=False)  # same length once word_problems has found nothing
            merged[key] = [merge_data(a, b, kind.model) for a, b in pairs] + copy.deepcopy(value[len(other[key]) :])
    return merged


def merge(english: object, other: object, model_class: type[BaseModel]) -> BaseModel:
    """The translated page: English facts with the translated words, validated by the English model,
    so the words pass the same allowed-Markdown and hygiene checks. Raises pydantic's ValidationError."""
    if isinstance(other, dict):
        other = {key: value for key, value in other.items() if key != "translation"}
    return model_class.model_validate(merge_data(english, other, model_class))


def stale_problem(
    doc: Document, header: TranslationHeader, current: str, at: Location = ("translation",)
) -> Problem | None:
    """A warning at the header's `source` (the header is at `at`) when the English words have changed
    since the translation."""
    if header.source == current:
        return None
    loc = (*at, "source")
    message = (
        f"the English file has changed since this translation (it follows {header.source}, the English is now"
        f" {current}): compare the two, update the words, then set source to {current}"
    )
    return Problem(doc.path, *doc.position(loc), field_path(loc), message, "warning")


def is_progress_note(problem: Problem) -> bool:
    """The warning that lists pages not translated yet: progress, not a review problem, so
    `check --strict-review` leaves it a warning."""
    return problem.severity == "warning" and problem.field == "complete" and problem.path.endswith(LANGUAGE_FILE)


# ── a language folder, loaded and checked ────────────────────────────────────────────────────


@dataclass(frozen=True)
class TranslatedFile:
    path: str  # the translation, relative to the repository
    status: str  # "machine-assisted" or "reviewed"
    reviewed_by: str | None
    source: str  # the English version it follows
    current: str  # the English version now

    @property
    def stale(self) -> bool:
        return self.source != self.current


@dataclass(frozen=True)
class Translation:
    """One language: its pages as normal topic models (translated words on English facts)."""

    lang: str  # the folder name, such as "es"
    name: str  # the language's own name, such as "Español"
    complete: bool
    topics: dict[str, Topic] = field(default_factory=dict)  # by slug, as Content.topics
    glossary: tuple[Term, ...] = ()
    files: dict[str, TranslatedFile] = field(default_factory=dict)  # by slug; "glossary" for glossary.yml
    missing: tuple[str, ...] = ()  # English files with no translation yet

    @property
    def sources(self) -> dict[str, str]:
        return {slug: record.path for slug, record in self.files.items()}

    @property
    def status(self) -> dict[str, str]:
        return {slug: record.status for slug, record in self.files.items()}

    @property
    def source(self) -> dict[str, str]:
        return {slug: record.source for slug, record in self.files.items()}

    @property
    def stale(self) -> dict[str, bool]:
        return {slug: record.stale for slug, record in self.files.items()}


def language_folders(folder: Path) -> list[Path]:
    """The translation folders in content/: named by a two-letter language code, such as es/."""
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.iterdir()) if path.is_dir() and LANGUAGE_FOLDER.match(path.name)]


def load_translations(
    root: Path, folder: Path, english: dict[str, tuple[Document, BaseModel]], pages: set[str]
) -> tuple[dict[str, Translation], list[Problem]]:
    """Load and check every language folder in content/ against the English documents (by file name).

    No language folder means no translations, which is valid.
    """
    translations, problems = {}, []
    for lang_folder in language_folders(folder):
        translation, found = _load_language(root, lang_folder, english, pages)
        problems += found
        if translation is not None:
            translations[translation.lang] = translation
    return translations, problems


def _load_language(root: Path, folder: Path, english: dict, pages: set[str]) -> tuple[Translation | None, list]:
    rel_folder = folder.relative_to(root).as_posix()
    problems: list[Problem] = []
    settings, settings_doc = None, None
    if (folder / LANGUAGE_FILE).is_file():
        settings_doc, found = load_file(folder / LANGUAGE_FILE, root)
        problems += found
        if settings_doc is not None:
            try:
                settings = LanguageSettings.model_validate(settings_doc.data)
            except ValidationError as err:
                problems += explain_all(settings_doc, LanguageSettings, err.errors())
    else:
        message = f"missing: a translation folder needs {LANGUAGE_FILE}, with the language's name and complete: false"
        problems.append(Problem(f"{rel_folder}/{LANGUAGE_FILE}", 1, 1, "", message))

    topics, glossary, files = {}, (), {}
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.name.startswith(".") or path.name == LANGUAGE_FILE:
            continue
        if path.suffix == ".yaml":
            message = f"content files end in .yml: rename it to {path.stem}.yml"
        elif not FILE_NAME.match(path.name):
            message = f"{rel_folder}/ holds only .yml files named like the English file they translate, like 'faq.yml'"
        elif path.name in NOT_TRANSLATED:
            message = "references are not translated (titles stay in the language they were published in): delete it"
        elif path.name not in english:
            close = difflib.get_close_matches(path.name, [name for name in english if name not in NOT_TRANSLATED], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            message = (
                f"there is no English file content/{path.name} to translate{hint}. A translation has the name"
                " of the English file it translates: rename or delete this file"
            )
        else:
            message = ""
        if message:
            problems.append(Problem(rel, 1, 1, "", message))
            continue
        doc, found = load_file(path, root)
        problems += found
        if doc is None:
            continue
        en_doc, _ = english[path.name]
        model_class = model_for(path.name)
        found, merged, header = _check_file(doc, en_doc, model_class)
        if merged is not None:
            found += _link_problems(doc, model_class, pages)
            if isinstance(merged, Glossary):
                found += check_glossary(doc, merged)
                glossary = tuple(merged.terms)
            else:
                topics[path.stem] = merged
        problems += found
        if header is not None:
            current = source_version(en_doc, model_class)
            files[path.stem] = TranslatedFile(rel, header.status, header.reviewed_by, header.source, current)
            if stale := stale_problem(doc, header, current):
                problems.append(stale)

    missing = tuple(name for name in english if name not in NOT_TRANSLATED and not (folder / name).is_file())
    if settings is not None and missing:
        loc = ("complete",)
        where = (settings_doc.path, *settings_doc.position(loc), "complete")
        if settings.complete:
            for name in missing:
                message = f"content/{name} has no translation: add {rel_folder}/{name}, or set complete: false"
                problems.append(Problem(*where, message))
        else:
            names = ", ".join(missing)
            total = len(english) - len(NOT_TRANSLATED)
            message = f"not complete yet: {len(missing)} of {total} files to translate: {names}"
            problems.append(Problem(*where, message, "warning"))
    if settings is None:
        return None, problems
    return Translation(folder.name, settings.name, settings.complete, topics, glossary, files, missing), problems


def _check_file(doc: Document, en_doc: Document, model_class: type[BaseModel]):
    """(problems, the merged model or None, the header or None) for one translated file."""
    if not isinstance(doc.data, dict):
        return [Problem(doc.path, 1, 1, "", "must be a group of 'field: value' lines")], None, None
    problems, header = [], None
    try:
        header = TranslationFile.model_validate({"translation": doc.data.get("translation")}).translation
    except ValidationError as err:
        errors = err.errors()
        if "translation" not in doc.data:
            errors = [{**error, "type": "missing", "loc": ("translation",)} for error in errors[:1]]
        problems += explain_all(doc, TranslationFile, errors)
    problems += word_problems(en_doc.data, doc, model_class)
    if any(p.severity == "error" for p in problems):
        return problems, None, header
    try:
        merged = merge(en_doc.data, doc.data, model_class)
    except ValidationError as err:
        return problems + explain_all(doc, model_class, err.errors()), None, header
    return problems, merged, header


def _link_problems(doc: Document, model_class: type[BaseModel], pages: set[str]) -> list[Problem]:
    """Links in translated words point at the same page files as the English (aftercare.md)."""
    words = {key: value for key, value in doc.data.items() if key != "translation"}
    problems = []
    for loc in text_leaves(words, model_class):
        for target in link_targets(str(_get(words, loc))):
            page = target.split("#", 1)[0]
            if page.endswith(".md") and page.removesuffix(".md") not in pages:
                message = unknown("page", page, sorted(f"{name}.md" for name in pages), "the guide")
                problems.append(Problem(doc.path, *doc.position(loc), field_path(loc), message))
    return problems


# ── translated pages outside content/: hand-written pages and templates of prose ─────────────
#
# docs/<lang>/*.md (docs/es/about.md translates docs/about.md) and scripts/templates/<lang>/*.j2
# (scripts/templates/es/clinics.md.j2 translates scripts/templates/clinics.md.j2) have no word
# fields to compare: their `source` is a hash of the whole English twin's text (page_version), kept
# in their front matter's `translation:` header, with the same status rules as a content file.

PAGE_FOLDERS = (("docs", "*.md"), ("scripts/templates", "*.j2"))  # <folder>/<lang>/<pattern>

# The front matter: a '---' block at the top; in a template (.j2), after Jinja comments ({# ... #}).
_FRONT_MATTER = re.compile(r"\A(?P<before>(?:\s*\{#.*?#\})*\s*?)^---[ \t]*\n(?P<yaml>.*?)^---[ \t]*$", re.S | re.M)


class PageTranslationHeader(TranslationHeader):
    """The `translation:` line of a translated page's front matter."""

    source: str = Field(
        pattern=r"^[0-9a-f]{12}$",
        description=(
            "The version of the English page this translation follows: 12 letters and digits, in quotes. Print"
            " the current one with `python -m guide translation-hash docs/es/<page>.md`."
        ),
    )


class PageTranslationFile(Strict):
    translation: PageTranslationHeader = Field(
        description="Which version of the English page this follows (source) and whether it has been reviewed (status)."
    )


def english_twin(path: str, lang: str) -> str:
    """The English file a translated page translates: the same path without the language folder.

    docs/es/about.md -> docs/about.md; scripts/templates/es/clinics.md.j2 -> scripts/templates/clinics.md.j2.
    Raises ValueError when the file is not directly in a folder named `lang`.
    """
    parts = PurePosixPath(path).parts
    if len(parts) < 2 or parts[-2] != lang:
        raise ValueError(f"{path} is not in a {lang}/ folder")
    return PurePosixPath(*parts[:-2], parts[-1]).as_posix()


def page_version(text: str) -> str:
    """A short fingerprint of an English page's whole text, like source_version: 12 hex characters of a
    sha256. Line endings are normalised (a file saved with Windows line endings has the same version);
    any other change, even of layout, changes it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def translated_pages(root: Path) -> list[tuple[str, str]]:
    """(path, lang) of every translated page outside content/, for each language folder in content/."""
    found = []
    for lang in (folder.name for folder in language_folders(root / "content")):
        for folder, pattern in PAGE_FOLDERS:
            for path in sorted((root / folder / lang).glob(pattern)):
                if path.is_file():
                    found.append((path.relative_to(root).as_posix(), lang))
    return found


def front_matter_document(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """A page's front matter as a Document whose positions are the page's own lines, like load_file's.

    None, with a problem at the top of the page, when it has no front matter or it is not YAML."""
    from .load import _compose, _Stop, _to_data

    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        return None, [Problem(rel, 1, 1, "", "file is not UTF-8 text: save it with UTF-8 encoding")]
    found = _FRONT_MATTER.match(text)
    if found is None or (found["before"] and not path.name.endswith(".j2")):
        where = "after its {# comment #}" if path.name.endswith(".j2") else "on its first line"
        message = f"no front matter: the page needs a '---' block {where} with its translation: header"
        return None, [Problem(rel, 1, 1, "", message)]
    offset = found["before"].count("\n") + 1  # the lines above the YAML
    doc, problems = Document(rel, {}), []
    if found["yaml"].strip():
        try:
            node, loader = _compose(found["yaml"])
        except _Stop as stop:
            return None, [Problem(rel, stop.line + offset, stop.column, "", stop.message)]
        doc.data = _to_data(node, (), doc, problems, loader)
    doc.values = {loc: (line + offset, column) for loc, (line, column) in doc.values.items()}
    doc.keys = {loc: (line + offset, column) for loc, (line, column) in doc.keys.items()}
    doc.values[()] = (offset, 1)  # the front matter as a whole: its opening '---' line
    return doc, [replace(p, line=p.line + offset) for p in problems]


def _check_page(root: Path, rel: str, lang: str) -> tuple[TranslatedFile | None, list[Problem]]:
    """The record of one translated page, and its problems (at the page's path:line:col)."""
    english = english_twin(rel, lang)
    if not (root / english).is_file():
        message = f"there is no English page {english} to translate: rename or delete this file"
        return None, [Problem(rel, 1, 1, "", message)]
    current = page_version((root / english).read_bytes().decode("utf-8", "surrogateescape"))
    doc, problems = front_matter_document(root / rel, root)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict) or "translation" not in doc.data:
        header = f'translation: {{source: "{current}", status: machine-assisted}}'
        message = f"missing: the front matter needs a header saying which version of {english} it follows: add {header}"
        return None, [*problems, Problem(rel, *doc.position(()), "translation", message)]
    try:
        header = PageTranslationFile.model_validate({"translation": doc.data["translation"]}).translation
    except ValidationError as err:
        return None, problems + explain_all(doc, PageTranslationFile, err.errors())
    record = TranslatedFile(rel, header.status, header.reviewed_by, header.source, current)
    if stale := stale_problem(doc, header, current):
        problems.append(stale)
    return record, problems


def check_pages(root: Path) -> tuple[dict[str, TranslatedFile], list[Problem]]:
    """Check every translated page outside content/ (translated_pages): its `translation:` header
    (source and status, as in a content file) and its English twin. The records by path, and the
    problems: errors for a missing or malformed header or twin, a warning when the English has changed."""
    records, problems = {}, []
    for rel, lang in translated_pages(root):
        record, found = _check_page(root, rel, lang)
        problems += found
        if record is not None:
            records[rel] = record
    return records, problems


def page_translation(root: Path, path: str, lang: str) -> dict | None:
    """The translation record of a translated page outside content/, for the notice the theme shows.

    root: the repository root. path: the page, relative to root (docs/es/about.md,
    scripts/templates/es/clinics.md.j2). lang: its language folder ("es").
    Returns {"status": "machine-assisted" | "reviewed", "stale": bool} and, for a reviewed page,
    "reviewed_by": the reviewer's role; `stale` is True when the English twin (english_twin) has
    changed since the version in the header's `source`. The same shape render.py puts in a page's
    front matter. None when the page cannot say: not in a `lang` folder, no English twin, or no valid
    header (`make check` reports why). Reads the two files; writes nothing.
    """
    root = Path(root)
    try:
        rel = Path(path).relative_to(root) if Path(path).is_absolute() else PurePosixPath(path)
        record, _ = _check_page(root, rel.as_posix(), lang)
    except (OSError, ValueError):
        return None
    if record is None:
        return None
    meta: dict = {"status": record.status, "stale": record.stale}
    if record.reviewed_by:
        meta["reviewed_by"] = record.reviewed_by
    return meta
