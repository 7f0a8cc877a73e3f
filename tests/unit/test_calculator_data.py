"""The session planner's server side: its page, its form and its data all come from the same YAML."""

from __future__ import annotations

import json
import re
import string
from dataclasses import replace
from datetime import date, timedelta

import yaml

from conftest import ROOT
from guide.load import load_file
from guide.model import AftercareTopic, FrequencyTopic
from guide.render import PLAN_DATA, plain_text, plan_data, render_pages, strings, weekday_date
from guide.validate import area_problems, load_content

JS = ROOT / "docs" / "assets" / "js"


def _table(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("|")]


def _options(page: str) -> list[tuple[str, str, bool]]:
    select = page[page.index('<select class="calc-input" id="calc-concern"') : page.index("</select>")]
    return [
        (value, name, " selected" in attrs)
        for value, attrs, name in re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select)
    ]


def test_the_planner_page_and_its_data_are_rendered_with_the_frequency_and_aftercare_pages(minimal):
    pages = render_pages(load_content(minimal.root))
    assert {"calculator.md", PLAN_DATA} <= set(pages)
    front = pages["calculator.md"].split("---")[1]
    assert 'title: "Plan your sessions"' in front
    assert pages["calculator.md"].count('<div class="calc" data-calc') == 1
    assert pages["frequency.md"].count('<div class="calc" data-calc') == 1
    assert "data-calc" not in pages["aftercare.md"]


def test_both_pages_show_the_same_table_from_the_yaml(minimal):
    pages = render_pages(load_content(minimal.root))
    table = _table(pages["frequency.md"])
    assert table == _table(pages["calculator.md"])
    assert table[2:] == [
        "| Acne scars | No studies for this row | 3 to 6 (often 3) | 2 to 6 | 4 weeks |",
        "| Not sure | No studies for this row | 3 to 6 (often 3) | 2 to 6 | 4 weeks |",
    ]


def test_the_form_offers_every_concern_in_the_yaml_and_selects_not_sure(minimal):
    content = load_content(minimal.root)
    pages = render_pages(content)
    expected = [(c.id, c.name, c.id == "general") for c in content.topics["frequency"].concerns]
    assert _options(pages["calculator.md"]) == expected
    assert _options(pages["frequency.md"]) == expected


def test_a_not_sure_choice_is_added_when_the_default_concern_has_a_name_of_its_own(minimal):
    minimal.replace("frequency.yml", "name: Not sure", "name: General skin texture")
    page = render_pages(load_content(minimal.root))["calculator.md"]
    assert _options(page) == [
        ("acne-scars", "Acne scars", False),
        ("general", "General skin texture", False),
        ("", "Not sure", True),
    ]


def test_changing_an_interval_changes_the_data_and_both_tables(minimal):
    before = render_pages(load_content(minimal.root))
    minimal.replace(
        "frequency.yml", "interval_weeks: {min: 2, default: 4, max: 6}", "interval_weeks: {min: 3, default: 5, max: 8}"
    )
    after = render_pages(load_content(minimal.root))
    acne = {c["id"]: c for c in json.loads(after[PLAN_DATA])["concerns"]}["acne-scars"]
    assert acne["interval_weeks"] == {"min": 3, "default": 5, "max": 8}
    assert json.loads(before[PLAN_DATA]) != json.loads(after[PLAN_DATA])
    for page in ("frequency.md", "calculator.md"):
        assert "| Acne scars | No studies for this row | 3 to 6 (often 3) | 3 to 8 | 5 weeks |" in after[page]


def test_plan_data_holds_every_concern_and_aftercare_stage_of_the_real_content():
    content = load_content(ROOT)
    data = plan_data(content)
    frequency, aftercare = content.topics["frequency"], content.topics["aftercare"]
    assert data["default_concern"] == frequency.default_concern
    assert [c["id"] for c in data["concerns"]] == [c.id for c in frequency.concerns]
    for concern, source in zip(data["concerns"], frequency.concerns, strict=True):
        assert concern["interval_weeks"] == source.interval_weeks.model_dump()
        assert concern["sessions"] == source.sessions.model_dump()
        weeks = concern["interval_weeks"]
        assert 1 <= weeks["min"] <= weeks["default"] <= weeks["max"]
    assert [(s["id"], s["from_day"], s["to_day"]) for s in data["aftercare"]] == [
        (s.id, s.from_day, s.to_day) for s in aftercare.timeline
    ]
    for stage in data["aftercare"]:
        assert not any("](" in text or "**" in text for text in [stage["label"], *stage["do"], *stage["avoid"]])


def test_no_number_or_concern_is_written_into_the_scripts():
    """The scripts read concerns and gaps from plan.json; none of them may be typed in by hand."""
    content = load_content(ROOT)
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(JS.glob("*.js")))
    assert "plan.json" in source
    for concern in content.topics["frequency"].concerns:
        assert concern.id not in source and concern.name.lower() not in source.lower(), concern.id
    for stage in content.topics["aftercare"].timeline:
        assert stage.id not in source and stage.label not in source, stage.id


def _leaves(value: object, key: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        return {k: v for name, child in value.items() for k, v in _leaves(child, f"{key}.{name}".strip(".")).items()}
    return {key: value}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _spanish(content):
    """The content the Spanish edition renders: its translated topics (content/es/) on the English facts."""
    return replace(content, topics=content.translations["es"].topics)


def test_plan_data_carries_the_words_of_its_language():
    content = load_content(ROOT)
    english, spanish = plan_data(content), plan_data(_spanish(content), "es")
    assert (english["lang"], spanish["lang"]) == ("en", "es")
    es = strings("es")
    assert spanish["words"] == {
        **es["planner_script"],
        "weekday_date": es["dates"]["weekday"],
        "do": es["do"],
        "avoid": es["avoid"],
    }
    words = spanish["words"]
    assert words["file"] == "sesiones-microagujas.ics"
    assert words["day"] == "Escriba el día con números, por ejemplo 27"
    assert words["last"]["what"] == "la fecha de su última sesión"
    assert english["words"]["day"] == "Enter the day as a number, like 27"
    assert english["words"]["weekday_date"] == "{weekday} {date}"
    # the same keys, and everything but a few shared words ("Error:") differs from the English
    en_leaves, es_leaves = _leaves(english["words"]), _leaves(words)
    assert set(en_leaves) == set(es_leaves)
    same = sorted(k for k in en_leaves if en_leaves[k] == es_leaves[k])
    assert same == ["error"], same


def test_plan_data_for_spanish_has_the_spanish_names_and_the_english_numbers():
    content = load_content(ROOT)
    english, spanish = plan_data(content), plan_data(_spanish(content), "es")
    assert spanish["default_concern"] == english["default_concern"]

    def numbers(data):
        concerns = [(c["id"], c["sessions"], c["interval_weeks"], "aftercare" in c) for c in data["concerns"]]
        stages = [(s["id"], s["from_day"], s["to_day"], len(s["do"]), len(s["avoid"])) for s in data["aftercare"]]
        return concerns, stages

    assert numbers(spanish) == numbers(english)
    by_id = {c.id: c for c in content.translations["es"].topics["frequency"].concerns}
    for concern in spanish["concerns"]:
        assert concern["name"] == by_id[concern["id"]].name
    assert [c["name"] for c in spanish["concerns"]] != [c["name"] for c in english["concerns"]]
    labels = [s["label"] for s in spanish["aftercare"]]
    assert labels == [plain_text(s.label) for s in content.translations["es"].topics["aftercare"].timeline]
    assert labels != [s["label"] for s in english["aftercare"]]
    for concern in spanish["concerns"]:
        if "aftercare_note" in concern:
            english_note = next(c for c in english["concerns"] if c["id"] == concern["id"])["aftercare_note"]
            assert concern["aftercare_note"] != english_note, concern["id"]


def test_the_planner_script_words_have_the_same_keys_and_placeholders_in_every_language():
    english = _leaves(strings("en")["planner_script"])
    for lang in ("es",):
        other = _leaves(strings(lang)["planner_script"])
        assert sorted(english) == sorted(other), lang
        for key, text in english.items():
            assert isinstance(other[key], str) and other[key].strip(), (lang, key)
            assert _placeholders(other[key]) == _placeholders(text), (lang, key, other[key])


def test_render_pages_writes_the_languages_plan_json():
    content = load_content(ROOT)
    data = json.loads(render_pages(_spanish(content), lang="es")[PLAN_DATA])
    assert data == json.loads(json.dumps(plan_data(_spanish(content), "es")))
    assert json.loads(render_pages(content)[PLAN_DATA])["words"]["file"] == "microneedling-sessions.ics"


def test_the_scripts_hold_no_interface_words():
    """Every word the planner shows comes from plan.json's words: none of the English is typed into the scripts."""
    source = "\n".join((JS / name).read_text(encoding="utf-8") for name in PLANNER)
    code = re.sub(r"(^|\s)//.*", "", source, flags=re.MULTILINE)  # without the comments
    parts = {
        part.strip(" .:,()")
        for text in _leaves(strings("en")["planner_script"]).values()
        for part in re.split(r"\{\w+\}", text)
    }
    parts = {part for part in parts if " " in part}  # phrases, not single words that a comment may use
    assert len(parts) > 30
    assert sorted(part for part in parts if part in code) == []
    for word in ("January", "March", "December", "Monday", "Sunday", "Session", "Error", "Check", "Avoid"):
        assert word not in code, word
    assert "Intl.DateTimeFormat" in code


PLANNER = ["calculator.js", "plan-dates.js", "ics.js", "plan-figure.js"]


def test_the_worked_example_uses_the_default_concerns_usual_gap(minimal):
    minimal.replace(
        "frequency.yml",
        "interval_weeks: {min: 2, default: 4, max: 6}\n    note: A common",
        "interval_weeks: {min: 2, default: 6, max: 6}\n    note: A common",
    )
    page = render_pages(load_content(minimal.root))["calculator.md"]
    example = date(2026, 11, 25)  # the frequency page's last review date, so the example stays current
    assert (
        f"with a gap of 6 weeks, after a session on {weekday_date(example)} your next session would usually be on "
        f"{weekday_date(example + timedelta(weeks=6))}." in page
    )
    assert weekday_date(date(2026, 3, 30)) == "Monday 30 March 2026"


def test_the_site_config_loads_the_planner():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    nav = [list(item.values())[0] for item in config["nav"]]
    assert nav[nav.index("frequency.md") + 1] == "calculator.md"
    assert {"path": "assets/js/calculator.js", "type": "module"} in config["extra_javascript"]
    assert config["extra_css"] == ["assets/css/guide.css"]  # one stylesheet, the planner's styles included
    assert ".calc-form" in (ROOT / "docs" / "assets" / "css" / "guide.css").read_text(encoding="utf-8")


def test_the_partials_are_shared_not_copied():
    templates = ROOT / "scripts" / "templates"
    users = {
        path.relative_to(templates).as_posix()
        for path in templates.rglob("*.j2")
        if "partials/intervals-table.md.j2" in path.read_text(encoding="utf-8")
    }
    assert users == {"calculator.md.j2", "kinds/frequency.md.j2"}
    header = "| {{ t.intervals.concern }} | {{ t.intervals.studies_used }} | {{ t.intervals.sessions }} |"
    assert [p.name for p in templates.rglob("*.j2") if header in p.read_text(encoding="utf-8")] == [
        "intervals-table.md.j2"
    ]


def test_what_studies_used_is_shown_apart_from_the_guides_labelled_suggestion(minimal):
    minimal.replace(
        "frequency.yml",
        "    note: Studies used a median",
        "    studies_used: 3 sessions, 2 to 4 weeks apart\n    note: Studies used a median",
    )
    pages = render_pages(load_content(minimal.root))
    for page in ("frequency.md", "calculator.md"):
        assert "| Acne scars | 3 sessions, 2 to 4 weeks apart | 3 to 6 (often 3) | 2 to 6 | 4 weeks |" in pages[page]
        assert "*Suggested* numbers are this guide's suggestion, based on what the studies used" in pages[page]
    assert "**What studies used:** 3 sessions, 2 to 4 weeks apart" in pages["frequency.md"]
    assert (
        "**The guide's suggestion** (based on the studies): 3 to 6 sessions (often 3), 2 to 6 weeks apart"
        in (pages["frequency.md"])
    )


# ── aftercare that fits the plan, and aftercare for the scalp ───────────────────────────────

# Words that state a gap between sessions. The planner shows aftercare with a plan whose gap may be a
# week, so no text it shows may state one: the gap lives in frequency.yml only.
GAP_WORDS = re.compile(
    r"next session|\d+ (to \d+ )?(weeks?|days?|months?) (apart|later|after)|every (week|month)", re.IGNORECASE
)

SCALP = """areas:
  - id: scalp
    heading: Aftercare for the scalp
    body: Ask your clinic when you can wash your hair.
    stages:
      - stage: first-day
        avoid: [Hair products your clinician did not give you.]
        cites: [alam-2014]
care_cards:
"""


def _with_scalp(minimal) -> None:
    minimal.replace("aftercare.yml", "care_cards:\n", SCALP)
    minimal.replace(
        "frequency.yml",
        "    cites: [harris-2015, alam-2014]\n",
        "    cites: [harris-2015, alam-2014]\n    aftercare_area: scalp\n",
    )


def test_no_aftercare_text_the_planner_shows_states_a_gap_between_sessions():
    data = plan_data(load_content(ROOT))
    for stages in [data["aftercare"], *(c["aftercare"] for c in data["concerns"] if "aftercare" in c)]:
        for stage in stages:
            for text in [stage["label"], *stage["do"], *stage["avoid"]]:
                assert not GAP_WORDS.search(text), f"{stage['id']}: {text!r}"
    for concern in data["concerns"]:
        if "aftercare_note" in concern:
            assert not GAP_WORDS.search(concern["aftercare_note"]["text"]), concern["id"]
    assert GAP_WORDS.search("If you are having a course, your next session is usually 2 to 6 weeks after the last one.")


def test_the_hair_loss_plan_carries_the_scalp_aftercare_note_of_the_real_content():
    content = load_content(ROOT)
    areas = {area.id: area for area in content.topics["aftercare"].areas}
    concerns = {c["id"]: c for c in plan_data(content)["concerns"]}
    for concern in content.topics["frequency"].concerns:
        if concern.aftercare_area is None:
            assert "aftercare_note" not in concerns[concern.id], concern.id
            continue
        area = areas[concern.aftercare_area]
        assert concerns[concern.id]["aftercare_note"] == {"heading": area.heading, "text": plain_text(area.body)}
    assert frequency_area(content, "hair-loss") == "scalp"
    assert "ask your clinic" in concerns["hair-loss"]["aftercare_note"]["text"].lower()


def frequency_area(content, concern_id: str) -> str | None:
    return next(c.aftercare_area for c in content.topics["frequency"].concerns if c.id == concern_id)


def test_an_areas_items_are_added_to_its_stages_for_its_concerns_only(minimal):
    before = plan_data(load_content(minimal.root))
    assert "aftercare_note" not in json.dumps(before)
    _with_scalp(minimal)
    data = plan_data(load_content(minimal.root))
    assert data["aftercare"] == before["aftercare"], "the shared stages are unchanged"
    concerns = {c["id"]: c for c in data["concerns"]}
    acne, general = concerns["acne-scars"], concerns["general"]
    assert acne["aftercare_note"] == {
        "heading": "Aftercare for the scalp",
        "text": "Ask your clinic when you can wash your hair.",
    }
    assert acne["aftercare"][0]["avoid"] == ["Make-up.", "Hair products your clinician did not give you."]
    assert acne["aftercare"][0]["do"] == data["aftercare"][0]["do"]
    assert "aftercare" not in general and "aftercare_note" not in general


def test_an_area_without_stage_items_sends_its_note_and_no_copy_of_the_stages(minimal):
    _with_scalp(minimal)
    aftercare = minimal.file("aftercare.yml")
    text = aftercare.read_text(encoding="utf-8")
    start = text.index("    stages:\n")
    aftercare.write_text(text[:start] + text[text.index("care_cards:") :], encoding="utf-8")
    acne = {c["id"]: c for c in plan_data(load_content(minimal.root))["concerns"]}["acne-scars"]
    assert "aftercare_note" in acne and "aftercare" not in acne


def test_the_aftercare_and_planner_pages_show_the_area(minimal):
    _with_scalp(minimal)
    pages = render_pages(load_content(minimal.root))
    page = pages["aftercare.md"]
    section = page[page.index("## Aftercare for the scalp { #scalp }") :]
    assert section.index("Ask your clinic when you can wash your hair.") < section.index(
        "### The first 24 hours { #scalp-first-day }"
    )
    assert "**Avoid:**\n\n- Hair products your clinician did not give you." in section
    assert "Sources: [[" in section
    assert "For acne scars, also read [aftercare for the scalp](aftercare.md#scalp)." in pages["calculator.md"]
    assert 'data-cut="Your next session is on {date}, so this step ends the day before it.' in pages["calculator.md"]


def test_an_unknown_area_or_stage_is_a_problem_at_its_place(minimal):
    _with_scalp(minimal)
    minimal.replace("aftercare.yml", "stage: first-day", "stage: first-days")
    minimal.replace("frequency.yml", "aftercare_area: scalp", "aftercare_area: scalps")
    minimal.replace(
        "aftercare.yml", "care_cards:\n", "  - id: scalp\n    heading: Again\n    body: Again.\ncare_cards:\n"
    )
    problems = area_problems(
        _loaded(minimal, "frequency.yml", FrequencyTopic), _loaded(minimal, "aftercare.yml", AftercareTopic)
    )
    found = {(p.path, p.line, p.field, p.message) for p in problems}
    assert found == {
        (
            "content/aftercare.yml",
            minimal.line_of("aftercare.yml", "stage: first-days"),
            "areas[0].stages[0].stage",
            "unknown stage 'first-days': did you mean 'first-day'?",
        ),
        (
            "content/aftercare.yml",
            minimal.line_of("aftercare.yml", "heading: Again") - 1,
            "areas[1].id",
            "id 'scalp' is already used by area 0",
        ),
        (
            "content/frequency.yml",
            minimal.line_of("frequency.yml", "aftercare_area: scalps"),
            "concerns[0].aftercare_area",
            "unknown aftercare area 'scalps': did you mean 'scalp'?",
        ),
    }
    minimal.replace("frequency.yml", "aftercare_area: scalps", "aftercare_area: knees")
    problems = area_problems(_loaded(minimal, "frequency.yml", FrequencyTopic), None)
    assert [p.message for p in problems] == ["unknown aftercare area 'knees' in the areas of content/aftercare.yml"]


def test_the_real_content_has_no_area_problems():
    assert (
        area_problems(
            _loaded_root(ROOT, "frequency.yml", FrequencyTopic), _loaded_root(ROOT, "aftercare.yml", AftercareTopic)
        )
        == []
    )


def _loaded_root(root, name, model):
    doc, found = load_file(root / "content" / name, root)
    assert not found
    return doc, model.model_validate(doc.data)


def _loaded(minimal, name, model):
    return _loaded_root(minimal.root, name, model)
