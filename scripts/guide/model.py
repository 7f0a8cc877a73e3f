"""The shape of every content file: one model per kind of file.

These models are the single definition of the content. The loader validates with them, and
their field descriptions are what an editor reads (error messages, and later the editor's schema).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    model_validator,
)

from .markup import hygiene_problem, markdown_problem, normalise, plain_problem


def _checked(find_problem):
    def check(text: str) -> str:
        problem = hygiene_problem(text) or find_problem(text)
        if problem:
            raise ValueError(problem)
        return text

    return check


def _nfc(value: object) -> object:
    return normalise(value) if isinstance(value, str) else value


# Text: the small allowed Markdown of markup.py (emphasis, lists, links to pages and https:/mailto:),
# a few short paragraphs at most.
Text = Annotated[
    str,
    BeforeValidator(_nfc),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=3000),
    AfterValidator(_checked(markdown_problem)),
]
# Line: plain text shown as it is (titles, headings, names, definitions): no Markdown links either.
Line = Annotated[
    str,
    BeforeValidator(_nfc),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
    AfterValidator(_checked(plain_problem)),
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Cites = Annotated[
    list[Slug],
    Field(default_factory=list, description="Ids of entries in content/references.yml that support this text."),
]
# A web address (of a reference or a reporting page): https, a host, and a path of URL characters only (no
# quotes, spaces, brackets or '<' and '>', so it can never end the link it is written into).
_WEB_ADDRESS = r"^https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)?$"
Weeks = Annotated[StrictInt, Field(ge=1, le=52)]
Count = Annotated[StrictInt, Field(ge=1, le=52)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ── shared parts ─────────────────────────────────────────────────────────────────────────────


# A real date in the guide's lifetime: a typo such as 9999 would break date arithmetic on the pages.
CalendarDate = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))]


class Change(Strict):
    date: CalendarDate = Field(description="When the change was published, as YYYY-MM-DD.")
    summary: Line = Field(description="What changed, in one short sentence, for example 'Added stretch marks'.")


class Review(Strict):
    last_reviewed: CalendarDate = Field(description="Date of the last full review of the whole page, as YYYY-MM-DD.")
    next_review_due: CalendarDate = Field(description="Date the next full review is due, as YYYY-MM-DD.")
    reviewed_by: Line = Field(description="Who reviewed it: a role such as 'Editorial team', never an invented name.")
    status: Literal["editorial", "clinical"] = Field(
        description="'editorial' until a clinician has reviewed the page; 'clinical' once one has."
    )
    changes: list[Change] = Field(
        default_factory=list, description="Major changes to the page, newest first: shown as the page's change log."
    )


class Section(Strict):
    heading: Line = Field(description="The section heading, phrased as readers would ask it.")
    body: Text | None = Field(
        None, description="Short paragraphs: plain text, **bold**, *italic*, lists and [links](aftercare.md); no HTML."
    )
    bullets: list[Text] = Field(default_factory=list, description="Short list items shown after the body.")
    cites: Cites


class CareCard(Strict):
    level: Literal["contact-clinic", "urgent", "emergency"] = Field(
        description="How soon to act: 'contact-clinic', 'urgent' or 'emergency'."
    )
    heading: Line = Field(description="What to do, for example 'Contact your clinic or GP if:'.")
    items: list[Text] = Field(min_length=1, description="The signs that mean this level of care.")
    where: Text | None = Field(
        None,
        description=(
            "Where to get this help, in a sentence or two, shown under the signs, for example 'Contact your GP"
            " or go to an urgent treatment centre.' Leave out when the heading already says where."
        ),
    )
    cites: Cites


class Topic(Strict):
    """Fields every topic page has. A content file with no special kind uses just these."""

    title: Line = Field(description="The page title, in plain words.")
    summary: Annotated[Line, StringConstraints(max_length=200)] = Field(
        description="One sentence that sums up the page; used as the search-engine description."
    )
    also_called: list[Line] = Field(
        default_factory=list,
        description=(
            "Other names for what this page is about, as readers say them, for example 'skin needling'."
            " Shown under the title as 'Also called: ...' and found by the site's search."
            " Mark a brand name as a brand: 'Dermapen (a brand)'."
        ),
    )
    search_words: list[Line] = Field(
        default_factory=list,
        description=(
            "Words readers type when they look for this page but the page does not use: everyday words"
            " ('pregnant', 'makeup'), spellings run together ('dermaroller') and common misspellings"
            " ('microneedeling'). Not shown on the page: the site's search finds the page by them and shows"
            " them as small labels under its result. Mark a brand name as a brand: 'SkinPen (a brand)'."
        ),
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
    name: Line = Field(description="The kind of device, for example 'Pen'.")
    description: Text = Field(description="What it is and who uses it.")
    cites: Cites


Millimetres = Annotated[StrictFloat, Field(ge=0, le=5)]


class NeedleDepth(Strict):
    """A needle depth as one source gives it. The what-is page draws these as a figure and lists them in a table."""

    use: Line = Field(description="The device, area or use, in a few words, for example 'Scalp, for hair loss'.")
    min_mm: Millimetres | None = Field(
        None,
        description=(
            "Shallowest depth in millimetres, like 0.5; for a single depth, the same as max_mm. Leave out when the "
            "source gives only a deepest depth, and set upper_limit."
        ),
    )
    max_mm: Annotated[StrictFloat, Field(gt=0, le=5)] = Field(
        description="Deepest depth in millimetres, like 2.5, exactly as the source gives it."
    )
    upper_limit: Literal["under", "up to"] | None = Field(
        None, description="Only when min_mm is left out: whether the source says 'under' or 'up to' max_mm."
    )
    cites: Annotated[list[Slug], Field(min_length=1, description="The sources that give this depth.")]

    @model_validator(mode="after")
    def _one_reading(self) -> NeedleDepth:
        if self.min_mm is None and self.upper_limit is None:
            raise ValueError("give min_mm, or upper_limit ('under' or 'up to') when the source gives only max_mm")
        if self.min_mm is not None and self.upper_limit is not None:
            raise ValueError("give min_mm or upper_limit, not both")
        if self.min_mm is not None and self.min_mm > self.max_mm:
            raise ValueError(f"min_mm ({self.min_mm:g}) must not be more than max_mm ({self.max_mm:g})")
        return self


class WhatIsTopic(Topic):
    devices: list[Device] = Field(min_length=1, description="The kinds of microneedling device.")
    needle_depths: list[NeedleDepth] = Field(
        default_factory=list,
        description="Needle depths by device, area or use, only as cited sources give them; drawn and listed.",
    )


EvidenceLevel = Literal["moderate", "some", "limited", "mixed", "opinion"]

# The allowed labels, strongest first. Their names and meanings, in each language, are interface text:
# evidence.levels and evidence.meanings in scripts/templates/strings/<lang>.yml.
EVIDENCE_LEVELS: tuple[str, ...] = get_args(EvidenceLevel)


class Indication(Strict):
    id: Slug = Field(description="A short id for this use, for example 'acne-scars'.")
    name: Line = Field(description="The skin concern, in plain words.")
    evidence: EvidenceLevel = Field(
        description="Strength of evidence: 'moderate', 'some', 'limited', 'mixed' or 'opinion'."
    )
    summary: Text = Field(description="What the evidence shows, honestly and without promises.")
    details: list[Text] = Field(default_factory=list, description="Key findings, one per item.")
    cites: Annotated[list[Slug], Field(min_length=1, description="References behind this use.")]


class BenefitsTopic(Topic):
    indications: list[Indication] = Field(min_length=1, description="One entry per skin concern studied.")


class Step(Strict):
    title: Line = Field(description="A short name for the step.")
    text: Text = Field(description="What happens, in plain words.")
    cites: Cites


class Stage(Strict):
    part: Literal["before", "during", "after"] = Field(
        description="Which part of the procedure this is: 'before', 'during' or 'after' (used in search-engine data)."
    )
    heading: Line = Field(description="The stage, for example 'Before your session'.")
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
    name: Line = Field(description="The concern as readers would name it.")
    studies_used: Line | None = Field(
        None,
        description=(
            "What the cited studies did, in a few words for the table, for example '2 to 4 sessions, about a month"
            " apart'. Leave out only when no study covers this concern."
        ),
    )
    sessions: Sessions = Field(
        description="The guide's suggested number of sessions in a course, based on the studies (not a study result)."
    )
    interval_weeks: IntervalWeeks = Field(
        description="The guide's suggested weeks between sessions, based on the studies: shortest, usual and longest."
    )
    note: Text = Field(description="Where these numbers come from, in one or two sentences.")
    caution: Line | None = Field(
        None,
        description=(
            "What a reader must know before planning sessions for this concern, in one short sentence, for example"
            " that the studies were only in men. Shown with the concern's numbers: under the sessions table on"
            " the planner page, and with the concern on the how-often page."
        ),
    )
    cites: Cites
    aftercare_area: Slug | None = Field(
        None,
        description=(
            "When aftercare for this concern differs from the face, the id of an entry in the areas of"
            " content/aftercare.yml, for example 'scalp'. The session planner shows it with the plan."
        ),
    )


class FrequencyTopic(Topic):
    concerns: list[Concern] = Field(min_length=1, description="Session plans per skin concern.")
    default_concern: Slug = Field(description="The concern id used when a reader is not sure.")


class Combination(Strict):
    name: Line = Field(description="The other treatment.")
    what_we_know: Text = Field(description="What studies found when it was combined with microneedling.")
    timing: Text = Field(description="How the two were timed in studies, or that your clinician decides.")
    caution: Text | None = Field(None, description="A safety point, if there is one.")
    cites: Cites


class CombiningTopic(Topic):
    combinations: list[Combination] = Field(min_length=1, description="Treatments combined with microneedling.")


class TimelineStage(Strict):
    id: Slug = Field(description="A short id, for example 'first-day'.")
    label: Line = Field(description="When, in words, for example 'Days 1 to 3'.")
    from_day: Annotated[StrictInt, Field(ge=0, le=365)] = Field(
        description="First day of this stage, counted from the session (the session day is 0)."
    )
    to_day: Annotated[StrictInt, Field(ge=0, le=365)] = Field(description="Last day of this stage.")
    expect: Text | None = Field(None, description="What the skin is usually like at this stage.")
    do: list[Text] = Field(default_factory=list, description="Things to do.")
    avoid: list[Text] = Field(default_factory=list, description="Things to avoid.")
    cites: Cites


class AreaStep(Strict):
    stage: Slug = Field(description="The id of a stage in the timeline, for example 'session-day'.")
    do: list[Text] = Field(default_factory=list, description="Things to do there at this stage, as well.")
    avoid: list[Text] = Field(default_factory=list, description="Things to avoid there at this stage, as well.")
    cites: Cites


class AftercareArea(Strict):
    id: Slug = Field(description="A short id for a part of the body whose aftercare differs, for example 'scalp'.")
    heading: Line = Field(description="The heading, for example 'Aftercare for the scalp'.")
    body: Text = Field(
        description="How aftercare differs there, only as far as the sources say; otherwise, to ask the clinic."
    )
    stages: list[AreaStep] = Field(
        default_factory=list,
        description="Extra things to do or avoid there at a stage of the timeline, only where the sources say so.",
    )
    cites: Cites


class AftercareTopic(Topic):
    timeline: list[TimelineStage] = Field(min_length=1, description="Aftercare stages, day by day, in order.")
    areas: list[AftercareArea] = Field(
        default_factory=list,
        description=(
            "Parts of the body whose aftercare differs from the timeline, such as the scalp. A concern in"
            " content/frequency.yml links to one with aftercare_area."
        ),
    )


# How often a side effect happens, as the risks table says it. Each label's meaning, in each language, is
# interface text (risks.how_common and risks.how_common_meanings in scripts/templates/strings/<lang>.yml),
# shown once above the table: no undefined frequency word such as "rare" reaches a reader.
HowCommon = Literal["expected", "counted", "not-counted"]


class SideEffect(Strict):
    name: Line = Field(description="The side effect, in plain words.")
    how_common: HowCommon = Field(
        description=(
            "'expected' (most people get it as the skin heals), 'counted' (studies give numbers: write them in"
            " how_often) or 'not-counted' (no study gives a rate)."
        )
    )
    how_often: Line | None = Field(
        None,
        description=(
            "What the studies counted, with their numbers, for example '5 in 30 people in one small study'. Needed"
            " with how_common: counted; otherwise optional."
        ),
    )
    how_long: Line = Field(description="How long it usually lasts.")
    details: Text | None = Field(None, description="More about it, in a sentence or two.")
    cites: Cites

    @model_validator(mode="after")
    def _numbers_when_counted(self) -> SideEffect:
        if self.how_common == "counted" and not self.how_often:
            raise ValueError("how_common is 'counted': give the studies' numbers in how_often")
        return self


class Caution(Strict):
    text: Text = Field(description="Who or what, in plain words.")
    basis: Literal["evidence", "regulation", "practice"] = Field(
        description="Why it is listed: 'evidence', 'regulation', or common clinic 'practice'."
    )
    cites: Cites


# What a regulator takes reports about. Names, in each language: reporting.takes in the strings files.
Reportable = Literal["devices", "medicines", "practitioners"]
# An edition of the guide by its language code ("en", "es"): mkdocs.yml and mkdocs.<lang>.yml.
Edition = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


class Regulator(Strict):
    """Where readers of one country report a problem. Listed on the risks page, in the editions it names."""

    id: Slug = Field(description="A short id, for example 'uk'.")
    country: Line = Field(description="The country, as readers name it, for example 'United Kingdom'.")
    name: Line = Field(
        description="The regulator's name, for example 'Medicines and Healthcare products Regulatory Agency (MHRA)'."
    )
    takes: Annotated[list[Reportable], Field(min_length=1)] = Field(
        description="What it takes reports about, as its own page says: 'devices', 'medicines', 'practitioners'."
    )
    how: Text = Field(description="Who can report and how, in a sentence or two, only as its page says.")
    link_text: Line = Field(
        description="The words of the link to its reporting page, for example 'Yellow Card scheme'."
    )
    url: Annotated[str, StringConstraints(pattern=_WEB_ADDRESS)] = Field(
        description="The address of its reporting page, starting https://, exactly as you read it."
    )
    editions: Annotated[list[Edition], Field(min_length=1)] = Field(
        description="The editions that list it, by language code, such as [en] or [es]: each lists its own countries."
    )
    cites: Annotated[list[Slug], Field(min_length=1, description="The pages you read it on.")]


class Reporting(Strict):
    heading: Line = Field(description="The section heading, for example 'Reporting a problem'.")
    body: Text = Field(description="What to do first, before the list of countries.")
    regulators: list[Regulator] = Field(min_length=1, description="One entry per country and regulator.")
    cites: Cites


class RisksTopic(Topic):
    side_effects: list[SideEffect] = Field(min_length=1, description="Side effects, from expected to least common.")
    not_suitable: list[Caution] = Field(min_length=1, description="When microneedling should not be done.")
    check_first: list[Caution] = Field(min_length=1, description="When to talk to your clinician first.")
    reporting: Reporting = Field(description="Where to report a problem, by country: shown after the page's sections.")


class Question(Strict):
    question: Line = Field(description="The question, as a reader would ask it.")
    answer: Text = Field(description="A short, plain answer.")
    see: Slug | None = Field(None, description="A topic page with more, by file name.")
    cites: Cites


class FaqTopic(Topic):
    questions: list[Question] = Field(min_length=1, description="Common questions and short answers.")


class Option(Strict):
    name: Line = Field(description="The other treatment, or a group of similar ones, in plain words.")
    evidence: EvidenceLevel | None = Field(
        None,
        description=(
            "Strength of evidence that it helps this concern: 'moderate', 'some', 'limited', 'mixed' or 'opinion'. "
            "Leave out when the sources do not say; the page then shows 'Not graded'."
        ),
    )
    compared_with_microneedling: Line | None = Field(
        None,
        description=(
            "What studies that compared it with microneedling found, in a sentence or two (shown in a table: "
            "plain text, no links). Leave out if there are none."
        ),
    )
    notes: Text = Field(description="What else to know about it, in a sentence or two, without promises.")
    cites: Cites


class ConcernOptions(Strict):
    id: Slug = Field(description="A short id for the concern, for example 'acne-scars'.")
    name: Line = Field(description="The skin concern, in plain words.")
    without_treatment: Text = Field(description="What usually happens with no treatment, from the sources.")
    cites: Cites
    options: list[Option] = Field(min_length=1, description="Microneedling and the other options, one per row.")


class OptionsTopic(Topic):
    concerns: list[ConcernOptions] = Field(
        min_length=1, description="One entry per skin concern: its options side by side, and no treatment."
    )


# ── the bibliography ─────────────────────────────────────────────────────────────────────────


# A date written in words ("25 November 2024", "December 2015") in a reference's own words: every edition
# writes a date in its own language, so a reference gives its dates in `dates`.
_WRITTEN_DATE = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}\b",
    re.IGNORECASE,
)


def _no_written_date(text: str | None) -> str | None:
    found = _WRITTEN_DATE.search(text or "")
    if found:
        raise ValueError(
            f"'{found.group(0)}' is a date written in words: give it in the reference's dates (for example"
            " 'published: 2024-11-25'), so each edition writes it in its own language"
        )
    return text


SourceWords = Annotated[Line, AfterValidator(_no_written_date)]


class SourceDates(Strict):
    """The days a source gives, each as YYYY-MM-DD. A page writes them in its own language, with what each
    day was (references.dates in scripts/templates/strings/<lang>.yml), in this order."""

    published: CalendarDate | None = Field(None, description="The day it was published, as the source shows it.")
    published_online: CalendarDate | None = Field(None, description="The day it was published online, before print.")
    draft: CalendarDate | None = Field(None, description="The day its draft was published.")
    updated: CalendarDate | None = Field(None, description="The day the source says it was last updated.")
    reviewed: CalendarDate | None = Field(None, description="The day the page says it was last reviewed.")
    decided: CalendarDate | None = Field(None, description="The day a regulator's decision was made.")
    asked: CalendarDate | None = Field(None, description="The day a parliamentary question was asked.")
    answered: CalendarDate | None = Field(None, description="The day a parliamentary question was answered.")
    royal_assent: CalendarDate | None = Field(None, description="The day an Act of a UK parliament became law.")
    in_force: CalendarDate | None = Field(None, description="The day a law or rule came into force.")


# The languages a source may be written in. A source not in English says so on every page, in the page's
# language (references.written_in in scripts/templates/strings/<lang>.yml): add a language there too.
SourceLanguage = Literal["en", "es"]


SourceKind = Literal[
    "patient-page",
    "patient-leaflet",
    "press-release",
    "news-item",
    "magazine-article",
    "seller-listing",
    "seller-and-blog-pages",
    "clinic-pages",
    "device-records",
    "book-chapter",
]


class Reference(Strict):
    """A source, shown in every edition in the words and language it was published in (title, authors,
    where), marked with that language for screen readers; its dates are written in each page's language."""

    id: Slug = Field(description="A short id cited from pages, for example 'alam-2014'.")
    authors: SourceWords | None = Field(
        None, description="Authors as listed in the fact sheet; leave out if not known."
    )
    # Quoted as published, a date in it included ("Drug Safety Update: April 2024"): not SourceWords.
    title: Line | None = Field(
        None,
        description=(
            "Title of the article or page, as it was published. Leave it out if the title was not captured, and"
            " say what the source is with kind: never a description of our own here, which every edition would"
            " show in English."
        ),
    )
    kind: SourceKind | None = Field(
        None,
        description=(
            "What the source is (a press release, a patient leaflet), said in each edition's own words"
            " (references.kinds in scripts/templates/strings/): for a source whose title was not captured, or"
            " beside a title that does not say it."
        ),
    )
    published_in: SourceWords | None = Field(
        None,
        description=(
            "Journal, or the website's address (fda.gov), as the source names it: not words of our own such as"
            " 'FDA website', which a reader of another edition would read in English."
        ),
    )
    year: Annotated[StrictInt, Field(ge=1900, le=2100)] | None = Field(None, description="Year of publication.")
    details: SourceWords | None = Field(
        None,
        description="Volume, issue and pages, or the source's own number (a docket, a form). Dates go in dates.",
    )
    dates: SourceDates | None = Field(
        None, description="Days the source gives (published, updated, ...), each as YYYY-MM-DD."
    )
    language: SourceLanguage = Field(
        "en", description="The language the source is written in: 'en' (English, the default) or 'es' (Spanish)."
    )
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/[A-Za-z0-9._;:/-]+$")] | None = Field(
        None, description="DOI without 'doi:' or a link, for example 10.1001/jamadermatol.2013.8687."
    )
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{5,9}$")] | None = Field(None, description="PubMed id.")
    url: Annotated[str, StringConstraints(pattern=_WEB_ADDRESS)] | None = Field(
        None, description="Web address of the source, starting https://."
    )
    secondary: bool = Field(
        False,
        description=(
            "true when the source was seen only in a copy on another site (a mirror, a summary, a republished"
            " article), not where it was published: every edition's reference list says so. Say where in note."
        ),
    )
    note: Text | None = Field(
        None,
        description=(
            "For editors and reviewers: where the details were seen, what is missing or still to verify. Never"
            " shown on the guide's pages; the review pack shows it."
        ),
    )

    @model_validator(mode="after")
    def _named(self) -> Reference:
        if not self.title and not self.kind:
            raise ValueError("a reference needs its published title, or a kind that says what it is")
        return self


class Bibliography(Strict):
    references: list[Reference] = Field(min_length=1, description="Every source the guide cites.")


# ── the glossary ─────────────────────────────────────────────────────────────────────────────


class Term(Strict):
    term: Line = Field(description="The word as it appears in the text, for example 'collagen'.")
    also: list[Line] = Field(
        default_factory=list, description="Other forms of the word that show the same tooltip, like 'granulomatous'."
    )
    definition: Annotated[Line, StringConstraints(max_length=160)] = Field(
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
    "other-options.yml": OptionsTopic,
    # Plain topic pages, listed so the web editor (cms.py) shows them too.
    "choosing-a-practitioner.yml": Topic,
    "what-to-expect.yml": Topic,
}
