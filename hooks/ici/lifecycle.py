"""Ended services and courses, and past dates that may be given only as a month.

A service or course has ``status: active`` (the default when the field is absent) or
``status: ended``, with an optional ``ended`` date (``YYYY-MM-DD`` or ``YYYY-MM``) where a
source gives one. Course dates may be partial too (``2017-09``); for "is it past" a
partial date means the last day it could mean, so a course of "September 2017" is not
called past before October 2017.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .problems import Problem
from .provenance import format_partial
from .yamlsource import Source

# the zone of eventtime.RIGA (not imported: the data checks import this module first)
_RIGA = ZoneInfo("Europe/Riga")

ACTIVE = "active"
ENDED = "ended"

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# the shape schemas/common.schema.json allows for ``ended`` (anything else it reports)
_ENDED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _parts(value: str) -> tuple[int, int | None, int | None] | None:
    found = _PARTIAL.match(value.strip()) if isinstance(value, str) else None
    if not found:
        return None
    year, month, day = found.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def last_day(value: str) -> date | None:
    """The last day a date string can mean: ``2017-09`` -> 30 Sep, ``2017-09-21`` -> itself.

    ``2017`` means 31 December. Anything else (or a day that does not exist) gives None.
    """
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    try:
        if month is None:
            return date(year, 12, 31)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day)
    except ValueError:
        return None


def first_day(value: str) -> date | None:
    """The first day a date string can mean: ``2017-09`` -> 1 Sep 2017."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    try:
        return date(year, month or 1, day or 1)
    except ValueError:
        return None


def over_at(value: str) -> datetime | None:
    """The moment a date string is wholly past: the midnight after its last day, Riga time."""
    day = last_day(value)
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=_RIGA) if day else None


def status_of(rec: dict[str, Any]) -> str:
    """``active`` or ``ended``; a record without ``status`` is active."""
    return ENDED if rec.get("status") == ENDED else ACTIVE


def is_ended(rec: dict[str, Any]) -> bool:
    """True for a record marked ``status: ended`` (whatever its dates)."""
    return status_of(rec) == ENDED


def ended_label(rec: dict[str, Any], lang: str) -> str | None:
    """The end date of an ended record in the reader's language, or None when not given."""
    value = rec.get("ended")
    return format_partial(value, lang) if is_ended(rec) and isinstance(value, str) else None


def status_problems(src: Source, coll: str, today: date) -> list[Problem]:
    """Checks of ``status``/``ended`` beyond the schema, for services or courses in ``src``.

    ``ended`` belongs only to an ended record; it must be a real day or month, not after
    the build date (a service that ends next month is still active: mark it ended then),
    and for a course not before its start.
    """
    out = []
    records = src.data.get(coll) if isinstance(src.data, dict) else None
    for i, rec in enumerate(records if isinstance(records, list) else []):
        value = rec.get("ended") if isinstance(rec, dict) else None
        if not isinstance(value, str) or not _ENDED.match(value):
            continue  # absent, or reported by the schema
        where = (coll, i, "ended")
        if rec.get("status", ACTIVE) != ENDED:
            out.append(
                src.problem(
                    where,
                    f"expected an end date only with status: ended, got {value!r} "
                    f"with status {rec.get('status', ACTIVE)!r}",
                    "lifecycle.not_ended",
                )
            )
            continue
        first = first_day(value)
        if first is None:
            out.append(
                src.problem(where, f"expected a real calendar date, got {value!r}", "date.unreal")
            )
        elif first > today:
            out.append(
                src.problem(
                    where,
                    f"expected an end date not after the build date {today.isoformat()}, "
                    f"got {value!r}",
                    "lifecycle.future_end",
                )
            )
        start = rec.get("start_date")
        begun = first_day(start) if isinstance(start, str) else None
        over = last_day(value)
        if begun and over and over < begun:
            out.append(
                src.problem(
                    where,
                    f"expected ended not before start_date {start}, got {value!r}",
                    "date.order",
                )
            )
    return out
