"""Hostile edits the content check lets through on purpose (quotes and ampersands are ordinary
text), built into a real site: they render inert. And a template mistake that would ship markup
fails the build (the output pass, guide/boundary.py with the content allow-list of guide/html_check.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_of_repo, mkdocs_build, start_tags
from guide.html_check import unexpected_markup

TITLE = "Aftercare \"at home\" & 'after'"
BREAKOUT = 'x" http-equiv="refresh" content="0;url=https://evil.example'


def build(repo: Path) -> subprocess.CompletedProcess:
    return mkdocs_build(repo, repo / "out", env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def replace_first(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, lambda _: new, text, count=1, flags=re.M)
    assert changed != text, f"{pattern!r} not found in {path}"
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    repo = copy_of_repo(tmp_path_factory.mktemp("hostile"))
    aftercare = repo / "content" / "aftercare.yml"
    replace_first(aftercare, r"^title: .*$", "title: " + repr(TITLE).replace("\\'", "''"))
    replace_first(aftercare, r"^summary: .*$", f"summary: '{BREAKOUT}'")
    result = build(repo)
    assert result.returncode == 0, result.stderr
    return repo / "out"


@pytest.mark.parametrize("page", ["aftercare", "embed/aftercare"])
def test_a_summary_cannot_break_out_of_its_attribute(hostile_site: Path, page: str):
    tags = start_tags((hostile_site / page / "index.html").read_text(encoding="utf-8"))
    metas = [attrs for tag, attrs in tags if tag == "meta"]
    assert [m["content"] for m in metas if m.get("name") == "description"] == [BREAKOUT]
    assert not [m for m in metas if (m.get("http-equiv") or "").lower() == "refresh"]
    assert [m["content"] for m in metas if m.get("property") == "og:description"] == (
        [BREAKOUT] if page == "aftercare" else []
    )


@pytest.mark.parametrize("page", ["aftercare", "embed/aftercare"])
def test_a_title_with_quotes_and_ampersands_is_shown_as_written(hostile_site: Path, page: str):
    html = (hostile_site / page / "index.html").read_text(encoding="utf-8")
    escaped = "Aftercare &#34;at home&#34; &amp; &#39;after&#39;"
    assert f"<title>{escaped} - " in html
    if page == "aftercare":
        assert re.search(rf'<span class="md-ellipsis">\s*{re.escape(escaped)}\s*</span>', html), "header title"
        assert [a["content"] for t, a in start_tags(html) if a.get("property") == "og:title"] == [TITLE]
    else:
        assert re.search(rf"Microneedling guide: {re.escape(escaped)}<span", html), "credit line"


def test_a_template_that_would_ship_markup_fails_the_build(tmp_path: Path):
    repo = copy_of_repo(tmp_path)
    template = repo / "scripts" / "templates" / "kinds" / "aftercare.md.j2"
    template.write_text('<img src="x" onerror="alert(1)">\n\n' + template.read_text(encoding="utf-8"))
    result = build(repo)
    assert result.returncode != 0
    assert 'aftercare/index.html: an event handler (onerror) runs script (<img src="x" onerror="alert(1)">)' in (
        result.stderr
    )
    assert not (repo / "out").exists() or not list((repo / "out").iterdir()), "nothing unchecked is left to publish"


# fmt: off
UNSAFE = [
    ('<p><img src="x" onerror="alert(1)"></p>', "img"),
    ('<a href="javascript:alert(1)">x</a>', 'href="javascript:alert(1)"'),
    ('<a href="https://x.example" onclick="alert(1)">x</a>', "onclick"),
    ('<abbr title="&lt;img src=x onerror=alert(1)&gt;">PRP</abbr>', "title="),
    ('<p style="background:url(https://x.example/t.png)">x</p>', "style"),
    ('<iframe src="https://x.example"></iframe>', "iframe"),
    ("<script>alert(1)</script>", "script"),
    ('<form action="https://x.example"><input name="q"></form>', "action"),
    ('<svg><image href="https://x.example/t.png"/></svg>', "image"),
]
# fmt: on


@pytest.mark.parametrize(("html", "named"), UNSAFE, ids=[row[1] for row in UNSAFE])
def test_the_html_check_names_what_it_does_not_allow(html: str, named: str):
    found = unexpected_markup(html)
    assert found and any(named in item for item in found), found


def test_the_html_check_passes_what_the_templates_make():
    html = (
        '<h2 id="why">Why</h2><p>See <a href="../aftercare/#day-1">day 1</a> and '
        '<a href="https://www.nhs.uk/" target="_blank" rel="noopener">NHS</a>. <abbr title="Platelet-rich plasma">'
        'PRP</abbr></p><div class="care-card" markdown="1" data-level="urgent" aria-label="x"><ul><li>y</li></ul></div>'
    )
    assert unexpected_markup(html.replace(' markdown="1"', "")) == []


def test_the_html_check_refuses_a_comment_that_browsers_close_early():
    found = unexpected_markup('<p>x</p><!--><meta http-equiv="refresh" content="0;url=https://x.example">-->')
    assert any("an HTML comment" in item for item in found), found
    assert any("<meta> is not allowed" in item for item in found), found
