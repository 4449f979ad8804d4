"""Limits on an event's repeat rule (RFC 5545 RRULE), so no rule can hang the build.

``FREQ=DAILY;COUNT=100000000`` or ``UNTIL=99991231`` made every build expand millions of
dates. A rule here ends within ``MAX_YEARS`` of its start or repeats without end, has at
most ``MAX_OCCURRENCES`` dates, gives at least one, and takes its time of day from
``start`` (no BYHOUR/BYMINUTE/BYSECOND, which could put thousands of dates in a day).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from types import SimpleNamespace

import dateutil.rrule as dateutil_rrule
from dateutil.rrule import rrule, rrulestr

MAX_OCCURRENCES = 500
MAX_YEARS = 10
# the parts of RFC 5545 3.3.10 a day-level repeat may use
ALLOWED_PARTS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
)
MAX_INTERVAL = 366


@contextmanager
def _years_up_to(last_year: int) -> Iterator[None]:
    """Let dateutil expand rules only up to ``last_year`` inside the block.

    dateutil compares UNTIL only with dates a rule gives: a rule that gives none
    (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) is expanded day by day up to the year 9999,
    which took seconds. Its loops end at ``datetime.MAXYEAR``, read from the ``datetime``
    module it imported: that name is swapped for a copy with a nearer last year.
    """
    real = dateutil_rrule.datetime
    near = SimpleNamespace(**{k: getattr(real, k) for k in dir(real) if not k.startswith("__")})
    near.MAXYEAR = min(last_year, real.MAXYEAR)
    dateutil_rrule.datetime = near  # type: ignore[assignment]
    try:
        yield
    finally:
        dateutil_rrule.datetime = real


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) <= 9 else None


def _parts_problem(parts: dict[str, str]) -> str | None:
    unknown = [key for key in parts if key not in ALLOWED_PARTS]
    if unknown:
        return f"expected only the parts {', '.join(ALLOWED_PARTS)}, not {unknown[0]}"
    if "COUNT" in parts and "UNTIL" in parts:
        return "expected COUNT or UNTIL (RFC 5545 allows one of them), not both"
    if "INTERVAL" in parts:
        interval = _int(parts["INTERVAL"])
        if interval is None or not 1 <= interval <= MAX_INTERVAL:
            return f"expected INTERVAL from 1 to {MAX_INTERVAL}"
    if "COUNT" in parts:
        count = _int(parts["COUNT"])
        if count is None or not 1 <= count <= MAX_OCCURRENCES:
            return f"expected COUNT from 1 to {MAX_OCCURRENCES}"
    return None


def rule_problem(rule: str, start: datetime) -> tuple[str, str, str] | None:
    """``(field, message, code)`` for a rule that breaks a limit, or None when it is usable.

    ``field`` is ``rrule`` or ``start`` (a start the rule does not produce).
    """
    parts: dict[str, str] = {}
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key in parts:
            return "rrule", f"expected each part once ({key} twice)", "rrule.limits"
        parts[key] = value
    found = _parts_problem(parts)
    if found:
        return "rrule", found, "rrule.limits"
    try:
        parsed: rrule = rrulestr(rule, dtstart=start, ignoretz=True)
    except (ValueError, TypeError, OverflowError) as exc:
        reason = str(exc) or type(exc).__name__
        return "rrule", f"expected a valid RFC 5545 rule ({reason})", "rrule.syntax"
    horizon = start.replace(year=start.year + MAX_YEARS) if start.year < 9000 else start
    until = parsed._until
    if until is not None and until > horizon:
        return (
            "rrule",
            f"expected UNTIL within {MAX_YEARS} years of start (by {horizon:%Y-%m-%d})",
            "rrule.limits",
        )
    # expand no further than the horizon: an impossible rule (February 30) ends there
    bounded = parsed.replace(until=min(until or horizon, horizon), count=None)
    with _years_up_to(horizon.year + 1):
        dates = list(islice(bounded, MAX_OCCURRENCES + 1))
    if not dates:
        return (
            "rrule",
            f"expected a rule that gives at least one date within {MAX_YEARS} years of start",
            "rrule.limits",
        )
    if dates[0] != start:
        # RFC 5545 leaves a start that the rule does not produce undefined
        return (
            "start",
            f"expected the first date of the rrule ({dates[0]:%Y-%m-%dT%H:%M})",
            "rrule.first_date",
        )
    open_ended = "COUNT" not in parts and "UNTIL" not in parts
    if not open_ended:
        wanted = _int(parts.get("COUNT", "")) or len(dates)
        # COUNT is capped above; the expansion ignores it, so only UNTIL can overrun here
        if "COUNT" not in parts and len(dates) > MAX_OCCURRENCES:
            return (
                "rrule",
                f"expected at most {MAX_OCCURRENCES} dates (COUNT or UNTIL)",
                "rrule.limits",
            )
        if len(dates) < wanted and "COUNT" in parts:
            return (
                "rrule",
                f"expected all COUNT={wanted} dates within {MAX_YEARS} years of start "
                f"(by {horizon:%Y-%m-%d}; {len(dates)} fit)",
                "rrule.limits",
            )
    return None
