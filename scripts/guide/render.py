"""Turn checked content into Markdown pages: a pure function of the content (no files written, no clock).

Each topic page is `templates/topic.md.j2`; a page whose content file has a special kind adds
`templates/kinds/<file name>.md.j2` (for example `kinds/aftercare.md.j2` for content/aftercare.yml).
With frequency.yml and aftercare.yml present, the session planner's page (`templates/calculator.md.j2`)
and its data (`assets/data/plan.json`, read by docs/assets/js/calculator.js) come from them too.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .embed import CLINICS_SOURCE, embed_views
from .figures import days_text, depth_text, page_figures
from .model import EVIDENCE_LEVELS, CareCard, ProcedureTopic, Reference, Term, Topic
from .pages import AFTERCARE_SHEET, CALCULATOR, CLINICS, GLOSSARY, PLAN_DATA
from .validate import Content

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STRINGS = TEMPLATES / "strings"  # the interface text, one file per language: en.yml, es.yml
_CITE = re.compile(r"⟦cite:([a-z0-9-]+)⟧")
_REFERENCES = "⟦references⟧"


def render_pages(
    content: Content,
    *,
    site_url: str = "https://guide.example/",
    site_name: str = "Microneedling guide",
    lang: str = "en",
) -> dict[str, str]:
    """Every generated file, as {path in the docs folder: text}. site_url and site_name (from
    mkdocs.yml) go into the embed snippets clinics copy; see embed.py. lang chooses the interface
    text (templates/strings/<lang>.yml); the content's words are the caller's choice."""
    env = _environment(lang)
    pages = {f"{slug}.md": _render_topic(env, content, slug) for slug in content.topics}
    if "aftercare" in content.topics:
        aftercare = content.topics["aftercare"]
        pages[AFTERCARE_SHEET] = env.get_template("aftercare-sheet.md.j2").render(
            topic=aftercare, care_cards=_care_cards(content, aftercare)
        )
    if content.glossary:
        pages[GLOSSARY] = env.get_template("glossary.md.j2").render(terms=content.glossary)
    if "frequency" in content.topics and "aftercare" in content.topics:
        pages[PLAN_DATA] = json.dumps(plan_data(content), ensure_ascii=False, indent=1) + "\n"
        pages[CALCULATOR] = env.get_template("calculator.md.j2").render(
            frequency=content.topics["frequency"], aftercare=content.topics["aftercare"]
        )
    reviewed = {slug: long_date(topic.review.last_reviewed, lang) for slug, topic in content.topics.items()}
    concerns = []
    if CALCULATOR in pages:  # the planner's numbers, and so its review, come from frequency.yml
        reviewed["calculator"] = reviewed["frequency"]
        concerns = [(c.id, c.name) for c in content.topics["frequency"].concerns]
    pages.update(embed_views(env, pages, reviewed, concerns, site_url=site_url, site_name=site_name))
    return pages


def page_sources(content: Content) -> dict[str, str]:
    """The file an editor changes for each generated page: its YAML, or the template holding its words."""
    sources = {f"{slug}.md": path for slug, path in content.sources.items()}
    sources[CALCULATOR] = "scripts/templates/calculator.md.j2"  # its numbers come from content/frequency.yml
    sources[CLINICS] = CLINICS_SOURCE
    sources[GLOSSARY] = "content/glossary.yml"
    if "aftercare" in content.sources:
        sources[AFTERCARE_SHEET] = content.sources["aftercare"]
    return sources


def plan_data(content: Content) -> dict:
    """What the interval calculator needs, taken from frequency.yml and aftercare.yml (never retyped).

    A concern whose aftercare differs (its `aftercare_area`, such as the scalp) also gets that area's
    note and, if the area adds items to stages, its own copy of the stages with them added. Fitting the stages to the
    gap before the next session is the planner's rule (`aftercareDates` in plan-dates.js): only it
    knows the dates.
    """
    frequency, aftercare = content.topics["frequency"], content.topics["aftercare"]
    areas = {area.id: area for area in aftercare.areas}

    def stages(steps=()) -> list[dict]:
        def items(stage, kind: str) -> list[str]:
            extra = [item for step in steps if step.stage == stage.id for item in getattr(step, kind)]
            return [plain_text(item) for item in [*getattr(stage, kind), *extra]]

        return [
            {
                "id": stage.id,
                "label": plain_text(stage.label),
                "from_day": stage.from_day,
                "to_day": stage.to_day,
                "do": items(stage, "do"),
                "avoid": items(stage, "avoid"),
            }
            for stage in aftercare.timeline
        ]

    concerns = []
    for concern in frequency.concerns:
        data = concern.model_dump(include={"id", "name", "sessions", "interval_weeks"})
        area = areas.get(concern.aftercare_area or "")
        if area:
            data["aftercare_note"] = {"heading": plain_text(area.heading), "text": plain_text(area.body)}
        if area and area.stages:
            data["aftercare"] = stages(area.stages)
        concerns.append(data)
    return {"default_concern": frequency.default_concern, "concerns": concerns, "aftercare": stages()}


_MD_LINK_TEXT = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|\*)(\S(?:.*?\S)?)\1")


def plain_text(markdown: str) -> str:
    """Markdown text without link targets or emphasis marks, for places that show plain text."""
    return _MD_EMPHASIS.sub(r"\2", _MD_LINK_TEXT.sub(r"\1", markdown))


@cache
def strings(lang: str = "en") -> dict:
    """The interface text of one language (templates/strings/<lang>.yml), as nested dicts: a key
    missing there is a KeyError in Python and an error in a template (StrictUndefined). Shared:
    do not change it."""
    with (STRINGS / f"{lang}.yml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def _environment(lang: str = "en") -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; text fields are checked to hold no HTML
    )
    t = strings(lang)
    env.globals.update(t=t, lang=lang)
    env.filters.update(
        cite=_cite_marks,
        long_date=lambda value: long_date(value, lang),
        weekday_date=lambda value: weekday_date(value, lang),
        add_weeks=lambda value, weeks: value + timedelta(weeks=weeks),
        yaml_text=lambda value: json.dumps(value, ensure_ascii=False),  # JSON's \ud83d pairs are not YAML
        reference=format_reference,
        depth_text=lambda depth: depth_text(depth, t),
        days_text=lambda stage: days_text(stage.from_day, stage.to_day, t),
    )
    return env


def _render_topic(env: Environment, content: Content, slug: str) -> str:
    topic = content.topics[slug]
    kind_template = f"kinds/{slug}.md.j2"
    body = env.get_template("topic.md.j2").render(
        topic=topic,
        slug=slug,
        source=content.sources[slug],
        kind_template=kind_template if (TEMPLATES / kind_template).exists() else None,
        care_cards=_care_cards(content, topic),
        structured_data=structured_data(content, slug, env.globals["lang"]),
        titles={other: t.title for other, t in content.topics.items()},
        evidence_levels=EVIDENCE_LEVELS,
        figures=page_figures(topic, env.globals["t"]),
    )
    return _with_glossary(_number_citations(env, body, content.references), content.glossary)


def _care_cards(content: Content, topic: Topic) -> list[CareCard]:
    return content.topics[topic.care_cards_from].care_cards if topic.care_cards_from else topic.care_cards


def _with_glossary(page: str, glossary: tuple[Term, ...]) -> str:
    """Add an abbreviation line for each glossary word the page uses, so it shows as a tooltip.

    Words match in any letter case; each form found ("Collagen", "collagen") gets its own line,
    because Markdown's abbreviations match one exact form.
    """
    lines = {}
    for term in glossary:
        for word in (term.term, *term.also):
            for found in re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", page, flags=re.IGNORECASE):
                lines.setdefault(found, f"*[{found}]: {term.definition}")
    return page + "\n" + "\n".join(lines.values()) + "\n" if lines else page


_PROCEDURE_PARTS = {"before": "preparation", "during": "howPerformed", "after": "followup"}


def structured_data(content: Content, slug: str, lang: str = "en") -> str:
    """schema.org MedicalWebPage JSON-LD for a topic page, safe to put inside a script element."""
    topic = content.topics[slug]
    names = strings(lang)["structured_data"]
    about = {"@type": "MedicalProcedure", "name": names["procedure"], "alternateName": names["other_names"]}
    if isinstance(topic, ProcedureTopic):
        for part, field in _PROCEDURE_PARTS.items():
            steps = [step for stage in topic.stages if stage.part == part for step in stage.steps]
            if steps:
                about[field] = " ".join(f"{step.title}. {plain_text(step.text)}" for step in steps)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": topic.title,
        "description": topic.summary,
        "inLanguage": lang,
        "lastReviewed": topic.review.last_reviewed.isoformat(),
        "reviewedBy": {"@type": "Organization", "name": topic.review.reviewed_by},
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": about,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # No "</script>" or HTML comment can be formed inside the script element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cite_marks(ids: list[str]) -> str:
    return "".join(f"⟦cite:{ref_id}⟧" for ref_id in ids)


def _after_exclamation(body: str) -> str:
    """Text ending in "!" right before a citation would make "![1](…)", an image: escape the "!"."""
    return re.sub(r"!(?=⟦cite:)", r"\\!", body)


def _number_citations(env: Environment, body: str, references: dict[str, Reference]) -> str:
    """Number citations in order of first appearance and put the matching list where the page asks."""
    order: list[str] = []

    def number(match: re.Match) -> str:
        ref_id = match.group(1)
        if ref_id not in order:
            order.append(ref_id)
        n = order.index(ref_id) + 1
        label = env.globals["t"]["page"]["reference"].format(n=n)
        return f'[[{n}]](#ref-{ref_id}){{ .cite aria-label="{label}" }}'

    body = _CITE.sub(number, _after_exclamation(body))
    listing = env.get_template("references.md.j2").render(references=[references[i] for i in order])
    return body.replace(_REFERENCES, listing.strip())


def long_date(value: date, lang: str = "en") -> str:
    """25 November 2026 (es: 25 de noviembre de 2026): day first, month in words, so no reader misreads
    it. Month names come from the strings file, not the machine's locale."""
    words = strings(lang)["dates"]
    return words["long"].format(day=value.day, month=words["months"][value.month - 1], year=value.year)


def weekday_date(value: date, lang: str = "en") -> str:
    """Monday 30 March 2026 (es: lunes 30 de marzo de 2026): how the calculator shows dates, so the
    page and the planner agree."""
    words = strings(lang)["dates"]
    return words["weekday"].format(weekday=words["weekdays"][value.weekday()], date=long_date(value, lang))


def format_reference(ref: Reference) -> str:
    """A reference in the usual medical style, leaving out whatever the bibliography lacks."""
    parts = []
    if ref.authors:
        parts.append(ref.authors.rstrip(".") + ".")
    parts.append(ref.title.rstrip(".") + ".")
    where = f"*{ref.published_in.rstrip('.')}*." if ref.published_in else ""
    when = ";".join(str(x) for x in (ref.year, ref.details) if x)
    if where or when:
        parts.append(" ".join(x for x in (where, when + "." if when else "") if x))
    links = []
    if ref.doi:
        links.append(f"[doi:{ref.doi}](https://doi.org/{ref.doi})")
    if ref.pmid:
        links.append(f"[PubMed {ref.pmid}](https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/)")
    if ref.url:
        links.append(f"<{ref.url}>")
    if links:
        parts.append(" ".join(links))
    if ref.note:
        parts.append(f"*{ref.note.rstrip('.')}.*")
    return " ".join(parts)
