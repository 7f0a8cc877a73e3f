"""Embedding on a clinic's site: a host page on another loopback origin pastes the snippets exactly as
the guide shows them (the one-line script, then the plain iframe), and a reader uses both embeds."""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from browser.conftest import axe_violations, open_settled, serve_pages
from conftest import ROOT
from guide.embed import REFERRER_POLICY, SANDBOX
from guide.render import plan_data, strings
from guide.validate import load_content

CONTENT = load_content(ROOT)
PLAN = plan_data(CONTENT)
CONCERN = next(c for c in PLAN["concerns"] if c["id"] != PLAN["default_concern"])["id"]
AFTERCARE_TITLE = f"{CONTENT.topics['aftercare'].title} - Microneedling guide"
PLANNER_TITLE = "Plan your sessions - Microneedling guide"
NOW = datetime(2026, 4, 2, 12, tzinfo=UTC)
STORED = "[document.cookie, localStorage.length, sessionStorage.length]"
TOPIC = 'iframe[src*="/embed/aftercare/"]'
PLANNER = 'iframe[src*="/embed/calculator/"]'
ES_TOPIC = 'iframe[src*="/es/embed/aftercare/"]'
ES_PLANNER = 'iframe[src*="/es/embed/calculator/"]'
ES = strings("es")


def shown_snippets(site: Path, slug: str) -> tuple[str, str]:
    """The script line and the plain iframe, as a clinic copies them from the page's "Embed this page"."""
    page = (site / slug / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<div class="embed-this-page">') :]
    codes = [
        html.unescape(re.sub(r"<[^>]+>", "", code)).strip() for code in re.findall(r"<code>(.*?)</code>", section, re.S)
    ]
    return codes[0], codes[1]


@pytest.fixture(scope="module")
def clinic(built_site, site_url):
    """The clinic's site (another origin than the guide's), and a third party's site."""
    topic_script, topic_frame = shown_snippets(built_site, "aftercare")
    planner_script, planner_frame = shown_snippets(built_site, "calculator")
    assert 'data-page="aftercare"' in topic_script and 'data-page="calculator"' in planner_script
    pages: dict[str, str] = {}
    origin = serve_pages(pages)
    third_party: dict[str, str] = {"/": "<!doctype html><title>Third party</title><p>Another site</p>"}
    other = serve_pages(third_party)

    def host(*embeds: str) -> str:
        parts = "\n".join(f"<section><h2>Part {n}</h2>\n{e}\n</section>" for n, e in enumerate(embeds, 1))
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our clinic</title>'
            '<link rel="icon" href="data:,"></head>'
            f"<body><h1>Our clinic</h1>\n{parts}\n"
            # Someone else's frames on the same page: the guide's own origin, and a third party's.
            f'<iframe id="same-origin-stranger" title="Stranger" src="{site_url}/assets/data/plan.json"></iframe>'
            f'<iframe id="other-origin-stranger" title="Other" src="{other}/" style="height:50px"></iframe>'
            "</body></html>"
        )

    pages["/script.html"] = host(
        topic_script.replace("></script>", ' data-theme="dark" data-accent="#0b6e4f"></script>'),
        planner_script.replace("></script>", f' data-accent="#ffdd00" data-concern="{CONCERN}"></script>'),
    )
    pages["/iframe.html"] = host(
        topic_frame.replace('/embed/aftercare/"', '/embed/aftercare/?theme=dark&amp;accent=0b6e4f"'),
        planner_frame.replace('/embed/calculator/"', f'/embed/calculator/?accent=ffdd00&amp;concern={CONCERN}"'),
    )
    spanish = ' data-lang="es" data-page='  # the script line as the Spanish edition's pages show it
    pages["/spanish.html"] = host(
        topic_script.replace(" data-page=", spanish),
        planner_script.replace(" data-page=", spanish).replace("></script>", f' data-concern="{CONCERN}"></script>'),
    )
    pages["/invalid.html"] = host(
        topic_script.replace(
            "></script>",
            ' data-theme="purple" data-accent="red;background:url(//x)" data-concern="../x" data-lang="fr"></script>',
        ),
        planner_script.replace('data-page="calculator"', 'data-page="../admin/"'),
        planner_frame.replace(
            '/embed/calculator/"', '/embed/calculator/?theme=neon&amp;accent=12345&amp;concern=nope"'
        ),
    )
    return origin, other


@pytest.fixture
def open_host(new_page, site_url, clinic):
    """Open a page of the clinic's site; record console messages and every request it makes."""

    def open_page(path: str, scheme: str = "light"):
        page = new_page(color_scheme=scheme, viewport={"width": 900, "height": 800}, now=NOW)
        seen = {"warnings": [], "errors": [], "requests": [], "by_frame": []}
        page.on("console", lambda m: seen["warnings" if m.type == "warning" else "errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("request", lambda r: seen["by_frame"].append((r.frame.url, r.url)))
        page.goto(clinic[0] + path, wait_until="load")
        return page, seen

    return open_page


def frame_of(page, selector: str):
    """The embedded page's frame, once it has loaded (scrolled into view first: the iframe is lazy)."""
    element = page.locator(selector)
    element.scroll_into_view_if_needed()
    expect(element).to_have_count(1)
    frame = element.element_handle().content_frame()
    frame.wait_for_load_state("load")
    return frame


def sizes(page, selector: str) -> tuple[float, float, float]:
    """(height of the iframe, height of the page in it, how far the page in it can scroll)."""
    frame = frame_of(page, selector)
    box = page.locator(selector).evaluate("f => f.getBoundingClientRect().height")
    content, overflow = frame.evaluate(
        "[document.documentElement.getBoundingClientRect().height,"
        " document.documentElement.scrollHeight - window.innerHeight]"
    )
    return box, content, overflow


def fits(page, selector: str, timeout: float = 5.0) -> tuple[float, float, float]:
    """Wait until the iframe is as tall as its content (within 3 px), and return the sizes."""
    deadline = time.monotonic() + timeout
    while True:
        box, content, overflow = sizes(page, selector)
        if abs(box - content) <= 3 or time.monotonic() > deadline:
            return box, content, overflow
        page.wait_for_timeout(100)


def plan(frame, day="20", month="3", year="2026"):
    frame.get_by_label("Day", exact=True).fill(day)
    frame.get_by_label("Month", exact=True).fill(month)
    frame.get_by_label("Year", exact=True).fill(year)
    frame.get_by_role("button", name="Plan my sessions").click()
    expect(frame.get_by_role("heading", name="Your plan")).to_be_visible()


def contrast(rgb_a: str, rgb_b: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted([luminance(rgb_a), luminance(rgb_b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_one_line_embeds_appear_with_titles_and_fit_their_content(open_host, site_url, clinic):
    page, seen = open_host("/script.html")
    for selector, title in ((TOPIC, AFTERCARE_TITLE), (PLANNER, PLANNER_TITLE)):
        frame = frame_of(page, selector)
        iframe = page.locator(selector)
        expect(iframe).to_have_attribute("title", title)  # the frame's own <title>, sent with its height
        assert frame.title() == title
        expect(iframe).to_have_attribute("loading", "lazy")
        expect(iframe).to_have_attribute("sandbox", SANDBOX)
        expect(iframe).to_have_attribute("referrerpolicy", REFERRER_POLICY)
        assert frame.evaluate("document.referrer") == "", "the clinic's address does not reach the guide"
        box, content, overflow = fits(page, selector)
        assert abs(box - content) <= 3, (selector, box, content)
        assert abs(box - 600) > 3, "the frame was sized to its content, not left at its starting height"
        assert overflow <= 1, "no scroll bar inside a sized frame"
        assert frame.evaluate("getComputedStyle(document.documentElement).overflowY") == "hidden"

    before, _, _ = fits(page, PLANNER)
    frame = frame_of(page, PLANNER)
    plan(frame)
    page.wait_for_function(f"document.querySelector('{PLANNER}').getBoundingClientRect().height > {before + 200}")
    box, content, overflow = fits(page, PLANNER)
    assert abs(box - content) <= 3 and overflow <= 1, (box, content, overflow)

    for selector in (TOPIC, PLANNER):
        assert frame_of(page, selector).evaluate(STORED) == ["", 0, 0]
    expected = (site_url, *clinic, "blob:", "data:")  # the guide, the clinic, and the test's stranger frame
    assert [u for u in seen["requests"] if not u.startswith(expected)] == []
    topic = {u.split("?")[0].removeprefix(site_url) for f, u in seen["by_frame"] if "/embed/aftercare/" in f}
    scripts = {u for u in topic if u.endswith(".js")}
    assert scripts == {"/assets/js/embed-frame.js", "/assets/js/clinic.js"}, f"only its own scripts: {topic}"
    assert not [u for u in topic if "search" in u or "plan.json" in u], topic
    assert seen["errors"] == []


def test_theme_accent_and_concern_apply(open_host):
    page, _ = open_host("/script.html")
    topic = frame_of(page, TOPIC)
    assert topic.evaluate("document.body.dataset.mdColorScheme") == "slate"  # data-theme="dark" on a light device
    assert (
        topic.evaluate("getComputedStyle(document.querySelector('.embed-credit')).borderTopColor") == "rgb(11, 110, 79)"
    )
    planner = frame_of(page, PLANNER)
    assert planner.evaluate("document.body.dataset.mdColorScheme") == "default"  # no data-theme: the device's
    assert planner.get_by_label("Your skin concern").input_value() == CONCERN
    button = planner.get_by_role("button", name="Plan my sessions")
    background = button.evaluate("b => getComputedStyle(b).backgroundColor")
    text = button.evaluate("b => getComputedStyle(b).color")
    assert background == "rgb(255, 221, 0)"
    assert contrast(background, text) >= 4.5, "a light accent gets dark text"


def test_invalid_options_are_ignored_with_a_warning(open_host):
    page, seen = open_host("/invalid.html")
    topic = page.locator(TOPIC)
    expect(topic).to_have_count(1)
    assert topic.get_attribute("src").endswith("/embed/aftercare/"), "no option reaches the frame"
    assert "/fr/" not in topic.get_attribute("src"), "a language the guide is not in: English"
    assert frame_of(page, TOPIC).evaluate("document.body.dataset.mdColorScheme") == "default"
    expect(page.locator('iframe[src*="admin"]')).to_have_count(0)
    for name in ("data-theme", "data-accent", "data-concern", "data-page", 'data-lang="fr"'):
        assert any(name in w for w in seen["warnings"]), (name, seen["warnings"])

    planner = frame_of(page, PLANNER)  # the plain iframe with bad URL options
    page.wait_for_timeout(200)
    assert planner.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert planner.evaluate("document.body.style.getPropertyValue('--embed-accent')") == ""
    assert planner.get_by_label("Your skin concern").input_value() != "nope"
    for name in ("theme=neon", "accent=12345", "concern=nope"):
        assert any(name in w for w in seen["warnings"]), (name, seen["warnings"])
    assert seen["errors"] == []


def test_data_lang_es_embeds_the_spanish_edition(open_host, site_url, built_site):
    page, seen = open_host("/spanish.html")
    expect(page.locator(ES_TOPIC)).to_have_attribute("src", f"{site_url}/es/embed/aftercare/")
    expect(page.locator(ES_PLANNER)).to_have_attribute("src", f"{site_url}/es/embed/calculator/?concern={CONCERN}")
    view = built_site / "es" / "embed" / "aftercare" / "index.html"
    assert view.exists(), "the Spanish edition's embed views (site/es/embed/) were not built"
    for selector, slug in ((ES_TOPIC, "aftercare"), (ES_PLANNER, "calculator")):
        frame = frame_of(page, selector)
        assert frame.evaluate("document.documentElement.lang") == "es", slug
        built = (built_site / "es" / "embed" / slug / "index.html").read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<title>([^<]*)</title>", built).group(1))
        assert "Guía de microagujas" in title, title
        expect(page.locator(selector)).to_have_attribute("title", title)  # the frame's own, sent with its height
        box, content, overflow = fits(page, selector)
        assert abs(box - content) <= 3 and overflow <= 1, (slug, box, content)
        assert frame.evaluate(STORED) == ["", 0, 0]

    planner = frame_of(page, ES_PLANNER)  # the planner speaks Spanish, from the Spanish plan.json
    words = ES["planner"]
    assert planner.get_by_label(words["concern"]).input_value() == CONCERN
    planner.get_by_label(words["day"], exact=True).fill("20")
    planner.get_by_label(words["month"], exact=True).fill("Marzo")
    planner.get_by_label(words["year"], exact=True).fill("2026")
    planner.get_by_role("button", name=words["submit"]).click()
    expect(planner.get_by_role("heading", name=words["plan"])).to_be_visible()
    expect(planner.get_by_role("status")).to_contain_text(
        "Después de su última sesión, el viernes, 20 de marzo de 2026,"
    )
    with page.expect_download() as info:
        planner.get_by_role("button", name=words["add_to_calendar"]).click()
    assert info.value.suggested_filename == "sesiones-microagujas.ics"
    assert b"PRODID:-//Gu\xc3\xada de microagujas//" in Path(info.value.path()).read_bytes()
    assert [w for w in seen["warnings"] if "Microneedling guide embed" in w] == []
    assert seen["errors"] == []


def test_the_frames_title_until_the_page_says_its_own_is_in_the_embeds_language(new_page, site_url, clinic):
    page = new_page()
    # The guide's pages answer, but say nothing: the script's own title stays.
    page.route(
        re.compile(r".*/embed/(aftercare|calculator)/.*"),
        lambda route: route.fulfill(content_type="text/html", body="<!doctype html><title>Quiet</title>"),
    )
    page.goto(clinic[0] + "/spanish.html", wait_until="load")
    for selector in (ES_TOPIC, ES_PLANNER):
        frame_of(page, selector)
    expect(page.locator(ES_TOPIC)).to_have_attribute("title", "Guía de microagujas")
    expect(page.locator(ES_PLANNER)).to_have_attribute("title", "Guía de microagujas")
    page.goto(clinic[0] + "/script.html", wait_until="load")
    frame_of(page, TOPIC)
    expect(page.locator(TOPIC)).to_have_attribute("title", "Aftercare - Microneedling guide")


def test_forged_messages_change_nothing(open_host, site_url, clinic):
    page, _ = open_host("/script.html")
    box, _, _ = fits(page, TOPIC)
    iframe = page.locator(TOPIC)
    forged = "{type: 'mng:size', height: 77, title: 'Forged'}"

    page.evaluate(f"window.postMessage({forged}, '*')")  # from the clinic's page itself: wrong origin
    same_origin = page.locator("#same-origin-stranger").element_handle().content_frame()
    same_origin.evaluate(f"parent.postMessage({forged}, '*')")  # the guide's origin, but not the embed's window
    other = page.locator("#other-origin-stranger").element_handle().content_frame()
    other.evaluate(f"parent.postMessage({forged}, '*')")  # another origin altogether
    # A stranger says hello to the embed: the embed must not answer it (or anyone) with its size.
    other.evaluate(
        "window.answers = []; addEventListener('message', e => answers.push(e.data));"
        "parent.frames[0].postMessage({type: 'mng:hello'}, '*')"
    )
    page.wait_for_timeout(800)
    assert iframe.evaluate("f => f.getBoundingClientRect().height") == pytest.approx(box, abs=1)
    assert iframe.get_attribute("title") == AFTERCARE_TITLE
    assert other.evaluate("answers") == []
    # ...and it still talks to the clinic's page, not to the stranger who said hello.
    real = frame_of(page, TOPIC)
    real.evaluate(
        "document.querySelector('article').append(Object.assign(document.createElement('p'), {style: 'height:300px'}))"
    )
    page.wait_for_function(f"document.querySelector('{TOPIC}').getBoundingClientRect().height > {box + 290}")

    # The same message from the embed's own window does count, so the checks above could fail.
    real.evaluate(f"parent.postMessage({forged}, '{clinic[0]}')")
    expect(iframe).to_have_attribute("title", "Forged")
    assert iframe.evaluate("f => f.getBoundingClientRect().height") == 77
    for height, expected in (("1e9", 30000), ("-5", 50), ("'900'", 50), ("NaN", 50), ("Infinity", 50)):
        real.evaluate(f"parent.postMessage({{type: 'mng:size', height: {height}}}, '{clinic[0]}')")
        page.wait_for_timeout(100)
        assert iframe.evaluate("f => f.getBoundingClientRect().height") == expected, height

    # If another site's page replaces the guide's inside the same iframe, its messages do not count.
    iframe.element_handle().content_frame().evaluate(f"location.href = '{clinic[1]}/'")
    replaced = iframe.element_handle().content_frame()
    replaced.wait_for_url(f"{clinic[1]}/")
    replaced.evaluate("parent.postMessage({type: 'mng:size', height: 400, title: 'Replaced'}, '*')")
    page.wait_for_timeout(300)
    assert iframe.evaluate("f => f.getBoundingClientRect().height") == 50
    assert iframe.get_attribute("title") == "Forged"


@pytest.mark.parametrize("host", ["/script.html", "/iframe.html"])
def test_the_calendar_file_downloads_from_inside_the_frame(open_host, host):
    page, seen = open_host(host)
    frame = frame_of(page, PLANNER)
    plan(frame)
    with page.expect_download() as info:
        frame.get_by_role("button", name="Add all dates to your calendar").click()
    download = info.value
    assert download.suggested_filename == "microneedling-sessions.ics"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and b"BEGIN:VEVENT" in raw
    frame.get_by_role("button", name="Print this plan").click()  # the sandbox allows print() (allow-modals)
    page.wait_for_timeout(300)
    assert seen["errors"] == []


def test_the_plain_iframe_snippet_works_without_a_script(open_host, clinic):
    page, seen = open_host("/iframe.html")
    assert not [u for u in seen["requests"] if u.endswith("/embed.js")]
    for selector, title in ((TOPIC, AFTERCARE_TITLE), (PLANNER, PLANNER_TITLE)):
        frame = frame_of(page, selector)
        expect(page.locator(selector)).to_have_attribute("title", title)
        assert frame.title() == title
        expect(page.locator(selector)).to_have_attribute("loading", "lazy")
        expect(page.locator(selector)).to_have_attribute("sandbox", SANDBOX)
        expect(page.locator(selector)).to_have_attribute("referrerpolicy", REFERRER_POLICY)
        assert frame.evaluate("document.referrer") == ""
        box, content, overflow = sizes(page, selector)
        assert box == 900 and content > box and overflow > 0, "a fixed box the page scrolls inside"
        assert frame.evaluate("getComputedStyle(document.documentElement).overflowY") != "hidden"
    topic = frame_of(page, TOPIC)
    assert topic.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert (
        topic.evaluate("getComputedStyle(document.querySelector('.embed-credit')).borderTopColor") == "rgb(11, 110, 79)"
    )
    planner = frame_of(page, PLANNER)
    assert planner.get_by_label("Your skin concern").input_value() == CONCERN
    # Nobody said hello, so the frame tells no one its size, even when a stranger asks, and it
    # keeps its own scroll bar.
    other = page.locator("#other-origin-stranger").element_handle().content_frame()
    other.evaluate(
        "window.answers = []; addEventListener('message', e => answers.push(e.data));"
        "parent.frames[0].postMessage({type: 'mng:hello'}, '*')"
    )
    page.wait_for_timeout(500)
    assert other.evaluate("answers") == []
    assert topic.evaluate("getComputedStyle(document.documentElement).overflowY") != "hidden"
    assert seen["errors"] == []


def test_links_in_the_frame_open_the_full_guide_in_a_new_tab(open_host, site_url):
    page, _ = open_host("/script.html")
    frame = frame_of(page, TOPIC)
    credit = frame.locator(".embed-credit a")
    expect(credit).to_have_attribute("href", f"{site_url}/aftercare/")
    with page.context.expect_page() as opened:
        frame.locator("a[href$='/risks/']").first.click()
    new = opened.value
    new.wait_for_load_state()
    assert new.url == f"{site_url}/risks/"
    assert frame.url.split("?")[0].endswith("/embed/aftercare/"), "the frame itself stays where it was"


# document.domain can never be set in a sandboxed document (no token allows it): a probe for
# whether a tab opened from the frame is an ordinary tab or still under the frame's sandbox.
SANDBOXED = "() => { try { document.domain = document.domain; return false } catch { return true } }"


@pytest.fixture(scope="module")
def sandbox_host():
    pages: dict[str, str] = {}
    return serve_pages(pages), pages


def shows(locator, timeout: float = 2000) -> bool:
    try:
        locator.wait_for(state="visible", timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def sandboxed_planner(new_page, site_url: str, host, sandbox: str) -> dict[str, bool]:
    """{sandbox token: whether the feature it is there for works} for the planner in a plain iframe with
    this sandbox. Features are tried in turn; one that needs another that failed is not tried."""
    origin, pages = host
    pages["/sandbox.html"] = (
        f'<!doctype html><html lang="en"><title>Clinic</title><iframe title="Planner" sandbox="{sandbox}"'
        f' src="{site_url}/embed/calculator/?theme=dark" style="width:800px;height:900px"></iframe></html>'
    )
    page = new_page(now=NOW)
    page.goto(origin + "/sandbox.html", wait_until="networkidle")
    frame = page.frames[1]
    works = {
        "allow-scripts": frame.locator("body").get_attribute("data-md-color-scheme") == "slate",
        # calculator.js removes the form's hidden attribute once it has read plan.json
        "allow-same-origin": shows(frame.locator("form.calc-form:not([hidden])")),
    }
    if works["allow-same-origin"]:
        for label, value in (("Day", "20"), ("Month", "3"), ("Year", "2026")):
            frame.get_by_label(label, exact=True).fill(value)
        frame.get_by_role("button", name="Plan my sessions").click()
        works["allow-forms"] = shows(frame.get_by_role("heading", name="Your plan"))
    if works.get("allow-forms"):
        try:
            with page.expect_download(timeout=2000):
                frame.get_by_role("button", name="Add all dates to your calendar").click()
            works["allow-downloads"] = True
        except PlaywrightTimeout:
            works["allow-downloads"] = False
        frame.evaluate("window.printed = 0; addEventListener('beforeprint', () => printed++)")
        frame.get_by_role("button", name="Print this plan").click()
        page.wait_for_timeout(300)
        works["allow-modals"] = frame.evaluate("printed") == 1
    if works["allow-scripts"]:  # embed-frame.js opens links to other pages in a new tab
        try:
            with page.context.expect_page(timeout=2000) as opened:
                frame.locator("a[href$='/aftercare/']").first.click()
            works["allow-popups"] = True
            works["allow-popups-to-escape-sandbox"] = not opened.value.evaluate(SANDBOXED)
        except PlaywrightTimeout:
            works["allow-popups"] = False
    return works


def test_the_sandbox_allows_everything_the_planner_does(new_page, site_url, sandbox_host):
    assert sandboxed_planner(new_page, site_url, sandbox_host, SANDBOX) == dict.fromkeys(SANDBOX.split(), True)


@pytest.mark.parametrize("token", SANDBOX.split())
def test_each_sandbox_token_is_needed(new_page, site_url, sandbox_host, token):
    """Without any one token, the feature it is there for (guide/embed.py says which) stops working."""
    fewer = " ".join(t for t in SANDBOX.split() if t != token)
    assert sandboxed_planner(new_page, site_url, sandbox_host, fewer)[token] is False


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embed_views_have_no_axe_violations(new_page, site_url, scheme):
    page = new_page(color_scheme=scheme, now=NOW)
    problems = {}
    for path in ("/embed/aftercare/", "/embed/calculator/?accent=ffdd00", "/embed/risks/?theme=dark&accent=0b6e4f"):
        open_settled(page, site_url + path)
        if "calculator" in path:
            plan(page.main_frame)
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_topic_pages_offer_both_snippets_with_a_copy_button(new_page, site_url, built_site):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    open_settled(page, site_url + "/aftercare/")
    details = page.locator(".embed-this-page details")
    expect(details).not_to_have_attribute("open", "")
    details.locator("summary").click()
    expect(details.locator("pre")).to_have_count(2)
    copy = details.get_by_role("button", name="Copy to clipboard")
    expect(copy).to_have_count(2)
    copy.first.click()
    assert page.evaluate("navigator.clipboard.readText()").strip() == shown_snippets(built_site, "aftercare")[0]
    expect(details.get_by_role("link", name="For clinics")).to_have_attribute("href", re.compile(r"/clinics/$"))


def test_a_clinic_follows_the_for_clinics_page(new_page, built_site, site_url):
    """The "done when" of issue 4: the first two lines on /clinics/, pasted into a plain page as they are."""
    page_html = (built_site / "clinics" / "index.html").read_text(encoding="utf-8")
    blocks = [
        html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<code>(.*?)</code>", page_html, re.S)
    ]
    aftercare, planner = blocks[0], blocks[1]
    assert 'data-page="aftercare"' in aftercare and 'data-page="calculator"' in planner
    pages = {"/": f"<!doctype html><html lang=en><title>Clinic</title><h1>Clinic</h1>{aftercare}{planner}</html>"}
    origin = serve_pages(pages)
    page = new_page()
    page.goto(origin + "/", wait_until="load")
    for selector, title in ((TOPIC, AFTERCARE_TITLE), (PLANNER, PLANNER_TITLE)):
        frame_of(page, selector)
        expect(page.locator(selector)).to_have_attribute("title", title)
        box, content, _ = fits(page, selector)
        assert abs(box - content) <= 3
