"""Which field of content/ made the markup the output pass refused: its file, line, column and field.

The output pass (boundary.py) sees built pages, and one field can reach many of them (a care card,
a glossary meaning), so naming the first page that shows it would send an editor to the wrong file.
When the pass refuses something in a page made from content, each word field of every content file
(every language) is checked alone: rendered as the site renders Markdown and held to the page
content allow-list (html_check.py), and read as a browser reads an attribute, since some fields
become tooltips. Only run after the output pass has refused something: it renders every field.
"""

from __future__ import annotations

import html
from pathlib import Path

import markdown

from .html_check import unexpected_markup
from .load import load_file
from .problems import Problem, field_path
from .translate import LANGUAGE_FILE, model_for, text_leaves


def markup_in_content(root: Path, extensions: list) -> list[Problem]:
    """A problem for each content field whose text would make markup a page may not hold.
    `extensions` is mkdocs.yml's markdown_extensions (names, or {name: settings})."""
    names = [item if isinstance(item, str) else next(iter(item)) for item in extensions]
    settings = {next(iter(item)): next(iter(item.values())) or {} for item in extensions if isinstance(item, dict)}
    renderer = markdown.Markdown(extensions=names, extension_configs=settings)
    problems = []
    for path in sorted((root / "content").rglob("*.yml")):
        if path.name == LANGUAGE_FILE:
            continue
        doc, _ = load_file(path, root)
        if doc is None:
            continue
        for loc in text_leaves(doc.data, model_for(path.name)):
            value = _value(doc.data, loc)
            found = unexpected_markup(renderer.reset().convert(value)) if isinstance(value, str) else []
            if isinstance(value, str) and "<" in html.unescape(value):
                found.append("reads as markup where it is shown in an attribute (a tooltip, a title)")
            line, column = doc.position(loc)
            problems += [Problem(doc.path, line, column, field_path(loc), message) for message in found]
    return problems


def _value(data: object, loc: tuple) -> object:
    for part in loc:
        data = data[part]
    return data
