"""What changed between two versions of the checked content, in words for a clinical reviewer.

Pure functions over two `Content`s (validate.load_content), each returning Markdown lines:
when-to-get-help cards, cited claims, evidence labels, references, and translations that the
change leaves following old English words. The words of a page as built are compared in
page_text.py; this module compares the facts behind them, which a page diff cannot show (a
citation is a number on the page; a translation's staleness is a hash).
"""

from __future__ import annotations

from .model import Topic
from .page_text import align, block_changes, escape, shortened, similar, word_diff
from .pages import AFTERCARE_SHEET, EMBED_DIR
from .problems import field_path
from .readability import measure, reading_ease, running_text
from .render import edition, plain_text, reference_for_editors
from .review_pack import statements
from .translate import TranslatedFile, model_for, text_leaves
from .validate import Content


def edition_prefix(lang: str) -> str:
    """Where an edition's pages are in the site: "" for English, "es/" for Spanish."""
    return "" if lang == "en" else f"{lang}/"


def _languages(before: Content, after: Content) -> list[str]:
    return ["en", *sorted(set(after.translations) & set(before.translations))]


# ── when-to-get-help cards ───────────────────────────────────────────────────────────────────────


def care_card_pages(content: Content, owner: str, lang: str = "en") -> list[str]:
    """The built pages that show the cards written in content/<owner>.yml: its page, the pages that
    borrow them (care_cards_from), the printed aftercare sheet if the aftercare page shows them, and
    the embed views of those pages, in the edition of `lang`."""
    slugs = [owner, *(slug for slug, topic in content.topics.items() if topic.care_cards_from == owner)]
    prefix = edition_prefix(lang)
    pages = [f"/{prefix}{slug}/" for slug in slugs]
    if "aftercare" in slugs:
        pages.append(f"/{prefix}{AFTERCARE_SHEET.removesuffix('.md')}/")
    return pages + [f"/{prefix}{EMBED_DIR}/{slug}/" for slug in slugs]


def care_card_changes(before: Content, after: Content) -> list[str]:
    """Each card whose level, heading, signs, where to go or sources changed, under the file it is written in and
    the pages that show it, for every edition."""
    lines = []
    for lang in _languages(before, after):
        old, new = edition(before, lang), edition(after, lang)
        for owner in dict.fromkeys([*new.topics, *old.topics]):
            a = old.topics[owner].care_cards if owner in old.topics else []
            b = new.topics[owner].care_cards if owner in new.topics else []
            found = []
            for i, j in align([card.level for card in a], [card.level for card in b]):
                card_a, card_b = (a[i] if i is not None else None), (b[j] if j is not None else None)
                if card_a == card_b:
                    continue
                card = card_b or card_a
                name = f"{card.level} card, “{escape(plain_text(card.heading))}”"
                if card_a is None or card_b is None:
                    found.append(f"- {'New' if card_a is None else 'Removed'}: {name}, {len(card.items)} signs")
                    continue
                found.append(f"- The {name}:")
                if card_a.level != card_b.level and lang == "en":  # a translation repeats the English facts
                    found.append(f"    - level: {card_a.level} → **{card_b.level}**")
                if card_a.heading != card_b.heading:
                    found.append(f"    - heading: {word_diff(plain_text(card_a.heading), plain_text(card_b.heading))}")
                items = block_changes(tuple(map(plain_text, card_a.items)), tuple(map(plain_text, card_b.items)))
                found += [f"    - {line}" for line in items]
                if card_a.where != card_b.where:
                    where_a, where_b = (plain_text(card.where or "") for card in (card_a, card_b))
                    found.append(f"    - where to go: {word_diff(where_a, where_b)}")
                if card_a.cites != card_b.cites and lang == "en":
                    found.append(f"    - sources: {word_diff(' '.join(card_a.cites), ' '.join(card_b.cites))}")
            if found:
                source = (new if owner in new.topics else old).sources[owner]
                pages = ", ".join(f"`{page}`" for page in care_card_pages(new if b else old, owner, lang))
                lines += [f"Written in `{source}`, shown on {pages}:", "", *found, ""]
    return lines


# ── claims and their sources ─────────────────────────────────────────────────────────────────────


def claim_changes(before: Content, after: Content) -> tuple[list[str], set[str]]:
    """Cited statements whose sources changed, new and removed ones, and cited statements whose words
    changed with the same sources (check the source still says it). Returns the lines and the ids of
    the references they name."""
    lines, named = [], set()
    for slug in dict.fromkeys([*after.topics, *before.topics]):
        a = statements(before.topics[slug].model_dump())[0] if slug in before.topics else []
        b = statements(after.topics[slug].model_dump())[0] if slug in after.topics else []
        found = []
        for i, j in _paired([text for _, text, _ in a], [text for _, text, _ in b]):
            old, new = (a[i] if i is not None else None), (b[j] if j is not None else None)
            if old is not None and new is not None and old[1:] == new[1:]:
                continue
            where, text, cites = new or old
            quote = f"`{where}` “{shortened(text, 16)}”"
            named.update(cites)
            if old is None:
                found.append(f"- New claim {quote}, citing {', '.join(cites)}")
            elif new is None:
                found.append(f"- Removed claim {quote}, which cited {', '.join(cites)}")
            elif old[2] != new[2]:
                named.update(old[2])
                found.append(f"- {quote}: sources {word_diff(' '.join(old[2]), ' '.join(new[2]))}")
            else:
                found.append(f"- {quote}: words changed, same sources ({', '.join(cites)}): do they still say it?")
        if found:
            topic = after.topics.get(slug) or before.topics[slug]
            lines += [f"**{escape(topic.title)}** (`{(after if slug in after.topics else before).sources[slug]}`)"]
            lines += [*found, ""]
    return lines, named


def _paired(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """align(), with a replaced item paired only when its words are similar: otherwise it is one
    removed and one new item."""
    pairs: list[tuple[int | None, int | None]] = []
    for i, j in align(old, new):
        if i is not None and j is not None and not similar(old[i], new[j]):
            pairs += [(i, None), (None, j)]
        else:
            pairs.append((i, j))
    return pairs


def reference_changes(before: Content, after: Content) -> list[str]:
    """References added to or removed from content/references.yml, and the fields of those that changed."""
    lines = []
    for ref_id in dict.fromkeys([*after.references, *before.references]):
        old, new = before.references.get(ref_id), after.references.get(ref_id)
        if old == new:
            continue
        if old is None or new is None:
            verb = "Added" if old is None else "Removed"
            lines.append(f"- {verb} `{ref_id}`: {escape(reference_for_editors(new or old))}")
            continue
        fields = [name for name in type(new).model_fields if getattr(old, name) != getattr(new, name)]
        details = "; ".join(
            f"{name}: {word_diff(str(getattr(old, name) or '—'), str(getattr(new, name) or '—'))}" for name in fields
        )
        lines.append(f"- Changed `{ref_id}`: {details}")
    return lines


def named_references(content: Content, ids: set[str]) -> list[str]:
    """The references a list of changes names, in full, so a reviewer can look them up."""
    return [
        f"- `{ref_id}`: {escape(reference_for_editors(content.references[ref_id]))}"
        for ref_id in sorted(ids)
        if ref_id in content.references
    ]


# ── evidence labels ──────────────────────────────────────────────────────────────────────────────


def _labels(data: object, names: tuple[str, ...] = (), keys: tuple[str, ...] = ()):
    """(key, names, label) of every item with an evidence label, keyed by its and its parents' ids
    (or names, for items without an id)."""
    if isinstance(data, dict):
        name = data.get("name") or data.get("id")
        if name:
            names, keys = names + (plain_text(str(name)),), keys + (str(data.get("id") or name),)
        if "evidence" in data:
            yield keys, names, data["evidence"]
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _labels(value, names, keys)
    elif isinstance(data, list):
        for item in data:
            yield from _labels(item, names, keys)


def evidence_changes(before: Content, after: Content) -> list[str]:
    """Each evidence label that changed, and labelled items added or removed, by page."""
    lines = []
    for slug in dict.fromkeys([*after.topics, *before.topics]):
        old = {k: (n, v) for k, n, v in _labels(before.topics[slug].model_dump())} if slug in before.topics else {}
        new = {k: (n, v) for k, n, v in _labels(after.topics[slug].model_dump())} if slug in after.topics else {}
        title = escape((after.topics.get(slug) or before.topics[slug]).title)
        for key in dict.fromkeys([*new, *old]):
            a, b = old.get(key), new.get(key)
            if a is not None and b is not None and a[1] == b[1]:
                continue
            where = f"{title} › {escape(' › '.join((b or a)[0]))}"
            if a is None:
                lines.append(f"- New: {where}: evidence **{b[1] or 'not graded'}**")
            elif b is None:
                lines.append(f"- Removed: {where} (evidence was {a[1] or 'not graded'})")
            else:
                lines.append(f"- {where}: evidence {a[1] or 'not graded'} → **{b[1] or 'not graded'}**")
    return lines


# ── translations ─────────────────────────────────────────────────────────────────────────────────


def _english_data(content: Content, slug: str) -> object:
    if slug == "glossary":
        return {"terms": [term.model_dump() for term in content.glossary]}
    return content.topics[slug].model_dump() if slug in content.topics else {}


def changed_words(before: object, after: object, model_class: type) -> list[tuple[str, str]]:
    """(field, its English words now) for every word field of an English file whose words changed."""
    old = {loc: _value(before, loc) for loc in text_leaves(before, model_class)}
    new = {loc: _value(after, loc) for loc in text_leaves(after, model_class)}
    return [(field_path(loc), new.get(loc, "")) for loc in dict.fromkeys([*new, *old]) if old.get(loc) != new.get(loc)]


def _value(data: object, loc: tuple) -> str:
    for part in loc:
        data = data[part]
    return str(data)


def translation_changes(
    before: Content,
    after: Content,
    before_pages: dict[str, TranslatedFile] | None = None,
    after_pages: dict[str, TranslatedFile] | None = None,
) -> tuple[list[str], int]:
    """Translated files (content/<lang>/) and pages (docs/<lang>/, scripts/templates/<lang>/) that
    this change leaves following old English words, with the English fields that changed; those it
    brings up to date; and new English pages with no translation. Returns the lines and how many
    translations are left behind."""
    lines, behind = [], 0
    for lang, translation in after.translations.items():
        old_files = before.translations[lang].files if lang in before.translations else {}
        for slug, record in translation.files.items():
            was = old_files.get(slug)
            if record.stale and (was is None or was.current != record.current):
                behind += 1
                lines.append(f"- `{record.path}` now follows old English words. Changed in `content/{slug}.yml`:")
                fields = changed_words(
                    _english_data(before, slug), _english_data(after, slug), model_for(slug + ".yml")
                )
                lines += [f"    - `{name}`: “{shortened(plain_text(text), 20)}”" for name, text in fields]
            elif was is not None and was.stale and not record.stale:
                lines.append(f"- `{record.path}` is up to date with the English again.")
        missing = before.translations[lang].missing if lang in before.translations else ()
        for name in translation.missing:
            if name not in missing:
                lines.append(
                    f"- `content/{name}` has no translation in `content/{lang}/` yet: that edition shows it in English."
                )
    for path, record in (after_pages or {}).items():
        was = (before_pages or {}).get(path)
        if record.stale and (was is None or was.current != record.current):
            behind += 1
            lines.append(f"- `{path}` now follows an old version of its English page, which this change edits.")
        elif was is not None and was.stale and not record.stale:
            lines.append(f"- `{path}` is up to date with its English page again.")
    return lines, behind


# ── reading level ────────────────────────────────────────────────────────────────────────────────


def reading_level(content: Content, slug: str, lang: str = "en") -> float | None:
    """A topic page's reading level in its edition (readability.py): the Flesch-Kincaid grade in English
    (lower is easier), the Szigriszt-Pazos ease in another language (higher is easier). None for a page
    that is not a topic."""
    if lang != "en" and lang not in content.translations:
        return None
    topic: Topic | None = edition(content, lang).topics.get(slug)
    if topic is None:
        return None
    return measure(topic).grade if lang == "en" else reading_ease(running_text(topic), lang)
