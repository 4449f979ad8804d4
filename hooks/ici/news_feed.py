"""An Atom feed of the news per language (``news/feed.xml``), built with feedgen.

The feed is reproducible: its ``updated`` time is the newest item's date, never the build
time. Links are relative to the feed (``<slug>/``) so the site works under any base path;
ids are tag URIs that never change when the site moves.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from feedgen.feed import FeedGenerator

from .context import RenderContext
from .dataset import Dataset
from .news import NewsItem
from .text import plain

TAG_AUTHORITY = "tag:integration.lv,2009"
FEED_PATH = "news/feed.xml"


def _stamp(item: NewsItem) -> datetime:
    return datetime.combine(item.date.first_day(), time(0, 0), tzinfo=UTC)


def feed_xml(ds: Dataset, lang: str) -> bytes:
    """The Atom document of ``lang``'s news, newest first."""
    items = ds.news.for_lang(lang)
    author = plain(ds.organizations["ici"]["name"], lang) if "ici" in ds.organizations else "ICI"
    fg = FeedGenerator()
    fg.id(f"{TAG_AUTHORITY}:{lang}/news/")
    fg.title(ds.news.titles.get(lang, author))
    fg.author({"name": author})
    fg.language(lang)
    fg.link(href="./", rel="alternate", type="text/html")
    fg.link(href="feed.xml", rel="self", type="application/atom+xml")
    newest = max((_stamp(i) for i in items), default=datetime(2009, 1, 1, tzinfo=UTC))
    fg.updated(newest)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.id(f"{TAG_AUTHORITY}:{lang}/news/{item.slug}")
        entry.title(item.title)
        entry.link(href=f"{item.slug}/", rel="alternate", type="text/html")
        entry.summary(item.description)
        entry.published(_stamp(item))
        entry.updated(_stamp(item))
    return fg.atom_str(pretty=True)


def news_feed(ctx: RenderContext) -> dict[str, bytes]:
    """The feed file of one language (``ici.outputs.SITE_OUTPUTS``)."""
    ds, lang = ctx.dataset, ctx.lang
    if not ds.news.for_lang(lang):
        return {}
    return {FEED_PATH: feed_xml(ds, lang)}
