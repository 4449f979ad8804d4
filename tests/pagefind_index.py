"""Read what Pagefind wrote: the entry file and the filter index of each language.

Pagefind's index files are gzip-compressed CBOR after a ``pagefind_dcd`` signature. The
filter files hold ``[name, [[value, [page numbers...]], ...]]``; a small CBOR reader is
enough for them, so the tests need no extra package.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def entry(site: Path) -> dict[str, Any]:
    """``pagefind/pagefind-entry.json``: Pagefind version and each language's page count."""
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def _cbor(data: bytes, pos: int) -> tuple[Any, int]:
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item {head:#x} at {pos - 1}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        raw = data[pos : pos + arg]
        return (raw.decode("utf-8") if major == 3 else raw), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _cbor(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        out = {}
        for _ in range(arg):
            key, pos = _cbor(data, pos)
            out[key], pos = _cbor(data, pos)
        return out, pos
    raise ValueError(f"unsupported CBOR major type {major} at {pos - 1}")


def filters(site: Path, lang: str) -> dict[str, dict[str, int]]:
    """``{filter: {value: number of pages}}`` of one language's index."""
    out: dict[str, dict[str, int]] = {}
    for path in sorted((site / "pagefind" / "filter").glob(f"{lang}_*.pf_filter")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        (name, values), _ = _cbor(data, len(SIGNATURE))
        out[name] = {value: len(pages) for value, pages in values}
    return out
