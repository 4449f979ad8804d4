"""Ended services and past courses in headless Chromium (the fixture site of test_ended.py).

The register hides ended services until "ended" is ticked, and the status filter lives in
the URL like the others (``?status=ended``). The course listing redoes the build's
upcoming/past split with the reader's clock (Playwright's fake clock), as for events.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from browserkit import Visit, chromium, open_register_filters, serve, watch
from sitebuild import Built
from test_ended import CURRENT, ENDED, TOPIC, ended_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_and_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    built: Built = ended_site(tmp_path_factory)
    with serve(built.site) as base, chromium() as browser:
        yield browser, base


@pytest.fixture
def open_page(browser_and_base: tuple[object, str]) -> Iterator[object]:
    browser, base = browser_and_base
    pages: list[tuple[object, Visit]] = []

    def _open(path: str, now: datetime | None = None) -> object:
        page = browser.new_page()
        visit = Visit()
        watch(page, visit)
        if now is not None:
            page.clock.set_fixed_time(now)  # before the page's script reads Date.now()
        page.goto(base + path, wait_until="load")
        pages.append((page, visit))
        return page

    yield _open
    for page, visit in pages:
        page.close()
        # the theme's language switcher asks for sitemap.xml files that do not exist (404)
        assert [e for e in visit.errors if "404" not in e] == []


def _visible_services(page: object) -> list[str]:
    return page.eval_on_selector_all(
        "li[data-ici-service]",
        "items => items.filter(i => i.offsetParent !== null).map(i => i.dataset.iciService)",
    )


def test_default_view_hides_ended_services_and_counts_only_current_ones(open_page) -> None:
    page = open_page("en/register/")
    assert sorted(_visible_services(page)) == sorted(CURRENT)
    assert page.is_hidden("[data-ici-group=ended]")
    status = page.locator("[data-ici-status]")
    assert status.text_content() == f"Services shown: {len(CURRENT)} of {len(CURRENT)}"
    assert page.locator("input[name=status] ~ [data-ici-count]").text_content() == (
        f"({len(ENDED)})"
    )
    # the topic whose services all ended keeps its heading and its help
    assert page.is_visible(f"[data-ici-group={TOPIC}] [data-ici-listing-help]")


def test_status_ended_in_the_url_shows_the_ended_services(open_page) -> None:
    page = open_page("en/register/?status=ended")
    assert page.is_checked("input[name=status][value=ended]")
    assert sorted(_visible_services(page)) == sorted(ENDED)
    assert page.is_visible("[data-ici-group=ended]")
    assert page.is_hidden(f"[data-ici-group={TOPIC}]")
    status = page.locator("[data-ici-status]")
    assert status.text_content() == f"Services shown: {len(ENDED)} of {len(ENDED)}"
    # unticking goes back to the current services, and the URL says so
    open_register_filters(page)
    page.uncheck("input[name=status][value=ended]")
    assert sorted(_visible_services(page)) == sorted(CURRENT)
    assert page.url.endswith("/en/register/")
    page.check("input[name=status][value=ended]")
    assert page.url.endswith("/en/register/?status=ended")


def test_help_link_of_an_empty_topic_opens_the_ended_services(open_page) -> None:
    page = open_page("ru/register/")
    page.click(f"[data-ici-group={TOPIC}] [data-ici-help=archive]")
    page.wait_for_url("**/ru/register/?status=ended#ended")
    assert page.is_checked("input[name=status][value=ended]")
    assert sorted(_visible_services(page)) == sorted(ENDED)


def _ids(page: object, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        f"{selector} > li[data-ici-item]", "els => els.map(e => e.dataset.iciId)"
    )


def test_course_that_ended_by_the_readers_clock_moves_to_the_archive(open_page) -> None:
    # built on 1 January 2026, when the March 2026 course was coming; read on 15 April
    page = open_page("en/courses/", datetime(2026, 4, 15, 12, tzinfo=UTC))
    upcoming, archive = _ids(page, "[data-ici-upcoming]"), _ids(page, "[data-ici-archive]")
    assert "fixture-coming" in archive and "fixture-coming" not in upcoming
    assert "fixture-stopped" in archive
    # the latest that ended comes first: the March course before the one stopped in 2025
    assert archive.index("fixture-coming") < archive.index("fixture-stopped")
    assert page.is_visible(".ici-upcoming [data-ici-listing-help]") == (upcoming == [])
    course = open_page("en/courses/fixture-coming/", datetime(2026, 4, 15, 12, tzinfo=UTC))
    assert course.is_visible(".ici-ended")


def test_course_listing_keeps_the_build_split_before_the_course_ends(open_page) -> None:
    page = open_page("en/courses/", datetime(2026, 1, 2, tzinfo=UTC))
    assert "fixture-coming" in _ids(page, "[data-ici-upcoming]")
    assert page.is_hidden(".ici-upcoming [data-ici-listing-help]")
    course = open_page("en/courses/fixture-coming/", datetime(2026, 1, 2, tzinfo=UTC))
    assert course.is_hidden(".ici-ended")
