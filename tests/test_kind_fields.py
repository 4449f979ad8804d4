"""What a kind declares beyond its file and pages (ici.kinds): references, cross-checks and
exports, each by a name that must exist; the checks follow the declarations."""

from __future__ import annotations

from dataclasses import replace

from ici.crosscheck import KIND_CHECKS, cross_problems
from ici.crosscheck.refs import ref_problems
from ici.kinds import KINDS, Kind
from ici.outputs import GENERATORS, generators
from ici.yamlsource import parse_text

COLLECTIONS = {kind.collection for kind in KINDS}


def test_every_declared_name_exists() -> None:
    for kind in KINDS:
        assert set(kind.checks) <= set(KIND_CHECKS), kind.collection
        assert set(kind.exports) <= set(GENERATORS), kind.collection
        assert {target for _, target in kind.refs} <= COLLECTIONS, kind.collection
        assert ("dates" in kind.checks) == (kind.period is not None), kind.collection


def test_every_check_and_export_is_used_by_a_kind() -> None:
    assert {name for kind in KINDS for name in kind.checks} == set(KIND_CHECKS)
    assert {name for kind in KINDS for name in kind.exports} == set(GENERATORS)
    # each export once: a kind's files are written once per language
    assert len(generators()) == len(set(generators()))


def _sources(**texts: str) -> dict:
    found = {}
    for name, text in texts.items():
        src, problems = parse_text(text, f"data/{name}.yaml", ())
        assert problems == []
        found[name] = src
    return found


def test_references_follow_the_declarations() -> None:
    """A kind that declares a reference gets it checked, with the target's noun and file;
    the same data without the declaration is not checked."""
    orgs = Kind("organizations", "services", noun="an organization")
    docs = Kind(
        "documents",
        "documents",
        refs=(("issuer", "organizations"), ("place.org[]", "organizations")),
    )
    sources = _sources(
        services="organizations:\n  - id: ici\n",
        documents=(
            "documents:\n  - id: form\n    issuer: pmlp\n    place:\n      org: [ici, nobody]\n"
        ),
    )
    found = [str(p) for p in ref_problems(sources, (orgs, docs))]
    assert found == [
        "data/documents.yaml:3: documents[0].issuer: "
        "expected the id of an organization in data/services.yaml, got 'pmlp'",
        "data/documents.yaml:5: documents[0].place.org[1]: "
        "expected the id of an organization in data/services.yaml, got 'nobody'",
    ]
    assert list(ref_problems(sources, (orgs, replace(docs, refs=())))) == []


def test_a_kind_check_runs_only_for_the_kinds_that_name_it() -> None:
    events = Kind("events", "events", period=("start", "end", "%Y-%m-%d"), checks=("dates",))
    sources = _sources(
        events="events:\n  - id: a\n    start: '2020-02-01'\n    end: '2020-01-01'\n"
    )
    for name in ("services", "contacts", "courses", "figures"):
        sources[name] = parse_text("{}\n", f"data/{name}.yaml", ())[0]
    checked = [p.code for p in cross_problems(sources, (events,))]
    assert "date.order" in checked
    unchecked = [p.code for p in cross_problems(sources, (replace(events, checks=()),))]
    assert "date.order" not in unchecked
