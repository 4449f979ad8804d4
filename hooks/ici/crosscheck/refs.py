"""Ids and references: unique ids in each collection, references to records that exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..kinds import KINDS, Kind
from ..problems import Path, Problem
from ..yamlsource import Source
from .records import as_list, records

# collection -> the data file that holds it (ids are unique within a collection)
COLLECTIONS = {kind.collection: kind.file for kind in KINDS}


def id_problems(sources: dict[str, Source]) -> Iterator[Problem]:
    """Ids that are not unique in their collection."""
    for coll, file_key in COLLECTIONS.items():
        src = sources[file_key]
        seen: dict[str, int] = {}
        for path, rec in records(src, coll):
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            if rid in seen:
                yield src.problem(
                    (*path, "id"),
                    f"expected a unique id, got {rid!r} again (first at line {seen[rid]})",
                    "ref.duplicate_id",
                )
            else:
                seen[rid] = src.line((*path, "id"))


def _ids(sources: dict[str, Source], coll: str) -> set[str]:
    return {rec["id"] for _, rec in records(sources[COLLECTIONS[coll]], coll) if "id" in rec}


def _ref(src: Source, path: Path, value: Any, known: set[str], what: str) -> Iterator[Problem]:
    if isinstance(value, str) and value not in known:
        yield src.problem(path, f"expected the id of {what}, got {value!r}", "ref.unknown")


def _values(rec: dict[str, Any], field: str) -> Iterator[tuple[Path, Any]]:
    """``(path, value)`` of a reference field: ``a``, ``a[]`` (each item), ``a.b``."""
    name, _, rest = field.partition(".")
    many = name.endswith("[]")
    name = name.removesuffix("[]")
    if name not in rec:
        return
    found = enumerate(as_list(rec[name])) if many else [(None, rec[name])]
    for i, value in found:
        path: Path = (name,) if i is None else (name, i)
        if not rest:
            yield path, value
        elif isinstance(value, dict):
            yield from (((*path, *sub), v) for sub, v in _values(value, rest))


def ref_problems(sources: dict[str, Source], kinds: tuple[Kind, ...] = KINDS) -> Iterator[Problem]:
    """References (``Kind.refs``) to records that do not exist."""
    by_collection = {kind.collection: kind for kind in kinds}
    known = {c: _ids(sources, c) for kind in kinds for _, c in kind.refs}
    for kind in kinds:
        src = sources[kind.file]
        for path, rec in records(src, kind.collection):
            for field, target in kind.refs:
                to = by_collection[target]
                what = f"{to.noun or 'a record of ' + target} in data/{to.file}.yaml"
                for where, value in _values(rec, field):
                    yield from _ref(src, (*path, *where), value, known[target], what)
