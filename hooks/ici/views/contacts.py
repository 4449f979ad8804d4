"""View models for branches, contact points and hotlines."""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset, Record
from ..fmt import e164, format_day, hours_rows, language_name, phone_display
from ..pages import record_path
from ..text import pick, plain

KIND_ORDER = ("office", "contact_point", "hotline")


def osm_url(geo: dict[str, float] | None) -> str | None:
    """An OpenStreetMap link with a marker; a plain link, no embedded map or script."""
    if not geo:
        return None
    lat, lon = geo["lat"], geo["lon"]
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def phone_view(phone: dict[str, Any], lang: str) -> dict[str, Any]:
    """A phone number ready for a ``tel:`` link, with its purpose and hours."""
    return {
        "display": phone_display(phone["number"]),
        "e164": e164(phone["number"]),
        "description": pick(phone.get("description"), lang),
        "hours": hours_rows(phone.get("schedules"), lang),
    }


def branch_summary(rec: Record, lang: str) -> dict[str, Any]:
    """What a listing shows of a branch: enough to call, write or find it."""
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "name": pick(rec["name"], lang),
        "region": rec["region"],
        "path": record_path("branch", rec["id"]),
        "address": rec.get("address"),
        "phones": [phone_view(p, lang) for p in rec.get("phones", [])],
        "email": rec.get("email"),
        "skype": rec.get("skype"),
        "hours": hours_rows(rec.get("schedules"), lang),
    }


def branch_view(ds: Dataset, rid: str, lang: str) -> dict[str, Any]:
    """Everything the page of one branch shows."""
    rec = ds.branches[rid]
    view = branch_summary(rec, lang)
    view.update(
        description=pick(rec.get("description"), lang),
        map_url=osm_url(rec.get("geo")),
        languages=[language_name(code, lang) for code in rec["languages"]],
        interpreters=[language_name(code, lang) for code in rec.get("interpreter_languages", [])],
        services=[
            {"id": sid, "name": pick(ds.services[sid]["name"], lang)}
            for sid in rec.get("services", [])
        ],
        organization=plain(ds.organizations[rec["organization_id"]]["name"], lang),
        last_reviewed=format_day(rec["last_reviewed"], lang),
    )
    return {"record": view, "search": branch_search(ds, rec)}


def branch_search(ds: Dataset, rec: Record) -> dict[str, Any]:
    """Search index entries of a branch page (see ``ici.search``): kind, region, lv names."""
    org = ds.organizations[rec["organization_id"]]
    return {
        "kind": "branch",
        "filters": {"region": [{"ui": f"regions.{rec['region']}"}]},
        "terms_lv": [rec["name"]["lv"], org["name"]["lv"], org.get("alternate_name") or ""],
    }


def branches_list(ds: Dataset, lang: str) -> dict[str, Any]:
    """All branches, offices first, then contact points, then hotlines."""
    ordered = sorted(ds.branches.values(), key=lambda r: KIND_ORDER.index(r["kind"]))
    return {"items": [branch_summary(r, lang) for r in ordered]}
