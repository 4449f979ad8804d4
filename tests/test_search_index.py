"""The Pagefind index of the built site: one per language, main content only, filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pagefind_index import entry, filters
from sitebuild import Built, build_copy

LANGS = {"lv": "", "ru": "ru/", "en": "en/"}
REGIONS = {
    "lv": {"Rīga": 2, "Latgale": 1, "Zemgale": 1, "Vidzeme": 1, "Kurzeme": 1},
    "ru": {"Рига": 2, "Латгале": 1, "Земгале": 1, "Видземе": 1, "Курземе": 1},
    "en": {"Riga": 2, "Latgale": 1, "Zemgale": 1, "Vidzeme": 1, "Kurzeme": 1},
}


def _indexable_pages(site: Path) -> dict[str, list[str]]:
    """HTML pages Pagefind should index, by ``<html lang>``, found without Pagefind's markers.

    Every HTML file counts except 404 pages (one per site, at the root) and fallback pages
    (a page missing in ru or en is built from the lv text, with the "not translated"
    notice; its text is indexed once, in lv) and pages whose Markdown says
    ``search_exclude: true`` (listed by the caller's fixture, none in the real content).
    """
    pages: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/") or path.name == "404.html":
            continue
        doc = HTMLParser(path.read_text(encoding="utf-8"))
        if doc.css_first(".ici-fallback") is not None:
            continue
        pages[doc.css_first("html").attributes["lang"]].append(rel)
    return pages


def test_entry_holds_each_language_with_its_page_count(site: Built) -> None:
    index = entry(site.site)
    assert sorted(index["languages"]) == ["en", "lv", "ru"]
    expected = _indexable_pages(site.site)
    counts = {lang: info["page_count"] for lang, info in index["languages"].items()}
    assert counts == {lang: len(pages) for lang, pages in expected.items()}
    # the real site: home, contacts, and 6 branch pages in each language
    assert counts == {"lv": 8, "ru": 8, "en": 8}


def test_pagefind_runs_once_per_build(site: Built) -> None:
    assert site.output.count("Pagefind: Indexed 3 languages") == 1
    bundle = site.site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    # Pagefind's own interfaces are not used, so not published
    assert sorted(p.name for p in bundle.glob("*ui*")) == []
    assert not (bundle / "pagefind-highlight.js").exists()


def test_every_indexable_page_marks_only_its_article(site: Built) -> None:
    for pages in _indexable_pages(site.site).values():
        for rel in pages:
            doc = site.html(rel)
            bodies = doc.css("[data-pagefind-body]")
            assert len(bodies) == 1, rel
            assert bodies[0].tag == "article", rel
            assert bodies[0].css("header, footer, nav, .md-sidebar") == [], rel
    assert site.html("404.html").css("[data-pagefind-body]") == []


@pytest.mark.parametrize("lang", LANGS)
def test_region_and_kind_filters_are_indexed(site: Built, lang: str) -> None:
    found = filters(site.site, lang)
    assert found["region"] == REGIONS[lang]
    assert found["kind"] == {"branch": 6, "page": 2}


def test_branch_page_carries_kind_region_and_latvian_names(site: Built) -> None:
    doc = site.html("ru/contacts/latgale/index.html")
    body = doc.css_first("[data-pagefind-body]")
    assert [n.attributes["data-pagefind-filter"] for n in body.css("[data-pagefind-filter]")] == [
        "kind:branch",
        "region:Латгале",
    ]
    assert [n.attributes["data-pagefind-meta"] for n in body.css("[data-pagefind-meta]")] == [
        "kind:branch"
    ]
    terms = [n.text() for n in body.css(".ici-lv-terms span[lang=lv]")]
    # "ICI" (the provider's short name) is inside the first name, so it is not repeated
    assert terms == [
        "ICI reģionālais kontaktpunkts “Latgale” Daugavpilī",
        "Informācijas centrs imigrantiem",
    ]
    # on lv pages the Latvian names are the page's own words
    assert site.html("contacts/latgale/index.html").css(".ici-lv-terms") == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_box_degrades_to_browse_links(site: Built, lang: str) -> None:
    prefix = LANGS[lang]
    doc = site.html(prefix + "contacts/riga/index.html")
    box = doc.css_first("header [data-ici-search]")
    assert (
        box.attributes["data-pagefind"]
        == "../../" + "../" * prefix.count("/") + "pagefind/pagefind.js"
    )
    links = [a.attributes["href"] for a in box.css("[data-ici-search-browse] a")]
    assert links == ["../../register/", "../../guide/"]
    assert "hidden" in box.css_first("form").attributes
    assert box.css_first("form label").attributes["for"] == box.css_first("input").attributes["id"]
    words = json.loads(box.css_first("script#ici-search-strings").text())
    assert {"kind_service", "kind_event", "kind_course", "kind_guide", "kind_news"} <= set(words)
    assert {"filter_region", "filter_category", "no_results", "results_for"} <= set(words)
    assert doc.css("header .md-search") == []  # Material's own search is gone


def test_root_404_search_box_links_from_the_site_root(site: Built) -> None:
    links = [a.attributes["href"] for a in site.html("404.html").css("[data-ici-search-browse] a")]
    assert links == ["/register/", "/guide/"]


PAGES = {
    "docs/lv/guide/index.md": "# Ceļvedis\n\nKā saņemt uzturēšanās atļauju.\n",
    "docs/lv/news/jauns-birojs.md": (
        "---\ndate: 2026-12-01\n---\n# Jauns birojs\n\nAtvērts birojs.\n"
    ),
    "docs/lv/iekseja.md": "---\nsearch_exclude: true\n---\n# Iekšēja lapa\n\nNav meklējama.\n",
}


def test_kinds_from_folders_dates_exclusions_and_fallbacks(tmp_path: Path) -> None:
    built = build_copy(tmp_path, PAGES)
    assert built.returncode == 0, built.output
    site = built.site
    counts = {lang: info["page_count"] for lang, info in entry(site)["languages"].items()}
    expected = _indexable_pages(site)
    expected["lv"].remove("iekseja/index.html")  # search_exclude: true
    assert counts == {lang: len(pages) for lang, pages in expected.items()}
    # lv: 8 pages + guide + news (the excluded page is not counted); ru and en have the
    # three new pages only as lv fallbacks, which are not indexed
    assert counts == {"lv": 10, "ru": 8, "en": 8}
    assert filters(site, "lv")["kind"] == {"page": 2, "branch": 6, "guide": 1, "news": 1}
    assert filters(site, "ru")["kind"] == {"page": 2, "branch": 6}

    news = built.html("news/jauns-birojs/index.html").css_first("[data-pagefind-body]")
    assert (
        news.css_first("[data-pagefind-sort]").attributes["data-pagefind-sort"] == "date:2026-12-01"
    )
    metas = [n.attributes["data-pagefind-meta"] for n in news.css("[data-pagefind-meta]")]
    assert metas == ["kind:news", "date:2026-12-01"]
    assert built.html("iekseja/index.html").css("[data-pagefind-body]") == []
    assert built.html("en/guide/index.html").css("[data-pagefind-body]") == []


def test_unknown_search_kind_fails_the_build_with_the_file(tmp_path: Path) -> None:
    home = Path("docs/lv/index.md")
    text = "---\nsearch_kind: blog\n---\n# Sākums\n"
    built = build_copy(tmp_path, {home.as_posix(): text})
    assert built.returncode != 0
    assert (
        "docs/lv/index.md: search_kind: expected one of page, guide, news, service, event, "
        "course, branch, got 'blog'" in built.output
    )
