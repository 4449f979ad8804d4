"""Statistics reports: real dates in order, totals that resolve, parts that add up."""

from __future__ import annotations

from collections.abc import Iterator

from babel import Locale

from ..problems import Problem
from ..yamlsource import Source
from .records import order_problem, parse, records


def _known_country(code: str) -> bool:
    return code in Locale.parse("en").territories


def figure_problems(src: Source) -> Iterator[Problem]:
    """Reports: real dates in order, totals that resolve, parts that add up, real countries."""
    for path, rec in records(src, "figures"):
        for key in ("period_start", "as_of"):
            value = rec.get(key)
            if isinstance(value, str) and parse(value, "%Y-%m-%d") is None:
                yield src.problem(
                    (*path, key), f"expected a real calendar date, got {value!r}", "date.unreal"
                )
        yield from order_problem(src, path, rec, "period_start", "as_of", "%Y-%m-%d")
        totals: dict[str, int] = {}
        for i, total in enumerate(rec.get("totals") or []):
            tid = total.get("id")
            if tid in totals:
                yield src.problem(
                    (*path, "totals", i, "id"),
                    f"expected a unique id, got {tid!r} again",
                    "ref.duplicate_id",
                )
            elif isinstance(tid, str):
                totals[tid] = total.get("value")
        for i, part in enumerate(rec.get("breakdowns") or []):
            where = (*path, "breakdowns", i)
            ref = part.get("total")
            if ref not in totals:
                known = ", ".join(totals)
                yield src.problem(
                    (*where, "total"),
                    f"expected the id of a total in this report ({known}), got {ref!r}",
                    "ref.unknown",
                )
                continue
            rows = part.get("rows") or []
            added = sum(r.get("value", 0) for r in rows if isinstance(r.get("value"), int))
            if added != totals[ref]:
                yield src.problem(
                    (*where, "rows"),
                    f"expected values adding up to {ref} ({totals[ref]}), got {added}",
                    "figures.sum",
                )
        for i, code in enumerate(rec.get("top_countries") or []):
            if isinstance(code, str) and len(code) == 2 and not _known_country(code):
                yield src.problem(
                    (*path, "top_countries", i),
                    f"expected a known country code, got {code!r}",
                    "figures.country",
                )
