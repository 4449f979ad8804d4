"""URLs from data are safe: validation rejects ``javascript:`` and friends in every URL
field of every schema, and the built site's links all have an allowed scheme and shape.

The URL fields are found in the JSON Schemas (every property that is, after ``$ref``, the
common ``url`` definition), so a new URL field is tested without editing this file.
"""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import listing_files
from ici.dataset import DATA_FILES, read_sources
from ici.problems import format_path, show_value
from ici.schema_check import SCHEMA_DIR, schema_problems
from ici.yamlsource import load_source
from sitebuild import Built, copy_project
from urlsafety import unsafe_links, unsafe_url

URL_DEF = ("common.schema.json", "/$defs/url")
HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    'https://example.org/" onmouseover="alert(1)',
    "https://example.org/<script>",
]
VALID = "https://www.example.org/path?x=1"


@cache
def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _resolve(file: str, node: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    """Follow ``$ref``: (schema file, JSON pointer or None, the target schema)."""
    pointer = None
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = _schema(file)
        for part in [p for p in pointer.split("/") if p]:
            node = node[part]
    return file, pointer, node


def url_fields(name: str) -> list[tuple[str | int, ...]]:
    """Paths (``"*"`` for any list item) of the URL properties in ``<name>.schema.json``."""
    found: list[tuple[str | int, ...]] = []

    def walk(file: str, node: dict[str, Any], path: tuple[str | int, ...], depth: int) -> None:
        file, pointer, node = _resolve(file, node)
        if (file, pointer) == URL_DEF:
            found.append(path)
            return
        if depth > 12:
            return
        for key, sub in node.get("properties", {}).items():
            walk(file, sub, (*path, key), depth + 1)
        if isinstance(node.get("items"), dict):
            walk(file, node["items"], (*path, "*"), depth + 1)
        for combinator in ("oneOf", "anyOf", "allOf"):
            for sub in node.get(combinator, []):
                walk(file, sub, path, depth + 1)

    walk(f"{name}.schema.json", _schema(f"{name}.schema.json"), (), 0)
    return sorted(set(found), key=str)


URL_FIELDS = [(name, path) for name in DATA_FILES for path in url_fields(name)]


def test_url_fields_are_found() -> None:
    paths = {(name, format_path(p)) for name, p in URL_FIELDS}
    for known in [
        ("services", "organizations.*.url"),
        ("services", "services.*.url"),
        ("events", "events.*.place.online"),
        ("events", "events.*.registration.url"),
        ("courses", "courses.*.place.online"),
        ("courses", "courses.*.registration.url"),
    ]:
        assert known in paths


@cache
def _real(name: str) -> Any:
    """The real data; events and courses from the listing fixtures, whose records have
    every kind of URL (online places, registration links) that the real ones lack."""
    return copy.deepcopy(_read_real()[name])


@cache
def _read_real() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="safe-urls-") as tmp:
        sources, problems = read_sources(copy_project(Path(tmp), listing_files()))
    assert problems == []
    return {name: src.data for name, src in sources.items()}


def _place(data: Any, pattern: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A concrete path for ``pattern`` in the real data: an item that already has the field
    if there is one, else the first item whose parent object exists."""
    candidates: list[tuple[tuple[str | int, ...], bool]] = []

    def walk(node: Any, rest: tuple[str | int, ...], path: tuple[str | int, ...]) -> None:
        if len(rest) == 1:
            if isinstance(node, dict):
                candidates.append(((*path, rest[0]), rest[0] in node))
            return
        head, tail = rest[0], rest[1:]
        if head == "*" and isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, tail, (*path, i))
        elif isinstance(node, dict) and head in node:
            walk(node[head], tail, (*path, head))

    walk(data, pattern, ())
    assert candidates, f"no record in the data can hold {format_path(pattern)}"
    present = [p for p, has in candidates if has]
    return present[0] if present else candidates[0][0]


def _validate(name: str, data: Any, tmp_path: Path) -> list:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    src, problems = load_source(path, f"data/{name}.yaml", DATA_FILES[name])
    # the loader refuses a control character (a tab in "java\tscript:") before the schema
    return problems + schema_problems(src, name)


@cache
def _control(name: str, pattern: tuple[str | int, ...]) -> list:
    """The problems of the data with a web address in the field: once per field."""
    data = _real(name)
    with tempfile.TemporaryDirectory() as tmp:
        return _validate(name, _with(data, _place(data, pattern), VALID), Path(tmp))


def _with(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    changed = copy.deepcopy(data)
    node = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(
    ("name", "pattern"), URL_FIELDS, ids=[f"{n}:{format_path(p)}" for n, p in URL_FIELDS]
)
def test_validation_rejects_a_non_web_url(
    name: str, pattern: tuple[str | int, ...], value: str, tmp_path: Path
) -> None:
    data = _real(name)
    path = _place(data, pattern)
    field = format_path(path)
    # control: a web address in the same place validates, so a rejection is the value's
    assert _control(name, pattern) == []
    problems = _validate(name, _with(data, path, value), tmp_path)
    assert problems, f"{field} accepted {value!r}"
    record = format_path(path[:2])
    for problem in problems:
        assert problem.path == field or field.startswith(problem.path + "."), problem
        assert problem.path.startswith(record), problem
    direct = [p for p in problems if p.path == field]
    if direct:
        expected = f"expected an http:// or https:// address, got {show_value(value)}"
        # a control character in it is also reported by the loader, with its position
        schema_says = [p.message for p in direct if not p.message.startswith("expected text")]
        assert schema_says == [expected]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("javascript:alert(1)", "scheme javascript: is not allowed"),
        ("data:text/html,x", "scheme data: is not allowed"),
        ("//evil.example/", "protocol-relative URL"),
        (" https://example.org/", "whitespace, quote or angle bracket in a URL"),
        ("tel:+371 67 123456", "whitespace, quote or angle bracket in a URL"),
        ("tel:67123456", "malformed tel: link"),
        ("mailto:a@b.lv?bcc=x@y.lv", "malformed mailto: link"),
        ("skype:x", "malformed skype: link"),
        ("https://user@evil.example/", "web address without a plain host"),
        (
            "https://www.openstreetmap.org/?mlat=1&mlon=javascript",
            "map link not built from coordinates",
        ),
        ("../contacts/riga/", None),
        ("tel:+37167219000", None),
        ("mailto:info@integration.lv", None),
        ("skype:PatverumsDM?chat", None),
        ("https://www.openstreetmap.org/?mlat=56.95&mlon=24.1#map=18/56.95/24.1", None),
    ],
)
def test_link_rules(url: str, why: str | None) -> None:
    assert unsafe_url(url) == why


def test_every_link_in_the_site_is_safe(site: Built) -> None:
    assert unsafe_links(site) == {}


def _links(built: Built) -> tuple[set[str], int]:
    schemes: set[str] = set()
    maps = 0
    for path in built.pages():
        doc = built.html(path.relative_to(built.site).as_posix())
        for a in doc.css("a[href]"):
            href = a.attributes["href"] or ""
            schemes.add(href.split(":", 1)[0] if ":" in href else "")
            maps += "openstreetmap.org/?mlat=" in href
    return schemes, maps


def test_links_built_from_data_are_there(site: Built, office_hours: Built) -> None:
    # the rules above only mean something if the site has each kind of link
    schemes, _ = _links(site)
    assert {"https", "tel", "mailto", "skype", ""} <= schemes
    # no source gives a position for an office: the map link is checked on the copy with one
    assert unsafe_links(office_hours) == {}
    assert _links(office_hours)[1] > 0
