"""View model of the offline page: whom to call, and which pages this device keeps."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..precache import GUIDE, OFFLINE_PAGE, kept_pages
from ..text import Text, pick
from .contacts import branch_summary


def offline_view(
    ctx: RenderContext, titles: dict[str, str], guide_topics: list[str]
) -> dict[str, Any]:
    """The contact points and the kept pages (as a two-level list) of one language.

    ``titles`` maps a page's path below the language root to its title (the hand-written
    pages; the home page and the guide are named by the caller, as the menu names them);
    branch pages are named from the data. The list is ``kept_pages``, the same the
    service worker keeps, without vCards and the offline page itself.
    """
    ds, lang = ctx.dataset, ctx.lang
    branches = list(ds.branches.values())
    names = {f"contacts/{b['id']}/": pick(b["name"], lang) for b in branches}
    sections: list[dict[str, Any]] = []
    for path in kept_pages([b["id"] for b in branches], guide_topics):
        if path.endswith(".vcf") or path == OFFLINE_PAGE:
            continue
        item = {
            "path": path,
            "title": names.get(path) or Text(titles.get(path, path), lang, False),
            "items": [],
        }
        parent = next(
            (
                s
                for s in sections
                if s["path"] in ("contacts/", GUIDE) and path.startswith(s["path"])
            ),
            None,
        )
        (parent["items"] if parent else sections).append(item)
    points = [branch_summary(b, lang) for b in branches if b["kind"] == "contact_point"]
    return {"offline_pages": sections, "contact_points": points}
