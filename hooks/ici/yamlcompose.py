"""Build YAML nodes from parser events, with the limits a data file never needs to pass.

PyYAML composes nodes recursively (and libyaml in C): a list nested 1,000 deep raised
RecursionError, 100,000 deep crashed the process, and nested aliases (the "billion
laughs") filled the memory. Data files need neither anchors nor aliases nor deep nesting,
so this composer reads the event stream without recursion and stops at the first anchor,
alias or level past ``MAX_DEPTH``, before any node is built from it.
"""

from __future__ import annotations

from collections.abc import Callable
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


# the streaming composer's callbacks: whether the list under a top-level key is streamed,
# and what replaces one of its items once it is complete (key node, index, item node)
StreamKey = Callable[[Node], bool]
OnItem = Callable[[Node, int, Node], Any]


def _replace_last(stack: list[list[Any]], on_item: Any, item: Node) -> None:
    """Hand the streamed list's last item to ``on_item``; keep what it returns instead."""
    items = stack[1][0].value
    items[-1] = on_item(stack[0][0].value[-1][0], len(items) - 1, item)


def compose(
    loader: Any, stream_key: StreamKey | None = None, on_item: OnItem | None = None
) -> Node | None:
    """The single document's node from ``loader``'s events; None for an empty stream.

    Raises :class:`LimitError` at the first anchor, alias or level too deep, and
    ``yaml.YAMLError`` for a syntax error (from the parser).

    Streaming (``stream_key`` and ``on_item``): when the root is a mapping and
    ``stream_key(key)`` accepts the key of a list below it, each item of that list is
    handed to ``on_item`` as soon as it is complete and the list keeps what it returns in
    its place, so the nodes of a large register never all live at once.
    """
    loader.get_event()  # StreamStart
    if loader.check_event(StreamEndEvent):
        loader.get_event()
        return None
    root: Node | None = None
    # (collection node, pending mapping key or None, whether its items are streamed)
    stack: list[list[Any]] = []
    # one call per event of a 25 MB file: dispatch on the exact event type, bind what the
    # loop looks up (the pure-Python loop is most of a large file's parse time)
    get_event = loader.get_event
    resolve = loader.resolve
    str_tag = "tag:yaml.org,2002:str"
    # a plain scalar's type from the resolver's patterns for its first character (a
    # string when none matches): the resolver's answer, without its call
    implicit_types = loader.yaml_implicit_resolvers
    plain_text = None not in implicit_types and not getattr(loader, "yaml_path_resolvers", None)
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
                value = event.value
                if not implicit[0] and implicit[1]:
                    tag = str_tag
                elif implicit[0] and plain_text:
                    tag = str_tag
                    for candidate, pattern in implicit_types.get(value[:1], ()):
                        if pattern.match(value):
                            tag = candidate
                            break
                else:
                    tag = resolve(ScalarNode, value, implicit)
            node: Node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            done = stack.pop()[0]
            done.end_mark = event.end_mark  # as PyYAML's composer sets it
            if len(stack) == 2 and stack[1][2]:
                _replace_last(stack, on_item, done)
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
                if top[2] and type(node) is ScalarNode:
                    _replace_last(stack, on_item, node)
            elif top[1] is None:
                top[1] = node
            else:
                parent.value.append((top[1], node))
                top[1] = None
        if type(node) is not ScalarNode:
            streamed = (
                stream_key is not None
                and len(stack) == 1
                and type(node) is SequenceNode
                and type(stack[0][0]) is MappingNode
                and stack[0][1] is None  # the list is a value, not a key
                and stream_key(stack[0][0].value[-1][0])
            )
            stack.append([node, None, streamed])
            if len(stack) > MAX_DEPTH:
                raise LimitError(
                    _line(event),
                    f"expected data nested at most {MAX_DEPTH} levels deep, got deeper nesting",
                )
    if not loader.check_event(StreamEndEvent):
        event = loader.get_event()
        raise LimitError(_line(event), "expected a single document, got another one after ---")
    return root
