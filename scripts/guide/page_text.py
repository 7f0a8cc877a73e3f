"""What a reader reads on a built page, section by section, and word-level differences between two versions.

`page_text` reads a built page's `<article>` (the page's content, the translation notice, the
disclaimer and the embed credit; not the navigation, header or footer) into blocks of plain text:
one per paragraph, list item, table row, heading or line. Sections start at each `<h2>` and are
named by its id, which stays the same across languages. Words explained by a tooltip (`<abbr
title>`) are kept too, as a section of their own, because a reader sees them. Figures count by their
title and description (the words a screen reader reads), not by their drawn labels.

`block_changes` and `word_diff` write the differences as Markdown: ~~removed~~ and **added** words,
with the unchanged words around them cut to a few. Page text is untrusted (it comes from content),
so every piece of it goes through `escape` before it reaches Markdown.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

TOOLTIPS = "tooltips"  # the key of the section holding a page's tooltips
TOP = "Top of the page"  # the heading of the words before the first h2
CONTEXT = 8  # unchanged words kept on each side of a change
LONG_BLOCK = 60  # words of an added or removed block shown before it is cut

_BLOCKS = {"p", "li", "tr", "dt", "dd", "summary", "caption", "figcaption", "pre", "blockquote", "br", "label"}
_BLOCKS |= {"h1", "h3", "h4", "h5", "h6", "title", "desc", "option", "button", "legend", "div", "aside", "nav"}
_SKIPPED = {"script", "style", "template"}
_CITATION = re.compile(r"(?<=\S)(\[\d+\])")  # "fades.[4][3]": each citation a word of its own, for the diff
_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "track"}


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class PageText:
    """A page's title, and its sections by key: "" for the top of the page, an h2's id, or TOOLTIPS."""

    title: str
    sections: dict[str, Section] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.done = False
        self.skip: list[str] = []  # open elements whose text is not read
        self.svg = 0  # inside an <svg>: only its <title> and <desc> are read
        self.svg_words = 0
        self.heading: str | None = None  # text of the h1/h2 being read
        self.title = ""
        self.words: list[str] = []
        self.sections: list[tuple[str, str, list[str]]] = [("", "", [])]
        self.tooltips: dict[str, str] = {}
        self.abbr: str | None = None

    def flush(self) -> None:
        text = _CITATION.sub(r" \1", " ".join("".join(self.words).split()))
        self.words = []
        if text:
            self.sections[-1][2].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool = False) -> None:
        if self.done or (tag != "article" and not self.depth):
            return
        if tag == "article":
            self.depth += 1
            return
        found = dict(attrs)
        if self.skip or tag in _SKIPPED or "headerlink" in (found.get("class") or "").split():
            if not closed and tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "svg" and not closed:
            self.svg += 1
        if self.svg and tag in ("title", "desc") and not closed:
            self.svg_words += 1
        if tag in ("h1", "h2") and not closed:
            self.flush()
            self.heading = ""
            if tag == "h2":
                self.sections.append((found.get("id") or "", "", []))
        elif tag in ("td", "th") and "".join(self.words).strip():
            self.words.append(" | ")
        elif tag in _BLOCKS:
            self.flush()
        if tag == "abbr":
            self.abbr = found.get("title") or ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self.depth:
            return
        if self.skip:
            if self.skip[-1] == tag:
                self.skip.pop()
            return
        if tag == "article":
            self.flush()
            self.depth -= 1
            self.done = not self.depth
        elif tag == "svg":
            self.svg -= 1
        elif self.svg and tag in ("title", "desc"):
            self.svg_words -= 1
            self.flush()
        elif tag in ("h1", "h2") and self.heading is not None:
            heading, self.heading = " ".join(self.heading.split()), None
            if tag == "h1":
                self.title = heading
                self.sections[-1][2].append(heading)
            else:
                key = self.sections[-1][0] or heading
                self.sections[-1] = (key, heading, [])
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.done or not self.depth or self.skip or (self.svg and not self.svg_words):
            return
        if self.heading is not None:
            self.heading += data
        else:
            self.words.append(data)
        if self.abbr is not None:
            self.tooltips.setdefault(" ".join(data.split()), self.abbr)
            self.abbr = None


def page_text(html: str) -> PageText:
    """The reader-visible text of a built page's <article>, by section (see the module's docstring)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.flush()
    sections: dict[str, Section] = {}
    for key, heading, blocks in reader.sections:
        unique, n = key, 1
        while unique in sections:  # two headings without an id and with the same words
            unique, n = f"{key}_{n}", n + 1
        sections[unique] = Section(heading or TOP, tuple(blocks))
    if reader.tooltips:
        lines = tuple(f"{word}: {meaning}" for word, meaning in sorted(reader.tooltips.items()))
        sections[TOOLTIPS] = Section("Words explained in tooltips", lines)
    return PageText(reader.title, sections)


# ── differences, as Markdown ────────────────────────────────────────────────────────────────────


def align(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs of indices of two sequences, in order: equal items paired, replaced ones paired in order,
    and the rest alone (None on the other side)."""
    pairs: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal" or op == "replace":
            pairs += zip(range(i1, i2), range(j1, j2), strict=False)
        if op != "equal":
            pairs += [(i, None) for i in range(i1 + (j2 - j1 if op == "replace" else 0), i2)]
            pairs += [(None, j) for j in range(j1 + (i2 - i1 if op == "replace" else 0), j2)]
    return pairs


_SPECIAL = re.compile(r"([\\`*_~\[\]|])")


def escape(text: str) -> str:
    """Text shown as it is in GitHub's Markdown: no emphasis, links, HTML, tables, mentions or issue links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("@", "@\u2060").replace("#", "#\u2060")  # a word joiner: "@name", "#12" link nothing
    return re.sub(r"^(\d+)\.", r"\1\\.", text)  # "1." at the start would make a numbered list


def word_diff(old: str, new: str) -> str:
    """The new text with ~~removed~~ and **added** words, unchanged stretches cut to CONTEXT words."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out = []
    for index, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            words, first, last = a[i1:i2], index == 0, index == len(ops) - 1
            if first and not last and len(words) > CONTEXT:
                words = ["…", *words[-CONTEXT:]]
            elif last and not first and len(words) > CONTEXT:
                words = [*words[:CONTEXT], "…"]
            elif not (first or last) and len(words) > 2 * CONTEXT:
                words = [*words[:CONTEXT], "…", *words[-CONTEXT:]]
            out.append(" ".join(word if word == "…" else escape(word) for word in words))
            continue
        if i2 > i1:
            out.append(f"~~{escape(' '.join(a[i1:i2]))}~~")
        if j2 > j1:
            out.append(f"**{escape(' '.join(b[j1:j2]))}**")
    return " ".join(out)


def similar(old: str, new: str) -> bool:
    """Whether two blocks share enough words to be shown as one edited block."""
    return difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= 0.3


def shortened(text: str, limit: int = LONG_BLOCK) -> str:
    words = text.split()
    return escape(" ".join(words[:limit])) + (" …" if len(words) > limit else "")


def block_changes(old: tuple[str, ...], new: tuple[str, ...]) -> list[str]:
    """One Markdown line per changed block: edited (word diff), added or removed."""
    lines = []
    for i, j in align(list(old), list(new)):
        if i is not None and j is not None and old[i] == new[j]:
            continue
        if i is not None and j is not None and similar(old[i], new[j]):
            lines.append(word_diff(old[i], new[j]))
            continue
        if i is not None:
            lines.append(f"(removed) ~~{shortened(old[i])}~~")
        if j is not None:
            lines.append(f"(new) **{shortened(new[j])}**")
    return lines


@dataclass(frozen=True)
class SectionChange:
    heading: str  # the section's heading now (or before, for a removed section)
    lines: tuple[str, ...]  # Markdown, one changed block each
    was: str = ""  # the heading before, when it changed
    status: str = "changed"  # "changed", "new" or "removed"


def section_changes(before: PageText, after: PageText) -> list[SectionChange]:
    """The sections whose text changed, in the page's order, matched by their id (and by place, for a
    section whose heading, and so id, changed)."""
    old, new = list(before.sections), list(after.sections)
    changes = []
    for i, j in align(old, new):
        a = before.sections[old[i]] if i is not None else None
        b = after.sections[new[j]] if j is not None else None
        if a == b:
            continue
        if a is None or b is None:
            section = a or b
            shown = [f"~~{shortened(block)}~~" if a else f"**{shortened(block)}**" for block in section.blocks]
            changes.append(SectionChange(section.heading, tuple(shown), status="removed" if a else "new"))
            continue
        was = a.heading if a.heading != b.heading else ""
        changes.append(SectionChange(b.heading, tuple(block_changes(a.blocks, b.blocks)), was))
    return changes
