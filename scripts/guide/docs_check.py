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

import re
from pathlib import Path

import yaml

from .boundary import RAW_PAGES, file_rule
from .html_check import url_scheme
from .problems import Problem

DOCS = "docs"
# Front matter a hand-written page may set, and why it needs it.
FRONT_MATTER = {
    "title": "the page's title",
    "description": "its summary for search engines",
    "hide": "the theme's navigation or table of contents left out",
    "search": "its weight in search",
    "translation": "a translated page's English version (translate.py)",
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.S | re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_TAG = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)[A-Za-z/!?]")
_CHARACTER_REFERENCE = re.compile(r"&(?:#|[A-Za-z])")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
_ANCHOR = re.compile(r"\{\s*#[A-Za-z0-9_-]+\s*\}")
_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_DEFINITION = re.compile(r"^[ \t]*\*?\[[^\]]*\][ \t]*:[ \t]*\n?[ \t]*<?(\S*?)>?(?:\s|$)", re.M)


def docs_problems(root: Path) -> list[Problem]:
    """Every problem in docs/: its files, and each hand-written page's front matter and Markdown."""
    docs = root / DOCS
    problems = []
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        rel = file.relative_to(root).as_posix()
        if file.is_dir():
            continue
        if file.suffix == ".md":
            problems += page_problems(rel, file.read_text(encoding="utf-8"))
        else:
            message = _file_problem(_edition_path(file.relative_to(docs).as_posix()))
            if message:
                problems.append(Problem(rel, 1, 1, "", message))
    return problems


def _edition_path(path: str) -> str:
    """The path in its edition's folder: a language's pages live in docs/<lang>/."""
    return re.sub(r"^[a-z]{2}/", "", path)


def _file_problem(path: str) -> str | None:
    if path.endswith(".html"):
        return None if path in RAW_PAGES else "an HTML file is published as it is: write the page in Markdown"
    rule = file_rule(path)
    if rule is None or rule.theme:
        if path.endswith(".svg"):
            return "an SVG file can hold scripts: use a PNG, JPEG or WebP image, or draw the figure in a template"
        return "the guide publishes no file like this here: scripts go in assets/js/, styles in assets/css/"
    return None


def page_problems(path: str, text: str) -> list[Problem]:
    """What a hand-written Markdown page may not hold, each at its line and column."""
    problems = []
    front = _FRONT.match(text)
    body_start = front.end() if front else 0
    if front:
        try:
            meta = yaml.safe_load(front.group(1)) or {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            return [Problem(path, line, (mark.column + 1) if mark else 1, "", "the front matter is not valid YAML")]
        for key in meta if isinstance(meta, dict) else []:
            if key not in FRONT_MATTER:
                allowed = ", ".join(FRONT_MATTER)
                problems.append(
                    _at(
                        path,
                        text,
                        text.index(str(key), front.start()),
                        str(key),
                        f"a hand-written page sets only {allowed}: '{key}' is the page generator's",
                    )
                )
    body = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text[body_start:])  # code blocks shown as text
    for pattern, message in _BODY_RULES:
        for found in pattern.finditer(body):
            problem = message(found)
            if problem:
                problems.append(_at(path, text, body_start + found.start(), "", problem))
    return problems


def _target_problem(target: str, image: bool = False) -> str | None:
    scheme = url_scheme(target)
    if image and (scheme is not None or target.startswith("//")):
        return f"an image from '{target[:60]}': images come from the guide's own files"
    if scheme not in LINK_SCHEMES | {None}:
        return f"a link to '{target[:60]}': link to a guide page, or an https:, mailto: or tel: address"
    return None


RAW_HTML = "raw HTML is not allowed in a hand-written page: write Markdown (the theme adds the rest)"
CHARACTER_CODES = "character codes ('&lt;', '&#60') are not allowed: type the character, or write 'and'"
ATTRIBUTE_LIST = "attribute lists are not allowed, but a heading's anchor: { #name }"
_BODY_RULES = [
    (_TAG, lambda m: RAW_HTML),
    (_CHARACTER_REFERENCE, lambda m: CHARACTER_CODES),
    (_ATTRIBUTES, lambda m: None if _ANCHOR.fullmatch(m.group(0)) else ATTRIBUTE_LIST),
    (_LINK, lambda m: _target_problem(m.group(2), image=bool(m.group(1)))),
    (_DEFINITION, lambda m: _target_problem(m.group(1))),
]


def _at(path: str, text: str, offset: int, field: str, message: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(path, line, column, field, message)
