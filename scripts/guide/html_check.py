"""What a page's content (its <article>) may hold: the elements and attributes the guide's templates
and the allowed Markdown of markup.py make, and nothing else.

The content check (validate.py) refuses hostile text before anything is rendered; the output pass
(boundary.py) then checks every built page's <article> against this allow-list, so that a template
mistake, a Markdown extension that turns text into markup nobody expected, or a hand-written page
cannot ship markup inside clinics' pages. Pages are parsed as browsers parse them (lexbor, through
selectolax), so what is checked is what a browser would build.

Hand-written pages (docs/*.md) are held to the same list less the form controls: only the
templates make forms (the planner).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

TAGS = {
    # text and lists, from the allowed Markdown
    *("p", "br", "em", "strong", "a", "ul", "ol", "li", "abbr", "h1", "h2", "h3", "h4"),
    # what else hand-written Markdown makes: quotes, rules, smaller headings, images of the guide's own
    *("blockquote", "hr", "h5", "h6", "img", "sup", "sub", "del", "small", "kbd", "caption"),
    # what the page templates add: cards, tables, glossary lists, details, the edition links
    *("div", "span", "aside", "section", "nav", "details", "summary", "table", "thead", "tbody", "tr", "th", "td"),
    *("dl", "dt", "dd", "pre", "code"),
    # the edit button's icon, and the figures (figures.py): shapes and text only, nothing that fetches or runs
    *("svg", "path", "figure", "title", "desc", "line", "rect", "text"),
}
# Only the templates make forms (the planner's): a hand-written page may hold none of these.
FORM_CONTROLS = {"form", "fieldset", "legend", "label", "input", "select", "option", "button"}
ATTRIBUTES = {
    "*": {"class", "id", "hidden", "role", "tabindex", "lang"},
    "a": {"href", "hreflang", "rel", "target", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "form": {"novalidate"},
    "label": {"for"},
    "input": {"autocomplete", "checked", "inputmode", "name", "type", "value"},
    "select": {"name"},
    "option": {"selected", "value"},
    "button": {"type"},
    "svg": {"viewbox", "xmlns"},
    "path": {"d"},
    "line": {"x1", "y1", "x2", "y2"},
    "rect": {"x", "y", "width", "height", "rx"},
    "text": {"x", "y", "text-anchor"},
}
ATTRIBUTE_PREFIXES = ("data-", "aria-")
# Where a link in a page's content may go: the guide's own pages (no scheme), the web, mail, a phone.
LINK_SCHEMES = {"https", "mailto", "tel"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL_AND_SPACE = "".join(chr(c) for c in range(0x21))


def url_scheme(url: str) -> str | None:
    """The scheme of an address as a browser reads it (spaces and controls around it dropped, tabs
    and line breaks inside it removed, any case), or None for an address without one."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip(_CONTROL_AND_SPACE))
    found = _SCHEME.match(cleaned)
    return found.group(1).lower() if found else None


def element_problems(node: LexborNode, *, hand_written: bool = False, origin: str = "") -> list[str]:
    """Why one element of a page's content is not allowed there (nothing if it is). A link to the
    guide's own origin (site_url's, as the embed views' credit links are written) is a guide page."""
    tag = node.tag.lower()
    if tag == "-comment":
        return ["an HTML comment: the templates make none, and browsers end one at '<!-->'"]
    allowed = TAGS if hand_written else TAGS | FORM_CONTROLS
    if tag not in allowed:
        where = "a hand-written page" if hand_written and tag in FORM_CONTROLS else "page content"
        return [f"<{tag}> is not allowed in {where}"]
    problems = []
    names = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
    for name, value in node.attributes.items():
        name = name.lower()
        if name not in names and not name.startswith(ATTRIBUTE_PREFIXES):
            problems.append(f"<{tag} {name}> is not allowed in page content")
        elif name == "href" and url_scheme(value or "") not in LINK_SCHEMES | {None} and not _own(value, origin):
            problems.append(f"<{tag} href> to '{(value or '')[:60]}': links go to guide pages, https:, mailto: or tel:")
        elif name == "title" and "<" in (value or ""):
            # Material shows titles as tooltips by setting them as HTML.
            problems.append(f"<{tag} title> holds '<': Material would show it as HTML")
    return problems


def content_problems(article: LexborNode, *, hand_written: bool = False, origin: str = "") -> list[str]:
    """Every problem in a page's content: each element inside the <article> (not the article itself)."""
    nodes = article.traverse(include_text=False)
    next(nodes)  # the article itself
    return [
        f"{problem} ({_describe(node)})"
        for node in nodes
        for problem in element_problems(node, hand_written=hand_written, origin=origin)
    ]


def _own(url: str | None, origin: str) -> bool:
    return bool(origin) and (url or "").strip().lower().startswith(origin.lower() + "/")


def unexpected_markup(html: str, *, hand_written: bool = False) -> list[str]:
    """Each problem in a fragment of page content (the HTML of one page's Markdown, a field, a figure)."""
    body = LexborHTMLParser(f"<!doctype html><body>{html}").body
    return content_problems(body, hand_written=hand_written) if body else []


def _describe(node: LexborNode) -> str:
    """The element as it was written, shortened: `<img src="x" onerror="…">`."""
    if node.tag == "-comment":
        return "<!-- … -->"
    attrs = " ".join(f'{name}="{value}"' if value is not None else name for name, value in node.attributes.items())
    return f"<{' '.join(filter(None, [node.tag, attrs]))[:120]}>"
