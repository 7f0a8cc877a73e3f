"""How easy each topic page is to read: the Flesch-Kincaid grade and reading time of its running text.

Running text is what a reader reads on the page, taken from the checked content rather than the
built HTML, so ids, references, dates and page furniture do not count. Each heading, list item and
label counts as a sentence of its own, as a reader meets it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import textstat
from textstat.textstat import textstatistics

from .model import Topic
from .render import plain_text

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


def reading_ease(text: str, lang: str) -> float:
    """Szigriszt-Pazos for Spanish (textstat, offline, syllables from pyphen's dictionary). Its own
    textstat instance, because set_lang on the shared one would change the English grades."""
    meter = textstatistics()
    meter.set_lang(lang)
    return meter.szigriszt_pazos(text)
