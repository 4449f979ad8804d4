"""View models of the news list and of each news page (its date and the feed link)."""

from __future__ import annotations

from typing import Any

from ..context import RenderContext
from ..dataset import Dataset
from ..fmt import format_day, format_month, format_year
from ..news import NewsItem, PartialDate, text_of

FEED_FILE = "feed.xml"  # below news/, written by ici.news_feed


def date_display(when: PartialDate, lang: str) -> str:
    """A publication date in the reader's language, as precise as the source is."""
    if when.day:
        return format_day(when.first_day(), lang)
    if when.month:
        return format_month(when.first_day(), lang)
    return format_year(when.first_day(), lang)


def item_summary(item: NewsItem, lang: str) -> dict[str, Any]:
    """What the list and a news page show of one item."""
    return {
        "slug": item.slug,
        "path": f"news/{item.slug}/",
        "title": text_of(item, lang, item.title),
        "description": text_of(item, lang, item.description),
        "date_iso": item.date.iso(),
        "date_display": date_display(item.date, lang),
    }


def _feed_link(ds: Dataset, lang: str, href: str) -> dict[str, str]:
    return {
        "rel": "alternate",
        "type": "application/atom+xml",
        "href": href,
        "title": ds.news.titles.get(lang, "News"),
    }


def news_list(ctx: RenderContext) -> dict[str, Any]:
    """The news archive: every item newest first, grouped by year, and the feed in ``<head>``."""
    ds, lang = ctx.dataset, ctx.lang
    items = ds.news.for_lang(lang)
    years: list[dict[str, Any]] = []
    for item in items:
        if not years or years[-1]["year"] != item.date.year:
            years.append({"year": item.date.year, "items": []})
        years[-1]["items"].append(item_summary(item, lang))
    return {
        "items": [item_summary(i, lang) for i in items],
        "years": years,
        "feed_href": FEED_FILE,
        "head_links": [_feed_link(ds, lang, FEED_FILE)],
    }


def news_item(ctx: RenderContext) -> dict[str, Any]:
    """Context of a news page: every item by slug (the page finds its own) and the feed."""
    ds, lang = ctx.dataset, ctx.lang
    return {
        "news_by_slug": {i.slug: item_summary(i, lang) for i in ds.news.for_lang(lang)},
        "head_links": [_feed_link(ds, lang, f"../{FEED_FILE}")],
    }
