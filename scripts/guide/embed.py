"""Embed views: each topic page and the session planner, made to sit in an iframe on a clinic's site.

`embed_views` takes the pages `render_pages` made and returns what to add or replace:

- `embed/<slug>.md` for every topic page and the planner: the same rendered Markdown under new
  front matter (`template: embed.html`, left out of search), with its links pointing at the full
  guide. overrides/embed.html shows it without header, navigation, search or footer.
- each full page again, with an "Embed this page" section at its foot
  (templates/partials/embed-this-page.md.j2) holding both snippets a clinic can paste.
- `clinics.md`, the "For clinics" page (templates/clinics.md.j2), with this site's address in
  its snippets, the list of pages that can be embedded and a form that makes a clinic's own line
  (templates/partials/clinic-kit.md.j2).

Pure, like render.py: the site's address and name come in as arguments.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote, urlsplit

import yaml
from jinja2 import Environment

from .pages import CLINICS, EMBED_DIR

CLINICS_SOURCE = "scripts/templates/clinics.md.j2"  # where its words are edited
CALCULATOR = "calculator"
# The iframe's sandbox, the same in docs/embed.js and the plain iframe snippet (a test checks).
# Each token is there for one feature, and tests/browser/test_embed.py shows that feature failing
# without it: scripts: the page's own scripts (theme, height, the planner); same-origin: the
# planner reads assets/data/plan.json from the guide; forms: the planner's form; downloads: its
# calendar file; popups: links to the full guide and Google Calendar open in a new tab;
# popups-to-escape-sandbox: that tab is an ordinary one, not under the clinic's sandbox (which
# would follow the reader to the guide and every site it links to); modals: "Print this plan".
# Not allowed: top-navigation, so the frame can never move the clinic's page elsewhere.
SANDBOX = " ".join(
    "allow-" + flag
    for flag in ("scripts", "same-origin", "forms", "downloads", "popups", "popups-to-escape-sandbox", "modals")
)
# The clinic's page address (which may name a patient's booking) never reaches the guide's host:
# nothing in the embed needs it. Also in docs/embed.js.
REFERRER_POLICY = "no-referrer"
IFRAME_HEIGHT = 900  # the plain iframe cannot grow to fit, so it starts tall and scrolls inside
# A clinic's details in a plain iframe's address, as the For clinics page shows them (escaped for HTML):
# after a #, so they never reach the guide's server; read by docs/assets/js/clinic.js.

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
# A Markdown link to another page of the guide, such as [aftercare](aftercare.md#day-0).
_PAGE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#|\.\./)([^)\s]+?\.md(?:#[^)\s]*)?)\)")


def clinic_example(env: Environment) -> str:
    """The view address's fragment for the edition's made-up clinic (clinic_kit.example in its strings)."""
    clinic = env.globals["t"]["clinic_kit"]["example"]
    return f"clinic-name={quote(clinic['name'], safe='')}&amp;clinic-phone={quote(clinic['phone'], safe='')}"


def embed_views(
    env: Environment,
    pages: dict[str, str],
    review_dates: dict[str, str],
    concerns: list[tuple[str, str]],
    *,
    site_url: str,
    site_name: str,
    lang: str = "en",
) -> dict[str, str]:
    """Embed views of the pages named in review_dates ({slug: review date in words}), their
    "Embed this page" sections, and the "For clinics" page, as {path in the docs folder: text}.
    concerns are the planner's skin concerns as (id, name), for the page's data-concern list.
    site_url is the guide's address, where embed.js is, in every language's edition."""
    site_url = (site_url or "https://guide.example/").rstrip("/") + "/"
    snippets_for = functools.partial(snippets, lang=lang)
    added: dict[str, str] = {}
    embeddable = []
    for slug, reviewed in review_dates.items():
        front, body = split_front_matter(pages[f"{slug}.md"])
        title = front["title"]
        embeddable.append((slug, title))
        meta = {
            "title": title,
            "description": front.get("description", ""),
            "template": "embed.html",
            "search": {"exclude": True},
            "full_page": f"{slug}/",
            "reviewed": reviewed,
        }
        added[f"{EMBED_DIR}/{slug}.md"] = join_front_matter(meta, full_page_links(body))
        section = env.get_template("partials/embed-this-page.md.j2").render(
            snippets=snippets_for(slug, title, site_url=site_url, site_name=site_name)
        )
        added[f"{slug}.md"] = pages[f"{slug}.md"].rstrip("\n") + "\n\n" + section
    titles = dict(embeddable)
    example = "aftercare" if "aftercare" in titles else embeddable[0][0]
    calculator = CALCULATOR if CALCULATOR in titles and concerns else None
    options = "theme=dark&amp;accent=0b6e4f" + (f"&amp;concern={concerns[0][0]}" if calculator else "")
    clinic_pages = [(slug, title) for slug, title in embeddable if "clinic-contact" in pages[f"{slug}.md"]]
    added[CLINICS] = env.get_template("clinics.md.j2").render(
        pages=embeddable,
        site_url=site_url,
        origin="{0.scheme}://{0.netloc}".format(urlsplit(site_url)),
        iframe_height=IFRAME_HEIGHT,
        example=snippets_for(example, titles[example], site_url=site_url, site_name=site_name),
        with_options=snippets_for(
            calculator or example, titles[calculator or example], site_url=site_url, site_name=site_name, query=options
        ),
        with_clinic=snippets_for(
            example, titles[example], site_url=site_url, site_name=site_name, fragment=clinic_example(env)
        ),
        clinic_pages=clinic_pages,
        calculator=calculator,
        concerns=concerns,
        planners=[slug for slug in titles if "data-calc" in pages[f"{slug}.md"]],
    )
    return added


def snippets(
    slug: str, title: str, *, site_url: str, site_name: str, query: str = "", fragment: str = "", lang: str = "en"
) -> dict[str, str]:
    """The two ways to embed one page: the script line, and the plain iframe for sites without scripts
    (query: options for its address, such as "theme=dark&amp;accent=0b6e4f"; fragment: a clinic's
    details, after its #). A page of another language's edition: data-lang for the script
    (docs/embed.js), the edition's path for the iframe."""
    frame_title = _attr(f"{title} - {site_name}")
    language = "" if lang == "en" else f' data-lang="{lang}"'
    edition = "" if lang == "en" else f"{lang}/"
    return {
        "slug": slug,
        "title": title,
        "script": f'<script async src="{site_url}embed.js"{language} data-page="{slug}"></script>',
        "iframe": (
            f'<iframe src="{site_url}{edition}{EMBED_DIR}/{slug}/{"?" if query else ""}{query}'
            f'{"#" if fragment else ""}{fragment}" title="{frame_title}"'
            f' loading="lazy" referrerpolicy="{REFERRER_POLICY}"'
            f' sandbox="{SANDBOX}" style="display:block;width:100%;height:{IFRAME_HEIGHT}px;border:0"></iframe>'
        ),
    }


def split_front_matter(page: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(page.lstrip("\n"))
    if not match:
        return {}, page
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def join_front_matter(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body


def full_page_links(markdown: str) -> str:
    """Links to other pages, rewritten for a page one folder down (embed/), so they open the full guide."""
    return _PAGE_LINK.sub(r"](../\1)", markdown)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
