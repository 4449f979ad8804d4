"""View models for events: the listing (upcoming, then the archive) and one page per event.

"Now" is the build time (``Dataset.built_at``, from ``SOURCE_DATE_EPOCH`` when set). The
split into upcoming and past is only the no-JavaScript fallback: every item carries ISO
timestamps (``start_iso``, ``end_iso``) so the page can move events that ended at view time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from .. import eventtime as et
from ..dataset import Dataset, Record
from ..fmt import SCHEMA_DAYS, clock, format_day, format_month
from ..pages import record_path
from ..paths import ICS_FEED, ics_path, relative
from ..places import (
    filter_options,
    listing_facts,
    listing_search_filters,
    organization_jsonld,
    organization_terms_lv,
    organization_view,
    place_jsonld,
    registration_view,
)
from ..provenance import provenance_view, sources_jsonld
from ..text import pick, plain
from .listing_help import listing_help

KIND_ORDER = (
    "informative_day",
    "cultural_evening",
    "platform_meeting",
    "seminar",
    "webinar",
    "conference",
)
NEXT_DATES = 3  # how many coming dates a repeating event lists

_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "moved": "https://schema.org/EventRescheduled",
}
_FREQ = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def format_moment(moment: datetime, lang: str) -> str:
    """``2026. gada 23. novembris, 10:00`` (Riga wall-clock time)."""
    return f"{format_day(moment.date(), lang)}, {clock(f'{moment:%H:%M}', lang)}"


def format_occurrence(occ: et.Occurrence, lang: str) -> str:
    """``2026. gada 23. novembris, 10:00–13:00``; a second date when it ends another day.

    A date without time shows only the day(s), a month without day only the month(s).
    """
    start, end = occ.start, occ.end
    if occ.precision != "minute":
        fmt = format_day if occ.precision == "day" else format_month
        first, last = fmt(start.date(), lang), fmt((end - timedelta(days=1)).date(), lang)
        return first if first == last else f"{first} – {last}"
    if start.date() == end.date():
        return f"{format_moment(start, lang)}–{clock(f'{end:%H:%M}', lang)}"
    return f"{format_moment(start, lang)} – {format_moment(end, lang)}"


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def _representative(rec: Record, now: datetime) -> et.Occurrence:
    """The occurrence a listing shows: the next one, or the last one of a past event."""
    coming = et.next_occurrences(rec, now, 1)
    if coming:
        return coming[0]
    return et.last_occurrence(rec) or et.first_occurrence(rec)


def event_summary(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """What a listing shows of an event, with the timestamps the page script needs."""
    occ = _representative(rec, now)
    recurring = et.is_recurring(rec)
    next_dates = (
        [
            {
                "label": format_occurrence(o, lang),
                "start_iso": _iso(o.start),
                "end_iso": _iso(o.end),
            }
            for o in et.next_occurrences(rec, now, NEXT_DATES)
        ]
        if recurring
        else []
    )
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "title": pick(rec["title"], lang),
        "path": record_path("event", rec["id"]),
        "ics": ics_path(rec["id"]),
        "status": rec["status"],
        "recurring": recurring,
        "when": format_occurrence(occ, lang),
        "start_iso": _iso(occ.start),
        # the <time datetime>: only the precision the source gives ("2017-09-21", "2017-09")
        "time_attr": _iso(occ.start) if occ.precision == "minute" else rec["start"],
        # when the whole event is over; empty for a repeat without end
        "end_iso": _iso(et.series_end(rec)),
        "ended": et.has_ended(rec, now),
        "next_dates": next_dates,
        **listing_facts(ds, rec, lang),
        "_sort": (occ.start, et.series_end(rec) or occ.end),
    }


def _schedule_jsonld(rec: Record) -> dict[str, Any]:
    """schema.org ``Schedule`` for a repeating event, from its RRULE."""
    parts = et.rule_parts(rec["rrule"])
    first = et.first_occurrence(rec)
    out: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{int(parts.get('INTERVAL', '1'))}{_FREQ[parts['FREQ']]}",
        "startDate": first.start.date().isoformat(),
        "startTime": first.start.strftime("%H:%M"),
        "endTime": first.end.strftime("%H:%M"),
        "scheduleTimezone": et.TZID,
    }
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    if days:
        out["byDay"] = [f"https://schema.org/{SCHEMA_DAYS[d[-2:]]}" for d in days]
        ordinals = {d[:-2] for d in days if d[:-2]}
        if len(ordinals) == 1:
            out["byMonthWeek"] = int(ordinals.pop())
    if "BYMONTH" in parts:
        out["byMonth"] = [int(m) for m in parts["BYMONTH"].split(",")]
    if "BYMONTHDAY" in parts:
        out["byMonthDay"] = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    if "COUNT" in parts:
        out["repeatCount"] = int(parts["COUNT"])
    last = et.last_occurrence(rec)
    if last:
        out["endDate"] = last.start.date().isoformat()
    return out


def event_jsonld(ds: Dataset, rec: Record, lang: str) -> dict[str, Any]:
    """schema.org ``Event`` with status, attendance mode and, for repeats, its schedule."""
    first = et.first_occurrence(rec)
    online = "online" in rec["place"]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "identifier": rec["id"],
        "name": plain(rec["title"], lang),
        "description": plain(rec["description"], lang),
        # a partial date stays partial ("2017-09"): schema.org Date accepts it
        "startDate": first.start.isoformat() if first.precision == "minute" else rec["start"],
        "eventStatus": _STATUS[rec["status"]],
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": place_jsonld(ds, rec["place"], lang),
        "organizer": organization_jsonld(ds, rec["organizer"], lang),
    }
    if first.precision == "minute":
        ld["endDate"] = first.end.isoformat()
    elif rec.get("end"):
        ld["endDate"] = rec["end"]
    if rec.get("languages"):
        ld["inLanguage"] = list(rec["languages"])
    if rec.get("free") is not None:
        ld["isAccessibleForFree"] = rec["free"]
    if rec.get("audience"):
        ld["audience"] = {"@type": "Audience", "audienceType": plain(rec["audience"], lang)}
    if rec["status"] == "moved" and rec.get("previous_start"):
        ld["previousStartDate"] = et.in_riga(et.local(rec["previous_start"])).isoformat()
    if et.is_recurring(rec):
        ld["eventSchedule"] = _schedule_jsonld(rec)
    return ld


def event_view(ds: Dataset, rid: str, lang: str) -> dict[str, Any]:
    """Everything the page of one event shows, its JSON-LD and its calendar links."""
    rec = ds.events[rid]
    view = event_summary(ds, rec, lang, ds.built_at)
    previous = rec.get("previous_start") if rec["status"] == "moved" else None
    view.update(
        description=pick(rec["description"], lang),
        audience=pick(rec.get("audience"), lang),
        organizer=organization_view(ds, rec["organizer"], lang),
        registration=registration_view(rec.get("registration"), lang),
        previous=format_moment(et.local(previous), lang) if previous else None,
        feed=ICS_FEED,
    )
    title = plain(rec["title"], lang)
    return {
        "record": view,
        "jsonld": {**event_jsonld(ds, rec, lang), **sources_jsonld(rec["sources"])},
        "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        "search": event_search(ds, rec, view),
        # the page is at events/<id>/, the calendar files one level up
        "head_links": [
            {
                "rel": "alternate",
                "type": "text/calendar",
                "href": relative(ics_path(rid), record_path("event", rid)),
                "title": title,
            },
            {
                "rel": "alternate",
                "type": "text/calendar",
                "href": relative(ICS_FEED, record_path("event", rid)),
                "title": "iCalendar",
            },
        ],
    }


def event_search(ds: Dataset, rec: Record, view: dict[str, Any]) -> dict[str, Any]:
    """Search index entries of an event page (see ``ici.search``): facets, date, lv names.

    The date is the one the listing shows: the next time for a repeating event, else its
    (last) start, so "newest first" puts the coming events first.
    """
    return {
        "kind": "event",
        "filters": listing_search_filters(view, "events", "event_kind"),
        "sort": {"date": view["start_iso"]},
        "meta": {"detail": view["when"]},
        "terms_lv": [rec["title"]["lv"], *organization_terms_lv(ds, rec["organizer"])],
    }


def events_list(ds: Dataset, lang: str) -> dict[str, Any]:
    """Upcoming events soonest first, then past events latest first; filter values."""
    now = ds.built_at
    items = [event_summary(ds, rec, lang, now) for rec in ds.events.values()]
    upcoming = sorted((i for i in items if not i["ended"]), key=lambda i: i["_sort"])
    archive = sorted((i for i in items if i["ended"]), key=lambda i: i["_sort"][1], reverse=True)
    kinds = {i["kind"] for i in items}
    return {
        "upcoming": upcoming,
        "archive": archive,
        "filters": {**filter_options(items, lang), "kinds": [k for k in KIND_ORDER if k in kinds]},
        "feed": ICS_FEED,
        # past events are there once any event is (the script may move coming ones there)
        "help": listing_help(ds, lang, "#archive" if items else None, ICS_FEED),
        # the listing is at events/, next to the feed
        "head_links": [
            {
                "rel": "alternate",
                "type": "text/calendar",
                "href": relative(ICS_FEED, "events/"),
                "title": "iCalendar",
            }
        ],
    }
