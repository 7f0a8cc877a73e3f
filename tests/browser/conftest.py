"""Browser fixtures: the built site served on loopback, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from conftest import ROOT, header_rules, serve_folder
from guide.csp import HEADERS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; GitHub's runners set google-chrome
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Records what a page's Content-Security-Policy blocks: an init script every frame runs before its own.
LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => __cspViolations.push(
  `${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`), true);
"""


def pytest_collection_modifyitems(config, items):
    """Without Chromium every browser test would fail with a long traceback: stop before any runs."""
    here = Path(__file__).parent
    if shutil.which(CHROMIUM) is None and any(Path(item.path).is_relative_to(here) for item in items):
        pytest.exit(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`"
            " (or set CHROMIUM=/path/to/chromium)",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_server) -> str:
    return site_server[1]


@pytest.fixture(scope="session")
def served_with_headers(built_site):
    """The built site on another loopback origin, served as a host that reads _headers serves it."""
    server, origin = serve_folder(built_site, header_rules((built_site / HEADERS).read_text(encoding="utf-8")))
    yield origin
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tabs:
    """Browser contexts kept for the whole run, one for each set of options, each holding a page
    open on the loopback site: a test's new page (tab) then joins a renderer process that is already
    running, where a new context would start one and compile every script again (half a second a
    test on the 2-core machine, a few minutes a run).

    What a test could leave behind goes with its page: listeners, routes, emulated media, its
    sessionStorage. What a context keeps is cleared or checked when the test ends: a context still
    holding a cookie or stored data (IndexedDB and private files included) is closed, so the next
    test starts from nothing. The clock is part of a context's options: a context with one was made
    for that time (now=) and is shared only by tests asking for the same."""

    def __init__(self, browser, anchor: str):
        self.browser = browser
        self.anchor = anchor  # a page of the loopback site, held open in each context
        self.contexts: dict[str, object] = {}

    def open(self, *, now=None, init_script: str | None = None, **options):
        """A new page in a context made with `options` (Playwright's), the clock fixed at `now`
        if given, and `init_script` run in every frame before its own scripts."""
        key = repr((now, init_script, sorted(options.items())))
        context = self.contexts.get(key)
        if context is None:
            context = self.contexts[key] = self.browser.new_context(**options)
            if now is not None:
                context.clock.set_fixed_time(now)
            if init_script:
                context.add_init_script(init_script)
            context.new_page().goto(self.anchor)
        return context.new_page()

    def done(self, page) -> None:
        """Close a test's page and any it opened, and clear the site's localStorage (Material keeps
        the colour palette there); a context left holding anything else, or that failed to say
        what it holds (a crashed page), is closed too."""
        context = page.context
        if context not in self.contexts.values():
            return  # closed already, with another page of the same test
        try:
            anchor, *opened = context.pages
            for other in opened:
                other.close()
            anchor.evaluate("localStorage.clear()")
            state = context.storage_state(indexed_db=True, opfs=True)
            clean = not state["cookies"] and not state["origins"]
        except PlaywrightError:
            clean = False
        if not clean:
            self.contexts = {key: kept for key, kept in self.contexts.items() if kept is not context}
            context.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser, site_url):
    pool = Tabs(browser, anchor=site_url + "/assets/images/favicon.png")
    yield pool
    pool.close()


@pytest.fixture
def new_page(tabs):
    """Open pages from the pool (Tabs.open's arguments); each is closed when the test ends."""
    opened = []

    def open_(**options):
        page = tabs.open(**options)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        tabs.done(page)


class Violations:
    """What the policy blocked in a page and its frames: events, and console messages."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", lambda m: "Content Security Policy" in m.text and self.console.append(m.text))

    def take(self) -> list[str]:
        """Everything seen since the last take (call before leaving a page: its events go with it)."""
        found = [v for frame in self.page.frames for v in frame.evaluate("window.__cspViolations || []")]
        for frame in self.page.frames:
            frame.evaluate("window.__cspViolations = []")
        found += self.console
        self.console = []
        return found


class Watch:
    """Records what a page did that a reader's browser would complain about. origins: the page's own
    (any request elsewhere is recorded)."""

    def __init__(self, page, *origins: str):
        self.console_errors: list[str] = []
        self.other_origins: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on(
            "request",
            lambda r: not r.url.startswith((*origins, "data:", "blob:")) and self.other_origins.append(r.url),
        )
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))


@pytest.fixture
def page_for(new_page, browser, site_url):
    """Open a new page in a given colour scheme (and optionally time zone, clock, ...), watched for
    errors. first_visit=True: in a context of its own, with nothing cached, as a reader's first visit."""
    contexts = []

    def open_page(color_scheme: str = "light", first_visit: bool = False, **options):
        if first_visit:
            contexts.append(context := browser.new_context(color_scheme=color_scheme, **options))
            page = context.new_page()
        else:
            page = new_page(color_scheme=color_scheme, **options)
        return page, Watch(page, site_url)

    yield open_page
    for context in contexts:
        context.close()


def open_settled(page, url: str):
    """Open a page, and return once it has loaded and every request it started has finished: what
    wait_until="networkidle" waits for, without its half-second of quiet after each page."""
    pending: set = set()

    def started(request):
        pending.add(request)

    def ended(request):
        pending.discard(request)

    listeners = {"request": started, "requestfinished": ended, "requestfailed": ended}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        response = page.goto(url, wait_until="load")
        while pending:
            page.wait_for_timeout(10)
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return response


def arrive(page, url: str, heading: str) -> None:
    """Wait for a page reached by instant navigation: Material changes the address as soon as a link
    is followed and swaps the content in when it arrives, so until the new page's heading shows,
    links and forms are still the last page's."""
    page.wait_for_url(url)
    page.get_by_role("heading", level=1, name=heading).wait_for()


def frames_of(page_or_frame):
    """A page's frames (or a frame's own and those inside it), outermost first."""
    frame = getattr(page_or_frame, "main_frame", page_or_frame)
    yield frame
    for child in frame.child_frames:
        yield from frames_of(child)


def axe_violations(page, within: str = "html") -> list[str]:
    """axe's violations in a page (every rule of AXE_TAGS), or in one part of it (a CSS selector):
    after a widget changes, only what changed needs checking again."""
    # axe reads colours as drawn, so transitions (a button's focus colour) must finish first. Both
    # go through the DevTools protocol, which the page's Content-Security-Policy does not govern:
    # a <script> tag (page.add_script_tag) or a polled expression string would be blocked by it.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    # In every frame, so that axe checks the embeds a page shows too, and the rules that look across
    # frames (two landmarks of the same name, one in a frame) see them.
    for frame in frames_of(page):
        frame.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async ([tags, within]) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
            const result = await axe.run({include: [within]}, options);
            return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target).join(', ')}`);
        }""",
        [AXE_TAGS, within],
    )
    return found


class _Pages(http.server.BaseHTTPRequestHandler):
    """Serves a dict of {path: html}: a clinic's site, or a third party's."""

    pages: dict[str, str] = {}

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        body = self.pages.get(self.path.split("?")[0])
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((body or "not here").encode())

    def log_message(self, *args):
        pass


def serve_pages(pages: dict[str, str]) -> str:
    """Serve {path: html} on another loopback origin than the guide's (pages may change later); return it."""
    handler = type("Handler", (_Pages,), {"pages": pages})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"
