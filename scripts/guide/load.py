"""Read one YAML content file into plain data, remembering where every value came from.

PyYAML's composer gives each node a line and column; we keep them in a map from field
location (a tuple such as ("concerns", 0, "name")) to position, so that any later problem,
from the schema or from a cross-reference, can name the exact place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, field_path

MAX_BYTES = 1_000_000  # a content file is a page of text; anything larger is a mistake

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


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: about ten times faster
    """SafeLoader that leaves dates as text, so the schema can report impossible dates itself."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_file(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document, or None and the problems that stopped it."""
    rel = path.relative_to(root).as_posix()

    def problem(line: int, column: int, message: str) -> list[Problem]:
        return [Problem(rel, line, column, "", message)]

    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, problem(1, 1, f"file is {len(raw):,} bytes; a content file must be under {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, problem(line, 1, "file is not UTF-8 text: save it with UTF-8 encoding")
    if not text.strip():
        return None, problem(1, 1, "file is empty: it needs the fields of its page")

    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            column = indent.index("\t") + 1
            return None, problem(number, column, "a tab is used for indentation: YAML needs spaces")

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
        return None, problem(line, column, f"YAML syntax error: {message}")
    except yaml.YAMLError as err:
        return None, problem(1, 1, f"YAML error: {err}")
    finally:
        loader.dispose()
    if node is None:
        return None, problem(1, 1, "file is empty: it needs the fields of its page")

    doc = Document(rel, None)
    problems: list[Problem] = []
    doc.data = _to_data(node, (), doc, problems, loader)
    return doc, problems


def _to_data(node: yaml.Node, loc: Location, doc: Document, problems: list[Problem], loader: _Loader):
    doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
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
    return loader.construct_object(node)
