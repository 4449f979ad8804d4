"""ici.search: bad search information from a view or front matter gives a worded error."""

from __future__ import annotations

import re

import pytest

from ici.search import SearchSpecError, excluded
from test_search_meta import norm

CASES = [
    (
        {"kind": "blog"},
        {},
        "search.kind: expected one of page, guide, news, service, branch, event, course, got 'blog'",
    ),
    (
        None,
        {"search_kind": "blog"},
        "search_kind: expected one of page, guide, news, service, branch, event, course, got 'blog'",
    ),
    (
        {"filter": {}},
        {},
        "search: unknown key(s) filter, expected kind, filters, sort, meta, terms_lv",
    ),
    (
        {"filters": {"Region": ["x"]}},
        {},
        "search.filters: expected a lowercase key (a-z, 0-9, _) other than all, any, kind, none, not, got 'Region'",
    ),
    (
        {"filters": {"kind": ["x"]}},
        {},
        "search.filters: expected a lowercase key (a-z, 0-9, _) other than all, any, kind, none, not, got 'kind'",
    ),
    (
        {"filters": {"region": [["x"]]}},
        {},
        "search.filters.region: expected a text or {'ui': key}, got ['x']",
    ),
    (
        {"meta": {"title": "x"}},
        {},
        "search.meta: expected a key Pagefind does not set, got 'title'",
    ),
]


@pytest.mark.parametrize(("spec", "front", "message"), CASES)
def test_bad_specs_are_worded(spec: dict | None, front: dict, message: str) -> None:
    with pytest.raises(SearchSpecError) as err:
        norm(spec, front=front)
    assert str(err.value) == message


def test_filter_key_without_label_is_an_unknown_string() -> None:
    message = "interface string 'search.filter_level' is not in data/strings/lv.yaml"
    with pytest.raises(KeyError, match=re.escape(message)):
        norm({"filters": {"level": ["A1"]}})


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            {"search": {"exclude": True}},
            "search: expected search_exclude: true to keep a page out of search (Material's search plugin is not used), got search: {'exclude': True}",
        ),
        ({"search_exclude": "yes"}, "search_exclude: expected true or false, got 'yes'"),
    ],
)
def test_bad_exclusions_are_worded(front: dict, message: str) -> None:
    with pytest.raises(SearchSpecError) as err:
        excluded(front)
    assert str(err.value) == message


def test_search_exclude_true_or_false() -> None:
    assert excluded({"search_exclude": True}) is True
    assert excluded({"search_exclude": False}) is False
    assert excluded({}) is False
