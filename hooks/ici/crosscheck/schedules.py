"""Schedules: events and courses that end after they start, repeat rules that hold."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..rrule_check import rule_problem
from ..yamlsource import Source
from .records import order_problem, parse, records


def order_problems(src: Source, coll: str, first: str, last: str, fmt: str) -> Iterator[Problem]:
    """Records of ``coll`` whose ``last`` date is before their ``first``."""
    for path, rec in records(src, coll):
        yield from order_problem(src, path, rec, first, last, fmt)


def rrule_problems(src: Source) -> Iterator[Problem]:
    """Repeat rules (``rrule``) of events within the limits of ``ici.rrule_check``."""
    for path, rec in records(src, "events"):
        rule, start = rec.get("rrule"), parse(rec.get("start"), "%Y-%m-%dT%H:%M")
        if not isinstance(rule, str) or start is None:
            continue
        found = rule_problem(rule, start)
        if found:
            key, message, code = found
            yield src.problem((*path, key), f"{message}, got {rec[key]!r}", code)
