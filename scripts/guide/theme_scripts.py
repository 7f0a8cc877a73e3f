"""The inline scripts a built page may hold: the theme's and the guide's own, known in advance.

The output pass (boundary.py) allows an inline script only if its text is one of these, whatever
part of the page it sits in; any other inline script stops the build. Each is written out here as
the theme's template writes it, with `{root}` where the template prints the site's root address.

A theme upgrade is noticed twice: `THEMES` pins the versions these texts were read from, and
tests/unit/test_theme_scripts.py fails when an installed version differs or when a template's
script no longer matches its text here; and a build whose pages hold a script not listed here
stops, naming the page and the script. Re-read the theme's `partials/javascripts/` then, and
update the texts and versions together.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

# The theme packages whose templates the texts below were read from.
THEMES = {"mkdocs-material": "9.8.1", "zensical": "0.0.73"}

# The site's root as the themes print it: relative (".", "../..") or the path of site_url.
_ROOT = r"(?:\.\.?(?:/\.\.)*|/[A-Za-z0-9._~/-]*)"
OWN_SCRIPT = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "script-class.html"

THEME_SCRIPTS = {
    "Material's storage helpers (partials/javascripts/base.html)": (
        '__md_scope=new URL("{root}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    ),
    "Zensical's storage helpers (partials/javascripts/base.html)": (
        '__md_scope=new URL("{root}",location),__md_scope.pathname.endsWith("/")||'
        '(__md_scope=new URL(__md_scope.pathname+"/",location)),'
        "__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),"
        '__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),'
        '__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathname+"."+e,JSON.stringify(t))}catch(e){}},'
        'document.documentElement.setAttribute("data-platform",navigator.platform)'
    ),
    "the theme's tab opener (partials/javascripts/content.html)": (
        "var target=document.getElementById(location.hash.slice(1));"
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    ),
    "the theme's colour scheme (partials/javascripts/palette.html)": (
        'var palette=__md_get("__palette");if(palette&&palette.color){'
        'if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),'
        "input=document.querySelector(media.matches?\"[data-md-color-media='(prefers-color-scheme: light)']\":"
        "\"[data-md-color-media='(prefers-color-scheme: dark)']\");"
        'palette.color.media=input.getAttribute("data-md-color-media"),'
        'palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
        'palette.color.primary=input.getAttribute("data-md-color-primary"),'
        'palette.color.accent=input.getAttribute("data-md-color-accent")}'
        'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
    ),
}


@cache
def _patterns() -> dict[str, re.Pattern]:
    own = re.search(r"<script>(.*?)</script>", OWN_SCRIPT.read_text(encoding="utf-8"), re.S)
    assert own, f"{OWN_SCRIPT} holds no script"
    texts = {**THEME_SCRIPTS, "the guide's js class (overrides/partials/script-class.html)": own.group(1)}
    return {name: re.compile(re.escape(text).replace(re.escape("{root}"), _ROOT)) for name, text in texts.items()}


def known_script(text: str) -> str | None:
    """Which known script this inline script's text is, or None."""
    return next((name for name, pattern in _patterns().items() if pattern.fullmatch(text)), None)
