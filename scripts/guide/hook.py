"""MkDocs hook (mkdocs.yml `hooks:`): a thin adapter handing the pages rendered from content/ to MkDocs.

All the work is in the `guide` package (load, validate, render). This file only connects it to
MkDocs' build events, and tells `mkdocs serve` to rebuild when content or templates change.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from guide.problems import ContentError  # noqa: E402
from guide.render import TEMPLATES, page_sources, render_pages  # noqa: E402
from guide.validate import load_content  # noqa: E402

_pages: dict[str, str] = {}
_sources: dict[str, str] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: MkDocsConfig) -> None:
    """Runs before MkDocs cleans the site folder, so bad content stops the build with nothing lost."""
    try:
        content = load_content(_root(config))
    except ContentError as err:
        raise PluginError(f"Content problems:\n{err}") from None
    _pages.clear()
    _pages.update(render_pages(content, site_url=config.site_url or "", site_name=config.site_name))
    _sources.clear()
    _sources.update(page_sources(content))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, text in _pages.items():
        file = File.generated(config, src_uri, content=text)
        if src_uri in _sources:
            # The edit button opens the YAML the page came from (edit_uri points into docs/).
            file.edit_uri = f"../{_sources[src_uri]}"
        files.append(file)
    return files


def on_serve(server, config: MkDocsConfig, builder):
    root = _root(config)
    server.watch(str(root / "content"))
    server.watch(str(TEMPLATES))
    server.watch(str(Path(__file__).resolve().parent))
    return server
