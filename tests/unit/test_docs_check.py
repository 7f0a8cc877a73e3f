"""Hand-written pages and files in docs/ (guide/docs_check.py): each problem at its file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from guide.docs_check import docs_problems, page_problems

FRONT = "---\ntitle: About\n"

# (what, the page's text, line, column, words of the message)
# fmt: off
PAGES = [
    ("a script after closing the article", "# About\n\nText.\n</article><script>alert(1)</script><article>\n", 4, 1, "raw HTML"),
    ("structured data", FRONT + "structured_data: '</script><script>alert(1)</script>'\n---\n# About\n", 3, 1, "'structured_data' is the page generator's"),
    ("another template", FRONT + "template: redirect.html\nlocation: https://x.example\n---\n", 3, 1, "'template'"),
    ("a meta refresh", '# About\n\n<meta http-equiv="refresh" content="0;url=https://x.example">\n', 3, 1, "raw HTML"),
    ("a character code", "# About\n\nSee &#60img src=x onerror=alert(1)&#62 here.\n", 3, 5, "character codes"),
    ("a named character code", "# About\n\nA &lt b\n", 3, 3, "character codes"),
    ("a javascript link", "# About\n\n[Click](javascript:alert(1))\n", 3, 1, "a link to 'javascript:alert(1"),
    ("a data link", "# About\n\n[Click]( data:text/html,x)\n", 3, 1, "a link to 'data:text/html,x'"),
    ("an image from elsewhere", "# About\n\n![pixel](https://x.example/t.png)\n", 3, 1, "an image from"),
    ("an attribute list", '# About\n\nText.\n{: onclick="alert(1)" }\n', 4, 1, "attribute lists"),
    ("a reference over two lines", "# About\n\n[text\n]: javascript:alert(1)\n", 3, 1, "a link to 'javascript:alert(1)'"),
    ("an iframe", "Text <iframe src=//x.example></iframe>\n", 1, 6, "raw HTML"),
    ("a comment", "Text <!-- x -->\n", 1, 6, "raw HTML"),
    ("bad front matter", "---\ntitle: [x\n---\n", 3, 1, "not valid YAML"),
    # held out by an attacker's review: a fence Markdown does not read as one, front matter closed with
    # '...', a list where text belongs, MultiMarkdown settings, an id the theme uses, nesting too deep
    ("HTML after a fence that is not one", "```foo bar baz\n\n</article><noscript>x</noscript>\n\n```\n", 3, 1, "raw HTML"),
    ("front matter closed with dots", "---\ntitle: x\nstructured_data: y\n...\n# x\n", 3, 1, "'structured_data'"),
    ("a list for a description", "---\ndescription: ['\"><b>']\n---\n", 2, 1, "one line of text"),
    ("MultiMarkdown settings", "Template: 404.html\nTitle: x\n\n# Page\n", 1, 1, "read as page settings"),
    ("an id the theme uses", "Text.\n{ #__config }\n", 2, 1, "attribute lists"),
    ("a search setting of the wrong kind", "---\nsearch: 1\n---\n", 2, 1, "exclude: true"),
    ("nesting too deep", "# x\n\n" + "*" * 3000 + "deep" + "*" * 3000 + "\n", 3, 1, "in a row"),
    ("a link around brackets", "[a [b] c](javascript:alert(1))\n", 1, 1, "a link to 'javascript:"),
]
# fmt: on


@pytest.mark.parametrize(("what", "text", "line", "column", "words"), PAGES, ids=[row[0] for row in PAGES])
def test_each_hostile_page_is_refused_at_its_line_and_column(what, text, line, column, words):
    problems = page_problems("docs/about.md", text)
    assert problems, what
    first = problems[0]
    assert (first.path, first.line, first.column) == ("docs/about.md", line, column), problems
    assert words in first.message, problems


def test_what_hand_written_pages_need_is_allowed():
    text = (
        "---\ntitle: About\ndescription: Who we are\nhide:\n  - navigation\n---\n# About { #about }\n\n"
        "Read [the FAQ](faq.md#top), the [NHS](https://www.nhs.uk/) or <https://www.nhs.uk/>; mail "
        "[us](mailto:a@b.example) or call [01234](tel:+441234). Q and A, 5 > 3, fish & chips.\n\n"
        "![A diagram](assets/images/a.png)\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```\nplain code\n```\n"
    )
    assert page_problems("docs/about.md", text) == []


def test_the_guides_own_docs_are_fine():
    assert docs_problems(ROOT) == []


# (a file put in docs/, the words of the message)
FILES = [
    ("assets/images/logo.svg", "an SVG file can hold scripts"),
    ("assets/images/upload.js", "the guide publishes no file like this here"),
    ("evil.htm", "the guide publishes no file like this here"),
    ("promo/index.html", "an HTML file is published as it is"),
    ("assets/javascripts/bundle.js", "the guide publishes no file like this here"),  # the theme's folder
    ("es/assets/images/x.html", "an HTML file is published as it is"),
    ("es/admin/index.html", "an HTML file is published as it is"),  # a second web editor, on the same origin
    ("es/admin/steal.js", "the guide publishes no file like this here"),
    ("my page.md", "no spaces or line breaks"),
    ("embed/z\n/*\n  Refresh: 0/index.md", "no spaces or line breaks"),  # a folder name that writes _headers
]


@pytest.mark.parametrize(("path", "words"), FILES, ids=[row[0] for row in FILES])
def test_each_file_the_guide_does_not_publish_is_named(tmp_path: Path, path: str, words: str):
    (tmp_path / "docs" / path).parent.mkdir(parents=True)
    (tmp_path / "docs" / path).write_text("x")
    (tmp_path / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "assets" / "images" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    problems = docs_problems(tmp_path)
    assert [(p.path, p.line) for p in problems][:1] == [(f"docs/{path}", 1)] or (
        problems and problems[0].path.startswith("docs/embed/z")
    ), problems
    assert words in problems[0].message, problems


def test_a_link_to_another_file_is_named(tmp_path: Path):
    """A link in docs/ would make a builder publish whatever it points to, a file of the CI machine too."""
    (tmp_path / "docs" / "assets" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "data" / "leak.json").symlink_to("/etc/hostname")
    problems = docs_problems(tmp_path)
    assert [(p.path, p.line) for p in problems] == [("docs/assets/data/leak.json", 1)], problems
    assert "a link to another file" in problems[0].message
