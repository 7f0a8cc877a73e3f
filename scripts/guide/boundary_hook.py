"""MkDocs hook (mkdocs.yml `hooks:`, last): the output boundary over everything the build wrote.

Runs once the whole site is written, so it sees every file: pages made from content/, hand-written
pages, 404.html, /admin/, the theme's files and whatever docs/ held. The work is in guide/boundary.py,
which `make build-zensical` runs on Zensical's output too. The English build checks the whole guide
(the other editions are built into its folder first, by hook.py, and leave the check to it) and
writes `_headers`; another edition's project, built alone, checks its own folder.

A problem stops the build, and a failed `mkdocs build` empties its site folder, so nothing
unchecked is left to publish.
`mkdocs serve` is checked too, but gets no policy: the live-reload script it adds to every page is
inline and changes with each reload, so no hash could allow it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import clean_directory

from guide.boundary import OutputError, check_site, site_for  # noqa: E402

log = get_plugin_logger(__name__)
# MkDocs loads a hook file once per process: the English build and each edition built inside it
# (editions.build) share this module, so the site folders being built are a stack.
_state: dict = {"command": "build", "site_dirs": []}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    _state["site_dirs"].append(config.site_dir)


def on_post_build(config: MkDocsConfig) -> None:
    if len(_state["site_dirs"]) > 1:  # an edition built inside the English build: its pass checks this folder too
        _state["site_dirs"].pop()
        return
    root = Path(config.config_file_path).resolve().parent
    english = config.extra.get("edition", "en") == "en"
    serving = _state["command"] == "serve"  # another edition built under `mkdocs serve` starts as served too
    site = site_for(root, config, Path(config.site_dir), whole_guide=english)
    try:
        count = check_site(site, add_policy=not serving, write_headers=english)
    except OutputError as err:
        extensions = [{name: config.mdx_configs.get(name) or {}} for name in config.markdown_extensions]
        message = err.explained(root, {"markdown_extensions": extensions})
        raise PluginError(f"The built site holds what the guide must not publish:\n{message}") from None
    _state["site_dirs"].pop()
    if serving:
        log.info("No Content-Security-Policy under `mkdocs serve`: its live-reload script is inline.")
    else:
        log.info(f"Output checked: {count} pages, each with its Content-Security-Policy")


def on_build_error(error: Exception) -> None:
    """Whatever stopped the build (this check, another edition, a page), `mkdocs build` leaves no
    site behind to publish: MkDocs has already written pages that nothing has checked."""
    site_dir = _state["site_dirs"].pop() if _state["site_dirs"] else ""
    if _state["command"] == "build" and site_dir:
        clean_directory(site_dir)
