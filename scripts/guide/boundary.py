"""The output boundary: one pass over every file a built site ships, the same for every builder.

Content, hand-written pages, files in docs/, the theme and both builders (MkDocs, Zensical) all end
in the built site folder, so the promise "nothing runs, redirects or loads from elsewhere that the
guide's templates did not put there" is checked there, once (SECURITY.md, "What is enforced where").
Like MediaWiki's Sanitizer: one place every path goes through. Earlier checks (validate.py for
content/, docs_check.py for docs/) stay for their located messages; this is the one no path skips.

- Every file: a type the guide ships, in a folder where that type belongs (`FILE_RULES`); a script
  only where scripts live; images that really are images; styles that load nothing from elsewhere.
- Every HTML page, parsed once as browsers parse it: nothing anywhere that redirects, frames, loads
  a plugin or runs (`FORBIDDEN`, event handlers, `javascript:`), every address a page loads from on
  the guide's own origin; each inline script one the theme or the guide writes (theme_scripts.py),
  each data block JSON; the page's content (<article>) within html_check.py's allow-list, stricter
  for hand-written pages. A page that is neither the theme's nor one of `RAW_PAGES` is refused.
- Then, unless serving: each page's Content-Security-Policy, from the scripts this pass found
  (csp.py), and `_headers` for the whole site.

Run after the build by boundary_hook.py (MkDocs: build and serve, every edition) and as
`python -m guide.boundary SITE` after `zensical build` (`make build-zensical`).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.utils.yaml import yaml_load
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import csp
from .html_check import content_problems, url_scheme
from .locate import markup_in_content
from .theme_scripts import known_script

# Hand-written HTML files the site may ship as they are (the web editor's page): checked like every
# page, but they need no theme <article>. Any other .html file in docs/ is refused.
RAW_PAGES = {"admin/index.html"}


# Where each kind of file may be, as a path in its edition's folder (es/ is stripped first): the
# first rule that matches decides, and a file no rule matches is refused. `theme` rules are for files
# the builders write, never for files in docs/ (docs_check.py).
@dataclass(frozen=True)
class FileRule:
    pattern: str
    what: str
    theme: bool = False
    guide_root_only: bool = False  # the web editor: /admin/ only, never an edition's /es/admin/


FILE_RULES = [
    FileRule("*.html", "a page"),
    FileRule("assets/javascripts/*", "the theme's scripts and their source maps", theme=True),
    FileRule("assets/stylesheets/*", "the theme's styles", theme=True),
    FileRule("search/search_index.json", "the search index", theme=True),
    FileRule("search.json", "the search index (Zensical)", theme=True),
    FileRule("sitemap.xml", "the sitemap", theme=True),
    FileRule("sitemap.xml.gz", "the sitemap", theme=True),
    FileRule("assets/js/*.js", "the guide's scripts"),
    FileRule("embed.js", "the embed script clinics paste"),
    FileRule("admin/*.js", "the web editor's scripts", guide_root_only=True),
    FileRule("assets/css/*.css", "the guide's styles"),
    FileRule("admin/*.css", "the web editor's styles", guide_root_only=True),
    FileRule("admin/*.woff2", "the web editor's icon font", guide_root_only=True),
    FileRule("admin/config.yml", "the web editor's configuration", guide_root_only=True),
    FileRule("assets/data/*.json", "data for the guide's scripts"),
    *(FileRule(f"*.{ext}", "an image") for ext in ("png", "jpg", "jpeg", "webp", "gif", "avif", "ico")),
]
# The first bytes of each image type: a file named .png must be one, whatever a server guesses.
IMAGE_SIGNATURES = {
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "gif": [b"GIF87a", b"GIF89a"],
    "ico": [b"\x00\x00\x01\x00"],
}
_BOX_SIGNATURES = {"webp": (0, b"RIFF", 8, b"WEBP"), "avif": (4, b"ftyp", 8, b"avif")}

# Elements that embed another document or plugin, redirect, change where addresses point, run
# animation that can rewrite a link, or hide markup from a parser: made by no template.
FORBIDDEN = {
    *("base", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe", "param"),
    *("style", "template", "xmp", "plaintext", "listing", "noembed", "noframes", "math"),
    # browsers read <noscript> as text when scripts run, lexbor as markup: what it holds differs
    "noscript",
    *("foreignobject", "animate", "animatemotion", "animatetransform", "set", "discard", "handler", "listener"),
}
# Attributes whose value is an address the browser loads (a link is followed only by a reader).
URL_ATTRIBUTES = {"src", "href", "xlink:href", "poster", "data", "background", "manifest", "longdesc", "lowsrc"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
# Where the scripts a page loads live: the theme's and the guide's folders (the web editor's: /admin/ only).
SCRIPT_FOLDERS = ("assets/javascripts/", "assets/js/")
# Characters of the guide's file names: a name with others (spaces, line breaks) could break `_headers`.
SAFE_PATH = re.compile(r"^[A-Za-z0-9._~/-]+$")
LINK_ELEMENTS = {"a", "area"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Attributes no template writes that make a request or a submission of their own.
REFUSED_ATTRIBUTES = {"action", "formaction", "ping", "srcdoc", "http-equiv", "style"}
# Script types browsers run; data blocks (JSON) are not run, and any other type is refused.
SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
DATA_TYPES = {"application/json", "application/ld+json"}

_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
# The tags this pass adds (csp.policy_tags), taken out first so that a page checked twice has them once.
_OURS = re.compile(
    r'(<meta\s+charset=[^>]*>)\s*<meta http-equiv="Content-Security-Policy"[^>]*>\s*<meta name="referrer"[^>]*>'
)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9A-Fa-f]{1,6}\s?|[^\n0-9A-Fa-f])")
# Where a stylesheet names something to load: a function's argument, or what follows @import.
_CSS_LOADS = re.compile(r"\b(url|src|image-set|-webkit-image-set|image|cross-fade)\(|@import\b", re.I)
_CONTROLS = "".join(chr(c) for c in range(0x21))
# A sitemap holds these elements only: no stylesheet, no doctype, no script in any namespace.
_SITEMAP_TAG = re.compile(r"<(?!\?xml |/?(?:urlset|url|loc|lastmod|changefreq|priority|xhtml:link)[\s/>])")


class OutputError(Exception):
    """The built site holds something it must not ship: one line per problem, "path: problem"."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def explained(self, root: Path, config: dict) -> str:
        """The problems, after the fields of content/ that made them (locate.py) when a page made
        from content holds one: an editor is sent to the field, not to the first page showing it."""
        from_content = any("[from " not in problem for problem in self.problems)
        fields = markup_in_content(root, config.get("markdown_extensions") or []) if from_content else []
        lines = [str(problem) for problem in fields]
        if fields:
            lines.append("…which made these pages hold it:")
        return "\n".join(lines + self.problems)


@dataclass(frozen=True)
class Edition:
    """One edition's folder in the site being checked ("" or "es/"), and its hand-written pages."""

    path: str
    docs: dict[str, str] = field(default_factory=dict)  # site path of a page from docs/ -> its source
    expected: frozenset[str] = frozenset()  # site paths of the pages its navigation lists


@dataclass(frozen=True)
class Site:
    folder: Path
    editions: tuple[Edition, ...]
    origin: str = ""  # scheme://host[:port] of site_url; addresses there are the guide's own
    base: str = "/"  # the path of site_url: the site's root on that origin
    auth_url: str = ""  # the web editor's login helper (mkdocs.yml extra.cms_auth_url)

    def edition_of(self, path: str) -> Edition:
        return max((e for e in self.editions if path.startswith(e.path)), key=lambda e: len(e.path))


def check_site(site: Site, *, add_policy: bool = True, write_headers: bool = True) -> int:
    """Check every file of a built site; then, with add_policy, give each page its policy and (with
    write_headers: the whole guide's site, not an edition's folder in it) write `_headers`. Raises
    OutputError listing every problem, before anything is written. Returns the number of pages."""
    problems: list[str] = []
    pages: dict[str, tuple[str, list[str]]] = {}
    for file in sorted(site.folder.rglob("*")):
        path = file.relative_to(site.folder).as_posix()
        if path == csp.HEADERS or file.is_dir() and not file.is_symlink():
            continue
        edition = site.edition_of(path)
        found = file_problems(file, path.removeprefix(edition.path), at_root=not edition.path)
        if not found and file.suffix == ".html":
            try:
                html = _OURS.sub(r"\1", file.read_text(encoding="utf-8"), count=1)
                found, scripts = page_problems(html, path, edition, site)
                pages[path] = (html, scripts)
            except UnicodeDecodeError:
                found = ["not UTF-8 text"]
        problems += [f"{path if SAFE_PATH.match(path) else repr(path)}: {problem}" for problem in found]
    for edition in site.editions:
        missing = sorted(page for page in edition.expected if not (site.folder / edition.path / page).is_file())
        problems += [f"{edition.path}{page}: the navigation lists this page, but it was not built" for page in missing]
    if problems:
        raise OutputError(problems)
    if add_policy:
        policies = {}
        for path, (html, scripts) in pages.items():
            kind = csp.kind_of(path)
            text = csp.policy(kind, [csp.script_hash(s) for s in scripts], auth_url=site.auth_url)
            charset = _CHARSET.search(html)
            assert charset, "page_problems requires <meta charset>"
            (site.folder / path).write_text(
                html[: charset.end()] + csp.policy_tags(text) + html[charset.end() :], encoding="utf-8"
            )
            policies[csp.url_path(path)] = (kind, text)
        if write_headers:
            (site.folder / csp.HEADERS).write_text(csp.headers_file(policies), encoding="utf-8")
    return len(pages)


# ── files ─────────────────────────────────────────────────────────────────────────────────────


def file_rule(path: str, *, at_root: bool = True) -> FileRule | None:
    """The rule that allows a file at this path in an edition's folder, if any (at_root: the
    guide's own root, not another edition's folder)."""
    return next(
        (
            rule
            for rule in FILE_RULES
            if fnmatch.fnmatchcase(path, rule.pattern) and (at_root or not rule.guide_root_only)
        ),
        None,
    )


def file_problems(file: Path, path: str, *, at_root: bool = True) -> list[str]:
    """What is wrong with one file of the site, by its name, where it is and what it holds (not pages)."""
    if file.is_symlink():
        return ["a link to another file, which a builder would publish from wherever it points"]
    if not SAFE_PATH.match(path):
        return ["a name with characters the guide's addresses do not use (only letters, digits, '.', '_', '~', '-')"]
    if file_rule(path, at_root=at_root) is None:
        return [f"the guide ships no file like this here ({_where_allowed(file.suffix)})"]
    suffix = file.suffix.lower().lstrip(".")
    if suffix in IMAGE_SIGNATURES or suffix in _BOX_SIGNATURES:
        return [] if _is_image(file.read_bytes()[:16], suffix) else [f"this is not a {suffix.upper()} image"]
    if suffix not in ("css", "xml"):
        return []
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ["not UTF-8 text"]
    if suffix == "css":
        return [f"a style that loads '{url[:60]}' from elsewhere" for url in css_addresses(text)]
    if path.startswith("sitemap.xml") and _SITEMAP_TAG.search(text):
        return ["a sitemap may hold only urlset, url, loc, lastmod and xhtml:link elements"]
    return []


def _where_allowed(suffix: str) -> str:
    places = [rule.pattern for rule in FILE_RULES if rule.pattern.endswith(suffix) and not rule.theme] if suffix else []
    if suffix == ".svg":
        return "an SVG file can hold scripts: use PNG, JPEG or WebP, or draw the figure in a template"
    return "allowed: " + ", ".join(places) if places else f"the guide ships no '{suffix or 'extensionless'}' files"


def _is_image(head: bytes, suffix: str) -> bool:
    if suffix in IMAGE_SIGNATURES:
        return any(head.startswith(sign) for sign in IMAGE_SIGNATURES[suffix])
    at, sign, at2, sign2 = _BOX_SIGNATURES[suffix]
    return head[at : at + len(sign)] == sign and head[at2 : at2 + len(sign2)] == sign2


def css_addresses(text: str) -> list[str]:
    """Each address a stylesheet loads that is not the site's own (relative) or a data: image, read
    as browsers read CSS: comments out, escapes (`\\72`, `\\/`) decoded, every url(), image-set(),
    src() and @import, quoted or not."""
    text = _CSS_ESCAPE.sub(_css_unescape, _CSS_COMMENT.sub(" ", text))
    found = []
    for match in _CSS_LOADS.finditer(text):
        function = (match.group(1) or "").lower()
        strings, raw = _css_argument(text, match.end(), ";" if not function else ")")
        if function in ("url", "src"):
            found += strings[:1] or [raw.strip()]  # one address; an SVG's own quotes in a data: URL are its own
        else:
            found += strings
    return [url for url in dict.fromkeys(found) if _elsewhere(url) and url_scheme(url.strip()) != "data"]


def _css_argument(text: str, start: int, end: str) -> tuple[list[str], str]:
    """The quoted strings of an argument that runs from `start` to `end` (outside quotes and
    brackets), and its raw text."""
    strings, depth, index, quote, current = [], 0, start, "", []
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                strings.append("".join(current))
                quote, current = "", []
            else:
                current.append(char)
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == end or char == ";":
            break
        index += 1
    return strings, text[start:index]


def _css_unescape(match: re.Match) -> str:
    escaped = match.group(1)
    if re.fullmatch(r"[0-9A-Fa-f]{1,6}\s?", escaped):
        code = int(escaped.strip(), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return escaped


def _as_browsers_read(url: str) -> str:
    """An address as browsers read it: outer spaces and controls, tabs and line breaks dropped,
    backslashes read as slashes."""
    return re.sub(r"[\t\n\r]", "", url.strip(_CONTROLS)).replace("\\", "/")


def _elsewhere(url: str) -> bool:
    """Whether an address leaves the page's own origin: a scheme, or '//' as browsers read it."""
    cleaned = _as_browsers_read(url)
    return cleaned.startswith("//") or url_scheme(cleaned) is not None


# ── pages ─────────────────────────────────────────────────────────────────────────────────────


def page_problems(html: str, path: str, edition: Edition, site: Site) -> tuple[list[str], list[str]]:
    """What is wrong with one page (its path in the site), and the text of its inline scripts."""
    tree = LexborHTMLParser(html)
    problems, scripts = [], []
    own = path.removeprefix(edition.path)
    for node in tree.root.traverse(include_text=False):
        problems += [f"{p} ({_short(node)})" for p in _element_problems(node, path, edition, site)]
        if node.tag == "script" and "src" not in node.attributes:
            problem = _inline_script_problem(node)
            if problem:
                problems.append(problem)
            elif _script_type(node) in SCRIPT_TYPES:
                scripts.append(node.text(deep=True))
    articles = tree.css("article")
    source = edition.docs.get(own)
    if source and source.endswith(".html"):
        if own not in RAW_PAGES or edition.path:
            problems.append("an HTML file from docs/ is published as it is: write the page in Markdown")
    elif not articles:
        problems.append("not a page of the guide's theme (no <article>)")
    ids = Counter(node.attributes["id"] for node in tree.css("[id]"))
    if len(articles) > 1:
        problems.append("more than one <article>: the page's content ends early and starts again")
    if ids["__config"] > 1:
        problems.append("more than one #__config: the theme reads its settings from the first")
    for article in articles:
        problems += content_problems(article, hand_written=bool(source), origin=site.origin)
        if [child.tag for child in article.parent.iter(include_text=False)] != ["article"]:
            problems.append("the page's content ends early: markup after it would sit in the theme's page")
        # An id the theme also uses (Material reads its settings from the first #__config).
        twice = sorted({node.attributes["id"] for node in article.css("[id]") if ids[node.attributes["id"]] > 1})
        problems += [f"the content's id '{identifier}' is also the theme's" for identifier in twice]
    if not _CHARSET.search(html):
        problems.append("no <meta charset> for the policy to follow")
    if source:
        problems = [f"{problem} [from {source}]" for problem in problems]
    return problems, scripts


def _element_problems(node: LexborNode, path: str, edition: Edition, site: Site) -> list[str]:
    tag = node.tag.lower()
    if tag in FORBIDDEN:
        return [f"<{tag}> is not allowed on a page"]
    problems = []
    for name, value in node.attributes.items():
        name, value = name.lower(), value or ""
        if name.startswith("on"):
            problems.append(f"an event handler ({name}) runs script")
        elif name in REFUSED_ATTRIBUTES:
            problems.append(f"<{tag} {name}> is not allowed on a page")
        elif name in SRCSET_ATTRIBUTES:
            candidates = [url.split()[0] for url in value.split(",") if url.strip()]
            problems += [_load_problem(tag, name, url, site.origin) for url in candidates]
        elif name in URL_ATTRIBUTES:
            if tag in LINK_ELEMENTS and name in ("href", "xlink:href"):
                if url_scheme(value) not in LINK_SCHEMES | {None}:
                    problems.append(f"a link to '{value[:60]}' (links go to web, mail and phone addresses)")
            else:
                problems.append(_load_problem(tag, name, value, site.origin))
        elif "</" in value:
            problems.append(f"<{tag} {name}> holds '</', which can end an element early in another parse")
    if tag == "script" and "src" in node.attributes:
        problems.append(_script_source_problem(node.attributes["src"] or "", path, edition, site))
    if tag == "script" and {"href", "xlink:href"} & {name.lower() for name in node.attributes}:
        # An SVG script loads its href whatever its text: it would pass as a known inline script.
        problems.append("a script that loads an address with href: scripts load only with src")
    if tag == "meta" and (node.attributes.get("name") or "").lower() == "referrer":
        problems.append("a referrer policy other than the guide's")
    return [p for p in problems if p]


def _script_source_problem(src: str, path: str, edition: Edition, site: Site) -> str:
    """A page loads scripts only from the theme's and the guide's script folders (and the web
    editor's page, its own), by a relative address or one under site_url's path."""
    if url_scheme(src) is not None or _elsewhere(src):
        return f"a script from '{src[:60]}': scripts come from the guide's own folders"
    resolved = urlsplit(urljoin(site.base + path, src)).path
    within = resolved.removeprefix(site.base).removeprefix(edition.path)
    folders = SCRIPT_FOLDERS + (("admin/",) if not edition.path and path == "admin/index.html" else ())
    if not resolved.startswith(site.base) or not within.startswith(folders) or not within.endswith(".js"):
        return f"a script from '{src[:60]}': scripts come from {', '.join(folders)} and end in .js"
    return ""


def _load_problem(tag: str, name: str, url: str, origin: str) -> str:
    """Why the browser must not load this address for a page (an empty string if it may)."""
    if _elsewhere(url) and not _same_origin(url, origin):
        return f"<{tag} {name}> loads '{url[:60]}', which is not the guide's own"
    return ""


def _same_origin(url: str, origin: str) -> bool:
    parts = urlsplit(_as_browsers_read(url))
    return bool(origin) and f"{parts.scheme}://{parts.netloc}".lower() == origin.lower()


def _script_type(node: LexborNode) -> str:
    return (node.attributes.get("type") or "").strip().lower()


def _inline_script_problem(node: LexborNode) -> str | None:
    """An inline script is one the theme or guide writes, or a JSON data block; nothing else."""
    kind, text = _script_type(node), node.text(deep=True)
    if kind in DATA_TYPES:
        try:
            json.loads(text)
        except ValueError:
            return f"a {kind} data block that is not JSON: '{text[:60]}'"
        return None
    if kind not in SCRIPT_TYPES:
        return f"a script of type '{kind[:40]}', which the guide does not use"
    if known_script(text) is None:
        return f"an inline script the theme and the guide's templates do not write: '{text.strip()[:80]}'"
    return None


def _short(node: LexborNode) -> str:
    attrs = " ".join(f'{name}="{value}"' if value is not None else name for name, value in node.attributes.items())
    return f"<{' '.join(filter(None, [node.tag, attrs]))[:100]}>"


# ── what to check, from a project's configuration ─────────────────────────────────────────────


def site_for(root: Path, config: dict, folder: Path, *, whole_guide: bool) -> Site:
    """The Site to check for a loaded mkdocs.yml (or mkdocs.<lang>.yml): its own edition, or with
    whole_guide (the English build, whose folder holds the others) every edition."""
    listed = (config.get("extra") or {}).get("editions") or [{"lang": config["theme"]["language"], "path": ""}]
    own = _relative(root, config.get("docs_dir") or "docs")
    skip = [edition["path"] for edition in listed if edition.get("path")]
    editions = [Edition("", hand_written_pages(root, own, skip), nav_pages(config))]
    for edition in listed if whole_guide else []:
        if edition.get("path"):
            other = yaml_load((root / edition["config"]).read_text(encoding="utf-8"))
            docs = hand_written_pages(root, _relative(root, other["docs_dir"]), [])
            editions.append(Edition(edition["path"], docs, nav_pages(other)))
    site_url = urlsplit(config.get("site_url") or "")
    origin = f"{site_url.scheme}://{site_url.netloc}" if site_url.netloc else ""
    base = (site_url.path or "/").rstrip("/") + "/"
    return Site(folder, tuple(editions), origin, base, (config.get("extra") or {}).get("cms_auth_url") or "")


def nav_pages(config: dict) -> frozenset[str]:
    """The site paths of the pages a project's navigation lists: each must be built."""

    def pages(entries) -> list[str]:
        found = []
        for entry in entries if isinstance(entries, list) else [entries]:
            if isinstance(entry, dict):
                found += [page for value in entry.values() for page in pages(value)]
            elif isinstance(entry, str) and entry.endswith(".md") and url_scheme(entry) is None:
                found.append(page_path(entry))
        return found

    return frozenset(pages(config.get("nav") or []))


def _relative(root: Path, folder: str) -> str:
    """A docs folder as a path from the project's root (MkDocs gives it absolute; it may be a link)."""
    return Path(os.path.relpath(folder, root) if Path(folder).is_absolute() else folder).as_posix()


def hand_written_pages(root: Path, docs: str, skip: list[str]) -> dict[str, str]:
    """{site path: source} for every page of a docs folder (its Markdown pages and HTML files),
    leaving out the folders in `skip` (other editions' pages: es/ in docs/)."""
    pages = {}
    for file in sorted((root / docs).rglob("*")):
        rel = file.relative_to(root / docs).as_posix()
        if file.suffix in (".md", ".html") and not rel.startswith(tuple(skip)):
            pages[rel if file.suffix == ".html" else page_path(rel)] = f"{docs}/{rel}"
    return pages


def page_path(rel: str) -> str:
    """Where MkDocs writes a Markdown page (use_directory_urls): about.md -> about/index.html."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return f"{stem}/index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.boundary", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (every edition in it)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the English mkdocs.yml")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (its docs/), default: here")
    args = parser.parse_args(argv)
    config = yaml_load(args.config_file.read_text(encoding="utf-8"))
    try:
        count = check_site(site_for(args.root, config, args.site, whole_guide=True))
    except OutputError as err:
        message = err.explained(args.root, config)
        print(f"The built site at {args.site} holds what the guide must not publish:\n{message}", file=sys.stderr)
        return 1
    print(f"Checked every file of {args.site}; a Content-Security-Policy in {count} pages, and {csp.HEADERS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
