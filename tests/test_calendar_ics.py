"""Event times and iCalendar files, without a site build: repeats, DST, stable output."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil.rrule import rrulestr
from icalendar import Calendar

from conftest import listing_dataset, render_context
from ici import calendar_ics, clock
from ici import eventtime as et
from ici.dataset import Dataset
from langs import LANGS

RIGA = ZoneInfo("Europe/Riga")


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The project with the fixture events (tests/fixtures/listings): repeats, DST, moves."""
    return listing_dataset(tmp_path_factory.mktemp("ics"))


def _riga(*args: int) -> datetime:
    return datetime(*args, tzinfo=RIGA)


def _events(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk("VEVENT")]


# a monthly evening on the third Thursday; its dates cross the DST change of 28 March 2027
MONTHLY = {
    "id": "evening",
    "kind": "cultural_evening",
    "title": {"lv": "Vakars", "ru": "Вечер", "en": "Evening"},
    "description": {"lv": "Apraksts", "ru": "Описание", "en": "Description"},
    "start": "2027-02-18T18:00",
    "end": "2027-02-18T20:00",
    "rrule": "FREQ=MONTHLY;BYDAY=3TH;COUNT=5",
    "place": {"branch": "riga"},
    "languages": ["lv"],
    "organizer": "ici",
    "free": True,
    "status": "scheduled",
}


def test_repeating_event_expands_to_its_next_three_dates_across_dst() -> None:
    coming = et.next_occurrences(MONTHLY, _riga(2027, 3, 1), 3)
    assert [o.start for o in coming] == [
        _riga(2027, 3, 18, 18),
        _riga(2027, 4, 15, 18),
        _riga(2027, 5, 20, 18),
    ]
    # the wall clock stays at 18:00 while the offset changes with daylight saving
    assert [o.start.utcoffset() for o in coming] == [timedelta(hours=h) for h in (2, 3, 3)]
    assert [o.end - o.start for o in coming] == [timedelta(hours=2)] * 3


def test_an_occurrence_that_has_started_but_not_ended_is_still_coming() -> None:
    during = _riga(2027, 3, 18, 19)
    assert et.next_occurrences(MONTHLY, during, 1)[0].start == _riga(2027, 3, 18, 18)


def test_series_end_and_open_ended_repeats() -> None:
    assert et.series_end(MONTHLY) == _riga(2027, 6, 17, 20)
    assert not et.has_ended(MONTHLY, _riga(2027, 6, 17, 19))
    assert et.has_ended(MONTHLY, _riga(2027, 6, 17, 20))
    endless = {**MONTHLY, "rrule": "FREQ=MONTHLY;BYDAY=3TH"}
    assert et.is_open_ended(endless)
    assert et.series_end(endless) is None
    assert not et.has_ended(endless, _riga(2099, 1, 1))
    until = {**MONTHLY, "rrule": "FREQ=MONTHLY;BYDAY=3TH;UNTIL=20270430T235900"}
    assert et.series_end(until) == _riga(2027, 4, 15, 20)


def test_one_off_event_has_one_occurrence() -> None:
    once = {k: v for k, v in MONTHLY.items() if k != "rrule"}
    assert et.next_occurrences(once, _riga(2027, 1, 1), 3) == [
        et.Occurrence(_riga(2027, 2, 18, 18), _riga(2027, 2, 18, 20))
    ]
    assert et.next_occurrences(once, _riga(2027, 2, 18, 20), 3) == []


def test_build_time_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert clock.build_time() == datetime(2026, 1, 1, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH: expected whole seconds"):
        clock.build_time()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(UTC)
    assert before <= clock.build_time() <= datetime.now(UTC)


def test_feed_holds_every_event_once_with_its_riga_start(ds: Dataset) -> None:
    for lang in LANGS:
        feed = calendar_ics.event_calendars(render_context(ds, lang))["events/events.ics"]
        events = _events(feed)
        uids = [str(e["UID"]) for e in events]
        assert sorted(uids) == sorted(f"{rid}@integration.lv" for rid in ds.events)
        for event in events:
            rec = ds.events[str(event["UID"]).removesuffix("@integration.lv")]
            start = event["DTSTART"]
            if "T" not in rec["start"]:
                continue  # all-day entries: test_partial_dates_are_all_day_entries
            assert start.params["TZID"] == "Europe/Riga"
            expected = datetime.strptime(rec["start"], "%Y-%m-%dT%H:%M").replace(tzinfo=RIGA)
            assert start.dt == expected
            assert start.dt.utcoffset() == expected.utcoffset()


def test_feed_starts_are_right_on_both_sides_of_a_dst_change(ds: Dataset) -> None:
    events = {
        str(e["UID"]): e
        for e in _events(calendar_ics.event_calendars(render_context(ds, "en"))[calendar_ics.FEED])
    }
    # the last Sunday of March 2027 is the 28th: one informative day before, one after
    before = events["info-day-liepaja-2027@integration.lv"]["DTSTART"].dt
    after = events["info-day-daugavpils-2027@integration.lv"]["DTSTART"].dt
    assert before.astimezone(UTC) == datetime(2027, 3, 25, 9, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2027, 4, 8, 8, tzinfo=UTC)


def test_feed_rrule_expands_to_the_same_dates_as_the_page(ds: Dataset) -> None:
    events = {
        str(e["UID"]): e
        for e in _events(calendar_ics.event_calendars(render_context(ds, "lv"))[calendar_ics.FEED])
    }
    evening = events["cultural-evenings-riga@integration.lv"]
    rule = rrulestr(
        evening["RRULE"].to_ical().decode(), dtstart=evening["DTSTART"].dt.replace(tzinfo=None)
    )
    now = _riga(2026, 11, 22)
    naive_now = now.replace(tzinfo=None)
    from_feed = [d.replace(tzinfo=RIGA) for d in rule.xafter(naive_now, count=3)]
    assert from_feed == [_riga(2026, 12, 17, 18), _riga(2027, 1, 21, 18), _riga(2027, 2, 18, 18)]
    from_data = et.next_occurrences(ds.events["cultural-evenings-riga"], now, 3)
    assert [o.start for o in from_data] == from_feed


def test_riga_vtimezone_matches_the_zoneinfo_database() -> None:
    """Each yearly rule of the VTIMEZONE switches exactly when zoneinfo does, 2016-2040."""
    tz = calendar_ics.riga_timezone()
    assert str(tz["TZID"]) == "Europe/Riga"
    for sub in tz.subcomponents:
        offset_from, offset_to = sub["TZOFFSETFROM"].td, sub["TZOFFSETTO"].td
        rule = rrulestr(sub["RRULE"].to_ical().decode(), dtstart=sub["DTSTART"].dt)
        onsets = rule.between(datetime(2016, 1, 1), datetime(2040, 12, 31))
        assert len(onsets) == 25
        for local_onset in onsets:
            # DTSTART is the local time in the offset before the change
            moment = (local_onset - offset_from).replace(tzinfo=UTC)
            assert (moment - timedelta(seconds=1)).astimezone(RIGA).utcoffset() == offset_from
            assert moment.astimezone(RIGA).utcoffset() == offset_to


def test_cancelled_and_moved_events_in_the_feed(ds: Dataset) -> None:
    events = {
        str(e["UID"]): e
        for e in _events(calendar_ics.event_calendars(render_context(ds, "en"))[calendar_ics.FEED])
    }
    cancelled = events["cultural-evening-liepaja-2026@integration.lv"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1
    moved = events["seminar-municipal-specialists-jelgava@integration.lv"]
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert moved["DTSTART"].dt == _riga(2027, 1, 21, 10)
    assert int(moved["SEQUENCE"]) == 1


def test_each_event_file_holds_that_event_in_the_language(ds: Dataset) -> None:
    files = calendar_ics.event_calendars(render_context(ds, "ru"))
    assert set(files) == {f"events/{rid}.ics" for rid in ds.events} | {"events/events.ics"}
    for rid, rec in ds.events.items():
        (event,) = _events(files[f"events/{rid}.ics"])
        assert str(event["UID"]) == f"{rid}@integration.lv"
        # a month-only event adds "(точная дата неизвестна)" to its title
        assert str(event["SUMMARY"]).startswith(rec["title"]["ru"])
        assert event["SUMMARY"].params["LANGUAGE"] == "ru"


def test_calendars_are_stable_and_stamped_from_source_date_epoch(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = calendar_ics.event_calendars(render_context(ds, "lv"))
    later = copy.copy(ds)
    later.built_at = datetime(2030, 1, 1, tzinfo=UTC)  # another day's build of the same data
    assert calendar_ics.event_calendars(render_context(later, "lv")) == first
    stamps = {e["DTSTAMP"].dt for e in _events(first["events/events.ics"])}
    assert stamps == {datetime(2026, 1, 1, tzinfo=UTC)}
    # without SOURCE_DATE_EPOCH the stamp comes from the data, never from the clock
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    again = calendar_ics.event_calendars(render_context(ds, "lv"))
    assert again == calendar_ics.event_calendars(render_context(ds, "lv"))
    event = _events(again["events/ngo-dialogue-platform-5.ics"])[0]
    assert event["DTSTAMP"].dt == datetime(2017, 9, 21, 7, tzinfo=UTC)


def test_local_until_is_written_in_utc(ds: Dataset) -> None:
    until = {**MONTHLY, "rrule": "FREQ=MONTHLY;BYDAY=3TH;UNTIL=20270430T235900"}
    event = calendar_ics.vevent(render_context(ds, "lv"), until)
    assert event["RRULE"]["UNTIL"] == [datetime(2027, 4, 30, 20, 59, tzinfo=UTC)]


def test_feed_is_read_by_a_second_parser(ds: Dataset) -> None:
    feed = calendar_ics.event_calendars(render_context(ds, "lv"))["events/events.ics"].decode(
        "utf-8"
    )
    cal = vobject.readOne(feed)
    assert len(cal.vevent_list) == len(ds.events)
    assert cal.vtimezone.tzid.value == "Europe/Riga"


def test_partial_dates_are_all_day_entries(ds: Dataset) -> None:
    """A date without time is one all-day entry; a month without day spans the month and
    says in its summary that the day is not known. Both parse as valid iCalendar."""
    for lang, unknown in (("lv", "precīzs datums nav zināms"), ("en", "exact date not known")):
        files = calendar_ics.event_calendars(render_context(ds, lang))
        (day,) = _events(files["events/partial-day.ics"])
        assert day["DTSTART"].to_ical() == b"20170921"
        assert day["DTSTART"].params["VALUE"] == "DATE"
        assert day["DTEND"].to_ical() == b"20170922"
        assert "TZID" not in day["DTSTART"].params
        assert str(day["SUMMARY"]) == ds.events["partial-day"]["title"][lang]
        (month,) = _events(files["events/partial-month.ics"])
        assert month["DTSTART"].to_ical() == b"20170901"
        assert month["DTEND"].to_ical() == b"20171001"
        assert month["DTSTART"].params["VALUE"] == "DATE"
        assert str(month["SUMMARY"]).endswith(f"({unknown})")
        # a second parser reads both, and every event is in the feed
        for name in ("events/partial-day.ics", "events/partial-month.ics", calendar_ics.FEED):
            vobject.readOne(files[name].decode("utf-8"))
        uids = {str(e["UID"]) for e in _events(files[calendar_ics.FEED])}
        assert {"partial-day@integration.lv", "partial-month@integration.lv"} <= uids


def test_partial_dates_give_whole_day_and_month_occurrences(ds: Dataset) -> None:
    day = et.first_occurrence(ds.events["partial-day"])
    assert (day.start, day.end, day.precision) == (_riga(2017, 9, 21), _riga(2017, 9, 22), "day")
    month = et.first_occurrence(ds.events["partial-month"])
    assert (month.start, month.end) == (_riga(2017, 9, 1), _riga(2017, 10, 1))
    assert month.precision == "month"
    assert et.has_ended(ds.events["partial-month"], _riga(2017, 10, 1))
    assert not et.has_ended(ds.events["partial-month"], _riga(2017, 9, 30, 23))


# texts that make icalendar escape and fold: its separators and escapes, line breaks, and
# multibyte letters (2, 3 and 4 bytes in UTF-8) at every place of the 75-octet fold
HOSTILE_TEXTS = [
    'a, b; c\\d \\n e\nf\r\ng:h "quoted" ;;,,\\\\',
    "ļ" * 100,
    "€" * 60,
    "😀" * 40,
    *("x" * k + "ļ€😀ŗ," * 6 for k in range(60, 80)),
    "vārds, слово; word " * 12,
]


def test_calendar_files_are_icalendars_own_bytes_for_hostile_texts(ds: Dataset) -> None:
    """Each file is icalendar's ``Calendar.to_ical()`` of the whole calendar, byte for
    byte, although the writer serialises the calendar's head and each event once."""
    hostile = copy.copy(ds)
    hostile.records = {**ds.records, "events": {}, "organizations": dict(ds.organizations)}
    name = {lang: HOSTILE_TEXTS[0] * 3 for lang in LANGS}  # the NAME in every file, folded
    hostile.organizations["ici"] = {**ds.organizations["ici"], "name": name}
    base = ds.events["ngo-dialogue-platform-5"]
    for i, text in enumerate(HOSTILE_TEXTS):
        hostile.events[f"hostile-{i}"] = {
            **base,
            "id": f"hostile-{i}",
            "title": {lang: text for lang in LANGS},
            "description": {lang: f"{text}\n\n{text[::-1]}" for lang in LANGS},
        }
    hostile.events.update(ds.events)  # and the fixture events: repeats, dates, months
    for lang in LANGS:
        ctx = render_context(hostile, lang)
        files = calendar_ics.event_calendars(ctx)
        events = {rid: calendar_ics.vevent(ctx, rec) for rid, rec in hostile.events.items()}
        for rid, event in events.items():
            expected = calendar_ics.calendar(hostile, lang, [event]).to_ical()
            assert files[f"events/{rid}.ics"] == expected, rid
        feed = calendar_ics.calendar(hostile, lang, list(events.values())).to_ical()
        assert files[calendar_ics.FEED] == feed
        assert len(files) == len(events) + 1
        # the texts were folded and escaped, and read back whole (but the first one's CRLF)
        assert b"\r\n " in feed and b"\\;" in feed and b"\\," in feed and b"\\n" in feed
        assert {str(e["SUMMARY"]) for e in _events(feed)} >= set(HOSTILE_TEXTS[1:])
