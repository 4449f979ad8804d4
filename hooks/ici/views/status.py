"""View model of the unlisted ``status`` page: the translation status for editors."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..dataset import Dataset
from ..fmt import format_day, language_name
from ..provenance import format_partial
from ..translation_model import REPORT_KEY, TranslationReport, show_date
from ..translation_model import UNCOMMITTED as _UNCOMMITTED


def report_for(ds: Dataset) -> TranslationReport:
    """The translation report the build made right after loading (``ici_mkdocs.state``,
    from the project's files and git history): the view reads no file itself."""
    report = ds.derived.get(REPORT_KEY)
    if report is None:
        raise ValueError("the dataset holds no translation report (made after loading)")
    return report


def _day(stamp: int | None, lang: str) -> dict[str, Any]:
    """A commit date for the page: ISO value for <time>, words for the reader."""
    if stamp is None:
        return {"iso": None, "text": ""}
    if stamp >= _UNCOMMITTED:
        return {"iso": None, "text": None}  # the template shows status.not_committed
    iso = show_date(stamp)
    return {"iso": iso, "text": format_day(iso, lang)}


def _langs(codes: tuple[str, ...], lang: str) -> str:
    return ", ".join(language_name(code, lang) for code in codes)


def status_page(ctx: RenderContext) -> dict[str, Any]:
    """Every section of the status page, in the reader's language."""
    ds, lang = ctx.dataset, ctx.lang
    report = report_for(ds)
    pages_missing = [
        {"page": g.page, "path": g.site_path, "langs": _langs(g.langs, lang)}
        for g in report.select("pages", "missing")
    ]
    pages_outdated = [
        {
            "page": g.page,
            "path": g.site_path,
            "langs": _langs(g.langs, lang),
            "source": _day(g.source_date, lang),
            "translation": _day(g.translation_date, lang),
        }
        for g in report.select("pages", "outdated")
    ]

    def field_row(g: Any) -> dict[str, Any]:
        return {
            "where": f"{g.file}:{g.line}",
            "record": g.record_id or g.path,
            "path": g.site_path,
            "field": g.field,
            "langs": _langs(g.langs, lang),
            "source": _day(g.source_date, lang),
            "translation": _day(g.translation_date, lang),
        }

    return {
        "status": {
            "today": {"iso": report.today.isoformat(), "text": format_day(report.today, lang)},
            "git": report.git,
            "pages_missing": pages_missing,
            "pages_outdated": pages_outdated,
            "fields_missing": [field_row(g) for g in report.select("fields", "missing")],
            "fields_outdated": [field_row(g) for g in report.select("fields", "outdated")],
            "strings_missing": [
                {
                    "key": key,
                    "langs": _langs((g.lang,), lang),
                    "where": f"{g.file}:{g.line}" if g.line else g.file,
                }
                for g in report.strings
                for key in g.keys
            ],
            "reviews": [
                {
                    "where": f"{r.file}:{r.line}",
                    "record": r.record_id or r.path,
                    "path": r.site_path,
                    "reviewed": {
                        "iso": r.last_reviewed,
                        "text": format_partial(r.last_reviewed, lang),
                    },
                }
                for r in report.reviews
            ],
        }
    }
