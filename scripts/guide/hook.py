"""MkDocs hook (mkdocs.yml `hooks:`): a thin adapter handing the pages rendered from content/ to MkDocs.

All the work is in the `guide` package (load, validate, render, editions). This file only connects
it to MkDocs' build events, tells `mkdocs serve` to rebuild when content or templates change, and
escapes page metadata for Material's templates. What the built pages may hold is checked once the
whole site is written, by boundary_hook.py (guide/boundary.py), for every builder.

The project's `theme.language` says which edition it builds (editions.py): English renders content/,
another language renders its translation (content/<lang>/) and borrows the English docs/assets/.
The English build then builds the other editions into its site folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide import editions  # noqa: E402
from guide.meta import escaped  # noqa: E402
from guide.problems import ContentError  # noqa: E402
from guide.render import BYTECODE_CACHE, TEMPLATES, edition, page_sources, render_edition, role  # noqa: E402
from guide.translate import page_translation  # noqa: E402
from guide.validate import load_content_once  # noqa: E402

log = get_plugin_logger(__name__)
# MkDocs loads a hook file once per process, so the English build and the editions it builds inside
# it (editions.build) share this module: what a build renders is kept by its language. The command
# and the guide's address are the same for all of them.
_pages: dict[str, dict[str, str]] = {}  # language -> {generated page: its Markdown}
_sources: dict[str, dict[str, str]] = {}  # language -> {generated page: the file its words come from}
_state = {"command": "build", "root_url": ""}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _lang(config: MkDocsConfig) -> str:
    return config.theme["language"]


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """This edition's address, interface words and links to the others (editions.py)."""
    listed = config.extra.get("editions") or [{"lang": editions.DEFAULT}]
    lang = _lang(config)
    try:
        this = editions.edition_of(listed, lang)
    except ValueError as err:
        raise PluginError(str(err)) from None
    _state["root_url"] = config.site_url or ""  # the guide's address, as mkdocs.yml (or `mkdocs serve`) sets it
    config.site_url = editions.site_url(_state["root_url"], this) or None
    config.extra.update(editions.theme_settings(listed, lang, _state["root_url"]))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = config.extra["words"]["permalink_title"]
    config.theme["palette"] = editions.palette(config.theme["palette"], config.extra["words"])
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Runs before MkDocs cleans the site folder, so bad content stops the build with nothing lost."""
    lang = _lang(config)
    try:
        content = load_content_once(_root(config))
    except ContentError as err:
        raise PluginError(f"Content problems:\n{err}") from None
    if lang != editions.DEFAULT and lang not in content.translations:
        raise PluginError(f"content/{lang}/ is missing: the {lang} edition has no translation to show")
    _pages[lang] = render_edition(content, lang, site_url=_state["root_url"], site_name=config.site_name)
    _sources[lang] = page_sources(edition(content, lang), lang)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _lang(config) != editions.DEFAULT:  # the English docs/assets/ (styles, scripts), under this edition
        english = _root(config) / "docs"
        for path in sorted((english / "assets").rglob("*")):
            if path.is_file() and files.get_file_from_path(path.relative_to(english).as_posix()) is None:
                files.append(
                    File(path.relative_to(english).as_posix(), str(english), config.site_dir, config.use_directory_urls)
                )
    pages, sources = _pages[_lang(config)], _sources[_lang(config)]
    for src_uri, text in pages.items():
        file = File.generated(config, src_uri, content=text)
        if src_uri in sources:
            # The edit button opens the YAML the page came from (edit_uri points into docs_dir).
            file.edit_uri = os.path.relpath(_root(config) / sources[src_uri], config.docs_dir).replace(os.sep, "/")
        files.append(file)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    """The theme's templates, compiled once and kept between builds (render.BYTECODE_CACHE)."""
    env.bytecode_cache = BYTECODE_CACHE
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the page's metadata once, here (meta.py): Material prints page.meta.title and .description
    into HTML without escaping."""
    page.meta.update(escaped(page.meta, markup=True))
    _checked_translation(page, config)
    return markdown


def _checked_translation(page: Page, config: MkDocsConfig) -> None:
    """A page's translation record, which the theme shows above it (partials/editions.html): from
    render.py for pages made from content/ (already checked); from its own header, checked against
    its English twin (translate.page_translation), for a hand-written Spanish page or the Spanish
    For clinics template. Such a page without a valid header stops the build: the notice must never
    be missing or claim what the header cannot show. English pages have no record."""
    lang = _lang(config)
    if lang == editions.DEFAULT:
        page.meta.pop("translation", None)
        return
    generated = page.file.src_uri in _pages[lang]
    if generated and "source" not in (page.meta.get("translation") or {}):
        return
    source = _sources[lang].get(page.file.src_uri) if generated else None
    source = source or Path(page.file.abs_src_path).resolve().relative_to(_root(config)).as_posix()
    record = page_translation(_root(config), source, lang)
    if record is None:
        raise PluginError(f"{source}: its translation header is missing or not valid: run `make check` to see why")
    if "reviewed_by" in record:  # a role, by its English name: said in the page's language
        record["reviewed_by"] = role(record["reviewed_by"], lang)
    page.meta["translation"] = record


def on_post_build(config: MkDocsConfig) -> None:
    """The English build builds every other edition into its path in the site folder."""
    if _lang(config) != editions.DEFAULT:
        return
    for other in config.extra["editions"]:
        if other["lang"] == editions.DEFAULT:
            continue
        try:
            editions.build(
                _root(config),
                other,
                Path(config.site_dir) / other["path"],
                root_url=_state["root_url"],
                strict=config.strict,
                serving=_state["command"] == "serve",
            )
        except RuntimeError as err:
            raise PluginError(f"The {other['name']} edition ({other['config']}) did not build:\n{err}") from None
        log.info(f"Built the {other['name']} edition into {other['path']}")


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when content, templates or the guide's code change. Those folders are looked at every
    0.1 s, not MkDocs' 0.5 s (its polling observer's `timeout`, set before our watches are added):
    an editor who saves a YAML file sees the page change sooner."""
    root = _root(config)
    if hasattr(server.observer, "_timeout"):
        server.observer._timeout = 0.1
    server.watch(str(root / "content"))
    server.watch(str(TEMPLATES))
    server.watch(str(Path(__file__).resolve().parent))
    return server
