"""The session planner's server side: its page, its form and its data all come from the same YAML."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import yaml

from conftest import ROOT
from guide.render import PLAN_DATA, plan_data, render_pages, weekday_date
from guide.validate import load_content

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
        "| Acne scars | 3 to 6 (often 3) | 2 to 6 | 4 weeks |",
        "| Not sure | 3 to 6 (often 3) | 2 to 6 | 4 weeks |",
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
        assert "| Acne scars | 3 to 6 (often 3) | 3 to 8 | 5 weeks |" in after[page]


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
    assert "assets/css/calculator.css" in config["extra_css"]


def test_the_partials_are_shared_not_copied():
    templates = ROOT / "scripts" / "templates"
    users = {
        path.relative_to(templates).as_posix()
        for path in templates.rglob("*.j2")
        if "partials/intervals-table.md.j2" in path.read_text(encoding="utf-8")
    }
    assert users == {"calculator.md.j2", "kinds/frequency.md.j2"}
    header = "| Skin concern | Sessions in a course |"
    assert [p.name for p in templates.rglob("*.j2") if header in p.read_text(encoding="utf-8")] == [
        "intervals-table.md.j2"
    ]
