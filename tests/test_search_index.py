"""The Pagefind index of the built site: one per language, main content only, filters."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from extra_pages import KIND, SOURCES
from ici.pagefind_files import cbor_encode, read_index_file
from ici.pages import KINDS as RECORD_KINDS
from ici.search import KINDS
from langs import DEFAULT_LANG, OTHER_LANGS, PREFIX
from pagefind_index import entry, filter_files, filters
from sitebuild import Built, build_copy

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
# the first folder of a generated record page -> its kind (contacts/riga/ -> branch)
RECORD_FOLDERS = {spec.path.split("/", 1)[0]: kind for kind, spec in RECORD_KINDS.items()}
FILTER_KEYS = {
    "kind",
    "category",
    "region",
    "language",
    "provider_type",
    "cost",
    "event_kind",
    "course_kind",
    # only on ended services (test_ended.py)
    "status",
}
ONLINE = {"lv": "Tiešsaistē", "ru": "Онлайн", "en": "Online", "uk": "Онлайн"}
REGIONS = {
    "lv": {"Rīga", "Kurzeme", "Zemgale", "Vidzeme", "Latgale", "Tiešsaistē"},
    "ru": {"Рига", "Курземе", "Земгале", "Видземе", "Латгале", "Онлайн"},
    "en": {"Riga", "Kurzeme", "Zemgale", "Vidzeme", "Latgale", "Online"},
    "uk": {"Рига", "Курземе", "Земгале", "Відземе", "Латгале", "Онлайн"},
}
# parts of a page that are site chrome or tools, not content
CHROME = "header, footer, nav, form, .md-sidebar"


def _front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}


def _sources(root: Path) -> dict[str, dict]:
    """Front matter of every Markdown page, by its output file (``ru/status/index.html``)."""
    out = {}
    for lang, prefix in LANGS.items():
        docs = root / "docs" / lang
        for md in docs.rglob("*.md"):
            rel = md.relative_to(docs).with_suffix("")
            folder = rel.parent if rel.name == "index" else rel
            html = "index.html" if str(folder) == "." else f"{folder.as_posix()}/index.html"
            out[prefix + html] = _front_matter(md)
    return out


def _pages(built: Built) -> dict[str, dict[str, list[str]]]:
    """HTML pages by ``<html lang>``, found without Pagefind's markers, in three groups.

    ``indexed``: every HTML page except 404 pages (one per site, at the root), fallback
    pages (a page missing in ru or en is built from the lv text, with the "not
    translated" notice; its text is indexed once, in lv) and pages whose Markdown says
    ``search_exclude: true`` (``excluded``); ``fallback`` the fallback pages.
    """
    sources = _sources(built.root)
    pages = {lang: {"indexed": [], "excluded": [], "fallback": [], "listing": []} for lang in LANGS}
    for path in sorted(built.site.rglob("*.html")):
        rel = path.relative_to(built.site).as_posix()
        if rel.startswith("pagefind/") or path.name == "404.html":
            continue
        doc = HTMLParser(path.read_text(encoding="utf-8"))
        lang = doc.css_first("html").attributes["lang"]
        if doc.css_first(".ici-fallback") is not None:
            group = "fallback"
        elif sources.get(rel, {}).get("search_exclude") is True:
            group = "excluded"
        elif doc.css_first("[data-ici-register-listing]") is not None:
            group = "listing"  # the register's listing pages: generated, search_exclude
        else:
            group = "indexed"
        pages[lang][group].append(rel)
    return pages


def _expected_kind(rel: str, lang: str, sources: dict[str, dict]) -> str:
    """The kind a page should have: from its record folder, front matter or guide/news."""
    parts = rel.removeprefix(LANGS[lang]).split("/")
    if len(parts) == 3 and parts[0] in RECORD_FOLDERS:
        return RECORD_FOLDERS[parts[0]]
    front = sources.get(rel, {})
    if "search_kind" in front:
        return front["search_kind"]
    return parts[0] if parts[0] in ("guide", "news") and len(parts) > 1 else "page"


def _marked_filters(built: Built, pages: list[str]) -> dict[str, Counter]:
    """``{filter: Counter(value: pages)}`` as the pages' own attributes say."""
    out: dict[str, Counter] = {}
    for rel in pages:
        body = built.html(rel).css_first("[data-pagefind-body]")
        marks = {n.attributes["data-pagefind-filter"] for n in body.css("[data-pagefind-filter]")}
        for mark in marks:
            key, value = mark.split(":", 1)
            out.setdefault(key, Counter())[value] += 1
    return out


def _ignored(node: LexborNode, body: LexborNode) -> bool:
    """Whether ``node`` is inside a ``data-pagefind-ignore`` element within ``body``."""
    while node is not None and node != body:
        if "data-pagefind-ignore" in node.attributes:
            return True
        node = node.parent
    return False


def test_entry_holds_each_language_with_its_page_count(site: Built) -> None:
    index = entry(site.site)
    assert list(index["languages"]) == sorted(LANGS)
    pages = _pages(site)
    counts = {lang: info["page_count"] for lang, info in index["languages"].items()}
    assert counts == {lang: len(groups["indexed"]) for lang, groups in pages.items()}
    # the editors' status page, the printable handout and the offline page stay out
    for lang, prefix in LANGS.items():
        assert pages[lang]["excluded"] == [
            f"{prefix}handout/index.html",
            f"{prefix}offline/index.html",
            f"{prefix}status/index.html",
        ]
        assert site.html(prefix + "status/index.html").css("[data-pagefind-body]") == []
        # and the register's listing pages (each service's own page is indexed)
        assert pages[lang]["listing"]
        for rel in pages[lang]["listing"]:
            assert site.html(rel).css("[data-pagefind-body]") == [], rel


def test_pagefind_runs_once_per_build(site: Built) -> None:
    assert site.output.count(f"Pagefind: Indexed {len(LANGS)} languages") == 1
    bundle = site.site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    # Pagefind's own interfaces are not used, so not published
    assert sorted(p.name for p in bundle.glob("*ui*")) == []
    assert not (bundle / "pagefind-highlight.js").exists()


def test_every_indexable_page_marks_only_its_article(site: Built) -> None:
    ignored_chrome = 0
    for groups in _pages(site).values():
        for rel in groups["indexed"]:
            doc = site.html(rel)
            bodies = doc.css("[data-pagefind-body]")
            assert len(bodies) == 1, rel
            body = bodies[0]
            assert body.tag == "article", rel
            assert "data-pagefind-ignore" not in body.attributes, rel
            # Material's header, navigation, sidebars and footer are outside the article;
            # a page's own tools (filter forms, jump lists) inside it are not indexed
            for node in body.css(CHROME):
                assert _ignored(node, body), (rel, node.tag, node.attributes.get("class"))
                ignored_chrome += 1
        for rel in groups["excluded"] + groups["fallback"]:
            assert site.html(rel).css("[data-pagefind-body]") == [], rel
    assert site.html("404.html").css("[data-pagefind-body]") == []
    # the register's category jump list and the listings' filter forms, in 3 languages
    jump = site.html("register/index.html").css_first("nav.ici-jump")
    assert "data-pagefind-ignore" in jump.attributes
    assert ignored_chrome >= 3 * 3


@pytest.mark.parametrize("lang", LANGS)
def test_filters_are_indexed_as_the_pages_mark_them(site: Built, lang: str) -> None:
    pages = _pages(site)[lang]["indexed"]
    found = filters(site.site, lang)
    assert set(found) == FILTER_KEYS
    # Pagefind read every filter of every page, and nothing else
    assert found == {key: dict(values) for key, values in _marked_filters(site, pages).items()}
    sources = _sources(site.root)
    kinds = Counter(_expected_kind(rel, lang, sources) for rel in pages)
    assert found["kind"] == dict(kinds)
    # every kind of page is on the real site (news items: in the languages that have them;
    # a news item not translated yet is the lv text, indexed in lv only)
    own_news = [p for p in (site.root / "docs" / lang / "news").glob("*.md") if p.stem != "index"]
    assert set(found["kind"]) == set(KINDS) - (set() if own_news else {"news"})
    # no real event or course is online (no source says so): the online value is tested
    # with the listing fixtures in test_online_region_is_a_filter_value
    assert set(found["region"]) == REGIONS[lang] - {ONLINE[lang]}


@pytest.mark.parametrize("lang", LANGS)
def test_filter_files_are_in_a_fixed_order_and_named_by_content(site: Built, lang: str) -> None:
    # Pagefind 1.5 writes the values in a random order; the build sorts them and names each
    # file as Pagefind does, so two builds give the same files (test_reproducible.py)
    files = filter_files(site.site, lang)
    assert sorted(name for _, name, _ in files) == sorted(FILTER_KEYS)
    for path, name, values in files:
        assert [v for v, _ in values] == sorted(v for v, _ in values), (path.name, name)
        digest = hashlib.sha1(cbor_encode([name, values])).hexdigest()
        assert path.name == f"{lang}_{digest[:7]}.pf_filter"
    meta = (
        site.site / "pagefind" / f"pagefind.{entry(site.site)['languages'][lang]['hash']}.pf_meta"
    )
    listed = read_index_file(meta)[3]
    assert listed == sorted([name, path.name.removesuffix(".pf_filter")] for path, name, _ in files)


def test_service_page_carries_its_register_facets_and_latvian_names(site: Built) -> None:
    doc = site.html("en/register/sif-legal-help/index.html")
    body = doc.css_first("[data-pagefind-body]")
    # no cost facet: the source does not say whether the service is free
    assert [n.attributes["data-pagefind-filter"] for n in body.css("[data-pagefind-filter]")] == [
        "kind:service",
        "category:Legal help and rights",
        "region:Riga",
        "region:Kurzeme",
        "region:Zemgale",
        "region:Latgale",
        "language:Latvian",
        "language:Russian",
        "language:English",
        "provider_type:State institution",
    ]
    metas = [n.attributes["data-pagefind-meta"] for n in body.css("[data-pagefind-meta]")]
    assert metas == ["kind:service", "detail:Society Integration Foundation (SIF)"]
    terms = [n.text() for n in body.css(".ici-lv-terms span[lang=lv]")]
    assert terms == [
        "Juridiskā palīdzība vienas pieturas aģentūrā",
        "Sabiedrības integrācijas fonds",
        "SIF",
    ]
    assert site.html("register/sif-legal-help/index.html").css(".ici-lv-terms") == []


def test_interpreter_languages_count_as_languages_of_a_service(site: Built) -> None:
    body = site.html("register/ici-interpreter/index.html").css_first("[data-pagefind-body]")
    marks = [n.attributes["data-pagefind-filter"] for n in body.css("[data-pagefind-filter]")]
    assert {"language:latviešu", "language:darī", "language:puštu"} <= set(marks)


def test_event_and_course_pages_carry_facets_and_a_start_date(site: Built) -> None:
    event = site.html("ru/events/ngo-dialogue-platform-5/index.html")
    body = event.css_first("[data-pagefind-body]")
    assert [n.attributes["data-pagefind-filter"] for n in body.css("[data-pagefind-filter]")] == [
        "kind:event",
        "region:Рига",
        "event_kind:Платформа диалога НПО",
    ]
    # the source gives the day only: the meeting sorts from the start of that day
    sort = body.css_first("[data-pagefind-sort]").attributes["data-pagefind-sort"]
    assert sort == "date:2017-09-21T00:00:00+03:00"
    terms = [n.text() for n in body.css(".ici-lv-terms span[lang=lv]")]
    assert terms[0] == "NVO Dialoga platformas piektā tikšanās"

    courses = _pages(site)["en"]["indexed"]
    course_pages = [rel for rel in courses if rel.startswith("en/courses/") and rel.count("/") == 3]
    assert course_pages
    for rel in course_pages:
        body = site.html(rel).css_first("[data-pagefind-body]")
        keys = [
            n.attributes["data-pagefind-filter"].split(":", 1)[0]
            for n in body.css("[data-pagefind-filter]")
        ]
        assert keys[0] == "kind" and keys.count("course_kind") == 1 and "region" in keys, rel
        assert (
            body.css_first("[data-pagefind-sort]")
            .attributes["data-pagefind-sort"]
            .startswith("date:20")
        ), rel


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
    assert {f"kind_{kind}" for kind in KINDS} <= set(words)
    assert {f"filter_{key}" for key in FILTER_KEYS} <= set(words)
    assert {"no_results", "results_for"} <= set(words)
    assert doc.css("header .md-search") == []  # Material's own search is gone


def test_root_404_search_box_links_from_the_site_root(site: Built) -> None:
    links = [a.attributes["href"] for a in site.html("404.html").css("[data-ici-search-browse] a")]
    assert links == ["/register/", "/guide/"]


def test_kinds_from_folders_dates_exclusions_and_fallbacks(site: Built, extra_pages: Built) -> None:
    built = extra_pages
    counts = {lang: info["page_count"] for lang, info in entry(built.site)["languages"].items()}
    pages = _pages(built)
    assert counts == {lang: len(groups["indexed"]) for lang, groups in pages.items()}
    assert "iekseja/index.html" in pages["lv"]["excluded"]
    # lv gains the pages added, less the excluded one; the other languages have them only
    # as lv fallbacks, which are not indexed
    added = Counter(kind for kind in KIND.values() if kind is not None)
    before = {lang: info["page_count"] for lang, info in entry(site.site)["languages"].items()}
    gained = {lang: sum(added.values()) if lang == DEFAULT_LANG else 0 for lang in LANGS}
    assert counts == {lang: before[lang] + gained[lang] for lang in LANGS}
    old = _pages(site)
    new_pages = [md.removeprefix("docs/lv/").removesuffix(".md") for md in KIND]
    for lang in OTHER_LANGS:
        new_fallbacks = set(pages[lang]["fallback"]) - set(old[lang]["fallback"])
        assert sorted(new_fallbacks) == sorted(f"{lang}/{rel}/index.html" for rel in new_pages)
    kinds_before = filters(site.site, "lv")["kind"]
    kinds = filters(built.site, "lv")["kind"]
    assert kinds == {kind: kinds_before.get(kind, 0) + added[kind] for kind in kinds_before | added}
    assert filters(built.site, "ru")["kind"] == filters(site.site, "ru")["kind"]

    news = built.html("news/jauns-birojs/index.html").css_first("[data-pagefind-body]")
    assert (
        news.css_first("[data-pagefind-sort]").attributes["data-pagefind-sort"] == "date:2025-12-01"
    )
    metas = [n.attributes["data-pagefind-meta"] for n in news.css("[data-pagefind-meta]")]
    assert metas == ["kind:news", "date:2025-12-01"]
    assert built.html("iekseja/index.html").css("[data-pagefind-body]") == []
    assert built.html("en/guide/jauna-lapa/index.html").css("[data-pagefind-body]") == []


def test_unknown_search_kind_fails_the_build_with_the_file(tmp_path: Path) -> None:
    home = Path("docs/lv/index.md")
    text = f"---\nsearch_kind: blog\n{SOURCES}---\n# Sākums\n"
    built = build_copy(tmp_path, {home.as_posix(): text})
    assert built.returncode != 0
    assert (
        "docs/lv/index.md: search_kind: expected one of page, guide, news, service, branch, "
        "event, course, got 'blog'" in built.output
    )


def test_material_search_exclude_fails_the_build_with_the_fix(tmp_path: Path) -> None:
    page = "docs/lv/status.md"
    text = (Path(__file__).parents[1] / page).read_text(encoding="utf-8")
    text = text.replace("search_exclude: true", "search:\n  exclude: true")
    built = build_copy(tmp_path, {page: text})
    assert built.returncode != 0
    assert (
        "docs/lv/status.md: search: expected search_exclude: true to keep a page out of "
        "search (Material's search plugin is not used), got search: {'exclude': True}"
        in built.output
    )


def test_online_region_is_a_filter_value(listings: Built) -> None:
    """An online event (the listing fixtures have two) is filed under "online"."""
    for lang in LANGS:
        body = listings.html(f"{PREFIX[lang]}events/webinar-first-steps-in-latvia/index.html")
        marks = [
            n.attributes["data-pagefind-filter"]
            for n in body.css_first("[data-pagefind-body]").css("[data-pagefind-filter]")
        ]
        assert f"region:{ONLINE[lang]}" in marks
        assert ONLINE[lang] in filters(listings.site, lang)["region"]
