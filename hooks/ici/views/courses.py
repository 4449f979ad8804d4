"""View models for courses: the listing grouped by kind, and one page per course."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from .. import eventtime as et
from ..dataset import Dataset, Record
from ..fmt import SCHEMA_DAYS, format_day, hours_rows
from ..pages import record_path
from ..text import pick, plain
from .places import (
    filter_options,
    listing_facts,
    listing_search_filters,
    organization_jsonld,
    organization_terms_lv,
    organization_view,
    place_jsonld,
    registration_view,
)

KIND_ORDER = ("latvian", "integration", "qualification")
# open registration first, then full, then closed
STATUS_ORDER = ("open", "full", "closed")
_AVAILABILITY = {"open": "https://schema.org/InStock", "full": "https://schema.org/SoldOut"}


def _day(value: str) -> date:
    return datetime.strptime(value, "%Y-%m-%d").date()


def course_end(rec: Record) -> datetime:
    """The moment a course is over: the midnight after its last day, Riga time."""
    return et.in_riga(datetime.combine(_day(rec["end_date"]) + timedelta(days=1), time()))


def registration_status(rec: Record, now: datetime) -> str:
    """The status to show: a course that is over cannot take registrations, whatever the data."""
    return "closed" if course_end(rec) <= now else rec["registration_status"]


def course_summary(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """What a listing shows of a course."""
    start, end = _day(rec["start_date"]), _day(rec["end_date"])
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "title": pick(rec["title"], lang),
        "path": record_path("course", rec["id"]),
        "cefr_level": rec.get("cefr_level"),
        "academic_hours": rec.get("academic_hours"),
        "dates": f"{format_day(start, lang)} – {format_day(end, lang)}",
        "start_iso": start.isoformat(),
        "end_iso": course_end(rec).isoformat(),
        "ended": course_end(rec) <= now,
        "registration_status": registration_status(rec, now),
        **listing_facts(ds, rec, lang),
        "organizer": organization_view(ds, rec["organizer"], lang),
    }


def _schedules_jsonld(rec: Record) -> list[dict[str, Any]]:
    return [
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in s["byday"]],
            "startTime": s["opens_at"],
            "endTime": s["closes_at"],
            "startDate": rec["start_date"],
            "endDate": rec["end_date"],
            "scheduleTimezone": et.TZID,
        }
        for s in rec.get("schedules") or []
    ]


def course_jsonld(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """schema.org ``Course`` with one ``CourseInstance`` (dates, place, weekly schedule)."""
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": "online" if "online" in rec["place"] else "onsite",
        "startDate": rec["start_date"],
        "endDate": rec["end_date"],
        "location": place_jsonld(ds, rec["place"], lang),
        "inLanguage": list(rec["languages"]),
    }
    schedules = _schedules_jsonld(rec)
    if schedules:
        instance["courseSchedule"] = schedules
    offer: dict[str, Any] = {"@type": "Offer", "category": "Free" if rec["free"] else "Paid"}
    if rec["free"]:
        offer.update(price=0, priceCurrency="EUR")
    status = registration_status(rec, now)
    if status in _AVAILABILITY:
        offer["availability"] = _AVAILABILITY[status]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "identifier": rec["id"],
        "name": plain(rec["title"], lang),
        "description": plain(rec["description"], lang),
        "provider": organization_jsonld(ds, rec["organizer"], lang),
        "inLanguage": list(rec["languages"]),
        "isAccessibleForFree": rec["free"],
        "hasCourseInstance": [instance],
        "offers": [offer],
    }
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
        registration=registration_view(rec["registration"], lang),
    )
    return {
        "record": view,
        "jsonld": course_jsonld(ds, rec, lang, ds.built_at),
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


def _list_order(item: dict[str, Any]) -> tuple[int, int]:
    # open and full courses soonest first; closed ones most recent first
    rank = STATUS_ORDER.index(item["registration_status"])
    day = date.fromisoformat(item["start_iso"]).toordinal()
    return rank, -day if item["registration_status"] == "closed" else day


def courses_list(ds: Dataset, lang: str) -> dict[str, Any]:
    """Courses grouped by kind; in each group open registration first, then by date."""
    now = ds.built_at
    items = [course_summary(ds, rec, lang, now) for rec in ds.courses.values()]
    groups = []
    for kind in KIND_ORDER:
        members = [i for i in items if i["kind"] == kind]
        if members:
            members.sort(key=_list_order)
            groups.append({"kind": kind, "members": members})
    return {
        "groups": groups,
        "filters": {**filter_options(items, lang), "kinds": [g["kind"] for g in groups]},
    }
