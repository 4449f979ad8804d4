"""View models for courses: the listing (upcoming, then the archive) and one page per course.

As for events, "now" is the build time and the split is the no-JavaScript fallback: every
item carries ``end_iso``, the moment it is over, so the page script redoes the split with
the reader's clock. Course dates may be partial (``2017-09``): a course is over after the
last day its end date can mean (``lifecycle.over_at``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ..context import RenderContext
from ..dataset import Dataset, Record
from ..fmt import hours_rows
from ..jsonld import course_jsonld, sources_jsonld
from ..lifecycle import course_end, first_day, registration_status
from ..pages import record_path
from ..places import (
    listing_facts,
    listing_search_filters,
    organization_terms_lv,
    organization_view,
    registration_view,
)
from ..provenance import format_partial, provenance_view
from ..text import pick
from .listing_help import listing_help
from .timed_listing import bounded_index, listing_page

KIND_ORDER = ("latvian", "integration", "qualification")


def course_dates(ctx: RenderContext, rec: Record) -> str:
    """``1 September 2017 – 20 December 2017``, ``September 2017`` or "Start: ..."."""
    start = format_partial(rec["start_date"], ctx.lang)
    if rec.get("end_date"):
        return f"{start} – {format_partial(rec['end_date'], ctx.lang)}"
    return ctx.text("provenance.start").replace("{date}", start)


def course_summary(ctx: RenderContext, rec: Record, now: datetime) -> dict[str, Any]:
    """What a listing shows of a course."""
    ds, lang = ctx.dataset, ctx.lang
    end = course_end(rec, now)
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "title": pick(rec["title"], lang),
        "path": record_path("course", rec["id"]),
        "cefr_level": rec.get("cefr_level"),
        "academic_hours": rec.get("academic_hours"),
        "dates": course_dates(ctx, rec),
        "start_iso": (first_day(rec["start_date"]) or date.min).isoformat(),
        "time_attr": rec["start_date"],
        "end_iso": end.isoformat(),
        "ended": end <= now,
        "registration_status": registration_status(rec, now),
        **listing_facts(ds, rec, lang),
        "organizer": organization_view(ds, rec["organizer"], lang),
    }


def course_view(ctx: RenderContext, rid: str) -> dict[str, Any]:
    """Everything the page of one course shows, and its JSON-LD."""
    ds, lang = ctx.dataset, ctx.lang
    rec = ds.courses[rid]
    view = course_summary(ctx, rec, ds.built_at)
    view.update(
        description=pick(rec["description"], lang),
        schedule=hours_rows(rec.get("schedules"), lang),
        partners=[organization_view(ds, p, lang) for p in rec.get("partners") or []],
        seats=rec.get("seats"),
        registration=registration_view(rec.get("registration"), lang),
    )
    return {
        "record": view,
        "jsonld": {**course_jsonld(ctx, rec), **sources_jsonld(rec["sources"])},
        "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        "search": course_search(ds, rec, view),
    }


def course_search(ds: Dataset, rec: Record, view: dict[str, Any]) -> dict[str, Any]:
    """Search index entries of a course page (see ``ici.search``): facets, start, lv names."""
    return {
        "kind": "course",
        "filters": listing_search_filters(view, "courses", "course_kind"),
        "sort": {"date": view["start_iso"]},
        # the search box says "past" or "upcoming" from this at view time (never indexed text)
        "meta": {"detail": view["dates"], "end": view["end_iso"]},
        "terms_lv": [
            rec["title"]["lv"],
            *organization_terms_lv(ds, rec["organizer"]),
            *(t for p in rec.get("partners") or [] for t in organization_terms_lv(ds, p)),
        ],
    }


def courses_list(ctx: RenderContext) -> dict[str, Any]:
    """Upcoming and current courses soonest first, then past courses latest first.

    Every course while there are few; above ``index_max`` (``ici.timed_pages``) the next
    and the latest ones, with links to the listing pages.
    """
    ds = ctx.dataset
    return {
        **bounded_index(ctx, "courses", _summary(ctx), KIND_ORDER),
        "help": listing_help(ds, ctx.lang, "#archive" if ds.courses else None),
    }


def courses_page(ctx: RenderContext, where: list[Any]) -> dict[str, Any]:
    """A listing page of the upcoming or the past courses (``courses/archive/2/``)."""
    return listing_page(ctx, where, _summary(ctx), KIND_ORDER)


def _summary(ctx: RenderContext) -> Callable[[Record], dict[str, Any]]:
    return lambda rec: course_summary(ctx, rec, ctx.dataset.built_at)
