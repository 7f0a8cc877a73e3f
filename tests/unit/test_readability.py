"""Plain language, measured: every English topic page stays at or under the grade ceiling, and every
Spanish page and the Spanish glossary at or over the reading-ease floor, with Spanish syllables
counted as Spanish divides them."""

from __future__ import annotations

import pytest

from conftest import ROOT
from guide.readability import (
    GRADE_CEILING,
    READING_EASE,
    glossary_text,
    markdown_text,
    measure,
    running_text,
    spanish_syllables,
    szigriszt_pazos,
    translated_ease,
)
from guide.validate import load_content

CONTENT = load_content(ROOT)
SPANISH = CONTENT.translations["es"]


@pytest.mark.parametrize("slug", sorted(CONTENT.topics))
def test_every_topic_page_is_at_or_under_the_grade_ceiling(slug):
    found = measure(CONTENT.topics[slug])
    assert found.grade <= GRADE_CEILING, f"content/{slug}.yml reads at grade {found.grade}: shorten sentences"
    assert found.words > 100


def test_the_measure_catches_hard_text(minimal):
    minimal.replace(
        "frequency.yml",
        "intro: Most people have a course of a few sessions, a few weeks apart.",
        "intro: Percutaneous collagen induction necessitates meticulous consideration of individualised "
        "periodicity, contingent upon dermatological characteristics, comorbidities, concomitant "
        "pharmacotherapy and practitioner-determined therapeutic objectives.",
    )
    assert measure(load_content(minimal.root).topics["frequency"]).grade > GRADE_CEILING


def test_running_text_leaves_out_ids_and_references_and_ends_each_piece(minimal):
    text = running_text(load_content(minimal.root).topics["frequency"])
    assert "harris-2015" not in text and "acne-scars" not in text and "2026" not in text
    assert "Why wait between sessions." in text  # a heading reads as a sentence of its own


# ── Spanish syllables ─────────────────────────────────────────────────────────────────────────
#
# Counted by hand, by the rules of Spanish syllabification (Ortografía de la RAE, 2010): two strong
# vowels (a, e, o) or two identical ones are a hiatus (le-er, an-ti-in-fla-ma-to-rio); a stressed í or ú
# beside a strong vowel is a hiatus (dí-a, pa-ís, a-ún), also across an h (a-hí, bú-ho); an unstressed
# i or u beside another vowel makes a diphthong (cui-da-do, ciu-dad, a-gua) or a triphthong
# (es-tu-diáis, buey); final y is a vowel (muy, U-ru-guay); the u of gue, gui, que, qui is silent
# (que-loi-de, guí-a) but ü is not (ver-güen-za). "guion" is one syllable in writing since 2010.
# pyphen (hyphenation patterns, what textstat used) gets 53 of these 90 right, pylabeador 0.9.0 and
# syltippy 1.0 all 90, silabeador 1.2.4 88, legibilidad 0.21 88 (README.md, "Measured reading ease").
SPANISH_SYLLABLES = {
    # words of the guide
    "microagujas": 5, "isotretinoína": 7, "hiperpigmentación": 6, "cicatrices": 4, "enrojecimiento": 6,
    "anticoagulantes": 7, "roacután": 4, "antiinflamatorio": 7, "dermoabrasión": 5, "radiofrecuencia": 5,
    "hialurónico": 5, "psoriasis": 3, "rosácea": 4, "queloide": 3, "colágeno": 4, "anestésica": 5,
    "hinchazón": 3, "embarazada": 5, "lactancia": 3, "eccema": 3, "granitos": 3, "maquillarme": 4,
    "pecho": 2, "acné": 2, "ibuprofeno": 5, "quemadura": 4, "ampollas": 3, "desinfectante": 5,
    "sesión": 2, "sesiones": 3, "tratamiento": 4, "infección": 3, "inflamación": 4, "médico": 3,
    "dermatólogo": 5, "estrías": 3, "labiales": 3, "diabetes": 3, "riesgo": 2, "piel": 1,
    # hiatus with a stressed í or ú
    "día": 2, "país": 2, "aún": 2, "reír": 2, "oír": 2, "oído": 3, "baúl": 2, "maíz": 2, "reúne": 3,
    "actúa": 3, "continúa": 4, "guía": 2, "poesía": 4, "ahí": 2, "búho": 2,
    # hiatus of strong or identical vowels
    "leer": 2, "creer": 2, "área": 3, "línea": 3, "aérea": 4, "océano": 4, "paseo": 3, "poeta": 3,
    "europeo": 4,
    # diphthongs and triphthongs
    "cuidado": 3, "ciudad": 2, "guion": 1, "continua": 3, "aceite": 3, "aumento": 3, "vaina": 2,
    "ruido": 2, "bien": 1, "también": 2, "después": 2, "fuego": 2, "agua": 2, "cuándo": 2, "duele": 2,
    "huevo": 2, "pequeño": 3, "antigüedad": 4, "vergüenza": 3, "estudiáis": 3, "buey": 1,
    "muy": 1, "hay": 1, "ley": 1, "y": 1, "Uruguay": 3,
}  # fmt: skip


def test_the_word_list_is_long_enough_to_tell_counters_apart():
    assert len(SPANISH_SYLLABLES) >= 60


def test_spanish_syllables_are_counted_as_spanish_divides_words():
    wrong = {word: spanish_syllables(word) for word, count in SPANISH_SYLLABLES.items()}
    wrong = {word: found for word, found in wrong.items() if found != SPANISH_SYLLABLES[word]}
    assert wrong == {}, "counted wrongly (word: count found)"


@pytest.mark.parametrize(("word", "count"), [("PRP", 1), ("mm", 1), ("months", 1), ("MICROAGUJAS", 5)])
def test_a_word_the_syllabifier_cannot_divide_still_counts(word, count):
    assert spanish_syllables(word) == count


def test_szigriszt_pazos_counts_words_syllables_and_sentences():
    # 8 words, 11 syllables (la piel se cu-ra; el dí-a es cor-to), 2 sentences: 206.835 − 62.3 × 11/8 − 8/2
    assert szigriszt_pazos("La piel se cura. El día es corto.") == 117.2
    # a number is not a word, and the point inside "0,5" or "0.5" ends no sentence
    assert szigriszt_pazos("La piel se cura en 0.5 días. El día es corto.") == szigriszt_pazos(
        "La piel se cura en días. El día es corto."
    )
    assert szigriszt_pazos("") == 0.0


# ── the real Spanish edition ─────────────────────────────────────────────────────────────────

_, FLOOR = READING_EASE["es"]
EASE = translated_ease(SPANISH, ROOT)


@pytest.mark.parametrize("path", sorted(EASE))
def test_every_spanish_page_and_the_glossary_read_at_or_over_the_floor(path):
    """Szigriszt-Pazos (INFLESZ): 65 or more reads as 'bastante fácil'."""
    assert EASE[path] >= FLOOR, f"{path} reads at {EASE[path]} on the INFLESZ scale"


def test_the_glossary_and_every_translated_page_are_measured():
    hand_written = {path.relative_to(ROOT).as_posix() for path in (ROOT / "docs" / "es").glob("*.md")}
    assert set(EASE) == {*SPANISH.sources.values(), *hand_written}
    assert {"content/es/glossary.yml", "docs/es/index.md"} <= set(EASE)


def test_a_hand_written_page_is_measured_by_the_words_a_reader_meets():
    page = (
        "---\ntitle: Inicio\ntranslation: {source: x}\n---\n\n# Las microagujas { #start }\n\n"
        "Una guía <strong>clara</strong>\nen dos líneas.\n\n- [Cuidados](aftercare.md): qué hacer\n- Riesgos\n"
    )
    assert markdown_text(page) == "Las microagujas. Una guía clara en dos líneas. Cuidados: qué hacer. Riesgos."


def test_the_glossary_is_measured_by_its_meanings():
    assert glossary_text(SPANISH.glossary).startswith(SPANISH.glossary[0].definition)
    assert SPANISH.glossary[0].term not in glossary_text(SPANISH.glossary[:1])
