"""Interface strings the templates build from data values (``ui("events.kind_" ~ e.kind)``).

``ici.ui`` checks the keys the templates name literally; these are named by a value in the
data (a category, a kind, a region), so a new value without its string failed only while
a page was rendered. The check and the build find them here first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .dataset import Dataset
from .problems import Problem
from .ui import Strings, strings_file

# (key prefix, collection, field): the templates print ui(prefix ~ value) for each value
DATA_KEYS = (
    ("contacts.kind_", "branches", "kind"),
    ("contacts.group_", "branches", "kind"),
    ("regions.", "branches", "region"),
    ("register.category_", "services", "category"),
    ("register.channel_", "services", "channels"),
    ("register.status_", "services", "status"),  # shown when not active
    ("regions.", "services", "service_areas"),
    ("register.provider_", "organizations", "type"),
    ("events.kind_", "events", "kind"),
    ("events.status_", "events", "status"),  # shown when not scheduled
    ("courses.kind_", "courses", "kind"),
    ("courses.status_", "courses", "registration_status"),
)
# values the templates print no string for (the normal case says nothing)
SILENT = {("register.status_", "active"), ("events.status_", "scheduled")}
FILES = {
    "branches": "data/contacts.yaml",
    "services": "data/services.yaml",
    "organizations": "data/services.yaml",
    "events": "data/events.yaml",
    "courses": "data/courses.yaml",
}


def _values(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (v for v in value if isinstance(v, str))


def missing_data_keys(ds: Dataset, strings: Strings) -> list[Problem]:
    """A problem for every data value whose interface string is not in data/strings/lv.yaml."""
    found: dict[str, Problem] = {}
    for prefix, collection, field in DATA_KEYS:
        for rec in ds.collection(collection).values():
            for value in _values(rec.get(field)):
                key = prefix + value.replace(" ", "_")
                if key in strings.table or key in found or (prefix, value) in SILENT:
                    continue
                found[key] = Problem(
                    strings_file(strings.default),
                    1,
                    key,
                    f"expected an interface string (for {field} "
                    f"{value!r} of {collection} {rec['id']!r} in {FILES[collection]}), "
                    "got nothing",
                    "strings.missing",
                )
    return list(found.values())
