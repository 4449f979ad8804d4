"""When events happen: Riga local times, repeats (RFC 5545 RRULE), upcoming and past.

Data holds wall-clock times in Europe/Riga (``2026-11-23T10:00``), or only a date
(``2017-09-21``) or a month (``2017-09``) when the source gives no more: such an event
spans the whole day or month (``Occurrence.precision`` says which), is shown without an
invented time and is an all-day entry in calendars. A repeating event keeps
its wall-clock time across daylight-saving changes, as RFC 5545 says for a DTSTART with a
TZID, so repeats are expanded on naive local times and given the zone afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from .dataset import Record

TZID = "Europe/Riga"
RIGA = ZoneInfo(TZID)
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place, as aware Europe/Riga datetimes."""

    start: datetime
    end: datetime
    precision: str = "minute"  # "day" or "month" when the source gives no time or day


def precision(value: str) -> str:
    """``minute`` (``YYYY-MM-DDTHH:MM``), ``day`` (``YYYY-MM-DD``) or ``month`` (``YYYY-MM``)."""
    if "T" in value:
        return "minute"
    return "day" if len(value) == 10 else "month"


def local(value: str) -> datetime:
    """A data value as a naive Riga wall-clock time (midnight of the first day when partial)."""
    kind = precision(value)
    if kind == "minute":
        return datetime.strptime(value, LOCAL_FORMAT)
    return datetime.strptime(value, "%Y-%m-%d" if kind == "day" else "%Y-%m")


def _after(value: str) -> datetime:
    """Midnight after the day or month a partial value names (an exclusive end)."""
    start = local(value)
    if precision(value) == "day":
        return start + timedelta(days=1)
    return (start + timedelta(days=32)).replace(day=1)


def local_end(rec: Record) -> datetime:
    """The end as a naive Riga time; a partial start without end lasts its day or month."""
    end = rec.get("end")
    if end:
        return local(end) if precision(end) == "minute" else _after(end)
    return _after(rec["start"])


def in_riga(naive: datetime) -> datetime:
    """A naive Riga wall-clock time as an aware datetime."""
    return naive.replace(tzinfo=RIGA)


def riga_wall_clock(moment: datetime) -> datetime:
    """An aware moment as a naive Riga wall-clock time (to compare with data values)."""
    return moment.astimezone(RIGA).replace(tzinfo=None)


def rule_parts(rule: str) -> dict[str, str]:
    """``FREQ=MONTHLY;BYDAY=3TH`` -> ``{"FREQ": "MONTHLY", "BYDAY": "3TH"}``."""
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def _rule(rec: Record) -> rrule | None:
    if not rec.get("rrule"):
        return None
    # ignoretz: an UNTIL is read as Riga wall-clock time, like start and end
    return rrulestr(rec["rrule"], dtstart=local(rec["start"]), ignoretz=True)


def is_recurring(rec: Record) -> bool:
    """True when the event repeats."""
    return bool(rec.get("rrule"))


def is_open_ended(rec: Record) -> bool:
    """True when the event repeats without a COUNT or UNTIL: it never ends."""
    parts = rule_parts(rec.get("rrule") or "")
    return bool(parts) and "COUNT" not in parts and "UNTIL" not in parts


def _duration(rec: Record) -> timedelta:
    return local_end(rec) - local(rec["start"])


def _occurrence(rec: Record, naive_start: datetime) -> Occurrence:
    return Occurrence(
        in_riga(naive_start), in_riga(naive_start + _duration(rec)), precision(rec["start"])
    )


def first_occurrence(rec: Record) -> Occurrence:
    """The occurrence given by ``start`` and ``end`` in the data."""
    return _occurrence(rec, local(rec["start"]))


def occurrences(rec: Record) -> Iterator[Occurrence]:
    """Every occurrence in order (endless for an open-ended repeat: take what you need)."""
    rule = _rule(rec)
    if rule is None:
        yield first_occurrence(rec)
        return
    for naive in rule:
        yield _occurrence(rec, naive)


def next_occurrences(rec: Record, now: datetime, count: int = 3) -> list[Occurrence]:
    """Up to ``count`` occurrences that have not ended at ``now``, soonest first."""
    rule = _rule(rec)
    if rule is None:
        first = first_occurrence(rec)
        return [first] if first.end > now and count else []
    # an occurrence has not ended when it started after now minus its duration
    after = riga_wall_clock(now) - _duration(rec)
    return [_occurrence(rec, naive) for naive in rule.xafter(after, count=count, inc=False)]


def last_occurrence(rec: Record) -> Occurrence | None:
    """The final occurrence, or None when the event repeats without end."""
    rule = _rule(rec)
    if rule is None:
        return first_occurrence(rec)
    if is_open_ended(rec):
        return None
    last = rule[-1] if rule.count() else None
    return _occurrence(rec, last) if last else None


def series_end(rec: Record) -> datetime | None:
    """When the event (all its repeats) is over; None when it repeats without end."""
    last = last_occurrence(rec)
    return last.end if last else None


def has_ended(rec: Record, now: datetime) -> bool:
    """True when every occurrence ended at or before ``now``."""
    end = series_end(rec)
    return end is not None and end <= now


def representative(rec: Record, now: datetime) -> Occurrence:
    """The occurrence a listing shows: the next one, or the last one of a past event."""
    coming = next_occurrences(rec, now, 1)
    if coming:
        return coming[0]
    return last_occurrence(rec) or first_occurrence(rec)


def listing_keys(rec: Record, now: datetime) -> tuple[datetime, datetime]:
    """How a listing orders an event: the start of the occurrence it shows, and when the
    event is over (that occurrence's end for a repeat without end)."""
    occ = representative(rec, now)
    return occ.start, series_end(rec) or occ.end
