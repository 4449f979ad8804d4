"""Pieces events and courses share: where, who organizes, how to register, filter values."""

from __future__ import annotations

from typing import Any

from .dataset import Dataset
from .fmt import e164, language_name, phone_display
from .pages import record_path
from .text import pick, plain
from .vocab import REGIONS

# region codes in the order the filters list them; "online" for places on the internet
REGION_ORDER = (*REGIONS, "online")


def place_region(ds: Dataset, place: dict[str, Any]) -> str:
    """The region code a place is filtered by: the branch's region, its own, or ``online``."""
    if "branch" in place:
        return ds.branches[place["branch"]]["region"]
    if "online" in place:
        return "online"
    return place["region"]


def place_view(ds: Dataset, place: dict[str, Any], lang: str) -> dict[str, Any]:
    """A place ready to show: a branch (linked to its page), an address, or an online link."""
    region = place_region(ds, place)
    if "branch" in place:
        branch = ds.branches[place["branch"]]
        address = branch.get("address") or {}
        return {
            "kind": "branch",
            "region": region,
            "name": pick(branch["name"], lang),
            "path": record_path("branch", branch["id"]),
            "street": address.get("street"),
            "city": ds.glossary.place(address.get("city"), lang),
        }
    if "online" in place:
        return {"kind": "online", "region": region, "url": place["online"]}
    return {
        "kind": "address",
        "region": region,
        "street": place.get("address"),
        # the town as readers of the page write it: Rīga is Рига on a Russian card
        "city": ds.glossary.place(place["city"], lang),
    }


def place_text(ds: Dataset, place: dict[str, Any], lang: str) -> str:
    """A place as one line of plain text (calendar LOCATION)."""
    view = place_view(ds, place, lang)
    if view["kind"] == "online":
        return view["url"]
    parts = [view["name"].value] if view["kind"] == "branch" else []
    parts += [p for p in (view["street"], view["city"]) if p]
    return ", ".join(parts)


def place_jsonld(ds: Dataset, place: dict[str, Any], lang: str) -> dict[str, Any]:
    """schema.org ``Place`` or ``VirtualLocation``."""
    view = place_view(ds, place, lang)
    if view["kind"] == "online":
        return {"@type": "VirtualLocation", "url": view["url"]}
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "LV"}
    if view["street"]:
        address["streetAddress"] = view["street"]
    if view["city"]:
        address["addressLocality"] = view["city"]
    out: dict[str, Any] = {"@type": "Place", "address": address}
    if view["kind"] == "branch":
        out["name"] = view["name"].value
        geo = ds.branches[place["branch"]].get("geo")
        if geo:
            out["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": geo["lat"],
                "longitude": geo["lon"],
            }
    return out


def organization_view(ds: Dataset, org_id: str, lang: str) -> dict[str, Any]:
    """An organizer or partner: its name and, when known, its official website."""
    org = ds.organizations[org_id]
    return {"id": org_id, "name": pick(org["name"], lang), "url": org.get("url")}


def organization_jsonld(ds: Dataset, org_id: str, lang: str) -> dict[str, Any]:
    """schema.org ``Organization`` with the name in the page's language."""
    org = ds.organizations[org_id]
    out: dict[str, Any] = {"@type": "Organization", "name": plain(org["name"], lang)}
    if org.get("url"):
        out["url"] = org["url"]
    return out


def registration_view(reg: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """How to register: web address, e-mail, phone (for a ``tel:`` link) and a note."""
    if not reg:
        return None
    phone = reg.get("phone")
    return {
        "url": reg.get("url"),
        "email": reg.get("email"),
        "phone": {"display": phone_display(phone), "e164": e164(phone)} if phone else None,
        "note": pick(reg.get("note"), lang),
    }


def languages_view(codes: list[str], lang: str) -> list[dict[str, str]]:
    """Languages as ``{code, name}`` with names written in the reader's language."""
    return [{"code": code, "name": language_name(code, lang)} for code in codes]


def listing_facts(ds: Dataset, rec: dict[str, Any], lang: str) -> dict[str, Any]:
    """Where, in which languages and at what cost: what event and course listings share.

    ``region`` and ``language_codes`` are the values ``filter_options`` collects.
    """
    return {
        "place": place_view(ds, rec["place"], lang),
        "region": place_region(ds, rec["place"]),
        "languages": languages_view(rec.get("languages") or [], lang),
        "language_codes": rec.get("languages") or [],
        # None when the source does not say
        "free": rec.get("free"),
        "cost": pick(rec.get("cost"), lang),
    }


def filter_options(items: list[dict[str, Any]], lang: str) -> dict[str, list[dict[str, str]]]:
    """The region and language values that occur in ``items``, for the filter menus.

    Region labels come from the interface strings, so only codes are returned for them.
    """
    regions = {item["region"] for item in items}
    languages = {code for item in items for code in item["language_codes"]}
    return {
        "regions": [code for code in REGION_ORDER if code in regions],
        "languages": sorted(
            languages_view(sorted(languages), lang), key=lambda lv: lv["name"].casefold()
        ),
    }


def organization_terms_lv(ds: Dataset, org_id: str) -> list[str]:
    """An organization's Latvian name and short name (PMLP, NVA), for search (``terms_lv``)."""
    org = ds.organizations[org_id]
    return [org["name"]["lv"], org.get("alternate_name") or ""]


def listing_search_filters(item: dict[str, Any], section: str, kind_key: str) -> dict[str, Any]:
    """Search facets an event or a course page shares (see ``ici.search``).

    Region, language and cost use the same words as the service pages (region names,
    "free"/"paid"), so one filter value covers services, events and courses alike.
    """
    region = item["region"]
    filters: dict[str, Any] = {
        "region": [{"ui": f"{section}.online" if region == "online" else f"regions.{region}"}],
        "language": [language["name"] for language in item["languages"]],
        kind_key: [{"ui": f"{section}.kind_{item['kind']}"}],
    }
    if item["free"] is not None:
        filters["cost"] = [{"ui": "register.cost_" + ("free" if item["free"] else "paid")}]
    return filters
