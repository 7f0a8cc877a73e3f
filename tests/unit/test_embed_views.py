"""The embed views the renderer makes: same rendered Markdown, new front matter, links to the full guide."""

from __future__ import annotations

import yaml

from conftest import ROOT
from guide.embed import REFERRER_POLICY, SANDBOX, full_page_links, snippets, split_front_matter
from guide.render import render_pages
from guide.validate import load_content

PAGES = render_pages(load_content(ROOT), site_url="https://guide.example/sub/", site_name="Guide")


def test_an_embed_view_is_the_topic_page_under_new_front_matter():
    meta, body = split_front_matter(PAGES["embed/aftercare.md"])
    full_meta, full_body = split_front_matter(PAGES["aftercare.md"])
    assert meta["template"] == "embed.html" and meta["search"] == {"exclude": True}
    assert meta["title"] == full_meta["title"] and meta["full_page"] == "aftercare/"
    assert meta["reviewed"]  # "25 November 2026": shown in the credit line
    assert full_page_links(full_body).startswith(body), "the same rendered text, then the embed section"
    assert "Embed this page" in full_body and "Embed this page" not in body


def test_the_planner_has_an_embed_view_and_a_for_clinics_page():
    assert "data-calc" in PAGES["embed/calculator.md"]
    assert "Embed this page" in PAGES["calculator.md"]
    clinics = PAGES["clinics.md"]
    assert '<script async src="https://guide.example/sub/embed.js" data-page="aftercare"></script>' in clinics
    assert "`calculator`" in clinics and "frame-ancestors" in clinics


def test_links_to_other_pages_point_one_folder_up():
    text = "[a](aftercare.md) [b](calculator.md#by-hand) [c](#ref-x) [d](https://x.org/a.md) [e](../x.md)"
    assert full_page_links(text) == (
        "[a](../aftercare.md) [b](../calculator.md#by-hand) [c](#ref-x) [d](https://x.org/a.md) [e](../x.md)"
    )


def test_snippets_escape_the_title_and_share_the_sandbox_and_referrer_policy():
    shown = snippets("faq", 'Questions & "answers"', site_url="https://g.example/", site_name="Guide")
    assert shown["script"] == '<script async src="https://g.example/embed.js" data-page="faq"></script>'
    assert 'title="Questions &amp; &quot;answers&quot; - Guide"' in shown["iframe"]
    assert f'sandbox="{SANDBOX}"' in shown["iframe"] and 'loading="lazy"' in shown["iframe"]
    assert f'referrerpolicy="{REFERRER_POLICY}"' in shown["iframe"]


def test_embed_front_matter_is_yaml_that_mkdocs_reads():
    for name, text in PAGES.items():
        if name.startswith("embed/"):
            assert yaml.safe_load(text.split("---\n")[1])["template"] == "embed.html"


def test_a_clinics_details_have_a_place_only_where_the_guide_says_contact_your_clinic():
    """The hidden box clinic.js fills: in the contact-your-clinic card and the planner's plan, and on the
    aftercare sheet (at the top, and in its card); nowhere else, and never inside the other cards."""
    for name, count in {
        "embed/risks.md": 1,
        "embed/aftercare.md": 1,
        "embed/calculator.md": 1,
        "embed/faq.md": 0,
    }.items():
        assert PAGES[name].count('class="clinic-contact"') == count, name
    risks = PAGES["embed/risks.md"]
    card = risks[risks.index('<div class="care-card care-card--contact-clinic"') :]
    assert card.index('class="clinic-contact"') < card.index('<div class="care-card care-card--urgent"')
    sheet = PAGES["aftercare-sheet.md"]
    assert sheet.count('class="clinic-contact"') == 2 and "\nmodule: aftercare-sheet" in sheet
    assert 'data-from-day="0"' in sheet, "each step's days, for its dates"
    clinics = PAGES["clinics.md"]
    assert "\nmodule: clinic-kit" in clinics and "data-kit" in clinics
    assert 'data-site="https://guide.example/sub/"' in clinics


def test_a_plain_iframe_carries_a_clinics_details_after_its_hash():
    shown = snippets(
        "faq",
        "Questions",
        site_url="https://g.example/",
        site_name="G",
        query="theme=dark",
        fragment="clinic-name=Glow%20Skin",
        lang="es",
    )
    assert shown["iframe"].startswith(
        '<iframe src="https://g.example/es/embed/faq/?theme=dark#clinic-name=Glow%20Skin"'
    )
