"""What every cross-check reads the loaded files with: records, dates and walks that never
trust a shape (the cross-checks also run on files with schema problems)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..kinds import DAY_OR_MONTH, EVENT_TIME
from ..problems import Path, Problem
from ..yamlsource import Source

__all__ = ["DAY_OR_MONTH", "EVENT_TIME", "as_list", "order_problem", "parse", "records", "walk"]


def as_list(value: Any) -> list[Any]:
    """``value`` if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def records(src: Source, key: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """``(path, record)`` of every mapping in the collection ``key`` of ``src``."""
    for i, rec in enumerate(as_list(src.data.get(key))):
        if isinstance(rec, dict):
            yield (key, i), rec


def parse(value: Any, fmt: str) -> datetime | None:
    """``value`` read with one of the ``|``-separated formats, or None."""
    return _parse(value, fmt) if isinstance(value, str) else None


# a register's records share few dates and times: each is read once (strptime is slow)
@lru_cache(maxsize=1 << 16)
def _parse(value: str, fmt: str) -> datetime | None:
    # partial dates (YYYY-MM) are real dates too
    for one in fmt.split("|"):
        try:
            return datetime.strptime(value, one)
        except ValueError:
            continue
    return None


def walk(value: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """Every value below ``value`` (itself first, then each child's walk in order), with its
    path."""
    # a stack, not nested generators: each value of a large register passed up through
    # every generator above it
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))


def strings(value: Any) -> list[tuple[int, str]]:
    """(index, item) of the text items of a list; anything else was reported by the schema."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def is_id(rec: dict[str, Any]) -> bool:
    """Whether a record has a text id."""
    return isinstance(rec.get("id"), str)


def order_problem(
    src: Source, path: Path, rec: dict[str, Any], first: str, last: str, fmt: str
) -> Iterator[Problem]:
    """A problem when ``rec[last]`` is before ``rec[first]`` (both read with ``fmt``)."""
    a, b = parse(rec.get(first), fmt), parse(rec.get(last), fmt)
    if a and b and b < a:
        yield src.problem(
            (*path, last),
            f"expected {last} not before {first} {rec[first]}, got {rec[last]!r}",
            "date.order",
        )
