"""Turn checked content into Markdown pages: a pure function of the content (no files written, no clock).

Each topic page is `templates/topic.md.j2`; a page whose content file has a special kind adds
`templates/kinds/<file name>.md.j2` (for example `kinds/aftercare.md.j2` for content/aftercare.yml).
With frequency.yml and aftercare.yml present, the session planner's page (`templates/calculator.md.j2`)
and its data (`assets/data/plan.json`, read by docs/assets/js/calculator.js) come from them too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markdown.extensions.toc import slugify

from .embed import CLINICS_SOURCE, embed_views
from .figures import days_text, depth_text, page_figures
from .model import EVIDENCE_LEVELS, CareCard, ProcedureTopic, Reference, Term, Topic
from .pages import AFTERCARE_SHEET, CALCULATOR, CLINICS, EMBED_DIR, GLOSSARY, PLAN_DATA
from .validate import Content

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STRINGS = TEMPLATES / "strings"
# Compiled templates, kept between runs in the user's temporary folder (Jinja's own choice), each by
# its name and a checksum of its text: a changed template is compiled again.
BYTECODE_CACHE = FileSystemBytecodeCache()  # the interface text, one file per language: en.yml, es.yml
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
        pages[PLAN_DATA] = json.dumps(plan_data(content, lang), ensure_ascii=False, indent=1) + "\n"
        pages[CALCULATOR] = env.get_template("calculator.md.j2").render(
            frequency=content.topics["frequency"], aftercare=content.topics["aftercare"]
        )
    reviewed = {slug: long_date(topic.review.last_reviewed, lang) for slug, topic in content.topics.items()}
    concerns = []
    if CALCULATOR in pages:  # the planner's numbers, and so its review, come from frequency.yml
        reviewed["calculator"] = reviewed["frequency"]
        concerns = [(c.id, c.name) for c in content.topics["frequency"].concerns]
    pages.update(embed_views(env, pages, reviewed, concerns, site_url=site_url, site_name=site_name, lang=lang))
    if lang != "en":
        pages = {
            name: _with_translation(text, _translation_record(content, lang, name)) for name, text in pages.items()
        }
    return pages


def render_edition(content: Content, lang: str = "en", **site: str) -> dict[str, str]:
    """Every generated file of one edition of the guide (see `edition`), as render_pages gives them.
    A translated page keeps the English page's section anchors, so a link to
    risks.md#reporting-a-problem works in every language (`_english_anchors`)."""
    pages = render_pages(edition(content, lang), lang=lang, **site)
    key = id(content)  # a page's headings, and so its anchors, do not depend on the site's name or address
    if lang == "en":
        _english.update(key=key, content=content, pages=pages)  # the content is kept, so its id stays its own
        return pages
    english = _english["pages"] if _english.get("key") == key else render_pages(content, **site)
    return {name: _english_anchors(text, english.get(name, "")) for name, text in pages.items()}


# The English pages last rendered: every other edition of the same build takes its anchors from them.
_english: dict = {}


_HEADING = re.compile(r"^(#{2,6}) (.+?)( \{ #[\w-]+ \})?$", re.MULTILINE)


def _english_anchors(page: str, english: str) -> str:
    """Each heading of a translated page, given the id of the English page's heading in its place.

    Headings come from the same templates over lists aligned item by item with the English ones, so
    they match in order; a page whose headings do not line up is left as it is (and the build's link
    check names any anchor that is then missing)."""
    theirs = _HEADING.findall(english)
    ours = list(_HEADING.finditer(page))
    if len(theirs) != len(ours) or any(len(a[0]) != len(b.group(1)) for a, b in zip(theirs, ours, strict=True)):
        return page
    seen: set[str] = set()
    ids = []
    for _, text, explicit in theirs:
        anchor = explicit[4:-2] if explicit else _unique(slugify(plain_text(text), "-"), seen)
        seen.add(anchor)
        ids.append(anchor)
    out, end = [], 0
    for match, anchor in zip(ours, ids, strict=True):
        out += [page[end : match.start()], f"{match.group(1)} {match.group(2)} {{ #{anchor} }}"]
        end = match.end()
    return "".join(out) + page[end:]


def _unique(anchor: str, seen: set[str]) -> str:
    """Python-Markdown's toc: a repeated id gets _1, _2..."""
    n, found = 0, anchor
    while found in seen:
        n += 1
        found = f"{anchor}_{n}"
    return found


def edition(content: Content, lang: str) -> Content:
    """The content one edition of the guide shows: English as it is, or a language's translated pages
    and glossary (content/<lang>/, words on English facts) with the English references."""
    if lang == "en":
        return content
    translation = content.translations[lang]
    # A page not translated yet (content/<lang>/_language.yml: complete: false) is shown in English,
    # and says so (_with_translation), so the edition keeps every page and every link.
    topics = {slug: translation.topics.get(slug, topic) for slug, topic in content.topics.items()}
    sources = {slug: translation.sources.get(slug, path) for slug, path in content.sources.items()}
    return replace(content, topics=topics, glossary=translation.glossary or content.glossary, sources=sources)


# Generated pages whose words come from other pages' translated files (by slug), besides their own.
_TRANSLATED_FROM = {AFTERCARE_SHEET: ("aftercare",), CALCULATOR: ("frequency", "aftercare"), GLOSSARY: ("glossary",)}


def _translation_record(content: Content, lang: str, name: str) -> dict | None:
    """What a generated page of a translated edition says about its translation: from the translated
    files its words come from (embed/faq.md: faq; a page's care cards: the page they come from;
    the planner: frequency and aftercare's stages, without its care cards). Stale if any of them is
    stale; reviewed only if all are. None for plan.json; For clinics (its words are in a template)
    has its own record."""
    if name == CLINICS or not name.endswith(".md"):
        return None
    page = name.removeprefix(f"{EMBED_DIR}/")
    slugs = list(_TRANSLATED_FROM.get(page, (page.removesuffix(".md"),)))
    if page != CALCULATOR:  # pages that show care cards show them from the page named in care_cards_from
        slugs += [content.topics[slug].care_cards_from for slug in slugs if slug in content.topics]
    records = [content.translations[lang].files.get(slug) for slug in dict.fromkeys(filter(None, slugs))]
    if not records or None in records:
        return {"status": "untranslated", "stale": False}
    reviewed = all(record.status == "reviewed" for record in records)
    meta = {"status": "reviewed" if reviewed else "machine-assisted", "stale": any(record.stale for record in records)}
    if reviewed:
        meta["reviewed_by"] = ", ".join(dict.fromkeys(role(str(record.reviewed_by), lang) for record in records))
    return meta


def _with_translation(page: str, record: dict | None) -> str:
    """A generated page with its translation record in its front matter, for the notice the theme
    shows with it (main.html, embed.html)."""
    page = page.lstrip("\n")
    if record is None or not page.startswith("---\n"):
        return page
    return "---\ntranslation: " + json.dumps(record, ensure_ascii=False) + "\n" + page.removeprefix("---\n")


def page_sources(content: Content, lang: str = "en") -> dict[str, str]:
    """The file an editor changes for each generated page: its YAML, or the template holding its words."""
    sources = {f"{slug}.md": path for slug, path in content.sources.items()}
    sources[CALCULATOR] = "scripts/templates/calculator.md.j2"  # its numbers come from content/frequency.yml
    own = TEMPLATES / lang / Path(CLINICS_SOURCE).name  # a language's own For clinics page
    sources[CLINICS] = own.relative_to(TEMPLATES.parent.parent).as_posix() if own.is_file() else CLINICS_SOURCE
    sources[GLOSSARY] = "content/glossary.yml"
    if "aftercare" in content.sources:
        sources[AFTERCARE_SHEET] = content.sources["aftercare"]
    return sources


def plan_data(content: Content, lang: str = "en") -> dict:
    """What the interval calculator needs, taken from frequency.yml and aftercare.yml (never retyped),
    and the words its scripts show in `lang`: the `planner_script` section of templates/strings/<lang>.yml,
    with the date pattern the pages use (dates.weekday) and the aftercare lists' headings (do, avoid).
    The content's own words (concern names, aftercare) are the caller's: pass a language's edition.

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
    t = strings(lang)
    words = {**t["planner_script"], "weekday_date": t["dates"]["weekday"], "do": t["do"], "avoid": t["avoid"]}
    return {
        "lang": lang,
        "words": words,
        "default_concern": frequency.default_concern,
        "concerns": concerns,
        "aftercare": stages(),
    }


_MD_LINK_TEXT = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|\*)(\S(?:.*?\S)?)\1")


def plain_text(markdown: str) -> str:
    """Markdown text without link targets or emphasis marks, for places that show plain text."""
    return _MD_EMPHASIS.sub(r"\2", _MD_LINK_TEXT.sub(r"\1", markdown))


def strings(lang: str = "en") -> dict:
    """The interface text of one language (templates/strings/<lang>.yml), as nested dicts: a key
    missing there is a KeyError in Python and an error in a template (StrictUndefined). A translation's
    `translation` header (interface_text.py) is not interface text and is left out. Read again when
    the file changes (`mkdocs serve` builds again in the same process). Shared: do not change it."""
    return _strings(lang, (STRINGS / f"{lang}.yml").stat().st_mtime_ns)


@cache
def _strings(lang: str, version: int) -> dict:
    with (STRINGS / f"{lang}.yml").open(encoding="utf-8") as file:
        words = yaml.safe_load(file)
    words.pop("translation", None)
    return words


def _environment(lang: str = "en") -> Environment:
    """The templates' environment, made once per language and strings file: Jinja compiles each
    template once and compiles it again when the file changes (auto_reload)."""
    return _new_environment(lang, TEMPLATES, (STRINGS / f"{lang}.yml").stat().st_mtime_ns)


@cache
def _new_environment(lang: str, templates: Path, version: int) -> Environment:
    """Sandboxed: translators edit a template of prose (templates/es/clinics.md.j2), and a template
    line must not reach Python's internals (and so the machine that builds the guide) through an
    object's attributes."""
    env = SandboxedEnvironment(
        bytecode_cache=BYTECODE_CACHE,
        # A language's own version of a template of prose (es/clinics.md.j2) comes before the shared one.
        loader=FileSystemLoader([templates / lang, templates]),
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
        reference=lambda ref: format_reference(ref, lang),
        depth_text=lambda depth: depth_text(depth, t),
        days_text=lambda stage: days_text(stage.from_day, stage.to_day, t),
        role=lambda name: role(name, lang),
        regulators_for=lambda regulators: regulators_for(regulators, lang),
        reportable=lambda what: t["reporting"]["things"][what],
        spoken_list=lambda words: spoken_list(words, t["reporting"]["and"]),
    )
    return env


def regulators_for(regulators, lang: str) -> list:
    """The regulators one edition lists (their `editions` name it), in the alphabetical order of their
    countries in that edition's words: accents and letter case aside, so "España" comes before "Estados Unidos"."""

    def key(regulator) -> str:
        letters = unicodedata.normalize("NFKD", regulator.country)
        return "".join(c for c in letters if not unicodedata.combining(c)).casefold()

    return sorted((regulator for regulator in regulators if lang in regulator.editions), key=key)


def spoken_list(words: list[str], and_word: str) -> str:
    """ "a", "a and b", "a, b and c": a short list as a sentence says it."""
    return ", ".join(words[:-1]) + f" {and_word} " + words[-1] if len(words) > 1 else "".join(words)


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
    if not glossary:
        return page
    pattern, meanings = _glossary_words(tuple((term.term, *term.also, term.definition) for term in glossary))
    lines = {}
    for found in pattern.findall(page):
        lines.setdefault(found, f"*[{found}]: {meanings[found.casefold()]}")
    return page + "\n" + "\n".join(lines.values()) + "\n" if lines else page


@cache
def _glossary_words(terms: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every glossary word and form, each term given as (word, *forms, meaning)
    (longest first, so "post-inflammatory hyperpigmentation" wins over a shorter word inside it),
    and each form's meaning."""
    meanings = {word.casefold(): term[-1] for term in terms for word in term[:-1]}
    words = sorted(meanings, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    # Not inside a longer word, nor inside an address (yellowcard.mhra.gov.uk).
    return re.compile(rf"(?<![\w-])(?<!\w\.)(?:{alternatives})(?![\w-])(?!\.\w)", re.IGNORECASE), meanings


_PROCEDURE_PARTS = {"before": "preparation", "during": "howPerformed", "after": "followup"}


def structured_data(content: Content, slug: str, lang: str = "en") -> str:
    """schema.org MedicalWebPage JSON-LD for a topic page, safe to put inside a script element."""
    topic = content.topics[slug]
    names, roles = strings(lang)["structured_data"], strings(lang)["review"]["roles"]
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
        "reviewedBy": {"@type": "Organization", "name": roles.get(topic.review.reviewed_by, topic.review.reviewed_by)},
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": about,
    }
    if lang != "en":  # the review was of the English words: a translation claims none of its own
        del data["lastReviewed"], data["reviewedBy"]
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


def role(name: str, lang: str = "en") -> str:
    """A reviewer's role (by its English name) in the words of `lang` (review.roles in the strings file)."""
    return strings(lang)["review"]["roles"].get(name, name)


def long_date(value: date, lang: str = "en") -> str:
    """25 November 2026 (es: 25 de noviembre de 2026): day first, month in words, so no reader misreads
    it. Month names come from the strings file, not the machine's locale."""
    words = strings(lang)["dates"]
    return words["long"].format(day=value.day, month=words["months"][value.month - 1], year=value.year)


def weekday_date(value: date, lang: str = "en") -> str:
    """Monday 30 March 2026 (es: lunes, 30 de marzo de 2026): how the calculator shows dates, so the
    page and the planner agree."""
    words = strings(lang)["dates"]
    return words["weekday"].format(weekday=words["weekdays"][value.weekday()], date=long_date(value, lang))


def format_reference(ref: Reference, lang: str = "en", *, marked: bool = True) -> str:
    """A reference in the usual medical style for a reader of `lang`, leaving out whatever the bibliography
    lacks: the source's own words (authors, title, where and when published) in its language, marked with
    it for screen readers when the page's language differs (unless `marked` is False); then its dates, for
    a source not in English its language, and for one seen only in a copy elsewhere that it was, in the
    reader's words (references in the strings file);
    then its links. Its note is for editors: never shown (reference_for_editors shows it)."""
    parts = []
    if ref.authors:
        parts.append(ref.authors.rstrip(".") + ".")
    if ref.title:
        parts.append(ref.title if ref.title.endswith(("?", "!")) else ref.title.rstrip(".") + ".")
    where = f"*{ref.published_in.rstrip('.')}*." if ref.published_in else ""
    when = ";".join(str(x) for x in (ref.year, ref.details) if x)
    if where or when:
        parts.append(" ".join(x for x in (where, when + "." if when else "") if x))
    own = " ".join(parts)
    words = strings(lang)["references"]
    parts = [f'<span lang="{ref.language}">{own}</span>' if own and marked and ref.language != lang else own]
    if ref.kind:
        parts.append(words["kinds"][ref.kind])
    for kind, day in (ref.dates.model_dump(exclude_none=True) if ref.dates else {}).items():
        parts.append(words["dates"][kind].format(date=long_date(day, lang)))
    if ref.language != "en":
        parts.append(words["written_in"][ref.language])
    if ref.secondary:
        parts.append(words["secondary"])
    links = []
    if ref.doi:
        links.append(f"[doi:{ref.doi}](https://doi.org/{ref.doi})")
    if ref.pmid:
        links.append(f"[PubMed {ref.pmid}](https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/)")
    if ref.url:
        links.append(f"<{ref.url}>")
    if links:
        parts.append(" ".join(links))
    return " ".join(part for part in parts if part)


def reference_for_editors(ref: Reference) -> str:
    """A reference as plain text with its note, for the documents editors and reviewers read (the review
    pack, `make changes`): what no page shows."""
    text = plain_text(format_reference(ref, marked=False))
    return f"{text} *Note: {ref.note.rstrip('.')}.*" if ref.note else text
