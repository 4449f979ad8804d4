"""Validate a data file against its JSON Schema and word every error for an editor."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path as FsPath
from typing import Any

from jsonschema import Draft202012Validator, _keywords, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .languages import CONFIG_FILE, english_name, languages
from .problems import Problem, format_path, show_value
from .yamlshare import shared_result, sharing
from .yamlsource import Source

SCHEMA_DIR = FsPath(__file__).resolve().parents[2] / "schemas"

_TYPE_WORDS = {
    "string": "text",
    "object": "a mapping of fields",
    "array": "a list",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def whole_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` with ECMA-262 anchors: ``$`` matches only at the very end.

    JSON Schema patterns are ECMA regular expressions, where ``$`` is the end of the text;
    in Python it also matches before a final line break, so ``"an-id\\n"`` passed
    ``^[a-z0-9-]+$``. Each ``$`` outside a character class becomes ``\\Z``, and ``\\d``
    means the ASCII digits, as in ECMA.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
            if char == "d":  # ECMA \\d is ASCII only; Python's also takes other scripts' digits
                out[-1] = "0-9" if in_class else "[0-9]"
                continue
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    if not validator.is_type(instance, "string"):
        return
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = whole_pattern(pattern)
    if compiled.search(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# keywords a leaf's quick test knows, and those that never fail (annotations)
_LEAF_KEYWORDS = frozenset({"type", "pattern", "enum", "minLength", "maxLength"})
_OBJECT_KEYWORDS = frozenset(
    {"type", "properties", "required", "additionalProperties", "minProperties"}
)
_ANNOTATIONS = frozenset({"x-expected", "x-code", "description", "title", "$comment", "default"})
# the quick type tests: stricter than JSON Schema's (1.0 is an integer there), never looser
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: type(v) is str,
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) is int or type(v) is float,
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
}
_LEAVES: dict[int, tuple[Any, Callable[[Any], bool] | None]] = {}


def _leaf_test(schema: Any) -> Callable[[Any], bool] | None:
    """A quick test of a value against a leaf ``schema`` (type, pattern, enum, lengths), or
    None for any other schema.

    The test says True only for a value jsonschema finds no error in; for such a value the
    subschema is not descended into (most of a register's values are valid text, and each
    descent costs more than the test). Any other value is validated by jsonschema, which
    words its errors as before.
    """
    held = _LEAVES.get(id(schema))
    if held is not None and held[0] is schema:
        return held[1]
    test = _make_leaf_test(schema)
    _LEAVES[id(schema)] = (schema, test)
    return test


def _make_leaf_test(schema: Any) -> Callable[[Any], bool] | None:
    if not isinstance(schema, dict) or not schema:
        return None
    if schema.get("type") == "object":
        return _make_object_test(schema)
    if any(k not in _LEAF_KEYWORDS and k not in _ANNOTATIONS for k in schema):
        return None
    types = schema.get("type")
    names = [types] if isinstance(types, str) else types
    if names is not None and (not isinstance(names, list) or any(n not in _TYPES for n in names)):
        return None
    type_tests = [_TYPES[n] for n in names] if names is not None else None
    enum = schema.get("enum")
    if enum is not None and not (isinstance(enum, list) and all(type(e) is str for e in enum)):
        return None
    choices = frozenset(enum) if enum is not None else None
    pattern = schema.get("pattern")
    if pattern is not None and not isinstance(pattern, str):
        return None
    compiled = whole_pattern(pattern) if pattern is not None else None
    low, high = schema.get("minLength"), schema.get("maxLength")
    if any(b is not None and type(b) is not int for b in (low, high)):
        return None

    def test(value: Any) -> bool:
        if type_tests is not None and not any(t(value) for t in type_tests):
            return False
        if type(value) is not str:
            return choices is None
        return (
            (low is None or len(value) >= low)
            and (high is None or len(value) <= high)
            and (choices is None or value in choices)
            and (compiled is None or compiled.search(value) is not None)
        )

    return test


def _make_object_test(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """The quick test of a mapping whose fields all have one (e.g. a text by language)."""
    if any(k not in _OBJECT_KEYWORDS and k not in _ANNOTATIONS for k in schema):
        return None
    properties, required = schema.get("properties", {}), schema.get("required", [])
    extra_ok = schema.get("additionalProperties", True)
    least = schema.get("minProperties", 0)
    if not isinstance(properties, dict) or extra_ok not in (True, False) or type(least) is not int:
        return None
    if not (isinstance(required, list) and all(type(r) is str for r in required)):
        return None
    tests = {name: _leaf_test(sub) for name, sub in properties.items()}
    if any(test is None for test in tests.values()):
        return None

    def test(value: Any) -> bool:
        return (
            type(value) is dict
            and len(value) >= least
            and all(name in value for name in required)
            and (extra_ok or all(key in tests for key in value))
            and all(t(value[name]) for name, t in tests.items() if name in value)  # type: ignore[misc]
        )

    return test


def _properties(validator: Any, properties: Any, instance: Any, schema: Any) -> Any:
    # jsonschema's "properties", without descending into a leaf the value passes
    if not validator.is_type(instance, "object"):
        return
    for name, subschema in properties.items():
        if name in instance:
            value = instance[name]
            test = _leaf_test(subschema)
            if test is not None and test(value):
                continue
            yield from validator.descend(value, subschema, path=name, schema_path=name)


def _items(validator: Any, items: Any, instance: Any, schema: Any) -> Any:
    # jsonschema's "items" (2020-12), without descending into a leaf an item passes
    test = _leaf_test(items)
    if test is None or not validator.is_type(instance, "array"):
        yield from _keywords.items(validator, items, instance, schema)
        return
    prefix = len(schema.get("prefixItems", []))
    for index in range(prefix, len(instance)):
        if not test(instance[index]):
            yield from validator.descend(instance=instance[index], schema=items, path=index)


# Draft 2020-12 with whole-string patterns
_Validator = validators.extend(
    Draft202012Validator, {"pattern": _pattern, "properties": _properties, "items": _items}
)


@cache
def _validator(schema_dir: FsPath, name: str) -> Any:
    docs = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        docs[path.name] = json.loads(path.read_text(encoding="utf-8"))
    project = schema_dir.parent
    docs = with_languages(docs, languages(project if (project / CONFIG_FILE).is_file() else None))
    registry: Registry = Registry().with_resources(
        (file, Resource.from_contents(doc)) for file, doc in docs.items()
    )
    schema = _inline_refs(docs[f"{name}.schema.json"], f"{name}.schema.json", docs, ())
    return _Validator(schema, registry=registry)


def with_languages(docs: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    """The schemas with the language properties taken from ``langs`` (mkdocs.yml's list).

    The files in schemas/ list the current languages for editors' autocompletion; the
    validation uses the configured list, so a new language needs no schema change. Touched:
    the translated text (``common.schema.json#/$defs/text``: the first language required)
    and the glossary's terms (one usage per language).
    """
    docs = dict(docs)
    common = docs.get("common.schema.json")
    if isinstance(common, dict) and "text" in common.get("$defs", {}):
        text = dict(common["$defs"]["text"])
        # each language's property as the schema file words the first one (type, codes)
        model = dict(next(iter(text.get("properties", {}).values()), {}))
        model.setdefault("type", "string")
        model.setdefault("minLength", 1)
        text["properties"] = {
            lang: {**model, "x-expected": f"non-empty {english_name(lang)} text"} for lang in langs
        }
        text["required"] = [langs[0]]
        text["x-expected"] = f"texts by language: {langs[0]} (required), " + ", ".join(langs[1:])
        docs["common.schema.json"] = {**common, "$defs": {**common["$defs"], "text": text}}
    glossary = docs.get("glossary.schema.json")
    term = glossary and glossary.get("properties", {}).get("terms", {}).get("items")
    if isinstance(term, dict):
        props = {k: v for k, v in term["properties"].items() if v != {"$ref": "#/$defs/usage"}}
        props.update({lang: {"$ref": "#/$defs/usage"} for lang in langs})
        terms = {**glossary["properties"]["terms"], "items": {**term, "properties": props}}
        docs["glossary.schema.json"] = {
            **glossary,
            "properties": {**glossary["properties"], "terms": terms},
        }
    return docs


def _inline_refs(node: Any, doc: str, docs: dict[str, Any], seen: tuple[str, ...]) -> Any:
    """``node`` with every ``{"$ref": ...}`` that has no other keyword replaced by its target.

    Resolving a reference on every value of every record took most of the validation time;
    the errors stay the same, as they come from the same subschemas. A reference next to
    other keywords, to itself, or to something not found is left to jsonschema.
    """
    if isinstance(node, list):
        return [_inline_refs(item, doc, docs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and len(node) == 1:
        file, _, pointer = ref.partition("#")
        target_doc = file or doc
        key = f"{target_doc}#{pointer}"
        target = docs.get(target_doc)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            target = target.get(part) if isinstance(target, dict) else None
        if isinstance(target, dict) and key not in seen:
            return _inline_refs(target, target_doc, docs, (*seen, key))
        return node
    return {k: _inline_refs(v, doc, docs, seen) for k, v in node.items()}


# validators whose own wording says more than the field's x-expected
_OWN_WORDS = ("required", "additionalProperties", "maxLength")


def _expected(error: ValidationError) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "x-expected" in schema and error.validator not in _OWN_WORDS:
        return f"expected {schema['x-expected']}"
    match error.validator:
        case "type":
            wanted = error.validator_value
            names = [wanted] if isinstance(wanted, str) else list(wanted)
            return "expected " + " or ".join(_TYPE_WORDS.get(n, n) for n in names)
        case "enum":
            return "expected one of " + ", ".join(str(v) for v in error.validator_value)
        case "minItems":
            return f"expected at least {error.validator_value} item(s)"
        case "uniqueItems":
            return "expected each item once"
        case "minLength":
            return "expected non-empty text"
        case "maxLength":
            return f"expected at most {error.validator_value} characters"
        case "minProperties":
            return "expected at least one field"
        case "minimum" | "maximum":
            return f"expected a number within the allowed range ({error.message})"
        case "pattern":
            return f"expected text matching {error.validator_value}"
    return f"expected a valid value ({error.message})"


def _code(error: ValidationError, name: str, field: str | None = None) -> str:
    """The problem code of a schema error: the schema's own ``x-code`` names the kind of
    value (``schema.phone``), else the validator (``schema.enum``); a missing field's code
    names the field when its hint is its own (``schema.required.sources``)."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        if name in _OWN_REQUIRED:
            return f"{name}.required"
        return f"schema.required.{field}" if field in _REQUIRED_CODES else "schema.required"
    if "x-expected" in schema and error.validator not in _OWN_WORDS:
        # worded by the schema: its x-code (when its kind of value has a hint of its own)
        return f"schema.{schema.get('x-code', 'expected')}"
    return f"schema.{error.validator}"


# missing fields with a hint of their own; schemas whose missing fields share one hint
_REQUIRED_CODES = frozenset({"sources", "lv"})
_OWN_REQUIRED = frozenset({"news"})


def _problems_for(error: ValidationError, src: Source, name: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        missing = [k for k in error.validator_value if k not in instance]
        return [
            Problem(
                src.file,
                src.line(path),
                format_path((*path, k)),
                "expected a value (required field), got nothing",
                _code(error, name, k),
            )
            for k in missing
        ]
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        return [
            Problem(
                src.file,
                src.line((*path, k)),
                format_path((*path, k)),
                f"unknown field, expected one of {', '.join(allowed)}",
                _code(error, name),
            )
            for k in extra
        ]
    message = f"{_expected(error)}, got {show_value(error.instance)}"
    return [src.problem(path, message, _code(error, name))]


def _leaves(error: ValidationError) -> list[ValidationError]:
    # oneOf/anyOf errors carry their sub-errors; an x-expected on the combinator says it best
    if error.validator in ("oneOf", "anyOf") and isinstance(error.schema, dict):
        if "x-expected" in error.schema:
            return [error]
    if error.context:
        out: list[ValidationError] = []
        for sub in error.context:
            out.extend(_leaves(sub))
        return out
    return [error]


def schema_problems(src: Source, name: str, schema_dir: FsPath = SCHEMA_DIR) -> list[Problem]:
    """Every schema violation in ``src`` as a located, worded problem.

    Inside ``yamlshare.shared_parses``, a source parsed from a text read before is checked
    once per schema and languages (the checks run right after parsing, on the data as read).
    """
    if src.shared_key is None or not sharing():
        return _schema_problems(src, name, schema_dir)
    project = schema_dir.parent
    langs = languages(project if (project / CONFIG_FILE).is_file() else None)
    key = ("schema", src.shared_key, name, str(schema_dir.resolve()), langs)
    return list(shared_result(key, lambda: _schema_problems(src, name, schema_dir)))


def _schema_problems(src: Source, name: str, schema_dir: FsPath) -> list[Problem]:
    validator = _validator(schema_dir, name)
    problems: list[Problem] = []
    for error in validator.iter_errors(src.data):
        for leaf in _leaves(error):
            problems.extend(_problems_for(leaf, src, name))
    return problems
