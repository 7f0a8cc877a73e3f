"""Readers' words find the answer: each query, typed into Material's own search box in Chromium,
puts the page that answers it among the first three results.

The queries are the words readers use (the fact sheet's section 23, "Readers' vocabulary", and the
issue "Words patients can trust and find"): everyday words, spellings without a space or hyphen,
brand names, a common misspelling, and questions made only of short words ("how often").
README.md, "Search", has how many of them the search found before the guide fed it these words.
"""

from __future__ import annotations

import time

import pytest

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

PLACEHOLDER = "Type to start searching"  # Material's text in the result list while the box is empty


def top_pages(page, query: str, count: int = 3) -> list[str]:
    """Type a query into Material's search box and return the slugs of the first `count` result pages."""
    box = page.get_by_role("dialog", name="Search").get_by_role("textbox")
    box.fill("")
    box.press("End")  # Material reads the box on key-up
    wait_until(page, lambda meta, _: meta == PLACEHOLDER)
    box.fill(query)
    box.press("End")
    wait_until(page, lambda meta, _: meta not in ("", PLACEHOLDER, "Initializing search"))
    # The worker answers each key-up: wait until the list has not changed for three looks in a row.
    found = wait_until(page, steady(3))
    return [path.strip("/").split("/")[-1] or "index" for path in found[:count]]


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


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/", wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut opens search
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
