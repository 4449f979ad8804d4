"""View models for courses: the listing (upcoming, then the archive) and one page per course.

As for events, "now" is the build time and the split is the no-JavaScript fallback: every
item carries ``end_iso``, the moment it is over, so the page script redoes the split with
the reader's clock. Course dates may be partial (``2017-09``): a course is over after the
last day its end date can mean (``lifecycle.over_at``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path as FsPath
from typing import Any

from .. import eventtime as et
from ..dataset import Dataset, Record
from ..fmt import SCHEMA_DAYS, hours_rows
from ..lifecycle import first_day, is_ended, over_at
from ..pages import record_path
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
from ..provenance import format_partial, provenance_view, sources_jsonld
from ..register import labels
from ..text import pick, plain
from .listing_help import listing_help

KIND_ORDER = ("latvian", "integration", "qualification")
_AVAILABILITY = {"open": "https://schema.org/InStock", "full": "https://schema.org/SoldOut"}


def course_end(rec: Record, now: datetime) -> datetime:
    """The moment a course is over: the midnight (Riga time) after the last day it can mean.

    That day is the ``ended`` date of an ended course, else its ``end_date``, else (end not
    known) its ``start_date``. An ended course without a date was over by ``now``.
    """
    if is_ended(rec):
        return over_at(rec["ended"]) if rec.get("ended") else now
    return over_at(rec.get("end_date") or rec["start_date"]) or now


def is_past(rec: Record, now: datetime) -> bool:
    """Whether a course is over at ``now`` (ended, or its last day has passed)."""
    return course_end(rec, now) <= now


def course_dates(rec: Record, lang: str, root: FsPath | None = None) -> str:
    """``1 September 2017 – 20 December 2017``, ``September 2017`` or "Start: ..."."""
    start = format_partial(rec["start_date"], lang)
    if rec.get("end_date"):
        return f"{start} – {format_partial(rec['end_date'], lang)}"
    return labels(root).get("provenance.start", lang).replace("{date}", start)


def registration_status(rec: Record, now: datetime) -> str | None:
    """The status to show: a course that is over cannot take registrations, whatever the data."""
    return "closed" if is_past(rec, now) else rec.get("registration_status")


def course_summary(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """What a listing shows of a course."""
    end = course_end(rec, now)
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "title": pick(rec["title"], lang),
        "path": record_path("course", rec["id"]),
        "cefr_level": rec.get("cefr_level"),
        "academic_hours": rec.get("academic_hours"),
        "dates": course_dates(rec, lang, ds.root),
        "start_iso": (first_day(rec["start_date"]) or date.min).isoformat(),
        "time_attr": rec["start_date"],
        "end_iso": end.isoformat(),
        "ended": end <= now,
        "registration_status": registration_status(rec, now),
        **listing_facts(ds, rec, lang),
        "organizer": organization_view(ds, rec["organizer"], lang),
    }


def _schedules_jsonld(rec: Record) -> list[dict[str, Any]]:
    schedules = [
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in s["byday"]],
            "startTime": s["opens_at"],
            "endTime": s["closes_at"],
            "startDate": rec["start_date"],
            **({"endDate": rec["end_date"]} if rec.get("end_date") else {}),
            "scheduleTimezone": et.TZID,
        }
        for s in rec.get("schedules") or []
    ]
    # a course whose end is not known has no endDate
    return [{k: v for k, v in s.items() if v is not None} for s in schedules]


def course_jsonld(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """schema.org ``Course`` with one ``CourseInstance`` (dates, place, weekly schedule)."""
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": "online" if "online" in rec["place"] else "onsite",
        "startDate": rec["start_date"],
        "location": place_jsonld(ds, rec["place"], lang),
    }
    if rec.get("end_date"):
        instance["endDate"] = rec["end_date"]
    if rec.get("languages"):
        instance["inLanguage"] = list(rec["languages"])
    schedules = _schedules_jsonld(rec)
    if schedules:
        instance["courseSchedule"] = schedules
    offer: dict[str, Any] = {"@type": "Offer"}
    if rec.get("free") is not None:
        offer["category"] = "Free" if rec["free"] else "Paid"
    if rec.get("free"):
        offer.update(price=0, priceCurrency="EUR")
    status = registration_status(rec, now)
    if is_ended(rec):
        offer["availability"] = "https://schema.org/Discontinued"
    elif status in _AVAILABILITY:
        offer["availability"] = _AVAILABILITY[status]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "identifier": rec["id"],
        "name": plain(rec["title"], lang),
        "description": plain(rec["description"], lang),
        "provider": organization_jsonld(ds, rec["organizer"], lang),
        "hasCourseInstance": [instance],
    }
    if len(offer) > 1:
        ld["offers"] = [offer]
    if rec.get("languages"):
        ld["inLanguage"] = list(rec["languages"])
    if rec.get("free") is not None:
        ld["isAccessibleForFree"] = rec["free"]
    if rec.get("cefr_level"):
        ld["educationalLevel"] = f"CEFR {rec['cefr_level']}"
    if rec.get("partners"):
        ld["contributor"] = [organization_jsonld(ds, p, lang) for p in rec["partners"]]
    return ld


def course_view(ds: Dataset, rid: str, lang: str) -> dict[str, Any]:
    """Everything the page of one course shows, and its JSON-LD."""
    rec = ds.courses[rid]
    view = course_summary(ds, rec, lang, ds.built_at)
    view.update(
        description=pick(rec["description"], lang),
        schedule=hours_rows(rec.get("schedules"), lang),
        partners=[organization_view(ds, p, lang) for p in rec.get("partners") or []],
        seats=rec.get("seats"),
        registration=registration_view(rec.get("registration"), lang),
    )
    return {
        "record": view,
        "jsonld": {**course_jsonld(ds, rec, lang, ds.built_at), **sources_jsonld(rec["sources"])},
        "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        "search": course_search(ds, rec, view),
    }


def course_search(ds: Dataset, rec: Record, view: dict[str, Any]) -> dict[str, Any]:
    """Search index entries of a course page (see ``ici.search``): facets, start, lv names."""
    return {
        "kind": "course",
        "filters": listing_search_filters(view, "courses", "course_kind"),
        "sort": {"date": view["start_iso"]},
        "meta": {"detail": view["dates"]},
        "terms_lv": [
            rec["title"]["lv"],
            *organization_terms_lv(ds, rec["organizer"]),
            *(t for p in rec.get("partners") or [] for t in organization_terms_lv(ds, p)),
        ],
    }


def courses_list(ds: Dataset, lang: str) -> dict[str, Any]:
    """Upcoming and current courses soonest first, then past courses latest first."""
    now = ds.built_at
    items = [course_summary(ds, rec, lang, now) for rec in ds.courses.values()]
    upcoming = sorted((i for i in items if not i["ended"]), key=lambda i: i["start_iso"])
    archive = sorted((i for i in items if i["ended"]), key=lambda i: i["end_iso"], reverse=True)
    kinds = {i["kind"] for i in items}
    return {
        "upcoming": upcoming,
        "archive": archive,
        "help": listing_help(ds, lang, "#archive" if items else None),
        "filters": {**filter_options(items, lang), "kinds": [k for k in KIND_ORDER if k in kinds]},
    }
