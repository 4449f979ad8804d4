"""In a real browser: no third-party request, no console error, CSP holds, lang is right."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browserkit import Visit, chromium, serve, watch
from sitebuild import Built

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "contacts/",
    "contacts/riga/",
    "ru/",
    "ru/contacts/",
    "ru/contacts/riga/",
    "en/",
    "en/contacts/",
    "en/contacts/riga/",
    "en/no-such-page/",
]


@pytest.fixture(scope="module")
def browser_and_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_on_our_server_without_errors(
    browser_and_base: tuple[object, str], path: str
) -> None:
    browser, base = browser_and_base
    context = browser.new_context()
    page = context.new_page()
    visit = Visit()
    watch(page, visit)
    page.goto(base + path, wait_until="networkidle")
    foreign = [url for url in visit.requests if not url.startswith(base)]
    assert foreign == []
    errors = [e for e in visit.errors if "404" not in e and "sitemap.xml" not in e]
    assert errors == []
    assert context.cookies() == []
    context.close()


def test_csp_blocks_an_injected_inline_script(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "contacts/riga/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__xss = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.__xss") is None
    page.close()
