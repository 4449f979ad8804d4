"""Ukrainian (uk), the fourth language: every page kind, the switch, feeds, files and texts."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

import pytest
import yaml

from conftest import UNTRANSLATED
from ici.languages import LANGS, configured
from ici.ui import load_strings
from pagefind_index import entry
from sitebuild import ROOT, Built

SITE_URL = "https://www.integration.lv/"
# one page of every kind: hand-written, listing and generated record pages
PAGES = [
    "",
    "guide/",
    "guide/residence/",
    "guide/work/",
    "guide/family/",
    "guide/social-help/",
    "register/",
    "register/ici-legal-consultation/",
    "contacts/",
    "contacts/riga/",
    "events/",
    "events/ngo-dialogue-platform-5/",
    "courses/",
    "courses/mes-latvija-riga/",
    "news/",
    "news/ngo-dialogue-platform-5th-meeting/",
    "about/",
    "handout/",
    "status/",
    "offline/",
]
# the pages written in Ukrainian (the rest show the Latvian text with a notice)
TRANSLATED = [
    "index.md",
    "guide/index.md",
    "guide/residence.md",
    "guide/work.md",
    "guide/family.md",
    "guide/social-help.md",
    "register/index.md",
    "contacts/index.md",
    "events/index.md",
    "courses/index.md",
    "news/index.md",
    "about/index.md",
    "handout/index.md",
    "status.md",
    "offline.md",
]
_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


def test_ukrainian_is_configured_after_the_others() -> None:
    assert LANGS[-1] == "uk"
    assert configured()[-1].name == "Українська"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_kind_has_a_ukrainian_page(site: Built, path: str) -> None:
    doc = site.html(f"uk/{path}index.html")
    assert doc.css_first("html").attributes["lang"] == "uk"
    # Material's own words (its theme language for uk) and our header are Ukrainian
    assert doc.css_first(".ici-langs [aria-current=true]").text(strip=True) == "Українська"
    assert doc.css_first("nav.ici-langs").attributes["aria-label"] == "Обрати мову"


@pytest.mark.parametrize("page", TRANSLATED)
def test_translated_pages_keep_the_latvian_sources(page: str) -> None:
    """A translation adds no source and drops none: the Latvian page's front matter."""

    def front(lang: str) -> tuple[dict, str]:
        text = (ROOT / "docs" / lang / page).read_text(encoding="utf-8")
        head, _, body = text.removeprefix("---\n").partition("\n---\n")
        return (yaml.safe_load(head) or {}, body) if text.startswith("---\n") else ({}, text)

    (lv, _), (uk, body) = front("lv"), front("uk")
    assert uk == lv
    assert _CYRILLIC.search(body), page


@pytest.mark.parametrize("path", ["guide/work/", "contacts/riga/", "register/"])
def test_the_switch_and_hreflang_keep_the_page(site: Built, path: str) -> None:
    doc = site.html(f"uk/{path}index.html")
    switch = {a.attributes["hreflang"]: a.attributes["href"] for a in doc.css("a.ici-langs__link")}
    depth = "../" * (path.count("/") + 1)
    assert switch == {
        lang: depth + ("" if lang == LANGS[0] else f"{lang}/") + path for lang in LANGS[:-1]
    }
    # and the other languages' pages link to the Ukrainian one
    lv = site.html(f"{path}index.html")
    back = [a.attributes["href"] for a in lv.css('a.ici-langs__link[hreflang="uk"]')]
    assert back == ["../" * path.count("/") + f"uk/{path}"]
    alternates = {
        link.attributes["hreflang"]: link.attributes["href"]
        for link in lv.css('head link[rel="alternate"][hreflang]')
    }
    assert alternates["uk"] == f"{SITE_URL}uk/{path}"


def test_the_sitemap_lists_ukrainian_pages_with_alternates(site: Built) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {
        u.findtext("s:loc", "", ns): u
        for u in ElementTree.parse(site.site / "sitemap.xml").findall("s:url", ns)
    }
    for path in ["", "guide/work/", "register/ici-legal-consultation/", "contacts/riga/"]:
        url = urls[f"{SITE_URL}uk/{path}"]
        links = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert links == set(LANGS)
    assert f"{SITE_URL}uk/status/" not in urls  # noindex, as in every language


def test_pagefind_has_a_ukrainian_index_of_ukrainian_pages(
    site: Built, untranslated: Built
) -> None:
    languages = entry(site.site)["languages"]
    assert "uk" in languages and languages["uk"]["page_count"] > 20
    # a translated page is indexed in uk, a Latvian fallback under /uk/ is not
    assert site.html("uk/guide/work/index.html").css_first("[data-pagefind-body]") is not None
    assert "docs/uk/guide/work.md" in UNTRANSLATED
    fallback = untranslated.html("uk/guide/work/index.html")
    assert fallback.css_first("[data-pagefind-body]") is None
    notice = load_strings(ROOT).get("common.page_not_translated", "uk")
    assert notice in fallback.text()


def test_record_pages_give_the_latvian_names_for_search(site: Built) -> None:
    doc = site.html("uk/register/ici-legal-consultation/index.html")
    terms = doc.css_first(".ici-lv-terms")
    assert terms.text(strip=True).startswith("Латиською:")
    assert [s.text() for s in terms.css('span[lang="lv"]')][:2] == [
        "Juridiskās konsultācijas",
        "Informācijas centrs imigrantiem",
    ]
    assert doc.css_first("h1").text(strip=True) == "Юридичні консультації"


def test_feeds_calendars_and_cards_are_ukrainian(site: Built) -> None:
    feed = ElementTree.parse(site.site / "uk/news/feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == "Новини ICI"
    ics = (site.site / "uk/events/events.ics").read_bytes().decode("utf-8")
    assert "SUMMARY;LANGUAGE=uk:П’ята зустріч Платформи діалогу НУО" in ics.replace("\r\n ", "")
    vcf = (site.site / "uk/contacts/riga.vcf").read_text(encoding="utf-8")
    assert "FN;LANGUAGE=uk:Ризький офіс ICI" in vcf


def test_exports_are_ukrainian(site: Built) -> None:
    services = json.loads((site.site / "uk/data/services.json").read_text(encoding="utf-8"))
    names = {s["id"]: s["name"] for s in services}
    assert any(n == "Юридичні консультації" for n in names.values())
    text = (site.site / "uk/data/services.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["ici-legal-consultation"]["name"] == "Юридичні консультації"
    assert rows["ici-legal-consultation"]["page"] == "register/ici-legal-consultation/"


def test_handout_status_and_offline_are_per_language(site: Built) -> None:
    handout = site.html("uk/handout/index.html")
    assert handout.css_first("h1").text(strip=True) == "Інформаційний центр для іммігрантів (ICI)"
    status = site.html("uk/status/index.html")
    headings = [h.text(strip=True) for h in status.css(".ici-status h2")]
    assert any(h.startswith("Тексти інтерфейсу без перекладу (0)") for h in headings)
    manifest = json.loads((site.site / "uk/manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["lang"], manifest["name"]) == ("uk", "Інформаційний центр для іммігрантів")
    # the Ukrainian service worker keeps the Ukrainian pages (relative to uk/)
    worker = (site.site / "uk/sw.js").read_text(encoding="utf-8")
    config = re.search(r"^const ICI = (\{.*?\n\});$", worker, re.MULTILINE | re.DOTALL)
    assert config is not None
    kept = json.loads(config.group(1))["precache"]
    assert {"./", "guide/work/", "offline/", "contacts/riga.vcf"} <= set(kept)
    # no other language's pages (shared assets sit at the site root, "../assets/...")
    assert not any(url.startswith(tuple(f"../{lang}/" for lang in LANGS)) for url in kept)
    assert (
        site.html("uk/offline/index.html").css_first("h1").text(strip=True)
        == "Немає з’єднання з інтернетом"
    )


def test_every_interface_string_and_record_text_is_ukrainian() -> None:
    strings = load_strings(ROOT)
    assert [g for g in strings.gaps if g.lang == "uk"] == []
    from ici.dataset import load_dataset

    ds = load_dataset(ROOT)
    missing = [str(n) for n in ds.notices if "no uk" in n.message or " uk " in n.message]
    assert missing == []
