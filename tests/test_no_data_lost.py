"""No data lost: every record of every data file reaches every language's pages, every
export and the search index, with counts equal to the data.

The expected ids come from the data as the build loaded it (``load_dataset`` on the built
copy); the found ids from the built files, read with real parsers (selectolax, json, csv,
icalendar, vobject, feedparser), never from the templates' own view models.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from functools import cache

import feedparser
import pytest
import vobject
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser as HTMLParser

import pagefind_index
from ici.dataset import Dataset, load_dataset
from ici.exports_hsds import hsds_id
from ici.register_pages import RESERVED_IDS
from ici.vocab import LISTING_FOLDERS
from langs import LANGS
from sitebuild import Built

# record kind -> (collection, folder of its pages, attribute carrying the id on the page)
RECORD_PAGES = {
    "service": ("services", "register", "data-ici-service"),
    "branch": ("branches", "contacts", "data-ici-id"),
    "event": ("events", "events", "data-ici-id"),
    "course": ("courses", "courses", "data-ici-id"),
}


def _prefix(lang: str) -> str:
    return "" if lang == "lv" else f"{lang}/"


@cache
def _dataset(root: str) -> Dataset:
    from pathlib import Path

    return load_dataset(Path(root))


@pytest.fixture(scope="module")
def ds(site: Built) -> Dataset:
    return _dataset(str(site.root))


def _article(site: Built, rel: str) -> HTMLParser:
    doc = site.html(rel)
    # the article only: the footer's hotlines carry data-ici-id on every page
    return doc.css_first("article.md-content__inner")


def _ids_in(node: object, attr: str) -> Counter[str]:
    return Counter(n.attributes[attr] for n in node.css(f"[{attr}]"))


def _jsonld(site: Built, rel: str) -> list[dict]:
    doc = site.html(rel)
    return [json.loads(s.text()) for s in doc.css('script[type="application/ld+json"]')]


def test_data_set_is_not_empty(ds: Dataset) -> None:
    for collection in ("organizations", "services", "branches", "events", "courses", "figures"):
        assert len(ds.collection(collection)) > 0, collection
    for lang in LANGS:
        assert ds.news.for_lang(lang), lang


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", RECORD_PAGES)
def test_every_record_has_its_page(site: Built, ds: Dataset, kind: str, lang: str) -> None:
    collection, folder, attr = RECORD_PAGES[kind]
    expected = set(ds.collection(collection))
    base = site.site / _prefix(lang) / folder
    # the register's listing pages (topics, regions, ended) have their own folders, and so
    # have the event and course listings' pages (upcoming, archive) when there are many
    listings = RESERVED_IDS if kind == "service" else frozenset(LISTING_FOLDERS)
    pages = {p.parent.name: p for p in base.glob("*/index.html") if p.parent.name not in listings}
    assert set(pages) == expected
    for rid in expected:
        rel = (pages[rid].relative_to(site.site)).as_posix()
        article = _article(site, rel)
        assert [n.attributes[attr] for n in article.css(f"article[{attr}]")] == [rid], rel
        if kind != "branch":
            # JSON-LD names the record by its id, so a crawler can match page and exports
            assert [d.get("identifier") for d in _jsonld(site, rel)] == [rid], rel


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", RECORD_PAGES)
def test_every_record_is_on_its_listing(site: Built, ds: Dataset, kind: str, lang: str) -> None:
    collection, folder, attr = RECORD_PAGES[kind]
    article = _article(site, f"{_prefix(lang)}{folder}/index.html")
    found = _ids_in(article, attr)
    expected = set(ds.collection(collection))
    assert set(found) == expected
    if kind != "branch":
        # once each (the contacts page lists a hotline again among the hotlines)
        assert all(n == 1 for n in found.values()), found


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_on_the_about_page(site: Built, ds: Dataset, lang: str) -> None:
    article = _article(site, f"{_prefix(lang)}about/index.html")
    reports = {n.attributes["data-ici-report"]: n for n in article.css("table[data-ici-report]")}
    assert set(reports) == set(ds.figures)
    for fid, rec in ds.figures.items():
        rows = reports[fid].css("tr[data-ici-figure]")
        got = [(r.attributes["data-ici-figure"], int(r.attributes["data-value"])) for r in rows]
        assert got == [(t["id"], t["value"]) for t in rec["totals"]]
        for breakdown in rec.get("breakdowns", []):
            table = article.css_first(f'table[data-ici-chart="{breakdown["id"]}"]')
            values = [int(r.attributes["data-value"]) for r in table.css("tbody tr[data-value]")]
            assert values == [row["value"] for row in breakdown["rows"]]
            assert article.css_first(f'figure[data-ici-chart="{breakdown["id"]}"] svg')


@pytest.mark.parametrize("lang", LANGS)
def test_every_news_item_has_its_page_and_list_entry(site: Built, ds: Dataset, lang: str) -> None:
    slugs = [item.slug for item in ds.news.for_lang(lang)]
    assert len(slugs) == len(set(slugs))
    article = _article(site, f"{_prefix(lang)}news/index.html")
    assert [n.attributes["data-ici-news"] for n in article.css("[data-ici-news]")] == slugs
    for slug in slugs:
        assert (site.site / _prefix(lang) / "news" / slug / "index.html").is_file(), slug


# ---- exports -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_services_json_has_every_service_and_organization(
    site: Built, ds: Dataset, lang: str
) -> None:
    data = json.loads((site.site / _prefix(lang) / "data" / "services.json").read_bytes())
    ids = [
        a["value"]
        for s in data
        for a in s.get("attributes", [])
        if a["link_type"] == "ici_register_id"
    ]
    assert len(data) == len(ds.services)
    assert sorted(ids) == sorted(ds.services)
    assert [s["id"] for s in data] == [hsds_id("service", rid) for rid in ids]
    orgs = {s["organization"]["id"] for s in data}
    assert orgs == {hsds_id("organization", oid) for oid in ds.organizations}


@pytest.mark.parametrize("lang", LANGS)
def test_services_csv_has_one_row_per_service(site: Built, ds: Dataset, lang: str) -> None:
    text = (site.site / _prefix(lang) / "data" / "services.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(ds.services)
    assert sorted(r["id"] for r in rows) == sorted(ds.services)


@pytest.mark.parametrize("lang", LANGS)
def test_events_feed_has_one_vevent_per_event(site: Built, ds: Dataset, lang: str) -> None:
    folder = site.site / _prefix(lang) / "events"
    feed = Calendar.from_ical((folder / "events.ics").read_bytes())
    uids = [str(ev["UID"]) for ev in feed.walk("VEVENT")]
    assert len(uids) == len(ds.events)
    assert sorted(uids) == sorted(f"{rid}@integration.lv" for rid in ds.events)
    for rid in ds.events:
        single = Calendar.from_ical((folder / f"{rid}.ics").read_bytes())
        assert [str(ev["UID"]) for ev in single.walk("VEVENT")] == [f"{rid}@integration.lv"]


@pytest.mark.parametrize("lang", LANGS)
def test_one_vcard_per_branch(site: Built, ds: Dataset, lang: str) -> None:
    folder = site.site / _prefix(lang) / "contacts"
    assert sorted(p.stem for p in folder.glob("*.vcf")) == sorted(ds.branches)
    for rid in ds.branches:
        cards = list(vobject.readComponents((folder / f"{rid}.vcf").read_text(encoding="utf-8")))
        assert len(cards) == 1, rid


@pytest.mark.parametrize("lang", LANGS)
def test_news_feed_has_every_item(site: Built, ds: Dataset, lang: str) -> None:
    feed = feedparser.parse((site.site / _prefix(lang) / "news" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    slugs = [item.slug for item in ds.news.for_lang(lang)]
    assert len(feed.entries) == len(slugs)
    assert [e.id.rsplit("/", 1)[-1] for e in feed.entries] == slugs


# ---- search index --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_has_one_page_per_record(site: Built, ds: Dataset, lang: str) -> None:
    kinds = pagefind_index.filters(site.site, lang).get("kind", {})
    expected = {
        "service": len(ds.services),
        "branch": len(ds.branches),
        "event": len(ds.events),
        "course": len(ds.courses),
        # a news item not translated yet is the lv text, indexed once, in lv
        "news": sum(1 for n in ds.news.for_lang(lang) if n.file.startswith(f"docs/{lang}/")),
    }
    assert {k: kinds.get(k, 0) for k in expected} == expected
