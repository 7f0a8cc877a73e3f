"""The guide's editions: one per language, each its own MkDocs project (README.md, "Languages").

mkdocs.yml lists them in `extra.editions`; `mkdocs.<lang>.yml` INHERITs mkdocs.yml and sets
`theme.language`, which says which edition a project builds. An edition is published at the guide's
address (site_url of mkdocs.yml) plus its path (`es/`), with the same page names in every edition,
so a page's twin in another language is found by its address alone.

`theme_settings` gives a project's theme what it needs to know (its interface words and every
edition's address) and is pure; hook.py applies it under MkDocs and plain.py for Zensical.
`build` builds one edition's project in the same process: the English build builds the others into
its own site folder (hook.py), so `mkdocs build` and `mkdocs serve` give the whole guide.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError

from .render import strings

DEFAULT = "en"  # the source language: its edition sits at the guide's root


def theme_settings(editions: list[dict], lang: str, root_url: str) -> dict:
    """What goes into `extra` for the edition in `lang`: its interface words (the `theme` section of
    templates/strings/<lang>.yml), and each edition with its absolute address (`url`), the path to it
    from this edition's root (`here`) and its link text in its own language (`link`)."""
    this = edition_of(editions, lang)
    root_url = root_url.rstrip("/") + "/" if root_url else ""
    listed = []
    for other in editions:
        path = other.get("path", "")
        here = posixpath.relpath(path or ".", this.get("path") or ".")
        listed.append(
            {
                **other,
                "url": root_url + path if root_url else "",
                "here": "" if here == "." else here.rstrip("/") + "/",
                "link": strings(other["lang"])["theme"]["editions"]["link"],
            }
        )
    return {"words": strings(lang)["theme"], "editions": listed, "edition": lang}


def palette(schemes: list[dict], words: dict) -> list[dict]:
    """theme.palette with each toggle's name in the edition's language (theme.palette in the strings):
    the light scheme's toggle switches to dark, the dark one's to light."""
    return [
        {
            **scheme,
            "toggle": {
                **scheme["toggle"],
                "name": words["palette"]["to_light" if scheme.get("scheme") == "slate" else "to_dark"],
            },
        }
        if "toggle" in scheme
        else scheme
        for scheme in schemes
    ]


def edition_of(editions: list[dict], lang: str) -> dict:
    for edition in editions:
        if edition["lang"] == lang:
            return edition
    listed = ", ".join(edition["lang"] for edition in editions)
    raise ValueError(f"theme.language is {lang!r}, but mkdocs.yml extra.editions lists only {listed}")


def site_url(root_url: str, edition: dict) -> str:
    """The edition's address: the guide's address plus the edition's path."""
    return (root_url.rstrip("/") + "/" + edition.get("path", "")) if root_url else ""


def build(root: Path, edition: dict, site_dir: Path, *, root_url: str, strict: bool, serving: bool) -> None:
    """Build an edition's project (edition["config"], such as mkdocs.es.yml) into site_dir, in this
    process: its hooks see the same `guide` package, so content is loaded and checked once a build
    (validate.load_content_once). Raises RuntimeError with MkDocs' message if the build fails.

    Its warnings reach the `mkdocs` logger, where the outer build's --strict counts them too. Under
    `mkdocs serve` it starts as a served build, so it is checked but gets no policy
    (boundary_hook.py)."""
    config = load_config(config_file=str(root / edition["config"]), site_dir=str(site_dir), strict=strict)
    config.site_url = root_url or None  # the guide's address; the edition's hook adds its own path
    config.plugins.on_startup(command="serve" if serving else "build", dirty=False)
    try:
        build_site(config)
    except (Abort, BuildError) as err:
        raise RuntimeError(str(err)) from None
    finally:
        config.plugins.on_shutdown()
