"""Pagefind's index files, read and written, so that the same site gives the same bundle.

Pagefind 1.5.2 writes three things in the order of a Rust hash map, which is seeded at
random in every run: the values inside each filter file, the list of filters in a
language's meta file, and the languages in ``pagefind-entry.json``. The file names are
hashes of the contents, so two builds of the same site got differently named filter and
meta files (``filter/en_5fd5bac.pf_filter`` against ``en_a9cae13.pf_filter``). Pagefind has
no option for the order (later versions sort the filter values themselves), so
``stabilize`` puts them in order after the run, as those versions do: filter values by
value, filters by name, languages by code. It then names the files as Pagefind does (the
first hex digits of the SHA-1 of the content) and points the meta and entry files at the
new names. The search reads filters by name and value, never by position, so nothing else
changes.

The files are gzip-compressed CBOR after a ``pagefind_dcd`` signature. Only the subset of
CBOR Pagefind writes is handled (integers, byte and text strings, arrays, maps; definite
lengths, shortest heads); every file is decoded and encoded again and must come out
byte for byte as it went in, so a future format this module does not know fails the build
instead of producing a broken index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path as FsPath
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# field positions in Pagefind's meta file (MetaIndex): version, pages, index chunks,
# filters ([name, file hash] pairs), sorts, meta fields
META_FILTERS = 3


class PagefindFormatError(ValueError):
    """A Pagefind file is not in the format this module knows."""


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise PagefindFormatError(f"integer too large for CBOR: {arg}")


def cbor_encode(value: Any) -> bytes:
    """CBOR with definite lengths and the shortest heads, as Pagefind (minicbor) writes it."""
    if isinstance(value, bool) or value is None:
        raise PagefindFormatError(f"unsupported CBOR value {value!r}")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(
            cbor_encode(k) + cbor_encode(v) for k, v in value.items()
        )
    raise PagefindFormatError(f"unsupported CBOR value {value!r}")


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    if pos >= len(data):
        raise PagefindFormatError("CBOR data ends early")
    start, head = pos, data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise PagefindFormatError(f"unsupported CBOR item {head:#x} at {start}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        if pos + arg > len(data):
            raise PagefindFormatError("CBOR data ends early")
        raw = data[pos : pos + arg]
        return (raw.decode("utf-8") if major == 3 else raw), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        out = {}
        for _ in range(arg):
            key, pos = _decode(data, pos)
            out[key], pos = _decode(data, pos)
        return out, pos
    raise PagefindFormatError(f"unsupported CBOR major type {major} at {start}")


def cbor_decode(data: bytes) -> Any:
    """One CBOR value that fills ``data``."""
    value, end = _decode(data, 0)
    if end != len(data):
        raise PagefindFormatError(f"{len(data) - end} bytes after the CBOR value")
    return value


def read_index_file(path: FsPath) -> Any:
    """The content of a ``.pf_filter`` or ``.pf_meta`` file, checked to encode back the same."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path.name}: expected the {SIGNATURE!r} signature")
    body = data[len(SIGNATURE) :]
    value = cbor_decode(body)
    if cbor_encode(value) != body:
        raise PagefindFormatError(f"{path.name}: does not encode back to the same bytes")
    return value


def _content_hash(body: bytes, lang: str, digits: int, taken: set[str]) -> str:
    # Pagefind names a file "<lang>_" + the first hex digits of the SHA-1 of its CBOR and
    # takes one more digit while a name is taken by another file
    full = hashlib.sha1(body).hexdigest()
    for end in range(digits, len(full) + 1):
        name = f"{lang}_{full[:end]}"
        if name not in taken:
            return name
    raise PagefindFormatError(f"no free file name for hash {full}")


def _write(path: FsPath, body: bytes) -> None:
    # mtime 0: the gzip header carries no time, as Pagefind's does not
    path.write_bytes(gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))


def _stable_language(bundle: FsPath, lang: str, meta_hash: str) -> str:
    path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_index_file(path)
    if not isinstance(meta, list) or len(meta) <= META_FILTERS:
        raise PagefindFormatError(f"{path.name}: expected the meta fields of Pagefind 1.5")
    # read every filter before writing any: a new name may be another file's old one
    old_files = [bundle / "filter" / f"{old}.pf_filter" for _, old in meta[META_FILTERS]]
    bodies = []
    for file in old_files:
        name, values = read_index_file(file)
        bodies.append((name, cbor_encode([name, sorted(values, key=lambda item: item[0])])))
    for file in old_files:
        file.unlink()
    taken: set[str] = set()
    filters = []
    for name, body in sorted(bodies):
        new = _content_hash(body, lang, 7, taken)
        taken.add(new)
        _write(bundle / "filter" / f"{new}.pf_filter", body)
        filters.append([name, new])
    meta[META_FILTERS] = filters
    body = cbor_encode(meta)
    # the meta file's name has as many hex digits as the language code plus eight
    new = _content_hash(body, lang, len(lang) + 8, set())
    path.unlink()
    _write(bundle / f"pagefind.{new}.pf_meta", body)
    return new


def stabilize(bundle: FsPath) -> None:
    """Rewrite the filter, meta and entry files of a Pagefind bundle in a fixed order.

    Every such file is written again, even when Pagefind's order happened to be sorted, so
    the bytes never depend on the run.
    """
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages = entry["languages"]
    for lang in sorted(languages):
        languages[lang]["hash"] = _stable_language(bundle, lang, languages[lang]["hash"])
    entry["languages"] = {lang: languages[lang] for lang in sorted(languages)}
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


__all__ = [
    "PagefindFormatError",
    "cbor_decode",
    "cbor_encode",
    "read_index_file",
    "stabilize",
]
