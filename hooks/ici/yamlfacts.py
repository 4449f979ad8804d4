"""What the translation status and the wording warnings read from a data file's YAML nodes,
gathered record by record so that a large register's nodes never all live at once.

A data file's records are streamed (:func:`ici.yamlcompose.compose`): each record's node is
read here as soon as it is complete, then dropped; its list keeps a :class:`Digest` in its
place. The walkers below treat a digest as the record it stands for, so the whole file
gives the same facts as its whole node would.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Path, Problem
from .provenance import published_values
from .yamlcompose import LimitError, compose

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


@dataclass(frozen=True)
class Text:
    """A multilingual text in a data file: its path and each language's line span."""

    path: Path
    spans: dict[str, tuple[int, int]]


@dataclass(frozen=True)
class RecordFacts:
    """A record's id and the ``published`` values and line of its ``sources`` list."""

    ident: str | None
    published: tuple[str, ...]
    # the line of the ``sources:`` key (a block list starts on the next); None unless a list
    sources_line: int | None


# a language text's scalar: (field path, language, text, line)
LangScalar = tuple[Path, str, str, int]


@dataclass
class Facts:
    """A data file's multilingual texts, language scalars and records (see the module)."""

    texts: list[Text] = field(default_factory=list)
    scalars: list[LangScalar] = field(default_factory=list)
    records: dict[tuple[Any, int], RecordFacts] = field(default_factory=dict)


class Digest:
    """What a streamed record leaves in its list: its value, the problems found converting
    it, and its facts."""

    __slots__ = ("problems", "record", "scalars", "texts", "value")

    def __init__(self, value: Any = None, problems: list[Problem] | None = None) -> None:
        self.value = value
        self.problems = problems or []
        self.texts: list[Text] = []
        self.scalars: list[LangScalar] = []
        self.record: RecordFacts | None = None


def _span(node: Node) -> tuple[int, int]:
    """First and last 1-based line of a node (a block scalar ends at column 0 of the next)."""
    end = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
    return node.start_mark.line + 1, max(end, node.start_mark.line + 1)


def texts(node: Any, path: Path, langs: tuple[str, ...]) -> Iterator[Text]:
    """Every multilingual text (a mapping of language codes, the first one included)."""
    if type(node) is Digest:
        yield from node.texts
    elif isinstance(node, MappingNode):
        pairs = [(k.value, k, v) for k, v in node.value if isinstance(k, ScalarNode)]
        keys = {key for key, _, _ in pairs}
        if langs[0] in keys and keys <= set(langs):
            spans = {}
            for key, key_node, value in pairs:
                first, last = _span(value)
                spans[key] = (min(first, key_node.start_mark.line + 1), last)
            yield Text(path, spans)
            return
        for key, _, value in pairs:
            yield from texts(value, (*path, key), langs)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            yield from texts(item, (*path, i), langs)


def lang_scalars(node: Any, path: Path, langs: tuple[str, ...]) -> Iterator[LangScalar]:
    """``(field path, language, text, line)`` of every language text under ``node``."""
    if type(node) is Digest:
        yield from node.scalars
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value in langs and isinstance(value, ScalarNode):
                yield (*path, key.value), key.value, value.value, value.start_mark.line + 1
            else:
                yield from lang_scalars(value, (*path, key.value), langs)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from lang_scalars(item, (*path, index), langs)


def record_facts(item: Node) -> RecordFacts | None:
    """The facts of one record node (None when it is not a mapping)."""
    if not isinstance(item, MappingNode):
        return None
    fields = {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
    rid = fields.get("id")
    ident = rid.value if isinstance(rid, ScalarNode) else None
    sources = fields.get("sources")
    line = None
    if isinstance(sources, SequenceNode):
        line = sources.start_mark.line + (1 if sources.flow_style else 0)
    return RecordFacts(ident, tuple(published_values(sources)), line)


def records(root: Any) -> dict[tuple[Any, int], RecordFacts]:
    """``(collection, index) -> facts`` for every record (mapping in a top-level list)."""
    out: dict[tuple[Any, int], RecordFacts] = {}
    if not isinstance(root, MappingNode):
        return out
    for key, value in root.value:
        if isinstance(value, SequenceNode):
            for i, item in enumerate(value.value):
                found = item.record if type(item) is Digest else record_facts(item)
                if found is not None:
                    out[(key.value, i)] = found
    return out


def digest_before(digest: Digest, item: Node, path: Path, langs: tuple[str, ...]) -> None:
    """The facts the translation status reads, from the record's node as it was written."""
    digest.texts = list(texts(item, path, langs))
    digest.record = record_facts(item)


def digest_after(digest: Digest, item: Node, path: Path, langs: tuple[str, ...]) -> None:
    """The facts the wording warnings read, after the conversion (merge keys resolved)."""
    digest.scalars = list(lang_scalars(item, path, langs))


def text_facts(text: str, langs: tuple[str, ...]) -> Facts | None:
    """The facts of YAML ``text`` (libyaml, with the data files' limits), record by record;
    None when it cannot be read (the data check reports why) or is empty."""

    def on_item(key: Node, index: int, item: Node) -> Digest:
        digest = Digest()
        path = (key.value, index)
        digest_before(digest, item, path, langs)
        digest_after(digest, item, path, langs)
        return digest

    loader = _CLoader(text)
    try:
        root = compose(loader, lambda key: isinstance(key, ScalarNode), on_item)
    except (yaml.YAMLError, LimitError):
        return None
    finally:
        loader.dispose()
    return node_facts(root, langs) if root is not None else None


def node_facts(root: Node, langs: tuple[str, ...]) -> Facts:
    """The facts of a document node (its streamed lists' items may be digests)."""
    return Facts(list(texts(root, (), langs)), list(lang_scalars(root, (), langs)), records(root))
