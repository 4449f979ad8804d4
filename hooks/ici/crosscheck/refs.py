"""Ids and references: unique ids in each collection, references to records that exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..kinds import KINDS
from ..problems import Path, Problem
from ..yamlsource import Source
from .records import as_list, records

# collection -> the data file that holds it (ids are unique within a collection)
COLLECTIONS = {kind.collection: kind.file for kind in KINDS}


def id_problems(sources: dict[str, Source]) -> Iterator[Problem]:
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


def ref_problems(sources: dict[str, Source]) -> Iterator[Problem]:
    orgs, services, branches = (_ids(sources, c) for c in ("organizations", "services", "branches"))
    svc, con = sources["services"], sources["contacts"]
    org_words = "an organization in data/services.yaml"
    for path, rec in records(svc, "services"):
        yield from _ref(
            svc, (*path, "organization_id"), rec.get("organization_id"), orgs, org_words
        )
        for i, b in enumerate(as_list(rec.get("branches"))):
            yield from _ref(
                svc, (*path, "branches", i), b, branches, "a branch in data/contacts.yaml"
            )
    for path, rec in records(con, "branches"):
        yield from _ref(
            con, (*path, "organization_id"), rec.get("organization_id"), orgs, org_words
        )
        for i, s in enumerate(as_list(rec.get("services"))):
            yield from _ref(
                con, (*path, "services", i), s, services, "a service in data/services.yaml"
            )
    for coll in ("events", "courses"):
        src = sources[coll]
        for path, rec in records(src, coll):
            yield from _ref(src, (*path, "organizer"), rec.get("organizer"), orgs, org_words)
            partners = rec.get("partners")
            for i, partner in enumerate(partners if isinstance(partners, list) else []):
                yield from _ref(src, (*path, "partners", i), partner, orgs, org_words)
            place = rec.get("place")
            if isinstance(place, dict) and "branch" in place:
                where = (*path, "place", "branch")
                yield from _ref(
                    src, where, place["branch"], branches, "a branch in data/contacts.yaml"
                )
