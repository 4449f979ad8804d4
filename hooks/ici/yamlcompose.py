"""Build YAML nodes from parser events, with the limits a data file never needs to pass.

PyYAML composes nodes recursively (and libyaml in C): a list nested 1,000 deep raised
RecursionError, 100,000 deep crashed the process, and nested aliases (the "billion
laughs") filled the memory. Data files need neither anchors nor aliases nor deep nesting,
so this composer reads the event stream without recursion and stops at the first anchor,
alias or level past ``MAX_DEPTH``, before any node is built from it.
"""

from __future__ import annotations

from typing import Any

from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# the deepest data (a phone's schedule's description text) is 7 levels down
MAX_DEPTH = 20
# the largest real file is ~60 kB; a national register of 10,000 services is about 25 MB
# (the benchmark's synthetic data, bench/synthetic.py): room for that and more
MAX_BYTES = 64_000_000


class LimitError(Exception):
    """Input past a limit: ``line`` (1-based) and an editor's message."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


def _line(event: Any) -> int:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else 1


def _check(event: NodeEvent) -> None:
    if isinstance(event, AliasEvent):
        raise LimitError(
            _line(event),
            f"expected a value written out, got an alias *{event.anchor} "
            "(aliases and anchors are not allowed in data files)",
        )
    if event.anchor is not None:
        raise LimitError(
            _line(event),
            f"expected a value without an anchor, got &{event.anchor} "
            "(aliases and anchors are not allowed in data files)",
        )


def compose(loader: Any) -> Node | None:
    """The single document's node from ``loader``'s events; None for an empty stream.

    Raises :class:`LimitError` at the first anchor, alias or level too deep, and
    ``yaml.YAMLError`` for a syntax error (from the parser).
    """
    loader.get_event()  # StreamStart
    if loader.check_event(StreamEndEvent):
        loader.get_event()
        return None
    root: Node | None = None
    # (collection node, pending mapping key or None)
    stack: list[list[Any]] = []
    # one call per event of a 25 MB file: dispatch on the exact event type, bind what the
    # loop looks up (the pure-Python loop is most of a large file's parse time)
    get_event = loader.get_event
    resolve = loader.resolve
    str_tag = "tag:yaml.org,2002:str"
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None:
                _check(event)
            tag = event.tag
            if tag is None or tag == "!":
                # a quoted scalar is a string: what the resolver answers for it
                implicit = event.implicit
                tag = (
                    str_tag
                    if not implicit[0] and implicit[1]
                    else resolve(ScalarNode, event.value, implicit)
                )
            node: Node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()[0].end_mark = event.end_mark  # as PyYAML's composer sets it
            continue
        elif kind is DocumentStartEvent or kind is StreamStartEvent:
            continue
        elif kind is DocumentEndEvent:
            break
        else:
            _check(event)
            if isinstance(event, SequenceStartEvent):
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(SequenceNode, None, event.implicit)
                node = SequenceNode(tag, [], event.start_mark, None, event.flow_style)
            elif isinstance(event, MappingStartEvent):
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(MappingNode, None, event.implicit)
                node = MappingNode(tag, [], event.start_mark, None, event.flow_style)
            else:  # pragma: no cover - the parser emits no other event here
                raise LimitError(_line(event), f"expected YAML data, got {type(event).__name__}")
        if not stack:
            root = node
        else:
            top = stack[-1]
            parent = top[0]
            if type(parent) is SequenceNode:
                parent.value.append(node)
            elif top[1] is None:
                top[1] = node
            else:
                parent.value.append((top[1], node))
                top[1] = None
        if type(node) is not ScalarNode:
            stack.append([node, None])
            if len(stack) > MAX_DEPTH:
                raise LimitError(
                    _line(event),
                    f"expected data nested at most {MAX_DEPTH} levels deep, got deeper nesting",
                )
    if not loader.check_event(StreamEndEvent):
        event = loader.get_event()
        raise LimitError(_line(event), "expected a single document, got another one after ---")
    return root
