"""Read what Pagefind wrote: the entry file and the filter index of each language.

Pagefind's index files are gzip-compressed CBOR after a ``pagefind_dcd`` signature; the
filter files hold ``[name, [[value, [page numbers...]], ...]]``. They are read with the
same small CBOR reader the build uses to put them in order (``ici.pagefind_files``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ici.pagefind_files import read_index_file


def entry(site: Path) -> dict[str, Any]:
    """``pagefind/pagefind-entry.json``: Pagefind version and each language's page count."""
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def filter_files(site: Path, lang: str) -> list[tuple[Path, str, list[Any]]]:
    """``(file, filter name, [[value, [pages]], ...])`` of one language, as stored."""
    out = []
    for path in sorted((site / "pagefind" / "filter").glob(f"{lang}_*.pf_filter")):
        name, values = read_index_file(path)
        out.append((path, name, values))
    return out


def filters(site: Path, lang: str) -> dict[str, dict[str, int]]:
    """``{filter: {value: number of pages}}`` of one language's index."""
    return {
        name: {value: len(pages) for value, pages in values}
        for _, name, values in filter_files(site, lang)
    }
