"""The view of a record page for a kind without a view of its own.

A new kind of record (declared in ``ici.kinds``) gets pages before anyone writes a view for
it: its template receives the record with every text in the page's language, and the
record's sources.
"""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset
from ..kinds import page_kinds
from ..provenance import provenance_view
from ..text import pick


def _in(value: Any, lang: str) -> Any:
    """``value`` with every ``{lv, ru, en}`` text in ``lang`` (Latvian, marked, when missing)."""
    if isinstance(value, dict) and isinstance(value.get("lv"), str):
        return pick(value, lang)
    if isinstance(value, dict):
        return {key: _in(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_in(item, lang) for item in value]
    return value


def generic_view(kind: str) -> Any:
    """The record view of ``kind``: ``(ds, record_id, lang) -> context``."""
    collection = page_kinds()[kind].collection

    def view(ds: Dataset, record_id: str, lang: str) -> dict[str, Any]:
        rec = ds.collection(collection)[record_id]
        shown = {key: _in(value, lang) for key, value in rec.items() if key != "sources"}
        return {
            "record": shown,
            "provenance": provenance_view(rec["sources"], lang, ds.built_at),
        }

    return view
