"""The Ukrainian search in a real browser: a page is found by its Ukrainian and its
Latvian name, in the Ukrainian index only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browserkit import chromium, serve
from sitebuild import Built
from test_search_browser import TOP5

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_and_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Ukrainian words of the page
        ("юридичні консультації", "register/ici-legal-consultation/"),
        ("перекладач", "register/ici-interpreter/"),
        ("телефон довіри", "register/trafficking-trust-line/"),
        ("контактний пункт у Лієпаї", "contacts/kurzeme/"),
        # the Latvian names: a record's "Латиською" line and the guide's official terms
        ("Juridiskās konsultācijas", "register/ici-legal-consultation/"),
        ("Pilsonības un migrācijas lietu pārvalde", "guide/residence/"),
        ("bāriņtiesa", "guide/family/"),
    ],
)
def test_ukrainian_search_finds_ukrainian_and_latvian_names(
    browser_and_base: tuple[object, str], query: str, expected: str
) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "uk/")
    got = page.evaluate(TOP5, query)
    assert f"/uk/{expected}" in got["top"], got
    assert all(url.startswith("/uk/") for url in got["top"])
    page.close()
