"""iCalendar files for events: one "add to calendar" file per event and a feed of all.

Written with the ``icalendar`` library. Times carry ``TZID=Europe/Riga`` with a VTIMEZONE
that states the EU daylight-saving rule, repeating events keep their RRULE, every UID is
``<id>@integration.lv`` in every language, and nothing depends on the clock: DTSTAMP is
``SOURCE_DATE_EPOCH`` when set, else derived from the event itself, so two builds of the
same data give the same bytes.

An event whose source gives only a date is an all-day entry (``VALUE=DATE``); one whose
source gives only a month spans the whole month as an all-day entry, and its summary says
that the exact date is not known, so no calendar shows a day or hour nobody gave.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from icalendar.prop import vCalAddress, vText

from . import eventtime as et
from .clock import source_date_epoch
from .context import RenderContext
from .dataset import Dataset, Record
from .paths import ICS_FEED, ics_path
from .places import place_text
from .text import plain

UID_DOMAIN = "integration.lv"
FEED = ICS_FEED
_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "moved": "CONFIRMED"}


def uid(event_id: str) -> str:
    """The stable UID of an event: the same in every language and every build."""
    return f"{event_id}@{UID_DOMAIN}"


def riga_timezone() -> Timezone:
    """VTIMEZONE for Europe/Riga with the EU rule (last Sunday of March and October).

    A rule instead of a list of dates keeps repeats without end correct in every year.
    ``tests/test_calendar_ics.py`` checks it against the zoneinfo database.
    """
    tz = Timezone()
    tz.add("tzid", et.TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "EEST")
    summer.add("tzoffsetfrom", _offset(2))
    summer.add("tzoffsetto", _offset(3))
    # onset in the local time before the change: 03:00 EET becomes 04:00 EEST
    summer.add("dtstart", datetime(1970, 3, 29, 3, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "EET")
    winter.add("tzoffsetfrom", _offset(3))
    winter.add("tzoffsetto", _offset(2))
    winter.add("dtstart", datetime(1970, 10, 25, 4, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _offset(hours: int) -> timedelta:
    return timedelta(hours=hours)


def _rrule(rec: Record) -> vRecur:
    rule = vRecur.from_ical(rec["rrule"])
    if "UNTIL" in rule:
        # data gives UNTIL in Riga time; RFC 5545 wants UTC when DTSTART has a TZID
        until = rule["UNTIL"][0]
        if isinstance(until, datetime):
            rule["UNTIL"] = [et.in_riga(until.replace(tzinfo=None)).astimezone(UTC)]
    return rule


def _description(rec: Record, lang: str) -> str:
    lines = [plain(rec["description"], lang)]
    for field in ("audience", "cost"):
        if rec.get(field):
            lines.append(plain(rec[field], lang))
    reg = rec.get("registration") or {}
    lines += [reg[key] for key in ("url", "email", "phone") if reg.get(key)]
    if reg.get("note"):
        lines.append(plain(reg["note"], lang))
    return "\n\n".join(lines)


def vevent(ctx: RenderContext, rec: Record) -> Event:
    """One event as a VEVENT in the context's language."""
    ds, lang = ctx.dataset, ctx.lang
    first = et.first_occurrence(rec)
    ev = Event()
    ev.add("uid", uid(rec["id"]))
    stamp = source_date_epoch() or first.start.astimezone(UTC)
    ev.add("dtstamp", stamp.astimezone(UTC))
    if first.precision == "minute":
        ev.add("dtstart", first.start)
        ev.add("dtend", first.end)
    else:
        # all-day: DTEND is the day after the last day (RFC 5545, exclusive)
        ev.add("dtstart", first.start.date())
        ev.add("dtend", first.end.date())
    summary = plain(rec["title"], lang)
    if first.precision == "month":
        unknown = ctx.text("provenance.day_unknown")
        summary = f"{summary} ({unknown})"
    if et.is_recurring(rec):
        ev.add("rrule", _rrule(rec))
    ev.add("summary", vText(summary), parameters={"LANGUAGE": lang})
    ev.add("description", _description(rec, lang), parameters={"LANGUAGE": lang})
    ev.add("location", place_text(ds, rec["place"], lang))
    branch = ds.branches.get(rec["place"].get("branch", ""))
    if branch and branch.get("geo"):
        ev.add("geo", (branch["geo"]["lat"], branch["geo"]["lon"]))
    if "online" in rec["place"]:
        ev.add("url", rec["place"]["online"])
    ev.add("status", _STATUS[rec["status"]])
    # a client that already holds the event takes a change only with a higher sequence
    ev.add("sequence", 0 if rec["status"] == "scheduled" else 1)
    ev.add("categories", [rec["kind"].upper().replace("_", "-")])
    org = ds.organizations[rec["organizer"]]
    if org.get("email"):
        address = vCalAddress(f"mailto:{org['email']}")
        address.params["CN"] = plain(org["name"], lang)
        ev.add("organizer", address)
    return ev


def calendar(ds: Dataset, lang: str, events: list[Event]) -> Calendar:
    """The calendar of ``events`` in ``lang``: its properties, the VTIMEZONE, the events."""
    cal = Calendar()
    cal.add("prodid", f"-//Informacijas centrs imigrantiem//{UID_DOMAIN}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = plain(ds.organizations["ici"]["name"], lang) if "ici" in ds.organizations else ""
    if name:
        # as vText, so CR and LF are escaped: icalendar leaves these properties' values raw
        cal.add("name", vText(name))
        cal.add("x-wr-calname", vText(name))
    cal.add("x-wr-timezone", et.TZID)
    cal.add_component(riga_timezone())
    for event in events:
        cal.add_component(event)
    return cal


_END = b"END:VCALENDAR\r\n"


def _frame(ds: Dataset, lang: str) -> tuple[bytes, bytes]:
    """What comes before a language's events in each of its calendar files (the calendar's
    properties and the VTIMEZONE) and what comes after them.

    icalendar writes a component as its content lines, each ending with CRLF, and its
    subcomponents' lines in order between its own: a calendar's bytes are this head, each
    event's own ``to_ical()``, then this tail. Made once, it spares serialising the
    VTIMEZONE once per event and each event twice (its file and the feed).
    """
    text = calendar(ds, lang, []).to_ical()
    if not text.endswith(_END):
        raise ValueError(f"a calendar that does not end with {_END!r}")
    return text[: -len(_END)], _END


def event_calendars(ctx: RenderContext) -> dict[str, bytes]:
    """``events/<id>.ics`` for every event and the feed ``events/events.ics`` of all: the
    bytes of ``calendar(...).to_ical()`` for one event and for all of them."""
    ds, lang = ctx.dataset, ctx.lang
    head, tail = _frame(ds, lang)
    # each event written once, for its own file and for the feed
    events = {rid: vevent(ctx, rec).to_ical() for rid, rec in ds.events.items()}
    files = {ics_path(rid): head + event + tail for rid, event in events.items()}
    files[FEED] = b"".join([head, *events.values(), tail])
    return files
