"""The data files are read record by record (a record's YAML nodes are dropped once it is
converted): values, lines, problems and the facts the translation status and the wording
warnings read are the same as from the whole document's node. The schema check skips
leaves a value passes: only for values jsonschema finds nothing wrong with."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, validators

from ici.schema_check import _leaf_test, _pattern, _problems_for, _validator, schema_problems
from ici.schema_check import _leaves as _error_leaves
from ici.yamlcompose import compose
from ici.yamlfacts import Digest, node_facts, text_facts
from ici.yamlsource import Source, _to_source, parse_text
from langs import LANGS as ALL_LANGS
from sitebuild import ROOT

LANGS = ALL_LANGS
RECORD = """  - id: a{n}
    name: {{lv: "Nosaukums {n}", ru: "Название"}}
    description:
      lv: |
        Teksts ar divām rindām
        un vēl viena
      en: Text
    count: {n}
    free: true
    sources:
      - {{title: T, publisher: P, published: "2017-0{m}"}}
"""

# texts a record-by-record reading must handle like the whole node: repeated and odd keys
# at the top and inside records, merge keys, bad keys and values, lists of scalars
TEXTS = {
    "plain": "services:\n" + "".join(RECORD.format(n=n, m=n % 9 + 1) for n in range(5)),
    "two lists": "organizations:\n"
    + RECORD.format(n=1, m=2)
    + "services:\n"
    + RECORD.format(n=2, m=3)
    + "extra: {lv: x}\n",
    "repeated top key": "services:\n"
    + RECORD.format(n=1, m=2)
    + "services:\n"
    + RECORD.format(n=2, m=3),
    "mapping then list": "services: {lv: a}\nservices:\n" + RECORD.format(n=1, m=2),
    "merge key at the top": "services:\n" + RECORD.format(n=1, m=2) + "<<: {services: []}\n",
    "non-text top key": "1: x\nservices:\n" + RECORD.format(n=1, m=2),
    "repeated key in a record": "services:\n  - id: a\n    id: b\n    name: {lv: x, lv: y}\n",
    "control characters": 'services:\n  - id: "a\\u0007"\n    "bad\\u0001key": 1\n'
    "    name: {lv: x}\n",
    "scalars and nulls": "services:\n  - a\n  - 1\n  -\n  - [x, {lv: y}]\n  - {lv: z, ru: w}\n",
    "merge in a record": "services:\n  - <<: {id: a, name: {lv: x}}\n    id: b\n",
    "top text": "lv:\n  - a\n  - {lv: b}\nru: x\n",
    "not a mapping": "- {lv: a}\n- b\n",
    "empty": "",
}


def _whole(text: str, display: str) -> tuple[Source, list[Any]]:
    """The source from the whole document's node (the reading before streaming)."""
    loader = yaml.CSafeLoader(text)
    try:
        node = compose(loader)
    finally:
        loader.dispose()
    return _to_source(node, loader, Source(display, None), ("services",))


@pytest.mark.parametrize("name", TEXTS)
def test_streamed_reading_is_the_whole_reading(name: str) -> None:
    text = TEXTS[name]
    streamed, problems = parse_text(text, "data/x.yaml", ("services",), LANGS)
    whole, whole_problems = _whole(text, "data/x.yaml")
    assert streamed.data == whole.data
    assert streamed.lines == whole.lines
    assert problems == whole_problems
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    facts = text_facts(text, LANGS)
    if node is None:
        assert facts is None and streamed.facts is None
        return
    assert facts == node_facts(node, LANGS)
    if "merge" not in name:  # the data check's facts: texts as written, merge keys resolved
        assert streamed.facts == node_facts(node, LANGS)


def test_records_are_streamed_and_their_nodes_dropped() -> None:
    kept: list[Any] = []

    def on_item(key: Any, index: int, item: Any) -> Digest:
        kept.append((key.value, index, type(item).__name__))
        return Digest(index)

    loader = yaml.CSafeLoader(TEXTS["two lists"])
    try:
        root = compose(loader, lambda key: True, on_item)
    finally:
        loader.dispose()
    assert kept == [("organizations", 0, "MappingNode"), ("services", 0, "MappingNode")]
    assert root is not None
    lists = [value.value for _, value in root.value if isinstance(value, yaml.SequenceNode)]
    assert [[type(item) for item in items] for items in lists] == [[Digest], [Digest]]


def test_a_limit_inside_a_streamed_record_is_reported_at_its_line() -> None:
    text = TEXTS["plain"] + "  - id: &x b\n"
    _, problems = parse_text(text, "data/x.yaml", ("services",), LANGS)
    assert [(p.line, p.code) for p in problems] == [(text.count("\n"), "yaml.limit")]


def _leaves(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if _leaf_test(node) is not None:
            found.append(node)
        for value in node.values():
            found.extend(_leaves(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_leaves(value))
    return found


VALUES: list[Any] = [
    "", "a", "x" * 600, "ici", "2017-09", "2017-09-21", "2017-09-21T10:00", "10:00", "24:00",
    "+371 25565098", "https://example.lv/", "a\nb", " a", "lv", "rights", "active",
    0, 1, -1, 1.0, 2.5, True, False, None, [], {}, ["a"], {"lv": "a"},
]  # fmt: skip


def test_a_leaf_passed_by_the_quick_test_has_no_schema_error() -> None:
    schema_dir = ROOT / "schemas"
    names = [p.name.removesuffix(".schema.json") for p in schema_dir.glob("*.schema.json")]
    checker = validators.extend(Draft202012Validator, {"pattern": _pattern})
    leaves = [leaf for name in names for leaf in _leaves(_validator(schema_dir, name).schema)]
    assert len(leaves) > 20
    passed = 0
    for leaf in leaves:
        values = [*VALUES, *leaf.get("enum", ())]
        test = _leaf_test(leaf)
        assert test is not None
        for value in values:
            errors = list(checker(leaf).iter_errors(value))
            assert not (test(value) and errors), (json.dumps(leaf), value, errors)
            passed += test(value)
    assert passed > 100  # valid values skip jsonschema


def test_the_schema_problems_are_jsonschemas_own() -> None:
    # each field of a real record replaced by wrong values: the same problems, in the same
    # order, as jsonschema's own properties and items keywords give
    text = (ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    src, _ = parse_text(text, "data/services.yaml", ("services",))
    fast = _validator(ROOT / "schemas", "services")
    plain = validators.extend(Draft202012Validator, {"pattern": _pattern})(
        fast.schema, registry=fast._registry
    )
    record = src.data["services"][0]
    checked = 0
    for key in record:
        for bad in (1, "", None, ["x", 2], "x\n", {"lv": ""}, [{"published": "x"}]):
            case = Source(src.file, {**src.data, "services": [{**record, key: bad}]}, src.lines)
            found = schema_problems(case, "services", ROOT / "schemas")
            expected = [
                problem
                for error in plain.iter_errors(case.data)
                for leaf in _error_leaves(error)
                for problem in _problems_for(leaf, case, "services")
            ]
            assert found == expected
            checked += bool(found)
    assert checked > 50


def test_the_glossary_screen_keeps_every_variant() -> None:
    import re

    from ici.glossary import load_glossary

    glossary = load_glossary(ROOT)
    unscreened = load_glossary(ROOT)
    for lang in unscreened.usages:
        unscreened._screens[lang] = re.compile("")  # every text goes through every usage
    found = 0
    for lang, usages in glossary.usages.items():
        for usage in usages:
            for word in (*usage.avoid, *usage.allow, usage.preferred):
                for text in (word, f"Ar {word.upper()}.", f"«{word}» un {word}", f"x{word}"):
                    assert glossary.variants(text, lang) == unscreened.variants(text, lang)
                    found += bool(glossary.variants(text, lang))
    assert found > 10


PLAIN = [
    "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "yes", "No", "on", "Off", "y",
    "1", "-1", "+1", "0x1F", "0o17", "1_000", "1.5", "1e3", ".inf", "-.Inf", ".nan", "2020-01-01",
    "<<", "=", "Tekst", "Nosaukums", "Ob", "abc", "Ūdens", "Рига", "12:30", "+", ".",
]  # fmt: skip


@pytest.mark.parametrize("value", PLAIN)
def test_a_plain_scalar_has_the_resolvers_type(value: str) -> None:
    from ici.yamlsource import _CLoader

    loader = _CLoader(f"k: {value}\n" if value else "k:\n")
    try:
        node = compose(loader)
        assert node is not None
        tag = node.value[0][1].tag
        assert tag == loader.resolve(yaml.ScalarNode, value, (True, False))
    finally:
        loader.dispose()
