"""MkDocs hook (mkdocs.yml `hooks:`, after the others): a Content-Security-Policy in every built page.

Runs once the whole site is written, so the policy covers 404.html and /admin/ too (neither is a
Markdown page) and `_headers` can list every page. The work is in guide/csp.py, which
`make build-zensical` runs on Zensical's output as well.

`mkdocs serve` gets no policy: the live-reload script it adds to every page is inline and changes
with each reload, so no hash could allow it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from guide.csp import secure_site  # noqa: E402

log = get_plugin_logger(__name__)
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_post_build(config: MkDocsConfig) -> None:
    # The English build runs last, over the whole guide, so its _headers lists every edition's pages.
    root = config.extra.get("edition", "en") == "en"
    # GUIDE_SERVING: another edition, built by the English one under `mkdocs serve` (editions.build);
    # it never switches off the English build's policy.
    if _command == "serve" or (os.environ.get("GUIDE_SERVING") and not root):
        log.info("No Content-Security-Policy under `mkdocs serve`: its live-reload script is inline.")
        return
    try:
        secure_site(Path(config.site_dir), auth_url=config.extra.get("cms_auth_url") or "", headers=root)
    except ValueError as err:
        raise PluginError(f"Content-Security-Policy: {err}") from None
