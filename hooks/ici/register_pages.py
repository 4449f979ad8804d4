"""The register at national scale: a bounded index, listing pages and per-facet data.

The register index shows the topics and the first services of each; every topic, every
region and the ended services get listing pages of a bounded size, paged
(``register/topic/<category>/``, ``register/topic/<category>/2/``, ``register/region/<r>/``,
``register/ended/``), reached by plain links. With JavaScript the index filters the whole
register from compact per-facet files (``register/facets/<facet>.json``): one bitset per
option over the services in the register's order (topics in display order, each by name,
then the ended ones), so a reader's filters load a few kilobytes, not every service.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .context import RenderContext
from .dataset import Dataset
from .lifecycle import ENDED, status_of
from .paging import Paging, listing_meta, listing_stub, page_count, page_slice, paged_path
from .register import FACETS, item_attributes
from .text import LANGS, plain
from .vocab import CATEGORIES, REGISTER_FOLDERS

# site paths below the language root; service ids never contain "/" so these cannot clash
TOPIC, REGION, ENDED_GROUP = "topic", "region", "ended"
RESERVED_IDS = REGISTER_FOLDERS


@dataclass(frozen=True)
class Group:
    """One topic (or the ended services): its services in order and where they start in
    the register's order."""

    key: str  # a category code, or "ended"
    ids: tuple[str, ...]
    offset: int


PAGING_KEY = "register_paging"
# register/facets/order.json: the services' ids in the order of the facets' bits
ORDER_FILE = "order"


def paging_of(ds: Dataset) -> Paging:
    """The build's paging (set by the adapter from mkdocs.yml), else the defaults."""
    return ds.derived.get(PAGING_KEY) or Paging()


def register_order(ds: Dataset, lang: str) -> list[Group]:
    """Every topic with current services (or ended ones), then the ended group, by name.

    Cached per language build; only ids are kept, so it stays small at any size.
    """
    key = ("register_order", lang)
    if key not in ds.derived:
        names = {rid: plain(rec["name"], lang).casefold() for rid, rec in ds.services.items()}
        by_key: dict[str, list[str]] = {}
        for rid, rec in ds.services.items():
            group = ENDED_GROUP if status_of(rec) == ENDED else rec["category"]
            by_key.setdefault(group, []).append(rid)
        groups, offset = [], 0
        for code in [*CATEGORIES, ENDED_GROUP]:
            ids = tuple(sorted(by_key.get(code, []), key=lambda r: (names[r], r)))
            has_ended = any(ds.services[r]["category"] == code for r in by_key.get(ENDED_GROUP, []))
            if ids or has_ended:
                groups.append(Group(code, ids, offset))
                offset += len(ids)
        ds.derived[key] = groups
    return ds.derived[key]


def region_ids(ds: Dataset, lang: str, region: str) -> list[str]:
    """The current services of a region, in the register's order.

    Cached per language build: every page of a region's listing asks for it.
    """
    key = ("register_region", lang, region)
    if key not in ds.derived:
        ds.derived[key] = [
            rid
            for g in register_order(ds, lang)
            if g.key != ENDED_GROUP
            for rid in g.ids
            if region in ds.services[rid]["service_areas"]
        ]
    return ds.derived[key]


def listing_parts(kind: str, value: str | None) -> list[str]:
    """The folders of a listing: ``["register", "topic", "work"]``."""
    return ["register", kind, *([value] if value else [])]


def listing_path(kind: str, value: str | None, page: int) -> str:
    """Site path of a listing page: ``register/topic/work/``, ``register/ended/2/``."""
    return paged_path(listing_parts(kind, value), page)


@dataclass(frozen=True)
class ListingSpec:
    """One listing page to generate (the same in every language)."""

    kind: str  # TOPIC, REGION or ENDED_GROUP
    value: str | None  # the category or region code
    page: int  # from 1
    pages: int

    @property
    def path(self) -> str:
        return listing_path(self.kind, self.value, self.page)

    def stub(self, title: str) -> str:
        """Front matter only: the register template renders the page."""
        meta = {"ici_register_page": [self.kind, self.value, self.page]}
        return listing_stub("ici/register.html", title, meta)

    def meta(self, title: str) -> dict[str, Any]:
        """The front matter of ``stub(title)``, as MkDocs reads it."""
        meta = {"ici_register_page": [self.kind, self.value, self.page]}
        return listing_meta("ici/register.html", title, meta)


def listing_specs(ds: Dataset, paging: Paging, regions: tuple[str, ...]) -> Iterator[ListingSpec]:
    """Every listing page: topics, regions, ended services (page counts from the data)."""
    lang = LANGS[0]  # membership, hence page counts, is the same in every language
    for g in register_order(ds, lang):
        if not g.ids:  # a topic whose services have all ended: its help is on the index
            continue
        kind, value = (ENDED_GROUP, None) if g.key == ENDED_GROUP else (TOPIC, g.key)
        pages = page_count(len(g.ids), paging)
        for page in range(1, pages + 1):
            yield ListingSpec(kind, value, page, pages)
    for region in regions:
        pages = page_count(len(region_ids(ds, lang, region)), paging)
        for page in range(1, pages + 1):
            yield ListingSpec(REGION, region, page, pages)


def listing_ids(ds: Dataset, lang: str, spec: ListingSpec, paging: Paging) -> list[str]:
    """The services on one listing page, in order."""
    if spec.kind == REGION:
        ids: list[str] | tuple[str, ...] = region_ids(ds, lang, spec.value or "")
    else:
        key = ENDED_GROUP if spec.kind == ENDED_GROUP else spec.value
        ids = next((g.ids for g in register_order(ds, lang) if g.key == key), ())
    return page_slice(ids, spec.page, paging)


def _bitsets(attrs: list[dict[str, list[str]]], names: tuple[str, ...]) -> dict[str, str]:
    """Each value any of the attributes ``names`` holds -> the bitset of the services that
    hold it, in base64 (bit ``i`` is ``attrs[i]``), by value in sorted order.

    One pass over the services, not one per value: a facet with many values (languages)
    at 10,000 services was most of the facets' time.
    """
    size = (len(attrs) + 7) // 8
    bits: dict[str, bytearray] = {}
    for i, a in enumerate(attrs):
        for name in names:
            for v in a[name]:
                if v not in bits:
                    bits[v] = bytearray(size)
                bits[v][i >> 3] |= 1 << (i & 7)
    return {v: base64.b64encode(bytes(bits[v])).decode("ascii") for v in sorted(bits)}


def facet_files(ctx: RenderContext) -> dict[str, bytes]:
    """``register/facets/<facet>.json``: ``{"n": services, "values": {value: bitset}}``.

    Bit ``i`` (byte ``i // 8``, bit ``i % 8``, base64) is the ``i``-th service in the
    register's order; a facet's values are those any of its attributes hold. And
    ``register/facets/order.json``, ``{"ids": [...]}``, the ids in that order: where the
    shortlist finds the card of a pinned service the index page does not list.
    """
    ds, lang = ctx.dataset, ctx.lang
    order = [rid for g in register_order(ds, lang) for rid in g.ids]
    attrs = [item_attributes(ds, ds.services[rid]) for rid in order]
    out: dict[str, bytes] = {}
    for facet, names in FACETS.items():
        doc = {"n": len(order), "values": _bitsets(attrs, names)}
        out[f"register/facets/{facet}.json"] = json.dumps(doc, separators=(",", ":")).encode()
    out[f"register/facets/{ORDER_FILE}.json"] = json.dumps(
        {"ids": order}, separators=(",", ":")
    ).encode()
    return out
