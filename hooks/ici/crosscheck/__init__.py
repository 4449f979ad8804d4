"""Checks that span records and files, one module per family of rules: ids and references
(``refs``), values such as dates and phone numbers (``values``), schedules, services,
statistics reports (``figures``), translations (``languages``), and the sources and the
lifecycle of records (``ici.provenance_check``, ``ici.lifecycle``).

They run after every file passed its schema, collect every problem, and fail once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..clock import build_time
from ..kinds import KINDS, Kind
from ..lifecycle import status_problems
from ..problems import Problem
from ..provenance_check import provenance_problems
from ..yamlsource import Source
from .figures import figure_problems
from .languages import missing_translations
from .refs import id_problems, ref_problems
from .schedules import order_problems, rrule_problems
from .services import service_problems
from .values import value_problems

__all__ = ["KIND_CHECKS", "cross_problems", "missing_translations"]

KindCheck = Callable[[dict[str, Source], Kind], Iterable[Problem]]


def _dates(sources: dict[str, Source], kind: Kind) -> Iterable[Problem]:
    assert kind.period is not None, f"{kind.collection}: the dates check needs a period"
    return order_problems(sources[kind.file], kind.collection, *kind.period)


def _status(sources: dict[str, Source], kind: Kind) -> Iterable[Problem]:
    return status_problems(sources[kind.file], kind.collection, build_time().date())


# the cross-checks a kind may name in Kind.checks, in the order their problems are listed
KIND_CHECKS: dict[str, KindCheck] = {
    "dates": _dates,
    "rrule": lambda sources, kind: rrule_problems(sources[kind.file]),
    "figures": lambda sources, kind: figure_problems(sources[kind.file]),
    "reach": lambda sources, kind: service_problems(sources),
    "status": _status,
}


def _kind_checks(
    sources: dict[str, Source], names: Iterable[str], kinds: tuple[Kind, ...]
) -> list[Problem]:
    return [
        problem
        for name in names
        for kind in kinds
        if name in kind.checks
        for problem in KIND_CHECKS[name](sources, kind)
    ]


def cross_problems(sources: dict[str, Source], kinds: tuple[Kind, ...] = KINDS) -> list[Problem]:
    """Every cross-record problem over all loaded files."""
    problems = [*id_problems(sources), *ref_problems(sources, kinds)]
    for src in sources.values():
        problems.extend(src.once("values", lambda src=src: list(value_problems(src))))
    # the order make check has always listed them in: dates, sources, then the rest
    problems.extend(_kind_checks(sources, ["dates"], kinds))
    problems.extend(provenance_problems(sources))
    problems.extend(_kind_checks(sources, [n for n in KIND_CHECKS if n != "dates"], kinds))
    return problems
