"""The Content-Security-Policy of every built page, and `_headers` (scripts/guide/csp.py, written by the
output pass in scripts/guide/boundary.py; SECURITY.md).

Each check is a function over a built site, so a test can also show it catching a broken copy. The
inline scripts are found here with a regular expression, not with the output pass's parser: the two
must agree on every page.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, header_rules, link_target, start_tags
from guide.boundary import Edition, Site, main, page_problems
from guide.csp import HEADERS, REFERRER, policy, union
from guide.plain import write_projects

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_BLOCK = re.compile(r'\btype="application/(?:ld\+)?json"')  # not run, so no policy checks them
CONTAINER = 'data-md-component="container"'
FIXED = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"]}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def address(site: Path, page: Path) -> str:
    return "/" + page.relative_to(site).as_posix().removesuffix("index.html")


def run_scripts(html: str) -> list[str]:
    """The text of every inline script a browser runs."""
    return [body for attrs, body in SCRIPT.findall(html) if "src=" not in attrs and not DATA_BLOCK.search(attrs)]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(text: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in text.split(";") if part.strip())}


def meta_policy(html: str) -> str:
    tags = start_tags(html)
    return next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")


def policy_problems(site: Path) -> list[str]:
    """What is wrong with the policy of each page of a built site, as "address: problem"."""
    problems = []
    for page in pages(site):
        here, html = address(site, page), page.read_text(encoding="utf-8")
        tags = start_tags(html)
        found = [i for i, (t, a) in enumerate(tags) if (a.get("http-equiv") or "").lower() == "content-security-policy"]
        charset = next(i for i, (t, a) in enumerate(tags) if t == "meta" and "charset" in a)
        ungoverned = [t for t, _ in tags[:charset] if t in ("script", "style", "link")]
        if len(found) != 1 or found[0] != charset + 1 or ungoverned:
            problems.append(f"{here}: not one policy, straight after <meta charset>: {found}, {ungoverned}")
            continue
        if ("meta", {"name": "referrer", "content": REFERRER}) not in tags:
            problems.append(f"{here}: no referrer policy")
        rules = directives(tags[found[0]][1]["content"])
        script_src = rules.get("script-src", [])
        hashes = {s for s in script_src if s.startswith("'sha256-")}
        if hashes != {sha256(s) for s in run_scripts(html)}:
            problems.append(f"{here}: script-src hashes are not those of its inline scripts")
        if set(script_src) - hashes != {"'self'"}:
            problems.append(f"{here}: script-src allows more than 'self' and hashes: {script_src}")
        problems += [f"{here}: {name} is not {want}" for name, want in FIXED.items() if rules.get(name) != want]
        if "frame-ancestors" in rules:
            problems.append(f"{here}: frame-ancestors in a <meta>, where browsers ignore it")
        loose = [f"{n} {s}" for n, sources in rules.items() for s in sources if "unsafe" in s or "*" in s]
        if loose != (["style-src 'unsafe-inline'"] if here == "/admin/" else []):
            problems.append(f"{here}: {loose}")
    return problems


def instant_problems(site: Path) -> list[str]:
    """Material's instant navigation puts the next page's content into the page first loaded and runs
    the inline scripts in it, under the first page's policy: each must be allowed on every page."""
    sitemap = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    reachable = [link_target(site, site / "index.html", urlsplit(loc).path)[0] for loc in sitemap]
    problems = []
    for page in reachable:
        html = page.read_text(encoding="utf-8")
        moved = {sha256(s) for s in run_scripts(html[html.index(CONTAINER) :])}
        for other in reachable:
            if missing := moved - set(directives(meta_policy(other.read_text(encoding="utf-8")))["script-src"]):
                problems.append(f"{address(site, other)} -> {address(site, page)}: {missing} not allowed")
    return problems


def header_problems(site: Path) -> list[str]:
    """Every page has its own rule in _headers, with its policy and the right frame-ancestors; the
    headers for every file are there; no two rules can both give one page a policy."""
    rules = header_rules((site / HEADERS).read_text(encoding="utf-8"))
    every = rules.pop("/*", {})
    problems = [f"/*: no {name}" for name in ("Referrer-Policy", "Permissions-Policy") if name not in every]
    if every.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"/*: {every}")
    # The default for a file no page rule names allows what some page allows, and nothing else.
    if every.get("Content-Security-Policy") != union([meta_policy(p.read_text(encoding="utf-8")) for p in pages(site)]):
        problems.append("/*: its policy is not the union of the pages' policies")
    problems += [f"{path}: a pattern, which may overlap another rule" for path in rules if "*" in path]
    for page in pages(site):
        here = address(site, page)
        ancestors = "*" if re.match(r"(/[a-z]{2})?/embed/", here) else "'self'"  # /embed/..., /es/embed/...
        want = f"{meta_policy(page.read_text(encoding='utf-8'))}; frame-ancestors {ancestors}"
        if rules.pop(here, {}).get("Content-Security-Policy") != want:
            problems.append(f"{here}: no rule, or not its policy with frame-ancestors {ancestors}")
    return problems + [f"{path}: not a page" for path in rules]


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def test_every_page_has_its_policy_first_in_its_head(built_site: Path):
    assert len(pages(built_site)) > 10
    assert {"/", "/404.html", "/admin/", "/embed/calculator/", "/calculator/"} <= {
        address(built_site, p) for p in pages(built_site)
    }
    assert policy_problems(built_site) == []


def test_the_parsers_agree_on_every_pages_inline_scripts(built_site: Path):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        _, scripts = page_problems(html, page.relative_to(built_site).as_posix(), Edition(""), Site(built_site, ()))
        assert [sha256(s) for s in scripts] == [sha256(s) for s in run_scripts(html)], page


def test_instant_navigation_runs_no_script_the_first_page_does_not_allow(built_site: Path):
    assert instant_problems(built_site) == []


def test_headers_give_each_page_its_policy_and_who_may_frame_it(built_site: Path):
    assert header_problems(built_site) == []
    rules = header_rules((built_site / HEADERS).read_text(encoding="utf-8"))
    for path in ("/embed/aftercare/", "/es/embed/aftercare/"):
        assert rules[path]["Content-Security-Policy"].endswith("; frame-ancestors *"), path
    for path in ("/", "/aftercare/", "/404.html", "/admin/", "/es/", "/es/aftercare/"):
        assert rules[path]["Content-Security-Policy"].endswith("; frame-ancestors 'self'"), path


def test_the_web_editor_may_talk_to_github_and_its_login_helper_only(built_site: Path):
    rules = directives(meta_policy((built_site / "admin" / "index.html").read_text(encoding="utf-8")))
    assert rules["connect-src"] == ["'self'", "https://api.github.com"]
    assert directives(policy("admin", [], auth_url="https://auth.example.dev/a"))["connect-src"][-1] == (
        "https://auth.example.dev"
    )
    assert "connect-src" not in directives(policy("page", [], auth_url="https://auth.example.dev/a"))


# A page of the built site, a pattern in it, what to put instead, and the address the check must name.
BREAKS = {
    "an inline script without a hash": (
        "aftercare/index.html",
        "</body>",
        "<script>x = 1</script></body>",
        "/aftercare/",
    ),
    "a hash removed": ("embed/faq/index.html", r" 'sha256-[^']+'", "", "/embed/faq/"),
    "'unsafe-inline'": ("glossary/index.html", "script-src 'self'", "script-src 'self' 'unsafe-inline'", "/glossary/"),
    "the policy after a link": ("404.html", "<meta http-equiv", '<link rel="x"><meta http-equiv', "/404.html"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_the_check_catches_a_broken_page(site_copy: Path, name: str):
    file, pattern, new, expected = BREAKS[name]
    page = site_copy / file
    html, count = re.subn(pattern, new, page.read_text(encoding="utf-8"), count=1)
    assert count == 1
    page.write_text(html, encoding="utf-8")
    problems = policy_problems(site_copy)
    assert problems and all(p.startswith(expected + ":") for p in problems), problems


def test_the_check_catches_a_script_only_its_own_page_allows(site_copy: Path):
    page = site_copy / "glossary" / "index.html"
    html = page.read_text(encoding="utf-8").replace("</article>", "</article><script>x = 1</script>", 1)
    page.write_text(html.replace("script-src 'self'", f"script-src 'self' {sha256('x = 1')}", 1), encoding="utf-8")
    assert policy_problems(site_copy) == []
    problems = instant_problems(site_copy)
    assert len(problems) == len(re.findall("<loc>", (site_copy / "sitemap.xml").read_text())) - 1
    assert all("-> /glossary/: {\"'sha256-" in p for p in problems), problems


def test_the_check_catches_a_header_rule_that_lets_anyone_frame_a_page(site_copy: Path):
    headers = site_copy / HEADERS
    text = headers.read_text(encoding="utf-8")
    text = re.sub(r"^(/aftercare/\n.*frame-ancestors )'self'$", r"\1*", text, count=1, flags=re.MULTILINE)
    headers.write_text(text, encoding="utf-8")
    assert header_problems(site_copy) == ["/aftercare/: no rule, or not its policy with frame-ancestors 'self'"]


def test_the_command_line_refuses_a_script_in_a_pages_content(site_copy: Path, capsys):
    page = site_copy / "faq" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<script></script></article>", 1))
    assert main([str(site_copy), "-f", str(ROOT / "mkdocs.yml"), "--root", str(ROOT)]) == 1
    printed = capsys.readouterr().err
    assert "faq/index.html: an inline script the theme and the guide's templates do not write" in printed


def test_the_command_line_gives_a_built_site_the_same_policies_again(
    site_copy: Path, built_site: Path, site_server, monkeypatch
):
    monkeypatch.setenv("SITE_URL", site_server[1] + "/")  # the address it was built for, as mkdocs.yml reads it
    assert main([str(site_copy), "-f", str(ROOT / "mkdocs.yml"), "--root", str(ROOT)]) == 0
    for page in [*pages(built_site), built_site / HEADERS]:
        assert (site_copy / page.relative_to(built_site)).read_text() == page.read_text(), page


def test_the_zensical_build_gets_the_same_protection(tmp_path: Path):
    """`make build-zensical` runs the command line after `zensical build`, which skips hooks."""
    configs = write_projects(ROOT, tmp_path)
    zensical = Path(sys.executable).parent / "zensical"
    for config in configs:
        result = subprocess.run([zensical, "build", "--strict", "-f", config], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert main([str(tmp_path / "site"), "-f", str(ROOT / "mkdocs.yml"), "--root", str(ROOT)]) == 0
    assert (tmp_path / "site" / "es" / "embed" / "aftercare" / "index.html").is_file()
    assert policy_problems(tmp_path / "site") == []
    assert header_problems(tmp_path / "site") == []
