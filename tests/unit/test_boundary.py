"""The output pass (guide/boundary.py) on small sites made here: each rule alone, without a build.

tests/build/test_output_boundary.py builds hostile pages with both builders; this shows what each
rule refuses and what it lets through, one case at a time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.boundary import Edition, OutputError, Site, check_site
from guide.csp import HEADERS
from guide.theme_scripts import OWN_SCRIPT

JS_CLASS = OWN_SCRIPT.read_text(encoding="utf-8").split("<script>")[1].split("</script>")[0]
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 8


def page(head: str = "", body: str = "", article: str = "<p>Words.</p>") -> str:
    """A page shaped as the theme makes them, with extra markup in its head, body or content."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><script>{JS_CLASS}</script>'
        f'<link rel="stylesheet" href="../assets/css/guide.css">{head}</head><body><header><a href="../">Home</a>'
        f'</header><div class="md-content"><article class="md-content__inner md-typeset">{article}</article></div>{body}'
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        '<script src="../assets/js/calculator.js" type="module"></script></body></html>'
    )


def make_site(tmp_path: Path, files: dict[str, str | bytes], *, docs: dict[str, str] | None = None) -> Site:
    base = {"faq/index.html": page(), "assets/css/guide.css": "p{color:red}", "assets/js/calculator.js": "x()"}
    for path, text in {**base, **files}.items():
        target = tmp_path / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode())
    return Site(tmp_path / "site", (Edition("", docs or {}), Edition("es/")), origin="https://guide.example")


def refusals(site: Site) -> list[str]:
    with pytest.raises(OutputError) as caught:
        check_site(site)
    return caught.value.problems


# (what, where, markup, the words the refusal must hold)
# fmt: off
HOSTILE = [
    ("inline script", "body", "<script>fetch('/x')</script>", "an inline script the theme and the guide's templates do not write"),
    ("script in svg", "article", "<svg><script>alert(1)</script></svg>", "do not write"),
    ("module script", "head", '<script type="module">import("/x.js")</script>', "do not write"),
    ("import map", "head", '<script type="importmap">{"imports": {}}</script>', "a script of type 'importmap'"),
    ("speculation rules", "head", '<script type="speculationrules">{}</script>', "a script of type 'speculationrules'"),
    ("data block not JSON", "head", '<script type="application/ld+json">{"a": </script>', "not JSON"),
    ("script from elsewhere", "body", '<script src="https://cdn.example/x.js"></script>', "not the guide's own"),
    ("script not .js", "body", '<script src="../assets/images/x.png"></script>', "scripts come from"),
    ("meta refresh", "head", '<meta http-equiv="refresh" content="0;url=https://x.example">', "<meta http-equiv>"),
    ("meta refresh in noscript", "head", '<noscript><meta http-equiv="refresh" content="0"></noscript>', "http-equiv"),
    ("base", "head", '<base href="https://x.example/">', "<base> is not allowed"),
    ("iframe", "body", '<iframe src="https://x.example"></iframe>', "<iframe> is not allowed"),
    ("object", "body", '<object data="x.swf"></object>', "<object> is not allowed"),
    ("embed", "body", '<embed src="x.swf">', "<embed> is not allowed"),
    ("style element", "head", "<style>body{background:url(https://x.example/t.png)}</style>", "<style> is not allowed"),
    ("style attribute", "body", '<p style="color:red">x</p>', "<p style>"),
    ("event handler", "body", '<img src="../a.png" onerror="alert(1)">', "an event handler (onerror)"),
    ("event handler in svg", "body", '<svg onload="alert(1)"></svg>', "an event handler (onload)"),
    ("javascript link", "body", '<a href="javascript:alert(1)">x</a>', "a link to 'javascript:alert(1)'"),
    ("javascript link, hidden", "body", '<a href=" jav&#x09;ascript:alert(1)">x</a>', "a link to"),
    ("data link", "body", '<a href="data:text/html,x">x</a>', "a link to 'data:"),
    ("svg link", "body", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "a link to"),
    ("image from elsewhere", "body", '<img src="https://x.example/t.png">', "not the guide's own"),
    ("srcset from elsewhere", "body", '<img src="a.png" srcset="a.png 1x, //x.example/b.png 2x">', "not the guide's own"),
    ("stylesheet from elsewhere", "head", '<link rel="stylesheet" href="https://fonts.example/c.css">', "not the guide's own"),
    ("preconnect", "head", '<link rel="preconnect" href="https://x.example">', "not the guide's own"),
    ("form action", "body", '<form action="https://x.example"><input name="q"></form>', "<form action>"),
    ("formaction", "body", '<button formaction="https://x.example">x</button>', "<button formaction>"),
    ("ping", "body", '<a href="https://ok.example" ping="https://x.example">x</a>', "<a ping>"),
    ("referrer policy", "head", '<meta name="referrer" content="unsafe-url">', "a referrer policy"),
    ("animation rewriting a link", "body", '<svg><a href="#"><set attributeName="href" to="javascript:1"/></a></svg>', "<set>"),
    ("foreignObject", "body", "<svg><foreignObject><p>x</p></foreignObject></svg>", "<foreignobject>"),
    ("template", "body", "<template><img src=x onerror=alert(1)></template>", "<template>"),
    ("noscript break-out", "body", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "holds '</'"),
    ("comment closed early", "article", '<!--><img src=x onerror=alert(1)>-->', "an HTML comment"),
    ("markup in a tooltip", "article", '<abbr title="&#60;img src=x onerror=alert(1)&#62;">PRP</abbr>', "holds '<'"),
    # held out by an attacker's review
    ("noscript read as text by browsers", "body", '<noscript><textarea></noscript><meta http-equiv="refresh" content="0"></textarea></noscript>', "<noscript>"),
    ("content ended early", "article", '<p>x</p></article><p class="md-header">y</p><article>', "ends early"),
    ("an id the theme uses", "article", '<p id="__config">{"base": "https://x.example/"}</p>', "id '__config'"),
    ("a backslash address", "body", '<img src="/\\x.example/t.png">', "not the guide's own"),
    ("a tab in an address", "body", '<img src="/\t/x.example/t.png">', "not the guide's own"),
    ("imagesrcset", "head", '<link rel="preload" as="image" imagesrcset="https://x.example/a.png 1x">', "not the guide's own"),
    ("a script from another folder", "body", '<script src="../assets/data/x.js"></script>', "scripts come from"),
    ("a script from elsewhere, by backslashes", "body", '<script src="\\\\x.example/a.js"></script>', "scripts come from"),
    ("image in content", "article", '<img src="https://x.example/t.png">', "not the guide's own"),
    # held out by a second attacker's review
    ("content ended two levels early", "article", '<p>x</p></article></div><form><input></form><div><article>', "more than one <article>"),
    ("an svg script by href", "body", '<svg><script href="../admin/sveltia-cms.js"></script></svg>', "scripts load only with src"),
    ("an svg script by xlink:href", "body", '<svg><script xlink:href="../assets/css/x.css"></script></svg>', "scripts load only with src"),
    ("a second #__config before the theme's", "head", '<script id="__config" type="application/json">{}</script>', "more than one #__config"),
]
# fmt: on


@pytest.mark.parametrize(("what", "where", "markup", "words"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_each_hostile_piece_of_a_page_is_refused_by_name(tmp_path, what, where, markup, words):
    html = page(**{where: markup})
    problems = refusals(make_site(tmp_path, {"faq/index.html": html}))
    assert problems and all(p.startswith("faq/index.html: ") for p in problems), problems
    assert any(words in p for p in problems), problems
    assert "Content-Security-Policy" not in (tmp_path / "site" / "faq" / "index.html").read_text(), "nothing written"


def test_a_hand_written_page_may_hold_no_form_but_a_generated_one_may(tmp_path):
    form = '<form novalidate><label for="d">Date</label><input id="d" name="d"><button type="submit">Go</button></form>'
    site = make_site(tmp_path, {"calculator/index.html": page(article=form), "about/index.html": page(article=form)},
                     docs={"about/index.html": "docs/about.md"})  # fmt: skip
    problems = refusals(site)
    assert problems and all(p.startswith("about/index.html: ") and "[from docs/about.md]" in p for p in problems)
    assert any("<form> is not allowed in a hand-written page" in p for p in problems), problems


def test_a_clean_site_gets_its_policies_and_headers(tmp_path):
    site = make_site(
        tmp_path, {"about/index.html": page(), "admin/index.html": page(article=""), "assets/images/a.png": PNG}
    )
    assert check_site(site) == 3
    html = (tmp_path / "site" / "faq" / "index.html").read_text()
    assert html.index('<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"') > 0
    headers = (tmp_path / "site" / HEADERS).read_text()
    assert headers.splitlines()[1] == "/*" and "  Content-Security-Policy: default-src 'self'; script-src" in headers
    assert check_site(site) == 3, "a site checked twice has its policy once"
    assert (tmp_path / "site" / "faq" / "index.html").read_text() == html


def test_serving_checks_but_writes_nothing(tmp_path):
    site = make_site(tmp_path, {})
    assert check_site(site, add_policy=False) == 1
    assert "Content-Security-Policy" not in (tmp_path / "site" / "faq" / "index.html").read_text()
    assert not (tmp_path / "site" / HEADERS).exists()


def test_links_may_go_anywhere_a_reader_chooses_and_pages_load_only_their_own(tmp_path):
    article = (
        '<p><a href="https://www.nhs.uk/">NHS</a> <a href="mailto:a@b.example">mail</a> <a href="tel:+441234">call</a>'
        ' <a href="../aftercare/#day-1">day 1</a> <a href="https://guide.example/es/faq/">es</a></p>'
    )
    head = (
        '<link rel="canonical" href="https://guide.example/faq/"><script type="application/ld+json">{"a": 1}</script>'
    )
    assert check_site(make_site(tmp_path, {"faq/index.html": page(head=head, article=article)})) == 1


# (what, a path in the site, what it holds, the words the refusal must hold)
# fmt: off
FILES = [
    ("an SVG", "assets/images/logo.svg", '<svg onload="alert(1)"/>', "an SVG file can hold scripts"),
    ("an .htm page", "old.htm", "<script>alert(1)</script>", "the guide ships no '.htm' files"),
    ("a script among images", "assets/images/x.js", "alert(1)", "allowed: assets/js/*.js"),
    ("a page that is not an image", "assets/images/x.png", "<html><script>alert(1)</script>", "not a PNG image"),
    ("an HTML page without the theme", "promo/index.html", "<!doctype html><meta charset=utf-8><p>Buy", "no <article>"),
    ("a style that imports", "assets/css/x.css", "@import url('https://x.example/a.css');", "loads 'https://x.example/a.css'"),
    ("a style with a tracking image", "assets/css/x.css", "p{background:url(//x.example/t.png)}", "from elsewhere"),
    ("a sitemap with a stylesheet", "sitemap.xml", '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><urlset/>', "a sitemap"),
    ("a sitemap with a script", "sitemap.xml", '<urlset><x:script xmlns:x="http://www.w3.org/1999/xhtml"/></urlset>', "a sitemap"),
    ("an XML file", "feed.xml", "<rss/>", "the guide ships no file like this here"),
    ("a file without a type", "assets/js/run", "alert(1)", "extensionless"),
    ("a style with escapes", "assets/css/x.css", "p{background:u\\72l(//x.example/t.png)}", "from elsewhere"),
    ("an image-set", "assets/css/x.css", 'p{background:image-set("a.png" 1x, "//x.example/b.png" 2x)}', "from elsewhere"),
    ("an escaped @import", "assets/css/x.css", '@\\69mport "https://x.example/a.css";', "from elsewhere"),
    ("a style not in UTF-8", "assets/css/x.css", b"p{content:'\xff'}", "not UTF-8"),
    ("a second web editor", "es/admin/steal.js", "alert(1)", "the guide ships no file like this here"),
    ("a name that writes _headers", "embed/z\n/*\n  Refresh: 0/index.html", "x", "characters the guide's addresses do not use"),
]
# fmt: on


@pytest.mark.parametrize(("what", "path", "text", "words"), FILES, ids=[row[0] for row in FILES])
def test_each_file_the_guide_does_not_ship_is_refused(tmp_path, what, path, text, words):
    problems = refusals(make_site(tmp_path, {path: text}))
    assert len(problems) == 1 and problems[0].startswith((f"{path}: ", f"{path!r}: ")) and words in problems[0], (
        problems
    )


def test_a_link_to_another_file_is_refused(tmp_path):
    site = make_site(tmp_path, {})
    (site.folder / "assets" / "leak.json").symlink_to("/etc/hostname")
    assert refusals(site) == [
        "assets/leak.json: a link to another file, which a builder would publish from wherever it points"
    ]


def test_a_page_the_navigation_lists_must_be_built(tmp_path):
    site = make_site(tmp_path, {})
    site = Site(site.folder, (Edition("", {}, frozenset({"faq/index.html", "aftercare/index.html"})),))
    assert refusals(site) == ["aftercare/index.html: the navigation lists this page, but it was not built"]


def test_an_html_file_from_docs_is_refused_unless_it_is_the_web_editors(tmp_path):
    docs = {"admin/index.html": "docs/admin/index.html", "promo/index.html": "docs/promo/index.html"}
    raw = '<!doctype html><meta charset="utf-8"><title>x</title><p>x</p>'
    problems = refusals(make_site(tmp_path, {"admin/index.html": raw, "promo/index.html": raw}, docs=docs))
    assert problems == [
        "promo/index.html: an HTML file from docs/ is published as it is: write the page in Markdown"
        " [from docs/promo/index.html]"
    ]
