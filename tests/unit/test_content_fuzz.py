"""Property tests: whatever is saved as a content file, the whole check ends in content or in
located problems (path, line, column, message), never in any other exception.

Each example writes one file (aftercare, frequency or references) in a copy of tests/fixtures/minimal
and runs guide.validate.load_content on it. The runs are derandomized, so they are the same every time.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from guide.problems import ContentError
from guide.validate import Content, load_content

FUZZ = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,  # derandomized runs need no saved examples
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
PAGES = {path.name: path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "minimal" / "content").iterdir())}
names = st.sampled_from(sorted(PAGES))

# A small grammar of YAML, right and wrong: lines of `key: value` (or `- ` items), whose values are scalars
# or flow lists and groups. Now and then a line is indented, a node has an anchor, alias or tag, or a value
# starts with noise: rarely enough that many files are otherwise valid and reach the checks behind the parser.
SCALARS = ["x", "title", "'it''s'", '"say \\"hi\\""', "", "1", "-2.5", "1e400", ".nan", "~", "null", "yes", "="]
SCALARS += ["<<", "0x_", "0b_", "-0x_", "+0b__", "9" * 5000, "1:00:00", "2026-02-30", "é 名前 🙂", "<b>", "harris-2015"]
PROPERTIES = ["&a ", "*a ", "!x ", "!!str ", "!!int ", "!!binary ", "!!timestamp ", "!!python/name:x ", "&b !!seq "]
HAZARDS = ["&r [*r]", "!!binary x", "!!timestamp x", "!!float x"]  # each one crashes a careless loader
KEYS = ["title", "intro", "review", "status", "related", "cites", "id", "label", "items", "x", "1", "null", "é"]
KEYS += ["summary", "key_points", "timeline", "level", "heading", "references", "doi", "<<", "? x", "[a]"]
NOISE = ["\t", "\r", "\r\n", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "---", "...", "#", "'", '"', "}", "%YAML 1.1"]
NOTHING = st.just("")


def sometimes(rare: st.SearchStrategy[str], one_in: int, usually=NOTHING) -> st.SearchStrategy[str]:
    """A value of `rare` about one time in `one_in`, else of `usually` (which examples shrink to)."""
    return st.integers(1, one_in).flatmap(lambda roll: rare if roll == one_in else usually)


scalar = st.sampled_from(SCALARS) | st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=6)
properties = sometimes(st.sampled_from(PROPERTIES), 12)
node = st.recursive(
    sometimes(st.sampled_from(HAZARDS), 30, usually=st.builds(str.__add__, properties, scalar)),
    lambda inner: st.builds(
        str.__add__,
        properties,
        st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]")
        | st.lists(st.tuples(scalar, inner), max_size=3).map(
            lambda pairs: f"{{{', '.join(f'{k}: {v}' for k, v in pairs)}}}"
        ),
    ),
    max_leaves=10,
)
noise = st.sampled_from(NOISE) | st.builds(
    str.__mul__, st.sampled_from(["[", "{a: ", "- ", "  "]), st.sampled_from([2, 30, 1000])
)
entry = st.builds(
    "{}{}{}{}{}\n".format,
    sometimes(st.just("- "), 6),
    st.sampled_from(KEYS),
    sometimes(st.sampled_from([":", " : ", ": :"]), 10, usually=st.just(": ")),
    sometimes(noise, 8),
    node,
)
line = st.builds(str.__add__, sometimes(st.sampled_from([" ", "  ", "    "]), 3), entry)
yamlish = st.lists(line, max_size=12).map("".join)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.text(max_size=20)
    | st.sampled_from(["general", "frequency", "harris-2015", "urgent", "editorial", "2026-11-25", "a [b](c.md)"])
)
field_names = st.sampled_from(["title", "review", "cites", "id", "label", "level", "items", "concerns", "references"])
structured = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(field_names | st.text(max_size=8) | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One copy of the minimal content for each test; every example changes one file and puts it back."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(FIXTURES / "minimal" / "content", folder / "content")
    return folder


def check(root: Path, name: str, data: bytes) -> None:
    """The property: the whole check returns content, or raises ContentError with located problems."""
    path = root / "content" / name
    path.write_bytes(data)
    try:
        assert isinstance(load_content(root), Content)
    except ContentError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.path.startswith("content/"), problem
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.message.strip(), problem
    finally:
        path.write_text(PAGES[name], encoding="utf-8")


def locations(data: object, loc: tuple = ()) -> list[tuple]:
    """Every place in plain data that a value could be put."""
    found = [loc]
    if isinstance(data, dict):
        found += [place for key, value in data.items() for place in locations(value, loc + (key,))]
    elif isinstance(data, list):
        found += [place for index, value in enumerate(data) for place in locations(value, loc + (index,))]
    return found


def replaced(data: object, loc: tuple, value: object) -> object:
    if not loc:
        return value
    data = copy.deepcopy(data)
    parent = data
    for part in loc[:-1]:
        parent = parent[part]
    parent[loc[-1]] = value
    return data


@FUZZ
@given(name=names, data=st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
def test_random_bytes(root, name, data):
    check(root, name, data)


@FUZZ
@given(name=names, text=yamlish)
def test_random_yaml_like_text(root, name, text):
    check(root, name, text.encode("utf-8"))


@FUZZ
@given(name=names, draw=st.data())
def test_a_real_page_with_yaml_like_lines_inserted(root, name, draw):
    lines = PAGES[name].splitlines(keepends=True)
    for _ in range(draw.draw(st.integers(1, 3))):
        index = draw.draw(st.integers(0, len(lines) - 1))
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(" -"))].replace("-", " ")
        lines.insert(index, indent + draw.draw(entry))  # indented like its neighbour, to get past the parser more often
    check(root, name, "".join(lines).encode("utf-8"))


@FUZZ
@given(name=names, draw=st.data(), unicode=st.booleans())
def test_a_real_page_with_one_value_replaced_by_random_data(root, name, draw, unicode):
    page = yaml.safe_load(PAGES[name])
    changed = replaced(page, draw.draw(st.sampled_from(locations(page))), draw.draw(structured))
    check(root, name, yaml.safe_dump(changed, allow_unicode=unicode).encode("utf-8"))
