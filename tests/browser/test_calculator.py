"""The session planner in headless Chromium: a phone-sized reader plans a course, downloads it and
prints it, in three time zones; bad input gets a message by the field; no JavaScript still works."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from icalendar import Calendar
from playwright.sync_api import expect

from browser.conftest import arrive, axe_violations, open_settled
from conftest import ROOT, copy_of_repo, serve_folder
from guide.render import plan_data, strings, weekday_date
from guide.validate import load_content

CONTENT = load_content(ROOT)
PLAN = plan_data(CONTENT)
CONCERNS = {c["id"]: c for c in PLAN["concerns"]}
ACNE = CONCERNS.get("acne-scars", PLAN["concerns"][0])
DEFAULT = CONCERNS[PLAN["default_concern"]]
ZONES = ["America/New_York", "Europe/London", "Pacific/Auckland"]
PHONE = {"width": 390, "height": 844}
SUMMARY = "Microneedling session (planned)"
BROKEN = re.compile(r"NaN|undefined|Invalid Date|null")
STORED = "[document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]"
NOW = datetime(2026, 4, 2, 12, tzinfo=UTC)  # the browser's clock in these tests: Thursday 2 April 2026
WEEKLY = next((c for c in PLAN["concerns"] if c["interval_weeks"]["default"] == 1), None)  # hair loss
# A gap between sessions stated in words ("usually 2 to 6 weeks after the last one"): aftercare must not state one
GAP_WORDS = re.compile(r"\d+ (to \d+ )?(weeks?|days?|months?) (apart|later|after)|every (week|month)", re.IGNORECASE)


def weeks(start: date, n: int) -> date:
    return start + timedelta(weeks=n)


def course_size(concern: dict) -> int:
    return max(2, concern["sessions"]["typical"])


def open_planner(page_for, site_url, *, zone="Europe/London", now=NOW, path="/calculator/", scheme="light", **options):
    page, watch = page_for(scheme, timezone_id=zone, now=now, **({"viewport": PHONE} | options))
    open_settled(page, site_url + path)
    expect(page.locator("form.calc-form")).to_be_visible()
    return page, watch


def plan(page, day, month, year, *, concern=None, count="", kind="last"):
    page.get_by_label("Your last session" if kind == "last" else "Your first session").check()
    page.get_by_label("Day", exact=True).fill(day)
    page.get_by_label("Month", exact=True).fill(month)
    page.get_by_label("Year", exact=True).fill(year)
    if concern is not None:
        page.get_by_label("Your skin concern").select_option(concern)
    page.get_by_label("How many sessions").fill(count)
    page.get_by_role("button", name="Plan my sessions").click()


def read_ics(page) -> tuple[bytes, list]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Add all dates to your calendar").click()
    download = info.value
    assert download.suggested_filename == "microneedling-sessions.ics"
    raw = Path(download.path()).read_bytes()
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), "every line must end in CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines must be folded at 75 octets"
    calendar = Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return raw, list(calendar.walk("VEVENT"))


def fitted(care_day: date, next_session: date | None, stages: list[dict]) -> list[tuple[dict, date, date]]:
    """The aftercare stages a plan should show, with their dates: none from the next session's day
    on, and one running into it ending the day before (the test's own copy of the planner's rule)."""
    shown = []
    for stage in stages:
        first, last = care_day + timedelta(days=stage["from_day"]), care_day + timedelta(days=stage["to_day"])
        if next_session is not None and first >= next_session:
            continue
        shown.append((stage, first, min(last, next_session - timedelta(days=1)) if next_session else last))
    return shown


def check_aftercare(page, care_day: date, next_session: date | None, stages: list[dict]) -> None:
    """The aftercare shown with a plan ends before its next session, and says so where it is cut short."""
    expected = fitted(care_day, next_session, stages)
    blocks = page.locator(".calc-stage")
    expect(blocks).to_have_count(len(expected))
    for i, (stage, first, last) in enumerate(expected):
        block = blocks.nth(i)
        heading = block.locator(":scope > :first-child").inner_text()
        assert heading.startswith(stage["label"] + ": "), heading
        assert heading.endswith(weekday_date(last)), heading
        assert weekday_date(first).rsplit(" ", 1)[0] in heading, heading
        cut = next_session is not None and care_day + timedelta(days=stage["to_day"]) >= next_session
        note = (
            f"Your next session is on {weekday_date(next_session)}, so this step ends the day before it." if cut else ""
        )
        assert (note in block.inner_text()) if cut else ("ends the day before" not in block.inner_text()), stage["id"]
        assert block.locator("li").all_inner_texts() == stage["do"] + stage["avoid"], stage["id"]
    text = page.locator(".calc-stages").inner_text()
    assert not GAP_WORDS.search(text), GAP_WORDS.search(text)


def check_events(events, dates: list[date], site_url: str) -> None:
    assert [e["DTSTART"].dt for e in events] == dates
    for event, day in zip(events, dates, strict=True):
        assert type(event["DTSTART"].dt) is date, "an all-day event, not a time"
        assert event["DTEND"].dt == day + timedelta(days=1), "DTEND is exclusive: the next day"
        assert str(event["SUMMARY"]) == SUMMARY
        assert f"{site_url}/aftercare/" in str(event["DESCRIPTION"])
        assert event["DTSTAMP"].dt.tzinfo is not None
    assert len({str(e["UID"]) for e in events}) == len(events)


@pytest.mark.parametrize("zone", ZONES)
def test_a_reader_plans_a_course_for_acne_scars_in_any_time_zone(site_url, page_for, zone):
    page, watch = open_planner(page_for, site_url, zone=zone)
    status = page.get_by_role("status")
    assert status.inner_text() == "", "the status region is there, empty, from the start"
    stored_before = page.evaluate(STORED)

    start = date(2026, 3, 20)  # a Friday; the next dates cross the clock changes in Europe and New Zealand
    plan(page, "20", "3", "2026", concern=ACNE["id"])
    gap = ACNE["interval_weeks"]
    expect(status).to_contain_text(
        f"After your last session on Friday 20 March 2026, your next session could be from "
        f"{weekday_date(weeks(start, gap['min']))} to {weekday_date(weeks(start, gap['max']))}. "
        f"The usual date is {weekday_date(weeks(start, gap['default']))}."
    )
    assert page.evaluate("document.activeElement.textContent") == "Plan my sessions", "focus stays put"
    usual_count = f"{ACNE['name']}: usually {ACNE['sessions']['typical']} sessions."
    assert page.locator("#calc-count-hint").inner_text().endswith(usual_count)
    window = page.locator(".calc-window dd").all_inner_texts()
    assert window == [weekday_date(weeks(start, gap[k])) for k in ("min", "default", "max")]
    assert page.get_by_text("A planning aid. Your clinician decides your schedule.").first.is_visible()

    sessions = [weeks(start, gap["default"] * n) for n in range(course_size(ACNE))]
    items = page.locator(".calc-sessions li").all_inner_texts()
    assert len(items) == len(sessions)
    for n, (item, day) in enumerate(zip(items, sessions, strict=True), start=1):
        assert item.startswith(f"Session {n}: {weekday_date(day)}"), item

    links = [page.locator(".calc-google").nth(i).get_attribute("href") for i in range(len(sessions) - 1)]
    for link, day in zip(links, sessions[1:], strict=True):
        query = parse_qs(urlsplit(link).query)
        assert link.startswith("https://calendar.google.com/calendar/render?")
        assert query["action"] == ["TEMPLATE"] and query["text"] == [SUMMARY]
        assert query["dates"] == [f"{day:%Y%m%d}/{day + timedelta(days=1):%Y%m%d}"]

    usual = weeks(start, gap["default"])
    check_aftercare(page, usual, weeks(usual, gap["default"]), PLAN["aftercare"])  # session 3 follows it
    for item in page.locator(".calc-stage li").all_inner_texts():
        assert any(item in s["do"] + s["avoid"] for s in PLAN["aftercare"]), item

    _, events = read_ics(page)
    check_events(events, sessions[1:], site_url)
    assert not BROKEN.search(page.locator(".calc").inner_text())
    assert page.evaluate(STORED) == stored_before, "the planner stores nothing"
    assert page.context.cookies() == []
    assert watch.console_errors == [] and watch.other_origins == [] and watch.failed == []


@pytest.mark.skipif(WEEKLY is None, reason="no concern has weekly sessions")
def test_a_weekly_hair_loss_plan_shows_only_the_aftercare_that_fits_a_week(site_url, page_for):
    page, watch = open_planner(page_for, site_url)
    plan(page, "20", "3", "2026", concern=WEEKLY["id"])
    start, gap = date(2026, 3, 20), WEEKLY["interval_weeks"]["default"]
    care_day, next_session = weeks(start, gap), weeks(start, 2 * gap)  # session 2, and session 3 after it
    expect(page.locator(".calc-window dd").nth(1)).to_have_text(weekday_date(care_day))
    assert page.get_by_role("heading", name=f"Aftercare after your session on {weekday_date(care_day)}").is_visible()
    check_aftercare(page, care_day, next_session, WEEKLY.get("aftercare", PLAN["aftercare"]))
    shown = fitted(care_day, next_session, PLAN["aftercare"])
    assert len(shown) < len(PLAN["aftercare"]), "a week is shorter than the whole aftercare timeline"
    assert all(last < next_session for _, _, last in shown)

    plan_text = page.locator(".calc-plan").inner_text()
    assert not re.search(r"2 to 6 weeks|weeks? after the last one", plan_text)
    note = WEEKLY.get("aftercare_note")
    if note:  # the scalp: said once, before the stages
        area = page.locator(".calc-stages > div").first
        expect(area.get_by_role("heading", name=note["heading"])).to_be_visible()
        assert note["text"] in area.inner_text()
        assert plan_text.count(note["heading"]) == 1

    plan(page, "20", "3", "2026", concern=WEEKLY["id"], count="2")  # session 2 ends the course: nothing follows it
    expect(page.locator(".calc-sessions li")).to_have_count(2)
    check_aftercare(page, care_day, None, WEEKLY.get("aftercare", PLAN["aftercare"]))

    plan(page, "20", "3", "2026", concern=ACNE["id"])  # another concern: no scalp note left behind
    acne = ACNE["interval_weeks"]["default"]
    expect(page.locator(".calc-stage")).to_have_count(
        len(fitted(weeks(start, acne), weeks(start, 2 * acne), PLAN["aftercare"]))
    )
    if note:
        assert note["heading"] not in page.locator(".calc-plan").inner_text()
    assert watch.console_errors == [] and watch.other_origins == []


def test_a_monthly_acne_scars_plan_still_shows_the_whole_aftercare(site_url, page_for):
    page, watch = open_planner(page_for, site_url, zone="Pacific/Auckland")
    plan(page, "2", "1", "2026", concern=ACNE["id"], kind="first", count="3")
    start, gap = date(2026, 1, 2), ACNE["interval_weeks"]["default"]
    expect(page.locator(".calc-sessions li")).to_have_count(3)
    check_aftercare(page, start, weeks(start, gap), PLAN["aftercare"])
    assert len(fitted(start, weeks(start, gap), PLAN["aftercare"])) == len(PLAN["aftercare"]), "every stage is shown"
    assert "aftercare_note" not in ACNE
    assert watch.console_errors == [] and watch.other_origins == []


def test_a_booked_first_session_over_a_leap_day_goes_in_the_calendar_too(site_url, page_for):
    page, watch = open_planner(page_for, site_url, zone="Pacific/Auckland", now=datetime(2027, 12, 1, 12, tzinfo=UTC))
    plan(page, "1", "Feb", "2028", kind="first", count="3")  # the concern left as it is: "Not sure"
    start, gap = date(2028, 2, 1), DEFAULT["interval_weeks"]["default"]
    sessions = [weeks(start, gap * n) for n in range(3)]
    expect(page.get_by_role("status")).to_contain_text("After your first session on Tuesday 1 February 2028")
    items = page.locator(".calc-sessions li").all_inner_texts()
    assert [i.split(" (")[0].split("\n")[0] for i in items] == [
        f"Session {n}: {weekday_date(d)}" for n, d in enumerate(sessions, start=1)
    ]
    assert page.locator(".calc-google").count() == 3
    assert page.get_by_role("heading", name=f"Aftercare after your session on {weekday_date(start)}").is_visible()
    _, events = read_ics(page)
    check_events(events, sessions, site_url)
    assert watch.console_errors == [] and watch.other_origins == []


@pytest.mark.parametrize("start", [date(2028, 2, 29), date(2028, 1, 31), date(2026, 12, 30), date(2026, 10, 20)])
def test_leap_days_month_ends_and_clock_changes_through_the_real_page(site_url, page_for, start):
    page, _ = open_planner(page_for, site_url, zone="America/New_York", now=datetime(2028, 3, 15, 12, tzinfo=UTC))
    plan(page, str(start.day), str(start.month), str(start.year), concern=ACNE["id"])
    gap = ACNE["interval_weeks"]
    expect(page.locator(".calc-window dd")).to_have_text(
        [weekday_date(weeks(start, gap[k])) for k in ("min", "default", "max")]
    )


BAD_INPUT = [
    # day, month, year, sessions, the fields marked, the message
    ("", "", "", "", ["day", "month", "year"], "Enter the date of your last session"),
    ("12", "", "", "", ["month", "year"], "The date of your last session must include a month and year"),
    (
        "31",
        "2",
        "2026",
        "",
        ["day", "month"],
        "The date of your last session must be a real date. February 2026 has 28 days",
    ),
    ("ab", "3", "2026", "", ["day"], "Enter the day as a number, like 27"),
    ("12", "Smarch", "2026", "", ["month"], "Enter the month as a number, like 3, or a word, like March"),
    ("12", "3", "0", "", ["year"], "Enter the year with 4 numbers, like 2026"),
    ("12", "3", "1826", "", ["day", "month", "year"], "Enter a date in the last 5 years"),
    ("12", "3", "2026", "0", ["count"], "Enter a number of sessions from 2 to"),
    ("12", "3", "2026", "99", ["count"], "Enter a number of sessions from 2 to"),
    ("12", "3", "2026", "abc", ["count"], "Enter a number of sessions from 2 to"),
]


@pytest.mark.parametrize("day, month, year, count, fields, message", BAD_INPUT, ids=lambda v: repr(v)[:20])
def test_bad_input_gets_a_clear_message_next_to_the_field(site_url, page_for, day, month, year, count, fields, message):
    page, watch = open_planner(page_for, site_url)
    plan(page, day, month, year, count=count)
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    assert page.evaluate("document.activeElement.className") == "calc-error-summary", "focus moves to the summary"
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    link = summary.get_by_role("link", name=message)
    expect(link).to_have_count(1)

    group = "count" if fields == ["count"] else "date"
    error = page.locator(f"#calc-{group}-error")
    expect(error).to_be_visible()
    assert error.inner_text().startswith("Error: " + message) or message in error.inner_text()
    described = page.locator("#calc-date" if group == "date" else "#calc-count").get_attribute("aria-describedby")
    assert described.split() == [f"calc-{group}-hint", f"calc-{group}-error"]
    invalid = [n for n in ("day", "month", "year", "count") if page.locator(f"#calc-{n}").get_attribute("aria-invalid")]
    assert invalid == fields

    link.click()
    assert page.evaluate("document.activeElement.id") == f"calc-{fields[0]}", "the summary link goes to the field"
    assert page.get_by_role("status").inner_text() == ""
    assert page.locator(".calc-plan").is_hidden()
    assert not BROKEN.search(page.locator(".calc").inner_text())
    assert watch.console_errors == [] and watch.other_origins == []


def test_correcting_the_input_clears_every_error(site_url, page_for):
    page, _ = open_planner(page_for, site_url)
    plan(page, "31", "2", "2026", count="abc")
    expect(page.get_by_role("alert").get_by_role("link")).to_have_count(2)
    plan(page, "28", "2", "2026", count="")
    expect(page.get_by_role("status")).to_contain_text("Saturday 28 February 2026")
    assert page.get_by_role("alert").is_hidden()
    assert page.locator("[aria-invalid]").count() == 0
    assert page.locator(".calc-error:visible").count() == 0
    assert page.locator("#calc-date").get_attribute("aria-describedby") == "calc-date-hint"


LATE = NOW.date() - timedelta(weeks=DEFAULT["interval_weeks"]["max"] + 1)  # the next window has just passed


@pytest.mark.parametrize(
    "when, warning",
    [
        (date(2026, 4, 12), "This date is in the future, but you said it was your last session"),
        (date(2025, 3, 1), "This date is more than a year ago"),
        (
            LATE,
            f"{weekday_date(weeks(LATE, DEFAULT['interval_weeks']['max']))}, has passed. That is common",
        ),
    ],
)
def test_odd_dates_get_a_warning_with_the_plan_not_instead_of_it(site_url, page_for, when, warning):
    page, _ = open_planner(page_for, site_url)
    plan(page, str(when.day), str(when.month), str(when.year))
    status = page.get_by_role("status")
    expect(status).to_contain_text(warning)
    assert "Check:" in status.inner_text()
    assert page.locator(".calc-plan").is_visible()
    assert page.locator(".calc-warning", has_text=warning).count() == 1, "said once, next to the dates"


@pytest.mark.parametrize(
    "zone, future", [("Pacific/Auckland", False), ("Europe/London", True), ("America/New_York", True)]
)
def test_today_is_the_readers_own_date(site_url, page_for, zone, future):
    # 11:30 UTC on 29 March 2026 is already 30 March (00:30) in Auckland, still 29 March elsewhere
    page, _ = open_planner(page_for, site_url, zone=zone, now=datetime(2026, 3, 29, 11, 30, tzinfo=UTC))
    plan(page, "30", "3", "2026")
    status = page.get_by_role("status")
    expect(status).to_contain_text("Monday 30 March 2026")
    assert ("in the future" in status.inner_text()) is future


def test_the_how_often_page_has_the_planner_inline(site_url, page_for):
    page, watch = open_planner(page_for, site_url, path="/frequency/")
    plan(page, "20", "3", "2026", concern=ACNE["id"])
    usual = weeks(date(2026, 3, 20), ACNE["interval_weeks"]["default"])
    expect(page.locator(".calc-window dd").nth(1)).to_have_text(weekday_date(usual))
    assert page.get_by_role("heading", name="Your plan", level=3).is_visible()
    weekly = next((c for c in PLAN["concerns"] if c["interval_weeks"]["default"] == 1), None)
    for concern in (ACNE, weekly) if weekly else (ACNE,):
        plan(page, "20", "3", "2026", concern=concern["id"])
        gap = concern["interval_weeks"]["default"]
        expect(page.locator(".calc-plan")).to_contain_text(
            f"Each date is {gap} week{'s' if gap > 1 else ''} after the one before."
        )
    assert watch.console_errors == [] and watch.other_origins == []


def test_instant_navigation_starts_the_planner_and_other_pages_leave_it_alone(site_url, page_for):
    page, watch = page_for()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    open_settled(page, site_url + "/aftercare/")
    assert not any("plan.json" in url for url in fetched), "pages without the planner do not load its data"
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Plan your sessions").first.click()
    arrive(page, "**/calculator/", strings("en")["calculator"]["title"])
    expect(page.locator("form.calc-form")).to_be_visible()
    assert page.locator(".calc-fallback").is_hidden()
    plan(page, "20", "3", "2026", concern=ACNE["id"])
    expect(page.locator(".calc-sessions li")).to_have_count(course_size(ACNE))
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="How often").first.click()
    arrive(page, "**/frequency/", CONTENT.topics["frequency"].title)
    expect(page.locator("form.calc-form")).to_be_visible()
    plan(page, "20", "3", "2026", concern=ACNE["id"])
    expect(page.locator(".calc-sessions li")).to_have_count(course_size(ACNE))
    assert sum("plan.json" in url for url in fetched) == 1, "the data is fetched once"
    assert sum(url.endswith(("/calculator/", "/frequency/")) for url in fetched) == 2
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "no full page load"
    assert watch.console_errors == [] and watch.other_origins == [] and watch.failed == []


@pytest.mark.parametrize("path", ["/calculator/", "/frequency/"])
def test_without_javascript_the_table_and_the_way_by_hand_are_there(site_url, page_for, path):
    page, _ = page_for(java_script_enabled=False, viewport=PHONE)
    page.goto(site_url + path)
    assert page.locator("form.calc-form").is_hidden()
    assert page.locator(".calc-fallback").is_visible()
    assert page.locator(".calc-plan").is_hidden() and page.get_by_role("status").inner_text() == ""
    table = page.get_by_role("table").first
    assert table.is_visible()
    for concern in PLAN["concerns"]:
        assert table.get_by_role("cell", name=concern["name"], exact=True).is_visible()
    link = page.locator(".calc-fallback").get_by_role("link", name="work out the dates yourself")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/calculator/#by-hand")
    assert page.get_by_role("heading", name="Work out the dates yourself").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_planner_is_accessible_in_both_colour_schemes(site_url, page_for, scheme):
    for path in ("/calculator/", "/frequency/"):
        page, watch = open_planner(page_for, site_url, path=path, scheme=scheme)
        # The whole page once; then the planner, the part that changes.
        assert axe_violations(page) == [], f"{path} on load"
        plan(page, "31", "2", "2026", count="abc")
        expect(page.get_by_role("alert")).to_be_visible()
        assert axe_violations(page, within=".calc") == [], f"{path} with errors"
        plan(page, "1", "3", "2025", concern=ACNE["id"])
        expect(page.locator(".calc-plan")).to_be_visible()
        assert axe_violations(page, within=".calc") == [], f"{path} with a plan and a warning"
        assert watch.console_errors == [] and watch.other_origins == []


def test_everything_works_from_the_keyboard(site_url, page_for):
    page, _ = open_planner(page_for, site_url)
    page.get_by_label("Your last session").focus()
    page.keyboard.press("Tab")
    for text in ("20", "3", "2026"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "calc-concern"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Friday 20 March 2026")
    page.locator(".calc-google").last.focus()
    page.keyboard.press("Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".ics")


def test_the_plan_prints_cleanly(site_url, page_for):
    page, _ = open_planner(page_for, site_url, viewport={"width": 1280, "height": 900})
    assert page.locator(".md-sidebar--primary").is_visible()
    plan(page, "20", "3", "2026", concern=ACNE["id"])
    expect(page.locator(".calc-plan")).to_be_visible()
    page.evaluate("window.print = () => { window.printed = true }")
    page.get_by_role("button", name="Print this plan").click()
    assert page.evaluate("window.printed") is True

    page.emulate_media(media="print")
    for gone in (".md-header", ".md-sidebar--primary", ".md-footer", "form.calc-form", ".calc-actions", ".calc-google"):
        assert page.locator(gone).first.is_hidden(), gone
    assert page.get_by_role("heading", name="Sessions and gaps by skin concern").is_hidden()
    for kept in (".calc-plan", ".calc-sessions", ".calc-stage", ".disclaimer"):
        assert page.locator(kept).first.is_visible(), kept
    assert page.get_by_text("A planning aid. Your clinician decides your schedule.").last.is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_changing_an_interval_in_the_yaml_changes_the_planners_answer(tmp_path, browser):
    repo = copy_of_repo(tmp_path)
    frequency = repo / "content" / "frequency.yml"
    data = yaml.safe_load(frequency.read_text(encoding="utf-8"))
    old = ACNE["interval_weeks"]["default"]
    new = old + 3
    for concern in data["concerns"]:
        if concern["id"] == ACNE["id"]:
            concern["interval_weeks"] = {"min": new, "default": new, "max": new}
    frequency.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    server, origin = serve_folder(site)
    context = browser.new_context(timezone_id="Europe/London", viewport=PHONE)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2026, 4, 2, 12, tzinfo=UTC))
        open_settled(page, f"{origin}/calculator/")
        plan(page, "20", "3", "2026", concern=ACNE["id"])
        start = date(2026, 3, 20)
        expect(page.locator(".calc-window dd").nth(1)).to_have_text(weekday_date(weeks(start, new)))
        assert weekday_date(weeks(start, old)) not in page.locator(".calc-plan").inner_text()
    finally:
        context.close()
        server.shutdown()


# The course as a timeline (docs/assets/js/plan-figure.js): what a figure under the plan must show
FIGURE = ".calc-course svg"
LISTED = re.compile(r"Session \d+: (\w+ \d+ \w+ \d{4})")
CSP_LISTEN = """window.__csp = [];
document.addEventListener(
  'securitypolicyviolation', (e) => __csp.push(`${e.effectiveDirective} ${e.blockedURI}`), true);"""


def check_course_figure(page, sessions: list[date], stages: list[dict]) -> str:
    """One figure: a dot per session, named and described in words with the listed dates, and a bar per
    aftercare step shown after each session (the test's own copy of the rule), each ending before the next
    session's dot. Returns the figure's title id."""
    expect(page.locator(FIGURE)).to_have_count(1)
    figure = page.locator(FIGURE)
    assert figure.get_attribute("role") == "img"
    listed = [LISTED.match(t).group(1) for t in page.locator(".calc-sessions li").all_inner_texts()]
    assert listed == [weekday_date(d) for d in sessions]
    expect(figure.locator("circle")).to_have_count(len(sessions))
    title_id, desc_id = figure.get_attribute("aria-labelledby"), figure.get_attribute("aria-describedby")
    words = (
        figure.locator(f"[id='{title_id}']").text_content() + " " + figure.locator(f"[id='{desc_id}']").text_content()
    )
    assert f"{len(sessions)} sessions from {listed[0]} to {listed[-1]}" in words, words
    assert (
        figure.locator("title").get_attribute("id") == title_id
        and figure.locator("desc").get_attribute("id") == desc_id
    )
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "ids are unique on the page"

    nexts = [*sessions[1:], None]
    expected = [len(fitted(day, after, stages)) for day, after in zip(sessions, nexts, strict=True)]
    dots = [float(x) for x in figure.locator("circle").evaluate_all("cs => cs.map(c => c.getAttribute('cx'))")]
    bars = figure.locator("rect").evaluate_all("rs => rs.map(r => [+r.getAttribute('x'), +r.getAttribute('width')])")
    assert len(bars) == sum(expected), "a bar per aftercare step shown after each session"
    day = (dots[1] - dots[0]) / (sessions[1] - sessions[0]).days  # a day's width; a dot sits mid-day
    for x, width in bars:
        after = [dot for dot in dots if dot > x + day]  # the sessions after the one this bar follows
        assert not after or x + width < after[0], f"a bar from {x} to {x + width} runs into the session at {after[0]}"
    assert figure.evaluate("svg => [svg, ...svg.querySelectorAll('*')].every(e => !e.hasAttribute('style'))")
    box = figure.bounding_box()
    assert 300 <= box["width"] <= page.viewport_size["width"], box
    return title_id


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.skipif(WEEKLY is None, reason="no concern has weekly sessions")
def test_the_course_is_drawn_as_a_timeline_under_the_plan(site_url, page_for, scheme):
    page, watch = page_for(scheme, timezone_id="Europe/London", viewport=PHONE, now=NOW)
    page.add_init_script(CSP_LISTEN)
    open_settled(page, site_url + "/calculator/")
    start = date(2026, 3, 20)

    plan(page, "20", "3", "2026", concern=WEEKLY["id"])  # hair loss: every week
    gap = WEEKLY["interval_weeks"]["default"]
    first = check_course_figure(
        page, [weeks(start, gap * n) for n in range(course_size(WEEKLY))], WEEKLY.get("aftercare", PLAN["aftercare"])
    )
    assert axe_violations(page) == [], "with a weekly course"

    plan(page, "20", "3", "2026", concern=ACNE["id"])  # the figure is replaced, not added to
    gap = ACNE["interval_weeks"]["default"]
    second = check_course_figure(page, [weeks(start, gap * n) for n in range(course_size(ACNE))], PLAN["aftercare"])
    assert second != first and page.locator(f"[id='{first}']").count() == 0
    assert axe_violations(page) == [], "with a monthly course"

    plan(page, "31", "2", "2026")  # not a real date: no figure
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator(FIGURE)).to_have_count(0)
    plan(page, "20", "3", "2026", concern=ACNE["id"], count="2")
    check_course_figure(page, [start, weeks(start, gap)], PLAN["aftercare"])
    assert page.evaluate("window.__csp") == [], "nothing was blocked by the Content-Security-Policy"
    assert watch.console_errors == [] and watch.other_origins == [] and watch.failed == []


# ── the Spanish edition (/es/): the same script, its words and concerns from /es/assets/data/plan.json ──

ES_CONTENT = replace(CONTENT, topics=CONTENT.translations["es"].topics)
ES_PLAN = plan_data(ES_CONTENT, "es")
ES_WORDS, ES_FORM = ES_PLAN["words"], strings("es")["planner"]
ES_ACNE = next(c for c in ES_PLAN["concerns"] if c["id"] == ACNE["id"])
# English words the planner's script wrote before it read its words from plan.json
ENGLISH = re.compile(
    r"\b(Enter|must|Sessions?|sessions?|usually|Check|Aftercare|Avoid|weeks?|days|real date|to Google|new tab|"
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def es(day: date) -> str:
    return weekday_date(day, "es")


def plan_es(page, day, month, year, *, concern=None, count="", kind="last"):
    page.get_by_label(ES_FORM[kind]).check()
    page.get_by_label(ES_FORM["day"], exact=True).fill(day)
    page.get_by_label(ES_FORM["month"], exact=True).fill(month)
    page.get_by_label(ES_FORM["year"], exact=True).fill(year)
    if concern is not None:
        page.get_by_label(ES_FORM["concern"]).select_option(concern)
    page.get_by_label(ES_FORM["count"]).fill(count)
    page.get_by_role("button", name=ES_FORM["submit"]).click()


def test_the_spanish_planner_writes_spanish_and_its_dates_as_the_page_does(site_url, page_for):
    page, watch = open_planner(page_for, site_url, path="/es/calculator/", zone="America/New_York")
    assert page.evaluate("document.documentElement.lang") == "es"
    # The page's worked example (render.weekday_date) and the planner write a date the same way.
    frequency = ES_CONTENT.topics["frequency"]
    example = frequency.review.last_reviewed
    assert es(example) in page.locator("article").inner_text(), "the page's worked example"
    plan_es(page, str(example.day), str(example.month), str(example.year), kind="first", count="2")
    expect(page.locator(".calc-sessions li").first).to_contain_text(f"Sesión 1: {es(example)} (su primera sesión)")

    start = date(2026, 3, 20)
    plan_es(page, "20", "MARZO", "2026", concern=ACNE["id"])
    gap = ACNE["interval_weeks"]
    status = page.get_by_role("status")
    expect(status).to_contain_text(
        f"Después de su última sesión, el {es(start)}, su próxima sesión podría ser entre el "
        f"{es(weeks(start, gap['min']))} y el {es(weeks(start, gap['max']))}. "
        f"La fecha habitual es el {es(weeks(start, gap['default']))}."
    )
    assert es(start) == "viernes, 20 de marzo de 2026"
    assert (
        page.locator("#calc-count-hint")
        .inner_text()
        .endswith(f"{ES_ACNE['name']}: por lo general, {ACNE['sessions']['typical']} sesiones.")
    )
    assert page.locator(".calc-window dd").all_inner_texts() == [
        es(weeks(start, gap[k])) for k in ("min", "default", "max")
    ]
    expect(page.locator(".calc-plan")).to_contain_text(
        f"Cada fecha es {gap['default']} semana{'s' if gap['default'] > 1 else ''} después de la anterior."
    )
    sessions = [weeks(start, gap["default"] * n) for n in range(course_size(ACNE))]
    items = page.locator(".calc-sessions li").all_inner_texts()
    assert items[0].startswith(f"Sesión 1: {es(start)} (su última sesión)"), items[0]
    assert items[1].startswith(f"Sesión 2: {es(sessions[1])} (fecha habitual)"), items[1]
    expect(page.locator(".calc-google").first).to_have_text(
        "Añadir la sesión 2 a Google Calendar (se abre en una pestaña nueva)"
    )
    query = parse_qs(urlsplit(page.locator(".calc-google").first.get_attribute("href")).query)
    assert query["text"] == [strings("es")["planner"]["summary"]]
    assert f"Cuidados: {site_url}/es/aftercare/" in query["details"][0]

    usual = weeks(start, gap["default"])
    blocks = page.locator(".calc-stage")
    shown = fitted(usual, weeks(usual, gap["default"]), ES_PLAN["aftercare"])
    expect(blocks).to_have_count(len(shown))
    for i, (stage, first, last) in enumerate(shown):
        heading = blocks.nth(i).locator(":scope > :first-child").inner_text()
        if first == last:
            assert heading == f"{stage['label']}: {es(first)}", heading
        else:
            assert heading.startswith(f"{stage['label']}: del {es(first).rsplit(' de ', 1)[0]} al "), heading
            assert heading.endswith(f" al {es(last)}"), heading
        assert blocks.nth(i).locator("li").all_inner_texts() == stage["do"] + stage["avoid"]
    assert "Haga esto:" in page.locator(".calc-stages").inner_text()
    figure = page.locator(".calc-course svg")
    assert figure.locator("title").text_content() == ES_WORDS["figure"]["title"]
    assert f"sesiones, del {es(start)} al {es(sessions[-1])}" in figure.locator("desc").text_content()

    with page.expect_download() as info:
        page.get_by_role("button", name=ES_FORM["add_to_calendar"]).click()
    assert info.value.suggested_filename == "sesiones-microagujas.ics"
    calendar = Calendar.from_ical(Path(info.value.path()).read_bytes())
    assert str(calendar["PRODID"]) == "-//Guía de microagujas//Planificador de sesiones//ES"
    events = list(calendar.walk("VEVENT"))
    assert [e["DTSTART"].dt for e in events] == sessions[1:]
    assert {str(e["SUMMARY"]) for e in events} == {strings("es")["planner"]["summary"]}
    assert all(f"Cuidados: {site_url}/es/aftercare/" in str(e["DESCRIPTION"]) for e in events)

    shown_text = page.locator(".calc").inner_text() + figure.text_content()
    assert not ENGLISH.search(shown_text), ENGLISH.search(shown_text)
    assert not BROKEN.search(shown_text)
    assert axe_violations(page) == []
    assert watch.console_errors == [] and watch.other_origins == [] and watch.failed == []


ES_BAD_INPUT = [
    ("", "", "", "", ["day", "month", "year"], "Escriba la fecha de su última sesión"),
    ("12", "", "", "", ["month", "year"], "La fecha de su última sesión debe incluir el mes y el año"),
    (
        "31",
        "febrero",
        "2026",
        "",
        ["day", "month"],
        "La fecha de su última sesión debe ser una fecha real. Febrero de 2026 tiene 28 días",
    ),
    ("ab", "3", "2026", "", ["day"], "Escriba el día con números, por ejemplo 27"),
    (
        "12",
        "March",
        "2026",
        "",
        ["month"],
        "Escriba el mes con números, por ejemplo 3, o con letras, por ejemplo marzo",
    ),
    ("12", "3", "26", "", ["year"], "Escriba el año con 4 números, por ejemplo 2026"),
    ("12", "3", "1826", "", ["day", "month", "year"], "Escriba una fecha de los últimos 5 años."),
    ("12", "3", "2026", "1", ["count"], "Escriba un número de sesiones del 2 al 12, o déjelo vacío"),
]


@pytest.mark.parametrize("day, month, year, count, fields, message", ES_BAD_INPUT, ids=lambda v: repr(v)[:20])
def test_spanish_errors_are_in_spanish_next_to_the_field(site_url, page_for, day, month, year, count, fields, message):
    page, watch = open_planner(page_for, site_url, path="/es/calculator/")
    plan_es(page, day, month, year, count=count)
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    assert summary.get_by_role("heading", name=ES_FORM["problem"]).is_visible()
    expect(summary.get_by_role("link")).to_have_text([re.compile("^" + re.escape(message))])
    group = "count" if fields == ["count"] else "date"
    expect(page.locator(f"#calc-{group}-error")).to_have_text(re.compile(r"^Error: " + re.escape(message)))
    invalid = [n for n in ("day", "month", "year", "count") if page.locator(f"#calc-{n}").get_attribute("aria-invalid")]
    assert invalid == fields
    assert not ENGLISH.search(page.locator(".calc").inner_text())
    assert watch.console_errors == [] and watch.other_origins == []
