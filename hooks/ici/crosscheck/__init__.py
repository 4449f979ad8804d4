"""Checks that span records and files, one module per family of rules: ids and references
(``refs``), values such as dates and phone numbers (``values``), schedules, services,
statistics reports (``figures``), translations (``languages``), and the sources and the
lifecycle of records (``ici.provenance_check``, ``ici.lifecycle``).

They run after every file passed its schema, collect every problem, and fail once.
"""

from __future__ import annotations

from ..clock import build_time
from ..lifecycle import status_problems
from ..problems import Problem
from ..provenance_check import provenance_problems
from ..yamlsource import Source
from .figures import figure_problems
from .languages import missing_translations
from .records import DAY_OR_MONTH, EVENT_TIME
from .refs import id_problems, ref_problems
from .schedules import order_problems, rrule_problems
from .services import service_problems
from .values import value_problems

__all__ = ["cross_problems", "missing_translations"]


def cross_problems(sources: dict[str, Source]) -> list[Problem]:
    """Every cross-record problem over all loaded files."""
    problems = [*id_problems(sources), *ref_problems(sources)]
    for src in sources.values():
        problems.extend(value_problems(src))
    problems.extend(order_problems(sources["events"], "events", "start", "end", EVENT_TIME))
    problems.extend(
        order_problems(sources["courses"], "courses", "start_date", "end_date", DAY_OR_MONTH)
    )
    problems.extend(provenance_problems(sources))
    problems.extend(rrule_problems(sources["events"]))
    problems.extend(figure_problems(sources["figures"]))
    problems.extend(service_problems(sources))
    today = build_time().date()
    problems.extend(status_problems(sources["services"], "services", today))
    problems.extend(status_problems(sources["courses"], "courses", today))
    return problems
