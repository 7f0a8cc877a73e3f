"""The second line of defence: a generated page's HTML holds only what the guide's templates and the
allowed Markdown of markup.py make.

The content check (validate.py) refuses hostile text before anything is rendered. This checks the
result, so that a future template mistake, or a Markdown extension that turns some text into markup
nobody expected, fails the build instead of shipping inside clinics' pages. The page's HTML is
cleaned by nh3 (the Ammonia sanitizer, which parses HTML as browsers do) with the allow-list below;
any element or attribute the cleaning removed is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import nh3

_DECLARATION = re.compile(r"<[!?][^>]{0,40}")
TAGS = {
    # text and lists, from the allowed Markdown
    *("p", "br", "em", "strong", "a", "ul", "ol", "li", "abbr", "h1", "h2", "h3", "h4"),
    # what the page templates add: cards, tables, glossary lists, details, the planner's form
    *("div", "span", "aside", "section", "details", "summary", "table", "thead", "tbody", "tr", "th", "td"),
    *("dl", "dt", "dd", "pre", "code", "form", "fieldset", "legend", "label", "input", "select", "option", "button"),
    *("svg", "path"),
    # the figures (figures.py): inline SVG drawn with shapes and text only, nothing that fetches or runs
    *("figure", "title", "desc", "line", "rect", "text"),
}
ATTRIBUTES = {
    "*": {"class", "id", "hidden", "role", "tabindex"},
    "a": {"href", "rel", "target", "title"},
    "abbr": {"title"},
    "form": {"novalidate"},
    "label": {"for"},
    "input": {"autocomplete", "checked", "inputmode", "name", "type", "value"},
    "select": {"name"},
    "option": {"selected", "value"},
    "button": {"type"},
    # nh3 parses SVG as browsers do, which restores SVG's camelCase names: viewBox, not viewbox.
    "svg": {"viewBox", "xmlns"},
    "path": {"d"},
    "line": {"x1", "y1", "x2", "y2"},
    "rect": {"x", "y", "width", "height", "rx"},
    "text": {"x", "y", "text-anchor"},
}


def unexpected_markup(html: str) -> list[str]:
    """Each element or attribute in the HTML that the allow-list does not have, as readable text."""
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"https", "mailto"},
        link_rel=None,
        attribute_filter=_no_markup_in_titles,
    )
    before, after = _elements(html), _elements(cleaned)
    found = [_describe(element) for element in (before - after).elements()]
    # Comments and declarations are never made by the templates, and browsers end a comment at
    # "<!-->" where Python's parser does not, which could hide markup from the comparison above.
    found += [f"{match.group(0)[:20]}… (an HTML comment or declaration)" for match in _DECLARATION.finditer(html)]
    return found


def _no_markup_in_titles(tag: str, attribute: str, value: str) -> str | None:
    """Material shows titles as tooltips by setting them as HTML, so a title must hold no markup."""
    if attribute == "title" and "<" in value:
        return None
    return value


def _elements(html: str) -> Counter:
    """Every start tag with its attributes, counted (so reordering by the sanitizer does not matter)."""
    found: Counter = Counter()
    parser = HTMLParser(convert_charrefs=True)

    def start(tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found[(tag, tuple(sorted((name, value or "") for name, value in attrs)))] += 1

    parser.handle_starttag = parser.handle_startendtag = start
    parser.feed(html)
    parser.close()
    return found


def _describe(element: tuple) -> str:
    tag, attrs = element
    text = " ".join([tag, *(f'{name}="{value}"' for name, value in attrs)])
    return f"<{text[:120]}>"
