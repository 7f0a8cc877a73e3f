"""Shared test helpers: a copy of a content set that a test may break on purpose."""

from __future__ import annotations

import contextlib
import fcntl
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from guide import weights
from guide.weights import start_tags  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Root-relative links (Material writes them in 404.html) start with the path of site_url, if it has one.
SITE_PATH = urlsplit(yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path


class ContentCopy:
    """A throw-away repository root holding a copy of content/, with helpers to edit one file."""

    def __init__(self, root: Path):
        self.root = root

    def file(self, name: str) -> Path:
        return self.root / "content" / name

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.file(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: the test's edit would change nothing"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, name: str, needle: str) -> int:
        for number, line in enumerate(self.file(name).read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not found in {name}")


def copy_of_repo(tmp_path: Path) -> Path:
    """A throw-away copy of the whole project to build from (node_modules linked, not copied)."""
    repo = tmp_path / "repo"
    skipped = shutil.ignore_patterns(".venv", "node_modules", "site", ".git", ".pytest_cache")

    def ignore(folder: str, names: list[str]) -> set[str]:  # build/ at the top is generated; tests/build/ is tests
        return skipped(folder, names) | ({"build"} if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, repo, ignore=ignore)
    (repo / "node_modules").symlink_to(ROOT / "node_modules")  # the web editor's files (scripts/guide/cms_hook.py)
    return repo


def mkdocs_build(repo: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a copy of the project into SITE, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )


Rules = dict[str, dict[str, str]]  # {address: {header: value}}


def header_rules(text: str) -> Rules:
    """{address: {header: value}} from a _headers file (the format Netlify and Cloudflare Pages read)."""
    rules: Rules = {}
    for line in text.splitlines():
        if line.startswith("/"):
            path = line.strip()
            rules[path] = {}
        elif line.strip() and not line.startswith("#"):
            name, value = line.strip().split(": ", 1)
            rules[path][name] = value
    return rules


def link_target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file in a built site, and the #fragment, that a link in one of its files points at
    (guide.weights.link_target, with this project's site path). None for another origin or scheme."""
    return weights.link_target(site, page, link, SITE_PATH)


def run_guide(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m guide --root ROOT ARGS`, run from ROOT with this project's code, its output captured.

    In this process (no second Python to start): an exception the command does not handle is not
    caught here, so the test fails, as an editor would see a traceback."""
    from guide.cli import main

    argv = ["--root", str(root), *args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse, for words it does not take
            code = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(["python", "-m", "guide", *argv], code, out.getvalue(), err.getvalue())


# Modules whose tests, or the fixtures they share, take longest: they start first, so that on both
# cores (make test: pytest-xdist) neither is left working alone on one of them at the end.
LONG_FIRST = [
    "tests/unit/test_changes.py",
    "tests/browser/test_hostile_pages.py",
    "tests/browser/test_pages.py",
    "tests/browser/test_csp.py",
    "tests/build/test_output_boundary.py",
    "tests/build/test_editions.py",
]


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        path = Path(item.path).relative_to(ROOT).as_posix()
        return LONG_FIRST.index(path) if path in LONG_FIRST else len(LONG_FIRST)

    items.sort(key=rank)  # stable: the rest keep their order


@pytest.fixture
def minimal(tmp_path: Path) -> ContentCopy:
    """The small fixture content set (tests/fixtures/minimal), copied so a test can break it."""
    shutil.copytree(FIXTURES / "minimal" / "content", tmp_path / "content")
    return ContentCopy(tmp_path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files, asking browsers to check each file again whenever it is used: browser tests
    share contexts (tests/browser/conftest.py: Tabs), and every use is then a request they see.
    With rules (from a _headers file), each address also gets the headers they give it."""

    rules: Rules = {}

    def end_headers(self):
        path = urlsplit(self.path).path
        for name, value in {**self.rules.get("/*", {}), **self.rules.get(path, {})}.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve_folder(folder: Path, rules: Rules | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A loopback server for a folder (call .shutdown() when done), and its origin; rules: headers by
    address, as header_rules reads them from a _headers file (served as Netlify would)."""
    handler = type("Handler", (_QuietHandler,), {"rules": rules or {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# One built site for the whole run, whichever worker asks for it first (make test: pytest-xdist).
# The controller serves it, so that its address, which the build writes into the site, is known to
# every worker before any builds; without workers, the session serves and builds it itself.
SHARED_SITE = "guide_site"
_SHARED = pytest.StashKey[tuple]()  # the controller's server, folder and origin


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    folder = Path(tempfile.mkdtemp(prefix="guide-site-")) / "site"
    folder.mkdir()
    config.stash[_SHARED] = (*serve_folder(folder), folder)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # pytest-xdist: what the controller hands each worker
    if _SHARED not in node.config.stash:  # workers asked for another way than -n: each builds its own
        return
    _, origin, folder = node.config.stash[_SHARED]
    node.workerinput[SHARED_SITE] = [str(folder), origin]


def pytest_unconfigure(config):
    if _SHARED in config.stash:
        server, _, folder = config.stash[_SHARED]
        server.shutdown()
        shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def site_server(request, tmp_path_factory):
    """A loopback server for the built site, started before the build so the site can be built with
    its address as `site_url` (Material's instant navigation follows only the sitemap's addresses)."""
    shared = getattr(request.config, "workerinput", {}).get(SHARED_SITE)
    if shared:
        yield Path(shared[0]), shared[1]
        return
    folder = tmp_path_factory.mktemp("site")
    server, origin = serve_folder(folder)
    yield folder, origin
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(site_server) -> Path:
    """The real guide, built once per test run with `mkdocs build --strict` into the served folder: by
    the first worker to ask, while the others wait (a lock beside it), then read by all."""
    site, origin = site_server
    with open(site.parent / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built, failed = site.parent / "site.built", site.parent / "site.failed"
        if failed.exists():  # another worker's build failed: the same words, without building again
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        if not built.exists():
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                cwd=ROOT,
                env={**os.environ, "SITE_URL": origin + "/"},
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                failed.write_text(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", encoding="utf-8")
                pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
            built.touch()
    return site
