"""Check loaded documents against the models and against each other, in words an editor understands."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .checks import FILE_NAME, check_glossary, explain_all, unknown
from .docs_check import docs_problems
from .load import Document, load_file
from .markup import link_targets
from .model import KINDS, AftercareTopic, Bibliography, FrequencyTopic, Glossary, Reference, RisksTopic, Term, Topic
from .pages import generated_names
from .problems import ContentError, Problem, field_path
from .translate import Translation, load_translations


@dataclass(frozen=True)
class Content:
    """All checked content: topic pages by slug, references by id, and the file each page came from."""

    topics: dict[str, Topic]
    references: dict[str, Reference]
    sources: dict[str, str]  # slug -> content file path, relative to the repository
    glossary: tuple[Term, ...] = ()
    warnings: tuple[Problem, ...] = ()
    translations: dict[str, Translation] = field(default_factory=dict)  # by language folder: "es" (translate.py)


def load_content(root: Path, content_dir: str = "content", today: date | None = None) -> Content:
    """Load and check every file in content/. Raises ContentError listing every problem found.

    Warnings (a reference no page cites; with `today`, a review that is overdue) do not stop
    the load: they are returned on the content for the caller to show.
    """
    models: dict[str, tuple[Document, BaseModel]] = {}
    folder = root / content_dir
    files, problems = _content_files(root, folder)
    problems += docs_problems(root)  # hand-written pages and files in docs/ are content too
    for path in files:
        doc, found = load_file(path, root)
        problems += found
        if doc is None:
            continue
        model_class = KINDS.get(path.name, Topic)
        try:
            models[path.name] = (doc, model_class.model_validate(doc.data))
        except ValidationError as err:
            problems += explain_all(doc, model_class, err.errors())
    if "references.yml" not in models and not any(p.path.endswith("references.yml") for p in problems):
        problems.append(Problem(f"{content_dir}/references.yml", 1, 1, "", "the bibliography file is missing"))
    if problems:
        raise ContentError(problems)

    english = dict(models)  # every English file by name, for the translations to follow
    bib_doc, bibliography = models.pop("references.yml")
    assert isinstance(bibliography, Bibliography)
    glossary: tuple[Term, ...] = ()
    if "glossary.yml" in models:  # optional: words explained as tooltips
        glossary_doc, glossary_model = models.pop("glossary.yml")
        assert isinstance(glossary_model, Glossary)
        problems += check_glossary(glossary_doc, glossary_model)
        glossary = tuple(glossary_model.terms)
    content = Content(
        glossary=glossary,
        topics={Path(name).stem: model for name, (_, model) in models.items()},
        references={ref.id: ref for ref in bibliography.references},
        sources={Path(name).stem: doc.path for name, (doc, _) in models.items()},
    )
    problems += _check_bibliography(bib_doc, bibliography)
    pages = set(content.topics) | generated_names() | {path.stem for path in _docs(root) if path.suffix == ".md"}
    for doc, topic in models.values():
        problems += _check_topic(doc, topic, content, pages)
    problems += area_problems(models.get("frequency.yml"), models.get("aftercare.yml"))
    problems += _unused_references(bib_doc, bibliography, content)
    if today is not None:
        problems += [p for doc, topic in models.values() for p in _overdue_review(doc, topic, today)]
    translations, found = load_translations(root, folder, english, pages)  # content/es/ and the like, if any
    problems += found
    problems += edition_problems(models.get("risks.yml"), {"en", *translations})
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return replace(content, warnings=tuple(sorted(problems)), translations=translations)


def load_content_once(root: Path) -> Content:
    """load_content for a build: as long as no file in content/ or docs/ changes (names, sizes,
    times), the same Content, so a build of every edition loads and checks them once."""
    files = sorted(path for folder in ("content", "docs") for path in (root / folder).rglob("*") if path.is_file())
    key = (root.resolve(), tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))
    if _loaded.get("key") != key:
        _loaded.update(key=key, content=load_content(root))
    return _loaded["content"]


_loaded: dict = {}


def _content_files(root: Path, folder: Path) -> tuple[list[Path], list[Problem]]:
    """The content files to load, and a problem for every file whose name the guide cannot use.

    A topic file's name is its page's address, so it must be a plain name ending .yml that no
    hand-written page (docs/*.md) or generated page (calculator, glossary, ...) already has:
    content/index.yml would silently replace the home page.
    """
    taken = {path.stem for path in _docs(root)} | generated_names()
    files, problems = [], []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix == ".yaml":
            message = f"content files end in .yml: rename it to {path.stem}.yml"
            if (folder / f"{path.stem}.yml").exists():
                message += f" (and merge it with the {path.stem}.yml that is already there)"
        elif not FILE_NAME.match(path.name):
            message = "content/ holds only .yml files named in lower-case letters, digits and hyphens, like 'faq.yml'"
        elif path.name not in KINDS and path.stem in taken:
            message = f"'{path.stem}' is already the name of another page of the guide: choose another file name"
        else:
            files.append(path)
            continue
        problems.append(Problem(rel, 1, 1, "", message))
    return files, problems


def _docs(root: Path) -> list[Path]:
    """The hand-written pages and folders in docs/ (none in a test's bare content folder)."""
    docs = root / "docs"
    return list(docs.iterdir()) if docs.is_dir() else []


# ── cross-references ─────────────────────────────────────────────────────────────────────────


def _walk(data: object, loc: tuple = ()):
    """Yield (location, value) for every value in plain data."""
    yield loc, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, loc + (index,))


def _check_topic(doc: Document, topic: Topic, content: Content, pages: set[str]) -> list[Problem]:
    problems = []

    def report(loc: tuple, message: str) -> None:
        problems.append(Problem(doc.path, *doc.position(loc), field_path(loc), message))

    for loc, value in _walk(doc.data):
        if not loc:
            continue
        parent, last = loc[:-1], loc[-1]
        if isinstance(last, int) and parent and parent[-1] == "cites":
            if value not in content.references:
                report(loc, unknown("reference", value, content.references, "content/references.yml"))
        if (isinstance(last, int) and parent == ("related",)) or last in ("see", "care_cards_from"):
            if value is not None and value not in content.topics:
                report(loc, unknown("topic", value, content.topics, "content/"))
        if isinstance(last, int) and parent == ("related",) and value == Path(doc.path).stem:
            report(loc, "a page cannot list itself as related")
        if isinstance(value, str):
            for target in link_targets(value):
                page = target.split("#", 1)[0]
                if page.endswith(".md") and page.removesuffix(".md") not in pages:
                    report(loc, unknown("page", page, sorted(f"{name}.md" for name in pages), "the guide"))
    if topic.care_cards_from in content.topics and not content.topics[topic.care_cards_from].care_cards:
        report(("care_cards_from",), f"content/{topic.care_cards_from}.yml has no care_cards to show")
    if topic.care_cards_from and topic.care_cards:
        report(("care_cards_from",), "use either care_cards or care_cards_from, not both")
    if topic.review.next_review_due <= topic.review.last_reviewed:
        report(("review", "next_review_due"), "must be after review.last_reviewed")
    if isinstance(topic, AftercareTopic):
        problems += _check_timeline(doc, topic)
    if isinstance(topic, FrequencyTopic):
        ids = [concern.id for concern in topic.concerns]
        for index, concern in enumerate(topic.concerns):
            loc = ("concerns", index)
            weeks, sessions = concern.interval_weeks, concern.sessions
            if not weeks.min <= weeks.default <= weeks.max:
                report(
                    loc + ("interval_weeks",),
                    f"needs min ≤ default ≤ max (got {weeks.min}, {weeks.default}, {weeks.max})",
                )
            if not sessions.min <= sessions.typical <= sessions.max:
                report(
                    loc + ("sessions",),
                    f"needs min ≤ typical ≤ max (got {sessions.min}, {sessions.typical}, {sessions.max})",
                )
            if ids.count(concern.id) > 1 and ids.index(concern.id) != index:
                report(loc + ("id",), f"id '{concern.id}' is used by another concern")
        if topic.default_concern not in ids:
            report(("default_concern",), unknown("concern", topic.default_concern, ids, "concerns"))
    return problems


def _check_timeline(doc: Document, topic: AftercareTopic) -> list[Problem]:
    """Aftercare stages run forward in time without overlapping, each with its own id: the planner and
    the aftercare sheet place them on a calendar."""
    problems, seen, previous = [], {}, None

    def report(loc: tuple, message: str) -> None:
        problems.append(Problem(doc.path, *doc.position(loc), field_path(loc), message))

    for index, stage in enumerate(topic.timeline):
        loc = ("timeline", index)
        if stage.id in seen:
            report(loc + ("id",), f"id '{stage.id}' is already used by stage {seen[stage.id]}")
        seen.setdefault(stage.id, index)
        if stage.from_day > stage.to_day:
            report(loc + ("to_day",), f"must be on or after from_day (got days {stage.from_day} to {stage.to_day})")
        elif previous is not None and stage.from_day <= previous.to_day:
            report(
                loc + ("from_day",),
                f"must come after the previous stage, which runs to day {previous.to_day}: stages are in order "
                f"and do not overlap (got {stage.from_day})",
            )
        if stage.from_day <= stage.to_day:
            previous = stage
    return problems


# A concern in frequency.yml names an area of aftercare.yml (`aftercare_area`), and an area's extra
# items name stages of the timeline: both must exist, or the planner would quietly drop them.
Loaded = tuple[Document, object]  # a file's document and its model, as load_content keeps them


def area_problems(frequency: Loaded | None, aftercare: Loaded | None) -> list[Problem]:
    """Problems with aftercare areas: unknown or repeated ids, in either file."""
    problems: list[Problem] = []
    areas: dict[str, int] = {}
    if aftercare is not None and isinstance(aftercare[1], AftercareTopic):
        doc, topic = aftercare
        stage_ids = [stage.id for stage in topic.timeline]
        for index, area in enumerate(topic.areas):
            if area.id in areas:
                message = f"id '{area.id}' is already used by area {areas[area.id]}"
                problems.append(_located(doc, ("areas", index, "id"), message))
            areas.setdefault(area.id, index)
            for step_index, step in enumerate(area.stages):
                if step.stage not in stage_ids:
                    message = unknown("stage", step.stage, stage_ids, "the timeline")
                    problems.append(_located(doc, ("areas", index, "stages", step_index, "stage"), message))
    if frequency is not None and isinstance(frequency[1], FrequencyTopic):
        doc, topic = frequency
        for index, concern in enumerate(topic.concerns):
            if concern.aftercare_area is not None and concern.aftercare_area not in areas:
                where = "the areas of content/aftercare.yml"
                message = unknown("aftercare area", concern.aftercare_area, list(areas), where)
                problems.append(_located(doc, ("concerns", index, "aftercare_area"), message))
    return problems


def edition_problems(risks: Loaded | None, editions: set[str]) -> list[Problem]:
    """Each regulator is listed in editions the guide has (English, and each translation in content/)."""
    if risks is None or not isinstance(risks[1], RisksTopic):
        return []
    doc, topic = risks
    return [
        _located(
            doc,
            ("reporting", "regulators", index, "editions", n),
            unknown("edition", code, editions, f"the guide's editions ({', '.join(sorted(editions))})"),
        )
        for index, regulator in enumerate(topic.reporting.regulators)
        for n, code in enumerate(regulator.editions)
        if code not in editions
    ]


def _located(doc: Document, loc: tuple, message: str) -> Problem:
    return Problem(doc.path, *doc.position(loc), field_path(loc), message)


def _overdue_review(doc: Document, topic: Topic, today: date) -> list[Problem]:
    due = topic.review.next_review_due
    if due >= today:
        return []
    loc = ("review", "next_review_due")
    message = f"review overdue: the page was due for a full review on {due.isoformat()}"
    return [Problem(doc.path, *doc.position(loc), field_path(loc), message, "warning")]


def _check_bibliography(doc: Document, bibliography: Bibliography) -> list[Problem]:
    problems, seen = [], {}
    for index, ref in enumerate(bibliography.references):
        if ref.id in seen:
            loc = ("references", index, "id")
            problems.append(
                Problem(
                    doc.path,
                    *doc.position(loc),
                    field_path(loc),
                    f"id '{ref.id}' is already used by reference {seen[ref.id]}",
                )
            )
        seen.setdefault(ref.id, index)
    return problems


def _unused_references(doc: Document, bibliography: Bibliography, content: Content) -> list[Problem]:
    cited = set()
    for topic in content.topics.values():
        for _, value in _walk(topic.model_dump()):
            if isinstance(value, dict):
                cited.update(value.get("cites", []))
    problems = []
    for index, ref in enumerate(bibliography.references):
        if ref.id not in cited:
            loc = ("references", index, "id")
            problems.append(
                Problem(
                    doc.path,
                    *doc.position(loc),
                    field_path(loc),
                    f"reference '{ref.id}' is not cited by any page",
                    "warning",
                )
            )
    return problems
