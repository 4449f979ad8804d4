"""The opening-hours badge in headless Chromium, on the built site, at fixed instants."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from browserkit import chromium, serve
from sitebuild import Built

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(office_hours: Built) -> Iterator[str]:
    # no source gives the Riga office's own hours: the badge is tested on a copy with them
    with serve(office_hours.site) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def _badge(browser, url: str, instant: datetime, *, js: bool = True) -> tuple[str, bool, bool]:
    # the reader is in New York: the badge must still follow Riga time
    context = browser.new_context(timezone_id="America/New_York", java_script_enabled=js)
    try:
        page = context.new_page()
        if js:
            page.clock.set_fixed_time(instant)
        page.goto(url)
        badge = page.locator("article.ici-branch > p > .ici-badge")
        if js:
            badge.wait_for(state="visible")
        classes = badge.get_attribute("class") or ""
        return badge.inner_text(), badge.is_visible(), "ici-badge--open" in classes
    finally:
        context.close()


def test_open_on_a_weekday_morning(browser, base_url: str) -> None:
    # Thursday 19 November 2026, 10:00 in Riga
    text, visible, is_open = _badge(
        browser, base_url + "en/contacts/riga/", datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    )
    assert (text, visible, is_open) == ("Open now, closes at 17:00", True, True)


def test_closed_on_proclamation_day_in_latvian(browser, base_url: str) -> None:
    # Wednesday 18 November 2026, 12:00 in Riga
    text, _, is_open = _badge(
        browser, base_url + "contacts/riga/", datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
    )
    assert text == "Šodien ir valsts svētku diena. Slēgts, atvērs: ceturtdiena, plkst. 09:00"
    assert not is_open


def test_closed_on_saturday_in_russian(browser, base_url: str) -> None:
    # Saturday 21 November 2026, 12:00 in Riga
    text, _, _ = _badge(
        browser, base_url + "ru/contacts/riga/", datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    )
    assert text == "Закрыто, откроется: понедельник, 09:00"


def test_without_javascript_the_badge_stays_hidden(browser, base_url: str) -> None:
    text, visible, _ = _badge(
        browser, base_url + "en/contacts/riga/", datetime(2026, 11, 19, 8, 0, tzinfo=UTC), js=False
    )
    assert (text, visible) == ("", False)
