"""The embed views in a real strict build: one per topic page and the planner, content only, kept out
of search, navigation and the sitemap; embed.js small; the snippets the pages show agree with it."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import yaml

from conftest import ROOT
from guide.embed import SANDBOX
from guide.validate import load_content

CONTENT = load_content(ROOT)
EMBEDDED = [*CONTENT.topics, "calculator"]


def test_every_topic_page_and_the_planner_has_an_embed_view(built_site: Path, site_server):
    site_url = site_server[1]
    for slug in EMBEDDED:
        html = (built_site / "embed" / slug / "index.html").read_text(encoding="utf-8")
        full = (built_site / slug / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html, slug
        assert f'<link rel="canonical" href="{site_url}/{slug}/">' in html, slug
        for chrome in ('class="md-header', 'class="md-nav', 'class="md-footer', 'class="md-search', "md-sidebar"):
            assert chrome not in html, (slug, chrome)
        h1 = re.search(r"<h1 [^>]*>.*?</h1>", full, re.S).group(0)
        assert h1 in html, f"{slug}: the embed view shows the same rendered content"
        assert re.search(rf'class="embed-credit">\s*From the <a href="{site_url}/{slug}/" target="_blank"', html), slug
        assert "Page last reviewed" in html and "not medical advice" in html, slug
        assert "embed-this-page" not in html, f"{slug}: no snippets inside the embed itself"


def test_embed_views_load_only_what_they_need(built_site: Path):
    scripts = {}
    for slug in EMBEDDED:
        html = (built_site / "embed" / slug / "index.html").read_text(encoding="utf-8")
        scripts[slug] = re.findall(r'<script[^>]* src="([^"]+)"', html)
        assert "__config" not in html and "bundle." not in html, slug
    frame, clinic, planner = (f"../../assets/js/{name}.js" for name in ("embed-frame", "clinic", "calculator"))
    assert scripts["faq"] == [frame], "no place for a clinic's details: no script for them"
    assert scripts["aftercare"] == [frame, clinic], "the contact-your-clinic card"
    assert scripts["calculator"] == [frame, clinic, planner]


def test_embed_views_are_out_of_search_navigation_and_sitemap(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("embed/")]
    assert not [
        d["location"] for d in index["docs"] if "embed.js" in d["text"] and not d["location"].startswith("clinics/")
    ]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.startswith("<?xml") and "/aftercare/</loc>" in sitemap and "/embed/" not in sitemap
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "embed/aftercare" not in home, "not in the navigation"
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    assert {"For clinics": "clinics.md"} in nav


def test_embed_js_is_small_and_uses_the_same_sandbox_as_the_snippets(built_site: Path):
    script = (built_site / "embed.js").read_bytes()
    assert len(gzip.compress(script)) <= 2048
    assert f"'{SANDBOX}'".encode() in script


def test_every_embeddable_page_shows_both_snippets(built_site: Path, site_server):
    site_url = site_server[1]
    for slug in EMBEDDED:
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        section = html[html.index('<div class="embed-this-page">') :]
        text = re.sub(r"<[^>]+>", "", section).replace("&quot;", '"')
        assert f'<script async src="{site_url}/embed.js" data-page="{slug}"></script>' in text.replace(
            "&lt;", "<"
        ).replace("&gt;", ">"), slug
        assert f'src="{site_url}/embed/{slug}/"' in text and f'sandbox="{SANDBOX}"' in text, slug
        assert 'loading="lazy"' in text and "title=" in text, slug
    clinics = (built_site / "clinics" / "index.html").read_text(encoding="utf-8")
    assert f"{site_url}/embed.js" in clinics and "frame-ancestors" in clinics
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/scripts/templates/clinics\.md\.j2"', clinics)
