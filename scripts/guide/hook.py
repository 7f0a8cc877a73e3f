"""MkDocs hook (mkdocs.yml `hooks:`): a thin adapter handing the pages rendered from content/ to MkDocs.

All the work is in the `guide` package (load, validate, render). This file only connects it to
MkDocs' build events, tells `mkdocs serve` to rebuild when content or templates change, and guards
the theme boundary: page metadata reaches Material's templates escaped, and each generated page's
HTML is checked against the allow-list (html_check.py) before it is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.html_check import unexpected_markup  # noqa: E402
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


# Front matter that is JSON for a script element, escaped for that place by render.structured_data.
_NOT_HTML_TEXT = {"structured_data"}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the page's metadata once, here: Material prints page.meta.title and .description into
    HTML without escaping. Markup marks them as escaped, so templates that do escape (`| e`) leave
    them alone."""
    for key, value in page.meta.items():
        if isinstance(value, str) and key not in _NOT_HTML_TEXT:
            page.meta[key] = Markup(escape(value))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _pages:
        found = unexpected_markup(html)
        if found:
            source = _sources.get(page.file.src_uri, page.file.src_uri)
            listed = "\n".join(f"  {item}" for item in found[:10])
            raise PluginError(
                f"{source}: the page {page.file.src_uri} would hold markup the guide does not allow; "
                f"check the text and the templates that made it:\n{listed}"
            )
    return html


def on_serve(server, config: MkDocsConfig, builder):
    root = _root(config)
    server.watch(str(root / "content"))
    server.watch(str(TEMPLATES))
    server.watch(str(Path(__file__).resolve().parent))
    return server
