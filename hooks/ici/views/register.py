"""View models for the service register: the index with its filters, and a page per service."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..dataset import Dataset, Record
from ..fmt import format_day, hours_rows, language_name
from ..jsonld import service_jsonld, sources_jsonld
from ..lifecycle import ENDED, ended_label, is_ended, status_of
from ..pages import record_path
from ..provenance import provenance_view
from ..register import (
    COSTS,
    FACETS,
    MAIN_LANGUAGES,
    branches_of,
    email,
    item_attributes,
    organization,
    phones,
    website,
)
from ..register_pages import (
    ENDED_GROUP,
    REGION,
    TOPIC,
    listing_path,
    paging_of,
    region_ids,
    register_order,
)
from ..text import pick
from ..vocab import CATEGORIES, CHANNELS, PROVIDER_TYPES, REGIONS
from .contacts import branch_summary, phone_view, point_view
from .listing_help import INFO_LINE, listing_help

# Where the exports are, relative to the register index page (``register/``).
EXPORTS = {"json": "../data/services.json", "csv": "../data/services.csv"}


# Dataset.derived key: the summaries of the language being built, by service id
_SUMMARIES = "views.register.summaries"


def service_summary(ds: Dataset, rec: Record, lang: str) -> dict[str, Any]:
    """What the index (and the shortlist built from it) shows of one service; not to be
    changed by the caller.

    A service is listed on several pages (the index, its topic's and its regions'
    listings): its summary is made once per language, and only the language being built
    is kept.
    """
    kept = ds.derived.get(_SUMMARIES)
    if kept is None or kept[0] != lang:
        kept = ds.derived[_SUMMARIES] = (lang, {})
    summary = kept[1].get(rec["id"])
    if summary is None:
        summary = kept[1][rec["id"]] = _summary(ds, rec, lang)
    return summary


def _summary(ds: Dataset, rec: Record, lang: str) -> dict[str, Any]:
    org = organization(ds, rec)
    attrs = item_attributes(ds, rec)
    channels = rec["channels"]
    return {
        "id": rec["id"],
        "name": pick(rec["name"], lang),
        "path": record_path("service", rec["id"]),
        "description": pick(rec["description"], lang),
        "category": rec["category"],
        "status": status_of(rec),
        # when an ended service ended, in words; None when active or not known
        "ended": ended_label(rec, lang),
        "provider": pick(org["name"], lang),
        # the short name people know and search for (PMLP, NVA, VID), in every language
        "provider_short": org.get("alternate_name"),
        "provider_type": org["type"],
        "free": rec.get("free"),
        "languages": [language_name(code, lang) for code in (rec.get("languages") or [])],
        "interpreters": [
            language_name(code, lang) for code in rec.get("interpreter_languages", [])
        ],
        "regions": attrs["region"],
        "channels": attrs["channel"],
        # only the contacts of the channels the service lists; the website always helps
        "phones": [phone_view(p, lang) for p in phones(ds, rec)] if "phone" in channels else [],
        "email": email(ds, rec) if "email" in channels else None,
        "skype": rec.get("skype") if "skype" in channels else None,
        "website": website(ds, rec),
        "hours": hours_rows(rec.get("schedules"), lang),
        # the places offering it, by region: the printed shortlist gives the client's one
        "points": [point_view(b, lang) for b in branches_of(ds, rec) if b.get("phones")],
        # data-* attributes for the filters: codes joined by spaces
        "data": {key: " ".join(values) for key, values in attrs.items()},
    }


def service_view(ctx: RenderContext, rid: str) -> dict[str, Any]:
    """Everything the page of one service shows, and its schema.org JSON-LD."""
    ds, lang = ctx.dataset, ctx.lang
    rec = ds.services[rid]
    org = organization(ds, rec)
    view = dict(service_summary(ds, rec, lang))
    view.update(
        eligibility=pick(rec.get("eligibility_description"), lang),
        fees=pick(rec.get("fees_description"), lang),
        own_phones=bool(rec.get("phones")),
        branches=[branch_summary(b, lang) for b in branches_of(ds, rec)],
        branches_hours=any(b.get("schedules") for b in branches_of(ds, rec)),
        provider_description=pick(org.get("description"), lang),
        provider_url=org.get("url"),
        last_reviewed=format_day(rec["last_reviewed"], lang),
    )
    return {
        "record": view,
        "jsonld": {**service_jsonld(ctx, rec), **sources_jsonld(rec["sources"])},
        "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        "search": service_search(ctx, rec),
        "register_path": "register/",
        # where to turn when a provider's contacts are not known
        "info_line_path": record_path("service", INFO_LINE) if INFO_LINE in ds.services else None,
    }


def _more(key: str, count: int) -> dict[str, Any]:
    """The link to the first listing page of a topic (or of the ended services), with the
    number of its services (``listing_macros.see_all``)."""
    if key == ENDED_GROUP:
        path, label = listing_path(ENDED_GROUP, None, 1), "register.see_all_ended"
    else:
        path, label = listing_path(TOPIC, key, 1), "register.see_all"
    return {"path": path, "n": count, "key": label}


def _provider_label(org: Record, lang: str) -> str:
    short = org.get("alternate_name")
    return f"{pick(org['name'], lang)} ({short})" if short else str(pick(org["name"], lang))


def service_search(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """Search index entries of a service page (see ``ici.search``).

    The facets are the register index's, as words: category, region (service areas),
    language (given in, or with an interpreter, as the register's language filter
    counts them), provider type and cost. The Latvian names of the service and its
    provider (and the provider's short name: PMLP, NVA, VID) let a reader find the ru or
    en page by the name the institution uses.
    """
    ds, lang = ctx.dataset, ctx.lang
    org = organization(ds, rec)
    attrs = item_attributes(ds, rec)
    codes = [*attrs["language"], *attrs["interpreter"]]
    return {
        "kind": "service",
        "filters": {
            "category": [{"ui": f"register.category_{rec['category']}"}],
            "region": [{"ui": f"regions.{region}"} for region in attrs["region"]],
            "language": [language_name(code, lang) for code in codes],
            "provider_type": [{"ui": f"register.provider_{org['type']}"}],
            "cost": [{"ui": f"register.cost_{cost}"} for cost in attrs["cost"]],
            # only ended services carry a status, so the search UI can mark them
            "status": [{"ui": "register.status_ended"}] if is_ended(rec) else [],
        },
        "meta": {"detail": _provider_label(org, lang), **_ended_meta(ctx, rec)},
        "terms_lv": [rec["name"]["lv"], org["name"]["lv"], org.get("alternate_name") or ""],
    }


def _ended_meta(ctx: RenderContext, rec: Record) -> dict[str, Any]:
    """``ended``: "Ended (June 2020)", shown by the search box next to the result."""
    if not is_ended(rec):
        return {}
    word = ctx.text("register.status_ended")
    when = ended_label(rec, ctx.lang)
    return {"ended": f"{word} ({when})" if when else word}


def _language_options(ds: Dataset, lang: str) -> list[str]:
    codes = {c for rec in ds.services.values() for c in (rec.get("languages") or [])}
    codes |= {c for rec in ds.services.values() for c in rec.get("interpreter_languages", [])}
    rest = sorted(codes - set(MAIN_LANGUAGES), key=lambda c: language_name(c, lang).casefold())
    return [c for c in MAIN_LANGUAGES if c in codes] + rest


def _facet_values(ds: Dataset, lang: str) -> dict[str, list[str]]:
    used = [item_attributes(ds, rec) for rec in ds.services.values()]

    def present(order: tuple[str, ...], attr: str) -> list[str]:
        return [v for v in order if any(v in a[attr] for a in used)]

    return {
        "category": present(CATEGORIES, "category"),
        "region": present(REGIONS, "region"),
        "language": _language_options(ds, lang),
        "provider_type": present(PROVIDER_TYPES, "provider-type"),
        "cost": present(COSTS, "cost"),
        "channel": present(CHANNELS, "channel"),
        "status": present((ENDED,), "status"),
    }


def _label_key(facet: str, value: str) -> str:
    if facet == "region":
        return f"regions.{value}"
    if facet == "status":
        return "register.status_ended"
    prefix = {"provider_type": "provider", "cost": "cost", "channel": "channel"}
    return f"register.{prefix.get(facet, facet)}_{value}"


def facets(ds: Dataset, lang: str) -> list[dict[str, Any]]:
    """Filter groups with their options: a ``ui`` key or a ready label, and a count.

    The counts are those of the default view, which leaves ended services out; the
    status option ("ended") counts the ended ones.
    """
    every = [item_attributes(ds, rec) for rec in ds.services.values()]
    current = [a for a in every if ENDED not in a["status"]]
    groups = []
    for key, values in _facet_values(ds, lang).items():
        attrs = FACETS[key]
        items = every if key == "status" else current
        options = []
        for value in values:
            count = sum(1 for a in items if any(value in a[attr] for attr in attrs))
            option = {"value": value, "count": count}
            if key == "language":
                option["label"] = language_name(value, lang)
            else:
                option["label_key"] = _label_key(key, value)
            options.append(option)
        groups.append({"key": key, "attrs": " ".join(attrs), "options": options})
    return groups


def services_list(ctx: RenderContext) -> dict[str, Any]:
    """The register index: current services grouped by category, then the ended ones.

    While the register fits (``Paging.index_max``) every service is listed; above that,
    the first ``per_group`` of each topic with a link to the topic's listing pages, so the
    page stays the same size at any N (``ici.register_pages``). A category whose services
    have all ended keeps its heading with a helpful note, so a reader who follows a link to
    it learns where to turn instead.
    """
    ds, lang = ctx.dataset, ctx.lang
    paging = paging_of(ds)
    order = register_order(ds, lang)
    complete = sum(len(g.ids) for g in order) <= paging.index_max
    groups, ended, ended_group = [], [], None
    for g in order:
        ids = g.ids if complete else g.ids[: paging.per_group]
        entry = {
            "category": g.key,
            "items": [service_summary(ds, ds.services[rid], lang) for rid in ids],
            "count": len(g.ids),
            "offset": g.offset,
            # a topic the index shows only the start of: a link to all its services
            "more": None if len(ids) == len(g.ids) else _more(g.key, len(g.ids)),
        }
        if g.key == ENDED_GROUP:
            ended, ended_group = entry["items"], entry
        else:
            groups.append(entry)
    regions = [
        {"region": r, "count": n, "path": listing_path(REGION, r, 1)}
        for r in REGIONS
        if (n := len(region_ids(ds, lang, r)))
    ]
    return {
        "groups": groups,
        "ended": ended,
        "ended_group": ended_group,
        "paged": not complete,
        "page_size": paging.page_size,
        "regions": regions,
        "help": listing_help(ds, lang, "?status=ended#ended" if ended else None),
        "total": sum(g["count"] for g in groups),
        "facets": facets(ds, lang),
        "exports": EXPORTS,
        "head_links": [
            {
                "rel": "alternate",
                "type": "application/json",
                "href": EXPORTS["json"],
                "title": ctx.text("register.export_json"),
            },
            {
                "rel": "alternate",
                "type": "text/csv",
                "href": EXPORTS["csv"],
                "title": ctx.text("register.export_csv"),
            },
        ],
    }
