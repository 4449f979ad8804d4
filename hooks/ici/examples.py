"""The demonstration dataset in ``examples/``, kept apart from the real data in ``data/``.

``make demo`` builds the site with ``examples/events.yaml`` and ``examples/courses.yaml``
in place of the real events and courses (the rest comes from ``data/``), so every listing
feature (repeats, moved and cancelled events, open and full registration, upcoming and
past entries) can be shown without a single invented fact reaching the real site:

- every record in ``examples/`` carries ``example: true`` (a record without it is an error);
- a record in ``data/`` that carries ``example`` stops ``make check`` and ``make build``;
- example dates are written as if the build ran in the week of :data:`EXAMPLE_BASE` and are
  moved at load time by whole weeks, so that week becomes the build's week: the examples
  are always upcoming (or past, as written), and weekly repeat rules keep their weekday.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from .problems import Problem
from .yamlsource import Source

DATA = "data"
EXAMPLES = "examples"
# the data files the demo takes from examples/; the others always come from data/
EXAMPLE_FILES = ("events", "courses")
# example dates are written relative to this Monday: it becomes the Monday of the build
EXAMPLE_BASE = date(2030, 1, 7)
MARKER = "example"

# date fields of example records, by data file; every record's last_reviewed and its
# sources' published dates move too, so the examples never look old or come from the future
_DATE_FIELDS = {
    "events": ("start", "end", "previous_start", "last_reviewed"),
    "courses": ("start_date", "end_date", "ended", "last_reviewed"),
}
_DATETIME = "%Y-%m-%dT%H:%M"
_DATE = "%Y-%m-%d"
_UNTIL = re.compile(r"(?<=UNTIL=)(\d{8})(T\d{6})?")


def dataset_folder(dataset: str, name: str) -> str:
    """The folder ``data/<name>.yaml`` is read from in ``dataset`` (``data`` or ``examples``)."""
    return EXAMPLES if dataset == EXAMPLES and name in EXAMPLE_FILES else DATA


def marker_problems(src: Source, keys: tuple[str, ...], in_examples: bool) -> list[Problem]:
    """Check and remove the ``example`` marker of every record in ``src``.

    In ``data/`` a record with the marker is an error; in ``examples/`` a record without
    ``example: true`` is one. The marker is taken out before the schema check, so the
    record schemas need no field for it.
    """
    problems: list[Problem] = []
    for key in keys:
        records = src.data.get(key) if isinstance(src.data, dict) else None
        for index, rec in enumerate(records if isinstance(records, list) else []):
            if not isinstance(rec, dict):
                continue
            path = (key, index, MARKER)
            marked = rec.pop(MARKER, None)
            if not in_examples and marked is not None:
                problems.append(
                    src.problem(
                        path,
                        "expected no example records in data/ (demonstration data lives in "
                        f"examples/), got example: {str(marked).lower()}",
                        "example.in_data",
                    )
                )
            elif in_examples and marked is not True:
                problems.append(
                    src.problem(
                        path if marked is not None else (key, index),
                        "expected example: true on every record in examples/, got "
                        + ("nothing" if marked is None else repr(marked)),
                        "example.unmarked",
                    )
                )
    return problems


def week_shift(built_at: datetime) -> timedelta:
    """How far example dates move: whole weeks from :data:`EXAMPLE_BASE` to the build."""
    return timedelta(weeks=(built_at.date() - EXAMPLE_BASE).days // 7)


def shift_dates(src: Source, name: str, shift: timedelta) -> None:
    """Move every date of the example records in ``src`` by ``shift`` (in place).

    Values that are not dates are left alone: the schema check reports them next.
    """
    fields = _DATE_FIELDS.get(name, ())
    for rec in src.data.get(name) or [] if isinstance(src.data, dict) else []:
        if not isinstance(rec, dict):
            continue
        for fld in fields:
            if isinstance(rec.get(fld), str):
                rec[fld] = _shifted(rec[fld], shift)
        if isinstance(rec.get("rrule"), str):
            rec["rrule"] = _UNTIL.sub(lambda m: _shifted_until(m, shift), rec["rrule"])
        for source in rec.get("sources") or [] if isinstance(rec.get("sources"), list) else []:
            if isinstance(source, dict) and isinstance(source.get("published"), str):
                source["published"] = _shifted(source["published"], shift)


def _shifted(value: str, shift: timedelta) -> str:
    for fmt in (_DATETIME, _DATE):
        try:
            return (datetime.strptime(value, fmt) + shift).strftime(fmt)
        except ValueError:
            continue
    return value


def _shifted_until(m: re.Match[str], shift: timedelta) -> str:
    try:
        day = datetime.strptime(m[1], "%Y%m%d") + shift
    except ValueError:
        return m[0]
    return day.strftime("%Y%m%d") + (m[2] or "")


def is_demo(extra: Any) -> bool:
    """True when a MkDocs ``extra`` config selects the example dataset."""
    value = extra.get("ici_dataset") if hasattr(extra, "get") else None
    return value == EXAMPLES
