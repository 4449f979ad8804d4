"""Values anywhere in a file: real dates and times, valid phone numbers, sane hours."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import phonenumbers

from ..problems import Problem
from ..yamlsource import Source
from .records import DAY_OR_MONTH, EVENT_TIME, parse, walk

_DATE_FIELDS = {"last_reviewed", "start_date", "end_date"}
_DATETIME_FIELDS = {"start", "end", "previous_start"}
_DATE_FORMATS = {
    "last_reviewed": "%Y-%m-%d",
    "start_date": DAY_OR_MONTH,
    "end_date": DAY_OR_MONTH,
}


def _is_time(value: Any) -> bool:
    # 24:00 (the end of the day) is a valid closing time, which strptime does not know
    return isinstance(value, str) and (value == "24:00" or parse(value, "%H:%M") is not None)


def value_problems(src: Source) -> Iterator[Problem]:
    """Real dates, valid phone numbers and sane opening hours anywhere in one file."""
    for path, value in walk(src.data, ()):
        key = path[-1] if path else None
        if key in _DATE_FIELDS and isinstance(value, str) and not parse(value, _DATE_FORMATS[key]):
            yield src.problem(path, f"expected a real calendar date, got {value!r}", "date.unreal")
        elif key in _DATETIME_FIELDS and isinstance(value, str):
            if parse(value, EVENT_TIME) is None:
                yield src.problem(
                    path, f"expected a real date and time, got {value!r}", "date.unreal"
                )
        elif key in ("number", "phone") and isinstance(value, str) and value.startswith("+371"):
            try:
                ok = phonenumbers.is_valid_number(phonenumbers.parse(value, "LV"))
            except phonenumbers.NumberParseException:
                ok = False
            if not ok:
                yield src.problem(
                    path, f"expected a valid Latvian phone number, got {value!r}", "phone.invalid"
                )
        elif isinstance(value, dict) and {"opens_at", "closes_at"} <= value.keys():
            opens, closes = value["opens_at"], value["closes_at"]
            if opens == "24:00":
                yield src.problem(
                    (*path, "opens_at"),
                    "expected an opening time before 24:00, got '24:00'",
                    "hours.midnight",
                )
            elif _is_time(opens) and _is_time(closes) and closes <= opens:
                yield src.problem(
                    (*path, "closes_at"),
                    f"expected a time after opens_at {opens}, got {closes!r}",
                    "hours.order",
                )
