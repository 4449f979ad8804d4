"""Bounded listings: how many records an index page and a listing page hold, and the paged
listing pages' paths, page links and front matter.

The register (``ici.register_pages``) and the event and course listings
(``ici.timed_pages``) share these: an index lists every record while there are at most
``index_max``; above that, only the first ``per_group`` of each group, with plain links to
listing pages of ``page_size`` records each (``<section>/<group>/``, ``<section>/<group>/2/``),
so no page grows with the number of records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    """How much one page holds: the index lists every record while there are at most
    ``index_max``; above that, the first ``per_group`` of each group (a topic of the
    register, the upcoming or the past events). A listing page holds ``page_size``."""

    index_max: int = 120
    per_group: int = 6
    page_size: int = 50

    @classmethod
    def from_extra(
        cls, extra: dict[str, Any] | None, key: str = "ici_register", default: Paging | None = None
    ) -> Paging:
        """From ``extra: <key>:`` in mkdocs.yml (tests use small sizes), over ``default``.

        Raises ``ValueError`` with a message for the editor on an unknown name or a value
        that is not a positive whole number.
        """
        given = (extra or {}).get(key) or {}
        fields = tuple(cls.__dataclass_fields__)
        expected = f"a mapping of positive whole numbers {', '.join(fields)}"
        if not isinstance(given, dict):
            raise ValueError(f"extra.{key}: expected {expected}, got {given!r}")
        known = {
            k: v
            for k, v in given.items()
            if k in fields and isinstance(v, int) and not isinstance(v, bool) and v > 0
        }
        if known.keys() != given.keys():
            raise ValueError(f"extra.{key}: expected {expected}, got {given!r}")
        base = default or cls()
        return cls(**{**{f: getattr(base, f) for f in fields}, **known})


def page_count(total: int, paging: Paging) -> int:
    """Listing pages for ``total`` records (one even when empty)."""
    return max(1, -(-total // paging.page_size))


def page_slice(ids: Sequence[T], page: int, paging: Paging) -> list[T]:
    """The records of listing page ``page`` (from 1)."""
    start = (page - 1) * paging.page_size
    return list(ids[start : start + paging.page_size])


def paged_path(parts: Sequence[str], page: int) -> str:
    """Site path of a listing page: ``register/topic/work/``, ``events/archive/2/``."""
    return "/".join([*parts, *([str(page)] if page > 1 else [])]) + "/"


def page_links(parts: Sequence[str], page: int, pages: int) -> list[dict[str, Any]]:
    """A link to every page of a listing, the current one marked (the pager)."""
    return [
        {"n": n, "path": paged_path(parts, n), "current": n == page} for n in range(1, pages + 1)
    ]


def with_page(title: str, page_of: str, page: int, pages: int) -> str:
    """``title``, and "(page 2 of 12)" after it on a listing of several pages
    (``page_of`` is the interface string with ``{page}`` and ``{pages}``)."""
    if pages <= 1:
        return title
    return f"{title} ({page_of.replace('{page}', str(page))})".replace("{pages}", str(pages))


def listing_meta(template: str, title: str, meta: dict[str, Any]) -> dict[str, Any]:
    """The front matter of a generated listing page, as MkDocs reads it (``listing_stub``)."""
    return {"template": template, "title": title, "search_exclude": True, **meta}


def listing_stub(template: str, title: str, meta: dict[str, Any]) -> str:
    """The Markdown of a generated listing page: front matter only, out of the search
    index (the records' own pages are indexed); its template renders it."""
    fields = listing_meta(template, title, meta)
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
