"""A generated file's content as bytes, or as chunks written one after another.

The register's exports grow with the register: at 10,000 services ``services.json`` is
56 MB per language, and the list of records behind it several times that. Written as
chunks, a writer holds one service at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

# bytes, or an iterator of bytes to write in order (consumed once)
Content = bytes | Iterator[bytes]


def content_bytes(content: Content) -> bytes:
    """The whole content at once (for tests and small files)."""
    return content if isinstance(content, bytes) else b"".join(content)


def json_list_chunks(items: Iterable[Any]) -> Iterator[bytes]:
    """``json.dumps(list(items), ensure_ascii=False, indent=1) + "\\n"`` in UTF-8, one item
    at a time: the same bytes, without the list or its whole text in memory."""
    first = True
    for item in items:
        # a JSON text has no raw line break inside a string: each "\n" starts a line
        text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n ")
        yield (("[\n " if first else ",\n ") + text).encode("utf-8")
        first = False
    yield b"[]\n" if first else b"\n]\n"
