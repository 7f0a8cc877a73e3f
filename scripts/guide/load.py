"""Read one YAML content file into plain data, remembering where every value came from.

PyYAML's composer gives each node a line and column; we keep them in a map from field
location (a tuple such as ("concerns", 0, "name")) to position, so that any later problem,
from the schema or from a cross-reference, can name the exact place in the file.

Content is plain fields, lists and text, so the loader refuses, as each parse event arrives and
before anything is built from it, the YAML that content never needs and that can hurt: anchors
and aliases (a 500-byte "billion laughs" expands to gigabytes), tags (which name Python objects),
merge keys, lists or groups as field names, deep nesting (libyaml's composer recurses in C and
crashes near 30,000 levels) and more values than a page could hold. Every file ends in a
document or in located problems, quickly and in bounded memory, never in a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer

from .problems import Problem, field_path

MAX_BYTES = 1_000_000  # a content file is a page of text; anything larger is a mistake
MAX_DEPTH = 20  # lists and groups inside each other; the deepest content today needs 6
MAX_VALUES = 50_000  # fields and list items in one file; the largest today has about 800
MAX_NUMBER_LENGTH = 100  # longer numbers are mistakes, and slow to convert ("1:00:00:…" is base 60)

ANCHORS = "YAML anchors and aliases (&name, *name) are not allowed in content: write the text out in full"
TAGS = (
    "YAML tags (such as !!str or !name) are not allowed in content: "
    "remove the tag, and put quotes around the value if it is meant as text"
)
MERGE_KEYS = "YAML merge keys (<<) are not allowed in content: write the fields out in full"
KEY_NOT_TEXT = "a field name must be plain text, not a list or a group"
TOO_DEEP = f"lists and groups are nested more than {MAX_DEPTH} levels deep here: check the indentation and brackets"
TOO_MANY = f"the file has more than {MAX_VALUES:,} fields and list items: a content file is one page, so split it up"
SECOND_DOCUMENT = "a content file holds one YAML document, but a second one starts here: remove the '---' or '...' line"
NOT_A_NUMBER = "this looks like a number but cannot be read as one: put quotes around it if it is meant as text"

# What YAML allows in a file: anything else (NUL, most control characters) stops libyaml.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, which its marks count
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}

Location = tuple  # of str (mapping keys) and int (list indexes)


@dataclass
class Document:
    path: str  # relative to the repository
    data: object
    values: dict[Location, tuple[int, int]] = field(default_factory=dict)  # where each value starts
    keys: dict[Location, tuple[int, int]] = field(default_factory=dict)  # where each key is written

    def position(self, loc: Location) -> tuple[int, int]:
        """The best position for a location: the value itself, else its key, else the nearest parent."""
        loc = tuple(loc)
        while loc:
            if loc in self.values:
                return self.values[loc]
            if loc in self.keys:
                return self.keys[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def key_position(self, loc: Location) -> tuple[int, int]:
        return self.keys.get(tuple(loc)) or self.position(loc)


class _Stop(Exception):
    """A problem that stops the whole file from loading."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message

    @classmethod
    def at(cls, mark: yaml.Mark, message: str) -> _Stop:
        return cls(mark.line + 1, mark.column + 1, message)


# libyaml parses about ten times faster when present. Its composer works in C, so the Python one
# composes on top of its events: that is where each event can be looked at before it is built.
_BASES = (Composer, yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else (yaml.SafeLoader,)


class _Loader(*_BASES):
    """SafeLoader that leaves dates as text, so the schema can report impossible dates itself, and that
    refuses what content never needs, event by event."""

    def __init__(self, text: str):
        _BASES[-1].__init__(self, text)
        Composer.__init__(self)
        self.depth = 0  # collections open around the node being composed
        self.count = 0  # nodes composed so far

    def get_single_node(self) -> yaml.Node | None:
        """As Composer's, but a second document is refused in plain words."""
        self.get_event()  # the start of the stream
        node = None if self.check_event(yaml.StreamEndEvent) else self.compose_document()
        if not self.check_event(yaml.StreamEndEvent):
            raise _Stop.at(self.peek_event().start_mark, SECOND_DOCUMENT)
        return node

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        """Look at the node's first event before anything is built from it (Composer passes no index for a key)."""
        event = self.peek_event()
        self.count += 1
        refusal = self._refusal(event, is_key=isinstance(parent, yaml.MappingNode) and index is None)
        if refusal:
            raise _Stop.at(event.start_mark, refusal)
        self.depth += 1
        node = super().compose_node(parent, index)
        self.depth -= 1
        return node

    def _refusal(self, event: yaml.NodeEvent, is_key: bool) -> str | None:
        collection = isinstance(event, yaml.CollectionStartEvent)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            return ANCHORS
        if event.tag is not None:
            return TAGS
        if is_key and collection:
            return KEY_NOT_TEXT
        if is_key and event.value == "<<" and event.implicit[0]:  # written plain: a quoted "<<" is text
            return MERGE_KEYS
        if collection and self.depth >= MAX_DEPTH:
            return TOO_DEEP
        if self.count > MAX_VALUES:
            return TOO_MANY
        return None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_file(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document, or None and the problems that stopped it."""
    rel = path.relative_to(root).as_posix()
    try:
        node, loader = _compose(_text(path.read_bytes()))
    except _Stop as stop:
        return None, [Problem(rel, stop.line, stop.column, "", stop.message)]
    doc = Document(rel, None)
    problems: list[Problem] = []
    doc.data = _to_data(node, (), doc, problems, loader)
    return doc, problems


def _text(raw: bytes) -> str:
    """The file's text, if it is text YAML can read at all."""
    if len(raw) > MAX_BYTES:
        raise _Stop(1, 1, f"file is {len(raw):,} bytes; a content file must be under {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _Stop(line, 1, "file is not UTF-8 text: save it with UTF-8 encoding") from None
    if not text.strip():
        raise _Stop(1, 1, "file is empty: it needs the fields of its page")
    if found := _NOT_PRINTABLE.search(text):
        message = f"the file contains an invisible control character (U+{ord(found.group()):04X}) here: delete it"
        raise _Stop(*_position(text, found.start()), message)
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            raise _Stop(number, indent.index("\t") + 1, "a tab is used for indentation: YAML needs spaces")
    return text


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column of a character, counting line breaks as YAML does."""
    line_start = max(text.rfind(newline, 0, index) for newline in "\n\r\x85\u2028\u2029") + 1
    return sum(1 for _ in _LINE_BREAK.finditer(text, 0, index)) + 1, index - line_start + 1


def _compose(text: str) -> tuple[yaml.Node, _Loader]:
    """The file's one node tree (and the loader, to construct its scalars), or a stop at the first error."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "end of stream" in (err.problem or ""):
            mark = err.context_mark  # an unclosed quote or bracket: point at where it was opened
        message = err.problem or "invalid YAML"
        if err.context:
            message = f"{message} ({err.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _Stop(line, column, f"YAML syntax error: {message}") from None
    except yaml.YAMLError as err:
        raise _Stop(1, 1, f"YAML error: {err}") from None
    finally:
        loader.dispose()
    if node is None:
        raise _Stop(1, 1, "file is empty: it needs the fields of its page")
    return node, loader


def _to_data(node: yaml.Node, loc: Location, doc: Document, problems: list[Problem], loader: _Loader):
    doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value  # as written ("null", not None): the loader refused lists and groups as keys
            key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = doc.keys[loc + (key,)]
                problems.append(
                    Problem(
                        doc.path,
                        *key_pos,
                        field_path(loc + (key,)),
                        f"duplicate key: '{key}' is already set on line {first[0]}",
                    )
                )
                continue
            doc.keys[loc + (key,)] = key_pos
            result[key] = _to_data(value_node, loc + (key,), doc, problems, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, loc + (i,), doc, problems, loader) for i, item in enumerate(node.value)]
    if node.tag not in loader.yaml_constructors:  # YAML 1.1's '=' and a '<<' value mean nothing in content
        return node.value
    if node.tag in _NUMBER_TAGS:
        number = _number(node, loader)
        if number is None:
            problems.append(Problem(doc.path, *doc.values[loc], field_path(loc), NOT_A_NUMBER))
            return node.value
        return number
    return loader.construct_object(node)


def _number(node: yaml.ScalarNode, loader: _Loader) -> int | float | None:
    """The number a scalar spells, or None if it is malformed (such as '0x_') or too long to be meant."""
    if len(node.value) > MAX_NUMBER_LENGTH:
        return None
    try:
        return loader.construct_object(node)
    except ValueError:
        return None
