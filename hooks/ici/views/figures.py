"""View model of the About page's figures: key numbers, breakdowns with charts, countries."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..chart_svg import Bar, bar_chart, describe
from ..context import RenderContext
from ..dataset import Record
from ..fmt import country_name, format_count, format_day
from ..text import pick, plain


def _breakdown(report_id: str, part: Record, totals: dict[str, Record], lang: str) -> dict:
    rows = [
        {
            "label": pick(r["label"], lang),
            "value": r["value"],
            "display": format_count(r["value"], lang),
        }
        for r in part["rows"]
    ]
    bars = [
        Bar(plain(r["label"], lang), r["value"], format_count(r["value"], lang))
        for r in part["rows"]
    ]
    title = plain(part["title"], lang)
    chart_id = f"chart-{report_id}-{part['id']}"
    total = totals[part["total"]]
    return {
        "id": part["id"],
        "title": pick(part["title"], lang),
        "rows": rows,
        "total_label": pick(total["label"], lang),
        "total_display": format_count(total["value"], lang),
        # built by ElementTree, which escapes every text: safe to print as markup
        "svg": Markup(bar_chart(chart_id, title, describe(bars), bars)),
    }


def report_view(rec: Record, lang: str) -> dict[str, Any]:
    """One report: its period, key numbers, breakdowns and the countries clients came from."""
    totals = {t["id"]: t for t in rec["totals"]}
    return {
        "id": rec["id"],
        "title": pick(rec["title"], lang),
        "period_start": format_day(rec["period_start"], lang) if rec.get("period_start") else None,
        "as_of": format_day(rec["as_of"], lang),
        "totals": [
            {
                "id": t["id"],
                "label": pick(t["label"], lang),
                "value": t["value"],
                "display": format_count(t["value"], lang),
                "more_than": bool(t.get("more_than")),
            }
            for t in rec["totals"]
        ],
        "breakdowns": [_breakdown(rec["id"], b, totals, lang) for b in rec.get("breakdowns", [])],
        "countries": [country_name(code, lang) for code in rec.get("top_countries", [])],
        "source": pick(rec["source"], lang),
    }


def figures_list(ctx: RenderContext) -> dict[str, Any]:
    """Every report in data/figures.yaml, in file order."""
    ds, lang = ctx.dataset, ctx.lang
    return {"reports": [report_view(rec, lang) for rec in ds.figures.values()]}
