"""`make changes`: the report from real builds of commits in a temporary repository holding a copy of
the project (each commit built once, for the whole module), and the diffing functions on small inputs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import ContentCopy, copy_of_repo
from guide.changes import Version, fit, report
from guide.page_text import page_text, section_changes, word_diff
from guide.plan_changes import example_plan, plan_table
from guide.snapshot import SnapshotError, built_commit, commit_of

KEEP_ALL = 10  # builds kept in the test's cache: every commit here


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    found = subprocess.run(["git", *identity, *args], cwd=repo, capture_output=True, text=True, check=True)
    return found.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


# ── the edits, each made on a commit of its own ──────────────────────────────────────────────────


def edit_care_card(repo: Path) -> None:
    ContentCopy(repo).replace("risks.yml", "- Dark patches appear on", "- Dark or light patches appear on")


def edit_interval(repo: Path) -> None:  # acne scars come first in frequency.yml
    old = "interval_weeks: {min: 2, default: 4, max: 6}"
    ContentCopy(repo).replace("frequency.yml", old, old.replace("max: 6", "max: 8"))


def edit_template(repo: Path) -> None:
    main = repo / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    assert "  {{ super() }}\n" in text
    meta = '  <meta name="color-scheme" content="light dark">\n'
    main.write_text(text.replace("  {{ super() }}\n", "  {{ super() }}\n" + meta, 1), encoding="utf-8")
    css = repo / "docs" / "assets" / "css" / "guide.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.guide-test { margin: 0; }\n", encoding="utf-8")


def add_page(repo: Path) -> None:
    """A new topic page, in the navigation of both editions, not translated yet."""
    text = (repo / "content" / "what-to-expect.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: After your course", text)
    (repo / "content" / "after-your-course.yml").write_text(text, encoding="utf-8")
    ContentCopy(repo).replace("es/_language.yml", "complete: true", "complete: false")
    navigation = {"mkdocs.yml": "  - Questions: faq.md", "mkdocs.es.yml": "  - Preguntas frecuentes: faq.md"}
    for config, line in navigation.items():
        path = repo / config
        text = path.read_text(encoding="utf-8")
        assert line in text, f"{config} has no '{line}' to add the new page before"
        path.write_text(text.replace(line, "  - After your course: after-your-course.md\n" + line), encoding="utf-8")


class History:
    """The temporary repository, its commits by name, and their builds, each made once."""

    def __init__(self, repo: Path):
        self.repo, self.cache = repo, repo / "build" / "changes"
        self.commits = {"base": commit_all(repo, "The guide as it is")}
        self.versions: dict[str, Version] = {}

    def make(self, name: str, edit: Callable[[Path], None], on: str = "base") -> None:
        git(self.repo, "checkout", "-q", "--detach", self.commits[on])
        edit(self.repo)
        self.commits[name] = commit_all(self.repo, name)

    def version(self, name: str) -> Version:
        if name not in self.versions:
            folder, _ = built_commit(self.repo, self.commits[name], self.cache, keep=KEEP_ALL)
            self.versions[name] = Version.read(name, folder / "site", folder / "src")
        return self.versions[name]

    def report(self, name: str, against: str = "base") -> str:
        return report(self.version(against), self.version(name))


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> History:
    repo = copy_of_repo(tmp_path_factory.mktemp("changes"))
    git(repo, "init", "-q", "-b", "main")
    (repo / ".git" / "info" / "exclude").write_text("node_modules\nbuild/\n")  # a link here, generated there
    found = History(repo)
    found.make("care card", edit_care_card)
    found.make("interval", edit_interval)
    found.make("template", edit_template)
    found.make("new page", add_page)
    git(repo, "revert", "--no-edit", found.commits["new page"])  # the page deleted again
    found.commits["deleted page"] = git(repo, "rev-parse", "HEAD")
    return found


def section(report_text: str, heading: str) -> str:
    """One '### ' section of a report, up to the next."""
    start = report_text.index(f"### {heading}")
    end = report_text.find("\n### ", start + 1)
    return report_text[start : end if end > 0 else None]


def test_a_content_edit_from_the_command_line(history: History):
    """`python -m guide changes` on a working tree with an uncommitted edit: the base (a commit) is
    built and cached, the working tree is built, and the report names the page, its embed view, its
    translation and the claim, and shows the words."""
    repo = history.repo
    git(repo, "checkout", "-q", "--detach", history.commits["base"])
    ContentCopy(repo).replace("faq.yml", "Changes build over months.", "Changes build slowly, over months.")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "guide", "changes", "--base", history.commits["base"]],
            cwd=repo,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(repo / "scripts")},
        )
    finally:
        git(repo, "checkout", "-q", ".")
    assert run.returncode == 0, run.stderr
    assert "wrote build/changes.md" in run.stdout
    text = (repo / "build" / "changes.md").read_text(encoding="utf-8")
    assert "with uncommitted changes" in text
    faq = section(text, "English pages whose text changed")
    assert "#### Common questions — `/faq/`" in faq
    assert "Changes build **slowly,** over months." in faq
    assert re.search(r"Reading grade: \d+\.\d(, unchanged| → \d+\.\d) \(Flesch-Kincaid", faq)
    assert "`/embed/faq/`: the same changes as `/faq/`" in section(text, "On clinics' sites")
    translations = section(text, "Translations")
    assert "`content/es/faq.yml` now follows old English words" in translations
    assert re.search(r"`questions\[\d+\]\.answer`: “Changes build slowly, over months\.", translations)
    assert "words changed, same sources (alam-2014)" in section(text, "Claims")
    spanish = section(text, "Spanish (`es/`) pages whose text changed")
    assert "`/es/faq/`" in spanish and "**La página en inglés ha cambiado" in spanish  # it may miss the change
    assert "No interval, session count or aftercare step changed." in text
    assert "No card changed." in text
    # The base's build is kept, by its files' tree: asking for it again builds nothing.
    assert built_commit(repo, history.commits["base"], history.cache, keep=KEEP_ALL)[1]


def test_a_care_card_edit_is_shown_first_with_every_page_and_embed_it_reaches(history: History):
    text = history.report("care card")
    clinics = section(text, "On clinics' sites")
    assert "Written in `content/risks.yml`, shown on `/risks/`, `/aftercare/`" in clinics
    assert "`/aftercare-sheet/`, `/embed/risks/`, `/embed/aftercare/`" in clinics
    assert "Dark **or light** patches appear on the treated skin." in clinics
    assert "`/embed/risks/`" in clinics.split("When-to-get-help cards")[0]
    assert "`/embed/aftercare/`" in clinics.split("When-to-get-help cards")[0]
    assert text.index("When-to-get-help cards:") < text.index("### English pages whose text changed")
    assert "`content/es/risks.yml` now follows old English words" in text
    assert re.search(r"`care_cards\[0\]\.items\[1\]`: “Dark or light patches", text)
    assert "- When-to-get-help cards: changed" in text


def test_an_interval_edit_shows_the_planner_data_and_an_example_plan(history: History):
    text = history.report("interval")
    planner = section(text, "The session planner")
    assert "- Acne scars: 2 to 6 weeks apart, usually 4 → **2 to 8 weeks apart, usually 4**" in planner
    assert "| Session 2 at the latest | Monday 13 April 2026 | **Monday 27 April 2026** |" in planner
    assert "| Session 2 at the earliest | Monday 16 March 2026 | Monday 16 March 2026 |" in planner
    assert "No translation is left following old English words." in text  # a number is not words
    pages = section(text, "English pages whose text changed")
    assert "`/calculator/`" in pages and "`/frequency/`" in pages
    assert "2 to ~~6~~ **8**" in pages


def test_a_template_only_edit_is_reported_as_such(history: History):
    text = history.report("template")
    assert "**No reader-visible text changes**: only templates, styles or scripts" in text
    assert "No page changes its text." in text and "No embed view changes its text." in text
    html = section(text, "Pages whose HTML changed but not their text")
    assert "Only around the content" in html and "`/aftercare/`" in html
    assert "Inside the page's content" not in html
    assert "- Changed: `assets/css/guide.css`" in html
    assert "`/embed/aftercare/`" not in html  # embed views have their own template


def test_a_new_page_and_its_embed_view(history: History):
    text = history.report("new page")
    assert "#### After your course — `/after-your-course/` (new page)" in text
    assert "`/embed/after-your-course/`: a new embed view, of `/after-your-course/`" in text
    assert "`content/after-your-course.yml` has no translation in `content/es/` yet" in text
    assert "| `/after-your-course/` | — |" in section(text, "Page weights")
    assert "Only around the content" in text  # every page's navigation lists it


def test_a_deleted_page(history: History):
    text = history.report("deleted page", against="new page")
    assert "#### After your course — `/after-your-course/` (removed page)" in text
    assert "`/embed/after-your-course/`: a removed embed view" in text
    # The deletion restores the base's files: the base's build is used, not built again.
    assert history.version("deleted page").site == history.version("base").site


# ── the parts, on small inputs ───────────────────────────────────────────────────────────────────

PAGE = """<html><head><title>x</title><script>var no = 1;</script></head><body><nav>Menu</nav>
<article class="md-content__inner">
<h1 id="care">Care<a class="headerlink" href="#care">&para;</a></h1>
<p>Keep it <abbr title="A cream that numbs">clean</abbr>.<a href="#ref-a">[1]</a><a href="#ref-b">[2]</a></p>
<h2 id="day-one">Day one<a class="headerlink" href="#day-one">&para;</a></h2>
<figure><svg><title>Stages</title><desc>One bar a stage.</desc><text>42</text></svg></figure>
<table><tr><th>Concern</th><th>Weeks</th></tr><tr><td>Acne</td><td>2 to 6</td></tr></table>
<ul><li>Wash your hands.</li><li>Sleep well.</li></ul>
</article><footer>Next page</footer></body></html>"""


def test_page_text_reads_what_a_reader_sees_by_section():
    text = page_text(PAGE)
    assert text.title == "Care"
    top, day, tips = text.sections[""], text.sections["day-one"], text.sections["tooltips"]
    assert top.blocks == ("Care", "Keep it clean. [1] [2]")
    assert day.heading == "Day one"
    assert day.blocks == (
        "Stages",
        "One bar a stage.",
        "Concern | Weeks",
        "Acne | 2 to 6",
        "Wash your hands.",
        "Sleep well.",
    )
    assert tips.blocks == ("clean: A cream that numbs",)
    words = " ".join(block for part in text.sections.values() for block in part.blocks)
    assert not any(left_out in words for left_out in ("Menu", "Next page", "¶", "var", "42"))


def test_section_changes_match_sections_by_id_and_show_words():
    before = page_text(PAGE)
    after = page_text(PAGE.replace("Sleep well.", "Sleep on a clean pillowcase.").replace("2 to 6", "2 to 8"))
    (change,) = section_changes(before, after)
    assert change.heading == "Day one" and change.status == "changed"
    assert change.lines == (
        "Acne \\| 2 to ~~6~~ **8**",
        "(removed) ~~Sleep well.~~",
        "(new) **Sleep on a clean pillowcase.**",
    )
    renamed = page_text(PAGE.replace(">Day one<", ">The first day<"))
    (change,) = section_changes(before, renamed)
    assert (change.heading, change.was, change.lines) == ("The first day", "Day one", ())


def test_word_diff_cuts_long_unchanged_stretches():
    old = " ".join(f"w{n}" for n in range(40))
    new = old.replace("w20", "changed")
    assert (
        word_diff(old, new) == "… w12 w13 w14 w15 w16 w17 w18 w19 ~~w20~~ **changed** w21 w22 w23 w24 w25 w26 w27 w28 …"
    )


def test_page_text_reaches_markdown_inert():
    """Content is untrusted: in a pull request's comment it must not ping people, link issues, or
    become HTML, emphasis, links or tables."""
    hostile = "@maintainers see #12 <img src=x onerror=alert(1)> **bold** [link](https://x.test) a|b `code`"
    line = word_diff("Safe words.", hostile)
    assert "<img" not in line and "&lt;img" in line
    assert "@maintainers" not in line and "@\u2060maintainers" in line
    assert "#12" not in line and "#\u206012" in line
    assert "\\*\\*bold\\*\\*" in line and "\\[link\\]" in line and "a\\|b" in line and "\\`code\\`" in line


def test_example_plan_makes_the_planner_s_dates():
    stage = lambda i, a, b: {"id": i, "label": i, "from_day": a, "to_day": b, "do": [], "avoid": []}  # noqa: E731
    data = {
        "concerns": [{"id": "acne", "name": "Acne", "sessions": {"min": 2, "typical": 3, "max": 6},
                      "interval_weeks": {"min": 2, "default": 4, "max": 6}}],
        "aftercare": [stage("day", 0, 0), stage("weeks", 8, 42), stage("later", 60, 90)],
    }  # fmt: skip
    plan = example_plan(data, "acne", date(2026, 3, 2))
    assert plan.sessions == (date(2026, 3, 2), date(2026, 3, 30), date(2026, 4, 27))
    assert plan.next == {"earliest": date(2026, 3, 16), "usual": date(2026, 3, 30), "latest": date(2026, 4, 13)}
    # A stage running past the next session ends the day before it; one starting after it is left out.
    assert plan.aftercare == (
        ("day", "day", date(2026, 3, 2), date(2026, 3, 2), False),
        ("weeks", "weeks", date(2026, 3, 10), date(2026, 3, 29), True),
    )
    table = plan_table(plan, None)
    assert "| Session 3 | Monday 27 April 2026 | **—** |" in table


def test_a_report_too_long_for_a_comment_is_cut_at_a_line_and_says_so():
    text = "## Title\n\n<details><summary>Pages</summary>\n\n" + "- a line of the report\n" * 5000
    cut = fit(text, 65536)
    assert len(cut) <= 65536 and cut.count("<details>") == cut.count("</details>")
    assert cut.endswith("read it all in the workflow run's summary.*\n")
    assert "\n- a line of the report\n" in cut and fit("short\n", 100) == "short\n"


def test_a_base_that_is_not_a_commit_says_how_to_fetch_it(tmp_path: Path):
    git(tmp_path, "init", "-q")
    with pytest.raises(SnapshotError, match=r"'no-such-branch' is not a commit .*git fetch origin no-such-branch"):
        commit_of(tmp_path, "no-such-branch")
