"""Only what a page says to its reader is indexed; an event's state comes from its date.

Issue 17, point 1. Pagefind indexes the text of a page's article whatever its CSS or
``hidden`` state, so every element a script shows or hides (an event's "has taken place"
notice, a listing's "nothing announced" help, the passed dates of a repeating event, the
archive heading) and every print-only list carries ``data-pagefind-ignore``. The search
results say whether an event or course is past or coming from its end date at view time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from browserkit import chromium, serve, split_lang
from langkit import ui_string
from langs import LANGS
from sitebuild import Built

DONE = (
    "q => document.querySelector('[data-ici-search-panel]')"
    ".getAttribute('data-ici-search-done') === q"
)
# The text of the indexed article that Pagefind reads: every text node inside
# [data-pagefind-body] outside [data-pagefind-ignore], with whether the reader sees it.
INDEXED_TEXT = """() => {
  const body = document.querySelector('[data-pagefind-body]');
  if (!body) return [];
  const out = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('[data-pagefind-ignore]')) continue;
    if (el.closest('script, style, template')) continue;
    out.push({text: node.textContent.trim().slice(0, 80),
              seen: el.checkVisibility({visibilityProperty: true})});
  }
  return out;
}"""


def _indexed_pages(site: Built) -> list[str]:
    return [
        path.relative_to(site.site).as_posix()
        for path in site.pages()
        if site.html(path.relative_to(site.site).as_posix()).css_first("[data-pagefind-body]")
        is not None
    ]


def _ignored(node: object) -> bool:
    while node is not None:
        if "data-pagefind-ignore" in (node.attributes or {}):
            return True
        node = node.parent
    return False


@pytest.mark.parametrize("which", ["site", "listings"])
def test_no_hidden_text_in_the_indexed_article(which: str, request: pytest.FixtureRequest) -> None:
    """A ``hidden`` element with text, or a script's toggle, is always left out of the index."""
    site: Built = request.getfixturevalue(which)
    toggled = "[hidden], [data-ici-ended], [data-ici-empty], [data-ici-next], [data-ici-points]"
    found = []
    for rel in _indexed_pages(site):
        body = site.html(rel).css_first("[data-pagefind-body]")
        for node in body.css(toggled):
            texts = [
                t.text(deep=False).strip()
                for t in [node, *node.css("*")]
                if t.text(deep=False).strip() and not _ignored(t)
            ]
            if texts:
                found.append((rel, node.tag, node.attributes.get("class"), texts[0][:60]))
    assert found == []


@pytest.fixture(scope="module")
def listing_base(listings: Built) -> Iterator[tuple[object, str]]:
    with serve(listings.site) as base, chromium() as browser:
        yield browser, base


def _at(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=UTC)


# Before all of the fixtures' events and courses (2000), on the build day (2026, every
# state) and after all of them (2040). Each page is read once, on one of the three days:
# the four language versions of an event or a course (or of a listing) take the days in
# turn, so every page is read, every event and course is read on every day, and every
# language on every day. The scripts that toggle what a reader sees are the same in
# every language and read dates, never words.
YEARS = (2000, 2026, 2040)


def _listing_pages(listings: Built) -> list[str]:
    """The indexed pages of events, courses and their listings."""
    return [
        r
        for r in _indexed_pages(listings)
        if ("/" + r).split("/")[-3 if r.count("/") > 1 else -2] in ("events", "courses")
        or r.endswith(("events/index.html", "courses/index.html"))
    ]


def _days(listings: Built) -> dict[int, list[str]]:
    """The pages read on each day (YEARS), each page on one."""
    pages = _listing_pages(listings)
    records = sorted({split_lang(rel)[1] for rel in pages})
    days: dict[int, list[str]] = {year: [] for year in YEARS}
    for rel in pages:
        lang, path = split_lang(rel)
        turn = records.index(path) + LANGS.index(lang)
        days[YEARS[turn % len(YEARS)]].append(rel)
    return days


def test_every_page_is_read_and_meets_every_date_in_some_language(listings: Built) -> None:
    days = _days(listings)
    pages = _listing_pages(listings)
    assert sorted(rel for rels in days.values() for rel in rels) == sorted(pages)
    for path in {split_lang(rel)[1] for rel in pages}:
        met = {year for year, rels in days.items() for rel in rels if split_lang(rel)[1] == path}
        assert met == set(YEARS), path
    for lang in LANGS:
        met = {year for year, rels in days.items() for rel in rels if split_lang(rel)[0] == lang}
        assert met == set(YEARS), lang


@pytest.mark.browser
@pytest.mark.parametrize("year", YEARS)
def test_every_indexed_word_is_on_screen_whatever_the_date(
    listings: Built, listing_base: tuple[object, str], year: int
) -> None:
    """Events, courses and their listings, read before, during and after the fixtures' dates:
    every indexed text is visible to the reader (no script-toggled or print-only text)."""
    browser, base = listing_base
    context = browser.new_context()
    page = context.new_page()
    page.clock.install(time=_at(year))
    rels = _days(listings)[year]
    assert len(rels) > 20
    unseen = []
    for rel in rels:
        page.goto(base + rel.removesuffix("index.html"))
        unseen += [(rel, t["text"]) for t in page.evaluate(INDEXED_TEXT) if not t["seen"]]
    context.close()
    assert unseen == []


@pytest.mark.browser
@pytest.mark.parametrize(("year", "state"), [(2026, "upcoming"), (2027, "past")])
def test_search_results_say_past_or_upcoming_by_the_readers_clock(
    listing_base: tuple[object, str], year: int, state: str
) -> None:
    """The 8 October 2026 webinar, read on 1 January 2026 and 2027: its result says
    "Upcoming", then "Past", and no excerpt says the event has taken place."""
    browser, base = listing_base
    context = browser.new_context()
    page = context.new_page()
    page.clock.install(time=_at(year))
    page.goto(base + "en/")
    query = "working with interpreters webinar"
    page.fill("#ici-search-input", query)
    page.wait_for_function(DONE, arg=query, timeout=20000)
    hit = page.locator(
        "[data-ici-search-results] li:has(a[href*='events/webinar-working-with-interpreters'])"
    )
    assert hit.locator(".ici-search__when").get_attribute("data-ici-when") == state
    assert hit.locator(".ici-search__when").inner_text() == ui_string(f"search.event_{state}", "en")
    notice = ui_string("events.ended_notice", "en")
    assert notice not in page.inner_text("[data-ici-search-panel]")
    context.close()
