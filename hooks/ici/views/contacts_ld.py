"""schema.org JSON-LD for branches: an ``Organization`` with ``ContactPoint``s and hours.

Search engines and assistants read it to answer "what is the number and when is it open";
every value is taken from ``data/contacts.yaml`` as is, so a test can compare the two.
"""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset, Record
from ..fmt import SCHEMA_DAYS, e164
from ..text import plain

SCHEMA = "https://schema.org"


def opening_hours(schedules: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Weekly schedules as ``OpeningHoursSpecification`` items (Europe/Riga local times)."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAYS[day] for day in s["byday"]],
            "opens": s["opens_at"],
            "closes": s["closes_at"],
        }
        for s in schedules or []
    ]


def contact_point(phone: dict[str, Any], rec: Record, lang: str) -> dict[str, Any]:
    """One phone line: its E.164 number, purpose, languages and the hours it answers."""
    point: dict[str, Any] = {
        "@type": "ContactPoint",
        "telephone": e164(phone["number"]),
        "contactType": plain(phone.get("description"), lang) or plain(rec["name"], lang),
        "availableLanguage": list(rec.get("languages") or []),
    }
    if rec.get("email"):
        point["email"] = rec["email"]
    hours = opening_hours(phone.get("schedules"))
    if hours:
        point["hoursAvailable"] = hours
    return point


def _place(rec: Record) -> dict[str, Any] | None:
    address, geo, hours = rec.get("address"), rec.get("geo"), opening_hours(rec.get("schedules"))
    if not (address or geo or hours):
        return None
    place: dict[str, Any] = {"@type": "Place"}
    if address:
        postal = {"@type": "PostalAddress", "addressLocality": address["city"]}
        if "street" in address:
            postal["streetAddress"] = address["street"]
        if "postal_code" in address:
            postal["postalCode"] = address["postal_code"]
        postal["addressCountry"] = "LV"
        place["address"] = postal
    if geo:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": geo["lat"], "longitude": geo["lon"]}
    if hours:
        place["openingHoursSpecification"] = hours
    return place


def branch_org(ds: Dataset, rec: Record, lang: str, context: bool = True) -> dict[str, Any]:
    """A branch or hotline as an ``Organization`` that belongs to its provider."""
    parent = ds.organizations[rec["organization_id"]]
    org: dict[str, Any] = {"@context": SCHEMA} if context else {}
    org.update({"@type": "Organization", "name": plain(rec["name"], lang)})
    if rec.get("description"):
        org["description"] = plain(rec["description"], lang)
    if rec.get("email"):
        org["email"] = rec["email"]
    org["knowsLanguage"] = list(rec.get("languages") or [])
    org["contactPoint"] = [contact_point(p, rec, lang) for p in rec.get("phones", [])]
    place = _place(rec)
    if place:
        org["location"] = place
    parent_ld = {"@type": "Organization", "name": plain(parent["name"], lang)}
    if parent.get("url"):
        parent_ld["url"] = parent["url"]
    org["parentOrganization"] = parent_ld
    return org


def contacts_graph(ds: Dataset, records: list[Record], lang: str) -> dict[str, Any]:
    """The contacts page: every branch and hotline in one ``@graph``."""
    return {"@context": SCHEMA, "@graph": [branch_org(ds, r, lang, context=False) for r in records]}
