"""The Content-Security-Policy of each kind of page, and `_headers` for hosts that send response headers.

Each HTML file of a built site gets its policy as `<meta http-equiv="Content-Security-Policy">`
straight after `<meta charset>`, so it governs every script, style and link that follows. Inline
scripts are allowed by the SHA-256 hashes of the ones that page has, never by 'unsafe-inline'; the
output pass (boundary.py) has already checked that each is one the theme or the guide's templates
write (theme_scripts.py). Everything else comes from the guide's own origin; only the web editor
(/admin/) may also talk to GitHub. `_headers` (Netlify and Cloudflare Pages) repeats each page's
policy as a header, adding what a `<meta>` cannot say: who may frame the page.

Pure: boundary.py reads and writes the files.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

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


def script_hash(text: str) -> str:
    """The CSP source for one inline script: its SHA-256, over the text as the browser reads it."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode() + "'"


_EDITION = re.compile(r"^[a-z]{2}/")  # another language's edition of the guide: es/embed/faq/index.html


def kind_of(path: str) -> str:
    """'embed', 'admin' or 'page', from a file's path in the built site ("embed/faq/index.html",
    "es/embed/faq/index.html"). The web editor is /admin/ only: an edition has none."""
    if path.split("/", 1)[0] == ADMIN_DIR:
        return "admin"
    return "embed" if _EDITION.sub("", path).split("/", 1)[0] == EMBED_DIR else "page"


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


def policy_tags(text: str) -> str:
    """The <meta> tags that give a page its policy and referrer policy (right after <meta charset>)."""
    policy = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    return f'\n{policy}\n<meta name="referrer" content="{REFERRER}">'


def url_path(path: str) -> str:
    """The address a file of the built site is served at: "faq/index.html" is /faq/."""
    return "/" + path.removesuffix("index.html")


def headers_file(policies: dict[str, tuple[str, str]]) -> str:
    """`_headers` for {address: (kind, policy)}: a rule for every file, then one rule per page with
    its policy and frame-ancestors.

    The rule for every file carries a default policy, for a file no page rule names: no inline
    script but the pages' known ones, nothing from other origins but what /admin/ may use. Where
    two rules match one address, Cloudflare Pages sends both policies and browsers apply both;
    Netlify sends the later rule's. So the default allows everything any page's own policy allows
    (the union of them all, without frame-ancestors): either way, a page is governed by its own."""
    unsafe = [address for address in policies if re.search(r"[\s\x00-\x1f\x7f]", address)]
    if unsafe:  # boundary.py refuses such file names first; a line break here would write a rule of its own
        raise ValueError(f"addresses that would break _headers: {unsafe}")
    lines = ["# Written by scripts/guide/boundary.py at build time; see SECURITY.md.", "/*"]
    lines += [f"  {name}: {value}" for name, value in COMMON_HEADERS.items()]
    lines.append(f"  Content-Security-Policy: {union([text for _, text in policies.values()])}")
    for address, (kind, text) in sorted(policies.items()):
        lines += [address, f"  Content-Security-Policy: {text}; frame-ancestors {FRAME_ANCESTORS[kind]}"]
    return "\n".join(lines) + "\n"


def union(policies: list[str]) -> str:
    """One policy that allows whatever any of these allows, directive by directive."""
    merged: dict[str, list[str]] = {}
    for text in policies:
        for part in text.split(";"):
            name, *sources = part.split()
            merged.setdefault(name, [])
            merged[name] += [source for source in sources if source not in merged[name]]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in merged.items())
