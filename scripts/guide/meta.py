"""Page metadata reaches the theme's templates escaped, once, whichever builder runs.

Material's templates (and Zensical's) print page.meta.title and .description into HTML without
escaping, so each builder's adapter escapes every text value of a page's front matter before any
template sees it: hook.py under MkDocs (as Markup, which Jinja's `| e` leaves as it is), and
cli.write_markdown in the Markdown it writes for builders that skip hooks (Zensical). The guide's
own templates print these values as they are. `structured_data` is JSON for a script element,
escaped for that place by render.structured_data.
"""

from __future__ import annotations

from markupsafe import escape

# Not printed into HTML: JSON for a script element, and search words (the search index's own data,
# which only pages made from content/ set).
NOT_HTML_TEXT = {"structured_data", "tags"}


def escaped(meta: dict, *, markup: bool = False) -> dict:
    """Front matter with each text value HTML-escaped, in lists and groups too (a template may print
    a list as it is): as Markup, or with markup=False as plain str."""
    return {key: value if key in NOT_HTML_TEXT else _escaped(value, markup) for key, value in meta.items()}


def _escaped(value: object, markup: bool) -> object:
    if isinstance(value, str):
        return escape(value) if markup else str(escape(value))
    if isinstance(value, list):
        return [_escaped(item, markup) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item, markup) for key, item in value.items()}
    return value
