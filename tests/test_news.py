"""News: list newest first, dated pages, Atom feeds per language, front matter checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
import pytest

from conftest import UNTRANSLATED
from ici.news import PartialDate, load_news
from ici.views.news import date_display
from langs import PREFIX
from sitebuild import ROOT, Built

# the project's own pages and data (tests/conftest.py marks every test on a real build too)
pytestmark = pytest.mark.real_content

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
NEWS, _ = load_news(ROOT)


def _news_pages(site: Path, lang: str) -> set[str]:
    folder = site / LANGS[lang] / "news"
    return {p.parent.name for p in folder.glob("*/index.html")}


def _feed(site: Path, lang: str) -> feedparser.FeedParserDict:
    return feedparser.parse((site / LANGS[lang] / "news" / "feed.xml").read_bytes())


def test_every_language_has_the_five_seed_items() -> None:
    for lang in LANGS:
        slugs = [i.slug for i in NEWS.for_lang(lang)]
        assert len(slugs) == 5
        assert all(i.lang == lang for i in NEWS.for_lang(lang)), "a shipped item falls back"


@pytest.mark.parametrize("lang", LANGS)
def test_feed_parses_and_lists_every_news_page_newest_first(site: Built, lang: str) -> None:
    feed = _feed(site.site, lang)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    links = [e.link for e in feed.entries]
    assert {link.strip("/") for link in links} == _news_pages(site.site, lang)
    assert len(links) == len(set(links))
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)
    # reproducible: the feed is as new as its newest item, not as the build
    assert feed.feed.updated_parsed == published[0]
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    for entry, item in zip(feed.entries, NEWS.for_lang(lang), strict=True):
        assert entry.title == item.title
        assert entry.summary == item.description


def test_feed_ids_are_stable_tag_uris(site: Built) -> None:
    entry = _feed(site.site, "en").entries[-1]
    assert entry.id == "tag:integration.lv,2009:en/news/national-integration-centre-2009"


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_is_newest_first_and_advertises_the_feed(site: Built, lang: str) -> None:
    page = f"{LANGS[lang]}news/index.html"
    doc = site.html(page)
    shown = [li.attributes["data-ici-news"] for li in doc.css("[data-ici-news]")]
    assert shown == [i.slug for i in NEWS.for_lang(lang)]
    times = [t.attributes["datetime"] for t in doc.css("[data-ici-news] time")]
    assert times == [i.date.iso() for i in NEWS.for_lang(lang)]
    feeds = doc.css('head link[rel="alternate"][type="application/atom+xml"]')
    assert [f.attributes["href"] for f in feeds] == ["feed.xml"]
    assert feeds[0].attributes["title"] == NEWS.titles[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_news_page_shows_its_date_and_advertises_the_feed(site: Built, lang: str) -> None:
    for item in NEWS.for_lang(lang):
        doc = site.html(f"{LANGS[lang]}news/{item.slug}/index.html")
        time = doc.css_first("article .ici-date time")
        assert time.attributes["datetime"] == item.date.iso()
        assert time.text(strip=True) == date_display(item.date, lang)
        feed = doc.css_first('head link[type="application/atom+xml"]')
        assert feed.attributes["href"] == "../feed.xml"


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("2017-12-28", "lv", "2017. gada 28. decembris"),
        ("2017-12-28", "ru", "28 декабря 2017\u202fг."),
        ("2017-12-28", "en", "28 December 2017"),
        ("2018-01", "en", "January 2018"),
        ("2018-01", "ru", "январь 2018\u202fг."),
        (2009, "en", "2009"),
    ],
)
def test_date_is_shown_as_precisely_as_it_is_known(value: str | int, lang: str, shown: str) -> None:
    assert date_display(PartialDate.parse(value), lang) == shown


def test_partial_dates_sort_a_known_month_after_its_days() -> None:
    dates = [PartialDate.parse(v) for v in ("2018-01-31", "2018-01", "2018", "2017-12-28")]
    newest_first = sorted(dates, key=PartialDate.sort_key, reverse=True)
    assert [d.iso() for d in newest_first] == ["2018", "2018-01", "2018-01-31", "2017-12-28"]
    assert PartialDate.parse("2018-01").first_day() == date(2018, 1, 1)


def test_untranslated_news_item_falls_back_to_latvian_everywhere(untranslated: Built) -> None:
    slug = "ici-figures-20-months"
    assert f"docs/ru/news/{slug}.md" in UNTRANSLATED
    built = untranslated
    page = built.html(f"ru/news/{slug}/index.html")
    assert page.css_first(".ici-fallback") is not None
    assert page.css_first("article .ici-date time").text(strip=True) == "28 декабря 2017\u202fг."
    entry = built.html("ru/news/index.html").css_first(f'[data-ici-news="{slug}"]')
    assert entry.css_first('h3 [lang="lv"]').text(strip=True) == (
        "ICI palīdzējis vairāk nekā 2500 ārvalstniekiem"
    )
    assert entry.css_first(".ici-untranslated") is not None
    feed = feedparser.parse((built.site / "ru" / "news" / "feed.xml").read_bytes())
    assert f"{slug}/" in [e.link for e in feed.entries]


@pytest.mark.parametrize("lang", LANGS)
def test_news_archive_groups_items_by_year(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}news/index.html")
    groups = {
        int(sec.css_first("h2").text(strip=True)): [
            li.attributes["data-ici-news"] for li in sec.css("[data-ici-news]")
        ]
        for sec in doc.css("section.ici-news-year")
    }
    assert list(groups) == [2024, 2018, 2017, 2009]
    for year, slugs in groups.items():
        assert slugs == [i.slug for i in NEWS.for_lang(lang) if i.date.year == year]
