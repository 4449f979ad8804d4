"""What a listing with nothing current offers instead: the calendar feed, the information
line, the archive.

The information line is the ICI number in ``data/contacts.yaml`` (never written into a
template): the first phone of an office, contact point or hotline that the register's
information-line service also lists, else the first phone of a hotline. While that
service is ended the help does not send readers to its number.
"""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset
from ..lifecycle import is_ended
from ..pages import record_path
from .contacts import KIND_ORDER, phone_view

# the register's information-line service (its page explains the line)
INFO_LINE = "ici-information-line"


def info_line(ds: Dataset, lang: str) -> dict[str, Any] | None:
    """The information line to call: ``phone`` (display, e164) and the ``path`` of its page."""
    service = ds.services.get(INFO_LINE)
    if service is not None and is_ended(service):
        return None
    numbers = {p["number"] for p in (service or {}).get("phones", [])}
    branches = sorted(ds.branches.values(), key=lambda b: KIND_ORDER.index(b["kind"]))
    phones = [p for b in branches for p in b.get("phones", []) if p["number"] in numbers]
    if not phones:
        phones = [p for b in branches if b["kind"] == "hotline" for p in b.get("phones", [])]
    if not phones:
        return None
    return {
        "phone": phone_view(phones[0], lang),
        "path": record_path("service", INFO_LINE) if service is not None else None,
    }


def listing_help(
    ds: Dataset, lang: str, archive: str | None, feed: str | None = None
) -> dict[str, Any]:
    """The help shown when a listing has nothing current: each part only when it exists.

    ``archive`` is the in-page anchor of the past entries (``#archive``), ``feed`` the site
    path of a calendar feed to subscribe to.
    """
    return {"feed": feed, "info_line": info_line(ds, lang), "archive": archive}
