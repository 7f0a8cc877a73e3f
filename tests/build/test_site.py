"""A real strict build of the guide: every topic page, the search index, edit links, no other origins."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_of_repo, mkdocs_build, start_tags
from guide.validate import load_content

CONTENT = load_content(ROOT)


def test_every_topic_page_is_built_from_its_yaml(built_site: Path):
    for slug, topic in CONTENT.topics.items():
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        assert "<h1 id=" in html and topic.title in html
        descriptions = [attrs["content"] for tag, attrs in start_tags(html) if attrs.get("name") == "description"]
        assert descriptions == [topic.summary], slug


def test_every_topic_is_in_the_navigation():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    in_nav = {list(item.values())[0] for item in config["nav"]}
    assert {f"{slug}.md" for slug in CONTENT.topics} <= in_nav


def test_edit_links_open_the_yaml_a_page_came_from(built_site: Path):
    html = (built_site / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/content/aftercare\.yml"', html)
    calculator = (built_site / "calculator" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/scripts/templates/calculator\.md\.j2"', calculator)


def test_search_index_holds_the_generated_pages(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"{slug}/" for slug in CONTENT.topics} <= locations
    first_stage = CONTENT.topics["aftercare"].timeline[0].label
    assert any(first_stage in doc["title"] for doc in index["docs"])


def test_topic_pages_show_review_dates_references_and_disclaimer(built_site: Path):
    for slug, topic in CONTENT.topics.items():
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        assert "Page last reviewed:" in html and "Next review due:" in html, slug
        if topic.review.status == "editorial":
            assert "clinical review pending" in html, slug
        assert 'id="references"' in html, slug
        assert "This is general information, not medical advice" in html, slug


def test_every_citation_points_at_a_reference_on_the_same_page(built_site: Path):
    for slug in CONTENT.topics:
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        targets = set(re.findall(r'class="cite" href="#(ref-[a-z0-9-]+)"', html)) | set(
            re.findall(r'href="#(ref-[a-z0-9-]+)"', html)
        )
        for target in targets:
            assert f'id="{target}"' in html, f"{slug}: citation #{target} has no reference"


def test_no_page_loads_anything_from_another_origin(built_site: Path):
    loads = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in loads.finditer(html):
            tag = html[match.start() : html.index(">", match.start()) + 1]
            # Links that name a page rather than load it: canonical, and its twins in other languages.
            assert tag.startswith(('<link rel="canonical"', '<link rel="alternate" hreflang=')), f"{page}: {tag}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


GUIDE_ENV = {"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"}


def guide_build(repo: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "guide", "--root", str(repo), "build"]
    return subprocess.run(command, cwd=repo, env=GUIDE_ENV, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    """A copy of the project with its site built by `python -m guide build`, for tests to copy and break."""
    repo = copy_of_repo(tmp_path_factory.mktemp("built"))
    assert guide_build(repo).returncode == 0
    assert list((repo / "site").rglob("*"))
    return repo


def copy_of(repo: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(repo, tmp_path / "repo", symlinks=True))


def test_failed_build_leaves_the_existing_site_untouched(built_once: Path, tmp_path: Path):
    repo = copy_of(built_once, tmp_path)
    before = sorted(p.relative_to(repo / "site") for p in (repo / "site").rglob("*"))

    broken = repo / "content" / "frequency.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = guide_build(repo)
    assert result.returncode != 0
    assert "content/frequency.yml:1:1: titel: unknown field 'titel': did you mean 'title'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(repo / "site") for p in (repo / "site").rglob("*")) == before
    assert not list(repo.glob(".site-*"))


def test_a_failing_mkdocs_step_also_leaves_the_site_untouched(built_once: Path, tmp_path: Path):
    repo = copy_of(built_once, tmp_path)
    before = (repo / "site" / "index.html").read_bytes()

    (repo / "docs" / "index.md").write_text("# Home\n\n[A page that does not exist](missing.md)\n")
    result = guide_build(repo)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert (repo / "site" / "index.html").read_bytes() == before


def test_plain_mkdocs_build_reports_content_problems_without_a_traceback(tmp_path: Path):
    repo = copy_of_repo(tmp_path)
    aftercare = repo / "content" / "aftercare.yml"
    aftercare.write_text(aftercare.read_text(encoding="utf-8") + "\nsummary: again\n", encoding="utf-8")
    result = mkdocs_build(repo, tmp_path / "out")
    assert result.returncode != 0
    assert "content/aftercare.yml:" in result.stderr and "duplicate key: 'summary'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
