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

NOT_HTML_TEXT = {"structured_data"}


def escaped(meta: dict, *, markup: bool = False) -> dict:
    """Front matter with each text value HTML-escaped: as Markup, or with markup=False as plain str."""
    wrap = (lambda value: value) if markup else str
    return {
        key: wrap(escape(value)) if isinstance(value, str) and key not in NOT_HTML_TEXT else value
        for key, value in meta.items()
    }
