"""Readers' words find the answer: each query, typed into Material's own search box in Chromium,
puts the page that answers it among the first three results.

The queries are the words readers use (the fact sheet's section 23, "Readers' vocabulary", and the
issue "Words patients can trust and find"): everyday words, spellings without a space or hyphen,
brand names, a common misspelling, and questions made only of short words ("how often").
README.md, "Search", has how many of them the search found before the guide fed it these words.

The Spanish edition (/es/) has its own index and its own table, QUERIES_ES: the words of the fact
sheet's section 24, "Spanish terms", and the everyday words Spanish-speaking readers type, some
without their accents, in Spain and in Latin America. Each is typed on a Spanish page, and every
result must be a Spanish page.
"""

from __future__ import annotations

import time

import pytest

from browser.conftest import open_settled

# (what a reader types, the pages that answer it: one of them must be in the top three)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # the procedure and its other names
    ("microneedle", ("what-is-microneedling",)),
    ("micro needling", ("what-is-microneedling",)),
    ("microneedeling", ("what-is-microneedling",)),  # misspelling seen in public pages
    ("skin needling", ("what-is-microneedling",)),
    ("collagen induction therapy", ("what-is-microneedling",)),
    # devices and brands
    ("dermaroller", ("what-is-microneedling",)),
    ("derma roller", ("what-is-microneedling",)),
    ("derma pen", ("what-is-microneedling",)),
    ("dermapen", ("what-is-microneedling",)),
    ("at home", ("faq", "what-is-microneedling")),
    ("home use", ("faq", "what-is-microneedling")),
    ("vampire facial", ("combining",)),
    # who should not have it
    ("pregnant", ("risks",)),
    ("breastfeeding", ("risks",)),
    ("Roaccutane", ("risks",)),
    ("Accutane", ("risks",)),
    ("isotretinoin", ("risks",)),
    ("cold sores", ("risks",)),
    # side effects
    ("side effects", ("risks",)),
    ("infection", ("risks",)),
    ("redness", ("aftercare", "risks", "what-to-expect")),
    ("how long does redness last", ("aftercare", "risks", "what-to-expect")),
    # the session
    ("does it hurt", ("what-to-expect", "faq")),
    ("numbing cream", ("what-to-expect", "procedure")),
    ("downtime", ("what-to-expect", "aftercare")),
    # how often
    ("how often", ("frequency",)),
    ("how many sessions", ("frequency",)),
    ("next appointment", ("frequency", "calculator")),
    # aftercare
    ("makeup", ("aftercare", "what-to-expect")),
    ("make up", ("aftercare", "what-to-expect")),
    ("sun after", ("aftercare",)),
    ("retinol", ("aftercare", "procedure")),
    # what it may help
    ("enlarged pores", ("benefits",)),
    ("acne scars", ("benefits",)),
    ("stretch marks", ("benefits",)),
    ("hair loss", ("benefits",)),
    ("melasma", ("benefits",)),
    ("dark patches", ("benefits", "risks")),
    # choosing and paying
    ("cost", ("choosing-a-practitioner",)),
    ("price", ("choosing-a-practitioner",)),
]

# (what a Spanish-speaking reader types, the Spanish pages that answer it), typed on /es/ pages
QUERIES_ES: list[tuple[str, tuple[str, ...]]] = [
    # the procedure and its other names
    ("microagujas", ("what-is-microneedling",)),
    ("micropunción", ("what-is-microneedling",)),
    ("micropuncion", ("what-is-microneedling",)),  # typed without the accent
    ("microneedling", ("what-is-microneedling",)),
    ("terapia de inducción de colágeno", ("what-is-microneedling",)),
    # devices and brands
    ("dermapen", ("what-is-microneedling",)),
    ("dermaroller", ("what-is-microneedling",)),
    ("rodillo dérmico", ("what-is-microneedling",)),
    ("Morpheus8", ("what-is-microneedling",)),
    ("en casa", ("faq", "what-is-microneedling")),
    ("facial vampiro", ("combining",)),
    ("plasma", ("combining",)),
    ("PRP", ("combining",)),
    # who should not have it
    ("embarazada", ("risks",)),
    ("lactancia", ("risks",)),
    ("isotretinoína", ("risks",)),
    ("isotretinoina", ("risks",)),
    ("herpes labial", ("risks",)),
    # side effects
    ("efectos secundarios", ("risks",)),
    ("infección", ("risks",)),
    ("enrojecimiento", ("aftercare", "risks", "what-to-expect")),
    ("cuánto dura la rojez", ("aftercare", "risks", "what-to-expect")),
    # the session
    ("duele", ("what-to-expect", "faq")),
    ("crema anestésica", ("what-to-expect", "procedure")),
    ("tiempo de recuperación", ("what-to-expect", "aftercare")),
    # how often
    ("cada cuánto", ("frequency",)),
    ("cada cuanto", ("frequency",)),
    ("cuántas sesiones", ("frequency",)),
    ("cuantas sesiones", ("frequency",)),
    ("próxima cita", ("frequency", "calculator")),
    # aftercare
    ("maquillaje", ("aftercare", "what-to-expect")),
    ("sol", ("aftercare",)),
    ("protector solar", ("aftercare",)),
    ("retinol", ("aftercare", "procedure")),
    # what it may help: plural and singular, with and without accents
    ("cicatrices de acné", ("benefits",)),
    ("cicatriz de acné", ("benefits",)),
    ("manchas", ("benefits", "risks")),
    ("mancha oscura", ("benefits", "risks")),
    ("estrías", ("benefits",)),
    ("estria", ("benefits",)),
    ("caída del pelo", ("benefits",)),
    ("alopecia", ("benefits",)),
    ("poros abiertos", ("benefits",)),
    ("arrugas", ("benefits",)),
    ("melasma", ("benefits",)),
    # choosing and paying
    ("precio", ("choosing-a-practitioner",)),
    ("cuánto cuesta", ("choosing-a-practitioner",)),
    # words of Latin American readers (issue 20): everyday and regional forms for the same questions
    ("maquillarme", ("aftercare", "what-to-expect")),
    ("granitos", ("risks", "aftercare", "benefits")),  # small spots after a session, or acne
    ("espinillas", ("benefits", "risks", "aftercare")),  # pimples, in much of Latin America
    ("barros", ("benefits", "risks")),  # pimples, in Mexico
    ("cicatrices de granos", ("benefits",)),
    ("roacutan", ("risks",)),  # the brand of isotretinoin, typed without its accent
    ("fuegos labiales", ("risks",)),  # cold sores, in Mexico
    ("dando pecho", ("risks",)),
    ("amamantando", ("risks",)),
    ("anticoagulantes", ("risks",)),
    ("botox", ("risks", "combining")),
    ("bloqueador solar", ("aftercare",)),  # sunscreen, in Mexico, Peru and elsewhere
    ("moretones", ("risks", "what-to-expect", "aftercare")),  # bruises (Spain: "moratones")
    ("comezón", ("aftercare", "risks", "what-to-expect")),  # itching
    ("paño", ("benefits",)),  # melasma, in Colombia and Mexico
    ("caída del cabello", ("benefits",)),
    ("calvicie", ("benefits",)),
    ("próximo turno", ("frequency", "calculator")),  # the next appointment, in Argentina and Uruguay
    ("cuánto sale", ("choosing-a-practitioner",)),  # how much it costs, in Argentina and Uruguay
]

# Material's words around the search box, per edition: the dialog's name, the result list's text
# while the box is empty, and while the index loads.
UI = {
    "en": ("Search", "Type to start searching", "Initializing search"),
    "es": ("Buscar", "Teclee para comenzar búsqueda", "Inicializando búsqueda"),
}


def result_paths(page, query: str) -> list[str]:
    """Type a query into Material's search box and return the path of each result page, in order."""
    dialog, placeholder, loading = UI[page.evaluate("document.documentElement.lang")]
    box = page.get_by_role("dialog", name=dialog).get_by_role("textbox")
    box.fill("")
    box.press("End")  # Material reads the box on key-up
    wait_until(page, lambda meta, _: meta == placeholder)
    box.fill(query)
    box.press("End")
    wait_until(page, lambda meta, _: meta not in ("", placeholder, loading))
    # The worker answers each key-up: wait until the list has not changed for three looks in a row.
    return wait_until(page, steady(3))


def top_pages(page, query: str, count: int = 3) -> list[str]:
    """Type a query into Material's search box and return the slugs of the first `count` result pages."""
    return [path.strip("/").split("/")[-1] or "index" for path in result_paths(page, query)[:count]]


def all_result_links(page) -> list[str]:
    """The path of every link in the result list: each page's and each of its sections'."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result a')].map(a => new URL(a.href).pathname)"
    )


def wait_until(page, ready, timeout: float = 10.0) -> list[str]:
    """Poll the result list (the page's CSP forbids Playwright's wait_for_function) until `ready`."""
    read = """() => [
        document.querySelector('.md-search-result__meta')?.textContent.trim() ?? '',
        [...document.querySelectorAll('.md-search-result__item')].map(
            item => new URL(item.querySelector('a').href).pathname)]"""
    end = time.monotonic() + timeout
    while True:
        meta, found = page.evaluate(read)
        if ready(meta, found):
            return found
        assert time.monotonic() < end, f"search results did not settle: {meta!r} {found}"
        time.sleep(0.05)


def steady(times: int):
    seen: list[list[str]] = []

    def ready(_meta: str, found: list[str]) -> bool:
        seen.append(found)
        return len(seen) >= times and all(f == found for f in seen[-times:])

    return ready


def open_search(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    open_settled(page, url)
    page.keyboard.press("/")  # Material's shortcut opens search
    return context, page


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context, page = open_search(browser, site_url + "/")
    yield page
    context.close()


@pytest.fixture(scope="module")
def search_page_es(browser, site_url):
    context, page = open_search(browser, site_url + "/es/")
    yield page
    context.close()


@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_readers_words_find_the_answering_page(search_page, query, answers):
    found = top_pages(search_page, query)
    assert set(found) & set(answers), f"{query!r}: top three are {found}, expected one of {answers}"


def test_the_table_is_big_enough_and_names_real_pages(built_site):
    assert len(QUERIES) >= 30
    for _, answers in QUERIES:
        for slug in answers:
            assert (built_site / slug / "index.html").exists(), f"{slug} is not a page of the site"


@pytest.mark.parametrize(("query", "answers"), QUERIES_ES, ids=[query for query, _ in QUERIES_ES])
def test_a_spanish_readers_words_find_the_answering_spanish_page(search_page_es, query, answers):
    found = result_paths(search_page_es, query)
    top = [path.strip("/").split("/")[-1] or "index" for path in found[:3]]
    assert set(top) & set(answers), f"{query!r}: top three are {top}, expected one of {answers}"
    links = all_result_links(search_page_es)
    assert links and all(link.startswith("/es/") for link in links), f"{query!r}: not all Spanish: {links}"


def test_each_edition_searches_its_own_pages(browser, site_url):
    """A Spanish query on a Spanish page finds Spanish pages only; an English page finds no Spanish page."""
    for path, query, edition in [
        ("/es/risks/", "embarazada", "es"),
        ("/es/risks/", "melasma", "es"),  # the same word in both editions
        ("/risks/", "melasma", "en"),
        ("/risks/", "microagujas", None),  # a Spanish word typed on an English page: no Spanish page
        ("/risks/", "embarazada", None),
    ]:
        context, page = open_search(browser, site_url + path)
        try:
            result_paths(page, query)
            links = all_result_links(page)
        finally:
            context.close()
        spanish = [link for link in links if link.startswith("/es/")]
        assert (links == spanish) if edition == "es" else not spanish, f"{query!r} on {path}: {links}"
        assert links or edition is None, f"{query!r} on {path} found nothing"


def test_the_spanish_table_is_big_enough_and_names_real_pages(built_site):
    assert len(QUERIES_ES) >= 15
    for _, answers in QUERIES_ES:
        for slug in answers:
            assert (built_site / "es" / slug / "index.html").exists(), f"es/{slug} is not a page of the site"
