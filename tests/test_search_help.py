"""The search box when a query does not match as typed: partial results, places, no-result help.

In a real browser over the built site (issue 17, points 2-4): a query whose words no page
holds together shows the pages with most of them, marked with what they lack; a place
name in any language and case form narrows the rest of the query to that region's pages;
and a query that finds nothing names the words that matched nothing and offers the
information line (only while a current one exists in the data), the register and the
guide, in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browserkit import chromium, serve
from langkit import strings_by_section
from langs import DEFAULT_LANG, LANGS, PREFIX
from sitebuild import ROOT, Built

pytestmark = pytest.mark.browser

DONE = (
    "q => document.querySelector('[data-ici-search-panel]')"
    ".getAttribute('data-ici-search-done') === q"
)
STRINGS = strings_by_section()
SERVICES = yaml.safe_load((ROOT / "data" / "services.yaml").read_text(encoding="utf-8"))
CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))
INFO_LINE = "ici-information-line"


def _ui(key: str, lang: str, **values: object) -> str:
    section, name = key.split(".")
    text = STRINGS[section][name][lang]
    for k, v in values.items():
        text = text.replace("{" + k + "}", str(v))
    return text


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def base(site: Built) -> Iterator[str]:
    with serve(site.site) as url:
        yield url


def _search(page: object, query: str) -> None:
    page.fill("#ici-search-input", query)
    page.wait_for_function(DONE, arg=query, timeout=20000)


def _hits(page: object) -> list[dict[str, object]]:
    return page.eval_on_selector_all(
        "[data-ici-search-results] li",
        """items => items.map(li => ({
            url: new URL(li.querySelector('a').href).pathname,
            partial: li.querySelector('.ici-search__partial')?.textContent ?? null,
        }))""",
    )


def _region_pages(site: Built, lang: str, region: str) -> set[str]:
    """Indexed pages of ``lang`` whose region filter holds ``region`` (the filter value)."""
    out = set()
    root = site.site / PREFIX[lang]
    for path in root.rglob("index.html"):
        rel = path.relative_to(site.site).as_posix()
        if lang == DEFAULT_LANG and rel.split("/")[0] in LANGS:
            continue
        body = site.html(rel).css_first("[data-pagefind-body]")
        if body is not None and any(
            n.attributes.get("data-pagefind-filter") == f"region:{region}"
            for n in body.css("[data-pagefind-filter]")
        ):
            out.add("/" + rel.removesuffix("index.html"))
    return out


def _page_text(site: Built, url: str) -> str:
    body = site.html(url.lstrip("/") + "index.html").css_first("[data-pagefind-body]")
    return body.text() if body is not None else ""


@pytest.mark.parametrize(
    ("lang", "query", "place_stem"),
    [
        ("lv", "tulks Daugavpilī", "daugavpil"),
        ("lv", "jurists Latgalē", "latgal"),
        ("ru", "адвокат в Даугавпилсе", "даугавпил"),
        ("ru", "переводчик Daugavpils", "даугавпил"),
        ("en", "lawyer Daugavpils", "daugavpils"),
        ("en", "interpreter in Даугавпилс", "daugavpils"),
    ],
)
def test_a_place_narrows_to_its_regions_pages(
    site: Built, browser: object, base: str, lang: str, query: str, place_stem: str
) -> None:
    latgale = _region_pages(site, lang, _ui("regions.latgale", lang))
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    _search(page, query)
    hits = _hits(page)
    full = [h["url"] for h in hits if h["partial"] is None]
    assert full, hits
    # every full result is a Latgale page, or one whose own text names the place
    for url in full:
        text = _page_text(site, url).lower()
        assert url in latgale or place_stem in text.replace("ī", "i"), url
    # the region's services come up: a Latgale page among the first five
    assert set(full[:5]) & latgale
    page.close()


@pytest.mark.parametrize(
    ("lang", "query", "expect", "missing"),
    [
        ("ru", "психолог qqyyzzk", "/ru/guide/crisis/", "qqyyzzk"),
        ("lv", "psihologs qqyyzzk", "/guide/crisis/", "qqyyzzk"),
        ("en", "psychologist qqyyzzk", "/en/guide/crisis/", "qqyyzzk"),
    ],
)
def test_partial_matches_are_ranked_and_marked(
    browser: object, base: str, lang: str, query: str, expect: str, missing: str
) -> None:
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    _search(page, query)
    hits = _hits(page)
    assert expect in [h["url"] for h in hits[:5]]
    assert hits and all(
        h["partial"] == _ui("search.partial_missing", lang, words=missing) for h in hits
    )
    status = page.inner_text("[data-ici-search-status]")
    before, after = _ui("search.results_partial", lang, query=query).split("{count}")
    assert re.fullmatch(re.escape(before) + "[0-9]+" + re.escape(after), status), status
    assert page.locator("[data-ici-search-help]").is_hidden()
    page.close()


def test_partial_results_follow_the_full_ones(browser: object, base: str) -> None:
    """Two words no page holds together: the pages with the phrase first, then the rest."""
    page = browser.new_page()
    page.goto(base + "ru/")
    _search(page, "вид на жительство Даугавпилс")
    hits = _hits(page)
    urls = [h["url"] for h in hits]
    assert "/ru/guide/residence/" in urls[:5]
    flags = [h["partial"] is not None for h in hits]
    assert any(flags) and not all(flags)
    partial = [h["partial"] for h in hits if h["partial"]]
    assert {p.removeprefix("Не найдено: ") for p in partial} <= {
        "вид на жительство",
        "Даугавпилс",
    }
    page.close()


def _info_line_ended() -> bool:
    return next(s for s in SERVICES["services"] if s["id"] == INFO_LINE).get("status") == "ended"


@pytest.mark.parametrize("lang", PREFIX)
def test_no_results_name_the_words_and_offer_register_and_guide(
    browser: object, base: str, lang: str
) -> None:
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    query = "qqyyzzk xxkvqqy"
    _search(page, query)
    assert page.locator("[data-ici-search-results] li").count() == 0
    assert page.inner_text("[data-ici-search-status]") == _ui(
        "search.no_results", lang, query=query
    )
    help_box = page.locator("[data-ici-search-help]")
    assert help_box.is_visible()
    assert page.inner_text("[data-ici-search-unmatched]") == _ui(
        "search.unmatched", lang, words="qqyyzzk, xxkvqqy"
    )
    links = {
        a.get_attribute("data-ici-help"): (
            a.inner_text(),
            a.evaluate("a => new URL(a.href).pathname"),
        )
        for a in help_box.locator("a[data-ici-help]").all()
    }
    assert links["register"] == (_ui("search.browse_register", lang), f"/{PREFIX[lang]}register/")
    assert links["guide"] == (_ui("search.browse_guide", lang), f"/{PREFIX[lang]}guide/")
    # the ICI information line ended in 2020: no number to call while it is ended
    assert (help_box.locator("[data-ici-help=call]").count() == 0) == _info_line_ended()
    # a word that is on some page is not named
    _search(page, "qqyyzzk xxkvqqy ICI")
    assert "ICI" not in page.inner_text("[data-ici-search-unmatched]")
    page.close()


@pytest.fixture(scope="module")
def line_base(current_services: Built) -> Iterator[str]:
    """The site with ICI's services, the information line among them, current again."""
    with serve(current_services.site) as url:
        yield url


def test_no_results_offer_the_current_information_line(browser: object, line_base: str) -> None:
    service = next(s for s in SERVICES["services"] if s["id"] == INFO_LINE)
    numbers = {p["number"] for p in service["phones"]}
    office = next(b for b in CONTACTS["branches"] if b["kind"] == "office")
    number = next(p["number"] for p in office["phones"] if p["number"] in numbers)
    page = browser.new_page()
    page.goto(line_base + "ru/")
    _search(page, "qqyyzzk")
    call = page.locator("[data-ici-search-help] [data-ici-help=call]")
    assert call.is_visible()
    assert call.inner_text().startswith(_ui("listing_help.call", "ru"))
    assert call.locator("a").get_attribute("href") == "tel:" + number.replace(" ", "")
    page.close()


def test_help_is_not_part_of_any_indexed_page(site: Built) -> None:
    """The box's help lives in the header, outside every page's indexed article."""
    doc = site.html("index.html")
    assert doc.css_first("[data-pagefind-body] [data-ici-search-help]") is None
    assert doc.css_first("[data-ici-search-help]") is not None
    assert Path(site.site / "search" / "terms.json").is_file()
