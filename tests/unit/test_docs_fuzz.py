"""Property tests for hand-written pages: whatever Markdown and HTML is written into one, the source
check (guide/docs_check.py) either refuses it with located problems, or the page it makes is one the
output pass (guide/boundary.py) accepts: nothing runs, redirects or loads from elsewhere.

Each example is rendered with the site's own Markdown extensions (mkdocs.yml) and checked as the
content of a hand-written page. Derandomized, so the runs are the same every time.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load
from test_content_fuzz import FUZZ

from conftest import ROOT
from guide.boundary import Edition, Site, page_problems
from guide.docs_check import page_problems as source_problems

_CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
RENDERER = markdown.Markdown(
    extensions=[item if isinstance(item, str) else next(iter(item)) for item in _CONFIG],
    extension_configs={next(iter(i)): next(iter(i.values())) for i in _CONFIG if isinstance(i, dict)},
)
PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body><article>{}</article></body></html>'

# Pieces of Markdown and HTML, harmless and hostile, that random pages are made of.
TOKENS = [
    *("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=//x>"),
    *('<meta http-equiv="refresh" content="0;url=https://x.example">', "<base href=//x/>", "<form action=//x>"),
    *("<", ">", "</", "<!--", "-->", "<!-->", "<a href=", "onerror=", "javascript:", "data:", "=", '"', "'"),
    *("&#60", "&#60;", "&lt", "&lt;", "&#x3c;", "&", "&amp;", "#", "`", "```", "~~~", "\\"),
    *("[x](javascript:alert(1))", "[x](https://ok.example)", "[x](about.md)", "[x]( javascript:alert(1))"),
    *("![i](https://x.example/p.png)", "![i](assets/images/favicon.png)", "<https://ok.example>", "<mailto:a@b.c>"),
    *('{: onclick="alert(1)" }', "{ #anchor }", "{ .x }", "{: #a title='<b>' }", "*[HTML]: ", "[r]: ", "]: "),
    *("\n", "\n\n", "    ", "- ", "1. ", "> ", "!!! note ", '??? x "t"', '=== "Tab"', "| a | b |", "::", "**", "_"),
    *("text", " ", "Microneedling", "é", "\t"),
]
pieces = st.sampled_from(TOKENS) | st.text(max_size=4)
front_matter = st.sampled_from(["", "---\ntitle: A page\n---\n", "---\ntitle: x\ndescription: '<b>'\n---\n"])
pages = st.builds(lambda front, body: front + "".join(body), front_matter, st.lists(pieces, max_size=25))


@FUZZ
@given(text=pages)
def test_a_hand_written_page_is_refused_at_its_line_or_inert_when_built(text):
    problems = source_problems("docs/page.md", text)
    lines = text.count("\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= lines and problem.column >= 1 and problem.message, problem
    if problems:
        return
    body = text.split("---\n", 2)[-1] if text.startswith("---\n") else text
    html = PAGE.format(RENDERER.reset().convert(body))
    edition = Edition("", {"page/index.html": "docs/page.md"})
    found, scripts = page_problems(html, "page/index.html", edition, Site(Path("."), (edition,)))
    assert found == [] and scripts == [], f"passed the source check, refused at the output: {found}\n{html}"
