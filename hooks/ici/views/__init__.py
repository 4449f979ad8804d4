"""View models: plain dicts a template only has to present, one builder per page kind.

``RECORD_VIEWS[kind](ds, record_id, lang)`` builds the context of a generated record page;
``LIST_VIEWS[name](ds, lang)`` the context of a hand-written listing page whose front
matter says ``ici_list: <name>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..dataset import Dataset
from . import contacts, register

View = dict[str, Any]

RECORD_VIEWS: dict[str, Callable[[Dataset, str, str], View]] = {
    "branch": contacts.branch_view,
    "service": register.service_view,
}

LIST_VIEWS: dict[str, Callable[[Dataset, str], View]] = {
    "branches": contacts.branches_list,
    "services": register.services_list,
}
