"""The Spanish edition in the real build: every page has its twin in the other language, linked both
ways for readers and for search engines, in the edition's language, saying what its translation is.
(scripts/guide/editions.py, overrides/partials/editions*.html, README.md "Languages".)"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, copy_of_repo, link_target, mkdocs_build, start_tags
from guide.render import strings
from guide.validate import load_content


@pytest.fixture(scope="module")
def site_url(built_site: Path, site_server) -> str:
    """The address the built site was made for (its site_url): the loopback server's."""
    return site_server[1] + "/"


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def reader_pages(site: Path) -> list[str]:
    """Pages of one edition a reader reaches, as paths from its root ("aftercare/index.html")."""
    skip = ("embed", "admin", "es", "search", "assets")
    return sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if page.relative_to(site).parts[0] not in skip or page.parent == site
    )


def html_lang(html: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", html).group(1)


def alternates(html: str) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for tag, a in start_tags(html) if tag == "link" and a.get("rel") == "alternate"}


def edition_links(html: str) -> list[dict]:
    nav = re.search(r'<nav class="edition-links".*?</nav>', html, re.DOTALL)
    return [a for tag, a in start_tags(nav.group(0)) if tag == "a"] if nav else []


def test_every_page_has_a_twin_in_the_other_language(built_site: Path):
    english, spanish = reader_pages(built_site), reader_pages(built_site / "es")
    assert len(english) > 15
    assert english == spanish


def test_every_page_links_to_its_twin_both_ways(built_site: Path):
    for path in reader_pages(built_site):
        for page, other, lang in (
            (built_site / path, built_site / "es" / path, "es"),
            (built_site / "es" / path, built_site / path, "en"),
        ):
            html = page.read_text(encoding="utf-8")
            links = edition_links(html)
            assert [a["hreflang"] for a in links] == [lang], page
            assert link_target(built_site, page, links[0]["href"]) == (other, ""), page


def test_every_page_names_its_twins_for_search_engines(built_site: Path, site_url: str):
    for path in reader_pages(built_site):
        address = path.removesuffix("index.html")
        expected = {"en": site_url + address, "es": site_url + "es/" + address, "x-default": site_url + address}
        assert alternates((built_site / path).read_text(encoding="utf-8")) == expected, path
        assert alternates((built_site / "es" / path).read_text(encoding="utf-8")) == expected, "es/" + path


def test_each_sitemap_lists_each_page_with_its_twins(built_site: Path, site_url: str):
    for sitemap, prefix in ((built_site / "sitemap.xml", ""), (built_site / "es" / "sitemap.xml", "es/")):
        urls = ElementTree.parse(sitemap).getroot().findall("s:url", SITEMAP)
        assert len(urls) == len(reader_pages(built_site)), sitemap
        for url in urls:
            loc = url.find("s:loc", SITEMAP).text
            address = loc.removeprefix(site_url + prefix)
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
            assert links == {
                "en": site_url + address,
                "es": site_url + "es/" + address,
                "x-default": site_url + address,
            }


def test_spanish_pages_are_spanish_through_and_through(built_site: Path):
    for path in reader_pages(built_site):
        html = (built_site / "es" / path).read_text(encoding="utf-8")
        assert html_lang(html) == "es", path
        assert '<meta property="og:locale" content="es_ES">' in html, path
        assert "general information, not medical advice" not in html, path
        assert "información general, no un consejo médico" in html, path
    risks = (built_site / "es" / "risks" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', risks).group(1))
    assert data["inLanguage"] == "es" and data["name"] == load_content(ROOT).translations["es"].topics["risks"].title
    assert "reviewedBy" not in data and "lastReviewed" not in data  # the review was of the English words
    assert 'title="Cambiar al modo oscuro"' in risks and "Switch to" not in risks
    assert 'placeholder="Búsqueda"' in risks  # Material's own interface
    assert f'title="{strings("es")["theme"]["permalink_title"]}"' in risks
    english = (built_site / "risks" / "index.html").read_text(encoding="utf-8")
    assert html_lang(english) == "en" and '<meta property="og:locale" content="en_GB">' in english


def test_a_spanish_page_keeps_the_english_section_anchors(built_site: Path):
    """Links like risks.md#reporting-a-problem work in every language."""
    english = (built_site / "risks" / "index.html").read_text(encoding="utf-8")
    spanish = (built_site / "es" / "risks" / "index.html").read_text(encoding="utf-8")
    ids = lambda html: [a["id"] for tag, a in start_tags(html) if re.fullmatch(r"h[2-6]", tag) and "id" in a]  # noqa: E731
    assert "reporting-a-problem" in ids(english)
    assert ids(spanish) == ids(english)


def test_spanish_pages_say_what_their_translation_is_and_english_pages_do_not(built_site: Path):
    for path in reader_pages(built_site):
        assert "translation-note" not in (built_site / path).read_text(encoding="utf-8"), path
        spanish = (built_site / "es" / path).read_text(encoding="utf-8")
        assert "con ayuda de una máquina" in spanish, path
        assert "translation-note--stale" not in spanish, path  # every translation follows today's English


def test_spanish_embed_views_and_snippets(built_site: Path, site_url: str):
    view = (built_site / "es" / "embed" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert html_lang(view) == "es" and "con ayuda de una máquina" in view and "Fuente:" in view
    page = (built_site / "es" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert f'src="{site_url}embed.js" data-lang="es" data-page="aftercare"' in page.replace("&quot;", '"')
    assert f"{site_url}es/embed/aftercare/" in page
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    rule = headers.split("\n/es/embed/aftercare/\n", 1)[1].split("\n", 1)[0]
    assert rule.endswith("frame-ancestors *")
    assert not (built_site / "es" / "_headers").exists()


def test_a_changed_english_page_makes_its_spanish_twin_say_so(tmp_path: Path):
    """The English words change, the Spanish do not: the Spanish page tells its readers, in Spanish."""
    repo = copy_of_repo(tmp_path)
    path = repo / "content" / "aftercare.yml"
    text = path.read_text(encoding="utf-8")
    title = yaml_load(text)["title"]
    path.write_text(text.replace(f"title: {title}", f"title: {title} at home, step by step", 1), encoding="utf-8")
    about = repo / "docs" / "about.md"  # a hand-written page (translate.page_translation)
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr
    stale = (site / "es" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "translation-note--stale" in stale and "La página en inglés ha cambiado" in stale
    assert "translation-note--stale" not in (site / "es" / "faq" / "index.html").read_text(encoding="utf-8")
    assert "translation-note--stale" in (site / "es" / "about" / "index.html").read_text(encoding="utf-8")
    assert "translation-note--stale" not in (site / "es" / "index.html").read_text(encoding="utf-8")


def test_a_changed_page_of_care_cards_makes_every_spanish_page_showing_them_say_so(tmp_path: Path):
    """The aftercare page and sheet show the care cards of content/risks.yml: they follow it too."""
    repo = copy_of_repo(tmp_path)
    path = repo / "content" / "risks.yml"
    card = yaml_load(path.read_text(encoding="utf-8"))["care_cards"][0]["items"][0]
    path.write_text(path.read_text(encoding="utf-8").replace(card, card + " or worse", 1), encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(repo, site).returncode == 0
    stale = strings("es")["theme"]["translation"]["stale"]
    for page in ("risks", "aftercare", "aftercare-sheet", "embed/aftercare", "calculator"):
        shown = (site / "es" / page / "index.html").read_text(encoding="utf-8")
        assert (stale in shown) is (page != "calculator"), page  # the planner's aftercare has no care cards
    assert "translation-note--stale" not in (site / "es" / "faq" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "header",
    [
        "",  # no header: the page would have no notice
        'translation: {status: reviewed, reviewed_by: "Clinical review complete"}',  # no source: unchecked
        'translation: {source: "not-a-hash", status: machine-assisted}',
        'translation: {source: "000000000000", status: reviewed, reviewed_by: "<img src=x onerror=alert(1)>"}',
    ],
    ids=["missing", "no-source", "bad-source", "markup-as-reviewer"],
)
def test_a_hand_written_spanish_page_without_a_valid_header_stops_the_build(tmp_path: Path, header: str):
    repo = copy_of_repo(tmp_path)
    about = repo / "docs" / "es" / "about.md"
    text = re.sub(r"^translation: .*\n", header + "\n" if header else "", about.read_text(encoding="utf-8"), flags=re.M)
    about.write_text(text, encoding="utf-8")
    result = mkdocs_build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/es/about.md: its translation header is missing or not valid" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("broken", ["mkdocs.es.yml"])
def test_a_broken_spanish_edition_fails_the_whole_build(tmp_path: Path, broken: str):
    repo = copy_of_repo(tmp_path)
    config = repo / broken
    config.write_text(config.read_text(encoding="utf-8").replace("faq.md", "no-such-page.md"), encoding="utf-8")
    result = mkdocs_build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "Español edition (mkdocs.es.yml) did not build" in result.stderr
    assert "no-such-page.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_two_navigations_list_the_same_pages_in_the_same_order():
    def files(config: Path) -> list[str]:
        with config.open(encoding="utf-8") as f:
            return [next(iter(item.values())) for item in yaml_load(f)["nav"]]

    assert files(ROOT / "mkdocs.es.yml") == files(ROOT / "mkdocs.yml")
