"""View model of a register listing page: one page of a topic, a region or the ended services."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..dataset import Dataset
from ..paging import page_count, page_links, with_page
from ..register_pages import (
    ENDED_GROUP,
    REGION,
    ListingSpec,
    listing_ids,
    listing_parts,
    paging_of,
    region_ids,
    register_order,
)
from ..ui import Strings
from .register import service_summary


def _total(ds: Dataset, lang: str, kind: str, value: str | None) -> int:
    if kind == REGION:
        return len(region_ids(ds, lang, value or ""))
    key = ENDED_GROUP if kind == ENDED_GROUP else value
    return next((len(g.ids) for g in register_order(ds, lang) if g.key == key), 0)


def label_key(kind: str, value: str | None) -> str:
    """The interface string naming a listing: its topic, region or "ended services"."""
    if kind == REGION:
        return f"regions.{value}"
    return "register.ended_services" if kind == ENDED_GROUP else f"register.category_{value}"


def listing_title(strings: Strings, spec: ListingSpec, lang: str) -> str:
    """ "Work – Service register", and "(page 2 of 12)" after it on a later page."""
    title = f"{strings.get(label_key(spec.kind, spec.value), lang)} – "
    title += strings.get("register.title", lang)
    return with_page(title, strings.get("register.page_of", lang), spec.page, spec.pages)


def listing_view(ctx: RenderContext, where: list[Any]) -> dict[str, Any]:
    """A listing page's context: its services (the index's cards), and links to every page
    of the listing, to the index and to the other topics' or regions' listings."""
    ds, lang = ctx.dataset, ctx.lang
    kind, value, page = where[0], where[1], int(where[2])
    paging = paging_of(ds)
    total = _total(ds, lang, kind, value)
    spec = ListingSpec(kind, value, page, page_count(total, paging))
    ids = listing_ids(ds, lang, spec, paging)
    items = [service_summary(ds, ds.services[rid], lang) for rid in ids]
    return {
        "listing": {
            "kind": kind,
            "value": value,
            "label_key": label_key(kind, value),
            "page": page,
            "pages": spec.pages,
            "total": total,
            "first": (page - 1) * paging.page_size + 1,
            "last": (page - 1) * paging.page_size + len(items),
            "page_links": page_links(listing_parts(kind, value), page, spec.pages),
            "index_path": "register/",
        },
        "items": items,
    }
