"""schema.org JSON-LD of the record pages: branches (an ``Organization`` with
``ContactPoint``s and hours) and services (``GovernmentService`` or ``Service``).

Search engines and assistants read it to answer "what is the number and when is it open";
every value is taken from the data as is, so a test can compare the two. State and
municipal providers give a ``GovernmentService``; NGOs a plain ``Service``; its
``identifier`` is the register id, so a crawler can match the page to the exports. Opening
hours have one form everywhere: ``dayOfWeek`` as schema.org day names (``"Monday"``).
"""

from __future__ import annotations

from typing import Any

from .dataset import Dataset, Record
from .fmt import SCHEMA_DAYS, e164, language_name
from .lifecycle import is_ended, last_day
from .register import branches_of, email, labels, organization, phones, website
from .text import plain
from .vocab import CHANNELS

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


_ORG_TYPES = {"state": "GovernmentOrganization", "municipal": "GovernmentOrganization"}


def _provider(org: Record, lang: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": _ORG_TYPES.get(org["type"], "NGO"),
        "name": plain(org["name"], lang),
    }
    if org.get("alternate_name"):
        node["alternateName"] = org["alternate_name"]
    if org.get("url"):
        node["url"] = org["url"]
    return node


def _service_place(branch: Record, lang: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Place", "name": plain(branch["name"], lang)}
    address = branch.get("address")
    if address:
        # some contact points are known only by their city: every part is optional
        parts = {
            "streetAddress": address.get("street"),
            "addressLocality": address.get("city"),
            "postalCode": address.get("postal_code"),
        }
        node["address"] = {
            "@type": "PostalAddress",
            **{k: v for k, v in parts.items() if v},
            "addressCountry": "LV",
        }
    return node


def _channels(ds: Dataset, rec: Record, lang: str) -> list[dict[str, Any]]:
    words = labels()
    nodes = []
    for channel in CHANNELS:
        if channel not in rec["channels"]:
            continue
        node: dict[str, Any] = {
            "@type": "ServiceChannel",
            "name": words.get(f"register.channel_{channel}", lang),
        }
        if channel == "in_person":
            places = [_service_place(b, lang) for b in branches_of(ds, rec) if b.get("address")]
            if places:
                node["serviceLocation"] = places
        elif channel == "phone":
            node["servicePhone"] = [
                {"@type": "ContactPoint", "telephone": e164(p["number"])} for p in phones(ds, rec)
            ]
        elif channel == "email":
            node["serviceUrl"] = f"mailto:{email(ds, rec)}"
        elif channel == "skype" and rec.get("skype"):
            node["serviceUrl"] = f"skype:{rec['skype']}?chat"
        elif channel == "online":
            node["serviceUrl"] = website(ds, rec)
        nodes.append(node)
    return nodes


def service_jsonld(ds: Dataset, rec: Record, lang: str) -> dict[str, Any]:
    """The JSON-LD object of one service in one language."""
    words = labels()
    org = organization(ds, rec)
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if org["type"] in _ORG_TYPES else "Service",
        "identifier": rec["id"],
        "name": plain(rec["name"], lang),
        "description": plain(rec["description"], lang),
        "serviceType": words.get(f"register.category_{rec['category']}", lang),
        "provider": _provider(org, lang),
        "areaServed": [
            {"@type": "AdministrativeArea", "name": words.get(f"regions.{r}", lang)}
            for r in rec["service_areas"]
        ],
        "availableLanguage": [
            {"@type": "Language", "name": language_name(code, lang), "alternateName": code}
            for code in (rec.get("languages") or [])
        ],
        "availableChannel": _channels(ds, rec, lang),
        "hoursAvailable": opening_hours(rec.get("schedules")),
    }
    if rec.get("eligibility_description"):
        node["audience"] = {
            "@type": "Audience",
            "audienceType": plain(rec["eligibility_description"], lang),
        }
    ended = is_ended(rec)
    if rec.get("fees_description") or rec.get("free") or ended:
        offer: dict[str, Any] = {"@type": "Offer"}
        if rec.get("free"):
            offer.update(price="0", priceCurrency="EUR")
        if rec.get("fees_description"):
            offer["description"] = plain(rec["fees_description"], lang)
        node["offers"] = offer
    if ended:
        # no longer offered: no channels or hours to use, a discontinued offer
        del node["availableChannel"], node["hoursAvailable"]
        node["offers"]["availability"] = "https://schema.org/Discontinued"
        day = last_day(rec["ended"]) if rec.get("ended") else None
        if day:
            node["offers"]["availabilityEnds"] = day.isoformat()
    return node
