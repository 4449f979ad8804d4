"""The written content: guide pages, record links, About figures and chart, handout, nav."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.numbers import parse_decimal
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import UNTRANSLATED
from ici.chart_svg import BAR_AREA
from ici.dataset import load_dataset
from ici.fmt import babel_locale, e164, format_count
from ici.links import _LINK, SCHEMES
from ici.pages import record_path
from langs import OTHER_LANGS, PREFIX
from sitebuild import ROOT, Built, build_copy

# the project's own pages and data (tests/conftest.py marks every test on a real build too)
pytestmark = pytest.mark.real_content

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
DOCS = ROOT / "docs"
GUIDE = sorted(p.stem for p in (DOCS / "lv" / "guide").glob("*.md"))
TOPICS = [name for name in GUIDE if name != "index"]
DATA = load_dataset(ROOT)


def resolve(page: str, href: str) -> str:
    """Site path that a relative ``href`` on built ``page`` (e.g. ``ru/x/index.html``) means."""
    parts = page.split("/")[:-1]
    for seg in href.split("#")[0].split("/"):
        if seg == "..":
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts)


def target_file(site: Path, path: str) -> Path:
    """The output file a site path is served from (``contacts/riga`` -> its index.html)."""
    candidate = site / path
    return candidate / "index.html" if candidate.is_dir() or not candidate.suffix else candidate


def built_page(lang: str, md: Path) -> str:
    """Output path of a Markdown source below docs/<lang>/ (``guide/work.md`` -> its page)."""
    parts = md.relative_to(DOCS / lang).with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    folder = "/".join(parts)
    return f"{LANGS[lang]}{folder + '/' if folder else ''}index.html"


def test_guide_has_the_sourced_topics_with_the_same_files_in_every_language() -> None:
    # the ten topics the sources say something about (health, housing, taxes and study had
    # no source and were removed: FACTS-CHANGED.md)
    assert len(TOPICS) >= 10
    for lang in LANGS:
        assert sorted(p.stem for p in (DOCS / lang / "guide").glob("*.md")) == GUIDE


@pytest.mark.parametrize("name", GUIDE)
@pytest.mark.parametrize("lang", LANGS)
def test_guide_page_is_translated_not_a_fallback(site: Built, lang: str, name: str) -> None:
    folder = "" if name == "index" else f"{name}/"
    doc = site.html(f"{LANGS[lang]}guide/{folder}index.html")
    assert doc.css_first("html").attributes["lang"] == lang
    assert doc.css_first(".ici-fallback") is None
    assert doc.css_first("article h1").text(strip=True)


@pytest.mark.parametrize("name", TOPICS)
@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_topic_page_has_an_official_term_box_in_latvian(site: Built, lang: str, name: str) -> None:
    doc = site.html(f"{LANGS[lang]}guide/{name}/index.html")
    boxes = doc.css("article .ici-term")
    assert boxes, f"{lang}/guide/{name}: no official-term box"
    terms = [node.text(strip=True) for box in boxes for node in box.css('[lang="lv"]')]
    assert terms and all(terms)


@pytest.mark.parametrize("name", TOPICS)
@pytest.mark.parametrize("lang", LANGS)
def test_topic_page_says_what_the_sources_say_and_where_to_ask(
    site: Built, lang: str, name: str
) -> None:
    doc = site.html(f"{LANGS[lang]}guide/{name}/index.html")
    # no step-by-step procedures: no source describes one; each page says what ICI and
    # others offered, names its sources and sends the reader to records that help
    assert doc.css("article h2")
    hrefs = [a.attributes.get("href", "") for a in doc.css("article a")]
    assert any("contacts/" in h or "register/" in h for h in hrefs)
    assert doc.css(".ici-sources .ici-source")


def _record_links() -> list[tuple[str, Path, str, str]]:
    found = []
    for lang in LANGS:
        for md in sorted((DOCS / lang).rglob("*.md")):
            for m in _LINK.finditer(md.read_text(encoding="utf-8")):
                if m["scheme"] in SCHEMES:
                    found.append((lang, md, m["scheme"], m["id"]))
    return found


RECORD_LINKS = _record_links()


def test_content_links_to_records() -> None:
    # the guide links to branch pages (and to services once the register has its pages)
    assert len({(lang, md) for lang, md, _, _ in RECORD_LINKS}) >= 3 * len(TOPICS)


@pytest.mark.parametrize(
    ("lang", "md", "scheme", "rid"),
    RECORD_LINKS,
    ids=[
        f"{lang}:{md.relative_to(DOCS / lang).as_posix()}:{s}:{r}"
        for lang, md, s, r in RECORD_LINKS
    ],
)
def test_record_link_resolves_to_the_record_page(
    site: Built, lang: str, md: Path, scheme: str, rid: str
) -> None:
    page = built_page(lang, md)
    doc = site.html(page)
    wanted = f"{LANGS[lang]}{record_path(SCHEMES[scheme], rid)}".rstrip("/")
    targets = {resolve(page, a.attributes.get("href", "")) for a in doc.css("article a[href]")}
    assert wanted in targets
    record = HTMLParser(target_file(site.site, wanted).read_text(encoding="utf-8"))
    assert record.css_first("html").attributes["lang"] == lang


def test_unknown_record_id_in_a_guide_page_stops_the_build(tmp_path: Path) -> None:
    page = DOCS / "en" / "guide" / "work.md"
    text = page.read_text(encoding="utf-8").replace("(branch:riga)", "(branch:tukums)", 1)
    line = text[: text.index("branch:tukums")].count("\n") + 1
    built = build_copy(tmp_path, {"docs/en/guide/work.md": text})
    assert built.returncode != 0
    assert "Traceback" not in built.output
    assert (
        f"docs/en/guide/work.md:{line}: link branch:tukums: expected the id of a branch "
        "in the data, got 'tukums'"
    ) in built.output


@pytest.mark.parametrize("lang", LANGS)
def test_internal_links_of_content_pages_reach_real_files(site: Built, lang: str) -> None:
    broken = []
    for section in ("guide", "about", "news", "handout"):
        for md in sorted((DOCS / lang / section).glob("*.md")):
            page = built_page(lang, md)
            for a in site.html(page).css("article a[href]"):
                href = a.attributes["href"]
                if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                    continue
                if not target_file(site.site, resolve(page, href)).is_file():
                    broken.append(f"{page}: {href}")
    assert broken == []


# ---- About: figures table and chart -------------------------------------------------


REPORT = next(iter(DATA.figures.values()))


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_table_holds_every_total(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}about/index.html")
    rows = doc.css(f'table[data-ici-report="{REPORT["id"]}"] tbody tr')
    assert [(r.attributes["data-ici-figure"], int(r.attributes["data-value"])) for r in rows] == [
        (t["id"], t["value"]) for t in REPORT["totals"]
    ]
    for row, total in zip(rows, REPORT["totals"], strict=True):
        assert format_count(total["value"], lang) in row.css_first("td").text()


@pytest.mark.parametrize("lang", LANGS)
def test_chart_svg_is_accessible_and_its_numbers_equal_the_data(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}about/index.html")
    charts = doc.css("figure.ici-chart svg")
    assert len(charts) == len(REPORT["breakdowns"])
    for svg, part in zip(charts, REPORT["breakdowns"], strict=True):
        assert svg.attributes["role"] == "img"
        title, desc = svg.css_first("title"), svg.css_first("desc")
        assert title is not None and title.text(strip=True)
        assert desc is not None and desc.text(strip=True)
        assert svg.attributes["aria-labelledby"].split() == [
            title.attributes["id"],
            desc.attributes["id"],
        ]
        bars = svg.css("g.ici-bar")
        values = [r["value"] for r in part["rows"]]
        assert [int(g.attributes["data-value"]) for g in bars] == values
        shown = [g.css_first(".ici-bar-value").text() for g in bars]
        assert [int(parse_decimal(s, babel_locale(lang))) for s in shown] == values
        widths = [float(g.css_first("rect").attributes["width"]) for g in bars]
        for width, value in zip(widths, values, strict=True):
            assert width == pytest.approx(BAR_AREA * value / max(values), abs=0.05)
        # the text alternative says every number too
        for s in shown:
            assert s in desc.text()
        table = doc.css_first(f'table[data-ici-chart="{part["id"]}"]')
        assert [int(r.attributes["data-value"]) for r in table.css("tbody tr")] == values


def test_about_page_names_the_top_countries_in_each_language(site: Built) -> None:
    names = {
        lang: [
            li.text(strip=True) for li in site.html(f"{p}about/index.html").css(".ici-countries li")
        ]
        for lang, p in LANGS.items()
    }
    assert len(names["lv"]) == len(REPORT["top_countries"]) == 20
    assert (names["lv"][0], names["ru"][0], names["en"][0]) == ("Krievija", "Россия", "Russia")


# ---- Handout ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_handout_lists_every_contact_and_ici_service(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}handout/index.html")
    hrefs = {a.attributes.get("href") for a in doc.css(".ici-handout a")}
    for branch in DATA.branches.values():
        assert doc.css_first(f'[data-ici-id="{branch["id"]}"]') is not None
        for phone in branch["phones"]:
            assert f"tel:{e164(phone['number'])}" in hrefs
        if "email" in branch:
            assert f"mailto:{branch['email']}" in hrefs
    # what ICI offers now: its ended services are on the register only
    ici_services = [
        s
        for s, r in DATA.services.items()
        if r["organization_id"] == "ici" and r.get("status") != "ended"
    ]
    listed = [li.attributes["data-ici-service"] for li in doc.css("[data-ici-service]")]
    assert listed == ici_services


def test_handout_stylesheet_prints_on_a4(site: Built) -> None:
    doc = site.html("handout/index.html")
    sheets = [
        resolve("handout/index.html", link.attributes["href"])
        for link in doc.css('head link[rel="stylesheet"]')
    ]
    # one stylesheet for the whole site (ici.assets), with the handout's rules in it
    (sheet,) = sheets
    css = (site.site / sheet).read_text(encoding="utf-8")
    assert "/* stylesheets/ici-handout.css */" in css
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)


# ---- Navigation ---------------------------------------------------------------------

NAV_LABELS = {
    "lv": ["Ceļvedis", "Jaunumi", "Par ICI"],
    "ru": ["Путеводитель", "Новости", "Об ICI"],
    "en": ["Guide", "News", "About ICI"],
    "uk": ["Путівник", "Новини", "Про ICI"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_nav_has_translated_guide_news_and_about_but_no_news_items(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}index.html")
    labels = [n.text(strip=True) for n in doc.css("nav.md-nav--primary .md-nav__link")]
    for label in NAV_LABELS[lang]:
        assert label in labels
    hrefs = [a.attributes.get("href", "") for a in doc.css("nav.md-nav--primary a")]
    news_items = [p.stem for p in (DOCS / lang / "news").glob("*.md") if p.stem != "index"]
    assert news_items
    assert not any(item in h for item in news_items for h in hrefs)
    assert sum("guide/" in h for h in hrefs) == len(GUIDE)


# ---- Fallback -----------------------------------------------------------------------


def test_untranslated_guide_page_shows_the_latvian_text_with_a_notice(untranslated: Built) -> None:
    assert "docs/en/guide/work.md" in UNTRANSLATED
    built = untranslated
    doc = built.html("en/guide/work/index.html")
    assert doc.css_first("html").attributes["lang"] == "en"
    notice = doc.css_first(".ici-fallback")
    assert notice.text(strip=True) == "This page is not translated yet; it is shown in Latvian."
    assert doc.css_first('div[lang="lv"] h1').text(strip=True) == "Darbs"
    # its record links still lead to the English record pages
    page = "en/guide/work/index.html"
    targets = {resolve(page, a.attributes["href"]) for a in doc.css("article a[href]")}
    assert "en/contacts/riga" in targets
    # the translated pages around it are not affected
    assert built.html("en/guide/business/index.html").css_first(".ici-fallback") is None
