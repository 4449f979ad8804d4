"""The translation status report for a terminal (``make check`` prints it first)."""

from __future__ import annotations

from .languages import DEFAULT_LANG
from .translation_model import REVIEW_MONTHS, TranslationReport, show_date


def _langs(langs: tuple[str, ...]) -> str:
    return " and ".join(langs)


def report_lines(report: TranslationReport) -> list[str]:
    """The report as ``file:line: ...`` lines under headings, for a terminal."""
    lines = [f"Translation status on {report.today.isoformat()}:"]
    if not report.git:
        lines.append("  (no git history here: outdated translations cannot be found)")
    lv = DEFAULT_LANG
    sections = [
        (
            "pages without a translation",
            [
                f"docs/{lv}/{g.page}:1: no {_langs(g.langs)} page yet, the Latvian page is shown"
                for g in report.select("pages", "missing")
            ],
        ),
        (
            "page translations older than the Latvian page",
            [
                f"docs/{g.langs[0]}/{g.page}:1: older than docs/{lv}/{g.page} "
                f"({g.langs[0]} {show_date(g.translation_date)}, lv {show_date(g.source_date)})"
                for g in report.select("pages", "outdated")
            ],
        ),
        (
            "data texts without a translation",
            [
                f"{g.file}:{g.line}: {g.path}: no {_langs(g.langs)} text yet, the lv text is shown"
                for g in report.select("fields", "missing")
            ],
        ),
        (
            "data translations older than the lv text",
            [
                f"{g.file}:{g.line}: {g.path}.{g.langs[0]}: older than the lv text "
                f"({g.langs[0]} {show_date(g.translation_date)}, lv {show_date(g.source_date)})"
                for g in report.select("fields", "outdated")
            ],
        ),
        (
            f"records whose newest source is older than {REVIEW_MONTHS} months "
            "(readers see a notice)",
            [
                f"{r.file}:{r.line}: {r.path}: newest source {r.last_reviewed}"
                + (f" ({r.record_id})" if r.record_id else "")
                for r in report.reviews
            ],
        ),
    ]
    missing: dict[str, int] = {}
    for gap in report.strings:
        missing[gap.file] = missing.get(gap.file, 0) + len(gap.keys)
    sections.insert(
        2,
        (
            "interface strings without a translation (listed as warnings below)",
            [
                f"{file}: {count} of {report.strings_total} strings, the {lv} text is shown"
                for file, count in missing.items()
            ],
        ),
    )
    for title, items in sections:
        lines.append(f"  {title}: {len(items)}")
        lines.extend(f"    {item}" for item in items)
    return lines
