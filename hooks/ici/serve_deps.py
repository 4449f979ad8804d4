"""What a generated record page shows, as a key that changes when the page's output can.

``mkdocs serve --dirty`` (``make serve``) renders again only the record pages whose key
changed since the previous build of the same ``mkdocs serve`` (``ici_mkdocs.dirty``). A
page's key covers everything its view reads (``ici.views``):

- its own record and the records it refers to, one step (``Kind.refs``: a service's
  organization and branches, a branch's organization and services, an event's organizer,
  partners and place): the views read no further;
- the project files every page depends on (``site_key``): the configuration, the
  templates, the hand-written pages (the menu on every page shows their titles), the
  interface strings, the glossary, and the data files whose records are shared by every
  page (``contacts.yaml``: the footer's hotlines and the information line), the register's
  information-line service, and the build's day (how old a source is, the holidays);
- for events and courses, what "now" decides: whether it is over, the occurrence shown
  and the next dates.

A generator of exports, calendars and feeds (``ici.outputs``) has a key of the same kind
(``output_keys``): the records of its kind and of the kinds they refer to.

A listing page's key (``listing_key``) is made of the keys of the records it shows, its
place among the listing's pages and the counts of every listing. Hand-written pages are
rendered on every build: they are few, and show anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path as FsPath
from typing import Any

from . import eventtime as et
from .dataset import Dataset, Record
from .kinds import KINDS, Kind, data_files
from .outputs import named_generators
from .pages import KINDS as PAGE_KINDS
from .paging import page_slice
from .register_pages import (
    ListingSpec,
    listing_ids,
    paging_of,
    region_ids,
    register_order,
)
from .timed_pages import KEYS, TimedSpec, timed_order
from .timed_pages import paging_of as timed_paging
from .views.events import NEXT_DATES
from .views.listing_help import INFO_LINE
from .vocab import REGIONS

# collections whose records are keyed one by one; every other data file is a whole
RECORD_COLLECTIONS = ("organizations", "services", "events", "courses")
# folders of the project that every page depends on, as a whole
SITE_FOLDERS = ("docs", "overrides", "schemas")
# the page kind of the records on an events or courses listing page
KIND_OF = {"events": "event", "courses": "course"}


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_keys(ds: Dataset) -> dict[tuple[str, str], str]:
    """A digest of every record of the keyed collections, by (collection, id)."""
    return {
        (name, rid): _digest(rec)
        for name in RECORD_COLLECTIONS
        for rid, rec in ds.collection(name).items()
    }


def _files(folder: FsPath) -> Iterable[FsPath]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def site_key(root: FsPath, data_dirs: Iterable[str], ds: Dataset) -> str:
    """The digest of what every generated page depends on besides its records.

    ``data_dirs`` are the folders the data was read from (``data``, and ``examples`` in
    the demonstration build); their files of keyed collections are left out.
    """
    keyed = {
        f"{name}.yaml"
        for name, colls in data_files().items()
        if set(colls) <= set(RECORD_COLLECTIONS)
    }
    h = hashlib.sha256()
    paths = [p for p in sorted(root.glob("*.y*ml")) if p.is_file()]
    for folder in SITE_FOLDERS:
        paths += _files(root / folder)
    for folder in dict.fromkeys(data_dirs):
        paths += [p for p in _files(root / folder) if p.name not in keyed]
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(_digest([ds.built_at.date(), ds.collection("services").get(INFO_LINE)]).encode())
    return h.hexdigest()


def _ref_ids(rec: Record, field: str) -> list[str]:
    """The ids a record's field refers to: ``branches[]`` a list, ``place.branch`` nested."""
    name, many = field.removesuffix("[]"), field.endswith("[]")
    value: Any = rec
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if many:
        return [v for v in value or [] if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _time_key(collection: str, rec: Record, now: datetime) -> Any:
    """What ``now`` decides on a record's page (``None`` where nothing does)."""
    if collection not in KEYS:
        return None
    if collection == "events":
        coming = et.next_occurrences(rec, now, NEXT_DATES)
        return [KEYS["events"](rec, now), [o.start for o in coming]]
    return KEYS[collection](rec, now)


def page_keys(ds: Dataset, site: str) -> dict[tuple[str, str], str]:
    """The key of every generated record page, by (page kind, record id)."""
    records = record_keys(ds)
    kinds: dict[str, Kind] = {kind.collection: kind for kind in KINDS}
    out: dict[tuple[str, str], str] = {}
    for kind_name, page_kind in PAGE_KINDS.items():
        kind = kinds[page_kind.collection]
        for rid, rec in ds.collection(kind.collection).items():
            parts: list[Any] = [site, records.get((kind.collection, rid)) or _digest(rec)]
            for field, target in kind.refs:
                for ref in _ref_ids(rec, field):
                    other = ds.collection(target).get(ref)
                    parts.append(records.get((target, ref)) or _digest(other))
            parts.append(_time_key(kind.collection, rec, ds.built_at))
            out[(kind_name, rid)] = _digest(parts)
    return out


def listing_key(
    site: str, ds: Dataset, lang: str, spec: ListingSpec | TimedSpec, pages: dict[Any, str]
) -> str:
    """The key of a listing page of the register (``ListingSpec``) or of the events or
    courses (``TimedSpec``) in ``lang``: its place among the listing's pages, the counts
    of every listing (the links to them say how many), and the keys of the records it
    shows (``pages``: ``page_keys``; a card shows what the record's page shows)."""
    if isinstance(spec, TimedSpec):
        order = timed_order(ds, spec.section)
        counts: list[Any] = [len(order.upcoming), len(order.archive)]
        ids = page_slice(order.part(spec.part), spec.page, timed_paging(ds, spec.section))
        kind = KIND_OF[spec.section]
        where: list[Any] = [spec.section, spec.part, spec.page, spec.pages]
    else:
        paging = paging_of(ds)
        counts = [(g.key, len(g.ids)) for g in register_order(ds, lang)]
        counts += [(r, len(region_ids(ds, lang, r))) for r in REGIONS]
        ids = listing_ids(ds, lang, spec, paging)
        kind, where = "service", [spec.kind, spec.value, spec.page, spec.pages]
    return _digest([site, lang, where, counts, [pages.get((kind, rid)) for rid in ids]])


def output_keys(ds: Dataset, site: str) -> dict[str, str]:
    """The key of each generator of exports, calendars and feeds (``ici.outputs``), by
    name: the records of its kind and of the kinds those refer to. The files do not depend
    on the clock (``ici.calendar_ics``)."""
    records = record_keys(ds)
    # a site output (the news feed) reads only what the site key covers
    out = {name: _digest([name, site]) for name, _ in named_generators()}
    for kind in KINDS:
        reads = {kind.collection, *(target for _, target in kind.refs)}
        parts: list[Any] = [site]
        for name in sorted(reads):
            if name in RECORD_COLLECTIONS:
                parts.append([records[(name, rid)] for rid in ds.collection(name)])
        for gen in kind.exports:
            out[gen] = _digest([gen, *parts])
    return out


__all__ = ["listing_key", "output_keys", "page_keys", "record_keys", "site_key"]
