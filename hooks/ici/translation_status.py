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

from datetime import date
from pathlib import Path as FsPath

import yaml

from .dataset import DATA_FILES
from .gitdates import UNCOMMITTED, GitDates
from .languages import languages
from .problems import DataError, format_path
from .provenance import is_stale, newest
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
from .yamlfacts import Facts, node_facts
from .yamlshare import file_facts

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


def _facts(fs_path: FsPath, langs: tuple[str, ...]) -> Facts | None:
    try:
        # the data check's reading when it can (shared with it inside ``make check``)
        found = file_facts(fs_path, langs)
        if found is not None:
            return found
        node = yaml.compose(fs_path.read_text(encoding="utf-8"), Loader=_Loader)
        return node_facts(node, langs) if node is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # the check command reports broken files; nothing to count here


def _newest(dates: list[int] | None, span: tuple[int, int]) -> int | None:
    if not dates:
        return None
    first, last = span
    chunk = dates[first - 1 : last]
    return max(chunk) if chunk else None


def _data_facts(root: FsPath) -> dict[str, Facts | None]:
    langs = languages(root)
    return {name: _facts(root / f"data/{name}.yaml", langs) for name in DATA_FILES}


def field_gaps(
    root: FsPath, git: GitDates, facts: dict[str, Facts | None] | None = None
) -> list[FieldGap]:
    """Data texts whose ru/en is missing, or older than the lv text.

    ``facts``: the data files' YAML facts when the caller has them, else they are read.
    """
    facts = facts if facts is not None else _data_facts(root)
    langs = languages(root)
    lv, translations = langs[0], langs[1:]
    gaps: list[FieldGap] = []
    for name in DATA_FILES:
        rel = f"data/{name}.yaml"
        found = facts[name]
        if found is None:
            continue
        dates = git.line_dates(rel)
        for text in found.texts:
            lv_span = text.spans[lv]
            missing = tuple(lang for lang in translations if lang not in text.spans)
            lv_date = _newest(dates, lv_span)
            outdated = []
            for lang in translations if lv_date else ():
                if lang in missing:
                    continue
                tr_date = _newest(dates, text.spans[lang])
                if tr_date and tr_date < lv_date:
                    outdated.append((lang, tr_date))
            if not missing and not outdated:
                continue  # most texts: nothing to describe
            collection, index = (*text.path, None, None)[:2]
            record = found.records.get((collection, index))
            rid = record.ident if record is not None else None
            inner = format_path(text.path[2:]) if len(text.path) > 2 else format_path(text.path)
            common = {
                "file": rel,
                "path": format_path(text.path),
                "collection": str(collection),
                "record_id": rid,
                "field": inner,
            }
            if missing:
                gaps.append(FieldGap("missing", line=lv_span[0], langs=missing, **common))
            for lang, tr_date in outdated:
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
    root: FsPath, today: date, facts: dict[str, Facts | None] | None = None
) -> list[ReviewDue]:
    """Records whose newest source is older than 12 months before ``today``.

    Readers of these records see the "please call to confirm" notice (``ici.provenance``);
    the list tells editors which records to confirm against a newer source.
    """
    facts = facts if facts is not None else _data_facts(root)
    due: list[ReviewDue] = []
    for name in DATA_FILES:
        rel = f"data/{name}.yaml"
        found = facts[name]
        if found is None:
            continue
        for (collection, index), record in found.records.items():
            try:
                sources = [{"published": v} for v in record.published]
                value = newest(sources)
                stale = is_stale(sources, today)
            except ValueError:
                continue  # the check command reports a malformed date
            if value and stale and record.sources_line is not None:
                due.append(
                    ReviewDue(
                        rel,
                        # the line of the sources: key (a block list starts on the next)
                        record.sources_line,
                        format_path((collection, index, "sources")),
                        collection,
                        record.ident,
                        value,
                    )
                )
    return due


def translation_report(
    root: FsPath,
    today: date | None = None,
    facts: dict[str, Facts | None] | None = None,
    strings: Strings | None = None,
) -> TranslationReport:
    """The whole report for the project in ``root``.

    ``facts``: the data files' YAML facts by name (:mod:`ici.yamlfacts`), and ``strings``
    the interface strings, when the caller has read them already.
    """
    git = GitDates(root)
    report = TranslationReport(today or today_from_env(), git.available)
    report.pages = page_gaps(root, git)
    if facts is None:
        facts = _data_facts(root)  # each data file read once for both lists
    report.fields = field_gaps(root, git, facts)
    report.reviews = reviews_due(root, report.today, facts)
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
