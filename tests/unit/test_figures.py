"""The figures (scripts/guide/figures.py): inline SVG drawn from the YAML, named and described for screen
readers, escaped, within the HTML allow-list, and passed through Markdown unchanged."""

from __future__ import annotations

import re
import shutil

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from conftest import ROOT, ContentCopy, start_tags
from guide.figures import aftercare_timeline, depth_text, evidence_overview, needle_depths
from guide.html_check import unexpected_markup
from guide.model import EVIDENCE_LEVELS, Indication, NeedleDepth, TimelineStage
from guide.render import render_pages, strings
from guide.validate import load_content

EN = strings("en")
FIGURE = re.compile(r"<figure class=\"guide-figure\"[^>]*>\n.*?\n</figure>", re.DOTALL)


@pytest.fixture
def real(tmp_path) -> ContentCopy:
    """A copy of the guide's own content/, so a test can change a value and see the figure change."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return ContentCopy(tmp_path)


def figures(page: str) -> list[str]:
    return FIGURE.findall(page)


def desc(figure: str) -> str:
    return re.search(r"<desc [^>]*>(.*?)</desc>", figure).group(1)


def test_the_aftercare_timeline_is_drawn_from_the_stages(minimal):
    before = figures(render_pages(load_content(minimal.root))["aftercare.md"])
    minimal.replace("aftercare.yml", "to_day: 0", "to_day: 2")
    page = render_pages(load_content(minimal.root))["aftercare.md"]
    [after] = figures(page)
    assert before != [after]
    assert "The first 24 hours: days 0 to 2." in desc(after)
    assert "- [The first 24 hours](#first-day): days 0 to 2" in page  # the same fact in text beside it
    assert page.index(after) < page.index("### The first 24 hours")


def test_the_timeline_bar_covers_the_stage_days():
    stages = [
        TimelineStage(id="a", label="First", from_day=0, to_day=0),
        TimelineStage(id="b", label="Then", from_day=1, to_day=13),
    ]
    bars = [attrs for tag, attrs in start_tags(aftercare_timeline(stages, EN)) if tag == "rect"]
    first, then = (float(bar["width"]) for bar in bars)
    assert then == pytest.approx(first * 13, rel=0.01)  # widths in whole days: 1 day, then 13
    assert float(bars[1]["x"]) == pytest.approx(float(bars[0]["x"]) + first, abs=0.1)


def test_needle_depths_come_from_the_yaml_and_show_in_a_table_too(real):
    page = render_pages(load_content(real.root))["what-is-microneedling.md"]
    [figure] = figures(page)
    assert "Scalp, in hair loss studies: 0.5 to 2.5 mm." in desc(figure)
    assert re.search(r"\| Scalp, in hair loss studies \| 0\.5 to 2\.5 mm \| \[\[\d+\]\]\(#ref-english-2022\)", page)
    assert "| Home rollers, usually | under 0.5 mm |" in page
    assert "| Longest clinic needles | up to 3 mm |" in page

    real.replace("what-is-microneedling.yml", "    max_mm: 2.5\n", "    max_mm: 2\n")
    changed = render_pages(load_content(real.root))["what-is-microneedling.md"]
    [redrawn] = figures(changed)
    assert redrawn != figure
    assert "Scalp, in hair loss studies: 0.5 to 2 mm." in desc(redrawn)
    assert "| Scalp, in hair loss studies | 0.5 to 2 mm |" in changed


def test_the_evidence_overview_marks_each_concern_with_its_label(real):
    content = load_content(real.root)
    [figure] = figures(render_pages(content)["benefits.md"])
    indications = content.topics["benefits"].indications
    for level in EVIDENCE_LEVELS:
        names = [item.name for item in indications if item.evidence == level]
        assert (f"{level.capitalize()}: {'; '.join(names)}." in desc(figure)) == bool(names)
    first = indications[0]
    assert f"- [{first.name}](#{first.id}) (evidence: {first.evidence})" in render_pages(content)["benefits.md"]

    other = next(level for level in EVIDENCE_LEVELS if level != first.evidence)
    real.replace("benefits.yml", f"    evidence: {first.evidence}\n", f"    evidence: {other}\n")
    [redrawn] = figures(render_pages(load_content(real.root))["benefits.md"])
    assert redrawn != figure
    assert re.search(rf"{other.capitalize()}: {re.escape(first.name)}[;.]", desc(redrawn))
    row = redrawn.split(f">{first.name}</text>", 1)[1]
    marked = [a["class"] for tag, a in start_tags(row) if tag == "rect" and "fig-cell--" in a["class"]]
    assert marked[0] == f"fig-cell fig-cell--{other}"


def test_every_evidence_label_has_a_colour_in_the_figure():
    css = (ROOT / "docs" / "assets" / "css" / "guide.css").read_text(encoding="utf-8")
    for level in EVIDENCE_LEVELS:
        assert f".guide-figure .fig-cell--{level} {{ fill:" in css, f"guide.css has no colour for '{level}' figures"


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ({"min_mm": 0.5, "max_mm": 2.5}, "0.5 to 2.5 mm"),
        ({"min_mm": 1.5, "max_mm": 1.5}, "1.5 mm"),
        ({"max_mm": 0.5, "upper_limit": "under"}, "under 0.5 mm"),
        ({"max_mm": 3, "upper_limit": "up to"}, "up to 3 mm"),
    ],
)
def test_a_depth_reads_as_its_source_gives_it(text, reading):
    assert depth_text(NeedleDepth(use="Face", cites=["dermnet-2022"], **text), EN) == reading


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ({"min_mm": 2.5, "max_mm": 0.5}, "must not be more than max_mm"),
        ({"max_mm": 0.5}, "give min_mm, or upper_limit"),
        ({"min_mm": 0.1, "max_mm": 0.5, "upper_limit": "under"}, "not both"),
        ({"min_mm": "0.5", "max_mm": 1}, "valid number"),
        ({"min_mm": 0.5, "max_mm": 50}, "less than or equal to 5"),
    ],
)
def test_a_depth_that_cannot_be_read_one_way_is_refused(text, message):
    with pytest.raises(ValidationError, match=message):
        NeedleDepth(use="Face", cites=["dermnet-2022"], **text)


@pytest.mark.parametrize("name", ["aftercare.md", "benefits.md", "what-is-microneedling.md"])
def test_each_figure_is_named_described_and_allowed(name):
    page = render_pages(load_content(ROOT))[name]
    [figure] = figures(page)
    tags = start_tags(figure)
    svg = tags[1][1]
    assert tags[1][0] == "svg" and svg["role"] == "img" and svg["viewbox"].startswith("0 0 320 ")
    title, description = (attrs["id"] for tag, attrs in tags if tag in ("title", "desc"))
    assert (svg["aria-labelledby"], svg["aria-describedby"]) == (title, description)
    ids = re.findall(r'\bid="([^"]+)"', page) + re.findall(r"\{ #([a-z0-9-]+) \}", page)
    assert ids.count(title) == ids.count(description) == 1
    assert desc(figure).strip()
    assert unexpected_markup(figure) == []
    assert {tag for tag, _ in tags} <= {"figure", "svg", "title", "desc", "line", "rect", "text"}
    assert not any(name == "style" or name.startswith("on") or "href" in name for _, a in tags for name in a)


def test_markdown_passes_the_figures_through_unchanged():
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    for name in ("aftercare.md", "benefits.md", "what-is-microneedling.md"):
        page = render_pages(load_content(ROOT))[name].split("\n---\n", 1)[1]
        html = markdown.Markdown(extensions=names, extension_configs=settings).convert(page)
        for figure in figures(page):
            assert figure in html, f"{name}: Markdown changed the figure"


def test_words_from_the_yaml_are_escaped_inside_the_svg():
    hostile = 'Scars & "marks" <script>alert(1)</script>'
    indication = Indication.model_construct(id="x", name=hostile, evidence="some", summary="s", cites=["a"])
    depth = NeedleDepth.model_construct(use=hostile, min_mm=0.5, max_mm=1.0, upper_limit=None, cites=["a"])
    stage = TimelineStage.model_construct(id="x", label=hostile, from_day=0, to_day=1)
    drawn = [
        evidence_overview([indication], EVIDENCE_LEVELS, EN),
        needle_depths([depth], EN),
        aftercare_timeline([stage], EN),
    ]
    for figure in drawn:
        assert "<script>" not in figure
        assert "Scars &amp; &quot;marks&quot; &lt;script&gt;" in figure
        assert unexpected_markup(figure) == []


def test_long_labels_wrap_inside_the_drawing():
    label = "A stage with a very long name that would run off the right edge"
    drawn = aftercare_timeline([TimelineStage(id="x", label=label, from_day=30, to_day=40)], EN)
    lines = [a for tag, a in start_tags(drawn) if tag == "text" and "text-anchor" not in a]
    assert len(lines) >= 2 and {a["x"] for a in lines} == {"8"}  # from the left edge, wrapped, inside the viewBox
