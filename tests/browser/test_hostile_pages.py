"""What the content check lets through on purpose (quotes and ampersands are ordinary text) is inert
in a browser, in both builds: a summary written to break out of its attribute into a meta refresh,
and a title full of quotes. Issue 18's fifth way in: Zensical skips the hook that escapes metadata
under MkDocs, so cli.write_markdown escapes it for Zensical too (meta.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser.conftest import open_settled
from conftest import copy_of_repo, mkdocs_build, serve_folder

BREAKOUT = '0;url=https://x.example/" http-equiv="refresh'
TITLE = "Aftercare \"at home\" & 'after'"
SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
ZENSICAL = Path(sys.executable).parent / "zensical"


def build_with(builder: str, repo: Path) -> Path:
    """`mkdocs build`, or the steps of `make build-zensical`: Markdown on disk, Zensical, the output pass."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": SCRIPTS}
    if builder == "mkdocs":
        result = mkdocs_build(repo, repo / "site", env=env)
        assert result.returncode == 0, result.stderr
        return repo / "site"
    out = repo / "build" / "zensical"
    plain = subprocess.run([sys.executable, "-m", "guide.plain", str(out)], cwd=repo, env=env, capture_output=True,
                           text=True)  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    for config in plain.stdout.split():
        result = subprocess.run([ZENSICAL, "build", "--strict", "-f", config], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    checked = subprocess.run([sys.executable, "-m", "guide.boundary", str(out / "site")], cwd=repo, env=env,
                             capture_output=True, text=True)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    return out / "site"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def hostile_site(request, tmp_path_factory) -> str:
    repo = copy_of_repo(tmp_path_factory.mktemp(request.param))
    aftercare = repo / "content" / "aftercare.yml"
    text = aftercare.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: " + repr(TITLE).replace("\\'", "''"), text, count=1, flags=re.M)
    text = re.sub(r"^summary: .*$", f"summary: '{BREAKOUT}'", text, count=1, flags=re.M)
    aftercare.write_text(text, encoding="utf-8")
    server, origin = serve_folder(build_with(request.param, repo))
    yield origin
    server.shutdown()


@pytest.mark.parametrize("path", ["/aftercare/", "/embed/aftercare/"])
def test_a_break_out_summary_and_a_quoted_title_are_inert_in_chromium(browser, hostile_site, path):
    context = browser.new_context()
    page = context.new_page()
    elsewhere, dialogs = [], []
    page.on("request", lambda r: not r.url.startswith((hostile_site, "data:")) and elsewhere.append(r.url))
    page.on("dialog", lambda d: dialogs.append(d.message) or d.dismiss())
    open_settled(page, hostile_site + path)
    assert page.url == hostile_site + path, "the page did not move"
    assert elsewhere == [] and dialogs == []
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    assert page.locator('meta[name="description"]').get_attribute("content") == BREAKOUT
    assert TITLE in page.title()
    if path == "/aftercare/":
        assert page.locator('meta[property="og:title"]').get_attribute("content") == TITLE
    context.close()
