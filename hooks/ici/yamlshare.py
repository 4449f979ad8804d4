"""Data files read once per ``make check``: the check reads each data file up to four
times (the data, the demonstration dataset that shares it, the translation status, the
wording warnings). Inside :func:`shared_parses` a data file is converted and checked once
(:func:`shared_result`) and its YAML facts are gathered once (:func:`file_facts`), both
keyed by a digest of the file's bytes, so a changed file is read again. A small text
(front matter, interface strings) is parsed once and each reader gets a copy of its own
(:func:`shared_copy`).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path as FsPath
from typing import Any, TypeVar

from . import yamlfacts
from .yamlfacts import Facts

_shared_facts: dict[Hashable, Facts] | None = None
_shared_results: dict[Hashable, Any] | None = None
T = TypeVar("T")


@contextmanager
def shared_parses() -> Iterator[None]:
    """Read each distinct data file once inside the block (its results are shared)."""
    global _shared_facts, _shared_results
    outer = _shared_facts, _shared_results
    if outer[0] is None:
        _shared_facts, _shared_results = {}, {}
    try:
        yield
    finally:
        _shared_facts, _shared_results = outer


def sharing() -> bool:
    """Whether files read now are shared (inside :func:`shared_parses`)."""
    return _shared_results is not None


def file_digest(fs_path: FsPath) -> bytes | None:
    """A digest of the file's bytes (what results are shared by), None when unreadable."""
    try:
        return hashlib.sha256(fs_path.read_bytes()).digest()
    except OSError:
        return None


def shared_result(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per ``key`` inside :func:`shared_parses` (e.g. a data file both
    datasets read, keyed by its digest: its value, lines and problems)."""
    if _shared_results is None:
        return compute()
    if key not in _shared_results:
        _shared_results[key] = compute()
    return _shared_results[key]


def shared_copy(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per ``key`` inside :func:`shared_parses`; every later caller gets
    a copy of its own (unpickled from the first result), so it may change what it gets."""
    if _shared_results is None:
        return compute()
    saved = _shared_results.get(("copy", key))
    if saved is not None:
        return pickle.loads(saved)
    value = compute()
    _shared_results[("copy", key)] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return value


def remember_facts(digest: bytes | None, langs: tuple[str, ...], facts: Facts) -> None:
    """Keep the facts the data check gathered from the file with ``digest``."""
    if _shared_facts is not None and digest is not None:
        _shared_facts[(digest, langs)] = facts


def file_facts(fs_path: FsPath, langs: tuple[str, ...]) -> Facts | None:
    """The YAML facts of a data file (:mod:`ici.yamlfacts`); None when it cannot be read as
    YAML. Inside :func:`shared_parses`, those the data check gathered are reused.

    Raises ``OSError`` and ``UnicodeDecodeError`` as reading the text does.
    """
    shared = _shared_facts
    digest = file_digest(fs_path) if shared is not None else None
    if shared is not None and digest is not None and (digest, langs) in shared:
        return shared[(digest, langs)]
    found = yamlfacts.text_facts(fs_path.read_text(encoding="utf-8"), langs)
    if shared is not None and digest is not None and found is not None:
        shared[(digest, langs)] = found
    return found
