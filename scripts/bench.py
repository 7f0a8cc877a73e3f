"""`make bench`: figures about the build and the pages, printed as Markdown tables. Nothing here fails.

Build       `python -m guide build` (what `make build` runs), median of 3 runs, against a plain
            `mkdocs build` of the same pages written to disk first (guide.plain, no hook): the
            difference is what loading, checking and rendering content/ in the hook costs.
Scale       the same at 1x, 10x and 100x the topics (retitled copies of the real topic files).
Weight      what a first visit downloads, per page template, gzipped: every response headless
            Chromium receives from the built site served on loopback, against the page's budget, and
            what scripts/guide/weights.py counts from the files (the two should agree).
Lighthouse  the four category scores (mobile profile) of one page per template: medians of 3 runs.
Serve       `mkdocs serve`: from saving a YAML file to the change in the browser.
Tests       `make test`: wall time, and the slowest tests.
Hostile     the loader on the worst files of tests/unit/test_hostile_yaml.py, one child process each:
            seconds and peak memory (goal: under 2 s and 200 MB each).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from guide.load import MAX_BYTES  # noqa: E402
from guide.model import KINDS, Topic  # noqa: E402
from guide.weights import first_load as counted_first_load  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = "--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
TEMPLATES = {  # one page of each template, by its path in the site
    "home": "",
    "topic": "aftercare/",
    "calculator": "calculator/",
    "embed": "embed/aftercare/",
    "home (es)": "es/",  # the Spanish edition (README.md, "Languages")
}
GOALS = {"embed": 30}  # KB gzipped for a first visit; every other template: 95 (tests/build/test_budgets.py)
LIGHTHOUSE_RUNS = 3
PARTS = ["HTML", "CSS", "JS", "fonts", "images", "search", "other"]  # search: the index and its worker
SUFFIXES = {".css": "CSS", ".js": "JS", ".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts", ".png": "images"}
SUFFIXES |= {".svg": "images", ".jpg": "images", ".webp": "images", ".ico": "images", ".html": "HTML"}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # gzip's default level, as servers use


def kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def timed(*command: str | Path, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    env = os.environ | {"PYTHONPATH": str(ROOT / "scripts")}
    subprocess.run([str(part) for part in command], cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def scaled_project(times: int, into: Path) -> Path:
    """A project with the real topics and times-1 retitled copies of each, all in the navigation:
    each set of copies is a section of it, as a large guide would group its pages (with
    `navigation.prune`, a page then holds the top of the navigation and its own section only).

    Copies keep the fields every topic has (the kind of a file comes from its name, so blocks such
    as the aftercare timeline stay on the real pages only).
    """
    into.mkdir()
    for name in ("docs", "overrides", "scripts", "node_modules"):
        (into / name).symlink_to(ROOT / name)
    # Topics only: a translation folder (content/es/) would ask for a translation of every copy.
    folders = shutil.ignore_patterns(*(path.name for path in (ROOT / "content").iterdir() if path.is_dir()))
    shutil.copytree(ROOT / "content", into / "content", ignore=folders)
    risks = into / "content" / "risks.yml"  # the English edition only: its own countries
    data = yaml.safe_load(risks.read_text(encoding="utf-8"))
    data["reporting"]["regulators"] = [r for r in data["reporting"]["regulators"] if "en" in r["editions"]]
    risks.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["editions"] = config["extra"]["editions"][:1]  # the English edition only (no content/es/)
    topics = [
        path for path in sorted((ROOT / "content").glob("*.yml")) if issubclass(KINDS.get(path.name, Topic), Topic)
    ]
    for copy in range(2, times + 1):
        group: list[dict] = []
        config["nav"].append({f"Copy {copy}": group})
        for path in topics:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data = {key: value for key, value in data.items() if key in Topic.model_fields}
            data["title"] += f" (copy {copy})"
            for section in data.get("sections", []):
                section["heading"] += f" (copy {copy})"
            name = f"{path.stem}-{copy}"
            (into / "content" / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            group.append({data["title"]: f"{name}.md"})
    (into / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return into


def _plain_configs(plain: Path) -> list[Path]:
    """The projects guide.plain wrote: mkdocs.yml (English), then mkdocs.<lang>.yml."""
    return [plain / "mkdocs.yml", *sorted(path for path in plain.glob("mkdocs.*.yml"))]


def measure(root: Path, work: Path, runs: int) -> dict:
    """Median wall times of a build with the hook, of rendering to disk, and of a plain build of that.

    The three alternate, so a burst of other work on the machine falls on all of them alike.
    """
    site, plain = work / "site", work / "plain"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    times = [
        (
            timed(*mkdocs, "--site-dir", site, cwd=root),
            timed(sys.executable, "-m", "guide.plain", plain, cwd=root),
            sum(timed(*mkdocs, "-f", config) for config in _plain_configs(plain)),  # every edition, English first
        )
        for _ in range(runs)
    ]
    hook, render, plain_build = (statistics.median(column) for column in zip(*times, strict=True))
    index = (site / "search" / "search_index.json").read_bytes()
    pages = len(list(site.rglob("index.html")))
    return {"site": site, "pages": pages, "hook": hook, "render": render, "plain": plain_build, "index": index}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site gzipped when asked, as a production server would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.exists():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        for header, value in [("Content-Type", self.guess_type(str(path))), ("Content-Encoding", "gzip")]:
            self.send_header(header, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def first_load(browser, url: str) -> dict[str, int]:
    """Gzipped bytes of every response to a first visit, by kind, with an empty cache. An embed view
    is visited as clinics show it, in a frame (where browsers fetch no icon)."""
    context = browser.new_context()
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    if "/embed/" in url:
        page.set_content(f'<iframe src="{url}"></iframe>')
        page.wait_for_load_state("networkidle")
    else:
        page.goto(url, wait_until="networkidle")
    sizes = dict.fromkeys(PARTS, 0)
    for response in responses:
        path = response.url.split("?")[0]
        if path.endswith("search_index.json") or "/workers/search." in path:
            kind = "search"
        elif response.request.resource_type == "document":
            kind = "HTML"
        else:
            kind = SUFFIXES.get(Path(path).suffix, "other")
        sizes[kind] += gz(response.body())
    context.close()
    return sizes


def module_size(entry: Path) -> tuple[int, list[str]]:
    """Gzipped size of an ES module and everything it imports."""
    seen, todo = [], [entry]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.append(path)
            todo += [path.parent / name for name in re.findall(r"""from\s+['"](\.[^'"]+)['"]""", path.read_text())]
    return sum(gz(path.read_bytes()) for path in seen), [path.name for path in seen]


def budget_count(site: Path, path: str) -> int:
    """What the budget test counts for this page, from the built files."""
    return sum(counted_first_load(site, site / path / "index.html").values())


def lighthouse(url: str) -> list[float] | str:
    """The four category scores and FCP, LCP, TBT (ms), or why Lighthouse could not run."""
    command = [ROOT / "node_modules" / ".bin" / "lighthouse", url, "--quiet", "--output=json", "--output-path=stdout"]
    command += [f"--chrome-flags=--headless=new {CHROMIUM_ARGS}"]
    try:
        env = os.environ | {"CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)
        report = json.loads(result.stdout)
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
        return f"did not run: {(getattr(err, 'stderr', '') or str(err)).strip().splitlines()[-1]}"
    if report.get("runtimeError"):
        return f"did not run: {report['runtimeError']['message']}"
    order = ["performance", "accessibility", "best-practices", "seo"]
    metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time"]
    scores = [round((report["categories"][name]["score"] or 0) * 100) for name in order]
    return scores + [report["audits"][name]["numericValue"] for name in metrics]


SERVE_RUNS = 3


def serve_reload(work: Path) -> list[float]:
    """Seconds from saving a YAML file to the change showing in the browser, under `mkdocs serve`
    (what `make serve` runs), in a copy of the project: each run retitles the aftercare page."""
    project = work / "serve"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", "build", ".git"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    env = os.environ | {"SITE_URL": address, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    aftercare = project / "content" / "aftercare.yml"
    original = aftercare.read_text(encoding="utf-8")
    seconds = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS.split())
            page = browser.new_page()
            for _ in range(600):  # the first build, before the server answers
                try:
                    page.goto(address + "aftercare/", wait_until="load")
                    break
                except Exception:
                    time.sleep(0.1)
            page.wait_for_selector("h1")
            for run in range(1, SERVE_RUNS + 1):
                title = f"Aftercare, saved {run}"
                start = time.perf_counter()
                aftercare.write_text(re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M))
                page.wait_for_function(f"() => document.querySelector('h1')?.textContent.includes({title!r})",
                                       timeout=60_000)  # fmt: skip
                seconds.append(time.perf_counter() - start)
                page.wait_for_load_state("load")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_suite() -> tuple[float, str, list[str]]:
    """`make test`'s wall time, pytest's closing line, and its slowest tests."""
    start = time.perf_counter()
    env = os.environ | {"PYTEST_ADDOPTS": "--durations=12 -p no:cacheprovider"}
    result = subprocess.run(["make", "-s", "test"], cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    lines = result.stdout.splitlines()
    slowest = [line for line in lines if re.match(r"^\d+\.\d+s (call|setup|teardown) ", line)]
    closing = next((line.strip("= ") for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)), "")
    return seconds, closing, slowest


# Peak memory is the child's VmHWM: its ru_maxrss would start at this process's size, which Linux keeps across exec.
LOAD_ONE = """
import json, sys, time
from pathlib import Path
from guide.load import load_file

path = Path(sys.argv[1])
start = time.perf_counter()
doc, problems = load_file(path, path.parent)
seconds = time.perf_counter() - start
status = Path("/proc/self/status").read_text()
peak = int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024
print(json.dumps([seconds, peak, problems[0].message if problems else "loaded"]))
"""


def hostile_inputs() -> dict[str, str]:
    """The worst files for the loader, each at most MAX_BYTES."""
    laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for inner, name in zip("abcdefgh", "bcdefghi", strict=True):  # each level: nine of the one before
        laughs.append(f"{name}: &{name} [{', '.join([f'*{inner}'] * 9)}]")
    keys = "".join(f"key{number}: value\n" for number in range(MAX_BYTES // 10))
    return {
        "Alias bomb (billion laughs)": "\n".join(laughs) + "\n",
        "30,000 nested `[`": "[" * 30_000,
        "1 MB scalar": "title: " + "x" * (MAX_BYTES - 8) + "\n",
        "1 MB mapping of small keys": keys[: keys.rindex("\n", 0, MAX_BYTES) + 1],
    }


def hostile(work: Path) -> None:
    table("Hostile inputs (goal: each under 2 s and 200 MB)", "Input", "Bytes", "Seconds", "Peak MB", "Outcome")
    env = os.environ | {"PYTHONPATH": str(ROOT / "scripts")}
    for name, text in hostile_inputs().items():
        path = work / "hostile.yml"
        path.write_text(text, encoding="utf-8")
        try:
            result = subprocess.run(
                [sys.executable, "-c", LOAD_ONE, path], capture_output=True, text=True, env=env, timeout=60
            )
            seconds, peak, outcome = json.loads(result.stdout)
            row(name, f"{len(text):,}", f"{seconds:.2f}", f"{peak:.0f}", outcome)
        except (subprocess.TimeoutExpired, json.JSONDecodeError):
            row(name, f"{len(text):,}", "", "", "did not finish: hung, crashed or raised")


def row(*cells) -> None:
    print("| " + " | ".join(str(cell) for cell in cells) + " |")


def table(title: str, *columns: str) -> None:
    print(f"\n## {title}\n")
    row(*columns)
    row(*["---"] * len(columns))


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    load = os.getloadavg()[0]
    try:
        base = measure(ROOT, work / "real", 3)  # the guide as it is: both editions
        # Growth with content: the English edition alone, so every row builds the same kind of project.
        results = {1: measure(scaled_project(1, work / "project-x1"), work / "x1", 3)}
        for times in (10, 100):
            results[times] = measure(scaled_project(times, work / f"project-x{times}"), work / f"x{times}", 1)
        make_build = [sys.executable, "-m", "guide", "build", "--site-dir", work / "make-build"]
        make_build = statistics.median(timed(*make_build) for _ in range(3))

        table("Build (median of 3 runs, this content, English and Spanish editions)", "Step", "Seconds")
        row("`make build` (`python -m guide build`: the hook's build into a fresh folder)", f"{make_build:.2f}")
        row("`mkdocs build --strict`, pages generated in the hook", f"{base['hook']:.2f}")
        row("Render content/ to Markdown on disk (`python -m guide.plain`)", f"{base['render']:.2f}")
        row("`mkdocs build --strict` of that Markdown, no hook", f"{base['plain']:.2f}")
        generation = f"{base['hook'] / base['plain'] - 1:+.0%}"
        row("Generation in the hook, as a share of the plain build (goal: under 10 %)", generation)

        columns = ["Content", "Pages", "Build s", "Render s", "Plain build s", "Generation", "ms per added page"]
        table(
            "Scale, English edition (1x: median of 3 runs; 10x and 100x: one run each)",
            *columns,
            "Search index KB (gzipped)",
        )
        previous = None
        for times, r in results.items():
            seconds = [f"{r[step]:.1f}" for step in ("hook", "render", "plain")]
            added = (
                f"{1000 * (r['hook'] - previous['hook']) / (r['pages'] - previous['pages']):.0f}" if previous else ""
            )
            index = f"{kb(len(r['index']))} ({kb(gz(r['index']))})"
            row(f"{times}x", r["pages"], *seconds, f"{r['hook'] / r['plain'] - 1:+.0%}", added, index)
            previous = r
        print("\nGoal: linear or better (the same ms per added page at every scale); 100x under 60 s.")
        print(f"Load average at the start and now: {load:.1f}, {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
        hostile(work)

        site_url = serve(base["site"])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS.split())
            weights = {name: first_load(browser, site_url + path) for name, path in TEMPLATES.items()}
            browser.close()
        title = "Weight of a first visit, KB gzipped, empty cache (goal: embed view 30 KB, every other page 95 KB)"
        table(title, "Template", *PARTS, "Total", "Budget test", "Goal", "Met")
        for name, sizes in weights.items():
            total, goal = sum(sizes.values()), GOALS.get(name, 95)
            counted = budget_count(base["site"], TEMPLATES[name])
            parts = [kb(sizes[part]) for part in PARTS]
            met = "yes" if total <= goal * 1024 else "NO"
            row(f"{name} (/{TEMPLATES[name]})", *parts, kb(total), kb(counted), goal, met)
        site = base["site"]
        index, worker = site / "search" / "search_index.json", next(site.glob("assets/javascripts/workers/search.*.js"))
        print(
            f"\nSearch, fetched when a reader first opens it (held-requests.js), not on a first visit:"
            f" index {kb(gz(index.read_bytes()))} KB + worker {kb(gz(worker.read_bytes()))} KB gzipped."
        )
        size, files = module_size(ROOT / "docs" / "assets" / "js" / "calculator.js")
        print(f"Planner modules ({' + '.join(files)}): {kb(size)} KB gzipped (budget 7.5 KB, tests/js).")
        print(
            f"Embed script for clinics' pages (embed.js): {kb(module_size(ROOT / 'docs' / 'embed.js')[0])} KB gzipped."
        )

        reloads = serve_reload(work)
        table(f"`make serve`: a saved YAML file shown in the browser (goal: under 2 s; {SERVE_RUNS} saves)", "Seconds")
        for seconds in reloads:
            row(f"{seconds:.2f}")
        print(f"\nMedian: {statistics.median(reloads):.2f} s (rebuild of both editions and the browser's reload).")

        seconds, closing, slowest = test_suite()
        table("`make test` (goal: 3 minutes or less, every test)", "Wall time", "Result")
        row(f"{seconds / 60:.0f} min {seconds % 60:.0f} s", closing)
        print("\nSlowest tests (pytest --durations, on both cores):\n")
        print("\n".join(f"    {line}" for line in slowest))

        load = os.getloadavg()[0]
        title = f"Lighthouse 13 (mobile profile, site served gzipped on loopback; median of {LIGHTHOUSE_RUNS} runs)"
        columns = ["Performance", "Accessibility", "Best practices", "SEO", "FCP s", "LCP s", "TBT ms", "All runs"]
        table(title, "Template", *columns)
        for name, path in TEMPLATES.items():
            runs = [lighthouse(site_url + path) for _ in range(LIGHTHOUSE_RUNS)]
            failed = [run for run in runs if isinstance(run, str)]
            if failed:
                row(name, failed[0], *[""] * (len(columns) - 1))
                continue
            median = [statistics.median(column) for column in zip(*runs, strict=True)]
            cells = [f"{value:.0f}" for value in median[:4]]
            cells += [f"{median[4] / 1000:.2f}", f"{median[5] / 1000:.2f}", f"{median[6]:.0f}"]
            row(name, *cells, " ".join(str(run[0]) for run in runs))
        print("\nGoal: performance 100 on every template.")
        now = os.getloadavg()[0]
        print(f"Load average before and after Lighthouse: {load:.1f}, {now:.1f} on {os.cpu_count()} cores.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
