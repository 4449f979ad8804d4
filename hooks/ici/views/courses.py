"""View models for courses: the listing grouped by kind, and one page per course."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path as FsPath
from typing import Any

from .. import eventtime as et
from ..dataset import Dataset, Record
from ..fmt import SCHEMA_DAYS, hours_rows
from ..pages import record_path
from ..provenance import format_partial, partial_date, period_end, provenance_view, sources_jsonld
from ..register import labels
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
    return partial_date(value)[0]


def course_end(rec: Record) -> datetime:
    """The midnight after a course's last day (or month), Riga time.

    Without an end date (the source gives none) this is the end of the start's day or
    month: the course is no longer upcoming then, and no end is invented for it.
    """
    last = rec.get("end_date") or rec["start_date"]
    return et.in_riga(datetime.combine(period_end(last), time()))


def course_dates(rec: Record, lang: str, root: FsPath | None = None) -> str:
    """``1 September 2017 – 20 December 2017``, ``September 2017`` or "Start: ..."."""
    start = format_partial(rec["start_date"], lang)
    if rec.get("end_date"):
        return f"{start} – {format_partial(rec['end_date'], lang)}"
    return labels(root).get("provenance.start", lang).replace("{date}", start)


def registration_status(rec: Record, now: datetime) -> str | None:
    """The status to show: a course that is over cannot take registrations, whatever the data."""
    return "closed" if course_end(rec) <= now else rec.get("registration_status")


def course_summary(ds: Dataset, rec: Record, lang: str, now: datetime) -> dict[str, Any]:
    """What a listing shows of a course."""
    start = _day(rec["start_date"])
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "title": pick(rec["title"], lang),
        "path": record_path("course", rec["id"]),
        "cefr_level": rec.get("cefr_level"),
        "academic_hours": rec.get("academic_hours"),
        "dates": course_dates(rec, lang, ds.root),
        "start_iso": start.isoformat(),
        "time_attr": rec["start_date"],
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
            **({"endDate": rec["end_date"]} if rec.get("end_date") else {}),
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
    if status in _AVAILABILITY:
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


def _list_order(item: dict[str, Any]) -> tuple[int, int]:
    # open and full courses soonest first; closed ones most recent first
    status = item["registration_status"]
    rank = STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)
    day = date.fromisoformat(item["start_iso"]).toordinal()
    return rank, -day if status in ("closed", None) else day


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
