"""The shape of every content file: one model per kind of file.

These models are the single definition of the content. The loader validates with them, and
their field descriptions are what an editor reads (error messages, and later the editor's schema).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints

_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


def _no_html(text: str) -> str:
    found = _HTML_TAG.search(text)
    if found:
        raise ValueError(f"must not contain HTML (found '{found.group(0)[:30]}'): write plain text or Markdown")
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_html)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Cites = Annotated[
    list[Slug],
    Field(default_factory=list, description="Ids of entries in content/references.yml that support this text."),
]
Weeks = Annotated[StrictInt, Field(ge=1, le=52)]
Count = Annotated[StrictInt, Field(ge=1, le=52)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ── shared parts ─────────────────────────────────────────────────────────────────────────────


CalendarDate = date  # so a field can be called `date`


class Change(Strict):
    date: CalendarDate = Field(description="When the change was published, as YYYY-MM-DD.")
    summary: Text = Field(description="What changed, in one short sentence, for example 'Added stretch marks'.")


class Review(Strict):
    last_reviewed: date = Field(description="Date of the last full review of the whole page, as YYYY-MM-DD.")
    next_review_due: date = Field(description="Date the next full review is due, as YYYY-MM-DD.")
    reviewed_by: Text = Field(description="Who reviewed it: a role such as 'Editorial team', never an invented name.")
    status: Literal["editorial", "clinical"] = Field(
        description="'editorial' until a clinician has reviewed the page; 'clinical' once one has."
    )
    changes: list[Change] = Field(
        default_factory=list, description="Major changes to the page, newest first: shown as the page's change log."
    )


class Section(Strict):
    heading: Text = Field(description="The section heading, phrased as readers would ask it.")
    body: Text | None = Field(None, description="One or more short paragraphs. Markdown is allowed; HTML is not.")
    bullets: list[Text] = Field(default_factory=list, description="Short list items shown after the body.")
    cites: Cites


class CareCard(Strict):
    level: Literal["contact-clinic", "urgent", "emergency"] = Field(
        description="How soon to act: 'contact-clinic', 'urgent' or 'emergency'."
    )
    heading: Text = Field(description="What to do, for example 'Contact your clinic or GP if:'.")
    items: list[Text] = Field(min_length=1, description="The signs that mean this level of care.")
    cites: Cites


class Topic(Strict):
    """Fields every topic page has. A content file with no special kind uses just these."""

    title: Text = Field(description="The page title, in plain words.")
    summary: Annotated[Text, StringConstraints(max_length=200)] = Field(
        description="One sentence that sums up the page; used as the search-engine description."
    )
    review: Review = Field(description="When the page was last reviewed, by whom, and when it is due again.")
    intro: Text = Field(description="The opening paragraph: the answer first, in plain words.")
    key_points: list[Text] = Field(default_factory=list, description="Three to five points shown at the top.")
    sections: list[Section] = Field(default_factory=list, description="Further sections of the page, in order.")
    care_cards: list[CareCard] = Field(default_factory=list, description="When-to-get-help cards.")
    care_cards_from: Slug | None = Field(
        None, description="Show the when-to-get-help cards of another page (by file name), so they are written once."
    )
    related: list[Slug] = Field(default_factory=list, description="Other topic pages to suggest, by file name.")


# ── kinds of topic ───────────────────────────────────────────────────────────────────────────


class Device(Strict):
    name: Text = Field(description="The kind of device, for example 'Pen'.")
    description: Text = Field(description="What it is and who uses it.")
    cites: Cites


class WhatIsTopic(Topic):
    devices: list[Device] = Field(min_length=1, description="The kinds of microneedling device.")


EvidenceLevel = Literal["moderate", "some", "limited", "mixed"]

EVIDENCE_LEVELS: dict[str, str] = {
    "moderate": "Several reviews of studies agree, but the studies are small and done in different ways.",
    "some": "A few controlled trials or one review point the same way, with few patients.",
    "limited": "Mostly small studies without a comparison group.",
    "mixed": "Studies disagree, or any benefit did not last.",
}


class Indication(Strict):
    id: Slug = Field(description="A short id for this use, for example 'acne-scars'.")
    name: Text = Field(description="The skin concern, in plain words.")
    evidence: EvidenceLevel = Field(description="Strength of evidence: 'moderate', 'some', 'limited' or 'mixed'.")
    summary: Text = Field(description="What the evidence shows, honestly and without promises.")
    details: list[Text] = Field(default_factory=list, description="Key findings, one per item.")
    cites: Annotated[list[Slug], Field(min_length=1, description="References behind this use.")]


class BenefitsTopic(Topic):
    indications: list[Indication] = Field(min_length=1, description="One entry per skin concern studied.")


class Step(Strict):
    title: Text = Field(description="A short name for the step.")
    text: Text = Field(description="What happens, in plain words.")
    cites: Cites


class Stage(Strict):
    part: Literal["before", "during", "after"] = Field(
        description="Which part of the procedure this is: 'before', 'during' or 'after' (used in search-engine data)."
    )
    heading: Text = Field(description="The stage, for example 'Before your session'.")
    steps: list[Step] = Field(min_length=1, description="The steps in this stage, in order.")


class ProcedureTopic(Topic):
    stages: list[Stage] = Field(min_length=1, description="Before, during and after the session.")


class Sessions(Strict):
    min: Count = Field(description="Fewest sessions in a course, as a whole number.")
    typical: Count = Field(description="The usual number of sessions, used as the calculator's default.")
    max: Count = Field(description="Most sessions in a course, as a whole number.")


class IntervalWeeks(Strict):
    min: Weeks = Field(description="Shortest gap between sessions, in whole weeks, like 2.")
    default: Weeks = Field(description="Usual gap between sessions, in whole weeks, like 4.")
    max: Weeks = Field(description="Longest usual gap between sessions, in whole weeks, like 6.")


class Concern(Strict):
    id: Slug = Field(description="A short id for the concern, for example 'acne-scars'.")
    name: Text = Field(description="The concern as readers would name it.")
    sessions: Sessions = Field(description="How many sessions a course usually has.")
    interval_weeks: IntervalWeeks = Field(description="Weeks between sessions: shortest, usual and longest.")
    note: Text = Field(description="Where these numbers come from, in one or two sentences.")
    cites: Cites


class FrequencyTopic(Topic):
    concerns: list[Concern] = Field(min_length=1, description="Session plans per skin concern.")
    default_concern: Slug = Field(description="The concern id used when a reader is not sure.")


class Combination(Strict):
    name: Text = Field(description="The other treatment.")
    what_we_know: Text = Field(description="What studies found when it was combined with microneedling.")
    timing: Text = Field(description="How the two were timed in studies, or that your clinician decides.")
    caution: Text | None = Field(None, description="A safety point, if there is one.")
    cites: Cites


class CombiningTopic(Topic):
    combinations: list[Combination] = Field(min_length=1, description="Treatments combined with microneedling.")


class TimelineStage(Strict):
    id: Slug = Field(description="A short id, for example 'first-day'.")
    label: Text = Field(description="When, in words, for example 'Days 1 to 3'.")
    from_day: Annotated[StrictInt, Field(ge=0, le=365)] = Field(
        description="First day of this stage, counted from the session (the session day is 0)."
    )
    to_day: Annotated[StrictInt, Field(ge=0, le=365)] = Field(description="Last day of this stage.")
    expect: Text | None = Field(None, description="What the skin is usually like at this stage.")
    do: list[Text] = Field(default_factory=list, description="Things to do.")
    avoid: list[Text] = Field(default_factory=list, description="Things to avoid.")
    cites: Cites


class AftercareTopic(Topic):
    timeline: list[TimelineStage] = Field(min_length=1, description="Aftercare stages, day by day, in order.")


class SideEffect(Strict):
    name: Text = Field(description="The side effect, in plain words.")
    how_common: Literal["expected", "uncommon", "rare"] = Field(description="'expected', 'uncommon' or 'rare'.")
    how_long: Text = Field(description="How long it usually lasts.")
    details: Text | None = Field(None, description="More about it, in a sentence or two.")
    cites: Cites


class Caution(Strict):
    text: Text = Field(description="Who or what, in plain words.")
    basis: Literal["evidence", "regulation", "practice"] = Field(
        description="Why it is listed: 'evidence', 'regulation', or common clinic 'practice'."
    )
    cites: Cites


class RisksTopic(Topic):
    side_effects: list[SideEffect] = Field(min_length=1, description="Side effects, from expected to rare.")
    not_suitable: list[Caution] = Field(min_length=1, description="When microneedling should not be done.")
    check_first: list[Caution] = Field(min_length=1, description="When to talk to your clinician first.")


class Question(Strict):
    question: Text = Field(description="The question, as a reader would ask it.")
    answer: Text = Field(description="A short, plain answer.")
    see: Slug | None = Field(None, description="A topic page with more, by file name.")
    cites: Cites


class FaqTopic(Topic):
    questions: list[Question] = Field(min_length=1, description="Common questions and short answers.")


# ── the bibliography ─────────────────────────────────────────────────────────────────────────


class Reference(Strict):
    id: Slug = Field(description="A short id cited from pages, for example 'alam-2014'.")
    authors: Text | None = Field(None, description="Authors as listed in the fact sheet; leave out if not known.")
    title: Text = Field(description="Title of the article or page.")
    published_in: Text | None = Field(None, description="Journal, website or organisation.")
    year: Annotated[StrictInt, Field(ge=1900, le=2100)] | None = Field(None, description="Year of publication.")
    details: Text | None = Field(None, description="Volume, issue, pages or date, as listed in the fact sheet.")
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = Field(
        None, description="DOI without 'doi:' or a link, for example 10.1001/jamadermatol.2013.8687."
    )
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{5,9}$")] | None = Field(None, description="PubMed id.")
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = Field(
        None, description="Web address of the source, starting https://."
    )
    note: Text | None = Field(None, description="A caution about the source, for example missing details.")


class Bibliography(Strict):
    references: list[Reference] = Field(min_length=1, description="Every source the guide cites.")


# ── the glossary ─────────────────────────────────────────────────────────────────────────────


class Term(Strict):
    term: Text = Field(description="The word as it appears in the text, for example 'collagen'.")
    also: list[Text] = Field(
        default_factory=list, description="Other forms of the word that should show the same tooltip, like 'Collagen'."
    )
    definition: Annotated[Text, StringConstraints(max_length=160)] = Field(
        description="A plain-words meaning in one short sentence, shown as a tooltip."
    )


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1, description="Words readers may not know, each explained once.")


# Which model reads which file. Any other .yml file in content/ is a plain topic page.
KINDS: dict[str, type[BaseModel]] = {
    "references.yml": Bibliography,
    "glossary.yml": Glossary,
    "what-is-microneedling.yml": WhatIsTopic,
    "benefits.yml": BenefitsTopic,
    "procedure.yml": ProcedureTopic,
    "frequency.yml": FrequencyTopic,
    "combining.yml": CombiningTopic,
    "aftercare.yml": AftercareTopic,
    "risks.yml": RisksTopic,
    "faq.yml": FaqTopic,
}
