"""Translation status: what lacks ru or en, what is older than its Latvian source, and
which records are due for review.

A translation is *outdated* when git last changed it before its Latvian source: for pages
the last commit of ``docs/ru/x.md`` against ``docs/lv/x.md``, for data texts the newest
line of the ``ru:`` value against the newest line of the ``lv:`` value (``git blame``).
Texts written on one line (``{lv: ..., ru: ...}``) always share a date, so they can only
be missing, never outdated. Without git the report still lists what is missing and what
is due for review.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path as FsPath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .dataset import DATA_FILES
from .gitdates import UNCOMMITTED, GitDates
from .languages import languages
from .problems import DataError, Path, format_path
from .provenance import is_stale, newest, published_values
from .translation_model import (
    FieldGap,
    PageGap,
    ReviewDue,
    TranslationReport,
    show_date,
    today_from_env,
)
from .translation_text import report_lines
from .ui import Strings, load_strings
from .yamlsource import compose_text

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


# -- pages ---------------------------------------------------------------------------


def page_gaps(root: FsPath, git: GitDates) -> list[PageGap]:
    """Latvian pages whose translation is missing or older than the Latvian page."""
    docs = root / "docs"
    lv, *translations = languages(root)
    source = docs / lv
    if not source.is_dir():
        return []
    dates = git.file_dates("docs")
    gaps: list[PageGap] = []
    for md in sorted(source.rglob("*.md")):
        page = md.relative_to(source).as_posix()
        missing = tuple(lang for lang in translations if not (docs / lang / page).is_file())
        if missing:
            gaps.append(PageGap("missing", page, missing))
        lv_date = dates.get(f"docs/{lv}/{page}")
        for lang in translations:
            tr_date = dates.get(f"docs/{lang}/{page}")
            if lang not in missing and lv_date and tr_date and tr_date < lv_date:
                gaps.append(PageGap("outdated", page, (lang,), lv_date, tr_date))
    return gaps


# -- data texts ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """A multilingual text in a data file: its path and each language's line span."""

    path: Path
    spans: dict[str, tuple[int, int]]


def _span(node: Node) -> tuple[int, int]:
    """First and last 1-based line of a node (a block scalar ends at column 0 of the next)."""
    end = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
    return node.start_mark.line + 1, max(end, node.start_mark.line + 1)


def _texts(node: Node, path: Path, langs: tuple[str, ...]) -> Iterator[_Text]:
    if isinstance(node, MappingNode):
        pairs = [(k.value, k, v) for k, v in node.value if isinstance(k, ScalarNode)]
        keys = {key for key, _, _ in pairs}
        if langs[0] in keys and keys <= set(langs):
            spans = {}
            for key, key_node, value in pairs:
                first, last = _span(value)
                spans[key] = (min(first, key_node.start_mark.line + 1), last)
            yield _Text(path, spans)
            return
        for key, _, value in pairs:
            yield from _texts(value, (*path, key), langs)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            yield from _texts(item, (*path, i), langs)


def _compose(fs_path: FsPath) -> Node | None:
    try:
        text = fs_path.read_text(encoding="utf-8")
        # the data check's parse when it can (shared with it inside ``make check``)
        return compose_text(text) or yaml.compose(text, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # the check command reports broken files; nothing to count here


def _record_ids(root_node: Node) -> dict[tuple[str, int], tuple[str | None, dict[str, Node]]]:
    """``(collection, index) -> (id, fields)`` for every record of a data file."""
    out: dict[tuple[str, int], tuple[str | None, dict[str, Node]]] = {}
    if not isinstance(root_node, MappingNode):
        return out
    for key, value in root_node.value:
        if isinstance(value, SequenceNode):
            for i, item in enumerate(value.value):
                if isinstance(item, MappingNode):
                    fields = {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
                    rid = fields.get("id")
                    ident = rid.value if isinstance(rid, ScalarNode) else None
                    out[(key.value, i)] = (ident, fields)
    return out


def _newest(dates: list[int] | None, span: tuple[int, int]) -> int | None:
    if not dates:
        return None
    first, last = span
    chunk = dates[first - 1 : last]
    return max(chunk) if chunk else None


def _data_nodes(root: FsPath) -> dict[str, Node | None]:
    return {name: _compose(root / f"data/{name}.yaml") for name in DATA_FILES}


def field_gaps(
    root: FsPath, git: GitDates, nodes: dict[str, Node | None] | None = None
) -> list[FieldGap]:
    """Data texts whose ru/en is missing, or older than the lv text.

    ``nodes``: the data files' YAML nodes when the caller has them, else they are read.
    """
    nodes = nodes if nodes is not None else _data_nodes(root)
    langs = languages(root)
    lv, translations = langs[0], langs[1:]
    gaps: list[FieldGap] = []
    for name in DATA_FILES:
        rel = f"data/{name}.yaml"
        node = nodes[name]
        if node is None:
            continue
        records = _record_ids(node)
        dates = git.line_dates(rel)
        for text in _texts(node, (), langs):
            collection, index = (*text.path, None, None)[:2]
            rid = records.get((collection, index), (None, {}))[0]
            inner = format_path(text.path[2:]) if len(text.path) > 2 else format_path(text.path)
            common = {
                "file": rel,
                "path": format_path(text.path),
                "collection": str(collection),
                "record_id": rid,
                "field": inner,
            }
            lv_span = text.spans[lv]
            missing = tuple(lang for lang in translations if lang not in text.spans)
            if missing:
                gaps.append(FieldGap("missing", line=lv_span[0], langs=missing, **common))
            lv_date = _newest(dates, lv_span)
            for lang in translations:
                if lang in missing:
                    continue
                tr_date = _newest(dates, text.spans[lang])
                if lv_date and tr_date and tr_date < lv_date:
                    gaps.append(
                        FieldGap(
                            "outdated",
                            line=text.spans[lang][0],
                            langs=(lang,),
                            source_date=lv_date,
                            translation_date=tr_date,
                            **common,
                        )
                    )
    return gaps


# -- review dates --------------------------------------------------------------------


def reviews_due(
    root: FsPath, today: date, nodes: dict[str, Node | None] | None = None
) -> list[ReviewDue]:
    """Records whose newest source is older than 12 months before ``today``.

    Readers of these records see the "please call to confirm" notice (``ici.provenance``);
    the list tells editors which records to confirm against a newer source.
    """
    nodes = nodes if nodes is not None else _data_nodes(root)
    due: list[ReviewDue] = []
    for name in DATA_FILES:
        rel = f"data/{name}.yaml"
        node = nodes[name]
        if node is None:
            continue
        for (collection, index), (rid, fields) in _record_ids(node).items():
            node_sources = fields.get("sources")
            try:
                sources = [{"published": v} for v in published_values(node_sources)]
                value = newest(sources)
                stale = is_stale(sources, today)
            except ValueError:
                continue  # the check command reports a malformed date
            if value and stale and node_sources is not None:
                due.append(
                    ReviewDue(
                        rel,
                        # the line of the sources: key (a block list starts on the next)
                        node_sources.start_mark.line + (1 if node_sources.flow_style else 0),
                        format_path((collection, index, "sources")),
                        collection,
                        rid,
                        value,
                    )
                )
    return due


def translation_report(
    root: FsPath,
    today: date | None = None,
    nodes: dict[str, Node | None] | None = None,
    strings: Strings | None = None,
) -> TranslationReport:
    """The whole report for the project in ``root``.

    ``nodes``: the data files' YAML nodes by name, and ``strings`` the interface strings,
    when the caller has read them already.
    """
    git = GitDates(root)
    report = TranslationReport(today or today_from_env(), git.available)
    report.pages = page_gaps(root, git)
    if nodes is None:
        nodes = _data_nodes(root)  # each data file parsed once for both lists
    report.fields = field_gaps(root, git, nodes)
    report.reviews = reviews_due(root, report.today, nodes)
    if strings is None:
        try:
            strings = load_strings(root)
        except DataError:
            strings = None  # the check and the build report the broken file
    if strings is not None:
        report.strings = list(strings.gaps)
        report.strings_total = len(strings.table)
    return report


# -- text form for the check command -------------------------------------------------


# the report's model and terminal text live in their own modules; importing them from here
# keeps one entry point for the check command and the status page
__all__ = [
    "UNCOMMITTED",
    "FieldGap",
    "PageGap",
    "ReviewDue",
    "TranslationReport",
    "field_gaps",
    "page_gaps",
    "report_lines",
    "reviews_due",
    "show_date",
    "today_from_env",
    "translation_report",
]
