"""The service register's shared vocabulary: facet values, contacts and labels of a service.

Views, JSON-LD and the exports all describe a service with the same facets and contacts;
they are computed here once so the page, its filters and the files never disagree.
"""

from __future__ import annotations

from typing import Any

from .dataset import Dataset, Record
from .languages import LANGS
from .lifecycle import status_of
from .vocab import CHANNELS, REGIONS

COSTS = ("free", "paid")
# The languages every reader of the site can pick first (the site's own languages, from
# mkdocs.yml); others follow by name.
MAIN_LANGUAGES = LANGS

# facet key -> the data-* attributes of a register item it matches against. The language
# facet also matches services that bring in an interpreter for that language.
FACETS: dict[str, tuple[str, ...]] = {
    "category": ("category",),
    "region": ("region",),
    "language": ("language", "interpreter"),
    "provider_type": ("provider-type",),
    "cost": ("cost",),
    "channel": ("channel",),
    # ended services show only when "ended" is ticked (register.js, views.register.facets)
    "status": ("status",),
}


def organization(ds: Dataset, rec: Record) -> Record:
    """The provider of a service."""
    return ds.organizations[rec["organization_id"]]


def item_attributes(ds: Dataset, rec: Record) -> dict[str, list[str]]:
    """The values of every ``data-*`` attribute of a service in the register index.

    Values are codes, never words, so filters (and later search facets) work the same in
    every language.
    """
    return {
        "category": [rec["category"]],
        "region": [r for r in REGIONS if r in rec["service_areas"]],
        "language": list(rec.get("languages") or []),
        "interpreter": list(rec.get("interpreter_languages", [])),
        "provider-type": [organization(ds, rec)["type"]],
        "cost": [] if rec.get("free") is None else ["free" if rec["free"] else "paid"],
        "channel": [c for c in CHANNELS if c in rec["channels"]],
        "provider": [rec["organization_id"]],
        "status": [status_of(rec)],
    }


def branches_of(ds: Dataset, rec: Record) -> list[Record]:
    """The branches (offices, contact points, hotlines) where a service is offered."""
    return [ds.branches[b] for b in rec.get("branches", [])]


def website(ds: Dataset, rec: Record) -> str | None:
    """The service's own web address, or else its provider's."""
    return rec.get("url") or organization(ds, rec).get("url")


def phones(ds: Dataset, rec: Record) -> list[dict[str, Any]]:
    """The service's phones; a service without its own number uses its branches' numbers."""
    if rec.get("phones"):
        return list(rec["phones"])
    seen: dict[str, dict[str, Any]] = {}
    for branch in branches_of(ds, rec):
        for phone in branch.get("phones", []):
            seen.setdefault(phone["number"], phone)
    return list(seen.values())


def email(ds: Dataset, rec: Record) -> str | None:
    """The service's e-mail; else the first e-mail of its branches (how to write to it)."""
    if rec.get("email"):
        return rec["email"]
    return next((b["email"] for b in branches_of(ds, rec) if b.get("email")), None)
