"""The unlisted status page: built in every language, out of the menu, listing the gaps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import OVERDUE, REVIEWED, UNTRANSLATED, UNTRANSLATED_TEXTS
from ici.dataset import load_dataset
from ici.gitdates import GitDates
from ici.translation_status import page_gaps, reviews_due
from langkit import strings_by_section
from langs import PREFIX
from sitebuild import ROOT, Built, build, copy_project
from test_translation_status import _git

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
STRINGS = strings_by_section()["status"]
SECTIONS = [
    "pages_missing",
    "pages_outdated",
    "fields_missing",
    "fields_outdated",
    "strings_missing",
    "reviews",
]


def _section(doc: HTMLParser, anchor: str):
    """The table (or the "none" paragraph) that follows a section heading."""
    heading = doc.css_first(f".ici-status h2#{anchor}")
    node = heading.next
    while node is not None and node.tag not in ("table", "p"):
        node = node.next
    return node


@pytest.mark.parametrize("lang", LANGS)
def test_status_page_in_every_language_with_its_strings(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}status/index.html")
    assert doc.css_first("html").attributes["lang"] == lang
    assert doc.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    headings = [h.text(strip=True) for h in doc.css(".ici-status h2")]
    # every real record's newest source is from 2009-2024: all are older than 12 months
    # before the test build (2026-01-01), so all are listed for editors to confirm
    old = len(reviews_due(ROOT, date(2026, 1, 1)))
    ds = load_dataset(ROOT)
    collections = (ds.organizations, ds.services, ds.branches, ds.events, ds.courses, ds.figures)
    assert old == sum(len(c) for c in collections)
    # pages no translation has yet (the Ukrainian guide topics not written yet)
    missing = [g for g in page_gaps(ROOT, GitDates(ROOT)) if g.state == "missing"]
    counts = {"reviews": old, "pages_missing": len(missing)}
    assert headings == [f"{STRINGS[key][lang]} ({counts.get(key, 0)})" for key in SECTIONS]
    # the test copy is not a git checkout: the page says why nothing is "outdated"
    assert doc.css_first(".ici-status .ici-notice").text(strip=True) == STRINGS["no_git"][lang]
    assert len(_rows(doc, "reviews")) == old


def test_status_page_is_in_no_menu(site: Built) -> None:
    for rel in ("index.html", "contacts/index.html", "status/index.html", "en/index.html"):
        hrefs = [
            a.attributes.get("href") or "" for a in site.html(rel).css("nav.md-nav a, .md-footer a")
        ]
        assert hrefs and not any("status" in href for href in hrefs), rel


@pytest.fixture(scope="module")
def gaps(untranslated: Built) -> Built:
    """A build with untranslated pages and texts and an overdue review (tests/conftest.py)."""
    return untranslated


def _rows(doc: HTMLParser, anchor: str) -> list[list[str]]:
    table = _section(doc, anchor)
    assert table.tag == "table", anchor
    return [[td.text(strip=True) for td in tr.css("td")] for tr in table.css("tbody tr")]


def _link(doc: HTMLParser, anchor: str) -> str:
    return _section(doc, anchor).css_first("tbody a").attributes["href"]


def test_missing_page_is_listed_with_a_link(gaps: Built) -> None:
    doc = gaps.html("en/status/index.html")
    rows = _rows(doc, "pages-missing")
    english = sorted(p.removeprefix("docs/en/") for p in UNTRANSLATED if p.startswith("docs/en/"))
    assert "contacts/index.md" in english
    assert sorted(r[0] for r in rows if "English" in r[1]) == english
    links = {
        a.text(strip=True): a.attributes["href"]
        for a in _section(doc, "pages-missing").css("tbody a")
    }
    assert links["contacts/index.md"] == "../contacts/"
    lv = gaps.html("status/index.html")
    assert ["contacts/index.md", "angļu"] in _rows(lv, "pages-missing")


def test_missing_data_text_is_listed_with_record_field_and_line(gaps: Built) -> None:
    doc = gaps.html("ru/status/index.html")
    rows = _rows(doc, "fields-missing")
    assert len(rows) == len(UNTRANSLATED_TEXTS)
    [(record, field, langs, where)] = [r for r in rows if r[0] == "riga"]
    assert (record, field, langs) == ("riga", "name", "английский")
    assert where.startswith("data/contacts.yaml:")
    links = [a.attributes["href"] for a in _section(doc, "fields-missing").css("tbody a")]
    assert "../contacts/riga/" in links
    assert "../register/ici-psychologist/" in links


def test_overdue_review_is_listed_with_its_date(gaps: Built) -> None:
    doc = gaps.html("en/status/index.html")
    rows = _rows(doc, "reviews")
    assert [OVERDUE, "31 December 2024"] in [r[:2] for r in rows]
    assert ["latgale", "January 2018"] in [r[:2] for r in rows]
    times = [t.attributes["datetime"] for t in _section(doc, "reviews").css("time")]
    assert REVIEWED in times
    assert doc.css_first(".ici-status .ici-meta time").attributes["datetime"] == "2026-01-01"


def test_page_and_record_links_of_the_status_page_exist(gaps: Built) -> None:
    for lang, prefix in LANGS.items():
        doc = gaps.html(f"{prefix}status/index.html")
        for a in doc.css(".ici-status a[href]"):
            href = a.attributes["href"]
            target = (gaps.site / prefix / "status" / href / "index.html").resolve()
            assert target.is_file(), (lang, href)
            assert Path(gaps.site).resolve() in target.parents


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A git checkout where Latvian texts changed after their translations."""
    root = copy_project(tmp_path_factory.mktemp("history"))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first", when="2025-01-10")
    page = root / "docs" / "lv" / "contacts" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nJauns teikums.\n", encoding="utf-8")
    data = root / "data" / "contacts.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("lv: ICI Rīgas birojs", "lv: ICI birojs Rīgā", 1), "utf-8")
    _git(root, "commit", "-q", "-am", "Latvian only", when="2025-06-01")
    home = root / "docs" / "lv" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nVēl nav saglabāts.\n", "utf-8")
    built = build(root)
    assert built.returncode == 0, built.output
    return built


def test_outdated_pages_and_texts_with_dates_from_git(history: Built) -> None:
    doc = history.html("en/status/index.html")
    assert doc.css_first(".ici-status .ici-notice") is None  # git history was there
    assert _rows(doc, "pages-outdated") == [
        ["contacts/index.md", "Russian", "1 June 2025", "10 January 2025"],
        ["contacts/index.md", "English", "1 June 2025", "10 January 2025"],
        ["contacts/index.md", "Ukrainian", "1 June 2025", "10 January 2025"],
        ["index.md", "Russian", "not committed to git yet", "10 January 2025"],
        ["index.md", "English", "not committed to git yet", "10 January 2025"],
        ["index.md", "Ukrainian", "not committed to git yet", "10 January 2025"],
    ]
    rows = _rows(doc, "fields-outdated")
    assert [r[:5] for r in rows] == [
        ["riga", "name", "Russian", "1 June 2025", "10 January 2025"],
        ["riga", "name", "English", "1 June 2025", "10 January 2025"],
        ["riga", "name", "Ukrainian", "1 June 2025", "10 January 2025"],
    ]
    lv = history.html("status/index.html")
    assert _rows(lv, "fields-outdated")[0][3] == "2025. gada 1. jūnijs"
