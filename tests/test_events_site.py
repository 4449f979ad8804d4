"""Event and course pages, listings and calendar files in the built site (no JavaScript)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import FORGOTTEN_OPEN, listing_dataset
from ici.dataset import Dataset
from langs import PREFIX
from sitebuild import Built

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
RIGA = ZoneInfo("Europe/Riga")
# the build time of the test site: SOURCE_DATE_EPOCH in tests/sitebuild.py
BUILT_AT = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The fixture events and courses (tests/fixtures/listings) the site below is built with."""
    return listing_dataset(tmp_path_factory.mktemp("listing-data"))


@pytest.fixture(scope="module")
def site(listings: Built) -> Built:
    """The real project with the fixture events and courses: the real data has no upcoming,
    repeating, moved or cancelled event and no open course left to show."""
    return listings


def _jsonld(doc: HTMLParser, kind: str) -> dict:
    blocks = [json.loads(s.text()) for s in doc.css('script[type="application/ld+json"]')]
    found = [b for b in blocks if b.get("@type") == kind]
    assert len(found) == 1, blocks
    return found[0]


def _riga(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M").replace(tzinfo=RIGA)


@pytest.mark.parametrize("lang", LANGS)
def test_every_event_and_course_has_a_page_with_its_identifier(
    site: Built, ds: Dataset, lang: str
) -> None:
    prefix = LANGS[lang]
    for folder, collection, kind in (
        ("events", ds.events, "Event"),
        ("courses", ds.courses, "Course"),
    ):
        pages = sorted(p.parent.name for p in (site.site / prefix / folder).glob("*/index.html"))
        assert pages == sorted(collection)
        for rid in collection:
            doc = site.html(f"{prefix}{folder}/{rid}/index.html")
            assert doc.css_first("html").attributes["lang"] == lang
            assert _jsonld(doc, kind)["identifier"] == rid


def test_event_jsonld_has_status_attendance_mode_and_riga_times(site: Built, ds: Dataset) -> None:
    for rid, rec in ds.events.items():
        ld = _jsonld(site.html(f"en/events/{rid}/index.html"), "Event")
        status = {
            "scheduled": "EventScheduled",
            "cancelled": "EventCancelled",
            "moved": "EventRescheduled",
        }
        assert ld["eventStatus"] == "https://schema.org/" + status[rec["status"]]
        mode = "Online" if "online" in rec["place"] else "Offline"
        assert ld["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
        if "T" not in rec["start"]:
            # a date or month only: schema.org Date keeps the source's precision
            assert ld["startDate"] == rec["start"]
            assert "endDate" not in ld
            continue
        assert datetime.fromisoformat(ld["startDate"]) == _riga(rec["start"])
        assert (
            datetime.fromisoformat(ld["startDate"]).utcoffset() == _riga(rec["start"]).utcoffset()
        )
        assert ("eventSchedule" in ld) == ("rrule" in rec)


def test_course_jsonld_has_a_course_instance(site: Built, ds: Dataset) -> None:
    for rid, rec in ds.courses.items():
        ld = _jsonld(site.html(f"ru/courses/{rid}/index.html"), "Course")
        (instance,) = ld["hasCourseInstance"]
        assert instance["@type"] == "CourseInstance"
        assert instance["startDate"] == rec["start_date"]
        assert instance.get("endDate") == rec.get("end_date")
        assert instance["courseMode"] == ("online" if "online" in rec["place"] else "onsite")
        assert ld["provider"]["name"] == ds.organizations[rec["organizer"]]["name"]["ru"]
        assert ld.get("educationalLevel") == (
            f"CEFR {rec['cefr_level']}" if "cefr_level" in rec else None
        )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("lv", ["Atcelts", "Šis pasākums ir atcelts."]),
        ("ru", ["Отменено", "Это мероприятие отменено."]),
        ("en", ["Cancelled", "This event has been cancelled."]),
    ],
)
def test_cancelled_event_shows_as_cancelled(site: Built, lang: str, words: list[str]) -> None:
    rid = "cultural-evening-liepaja-2026"
    page = site.html(f"{LANGS[lang]}events/{rid}/index.html")
    notice = page.css_first(".ici-cancelled")
    assert notice.css_first(".ici-tag-cancelled").text(strip=True) == words[0]
    assert words[1] in notice.text()
    item = site.html(f"{LANGS[lang]}events/index.html").css_first(f'[data-ici-id="{rid}"]')
    assert item.css_first(".ici-tag-cancelled").text(strip=True) == words[0]
    assert "ici-status-cancelled" in item.attributes["class"]
    scheduled = site.html(f"{LANGS[lang]}events/info-day-cesis-2026/index.html")
    assert scheduled.css(".ici-cancelled, .ici-tag-cancelled") == []


def test_moved_event_shows_when_it_was_planned(site: Built) -> None:
    page = site.html("en/events/seminar-municipal-specialists-jelgava/index.html")
    moved = page.css_first(".ici-moved")
    assert moved.css_first(".ici-tag-moved").text(strip=True) == "Rescheduled"
    assert moved.css_first("del").text(strip=True) == "26 November 2026, 10:00"
    ld = _jsonld(page, "Event")
    assert ld["previousStartDate"] == "2026-11-26T10:00:00+02:00"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lv", "2026. gada 3. decembris, 11:00–15:00"),
        ("ru", "3 декабря 2026\u202fг., 11:00–15:00"),  # Babel: narrow no-break space
        ("en", "3 December 2026, 11:00–15:00"),
    ],
)
def test_dates_are_written_in_each_language(site: Built, lang: str, text: str) -> None:
    page = site.html(f"{LANGS[lang]}events/info-day-cesis-2026/index.html")
    when = page.css_first(".ici-facts time")
    assert when.text(strip=True) == text
    assert when.attributes["datetime"] == "2026-12-03T11:00:00+02:00"


def _items(doc: HTMLParser, selector: str) -> list:
    return doc.css(f"{selector} > li[data-ici-item]")


def test_listing_splits_upcoming_and_past_at_build_time(site: Built, ds: Dataset) -> None:
    doc = site.html("events/index.html")
    upcoming, archive = _items(doc, "[data-ici-upcoming]"), _items(doc, "[data-ici-archive]")
    ids = [i.attributes["data-ici-id"] for i in upcoming + archive]
    assert sorted(ids) == sorted(ds.events)
    for item in upcoming:
        assert datetime.fromisoformat(item.attributes["data-end"]) > BUILT_AT
    for item in archive:
        assert datetime.fromisoformat(item.attributes["data-end"]) <= BUILT_AT
    starts = [datetime.fromisoformat(i.attributes["data-start"]) for i in upcoming]
    assert starts == sorted(starts)  # soonest first
    ends = [datetime.fromisoformat(i.attributes["data-end"]) for i in archive]
    assert ends == sorted(ends, reverse=True)  # latest first
    assert upcoming and archive
    # a one-off event's timestamps are its data times in Riga
    cesis = doc.css_first('[data-ici-id="info-day-cesis-2026"]')
    assert cesis.attributes["data-start"] == "2026-12-03T11:00:00+02:00"
    assert cesis.attributes["data-end"] == "2026-12-03T15:00:00+02:00"


def test_listing_shows_the_next_dates_of_a_repeating_event(site: Built) -> None:
    doc = site.html("en/events/index.html")
    item = doc.css_first('[data-ici-upcoming] > [data-ici-id="cultural-evenings-riga"]')
    dates = [li.text(strip=True) for li in item.css(".ici-next-dates li")]
    # third Thursdays after the build on 1 January 2026
    assert dates == [
        "15 January 2026, 18:00–20:00",
        "19 February 2026, 18:00–20:00",
        "19 March 2026, 18:00–20:00",
    ]
    # the series ends with its 18th evening, in December 2027
    assert item.attributes["data-end"] == "2027-12-16T20:00:00+02:00"


def test_filters_are_in_the_page_but_hidden_without_javascript(site: Built, ds: Dataset) -> None:
    doc = site.html("en/events/index.html")
    form = doc.css_first("form[data-ici-filters]")
    assert "hidden" in form.attributes
    options = {
        sel.attributes["name"]: [o.attributes["value"] for o in sel.css("option")]
        for sel in form.css("select")
    }
    assert options["region"] == ["", "riga", "kurzeme", "zemgale", "vidzeme", "latgale", "online"]
    # the languages the events are held in (data), not the site's languages
    assert set(options["language"]) == {"", "lv", "ru", "en"}  # langs: data
    assert options["kind"][0] == "" and "webinar" in options["kind"]
    assert form.css_first('input[type="checkbox"][name="free"]') is not None
    shown = [i for i in doc.css("li[data-ici-item]") if "hidden" not in i.attributes]
    assert len(shown) == len(ds.events)
    for item in shown:
        assert item.attributes["data-region"] in options["region"]
        assert item.attributes["data-free"] in ("true", "false")


def test_courses_are_split_into_upcoming_and_past_at_build_time(site: Built, ds: Dataset) -> None:
    doc = site.html("courses/index.html")
    upcoming = [i.attributes["data-ici-id"] for i in doc.css("[data-ici-upcoming] > li")]
    past = [i.attributes["data-ici-id"] for i in doc.css("[data-ici-archive] > li")]
    assert sorted(upcoming + past) == sorted(ds.courses)
    for rid in past:
        # the listing script moves an item by its data-end; the build agrees with it
        item = doc.css_first(f"[data-ici-archive] > li[data-ici-id='{rid}']")
        assert datetime.fromisoformat(item.attributes["data-end"]) <= BUILT_AT
    for rid in upcoming:
        item = doc.css_first(f"[data-ici-upcoming] > li[data-ici-id='{rid}']")
        assert datetime.fromisoformat(item.attributes["data-end"]) > BUILT_AT
    starts = [doc.css_first(f"li[data-ici-id='{r}']").attributes["data-start"] for r in upcoming]
    assert starts == sorted(starts)


def test_course_that_is_over_is_never_shown_as_open(listings: Built) -> None:
    # the Riga course of 2017 is over; the fixtures pretend the editor forgot to close it
    built = listings
    page = built.html(f"en/courses/{FORGOTTEN_OPEN}/index.html")
    assert page.css_first(".ici-tag-closed").text(strip=True) == "Registration closed"
    assert page.css_first(".ici-ended").text(strip=True) == "This course has ended."
    assert "hidden" not in page.css_first(".ici-ended").attributes
    assert page.css(".ici-tag-open") == []
    current = built.html("en/courses/latvian-a1-riga-2027/index.html")
    assert current.css_first(".ici-tag-open").text(strip=True) == "Registration open"
    # the script shows the notice once the reader's clock passes data-end
    assert "hidden" in current.css_first(".ici-ended").attributes


def test_calendar_links_resolve_to_calendar_files(site: Built, ds: Dataset) -> None:
    for lang, prefix in LANGS.items():
        listing = site.html(f"{prefix}events/index.html")
        (feed,) = listing.css('head link[rel="alternate"][type="text/calendar"]')
        assert (site.site / prefix / "events" / feed.attributes["href"]).is_file()
        for rid in ds.events:
            page = site.html(f"{prefix}events/{rid}/index.html")
            heads = [n.attributes["href"] for n in page.css('head link[type="text/calendar"]')]
            assert heads == [f"../{rid}.ics", "../events.ics"]
            links = [a.attributes["href"] for a in page.css(".ici-calendar-links a")]
            assert links[:2] == [f"../{rid}.ics", "../events.ics"]
            ics = (site.site / prefix / "events" / f"{rid}.ics").read_bytes()
            (event,) = Calendar.from_ical(ics).walk("VEVENT")
            assert str(event["UID"]) == f"{rid}@integration.lv"
            assert event["SUMMARY"].params["LANGUAGE"] == lang


def test_event_page_links_its_place_and_organizer(site: Built) -> None:
    page = site.html("ru/events/info-day-daugavpils-2027/index.html")
    place = page.css_first(".ici-facts a[href='../../contacts/latgale/']")
    assert place.text(strip=True) == "Региональный контактный пункт ICI «Латгале» в Даугавпилсе"
    assert page.css_first("a[href='tel:+37125723222']") is not None
    online = site.html("en/events/webinar-first-steps-in-latvia/index.html")
    assert (
        online.css_first(".ici-facts a[href='https://www.integration.lv/']").text(strip=True)
        == "Join online"
    )
    assert _jsonld(online, "Event")["location"] == {
        "@type": "VirtualLocation",
        "url": "https://www.integration.lv/",
    }


@pytest.mark.parametrize(
    ("lang", "day", "month", "start"),
    [
        ("lv", "2017. gada 21. septembris", "2017. g. septembris", "Sākums: 2017. g. septembris"),
        # Babel (CLDR) writes a narrow no-break space before "г."
        (
            "ru",
            "21 сентября 2017\u202fг.",
            "сентябрь 2017\u202fг.",
            "Начало: сентябрь 2017\u202fг.",
        ),
        ("en", "21 September 2017", "September 2017", "Start: September 2017"),
    ],
)
def test_partial_dates_show_only_what_the_source_gives(
    site: Built, lang: str, day: str, month: str, start: str
) -> None:
    prefix = LANGS[lang]
    for rid, text, attr in (
        ("partial-day", day, "2017-09-21"),
        ("partial-month", month, "2017-09"),
    ):
        page = site.html(f"{prefix}events/{rid}/index.html")
        when = page.css_first(".ici-facts time")
        assert (when.text(strip=True), when.attributes["datetime"]) == (text, attr)
        item = site.html(f"{prefix}events/index.html").css_first(f'[data-ici-id="{rid}"] time')
        assert item.text(strip=True) == text
        assert ":" not in text  # no invented hour
    course = site.html(f"{prefix}courses/partial-course/index.html").css_first(".ici-facts time")
    assert (course.text(strip=True), course.attributes["datetime"]) == (start, "2017-09")
    ld = _jsonld(site.html(f"{prefix}courses/partial-course/index.html"), "Course")
    assert ld["hasCourseInstance"][0]["startDate"] == "2017-09"
    assert "endDate" not in ld["hasCourseInstance"][0]


def test_partial_dates_sort_among_full_ones_in_the_archive(site: Built) -> None:
    """The archive is latest end first: a month ends with its last day, a date at midnight."""
    archive = site.html("en/events/index.html").css("[data-ici-id]")
    order = [i.attributes["data-ici-id"] for i in archive]
    # ends: September 2017 -> 1 Oct; 21 Sep 2017 -> 22 Sep 00:00; the meeting -> 21 Sep 13:00
    assert order.index("partial-month") < order.index("partial-day")
    assert order.index("partial-day") < order.index("ngo-dialogue-platform-5")
    assert order.index("ngo-dialogue-platform-6") < order.index("partial-month")
