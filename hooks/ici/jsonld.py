"""All schema.org JSON-LD of the site: branches (an ``Organization`` with ``ContactPoint``s
and hours), services (``GovernmentService`` or ``Service``), events (``Event``), courses
(``Course``) and the sources of every record (``citation``).

Search engines and assistants read it to answer "what is the number and when is it open";
every value is taken from the data as is, so a test can compare the two. State and
municipal providers give a ``GovernmentService``, NGOs a plain ``Service``; the
``identifier`` is the register id, so a crawler can match the page to the exports. Opening
hours have one form everywhere: ``dayOfWeek`` as schema.org day names (``"Monday"``).
"""

from __future__ import annotations

from typing import Any

from . import eventtime as et
from .context import RenderContext
from .dataset import Dataset, Record
from .fmt import SCHEMA_DAYS, e164, language_name
from .lifecycle import is_ended, last_day, registration_status
from .places import place_view
from .provenance import newest
from .register import branches_of, email, organization, phones, website
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


def _channels(ctx: RenderContext, rec: Record) -> list[dict[str, Any]]:
    ds, lang, words = ctx.dataset, ctx.lang, ctx.strings
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


def service_jsonld(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """The JSON-LD object of one service in the context's language."""
    ds, lang, words = ctx.dataset, ctx.lang, ctx.strings
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
        "availableChannel": _channels(ctx, rec),
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


# places and organizations of events and courses


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


def organization_jsonld(ds: Dataset, org_id: str, lang: str) -> dict[str, Any]:
    """schema.org ``Organization`` with the name in the page's language."""
    org = ds.organizations[org_id]
    out: dict[str, Any] = {"@type": "Organization", "name": plain(org["name"], lang)}
    if org.get("url"):
        out["url"] = org["url"]
    return out


# events
_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "moved": "https://schema.org/EventRescheduled",
}
_FREQ = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def _schedule_jsonld(rec: Record) -> dict[str, Any]:
    """schema.org ``Schedule`` for a repeating event, from its RRULE."""
    parts = et.rule_parts(rec["rrule"])
    first = et.first_occurrence(rec)
    out: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{int(parts.get('INTERVAL', '1'))}{_FREQ[parts['FREQ']]}",
        "startDate": first.start.date().isoformat(),
        "startTime": first.start.strftime("%H:%M"),
        "endTime": first.end.strftime("%H:%M"),
        "scheduleTimezone": et.TZID,
    }
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    if days:
        out["byDay"] = [f"https://schema.org/{SCHEMA_DAYS[d[-2:]]}" for d in days]
        ordinals = {d[:-2] for d in days if d[:-2]}
        if len(ordinals) == 1:
            out["byMonthWeek"] = int(ordinals.pop())
    if "BYMONTH" in parts:
        out["byMonth"] = [int(m) for m in parts["BYMONTH"].split(",")]
    if "BYMONTHDAY" in parts:
        out["byMonthDay"] = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    if "COUNT" in parts:
        out["repeatCount"] = int(parts["COUNT"])
    last = et.last_occurrence(rec)
    if last:
        out["endDate"] = last.start.date().isoformat()
    return out


def event_jsonld(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """schema.org ``Event`` with status, attendance mode and, for repeats, its schedule."""
    ds, lang = ctx.dataset, ctx.lang
    first = et.first_occurrence(rec)
    online = "online" in rec["place"]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "identifier": rec["id"],
        "name": plain(rec["title"], lang),
        "description": plain(rec["description"], lang),
        # a partial date stays partial ("2017-09"): schema.org Date accepts it
        "startDate": first.start.isoformat() if first.precision == "minute" else rec["start"],
        "eventStatus": _STATUS[rec["status"]],
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": place_jsonld(ds, rec["place"], lang),
        "organizer": organization_jsonld(ds, rec["organizer"], lang),
    }
    if first.precision == "minute":
        ld["endDate"] = first.end.isoformat()
    elif rec.get("end"):
        ld["endDate"] = rec["end"]
    if rec.get("languages"):
        ld["inLanguage"] = list(rec["languages"])
    if rec.get("free") is not None:
        ld["isAccessibleForFree"] = rec["free"]
    if rec.get("audience"):
        ld["audience"] = {"@type": "Audience", "audienceType": plain(rec["audience"], lang)}
    if rec["status"] == "moved" and rec.get("previous_start"):
        ld["previousStartDate"] = et.in_riga(et.local(rec["previous_start"])).isoformat()
    if et.is_recurring(rec):
        ld["eventSchedule"] = _schedule_jsonld(rec)
    return ld


# courses
_AVAILABILITY = {"open": "https://schema.org/InStock", "full": "https://schema.org/SoldOut"}


def _schedules_jsonld(rec: Record) -> list[dict[str, Any]]:
    schedules = [
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in s["byday"]],
            "startTime": s["opens_at"],
            "endTime": s["closes_at"],
            "startDate": rec["start_date"],
            **({"endDate": rec["end_date"]} if rec.get("end_date") else {}),
            "scheduleTimezone": et.TZID,
        }
        for s in rec.get("schedules") or []
    ]
    # a course whose end is not known has no endDate
    return [{k: v for k, v in s.items() if v is not None} for s in schedules]


def course_jsonld(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """schema.org ``Course`` with one ``CourseInstance`` (dates, place, weekly schedule)."""
    ds, lang = ctx.dataset, ctx.lang
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": "online" if "online" in rec["place"] else "onsite",
        "startDate": rec["start_date"],
        "location": place_jsonld(ds, rec["place"], lang),
    }
    if rec.get("end_date"):
        instance["endDate"] = rec["end_date"]
    if rec.get("languages"):
        instance["inLanguage"] = list(rec["languages"])
    schedules = _schedules_jsonld(rec)
    if schedules:
        instance["courseSchedule"] = schedules
    offer: dict[str, Any] = {"@type": "Offer"}
    if rec.get("free") is not None:
        offer["category"] = "Free" if rec["free"] else "Paid"
    if rec.get("free"):
        offer.update(price=0, priceCurrency="EUR")
    status = registration_status(rec, ctx.built_at)
    if is_ended(rec):
        offer["availability"] = "https://schema.org/Discontinued"
    elif status in _AVAILABILITY:
        offer["availability"] = _AVAILABILITY[status]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "identifier": rec["id"],
        "name": plain(rec["title"], lang),
        "description": plain(rec["description"], lang),
        "provider": organization_jsonld(ds, rec["organizer"], lang),
        "hasCourseInstance": [instance],
    }
    if len(offer) > 1:
        ld["offers"] = [offer]
    if rec.get("languages"):
        ld["inLanguage"] = list(rec["languages"])
    if rec.get("free") is not None:
        ld["isAccessibleForFree"] = rec["free"]
    if rec.get("cefr_level"):
        ld["educationalLevel"] = f"CEFR {rec['cefr_level']}"
    if rec.get("partners"):
        ld["contributor"] = [organization_jsonld(ds, p, lang) for p in rec["partners"]]
    return ld


# where the facts come from


def sources_jsonld(sources: list[dict[str, Any]] | None) -> dict[str, Any]:
    """schema.org ``citation`` (one ``CreativeWork`` per source) and ``dateModified``."""
    if not sources:
        return {}
    works = []
    for s in sources:
        work: dict[str, Any] = {
            "@type": "CreativeWork",
            "name": str(s["title"]),
            "publisher": {"@type": "Organization", "name": str(s["publisher"])},
            "datePublished": str(s["published"]),
        }
        if s.get("url"):
            work["url"] = s["url"]
        if s.get("note"):
            work["description"] = s["note"]
        works.append(work)
    return {"citation": works, "dateModified": newest(sources)}
