"""The register as Open Referral HSDS 3.0 JSON: an array of services with nested records.

HSDS identifiers are UUIDs; ours are readable ids. Each UUID is derived from the id with
``uuid5`` (stable across builds and languages), and the register id travels along as an
attribute (``link_type: ici_register_id``) so a consumer can map rows back to our pages.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from typing import Any

from .chunks import Content, json_list_chunks
from .context import RenderContext
from .dataset import Dataset, Record
from .fmt import days_label, language_name, phone_display
from .lifecycle import is_ended
from .provenance import partial_date
from .register import branches_of, organization, phones, website
from .text import plain
from .vocab import CHANNELS

# uuid5 namespace of this register: the site's own address
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://www.integration.lv/")
TAXONOMY_CATEGORY = "ICI service categories"
TAXONOMY_CHANNEL = "ICI service channels"


# SHA-1 state after the namespace's bytes: uuid5's hash starts with them for every name
_NAMESPACE_SHA1 = hashlib.sha1(NAMESPACE.bytes, usedforsecurity=False)


@functools.cache  # the same ids in every language's file
def hsds_id(*parts: str) -> str:
    """A stable UUID for a record path such as ``("service", "ici-legal-consultation")``:
    ``str(uuid.uuid5(NAMESPACE, "/".join(parts)))``, without building a ``UUID`` (a third
    of the time; ``tests/test_register.py`` checks them equal)."""
    sha = _NAMESPACE_SHA1.copy()
    sha.update("/".join(parts).encode("utf-8"))
    raw = bytearray(sha.digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = raw.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    # HSDS fields are optional strings: leave a field out rather than write null or ""
    return {k: v for k, v in node.items() if v not in (None, "", [])}


def _organization(ctx: RenderContext, org: Record) -> dict[str, Any]:
    lang, words = ctx.lang, ctx.strings
    return _clean(
        {
            "id": hsds_id("organization", org["id"]),
            "name": plain(org["name"], lang),
            "alternate_name": org.get("alternate_name"),
            "description": plain(org.get("description"), lang) or plain(org["name"], lang),
            "email": org.get("email"),
            "website": org.get("url"),
            "legal_status": words.get(f"register.provider_{org['type']}", lang),
        }
    )


def _phones(ds: Dataset, rec: Record, sid: str, lang: str) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "id": hsds_id("service", rec["id"], "phone", str(i)),
                "service_id": sid,
                "number": phone_display(p["number"]),
                "type": "voice",
                "description": _phone_description(p, lang),
            }
        )
        for i, p in enumerate(phones(ds, rec))
    ]


def _phone_description(phone: dict[str, Any], lang: str) -> str:
    # HSDS phones have no schedules: a line's own hours go into its description
    hours = "; ".join(
        f"{days_label(s['byday'], lang)} {s['opens_at']}–{s['closes_at']}"
        for s in phone.get("schedules") or []
    )
    text = plain(phone.get("description"), lang)
    return f"{text} ({hours})" if text and hours else text or hours


def _schedules(schedules: list[dict[str, Any]], owner: dict[str, str], key: str, lang: str):
    return [
        {
            "id": hsds_id(key, "schedule", str(i)),
            **owner,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(s["byday"]),
            "opens_at": s["opens_at"],
            "closes_at": s["closes_at"],
            "description": f"{days_label(s['byday'], lang)} {s['opens_at']}–{s['closes_at']}",
            "notes": "Europe/Riga",
        }
        for i, s in enumerate(schedules)
    ]


def _location(branch: Record, lang: str) -> dict[str, Any]:
    lid = hsds_id("branch", branch["id"])
    address = branch.get("address")
    geo = branch.get("geo") or {}
    where = ", ".join(v for v in (address or {}).values() if isinstance(v, str))
    return _clean(
        {
            "id": lid,
            "location_type": "physical" if address else "virtual",
            "name": plain(branch["name"], lang),
            "description": where or plain(branch.get("description"), lang),
            "latitude": geo.get("lat"),
            "longitude": geo.get("lon"),
            "phones": [
                {"id": hsds_id("branch", branch["id"], "phone", str(i)), "location_id": lid,
                 "number": phone_display(p["number"])}
                for i, p in enumerate(branch.get("phones", []))
            ],
            "schedules": _schedules(
                branch.get("schedules", []), {"location_id": lid}, f"branch/{branch['id']}", lang
            ),
        }
    )  # fmt: skip


def _attribute(sid: str, rid: str, kind: str, code: str, name: str, taxonomy: str):
    return {
        "id": hsds_id("service", rid, kind, code),
        "link_id": sid,
        "link_type": kind,
        "link_entity": "service",
        "value": code,
        "taxonomy_term": {
            "id": hsds_id(kind, code),
            "code": code,
            "name": name,
            "description": name,
            "taxonomy": taxonomy,
        },
    }


def _attributes(ctx: RenderContext, rec: Record, sid: str) -> list[dict[str, Any]]:
    lang, words = ctx.lang, ctx.strings
    rid, cat = rec["id"], rec["category"]
    found = [
        {
            "id": hsds_id("service", rid, "ici_register_id"),
            "link_id": sid,
            "link_type": "ici_register_id",
            "link_entity": "service",
            "value": rid,
        },
        _attribute(
            sid,
            rid,
            "category",
            cat,
            words.get(f"register.category_{cat}", lang),
            TAXONOMY_CATEGORY,
        ),
    ]
    for channel in CHANNELS:
        if channel in rec["channels"]:
            name = words.get(f"register.channel_{channel}", lang)
            found.append(_attribute(sid, rid, "channel", channel, name, TAXONOMY_CHANNEL))
    if is_ended(rec) and rec.get("ended"):
        # HSDS has no end date on a service: say when it ended as an attribute
        found.append(
            {
                "id": hsds_id("service", rid, "ici_ended"),
                "link_id": sid,
                "link_type": "ici_ended",
                "link_entity": "service",
                "value": rec["ended"],
            }
        )
    return found


def _metadata(rec: Record, sid: str) -> list[dict[str, Any]]:
    """HSDS ``metadata``: one entry per source the service's facts come from."""
    entries = []
    for i, src in enumerate(rec.get("sources") or []):
        cited = ", ".join(
            str(part) for part in (src["title"], src["publisher"], src.get("url")) if part
        )
        if src.get("note"):
            cited += f" ({src['note']})"
        entries.append(
            {
                "id": hsds_id("service", rec["id"], "source", str(i)),
                "resource_id": sid,
                "resource_type": "service",
                "last_action_date": partial_date(src["published"])[0].isoformat(),
                "last_action_type": "source",
                "field_name": "sources",
                "previous_value": "",
                "replacement_value": cited,
                "updated_by": str(src["publisher"]),
            }
        )
    return entries


def hsds_service(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """One service in HSDS 3.0 form, texts in the context's language."""
    ds, lang, words = ctx.dataset, ctx.lang, ctx.strings
    rid = rec["id"]
    sid = hsds_id("service", rid)
    org = organization(ds, rec)
    interpreters = [language_name(c, lang) for c in rec.get("interpreter_languages", [])]
    interpretation = (
        f"{words.get('common.interpreters', lang)}: {', '.join(interpreters)}"
        if interpreters
        else None
    )
    cost = {"id": hsds_id("service", rid, "cost"), "service_id": sid}
    if rec.get("fees_description"):
        cost["option"] = plain(rec["fees_description"], lang)
    if rec.get("free"):
        cost.update(amount=0, currency="EUR")
    return _clean(
        {
            "id": sid,
            "organization_id": hsds_id("organization", org["id"]),
            "name": plain(rec["name"], lang),
            "description": plain(rec["description"], lang),
            "url": website(ds, rec),
            "email": rec.get("email"),
            # HSDS service status: an ended service is "inactive"
            "status": "inactive" if is_ended(rec) else "active",
            "interpretation_services": interpretation,
            "fees_description": plain(rec.get("fees_description"), lang),
            "eligibility_description": plain(rec.get("eligibility_description"), lang),
            "assured_date": rec["last_reviewed"],
            "phones": _phones(ds, rec, sid, lang),
            "schedules": _schedules(
                rec.get("schedules", []), {"service_id": sid}, f"service/{rid}", lang
            ),
            "service_areas": [
                {
                    "id": hsds_id("service", rid, "area", region),
                    "service_id": sid,
                    "name": words.get(f"regions.{region}", lang),
                    "extent_type": "text",
                    "extent": words.get(f"regions.{region}", lang),
                }
                for region in rec["service_areas"]
            ],
            "service_at_locations": [
                {
                    "id": hsds_id("service", rid, "at", b["id"]),
                    "service_id": sid,
                    "location_id": hsds_id("branch", b["id"]),
                    "location": _location(b, lang),
                }
                for b in branches_of(ds, rec)
            ],
            "languages": [
                {
                    "id": hsds_id("service", rid, "language", code),
                    "service_id": sid,
                    "name": language_name(code, lang),
                    "code": code,
                }
                for code in rec.get("languages") or []
            ],
            "organization": _organization(ctx, org),
            "cost_options": [cost],
            "attributes": _attributes(ctx, rec, sid),
            "metadata": _metadata(rec, sid),
        }
    )


def services_json(ctx: RenderContext) -> dict[str, Content]:
    """``data/services.json`` for one language (``Kind.exports``, ``ici.outputs.GENERATORS``),
    written a service at a time."""
    services = (hsds_service(ctx, rec) for rec in ctx.dataset.services.values())
    return {"data/services.json": json_list_chunks(services)}
