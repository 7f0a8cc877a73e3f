"""`make changes`: what readers will see differently, from two builds of the guide, in words for a
clinical reviewer (build/changes.md, and the comment on a pull request).

`report(before, after)` is a pure function of two `Version`s: a built site and the checked content
it was built from. It puts first what reaches clinics' pages without their doing anything (embed
views, when-to-get-help cards), then claims and their sources, the session planner, translations
left behind, each page's text changes by section, pages whose HTML changed but not their words,
and page weights against their budgets. Building the two sites is snapshot.py's job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .content_changes import (
    care_card_changes,
    claim_changes,
    evidence_changes,
    named_references,
    reading_level,
    reference_changes,
    translation_changes,
)
from .page_text import PageText, SectionChange, escape, page_text, section_changes
from .pages import EMBED_DIR, PLAN_DATA
from .plan_changes import EXAMPLE_START, example_concern, example_plan, plan_data_changes, plan_table
from .problems import ContentError
from .readability import GRADE_CEILING, READING_EASE
from .render import weekday_date
from .translate import TranslatedFile, check_pages
from .validate import Content, load_content
from .weights import budget, first_load, reader_pages

LANGUAGES = {"en": "English", "es": "Spanish"}  # the report is in English, for the reviewer
# Files rebuilt from the pages' text, which every text change changes: not worth listing.
REBUILT = re.compile(r"(^|/)(sitemap\.xml(\.gz)?|search/search_index\.json)$")
WEIGHT_STEP = 100  # bytes: smaller moves in a page's first-visit weight are counted, not listed
COMMENT_SIZE = 65_000  # characters: a pull-request comment holds 65,536
LEGEND = "Words ~~struck through~~ are taken out; words in **bold** are new."


@dataclass(frozen=True)
class Version:
    """One version of the guide: a label for people, its built site, its source folder, and its checked
    content (None, with the reason in `problem`, when this version's content cannot be read)."""

    label: str
    site: Path
    root: Path
    content: Content | None = None
    problem: str = ""
    pages: dict[str, TranslatedFile] = field(default_factory=dict)  # translated pages outside content/

    @classmethod
    def read(cls, label: str, site: Path, root: Path) -> Version:
        try:
            content = load_content(root)
        except ContentError as err:
            return cls(label, site, root, None, f"its content does not pass the checks:\n{err}")
        return cls(label, site, root, content, "", check_pages(root)[0])


# ── the built sites ──────────────────────────────────────────────────────────────────────────────


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def site_pages(site: Path) -> dict[str, Path]:
    """Every page a reader opens, by its address in the site ("/aftercare/", "/es/", "/404.html")."""
    return {url_of(site, page): page for page in reader_pages(site)}


def edition_of(site: Path, url: str) -> str:
    """The language of a page: an edition lives in a two-letter folder with its own sitemap (es/)."""
    first = url.strip("/").split("/")[0]
    return first if len(first) == 2 and (site / first / "sitemap.xml").is_file() else "en"


def slug_of(url: str, lang: str) -> tuple[str, bool]:
    """(the page's name, whether it is an embed view): ("aftercare", True) for /es/embed/aftercare/."""
    parts = url.strip("/").split("/")[(lang != "en") :]
    embed = bool(parts) and parts[0] == EMBED_DIR
    return (parts[1 if embed else 0] if len(parts) > embed else "index"), embed


def site_path(site: Path) -> str:
    """The path of the address the site was built for (its site_url), from its sitemap."""
    sitemap = site / "sitemap.xml"
    found = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
    return urlsplit(found.group(1)).path if found else "/"


@dataclass(frozen=True)
class PageChange:
    url: str
    title: str
    lang: str
    status: str  # "changed" (its text), "new", "removed", or "html" (its HTML changed but not its text)
    sections: tuple[SectionChange, ...] = ()
    around_only: bool = False  # for "html": nothing changed inside the page's <article>

    @property
    def slug(self) -> str:
        return slug_of(self.url, self.lang)[0]

    @property
    def embed(self) -> bool:
        return slug_of(self.url, self.lang)[1]


def _article(html: str) -> str:
    return html[html.find("<article") : html.rfind("</article>")]


def page_changes(before: Path, after: Path) -> list[PageChange]:
    """Every page whose HTML differs between two built sites, in the new site's order, then removed pages."""
    old, new = site_pages(before), site_pages(after)
    changes = []
    for url in dict.fromkeys([*new, *old]):
        a = old[url].read_text(encoding="utf-8") if url in old else None
        b = new[url].read_text(encoding="utf-8") if url in new else None
        if a == b:
            continue
        lang = edition_of(after if b is not None else before, url)
        text_a, text_b = page_text(a or ""), page_text(b or "")
        status = "new" if a is None else "removed" if b is None else "changed" if text_a != text_b else "html"
        title = (text_b if b is not None else text_a).title or url
        if status == "html":
            changes.append(PageChange(url, title, lang, status, around_only=_article(a) == _article(b)))
        else:
            empty = PageText("")
            sections = section_changes(empty if a is None else text_a, empty if b is None else text_b)
            changes.append(PageChange(url, title, lang, status, tuple(sections)))
    return changes


def other_files(before: Path, after: Path) -> list[str]:
    """Files other than pages (styles, scripts, data) added, removed or changed, but for those rebuilt
    from the pages' text (the sitemaps and search indexes)."""

    def files(site: Path) -> dict[str, Path]:
        found = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
        return {rel: path for rel, path in found.items() if not rel.endswith(".html") and not REBUILT.search(rel)}

    old, new = files(before), files(after)
    lines = []
    for rel in sorted({*old, *new}):
        if rel not in old:
            lines.append(f"- New: `{rel}`")
        elif rel not in new:
            lines.append(f"- Removed: `{rel}`")
        elif old[rel].read_bytes() != new[rel].read_bytes():
            lines.append(f"- Changed: `{rel}`")
    return lines


def weight_changes(before: Path, after: Path) -> list[tuple[str, int | None, int | None, int]]:
    """(page, bytes gzipped before, after, its budget) for every page whose first visit weighs differently."""
    paths = (site_path(before), site_path(after))
    old = {url_of(before, p): (sum(first_load(before, p, paths[0]).values()), p) for p in reader_pages(before)}
    new = {url_of(after, p): (sum(first_load(after, p, paths[1]).values()), p) for p in reader_pages(after)}
    moved = []
    for url in dict.fromkeys([*new, *old]):
        a, b = old.get(url, (None, None))[0], new.get(url, (None, None))[0]
        if a != b:
            site, page = (after, new[url][1]) if url in new else (before, old[url][1])
            moved.append((url, a, b, budget(site, page)))
    return moved


def plan_json(site: Path, lang: str) -> dict | None:
    path = site / ("" if lang == "en" else lang) / PLAN_DATA
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


# ── the report ───────────────────────────────────────────────────────────────────────────────────


def _section_lines(change: SectionChange, shown: dict[tuple, str], url: str) -> list[str]:
    """One section's changes; a change already shown on another page is named, not repeated."""
    heading = f"**{escape(change.heading)}**"
    if change.was:
        heading += f" (heading was “{escape(change.was)}”)"
    if change.status != "changed":
        heading += f" ({change.status} section)"
    key = (change.heading, change.was, change.status, change.lines)
    if key in shown:
        return [f"{heading}: the same change as on `{shown[key]}`.", ""]
    shown[key] = url
    return [heading, "", *[f"- {line}" for line in change.lines], ""]


def _reading(before: Version, after: Version, change: PageChange) -> tuple[float | None, float | None]:
    if before.content is None or after.content is None:
        return None, None
    old = None if change.status == "new" else reading_level(before.content, change.slug, change.lang)
    new = None if change.status == "removed" else reading_level(after.content, change.slug, change.lang)
    return old, new


def _too_hard(lang: str, level: float | None) -> bool:
    if level is None:
        return False
    return level > GRADE_CEILING if lang == "en" else level < READING_EASE.get(lang, ("", 0))[1]


def _reading_line(lang: str, old: float | None, new: float | None) -> str:
    if old is None and new is None:
        return ""
    shown = [f"{level:.1f}" if level is not None else "—" for level in (old, new)]
    levels = f"{shown[0]}, unchanged" if shown[0] == shown[1] else " → ".join(shown)
    if lang == "en":
        return f"Reading grade: {levels} (Flesch-Kincaid; the guide's ceiling is {GRADE_CEILING})"
    formula, floor = READING_EASE.get(lang, ("reading ease", 0))
    return f"Reading ease: {levels} ({formula}; the guide's floor is {floor})"


def _page_lines(change: PageChange, shown: dict[tuple, str], reading: str) -> list[str]:
    status = {"new": " (new page)", "removed": " (removed page)"}.get(change.status, "")
    lines = [f"#### {escape(change.title)} — `{change.url}`{status}", ""]
    if reading:
        lines += [reading, ""]
    if change.status == "removed":
        return lines
    body = [line for section in change.sections for line in _section_lines(section, shown, change.url)]
    if change.status == "new":
        return [*lines, "<details><summary>The new page's text</summary>", "", *body, "</details>", ""]
    return lines + body


def _embed_lines(change: PageChange, full: PageChange | None, shown: dict[tuple, str]) -> list[str]:
    """An embed view's line: the sections that changed as on its full page are only named."""
    same = set(full.sections) if full else set()
    own = [section for section in change.sections if section not in same]
    named = [escape(section.heading) for section in change.sections if section in same]
    if change.status != "changed":
        of = f"`{full.url}`" if full else "its page"
        return [f"- `{change.url}`: a {change.status} embed view, of {of}"]
    text = f"- `{change.url}`"
    if named and full:
        text += f": the same changes as `{full.url}` in {', '.join(f'“{name}”' for name in named)}"
    lines = [text]
    if own:
        lines += ["", *[f"    {line}" if line else "" for s in own for line in _section_lines(s, shown, change.url)]]
    return lines


def _languages_of(changes: list[PageChange]) -> list[str]:
    return sorted({c.lang for c in changes}, key=lambda lang: (lang != "en", lang))


def _edition_name(lang: str) -> str:
    return LANGUAGES.get(lang, lang) + ("" if lang == "en" else f" (`{lang}/`)")


def _listed(lines: list[str]) -> int:
    return sum(line.startswith("- ") for line in lines)


def report(before: Version, after: Version) -> str:
    """The whole report as Markdown."""
    changes = page_changes(before.site, after.site)
    text = [c for c in changes if c.status != "html"]
    embeds, pages = [c for c in text if c.embed], [c for c in text if not c.embed]
    html_only = [c for c in changes if c.status == "html"]
    full = {c.url: c for c in pages}
    shown: dict[tuple, str] = {}
    old, new = before.content, after.content
    compared = old is not None and new is not None
    cards = care_card_changes(old, new) if compared else []
    claims, named = claim_changes(old, new) if compared else ([], set())
    references = reference_changes(old, new) if compared else []
    evidence = evidence_changes(old, new) if compared else []
    stale, behind = translation_changes(old, new, before.pages, after.pages) if compared else ([], 0)
    planner = _planner_lines(before.site, after.site)
    reading = {c.url: _reading(before, after, c) for c in pages}
    weights = weight_changes(before.site, after.site)
    files = other_files(before.site, after.site)

    out = [f"## What readers will see: {after.label}, compared with {before.label}", "", LEGEND, ""]
    for version in (before, after):
        if version.problem:
            out += [f"**{version.label} could not be compared fact by fact**: {escape(version.problem)}", ""]

    by_lang = {lang: ", ".join(f"`{c.url}`" for c in pages if c.lang == lang) for lang in _languages_of(pages)}
    changed_pages = "; ".join(f"{_edition_name(lang)}: {urls}" for lang, urls in by_lang.items()) or "none"
    too_hard = [c.url for c in pages if _too_hard(c.lang, reading[c.url][1])]
    over = [url for url, _, size, limit in weights if size is not None and size > limit]
    out += ["At a glance:", ""]
    out += [f"- Pages whose text changes: {changed_pages}"]
    if not changes and not files:
        out.append("- **The two builds are the same**: nothing a reader sees changes")
    elif not text:
        touched = f"the HTML of {len(html_only)} pages and {len(files)} other files change"
        out.append(f"- **No reader-visible text changes**: only templates, styles or scripts ({touched})")
    out += [
        f"- Embed views on clinics' sites whose text changes: {len(embeds)}",
        f"- When-to-get-help cards: {'changed' if cards else 'unchanged'}",
        f"- Claims with new, removed or changed sources or words: {_listed(claims)};"
        f" references changed: {len(references)}; evidence labels changed: {len(evidence)}",
        f"- Session planner: {'changed' if _listed(planner) else 'unchanged'}",
        f"- Translations left following old English: {behind}",
        f"- Reading level: {'harder than the guide allows on ' + ', '.join(too_hard) if too_hard else 'fine'}",
        f"- Page weights: {'over budget on ' + ', '.join(over) if over else 'within budget'}",
        "",
    ]

    # Clinics' pages first: they change without the clinic doing anything.
    out += ["### On clinics' sites: embed views and when-to-get-help cards", ""]
    for lang in _languages_of(embeds):
        out += [f"Embed views, {_edition_name(lang)}:", ""]
        for change in (c for c in embeds if c.lang == lang):
            page_url = "/" + ("" if lang == "en" else f"{lang}/") + f"{change.slug}/"
            out += _embed_lines(change, full.get(page_url), shown)
        out.append("")
    out += [] if embeds else ["No embed view changes its text.", ""]
    out += ["When-to-get-help cards:", "", *(cards or ["No card changed.", ""])]

    out += ["### Claims, sources and evidence labels", ""]
    if compared:
        out += claims or ["No cited claim changed.", ""]
        out += ["References:", "", *(references or ["- None added, removed or changed."]), ""]
        out += ["Evidence labels:", "", *(evidence or ["- None changed."]), ""]
        sources = named_references(new, named) + named_references(old, named - set(new.references))
        if sources:
            out += ["<details><summary>The sources named above</summary>", "", *sources, "", "</details>", ""]
    else:
        out += ["Not compared (see above).", ""]

    out += ["### The session planner", "", *planner]
    out += ["### Translations", "", *(stale or ["No translation is left following old English words."]), ""]

    out += [] if pages else ["### Pages whose text changed", "", "No page changes its text.", ""]
    for lang in _languages_of(pages):
        out += [f"### {_edition_name(lang)} pages whose text changed", ""]
        for change in (c for c in pages if c.lang == lang):
            out += _page_lines(change, shown, _reading_line(lang, *reading[change.url]))

    out += ["### Pages whose HTML changed but not their text", ""]
    out += _html_lines(html_only, files, bool(text))
    out += ["### Page weights (a first visit, gzipped)", "", *_weight_lines(weights)]
    return "\n".join(out).rstrip() + "\n"


def _planner_lines(before: Path, after: Path) -> list[str]:
    lines, example = [], None
    for lang in ("en", *sorted(p.name for p in after.iterdir() if (p / PLAN_DATA).is_file())):
        old, new = plan_json(before, lang), plan_json(after, lang)
        if old is None or new is None or old == new:
            continue
        found, changed = plan_data_changes(old, new, numbers=lang == "en")
        if found:
            lines += [f"{_edition_name(lang)} planner:", "", *found, ""]
        if changed and example is None:
            concern = example_concern(old, new, changed)
            plans = [example_plan(data, concern) if any(c["id"] == concern for c in data["concerns"]) else None
                     for data in (old, new)]  # fmt: skip
            example = [
                f"An example: the usual course for this concern, first session on {weekday_date(EXAMPLE_START)}.",
                "",
                *plan_table(*plans),
                "",
            ]
    return lines + (example or []) if lines else ["No interval, session count or aftercare step changed.", ""]


def _html_lines(html_only: list[PageChange], files: list[str], text_changed: bool) -> list[str]:
    if not html_only and not files:
        return ["None.", ""]
    lines = []
    if not text_changed:
        lines += ["**No reader-visible text changed**: this change touches only templates, styles or scripts.", ""]
    inside = [c.url for c in html_only if not c.around_only]
    around = [c.url for c in html_only if c.around_only]
    if inside:
        lines += [f"Inside the page's content, with the same words ({len(inside)}):", *_folded(inside), ""]
    if around:
        lines += [f"Only around the content: navigation, header, footer or page head ({len(around)}):"]
        lines += [*_folded(around), ""]
    if files:
        lines += [f"Other files ({len(files)}):", "", *files, ""]
    return lines


def _folded(urls: list[str]) -> list[str]:
    """A list of pages, folded away when it is long."""
    listing = ", ".join(f"`{url}`" for url in urls)
    if len(urls) <= 8:
        return [listing]
    return ["", f"<details><summary>{len(urls)} pages</summary>", "", listing, "</details>"]


def _kb(size: int | None) -> str:
    return "—" if size is None else f"{size / 1024:.1f} KB"


def _weight_lines(moved: list[tuple[str, int | None, int | None, int]]) -> list[str]:
    if not moved:
        return ["No page's first visit weighs more or less.", ""]
    over = [(url, new, limit) for url, _, new, limit in moved if new is not None and new > limit]
    listed = [m for m in moved if m[1] is None or m[2] is None or abs(m[2] - m[1]) >= WEIGHT_STEP or m in over]
    listed.sort(key=lambda m: -abs((m[2] or 0) - (m[1] or 0)))
    lines = [f"**Over budget**: `{url}` {_kb(new)} of {_kb(limit)}" for url, new, limit in over]
    lines += [""] if over else ["Every page is within its budget (95 KB, an embed view 30 KB).", ""]
    if listed:
        lines += ["| Page | Before | After | Change | Budget |", "|---|---|---|---|---|"]
        for url, old, new, limit in listed:
            change = "" if old is None or new is None else f"{(new - old) / 1024:+.1f} KB"
            lines.append(f"| `{url}` | {_kb(old)} | {_kb(new)} | {change} | {_kb(limit)} |")
        lines.append("")
    if len(moved) > len(listed):
        lines += [f"{len(moved) - len(listed)} more pages moved by less than {WEIGHT_STEP} bytes.", ""]
    return lines


def fit(report_text: str, limit: int) -> str:
    """The report cut to `limit` characters at a line break (a pull-request comment holds 65,536), with
    a note saying where the rest is."""
    if len(report_text) <= limit:
        return report_text
    note = "\n\n*The report is longer than a comment holds: read it all in the workflow run's summary.*\n"
    cut = report_text[: max(0, limit - len(note) - 20)].rsplit("\n", 1)[0]
    if cut.count("<details>") > cut.count("</details>"):
        cut += "\n\n</details>"
    return cut + note
