"""In a real browser, on every page kind in every language: the language switch keeps the
reader on the same page, no request leaves the test server (workers included), no console
error, no cookie; the CSP refuses injected script.

One tour visits every page of ``page_kinds`` once, with one browser and one context, and
records what happened; the tests below each judge one aspect of that record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from browserkit import (
    LANGS,
    Visit,
    chromium,
    lang_prefix,
    page_kinds,
    serve,
    split_lang,
    watch_context,
)
from sitebuild import Built

pytestmark = pytest.mark.browser

# typed into the header search on each language's home page, so that Pagefind's script,
# worker, WebAssembly and index files are fetched during the tour too
SEARCH_QUERY = "PMLP"
CANARY = "tour-canary: the recorder sees console errors"


@dataclass
class Switch:
    """One click on a language in the switcher: where it should lead and where it led."""

    start: str
    target_lang: str
    expected: str
    landed: str = ""
    html_lang: str = ""
    link_attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Tour:
    """What the tour saw: the pages, every request and error, the switches, the cookies."""

    base: str
    pages: list[str]
    visit: Visit = field(default_factory=Visit)
    switches: list[Switch] = field(default_factory=list)
    search_requests: dict[str, list[str]] = field(default_factory=dict)
    cookies: list[dict] = field(default_factory=list)
    document_cookies: dict[str, str] = field(default_factory=dict)


def _expected_url(base: str, path: str | None, lang: str) -> str:
    # the 404 page is not a page in a language: its switcher leads to each language's home
    return base + lang_prefix(lang) + (path or "")


def _switch(page: object, tour: Tour, path: str | None, target: str) -> None:
    start = page.url
    link = page.locator(f'a.ici-langs__link[hreflang="{target}"]')
    switch = Switch(start, target, _expected_url(tour.base, path, target))
    switch.link_attrs = {
        "lang": link.get_attribute("lang") or "",
        "hreflang": link.get_attribute("hreflang") or "",
    }
    with page.expect_navigation(wait_until="load"):
        if not tour.switches:
            # the first switch with the mouse (the names are always on screen)
            link.click()
        else:
            # the rest from the keyboard
            link.focus()
            page.keyboard.press("Enter")
    switch.landed = page.url
    switch.html_lang = page.evaluate("() => document.documentElement.lang")
    cookie = page.evaluate("() => document.cookie")
    if cookie:
        tour.document_cookies[page.url] = cookie
    tour.switches.append(switch)


def _search(page: object, tour: Tour, lang: str) -> None:
    before = len(tour.visit.requests)
    page.fill("#ici-search-input", SEARCH_QUERY)
    page.wait_for_selector("[data-ici-search-results] li", timeout=15_000)
    tour.search_requests[lang] = tour.visit.requests[before:]


def _take_tour(browser: object, base: str, pages: list[str]) -> Tour:
    tour = Tour(base, pages)
    context = browser.new_context()
    watch_context(context, tour.visit)
    page = context.new_page()
    by_path: dict[str | None, list[str]] = {}
    for rel in pages:
        lang, path = split_lang(rel)
        key = None if path == "404.html" else path
        by_path.setdefault(key, []).append(lang)
    for path, langs in by_path.items():
        if path is None:
            # the 404 page: one click to each other language's home
            for target in LANGS[1:]:
                page.goto(base + "404.html", wait_until="load")
                _switch(page, tour, None, target)
            continue
        # start in the first language that has this kind, then walk round the others
        # and back, so each language's page is visited and each is switched to
        first = langs[0]
        page.goto(base + lang_prefix(first) + path, wait_until="load")
        order = [*LANGS[LANGS.index(first) + 1 :], *LANGS[: LANGS.index(first) + 1]]
        for target in order:
            _switch(page, tour, path, target)
    for lang in LANGS:
        page.goto(base + lang_prefix(lang), wait_until="load")
        _search(page, tour, lang)
    page.wait_for_load_state("networkidle")
    # proof that console errors are recorded at all: one the tests below must see
    page.evaluate("text => console.error(text)", CANARY)
    tour.cookies = context.cookies()
    context.close()
    return tour


@pytest.fixture(scope="module")
def served(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.fixture(scope="module")
def tour(site: Built, served: tuple[object, str]) -> Tour:
    browser, base = served
    return _take_tour(browser, base, page_kinds(site))


def test_the_tour_covers_every_page_kind_in_every_language(tour: Tour) -> None:
    kinds: dict[str, set[str]] = {}
    for rel in tour.pages:
        lang, path = split_lang(rel)
        parts = path.rstrip("/").split("/") if path else []
        kind = "/".join(parts[:1] + ["*"] * (len(parts) > 1)) if path != "404.html" else path
        kinds.setdefault(kind, set()).add(lang)
    expected = {
        "",
        "guide",
        "guide/*",
        "register",
        "register/*",
        "events",
        "events/*",
        "courses",
        "courses/*",
        "contacts",
        "contacts/*",
        "news",
        "news/*",
        "about",
        "handout",
        "status",
    }
    assert expected <= set(kinds)
    assert all(kinds[k] == set(LANGS) for k in expected), kinds
    assert kinds["404.html"] == {"lv"}
    visited = {s.landed for s in tour.switches}
    for rel in tour.pages:
        lang, path = split_lang(rel)
        if path != "404.html":
            assert tour.base + lang_prefix(lang) + path in visited


def test_language_switch_keeps_the_reader_on_the_same_page(tour: Tour) -> None:
    wrong = [
        (s.start, s.target_lang, s.landed, s.html_lang)
        for s in tour.switches
        if s.landed != s.expected or s.html_lang != s.target_lang
    ]
    assert wrong == []
    paths = {split_lang(rel)[1] for rel in tour.pages} - {"404.html"}
    assert len(tour.switches) == len(LANGS) * len(paths) + len(LANGS) - 1


def test_switcher_names_each_language_in_its_own_language(tour: Tour) -> None:
    wrong = [
        (s.start, s.target_lang, s.link_attrs)
        for s in tour.switches
        if s.link_attrs != {"lang": s.target_lang, "hreflang": s.target_lang}
    ]
    assert wrong == []


def test_every_request_stays_on_the_test_server(tour: Tour) -> None:
    foreign = sorted({url for url in tour.visit.requests if not url.startswith(tour.base)})
    assert foreign == []
    assert len(tour.visit.requests) > 10 * len(tour.pages)


def test_search_fetches_its_wasm_and_index_from_the_test_server(tour: Tour) -> None:
    for lang, requests in tour.search_requests.items():
        paths = [url.removeprefix(tour.base) for url in requests]
        assert any(p.startswith("pagefind/wasm.") for p in paths), (lang, paths)
        # Pagefind runs on the page's thread (search-engine.js): no worker script
        assert "pagefind/pagefind-worker.js" not in paths, lang
        assert any(p.startswith(f"pagefind/index/{lang}_") for p in paths), (lang, paths)
        assert all(url.startswith(tour.base) for url in requests)


def test_no_console_errors(tour: Tour) -> None:
    errors = list(zip(tour.visit.errors, tour.visit.error_urls, strict=True))
    assert errors[-1][0] == CANARY
    assert errors[:-1] == []


def test_no_request_gets_a_4xx_or_5xx(tour: Tour) -> None:
    # Material's "stay on page" probes for sitemap.xml next to each alternate are left
    # out of the site script (ici.assets): no page asks for a file that is not there
    assert sorted(set(tour.visit.failed)) == []
    assert not [u for u in tour.visit.requests if u.endswith("/sitemap.xml")]


def test_no_cookies(tour: Tour) -> None:
    assert tour.cookies == []
    assert tour.document_cookies == {}


def test_csp_blocks_an_injected_inline_script(served: tuple[object, str]) -> None:
    browser, base = served
    page = browser.new_page()
    page.goto(base + "contacts/riga/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__xss = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.__xss") is None
    page.close()
