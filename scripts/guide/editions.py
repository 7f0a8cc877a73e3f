"""The guide's editions: one per language, each its own MkDocs project (README.md, "Languages").

mkdocs.yml lists them in `extra.editions`; `mkdocs.<lang>.yml` INHERITs mkdocs.yml and sets
`theme.language`, which says which edition a project builds. An edition is published at the guide's
address (site_url of mkdocs.yml) plus its path (`es/`), with the same page names in every edition,
so a page's twin in another language is found by its address alone.

`theme_settings` gives a project's theme what it needs to know (its interface words and every
edition's address) and is pure; hook.py applies it under MkDocs and plain.py for Zensical.
`build` builds one edition's project in a child process: the English build builds the others into
its own site folder (hook.py), so `mkdocs build` and `mkdocs serve` give the whole guide.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path

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


def build(root: Path, edition: dict, site_dir: Path, *, root_url: str, strict: bool, serving: bool) -> str:
    """Build an edition's project (edition["config"], such as mkdocs.es.yml) into site_dir; return
    its log. Raises RuntimeError with the log if the build fails.

    A child process, because MkDocs keeps a build's warning count in one place for the process: a
    build inside a build would lose the outer one's warnings, which --strict must see."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", edition["config"], "-d", str(site_dir)]
    env = {**os.environ, "SITE_URL": root_url, "NO_MKDOCS_2_WARNING": "1"}
    if serving:
        env["GUIDE_SERVING"] = "1"  # csp_hook.py: no policy under `mkdocs serve`
    result = subprocess.run(
        command + (["--strict"] if strict else []), cwd=root, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or result.stdout.strip())
    return result.stderr
