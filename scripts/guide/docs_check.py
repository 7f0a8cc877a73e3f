"""Hand-written pages and files in docs/ are content too: what they may hold, with located messages.

The output pass (boundary.py) refuses whatever could run, redirect or load from elsewhere in the
built site, whichever way it got there. This earlier check says the same about docs/ in words an
editor can act on, with the file, line and column, before anything is built (`make check` and
every build, through validate.load_content):

- files: only the types the guide ships, where they belong (boundary.FILE_RULES), Markdown pages,
  and the named raw HTML pages (boundary.RAW_PAGES);
- front matter: only the keys a hand-written page needs (`FRONT_MATTER`). The others reach the
  page's head (`structured_data`, `template`) and are the generator's;
- Markdown: no raw HTML and no character references (a page is written in Markdown, and the theme
  adds everything else), attribute lists only to name a heading's anchor (`{ #id }`), links only to
  guide pages, web, mail and phone addresses, images only from the guide's own files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from .boundary import RAW_PAGES, SAFE_PATH, file_rule
from .html_check import url_scheme
from .problems import Problem

DOCS = "docs"
# Front matter a hand-written page may set: why it needs it, and the values it may take.
FRONT_MATTER = {
    "title": "the page's title",
    "description": "its summary for search engines",
    "hide": "the theme's navigation or table of contents left out",
    "search": "its weight in search",
    "translation": "a translated page's English version (translate.py)",
}
HIDE = {"navigation", "toc", "footer", "path", "tags", "feedback"}
SEARCH = {"exclude": bool, "boost": (int, float)}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_EDITION = re.compile(r"^[a-z]{2}/")  # a language's pages: docs/es/
_YAML_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # as MkDocs reads it
_TAG = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)[A-Za-z/!?]")
_CHARACTER_REFERENCE = re.compile(r"&(?:#|[A-Za-z])")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
_ANCHOR = re.compile(r"\{\s*#[a-z0-9]+(?:[-_][a-z0-9]+)*\s*\}")
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_DEFINITION = re.compile(r"^[ \t]*\*?\[[^\]]*\][ \t]*:[ \t]*\n?[ \t]*<?(\S*?)>?(?:\s|$)", re.M)
_DEEP = re.compile(r"[*_]{4,}|\[{4,}|(?:>[ \t]*){4,}")


def docs_problems(root: Path) -> list[Problem]:
    """Every problem in docs/: its files, and each hand-written page's front matter and Markdown."""
    docs = root / DOCS
    problems = []
    for folder, names, files in os.walk(docs) if docs.is_dir() else []:
        for name in sorted(names + files):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix().encode("unicode_escape").decode()  # a line break shown as \\n
            message = _file_problem(path, path.relative_to(docs).as_posix())
            if message:
                problems.append(Problem(rel, 1, 1, "", message))
            elif path.suffix == ".md":
                try:
                    problems += page_problems(rel, path.read_text(encoding="utf-8"))
                except UnicodeDecodeError as err:
                    problems.append(Problem(rel, 1, 1, "", f"not UTF-8 text (byte {err.start}): save it as UTF-8"))
    return problems


def _file_problem(path: Path, rel: str) -> str | None:
    """Why a file or folder in docs/ cannot be published (rel: its path in docs/)."""
    if path.is_symlink():
        return "a link to another file: a builder would publish whatever it points to; put the file itself here"
    if not SAFE_PATH.match(rel):
        return "file and folder names use only letters, digits and '.', '_', '~', '-': no spaces or line breaks"
    if path.is_dir() or path.suffix == ".md":
        return None
    at_root = not _EDITION.match(rel)
    rel = _EDITION.sub("", rel)
    if rel.endswith(".html"):
        if rel in RAW_PAGES and at_root:
            return None
        return "an HTML file is published as it is: write the page in Markdown"
    rule = file_rule(rel, at_root=at_root)
    if rule is None or rule.theme:
        if rel.endswith(".svg"):
            return "an SVG file can hold scripts: use a PNG, JPEG or WebP image, or draw the figure in a template"
        return "the guide publishes no file like this here: scripts go in assets/js/, styles in assets/css/"
    return None


def page_problems(path: str, text: str) -> list[Problem]:
    """What a hand-written Markdown page may not hold, each at its line and column. Front matter is
    found as MkDocs finds it (between '---' and '---' or '...'), and MultiMarkdown's 'key: value'
    lines at the top, which MkDocs also reads as settings, are refused."""
    body, meta = get_data(text)
    front = _YAML_FRONT.match(text)
    body_start = text.rfind(body) if body else len(text)
    if front:
        try:
            yaml.safe_load(front.group(1))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            return [Problem(path, line, (mark.column + 1) if mark else 1, "", "the front matter is not valid YAML")]
    elif meta:
        message = "'key: value' lines at the top are read as page settings: start with a heading, or use --- lines"
        return [Problem(path, 1, 1, "", message)]
    problems = [
        _at(path, text, _key_offset(text[:body_start], key), str(key), why) for key, why in _meta_problems(meta)
    ]
    for pattern, message in _BODY_RULES:
        for found in pattern.finditer(text, body_start):
            problem = message(found, text)
            if problem:
                start = _link_start(text, found.start()) if pattern is _TARGET else found.start()
                problems.append(_at(path, text, start, "", problem))
    return problems


def _meta_problems(meta: dict) -> list[tuple[object, str]]:
    """(key, why) for each front matter key a hand-written page may not set, or sets to the wrong kind of value."""
    problems = []
    for key, value in meta.items():
        if key not in FRONT_MATTER:
            problems.append(
                (key, f"a hand-written page sets only {', '.join(FRONT_MATTER)}: '{key}' is the page generator's")
            )
        elif key in ("title", "description") and not (isinstance(value, str) and "\n" not in value.strip()):
            problems.append((key, "must be one line of text"))
        elif key == "hide" and not (isinstance(value, list) and all(item in HIDE for item in value)):
            problems.append((key, f"must be a list of: {', '.join(sorted(HIDE))}"))
        elif key == "search" and not (
            isinstance(value, dict) and all(isinstance(v, SEARCH.get(k, ())) for k, v in value.items())
        ):
            problems.append((key, "takes 'exclude: true' or 'boost: <number>'"))
        elif key == "translation" and not isinstance(value, dict):
            problems.append((key, "must be a group: {source: …, status: …}"))
    return problems


def _key_offset(front: str, key: object) -> int:
    found = re.search(rf"^[ \t]*['\"]?{re.escape(str(key))}['\"]?[ \t]*:", front, re.M | re.I)
    return found.start() if found else 0


def _target_problem(target: str, image: bool = False) -> str | None:
    scheme = url_scheme(target)
    if image and (scheme is not None or target.replace("\\", "/").startswith("//")):
        return f"an image from '{target[:60]}': images come from the guide's own files"
    if scheme not in LINK_SCHEMES | {None}:
        return f"a link to '{target[:60]}': link to a guide page, or an https:, mailto: or tel: address"
    return None


def _link_start(text: str, close: int) -> int:
    """Where the link or image whose text ends with the ']' at `close` starts: its '[' (found by
    counting brackets), or the '!' before it."""
    depth = 0
    for index in range(close, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[index], 0)
        if depth == 0:
            return index - 1 if index > 0 and text[index - 1] == "!" else index
    return close


RAW_HTML = "raw HTML is not allowed in a hand-written page: write Markdown (the theme adds the rest)"
CHARACTER_CODES = "character codes ('&lt;', '&#60') are not allowed: type the character, or write 'and'"
ATTRIBUTE_LIST = "attribute lists are not allowed, but a heading's anchor in lower case: { #name }"
TOO_DEEP = "more than three '*', '_', '[' or '>' in a row: Markdown never needs so many"
_BODY_RULES = [
    (_TAG, lambda m, text: RAW_HTML),
    (_CHARACTER_REFERENCE, lambda m, text: CHARACTER_CODES),
    (_ATTRIBUTES, lambda m, text: None if _ANCHOR.fullmatch(m.group(0)) else ATTRIBUTE_LIST),
    (_TARGET, lambda m, text: _target_problem(m.group(1), image=text[_link_start(text, m.start())] == "!")),
    (_DEFINITION, lambda m, text: _target_problem(m.group(1))),
    (_DEEP, lambda m, text: TOO_DEEP),
]


def _at(path: str, text: str, offset: int, field: str, message: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(path, line, column, field, message)
