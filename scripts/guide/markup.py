"""What an editor may write in a text field: plain text and a small, allowed Markdown.

Content arrives by pull request or the web editor and ends up inside clinics' pages, so it is
checked against an allow-list, not a deny-list. Allowed in Markdown fields:

- paragraphs and line breaks, **bold** and *italic*;
- lists (lines starting "- ", "* " or "1. ");
- links: `[words](page.md)` or `[words](page.md#anchor)` to the guide's own pages, `[words](#anchor)`
  on the same page, and `[words](https://…)` or `[words](mailto:…)`.

Everything else that Markdown or HTML would turn into markup is refused with a reason: any
tag-like `<`, character references with or without `;` (`&lt;`, `&#60`), attribute lists (`{ … }`), images, link
titles, reference-style links and definitions, abbreviations, footnotes, headings, quotes,
code, tables and admonitions. Citations are not written in text: they come from `cites` fields.
Plain-text fields (titles, headings, labels, glossary definitions) allow no Markdown links either.

Text is also normalised (NFC) and must hold no control characters, no bidirectional controls
and something visible.
"""

from __future__ import annotations

import re
import unicodedata

# [words](target): link words without brackets; target without spaces, quotes or angle brackets.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]*)\)")
_PAGE_TARGET = re.compile(r"^(?P<page>[a-z0-9]+(?:-[a-z0-9]+)*\.md)?(?:#(?P<anchor>[a-z0-9]+(?:[-_][a-z0-9]+)*))?$")
_WEB_TARGET = re.compile(
    r"^(?:https://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s\"'<>`\\]*)?|mailto:[^\s\"'<>()`\\:/]+@[A-Za-z0-9.-]+)$"
)

# Markup outside links, each with the reason an editor reads.
_REFUSED_INLINE = [
    (re.compile(r"<[^\s\d=<>]"), "HTML tags are not allowed (found '{found}'): write plain text"),
    (
        # With or without the final ';': Python-Markdown and browsers complete '&#60' and '&lt' too.
        re.compile(r"&(?:#|[A-Za-z])\w*;?"),
        "character codes such as '{found}' are not allowed: type the character itself, or write 'and' for '&'",
    ),
    (re.compile(r"[{}]"), "curly brackets are not allowed: they would add HTML attributes"),
    (re.compile(r"`"), "code marks (`) are not allowed: write plain text"),
    (re.compile(r"[⟦⟧]"), "the characters ⟦ ⟧ are reserved for citations: use the 'cites' field"),
    (re.compile(r"\]\s*\["), "reference-style links are not allowed: write [words](page.md) instead"),
    (re.compile(r"\[\^"), "footnotes are not allowed: use the 'cites' field for sources"),
    (
        re.compile(r"\]\([^)\n]*\s[\"'(]"),
        "link titles are not allowed: write [words](page.md) with nothing after the address",
    ),  # noqa: E501
    (re.compile(r"\]\("), "this link is not allowed: write [words](page.md), [words](#section) or [words](https://…)"),
]
# Block markup, checked on each line at any depth: indentation and list markers ("- ", "1. ") are
# taken off first, because Markdown starts blocks inside list items too ("- # heading").
_REFUSED_LINE = [
    (re.compile(r"^#"), "headings are not allowed in text: use a section's 'heading' field"),
    (re.compile(r"^>"), "quotes ('> ') are not allowed in text"),
    (re.compile(r"^(?:!!!|\?\?\?|===|~~~|:::)"), "admonitions, tabs and code blocks are not allowed in text"),
    (re.compile(r"\|.*\|"), "tables are not allowed in text"),
    (re.compile(r"^[=\-_*]+$"), "a line of only '=', '-', '_' or '*' makes a heading or a rule: remove it"),
    (re.compile(r"^:\s"), "definition lists (a line starting ': ') are not allowed in text"),
]
# "[name]: target" and "*[word]: meaning", the name perhaps over several lines, a space before ':'.
_DEFINITION = re.compile(r"^\*?\[[^\]]*\][ \t]*:", re.MULTILINE)
_LIST_MARKER = re.compile(r"^(?:\s*(?:[-*+]|\d+[.)])(?=\s|$))*\s*")

# Invisible characters: text made only of these (and spaces) shows nothing.
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064"
_INVISIBLE += "\u3164\ufeff\uffa0"
# Characters that reorder or hide text (Trojan Source): never needed in the guide's languages.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def normalise(text: str) -> str:
    """NFC, so that the same words are the same characters (search, glossary matching, comparisons)."""
    return unicodedata.normalize("NFC", text)


def hygiene_problem(text: str) -> str | None:
    """Why the characters of a text cannot be used, or None."""
    found = _CONTROL.search(text)
    if found:
        return f"contains an invisible control character (U+{ord(found.group()):04X}): retype the text around it"
    found = _BIDI.search(text)
    if found:
        return f"contains a character that changes text direction (U+{ord(found.group()):04X}): remove it"
    if not text.translate({ord(c): None for c in _INVISIBLE}).strip():
        return "must not be empty: it holds only invisible characters"
    return None


def markdown_problem(text: str) -> str | None:
    """Why a Markdown text field breaks the allow-list, or None. Checks links first, then what is left."""
    if "![" in text:  # checked before links, because an image is a link with "!" in front
        return "pictures cannot be added in text: figures come from the page templates"
    for match in _LINK.finditer(text):
        target = match.group(2)
        if not target or not (_PAGE_TARGET.match(target) or _WEB_TARGET.match(target)):
            if not target:
                return f"link '{match.group(0)[:40]}' has no address"
            return (
                f"link to '{target[:60]}' is not allowed: link to a guide page such as 'aftercare.md' or "
                "'aftercare.md#section', to '#section', or to an address starting https:// or mailto:"
            )
    remaining = _LINK.sub(lambda m: m.group(1), text)
    return _inline_problem(remaining) or _line_problem(remaining)


def plain_problem(text: str) -> str | None:
    """Why a plain-text field (a title, heading, label, definition) cannot be used, or None.

    One line, no links, no '<' and no '|': these fields end up in headings, table cells, tooltips
    and page metadata, where a second line or a '|' would start markup of its own."""
    if "\n" in text:
        return "must be one line: this field is a title, name or short sentence"
    if _LINK.search(text):
        return "links are not allowed here: this text is shown as it is, without Markdown"
    if "<" in text or "|" in text:
        return "'<' and '|' are not allowed here: write 'less than', or use words instead of '|'"
    return _inline_problem(text) or _line_problem(text)


def link_targets(text: str) -> list[str]:
    """The targets of the Markdown links in a text, in order."""
    return [match.group(2) for match in _LINK.finditer(text)] if "](" in text else []


def _inline_problem(text: str) -> str | None:
    for pattern, message in _REFUSED_INLINE:
        found = pattern.search(text)
        if found:
            return message.format(found=found.group(0))
    return None


def _line_problem(text: str) -> str | None:
    bare_lines = [_LIST_MARKER.sub("", line, count=1).strip() for line in text.splitlines()]
    # A definition's name may run over lines ("[name" / "]: javascript:…"), so look at them all at once.
    if _DEFINITION.search("\n".join(bare_lines)):
        return "link or abbreviation definitions ('[name]: …') are not allowed"
    for bare in bare_lines:
        for pattern, message in _REFUSED_LINE:
            if pattern.search(bare):
                return message
    return None
