"""View models for branches, contact points and hotlines."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..dataset import Dataset, Record
from ..fmt import (
    WEEKDAYS,
    clock,
    e164,
    format_day,
    hours_rows,
    language_name,
    phone_display,
    weekday_name,
)
from ..holiday_days import holiday_days
from ..jsonld import branch_org, contacts_graph, sources_jsonld
from ..lifecycle import is_ended
from ..pages import KINDS, record_path
from ..paths import vcard_href, vcard_path
from ..provenance import provenance_view
from ..text import pick, plain

KIND_ORDER = ("office", "contact_point", "hotline")
# the kinds whose numbers are shown on the home page and in the footer of every page
HOTLINE_KINDS = ("hotline", "office")
# strings the opening-hours badge (overrides/assets/javascripts/opening-hours.js) uses;
# each is a template with {time} and {day} placeholders, from data/strings/<lang>.yaml
BADGE_KEYS = ("open", "opens_today", "opens", "holiday")


def osm_url(geo: dict[str, float] | None) -> str | None:
    """An OpenStreetMap link with a marker; a plain link, no embedded map or script."""
    if not geo:
        return None
    lat, lon = geo["lat"], geo["lon"]
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def hours_data(schedules: list[dict[str, Any]] | None, lang: str) -> list[dict[str, Any]]:
    """Schedules for the opening-hours badge: data times plus their Babel labels."""
    return [
        {
            "byday": list(s["byday"]),
            "opens": s["opens_at"],
            "closes": s["closes_at"],
            "opens_label": clock(s["opens_at"], lang),
            "closes_label": clock(s["closes_at"], lang),
        }
        for s in schedules or []
    ]


def phone_view(phone: dict[str, Any], lang: str) -> dict[str, Any]:
    """A phone number ready for a ``tel:`` link, with its purpose and hours."""
    return {
        "display": phone_display(phone["number"]),
        "e164": e164(phone["number"]),
        "description": pick(phone.get("description"), lang),
        "hours": hours_rows(phone.get("schedules"), lang),
        "hours_data": hours_data(phone.get("schedules"), lang),
    }


def point_view(rec: Record, lang: str) -> dict[str, Any]:
    """A place where a service is offered, as the printed shortlist and handout show it:
    its region (to pick the one nearest the client), name, phones and opening hours."""
    return {
        "id": rec["id"],
        "region": rec["region"],
        "name": pick(rec["name"], lang),
        "phones": [phone_view(p, lang) for p in rec.get("phones", [])],
        "hours": hours_rows(rec.get("schedules"), lang),
    }


def branch_summary(rec: Record, lang: str) -> dict[str, Any]:
    """What a listing shows of a branch: enough to call, write or find it."""
    schedules = rec.get("schedules")
    return {
        "id": rec["id"],
        "kind": rec["kind"],
        "name": pick(rec["name"], lang),
        "region": rec["region"],
        "path": record_path("branch", rec["id"]),
        "address": rec.get("address"),
        "map_url": osm_url(rec.get("geo")),
        "phones": [phone_view(p, lang) for p in rec.get("phones", [])],
        "email": rec.get("email"),
        "skype": rec.get("skype"),
        "hours": hours_rows(schedules, lang),
        "hours_data": hours_data(schedules, lang),
        # a hotline's hours, if any, belong to its phone; a place without hours says so
        "hours_unknown": not schedules and rec["kind"] != "hotline",
        "vcard": vcard_path(rec["id"]),
    }


def _service(ds: Dataset, sid: str, lang: str) -> dict[str, Any]:
    # service pages come with the service register; until then the name is shown unlinked
    path = record_path("service", sid) if "service" in KINDS else None
    rec = ds.services[sid]
    return {"id": sid, "name": pick(rec["name"], lang), "path": path, "ended": is_ended(rec)}


def branch_view(ctx: RenderContext, rid: str) -> dict[str, Any]:
    """Everything the page of one branch shows."""
    ds, lang = ctx.dataset, ctx.lang
    rec = ds.branches[rid]
    view = branch_summary(rec, lang)
    view.update(
        description=pick(rec.get("description"), lang),
        languages=[language_name(code, lang) for code in rec.get("languages") or []],
        interpreters=[language_name(code, lang) for code in rec.get("interpreter_languages", [])],
        services=[_service(ds, sid, lang) for sid in rec.get("services", [])],
        organization=plain(ds.organizations[rec["organization_id"]]["name"], lang),
        last_reviewed=format_day(rec["last_reviewed"], lang),
    )
    vcard_link = {
        "rel": "alternate",
        "type": "text/vcard",
        "href": vcard_href(rid),
        "title": plain(rec["name"], lang),
    }
    return {
        "record": view,
        "jsonld": {**branch_org(ds, rec, lang), **sources_jsonld(rec["sources"])},
        "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        "head_links": [vcard_link],
        "search": branch_search(ds, rec),
    }


def _ordered(ds: Dataset) -> list[Record]:
    return sorted(ds.branches.values(), key=lambda r: KIND_ORDER.index(r["kind"]))


def branch_search(ds: Dataset, rec: Record) -> dict[str, Any]:
    """Search index entries of a branch page (see ``ici.search``): kind, region, lv names."""
    org = ds.organizations[rec["organization_id"]]
    return {
        "kind": "branch",
        "filters": {"region": [{"ui": f"regions.{rec['region']}"}]},
        "terms_lv": [rec["name"]["lv"], org["name"]["lv"], org.get("alternate_name") or ""],
    }


def branches_list(ctx: RenderContext) -> dict[str, Any]:
    """All branches grouped by kind: offices, then contact points, then hotlines."""
    ds, lang = ctx.dataset, ctx.lang
    records = _ordered(ds)
    items = [branch_summary(r, lang) for r in records]
    groups = [
        {"kind": kind, "items": [i for i in items if i["kind"] == kind]}
        for kind in KIND_ORDER
        if any(i["kind"] == kind for i in items)
    ]
    return {"items": items, "groups": groups, "jsonld": contacts_graph(ds, records, lang)}


def hotlines(ctx: RenderContext) -> list[dict[str, Any]]:
    """The numbers to call first (hotlines, then offices), for the footer and home page."""
    records = sorted(
        (r for r in ctx.dataset.branches.values() if r["kind"] in HOTLINE_KINDS),
        key=lambda r: HOTLINE_KINDS.index(r["kind"]),
    )
    return [branch_summary(r, ctx.lang) for r in records]


def badge_strings(ctx: RenderContext) -> dict[str, Any]:
    """What the opening-hours badge script needs: message templates, weekday names and
    Latvia's days off for the years around the build (from the ``holidays`` package)."""
    return {
        "messages": {key: ctx.text(f"contacts.badge_{key}") for key in BADGE_KEYS},
        "days": {day: weekday_name(day, ctx.lang) for day in WEEKDAYS},
        "holidays": holiday_days(ctx.built_at),
    }
