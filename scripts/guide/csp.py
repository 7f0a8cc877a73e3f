"""Content-Security-Policy for every built page, and `_headers` for hosts that send response headers.

Each HTML file of a built site gets its policy as `<meta http-equiv="Content-Security-Policy">`
straight after `<meta charset>`, so it governs every script, style and link that follows. Inline
scripts are allowed by the SHA-256 hashes of the ones that page has, computed from the page as
built, never by 'unsafe-inline'; only the theme's templates may put them there: an inline script
inside a page's content (its <article>) stops the build, so text that slipped past the content
checks could not run. Everything else comes from the guide's own origin; only the web editor
(/admin/) may also talk to GitHub. `_headers` (Netlify and Cloudflare Pages) repeats each page's
policy as a header, adding what a `<meta>` cannot say: who may frame the page.

Used by csp_hook.py after an MkDocs build, and by `python -m guide.csp SITE` for builders that skip
hooks (`make build-zensical`). Pure but for `secure_site` and the command line.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from .embed import EMBED_DIR

ADMIN_DIR = "admin"
HEADERS = "_headers"
REFERRER = "strict-origin-when-cross-origin"

# Every page: the guide's own files only. Material's stylesheets draw their icons as data: SVGs,
# and its search worker, sitemap and search index, and the planner's plan.json, are 'self'.
# No 'unsafe-inline' for styles either: Material and the guide's scripts set styles through the
# CSSOM (element.style), which a policy does not govern, and no page has a style attribute.
_PAGE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# The web editor (Sveltia CMS): its Svelte components inject <style> elements; it reads and writes
# the repository through GitHub's API, shows GitHub avatars, and previews images as blob: URLs.
_ADMIN_EXTRA = {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:", "https://avatars.githubusercontent.com"],
    "connect-src": ["'self'", "https://api.github.com"],
}
# Who may put a page in a frame (only a header can say this): embed views any website, the rest
# only the guide itself.
FRAME_ANCESTORS = {"page": "'self'", "embed": "*", "admin": "'self'"}
# Sent with every file. X-Frame-Options covers what no page rule names (404 responses, other
# spellings of a page's address); browsers ignore it where a policy has frame-ancestors.
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": REFERRER,
    "Permissions-Policy": ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "serial",
            "usb",
        )
    ),
    "X-Frame-Options": "SAMEORIGIN",
}

_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
# The two tags with_policy adds, taken out first so that a page given its policy twice has it once.
_OURS = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>\s*<meta name="referrer"[^>]*>')
# Script types a browser runs; any other (application/json, application/ld+json) is a data block
# that no policy checks.
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, bool]] = []
        self._open: list[str] | None = None
        self._articles = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        runs = (attrs.get("type") or "").strip().lower() in _JS_TYPES
        self._open = [] if tag == "script" and "src" not in attrs and runs else None
        self._articles += tag == "article"

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.found.append(("".join(self._open), self._articles > 0))
        self._open = None
        self._articles -= tag == "article" and self._articles > 0


def inline_scripts(html: str) -> list[tuple[str, bool]]:
    """(text, whether it is inside the page's content) of every inline script a browser would run."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.found


def script_hash(text: str) -> str:
    """The CSP source for one inline script: its SHA-256, over the text as the browser reads it."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode() + "'"


_EDITION = re.compile(r"^[a-z]{2}/")  # another language's edition of the guide: es/embed/faq/index.html


def kind_of(path: str) -> str:
    """'embed', 'admin' or 'page', from a file's path in the built site ("embed/faq/index.html",
    "es/embed/faq/index.html")."""
    return {EMBED_DIR: "embed", ADMIN_DIR: "admin"}.get(_EDITION.sub("", path).split("/", 1)[0], "page")


def policy(kind: str, hashes: list[str], *, auth_url: str = "") -> str:
    """The policy text for a page of this kind whose inline scripts have these hashes.

    auth_url is the web editor's login helper (mkdocs.yml extra.cms_auth_url), if it has one."""
    directives = {name: list(sources) for name, sources in _PAGE.items()}
    directives["script-src"] += list(dict.fromkeys(hashes))
    if kind == "admin":
        for name, sources in _ADMIN_EXTRA.items():
            directives.setdefault(name, []).extend(sources)
        if auth_url:
            directives["connect-src"].append("{0.scheme}://{0.netloc}".format(urlsplit(auth_url)))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, kind: str, *, auth_url: str = "") -> tuple[str, str]:
    """The page with its policy and referrer policy as <meta> tags right after <meta charset>, and
    the policy. A page that already has them gets them anew."""
    html = _OURS.sub("", html, count=1)
    charset = _CHARSET.search(html)
    if not charset:
        raise ValueError("no <meta charset> to put the policy after")
    scripts = inline_scripts(html)
    if any(in_content for _, in_content in scripts):
        raise ValueError("an inline script in the page's content (<article>): content may hold no scripts")
    text = policy(kind, [script_hash(s) for s, _ in scripts], auth_url=auth_url)
    metas = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{text}">\n<meta name="referrer" content="{REFERRER}">'
    )
    return html[: charset.end()] + metas + html[charset.end() :], text


def url_path(path: str) -> str:
    """The address a file of the built site is served at: "faq/index.html" is /faq/."""
    return "/" + path.removesuffix("index.html")


def headers_file(policies: dict[str, tuple[str, str]]) -> str:
    """`_headers` for {address: (kind, policy)}: common headers for every file, then each page's
    policy with its frame-ancestors. One rule per page, none overlapping: where two rules match,
    Netlify and Cloudflare join their values, and two policies would both apply."""
    lines = ["# Written by scripts/guide/csp.py at build time; see SECURITY.md.", "/*"]
    lines += [f"  {name}: {value}" for name, value in COMMON_HEADERS.items()]
    for address, (kind, text) in sorted(policies.items()):
        lines += [address, f"  Content-Security-Policy: {text}; frame-ancestors {FRAME_ANCESTORS[kind]}"]
    return "\n".join(lines) + "\n"


def secure_site(site: Path, *, auth_url: str = "", headers: bool = True) -> int:
    """Give every HTML file in a built site its policy, and write SITE/_headers (unless `headers` is
    false: an edition built inside another's site); return how many."""
    policies = {}
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        kind = kind_of(path)
        try:
            html, text = with_policy(page.read_text(encoding="utf-8"), kind, auth_url=auth_url)
        except ValueError as err:
            raise ValueError(f"{path}: {err}") from None
        page.write_text(html, encoding="utf-8")
        policies[url_path(path)] = (kind, text)
    if headers:
        (site / HEADERS).write_text(headers_file(policies), encoding="utf-8")
    return len(policies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.csp", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="for extra.cms_auth_url")
    args = parser.parse_args(argv)
    config = yaml_load(args.config_file.read_text(encoding="utf-8"))
    try:
        count = secure_site(args.site, auth_url=(config.get("extra") or {}).get("cms_auth_url") or "")
    except ValueError as err:
        print(f"Content-Security-Policy: {err}", file=sys.stderr)
        return 1
    print(f"Content-Security-Policy in {count} pages of {args.site}, and {args.site / HEADERS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
