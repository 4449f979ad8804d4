"""The bounded parts of the event and course listings (``ici.timed_pages``): what the index
shows of the upcoming and the past entries, and one listing page of either.

The page script (listings.js) filters and re-splits the entries of the page it runs on; a
page that holds only part of a listing says so beside the filters and links the listing
pages (``partial``), so no filter result claims that nothing matches in the whole listing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..context import RenderContext
from ..dataset import Record
from ..paging import page_count, page_links, page_slice, paged_path, with_page
from ..places import filter_options
from ..timed_pages import (
    ARCHIVE,
    PARTS,
    UPCOMING,
    TimedSpec,
    listing_parts,
    paging_of,
    timed_order,
)
from ..ui import Strings

Summary = Callable[[Record], dict[str, Any]]


def _more(section: str, part: str, total: int) -> dict[str, Any]:
    """A link to the first listing page of a part, with the number of its entries."""
    return {
        "path": paged_path(listing_parts(section, part), 1),
        "n": total,
        "key": f"{section}.see_all_{part}",
    }


def _partial(section: str, ids: dict[str, Sequence[str]], shown: int, total: int) -> dict[str, Any]:
    """What the filters' note says on a page with part of the listing."""
    return {
        "shown": shown,
        "total": total,
        "links": [_more(section, part, len(ids[part])) for part in PARTS if ids[part]],
    }


def _filters(items: list[dict[str, Any]], lang: str, kind_order: Sequence[str]) -> dict[str, Any]:
    kinds = {i["kind"] for i in items}
    return {**filter_options(items, lang), "kinds": [k for k in kind_order if k in kinds]}


def bounded_index(
    ctx: RenderContext, section: str, summary: Summary, kind_order: Sequence[str]
) -> dict[str, Any]:
    """The index's ``upcoming`` and ``archive`` entries, its ``filters``, and ``more``
    (links to a part's listing pages) and ``partial`` when it cannot show everything."""
    ds = ctx.dataset
    order, paging = timed_order(ds, section), paging_of(ds, section)
    complete = order.total <= paging.index_max
    records = ds.collection(section)
    ids = {part: order.part(part) for part in PARTS}
    shown = {part: ids[part] if complete else ids[part][: paging.per_group] for part in PARTS}
    items = {part: [summary(records[rid]) for rid in shown[part]] for part in PARTS}
    every = items[UPCOMING] + items[ARCHIVE]
    return {
        UPCOMING: items[UPCOMING],
        ARCHIVE: items[ARCHIVE],
        "filters": _filters(every, ctx.lang, kind_order),
        "more": {
            part: _more(section, part, len(ids[part]))
            for part in PARTS
            if len(shown[part]) < len(ids[part])
        },
        "partial": None if complete else _partial(section, ids, len(every), order.total),
    }


def listing_page(
    ctx: RenderContext, where: list[Any], summary: Summary, kind_order: Sequence[str]
) -> dict[str, Any]:
    """One listing page (``where`` is ``[section, part, page]``): its entries in the part's
    list, the pager, and the same ``filters``, ``more`` and ``partial`` as the index."""
    ds = ctx.dataset
    section, part, page = str(where[0]), str(where[1]), int(where[2])
    order, paging = timed_order(ds, section), paging_of(ds, section)
    ids = {p: order.part(p) for p in PARTS}
    pages = page_count(len(ids[part]), paging)
    records = ds.collection(section)
    items = [summary(records[rid]) for rid in page_slice(ids[part], page, paging)]
    first = (page - 1) * paging.page_size + 1
    return {
        "listing": {
            "section": section,
            "part": part,
            "page": page,
            "pages": pages,
            "total": len(ids[part]),
            "first": first,
            "last": first + len(items) - 1,
            "path": paged_path(listing_parts(section, part), page),
            "page_links": page_links(listing_parts(section, part), page, pages),
            "index_path": f"{section}/",
        },
        UPCOMING: items if part == UPCOMING else [],
        ARCHIVE: items if part == ARCHIVE else [],
        "filters": _filters(items, ctx.lang, kind_order),
        # an upcoming page's entries that end while it is read move to its own archive
        # list, which links the past entries' pages
        "more": {ARCHIVE: _more(section, ARCHIVE, len(ids[ARCHIVE]))} if ids[ARCHIVE] else {},
        "partial": _partial(section, ids, len(items), order.total),
    }


def listing_title(strings: Strings, spec: TimedSpec, lang: str) -> str:
    """ "Upcoming events – Events", and "(page 2 of 12)" after it on a later page."""
    title = f"{strings.get(f'{spec.section}.{spec.part}', lang)} – "
    title += strings.get(f"{spec.section}.title", lang)
    return with_page(title, strings.get("register.page_of", lang), spec.page, spec.pages)
