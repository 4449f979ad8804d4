"""View models for events: the listing (upcoming, then the archive) and one page per event.

"Now" is the build time (``Dataset.built_at``, from ``SOURCE_DATE_EPOCH`` when set). The
split into upcoming and past is only the no-JavaScript fallback: every item carries ISO
timestamps (``start_iso``, ``end_iso``) so the page can move events that ended at view time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from .. import eventtime as et
from ..context import RenderContext
from ..dataset import Dataset, Record
from ..fmt import clock, format_day, format_month
from ..jsonld import event_jsonld, sources_jsonld
from ..pages import record_path
from ..paths import ICS_FEED, ics_path, relative
from ..places import (
    listing_facts,
    listing_search_filters,
    organization_terms_lv,
    organization_view,
    registration_view,
)
from ..provenance import provenance_view
from ..text import pick, plain
from .listing_help import listing_help
from .timed_listing import bounded_index, listing_page

KIND_ORDER = (
    "informative_day",
    "cultural_evening",
    "platform_meeting",
    "seminar",
    "webinar",
    "conference",
)
NEXT_DATES = 3  # how many coming dates a repeating event lists


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


def event_summary(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """What a listing shows of an event, with the timestamps the page script needs."""
    occ = et.representative(rec, now)
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
    }


def event_view(ctx: RenderContext, rid: str) -> dict[str, Any]:
    """Everything the page of one event shows, its JSON-LD and its calendar links."""
    ds, lang = ctx.dataset, ctx.lang
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
        "jsonld": {**event_jsonld(ctx, rec), **sources_jsonld(rec["sources"])},
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
        # the search box says "past" or "upcoming" from this at view time (never indexed text)
        "meta": {"detail": view["when"], "end": view["end_iso"]},
        "terms_lv": [rec["title"]["lv"], *organization_terms_lv(ds, rec["organizer"])],
    }


def _head_links(path: str) -> list[dict[str, str]]:
    return [
        {
            "rel": "alternate",
            "type": "text/calendar",
            "href": relative(ICS_FEED, path),
            "title": "iCalendar",
        }
    ]


def events_list(ctx: RenderContext) -> dict[str, Any]:
    """Upcoming events soonest first, then past events latest first; filter values.

    Every event while there are few; above ``index_max`` (``ici.timed_pages``) the next and
    the latest ones, with links to the listing pages.
    """
    ds, lang = ctx.dataset, ctx.lang
    view = bounded_index(ctx, "events", _summary(ctx), KIND_ORDER)
    return {
        **view,
        "feed": ICS_FEED,
        # past events are there once any event is (the script may move coming ones there)
        "help": listing_help(ds, lang, "#archive" if ds.events else None, ICS_FEED),
        # the listing is at events/, next to the feed
        "head_links": _head_links("events/"),
    }


def events_page(ctx: RenderContext, where: list[Any]) -> dict[str, Any]:
    """A listing page of the upcoming or the past events (``events/upcoming/2/``)."""
    view = listing_page(ctx, where, _summary(ctx), KIND_ORDER)
    return {
        **view,
        "feed": ICS_FEED,
        "head_links": _head_links(view["listing"]["path"]),
    }


def _summary(ctx: RenderContext) -> Callable[[Record], dict[str, Any]]:
    return lambda rec: event_summary(ctx.dataset, rec, ctx.lang, ctx.dataset.built_at)
