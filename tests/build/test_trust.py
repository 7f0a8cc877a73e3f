"""Trust signals in the built site: structured data, evidence labels, references, glossary tooltips, review trail.

(That every citation reaches a reference on its page is tested in test_site.py.)
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT
from guide.model import EVIDENCE_LEVELS
from guide.render import long_date, strings
from guide.validate import load_content

CONTENT = load_content(ROOT)


class _Page(HTMLParser):
    """The parts of a built page these tests read: JSON-LD, meta tags, abbreviations."""

    def __init__(self, html: str):
        super().__init__()
        self.json_ld, self.meta, self.abbrs = [], {}, {}
        self._in_json_ld = self._abbr = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = ""
        if tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "abbr":
            self._abbr = attrs.get("title")

    def handle_data(self, data):
        if self._in_json_ld is not None:
            self._in_json_ld += data
        if self._abbr is not None:
            self.abbrs[data] = self._abbr

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld is not None:
            self.json_ld.append(json.loads(self._in_json_ld))
            self._in_json_ld = None
        if tag == "abbr":
            self._abbr = None


def page(site: Path, slug: str) -> _Page:
    return _Page((site / slug / "index.html").read_text(encoding="utf-8"))


def test_every_topic_page_has_medical_web_page_data_from_its_yaml(built_site: Path):
    for slug, topic in CONTENT.topics.items():
        [data] = page(built_site, slug).json_ld
        assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
        assert data["name"] == topic.title and data["description"] == topic.summary
        assert data["lastReviewed"] == topic.review.last_reviewed.isoformat()
        assert data["reviewedBy"]["name"] == topic.review.reviewed_by
        assert data["about"]["@type"] == "MedicalProcedure" and data["about"]["name"] == "Microneedling"


def test_the_procedure_page_describes_preparation_procedure_and_followup(built_site: Path):
    [data] = page(built_site, "procedure").json_ld
    stages = {stage.part: stage for stage in CONTENT.topics["procedure"].stages}
    for part, field in (("before", "preparation"), ("during", "howPerformed"), ("after", "followup")):
        assert stages[part].steps[0].title in data["about"][field]


def test_meta_description_and_open_graph_on_every_topic_page(built_site: Path):
    for slug, topic in CONTENT.topics.items():
        meta = page(built_site, slug).meta
        assert meta["description"] == topic.summary
        assert meta["og:title"] == topic.title and meta["og:description"] == topic.summary
        assert meta["og:url"].endswith(f"/{slug}/")


def test_references_show_doi_and_pubmed_links(built_site: Path):
    html = (built_site / "benefits" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://doi.org/10.1001/jamadermatol.2013.8687"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/24919799/"' in html


def test_each_benefit_shows_an_allowed_evidence_label_explained_in_one_place(built_site: Path):
    html = (built_site / "benefits" / "index.html").read_text(encoding="utf-8")
    badges = re.findall(r'class="evidence evidence--([a-z]+)">Evidence: ([a-z]+)<', html)
    indications = CONTENT.topics["benefits"].indications
    assert [level for level, _ in badges] == [item.evidence for item in indications]
    assert {level for level, _ in badges} <= set(EVIDENCE_LEVELS)
    assert 'id="evidence-labels"' in html
    for meaning in strings("en")["evidence"]["meanings"].values():
        assert html.count(meaning) == 1


def test_glossary_words_show_their_meaning_as_tooltips(built_site: Path):
    shown = {}
    for slug in CONTENT.topics:
        shown.update(page(built_site, slug).abbrs)
    for term in CONTENT.glossary:
        for word in (term.term, *term.also):
            if word in shown:
                assert shown[word] == term.definition
    assert {"collagen", "isotretinoin", "granulomatous", "PRP"} <= set(shown)
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert all(term.definition in glossary for term in CONTENT.glossary)


def test_review_trail_with_change_log_on_every_topic_page(built_site: Path):
    for slug, topic in CONTENT.topics.items():
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        assert long_date(topic.review.next_review_due) in html
        text = unescape(re.sub(r"<[^>]+>", "", html))  # glossary words in a summary become tooltips
        for change in topic.review.changes:
            assert f"{long_date(change.date)}: {change.summary}" in text


def test_care_cards_on_aftercare_and_risks_in_three_levels(built_site: Path):
    for slug in ("aftercare", "risks", "aftercare-sheet"):
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        for level in ("contact-clinic", "urgent", "emergency"):
            assert re.search(rf'class="care-card care-card--{level}">\s*<h3', html), f"{slug}: {level}"


def test_the_aftercare_sheet_and_the_planner_say_clinical_review_is_pending(built_site: Path):
    pending = "(editorial review; clinical review pending)"
    for slug, source in (("aftercare-sheet", "aftercare"), ("calculator", "frequency")):
        html = (built_site / slug / "index.html").read_text(encoding="utf-8")
        review = CONTENT.topics[source].review
        assert f"{review.reviewed_by} {pending}" in html if review.status == "editorial" else pending not in html, slug


def test_pages_without_a_review_record_say_no_clinician_has_reviewed_them(built_site: Path):
    """The glossary and For clinics carry no review record of their own: the disclaimer says so, in
    each edition's words; a topic page, which has its own, does not say it twice."""
    for lang, folder in (("en", built_site), ("es", built_site / "es")):
        unreviewed = strings(lang)["theme"]["disclaimer"]["unreviewed"]
        for slug in ("glossary", "clinics"):
            assert unreviewed in (folder / slug / "index.html").read_text(encoding="utf-8"), (lang, slug)
        assert unreviewed not in (folder / "aftercare" / "index.html").read_text(encoding="utf-8"), lang


def test_each_editions_risks_page_links_to_its_own_countries_reporting_pages(built_site: Path):
    """The country list (content/risks.yml reporting) reaches the built HTML of both editions, each with its own."""
    regulators = CONTENT.topics["risks"].reporting.regulators
    for lang, folder in (("en", built_site), ("es", built_site / "es")):
        html = (folder / "risks" / "index.html").read_text(encoding="utf-8")
        html = html.split('id="reporting-a-problem"', 1)[1].split("<h2", 1)[0]  # the section, not the references
        for regulator in regulators:
            assert (f'href="{regulator.url.replace("&", "&amp;")}"' in html) is (lang in regulator.editions), (
                regulator.id
            )
