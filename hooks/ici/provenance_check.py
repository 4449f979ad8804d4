"""Cross-checks of ``sources`` and dates: nothing from the future, no unsupported dates.

- A source cannot be published after the build's "now" (``SOURCE_DATE_EPOCH`` in tests).
- ``last_reviewed`` is the day someone confirmed the record against its newest source: it
  must fall in the newest source's day, month or year, and cannot be in the future.
- An event or course after the build date needs a source from the last 12 months: an
  older plan is not evidence that it still takes place.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

from dateutil.relativedelta import relativedelta

from .clock import build_time
from .kinds import KINDS
from .problems import Problem
from .provenance import STALE_MONTHS, newest, partial_date, period_end
from .yamlsource import Source

# (file key, collection) of every record that carries sources
# (data file, collection) of every kind of record: each record carries its sources
_RECORDS = tuple((kind.file, kind.collection) for kind in KINDS)


def _valid_sources(rec: dict[str, Any]) -> list[dict[str, Any]]:
    # the schema reports malformed sources; only well-formed ones are compared here
    out = []
    for s in rec.get("sources") or []:
        if isinstance(s, dict) and isinstance(s.get("published"), str):
            try:
                partial_date(s["published"])
            except ValueError:
                continue
            out.append(s)
    return out


def _record_problems(
    src: Source, path: tuple[str | int, ...], rec: dict[str, Any], today: date
) -> Iterator[Problem]:
    sources = _valid_sources(rec)
    for i, s in enumerate(rec.get("sources") or []):
        if s in sources and partial_date(s["published"])[0] > today:
            yield src.problem(
                (*path, "sources", i, "published"),
                f"expected a date not after the build date {today}, got {s['published']!r}",
                "source.future",
            )
    value = newest(sources)
    reviewed = rec.get("last_reviewed")
    if value and isinstance(reviewed, str):
        try:
            day = date.fromisoformat(reviewed)
        except ValueError:
            return  # reported as "expected a real calendar date"
        first, after = partial_date(value)[0], period_end(value)
        if day > today:
            yield src.problem(
                (*path, "last_reviewed"),
                f"expected a date not after the build date {today}, got {reviewed!r}",
                "source.future",
            )
        elif not first <= day < after:
            yield src.problem(
                (*path, "last_reviewed"),
                f"expected the date of the newest source ({value}), got {reviewed!r}",
                "source.last_reviewed",
            )


def _collection_problems(src: Source, coll: str, today: date) -> list[Problem]:
    return [
        problem
        for i, rec in enumerate(src.data.get(coll) or [])
        if isinstance(rec, dict)
        for problem in _record_problems(src, (coll, i), rec, today)
    ]


def _future_problems(src: Source, coll: str, field: str, today: date) -> Iterator[Problem]:
    """Events and courses after ``today`` need a source from the last 12 months."""
    limit = today - relativedelta(months=STALE_MONTHS)
    data = src.data if isinstance(src.data, dict) else {}
    for i, rec in enumerate(data.get(coll) or []):
        if not isinstance(rec, dict) or not isinstance(rec.get(field), str):
            continue
        try:
            start = partial_date(rec[field][:10])[0]
        except ValueError:
            continue
        value = newest(_valid_sources(rec))
        if start > today and (value is None or period_end(value) <= limit):
            yield src.problem(
                (coll, i, field),
                f"expected a source from the last {STALE_MONTHS} months for a date after "
                f"the build date {today}, got {rec[field]!r} with the newest source "
                f"{value or 'none'}",
                "source.stale",
            )


def provenance_problems(sources: dict[str, Source]) -> list[Problem]:
    """Every source and review-date problem over the loaded data files."""
    today = build_time().date()
    problems: list[Problem] = []
    for file_key, coll in _RECORDS:
        src = sources.get(file_key)
        if src is None or not isinstance(src.data, dict):
            continue
        problems.extend(
            src.once(("provenance", coll, today), partial(_collection_problems, src, coll, today))
        )
    if "events" in sources:
        problems.extend(_future_problems(sources["events"], "events", "start", today))
    if "courses" in sources:
        problems.extend(_future_problems(sources["courses"], "courses", "start_date", today))
    return problems
