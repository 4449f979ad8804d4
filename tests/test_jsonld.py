"""All JSON-LD of records comes from ici.jsonld, with one form of opening hours."""

from __future__ import annotations

from typing import Any

from ici.dataset import load_dataset
from ici.fmt import SCHEMA_DAYS
from ici.jsonld import contacts_graph, opening_hours, service_jsonld
from sitebuild import ROOT

DAY_NAMES = set(SCHEMA_DAYS.values())


def _hours(node: Any) -> list[dict[str, Any]]:
    """Every OpeningHoursSpecification anywhere in a JSON-LD tree."""
    if isinstance(node, list):
        return [h for item in node for h in _hours(item)]
    if not isinstance(node, dict):
        return []
    own = [node] if node.get("@type") == "OpeningHoursSpecification" else []
    return own + [h for value in node.values() for h in _hours(value)]


def test_opening_hours_name_the_days_as_schema_org_day_names() -> None:
    [spec] = opening_hours([{"byday": ["MO", "WE"], "opens_at": "09:00", "closes_at": "17:00"}])
    assert spec == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["Monday", "Wednesday"],
        "opens": "09:00",
        "closes": "17:00",
    }


def test_services_and_branches_give_hours_in_the_same_form() -> None:
    ds = load_dataset(ROOT)
    found = _hours(contacts_graph(ds, list(ds.branches.values()), "en"))
    for rec in ds.services.values():
        found += _hours(service_jsonld(ds, rec, "en"))
    assert found  # the real data has opening hours
    assert {day for spec in found for day in spec["dayOfWeek"]} <= DAY_NAMES
