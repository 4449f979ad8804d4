"""Where facts come from and how old they are: ``sources`` of records and content pages.

Every record and content page lists its ``sources`` (title, publisher, ``published`` as
YYYY-MM-DD, YYYY-MM or YYYY, optional url and note). The newest source dates the
information: older than ``STALE_MONTHS`` before the build's "now", readers see a notice
asking them to call and confirm. Partial dates (``2017-09``, ``2017``) are shown with the
precision they have, never with an invented day.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .fmt import format_day, format_month, format_year

STALE_MONTHS = 12


def partial_date(value: Any) -> tuple[date, str]:
    """``2017-09-21`` -> (date, "day"); ``2017-09`` -> (1 Sep, "month"); ``2017`` -> "year"."""
    return _partial_date(str(value))


# a register's records share few dates: each is read once (strptime is slow)
@lru_cache(maxsize=1 << 16)
def _partial_date(text: str) -> tuple[date, str]:
    if len(text) >= 10:
        return datetime.strptime(text[:10], "%Y-%m-%d").date(), "day"
    if len(text) == 7:
        return datetime.strptime(text, "%Y-%m").date(), "month"
    return date(int(text[:4]), 1, 1), "year"


def period_end(value: Any) -> date:
    """The first day after the period a partial date names (the next day, month or year)."""
    return _period_end(str(value))


@lru_cache(maxsize=1 << 16)
def _period_end(text: str) -> date:
    start, precision = _partial_date(text)
    step = {
        "day": relativedelta(days=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    }
    return start + step[precision]


def format_partial(value: Any, lang: str) -> str:
    """A partial date in the reader's language with the precision it has (Babel)."""
    day, precision = partial_date(value)
    if precision == "day":
        return format_day(day, lang)
    if precision == "month":
        return format_month(day, lang)
    return format_year(day, lang)


def newest(sources: list[dict[str, Any]] | None) -> str | None:
    """The ``published`` value of the newest source (latest period end wins)."""
    values = [str(s["published"]) for s in sources or [] if s.get("published")]
    if not values:
        return None
    return max(values, key=lambda v: (period_end(v), len(v)))


def newest_day(sources: list[dict[str, Any]] | None) -> str | None:
    """The newest source's date as YYYY-MM-DD (the first day of a month or year)."""
    value = newest(sources)
    return partial_date(value)[0].isoformat() if value else None


def is_stale(sources: list[dict[str, Any]] | None, today: date) -> bool:
    """True when the newest source is older than ``STALE_MONTHS`` before ``today``.

    A month or year counts from its last day: "2017-12" is as new as 31 December 2017.
    """
    value = newest(sources)
    if value is None:
        return False
    last_day = period_end(value) - relativedelta(days=1)
    return last_day < today - relativedelta(months=STALE_MONTHS)


def provenance_view(
    sources: list[dict[str, Any]] | None, lang: str, now: datetime
) -> dict[str, Any] | None:
    """What the "Source" line and the stale notice show (None when there are no sources)."""
    if not sources:
        return None
    value = newest(sources)
    return {
        "sources": [
            {
                "title": str(s["title"]),
                "publisher": str(s["publisher"]),
                "published": format_partial(s["published"], lang),
                "published_iso": str(s["published"]),
                "url": s.get("url"),
                "note": s.get("note"),
            }
            for s in sources
        ],
        "as_of": format_partial(value, lang) if value else "",
        "as_of_iso": value or "",
        "stale": is_stale(sources, now.date()),
    }


def published_values(sources: Node | None) -> list[str]:
    """The ``published`` values of a record's ``sources`` node."""
    if not isinstance(sources, SequenceNode):
        return []
    values = []
    for item in sources.value:
        if isinstance(item, MappingNode):
            for k, v in item.value:
                if (
                    isinstance(k, ScalarNode)
                    and k.value == "published"
                    and isinstance(v, ScalarNode)
                ):
                    values.append(v.value)
    return values
