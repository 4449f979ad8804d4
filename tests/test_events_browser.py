"""In a browser with a fake clock: events that ended move to the archive; filters work.

The test site is built on 1 January 2026 (SOURCE_DATE_EPOCH); Playwright's clock makes
the reader's "now" a later day, as when a static page is read long after its build.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from browserkit import chromium, listed_ids, open_page, serve
from sitebuild import Built

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_and_base(listings: Built) -> Iterator[tuple[object, str]]:
    # the listing fixtures (tests/fixtures/listings): the real data has no upcoming event
    with serve(listings.site) as base, chromium() as browser:
        yield browser, base


def _visible_ids(page: object) -> list[str]:
    return page.eval_on_selector_all(
        "li[data-ici-item]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.iciId)",
    )


def test_event_that_ended_before_now_moves_to_the_archive(
    browser_and_base: tuple[object, str],
) -> None:
    # at the build the May 2026 informative day was upcoming; on 1 June 2026 it is over
    page, visit = open_page(browser_and_base, "en/events/", datetime(2026, 6, 1, 12, tzinfo=UTC))
    upcoming, archive = (
        listed_ids(page, "[data-ici-upcoming]"),
        listed_ids(page, "[data-ici-archive]"),
    )
    assert "info-day-riga-2026" in archive
    assert archive[0] == "info-day-riga-2026"  # the latest that ended comes first
    assert "info-day-riga-2026" not in upcoming
    assert upcoming[0] == "cultural-evenings-riga"  # its next evening is 18 June 2026
    assert upcoming[1] == "webinar-working-with-interpreters"
    assert "info-day-liepaja-2027" in upcoming
    # the three evenings listed at the build (January to March) have all passed
    dates = page.eval_on_selector_all(
        '[data-ici-id="cultural-evenings-riga"] .ici-next-dates li',
        "els => els.filter(e => !e.hidden).map(e => e.textContent.trim())",
    )
    assert dates == []
    assert page.is_hidden('[data-ici-id="cultural-evenings-riga"] [data-ici-next]')
    assert page.is_visible("[data-ici-archive-section]")
    # the theme's language switcher asks for sitemap.xml files that do not exist (404)
    assert [e for e in visit.errors if "404" not in e] == []
    page.close()


def test_without_a_later_clock_the_build_split_stays(browser_and_base: tuple[object, str]) -> None:
    page, _ = open_page(browser_and_base, "en/events/", datetime(2026, 1, 2, tzinfo=UTC))
    assert "info-day-riga-2026" in listed_ids(page, "[data-ici-upcoming]")
    dates = page.eval_on_selector_all(
        '[data-ici-id="cultural-evenings-riga"] .ici-next-dates li',
        "els => els.filter(e => !e.hidden).length",
    )
    assert dates == 3
    page.close()


def test_everything_over_leaves_the_upcoming_list_empty(
    browser_and_base: tuple[object, str],
) -> None:
    page, _ = open_page(browser_and_base, "events/", datetime(2030, 1, 1, tzinfo=UTC))
    assert listed_ids(page, "[data-ici-upcoming]") == []
    assert page.is_visible("[data-ici-empty]")
    assert page.inner_text("[data-ici-empty] p") == "Pašlaik nav izsludinātu pasākumu."
    # and what to do instead: the calendar feed and the past events (test_ended.py)
    assert page.is_visible("[data-ici-empty] [data-ici-help=feed]")
    assert page.is_visible("[data-ici-empty] [data-ici-help=archive]")
    page.close()


def test_event_page_says_it_has_taken_place(browser_and_base: tuple[object, str]) -> None:
    path = "ru/events/info-day-riga-2026/"
    page, _ = open_page(browser_and_base, path, datetime(2026, 1, 2, tzinfo=UTC))
    assert page.is_hidden("[data-ici-ended]")
    page.close()
    page, _ = open_page(browser_and_base, path, datetime(2026, 5, 14, 13, 1, tzinfo=UTC))
    assert page.inner_text("[data-ici-ended]") == "Это мероприятие уже прошло."
    page.close()


def test_filters_narrow_the_event_list(browser_and_base: tuple[object, str]) -> None:
    page, _ = open_page(browser_and_base, "en/events/", datetime(2026, 1, 2, tzinfo=UTC))
    # the filters fold behind one button, which says how many are on
    toggle = page.locator("[data-ici-filter-toggle]")
    assert not page.is_visible("form[data-ici-filters]")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.is_visible("form[data-ici-filters]")
    everything = _visible_ids(page)
    page.select_option('select[name="region"]', "online")
    online = _visible_ids(page)
    assert online and set(online) < set(everything)
    assert all(
        page.get_attribute(f'[data-ici-id="{rid}"]', "data-region") == "online" for rid in online
    )
    page.select_option('select[name="kind"]', "conference")
    assert toggle.text_content() == "Filter (2 on)"
    assert _visible_ids(page) == []
    assert page.is_visible("[data-ici-no-match]")
    page.click('button[type="reset"]')
    page.wait_for_function("() => document.querySelector('[data-ici-no-match]').hidden")
    assert _visible_ids(page) == everything
    page.select_option('select[name="language"]', "ru")
    page.check('input[name="free"]')
    for rid in _visible_ids(page):
        langs = page.get_attribute(f'[data-ici-id="{rid}"]', "data-language").split()
        assert "ru" in langs
    assert len(_visible_ids(page)) < len(everything)
    page.close()


def test_filters_narrow_the_course_list(browser_and_base: tuple[object, str]) -> None:
    page, _ = open_page(browser_and_base, "ru/courses/", None)
    page.click("[data-ici-filter-toggle]")
    page.select_option('select[name="kind"]', "integration")
    kinds = page.eval_on_selector_all(
        "li[data-ici-item]", "els => els.filter(e => !e.hidden).map(e => e.dataset.kind)"
    )
    assert kinds and set(kinds) == {"integration"}
    # a region no integration course is in leaves nothing, and the form says so
    empty = page.evaluate(
        """() => {
          const used = new Set([...document.querySelectorAll('li[data-ici-item]:not([hidden])')]
            .map(e => e.dataset.region));
          const all = [...document.querySelectorAll('select[name=region] option')]
            .map(o => o.value).filter(v => v);
          return all.filter(v => !used.has(v))[0] || null;
        }"""
    )
    assert empty is not None
    page.select_option('select[name="region"]', empty)
    assert page.is_visible("[data-ici-no-match]")
    page.close()
