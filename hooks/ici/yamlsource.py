"""Read a YAML data file into plain Python values plus a map from field paths to lines.

Scalars stay strings (no YAML timestamps), so dates are checked by the schema and the
cross-record pass with one clear message. Duplicate keys, which PyYAML silently
collapses, are reported as problems.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import yamlfacts
from .problems import Path, Problem, format_path, show_value
from .textguard import LONG_TEXT_FIELDS, bad_key, control_char
from .yamlcompose import MAX_BYTES, LimitError, compose
from .yamlfacts import Digest, Facts
from .yamlshare import remember_facts, shared_copy, sharing

T = TypeVar("T")


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser (PyYAML's C extension) reads large files about ten times faster. It
# builds the same nodes, with the same lines; only its error messages differ, so a file it
# rejects is parsed again by the pure-Python parser, whose messages editors see.
_CLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):

    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """CSafeLoader that leaves timestamps as strings."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def compose_text(text: str) -> Node | None:
    """The document node of ``text`` under the data files' limits; None when it cannot be
    read (the data check reports why)."""
    loader = _CLoader(text) if _CLoader is not None else _Loader(text)
    try:
        return compose(loader)
    except (yaml.YAMLError, LimitError):
        return None
    finally:
        loader.dispose()


@dataclass
class Source:
    """A loaded data file: its value and the line of every field path in it."""

    file: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    # what the translation status and the wording warnings read from the YAML nodes,
    # gathered while the file is read when the reader passed the languages
    facts: Facts | None = field(default=None, repr=False, compare=False)
    # results computed from this source once (see :meth:`once`)
    memo: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)
    # inside ``yamlshare.shared_parses``: what the source was parsed from (its text and
    # how it was read), so that checks of the unchanged source are shared too
    shared_key: Hashable | None = field(default=None, repr=False, compare=False)

    def line(self, path: Path) -> int:
        """Line of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per ``key`` for this source: a check of its data that both
        datasets of ``make check`` run on the same source (sources are not changed once
        they are checked)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def problem(self, path: Path, message: str, code: str) -> Problem:
        """A problem of kind ``code`` located at ``path`` in this file."""
        return Problem(self.file, self.line(path), format_path(path), message, code)


def _convert(
    node: Node,
    path: Path,
    loader: _Loader,
    src: Source,
    problems: list[Problem],
    long_text: bool | None = None,
) -> Any:
    """The value of ``node`` at ``path``; its lines go to ``src``, its problems to
    ``problems``. ``long_text``: whether a field of the path may hold line breaks (the
    path is read when it is not given)."""
    if long_text is None:
        long_text = any(part in LONG_TEXT_FIELDS for part in path if isinstance(part, str))
    src.lines[path] = node.start_mark.line + 1
    kind = type(node)
    if kind is ScalarNode or isinstance(node, ScalarNode):
        # most values are text: SafeConstructor returns a str node's value as it is
        value = node.value if node.tag == _STR else loader.construct_object(node, deep=True)
        if not isinstance(value, str):
            return value
        complaint = control_char(value, long_text)
        if complaint:
            problems.append(
                Problem(
                    src.file, node.start_mark.line + 1, format_path(path), complaint, "text.control"
                )
            )
        return value
    if kind is MappingNode or isinstance(node, MappingNode):
        return _convert_mapping(node, path, loader, src, problems, long_text)
    if kind is SequenceNode or isinstance(node, SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            if type(item) is Digest:  # a streamed record, converted already
                problems.extend(item.problems)
                items.append(item.value)
            else:
                items.append(_convert(item, (*path, i), loader, src, problems, long_text))
        return items
    raise AssertionError(f"{path}: a YAML node of an unknown kind, {kind.__name__}")


def _convert_mapping(
    node: Node, path: Path, loader: Any, src: Source, problems: list[Problem], long_text: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    loader.flatten_mapping(node)
    lines = src.lines
    for key_node, value_node in node.value:
        key = _scalar(key_node, loader)
        if not isinstance(key, str):
            key = str(key)
        complaint = bad_key(key)
        if complaint:
            problems.append(
                Problem(
                    src.file,
                    key_node.start_mark.line + 1,
                    format_path(path),
                    complaint,
                    "text.control",
                )
            )
            continue
        key_path = (*path, key)
        if key in out:
            first = lines.get(key_path, 0)
            problems.append(
                Problem(
                    src.file,
                    key_node.start_mark.line + 1,
                    format_path(key_path),
                    f"duplicate key, expected each key once (first at line {first})",
                    "yaml.duplicate_key",
                )
            )
            continue
        long_value = long_text or key in LONG_TEXT_FIELDS
        out[key] = _convert(value_node, key_path, loader, src, problems, long_value)
        # the key's line, not the value's: a nested mapping's value starts a line later
        lines[key_path] = key_node.start_mark.line + 1
    return out


_STR = "tag:yaml.org,2002:str"


def _scalar(node: Node, loader: Any) -> Any:
    # most values are text: SafeConstructor returns a str node's value as it is
    if node.tag == _STR and isinstance(node, ScalarNode):
        return node.value
    return loader.construct_object(node, deep=True)


def load_source(
    fs_path: FsPath, display: str, top_keys: tuple[str, ...], langs: tuple[str, ...] = ()
) -> tuple[Source, list[Problem]]:
    """Load one YAML file; problems cover syntax, empty files, top-level type, duplicates.

    With ``langs`` (the project's languages) the file's YAML facts are gathered too.
    """
    text, problems = read_text(fs_path, display)
    if text is None:
        return Source(display, None), problems
    return parse_text(text, display, top_keys, langs)


def read_text(fs_path: FsPath, display: str) -> tuple[str | None, list[Problem]]:
    """The text of a YAML file, or None and why it cannot be read."""
    try:
        size = fs_path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Problem(
                    display,
                    1,
                    "",
                    f"expected a file of at most {MAX_BYTES} bytes, got {size}",
                    "yaml.too_big",
                )
            ]
        return fs_path.read_text(encoding="utf-8"), []
    except FileNotFoundError:
        return None, [
            Problem(display, 0, "", "file not found, expected a YAML data file", "file.lost")
        ]
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                display,
                1,
                "",
                f"expected UTF-8 text, got a byte {exc.object[exc.start]:#x} at offset {exc.start}",
                "content.encoding",
            )
        ]


# texts larger than this are read again rather than kept (a copy costs what a parse saves)
_SHARED_TEXT_MAX = 256 * 1024


def parse_text(
    text: str,
    display: str,
    top_keys: tuple[str, ...],
    langs: tuple[str, ...] = (),
    digest: bytes | None = None,
) -> tuple[Source, list[Problem]]:
    """Parse YAML ``text`` shown to editors as ``display``; same problems as a file.

    Line numbers count from the first line of ``text``: pad it with blank lines to report
    lines of a larger file (e.g. a Markdown page's front matter). With ``langs`` the
    source's :attr:`Source.facts` are gathered too (shared by the file's ``digest``).

    Inside ``yamlshare.shared_parses`` (``make check``, the hostile-data tests' hundreds of
    checks) a text without a ``digest`` (front matter, strings, glossary: the data files
    are shared by digest already) is parsed once and each reader gets its own copy.
    """
    if digest is None and sharing() and len(text) <= _SHARED_TEXT_MAX:
        key = ("parse_text", text, display, top_keys, langs)

        def parse() -> tuple[Source, list[Problem]]:
            src, problems = _parse_text(text, display, top_keys, langs, None)
            src.shared_key = key
            return src, problems

        return shared_copy(key, parse)
    return _parse_text(text, display, top_keys, langs, digest)


def _parse_text(
    text: str,
    display: str,
    top_keys: tuple[str, ...],
    langs: tuple[str, ...],
    digest: bytes | None,
) -> tuple[Source, list[Problem]]:
    try:
        fast = _stream_parse(text, display, top_keys, langs, digest)
    except LimitError as exc:
        return Source(display, None), [Problem(display, exc.line, "", exc.message, "yaml.limit")]
    if fast is not None:
        return fast
    # e.g. an unknown tag: worded (with its line shown) by the pure-Python path
    src = Source(display, None)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        return src, [
            Problem(
                display,
                line,
                "",
                f"expected printable text, got character {exc.character:#x}",
                "text.unprintable",
            )
        ]
    try:
        node = compose(loader)
    except LimitError as exc:
        return src, [Problem(display, exc.line, "", exc.message, "yaml.limit")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        return src, [Problem(display, line, "", f"YAML syntax error: {what}", "yaml.syntax")]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors
        return src, [Problem(display, 1, "", f"YAML syntax error: {exc}", "yaml.syntax")]
    finally:
        loader.dispose()
    try:
        return _to_source(node, loader, src, top_keys)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return src, [Problem(display, line, "", f"YAML error: {exc}", "yaml.syntax")]


def _stream_parse(
    text: str,
    display: str,
    top_keys: tuple[str, ...],
    langs: tuple[str, ...],
    digest: bytes | None,
) -> tuple[Source, list[Problem]] | None:
    """The source from libyaml, record by record (each record's nodes are dropped once it
    is converted); None when there is a problem the pure-Python parser words.

    Text with a character the pure-Python reader refuses goes to that reader too, for its
    message. Raises :class:`LimitError`.
    """
    if _CLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    src = Source(display, None)
    failed: list[yaml.YAMLError] = []
    streamed: list[Node] = []

    def stream_key(key: Node) -> bool:
        ok = isinstance(key, ScalarNode) and key.tag == _STR and not bad_key(key.value)
        if ok:
            streamed.append(key)
        return ok

    def on_item(key: Node, index: int, item: Node) -> Digest | None:
        if failed:
            return None  # the pure-Python parser reads the file again
        digest = Digest()
        path = (key.value, index)
        if langs:
            yamlfacts.digest_before(digest, item, path, langs)
        try:
            digest.value = _convert(item, path, loader, src, digest.problems)
        except yaml.YAMLError as exc:
            failed.append(exc)
            return None
        loader.constructed_objects.clear()  # it holds the nodes of non-text values
        if langs:
            yamlfacts.digest_after(digest, item, path, langs)
        return digest

    loader = _CLoader(text)
    try:
        root = compose(loader, stream_key, on_item)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if failed:
        return None
    if streamed and not _plain_keys(root):
        # a key the conversion reads otherwise (a merge key, a repeated key): the whole node
        src, streamed = Source(display, None), []
        loader = _CLoader(text)
        try:
            root = compose(loader)
        finally:
            loader.dispose()
    before = (list(yamlfacts.texts(root, (), langs)), yamlfacts.records(root)) if langs else None
    try:
        result = _to_source(root, loader, src, top_keys)
    except yaml.YAMLError:
        return None
    if before is not None and root is not None:
        scalars = list(yamlfacts.lang_scalars(root, (), langs))
        src.facts = Facts(texts=before[0], scalars=scalars, records=before[1])
        remember_facts(digest, langs, src.facts)
    return result


def _plain_keys(root: Node | None) -> bool:
    """Whether every top-level key is a distinct plain text."""
    if not isinstance(root, MappingNode):
        return True
    keys = [k.value for k, _ in root.value if isinstance(k, ScalarNode) and k.tag == _STR]
    return len(keys) == len(root.value) and len(set(keys)) == len(keys)


def _to_source(
    node: Node | None, loader: Any, src: Source, top_keys: tuple[str, ...]
) -> tuple[Source, list[Problem]]:
    """Turn the document node into ``src``; raises ``yaml.YAMLError`` for a bad value."""
    display = src.file
    if node is None:
        keys = ", ".join(top_keys)
        message = f"file is empty, expected a mapping with {keys}"
        return src, [Problem(display, 1, "", message, "file.lost")]
    problems: list[Problem] = []
    src.data = _convert(node, (), loader, src, problems)
    if not isinstance(src.data, dict):
        keys = ", ".join(top_keys)
        got = show_value(src.data)
        src.data = None
        return src, [
            Problem(
                display, 1, "", f"expected a mapping with {keys} at the top, got {got}", "file.lost"
            )
        ]
    return src, problems
