"""A generated file's content as bytes, or as chunks written one after another.

The register's exports grow with the register: at 10,000 services ``services.json`` is
49 MB per language, and the list of records behind it several times that. Written as
chunks, a writer holds one service at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

# bytes, or an iterator of bytes to write in order (consumed once)
Content = bytes | Iterator[bytes]

# without ``indent`` json uses its C encoder (about ten times faster than the pure-Python
# one that ``indent`` needs); the separators are json's defaults, written out
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def content_bytes(content: Content) -> bytes:
    """The whole content at once (for tests and small files)."""
    return content if isinstance(content, bytes) else b"".join(content)


def json_line(item: Any) -> str:
    """``item`` as JSON on one line: UTF-8 text unescaped, ``", "`` and ``": "`` between
    members. A JSON text has no raw line break inside a string, so it is one line."""
    return _ENCODER.encode(item)


def json_list_chunks(items: Iterable[Any]) -> Iterator[bytes]:
    """A JSON array of ``items`` in UTF-8, one item a line, one item at a time: a change
    to one record is a change to one line of a diff, and neither the list nor its whole
    text is ever in memory.

    ``[`` and ``]`` stand on lines of their own; the file ends with a line break. The
    parsed content is ``list(items)``; an empty list is ``[]``.
    """
    first = True
    for item in items:
        yield (("[\n" if first else ",\n") + json_line(item)).encode("utf-8")
        first = False
    yield b"[]\n" if first else b"\n]\n"
