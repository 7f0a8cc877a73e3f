"""How easy each page is to read: the Flesch-Kincaid grade and reading time of an English topic page's
running text, and the Szigriszt-Pazos reading ease (INFLESZ scale) of a Spanish one and of the glossary.

Running text is what a reader reads on the page, taken from the checked content rather than the
built HTML, so ids, references, dates and page furniture do not count. Each heading, list item and
label counts as a sentence of its own, as a reader meets it.

Spanish syllables are counted by pylabeador, which divides a word by the rules of Spanish
(diphthongs, hiatus, a stressed í or ú): a hyphenation dictionary such as pyphen's leaves out breaks
that would leave one letter alone, so it counts "día" as one syllable and "microagujas" as four,
and the page reads easier than it is. tests/unit/test_readability.py holds the words checked by hand.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pylabeador
import textstat

from .model import Term, Topic
from .problems import Problem
from .render import plain_text
from .translate import Translation
from .validate import Content

GRADE_CEILING = 9  # reading age about 14: the guide's plain-language standard
WORDS_PER_MINUTE = 200

# Fields that hold codes, ids or dates, not words a reader reads as sentences.
_NOT_PROSE = {
    "id", "cites", "related", "see", "review", "level", "evidence", "basis", "how_common", "care_cards_from", "part",
    "default_concern", "takes", "url", "editions",
}  # fmt: skip
_ENDS_SENTENCE = re.compile(r"[.!?:]$")


@dataclass(frozen=True)
class Readability:
    grade: float
    words: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))


def running_text(topic: Topic) -> str:
    """The page's words in reading order, one sentence-ending mark after each piece."""
    pieces = [piece for piece in _strings(topic.model_dump()) if piece.strip()]
    return _sentences(pieces)


def glossary_text(terms: Sequence[Term]) -> str:
    """The glossary's meanings, each a sentence. The words explained are left out: the glossary is where
    the hard words are meant to be, and a reader looks one up rather than reading the list."""
    return _sentences([term.definition for term in terms])


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_NOT_WORDS = re.compile(r"<[^>]*>|\{[^}]*\}|^\s*(?:#+|[-*+]|\d+\.|!!!|\?\?\?\+?|>)\s*", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:#|[-*+] |\d+\. ))")  # a blank line, or a new heading or list item


def markdown_text(markdown: str) -> str:
    """The words of a hand-written page (docs/<lang>/*.md) as a reader meets them: no front matter, HTML
    tags, attribute lists, link targets or list and heading marks; each paragraph, heading and list
    item a sentence."""
    body = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"))
    pieces = [" ".join(_NOT_WORDS.sub(" ", _LINK.sub(r"\1", piece)).split()) for piece in _BREAK.split(body)]
    return _sentences([piece for piece in pieces if piece])


def _sentences(pieces: list[str]) -> str:
    return " ".join(p if _ENDS_SENTENCE.search(p) else p + "." for p in map(plain_text, pieces))


def measure(topic: Topic) -> Readability:
    text = running_text(topic)
    return Readability(grade=textstat.flesch_kincaid_grade(text), words=textstat.lexicon_count(text))


def _strings(data: object):
    if isinstance(data, str):
        yield data.strip()
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_PROSE:
                yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


# Reading ease for translations: (formula, the lowest score a page may have). Szigriszt-Pazos on
# the INFLESZ scale: 65 to 80 is "bastante fácil" (fairly easy), over 80 "muy fácil".
READING_EASE = {"es": ("Szigriszt-Pazos, INFLESZ scale, higher is easier", 65)}

_WORD = re.compile(r"[^\W\d_]+")  # letters: "Morpheus8" is the word "Morpheus"; a number is not a word
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")  # not the point inside "0.5"
_VOWELS = re.compile(r"[aeiouáéíóúüy]+", re.IGNORECASE)


@cache
def spanish_syllables(word: str) -> int:
    """The syllables of one Spanish word, by the rules of Spanish syllabification (pylabeador). A word it
    cannot divide, such as an abbreviation without a vowel ("PRP", "mm") or an English word's cluster of
    consonants ("months"), counts one syllable for each group of vowels, and at least one."""
    try:
        return len(pylabeador.syllabify(word.lower()))
    except pylabeador.HyphenatorError:
        return max(1, len(_VOWELS.findall(word)))


def szigriszt_pazos(text: str) -> float:
    """Szigriszt-Pazos's perspicuity, read on the INFLESZ scale: 206.835 − 62.3 × syllables per word −
    words per sentence. A sentence ends at '.', '!', '?' or '…' before a space or the end."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    syllables = sum(spanish_syllables(word) for word in words)
    return round(206.835 - 62.3 * syllables / len(words) - len(words) / max(1, len(sentences)), 1)


def reading_ease(text: str, lang: str) -> float:
    """The reading ease of a text in a translation's language (READING_EASE): Szigriszt-Pazos in Spanish."""
    if lang != "es":
        raise ValueError(f"no reading-ease formula for '{lang}': add one to READING_EASE and reading_ease")
    return szigriszt_pazos(text)


def reading_problems(content: Content, root: Path | None = None) -> list[Problem]:
    """An error for each translated page (content/<lang>/*.yml, the glossary's meanings included, and with
    `root`, docs/<lang>/*.md) that reads below its language's floor (READING_EASE), and for each English
    topic page above the grade ceiling."""
    problems = []
    for slug, topic in content.topics.items():
        grade = measure(topic).grade
        if grade > GRADE_CEILING:
            message = f"reads at grade {grade:.1f}, above the guide's ceiling of {GRADE_CEILING}: {_EASIER}"
            problems.append(Problem(content.sources[slug], 1, 1, "", message))
    for translation in content.translations.values():
        if translation.lang not in READING_EASE:
            continue
        _, floor = READING_EASE[translation.lang]
        for path, ease in translated_ease(translation, root).items():
            if ease < floor:
                message = f"reads at {ease:.1f} on the INFLESZ scale, below the guide's floor of {floor}: {_EASIER}"
                problems.append(Problem(path, 1, 1, "", message))
    return problems


_EASIER = "shorten sentences and use shorter, everyday words"


def translated_ease(translation: Translation, root: Path | None = None) -> dict[str, float]:
    """The reading ease of each translated page and of the translated glossary, by its file's path; with
    `root` (the repository), of each hand-written page in docs/<lang>/ too. The For clinics page
    (templates/<lang>/clinics.md.j2) is written for clinics' staff, not for patients, and is left out."""
    texts = {translation.sources[slug]: running_text(topic) for slug, topic in translation.topics.items()}
    if translation.glossary and "glossary" in translation.sources:
        texts[translation.sources["glossary"]] = glossary_text(translation.glossary)
    for page in sorted((root / "docs" / translation.lang).glob("*.md")) if root else ():
        texts[page.relative_to(root).as_posix()] = markdown_text(page.read_text(encoding="utf-8"))
    return {path: reading_ease(text, translation.lang) for path, text in texts.items()}
