"""The search box in a real browser: query set recall, results, keyboard, filters, no JS."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browserkit import Visit, chromium, serve, watch
from searchbench import query_bytes
from sitebuild import Built, build_copy

pytestmark = pytest.mark.browser

QUERY_SET = Path(__file__).parent / "data" / "search_queries.yaml"
PREFIX = {"lv": "", "ru": "ru/", "en": "en/"}
DONE = (
    "q => document.querySelector('[data-ici-search-panel]')"
    ".getAttribute('data-ici-search-done') === q"
)
# The search box's own search (stemmed variants) next to Pagefind on the raw query, for
# the recall report: top-5 result URLs of both.
TOP5 = """async (q) => {
  const ours = await window.IciSearch.find(q);
  const top = [];
  for (const hit of ours.hits.slice(0, 5)) top.push((await hit.data()).url);
  const box = document.querySelector('[data-ici-search]');
  const pf = await import(new URL(box.dataset.pagefind, document.baseURI).href);
  const raw = [];
  for (const hit of (await pf.search(q)).results.slice(0, 5)) raw.push((await hit.data()).url);
  return {top, raw};
}"""


@pytest.fixture(scope="module")
def browser_and_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


def _search(page: object, query: str) -> None:
    page.click("#ici-search-input")
    page.keyboard.type(query)
    page.wait_for_function(DONE, arg=query, timeout=15000)


def _result_urls(page: object) -> list[str]:
    return page.eval_on_selector_all(
        "[data-ici-search-results] a", "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.mark.parametrize("lang", PREFIX)
def test_query_set_expected_page_in_top_5(
    browser_and_base: tuple[object, str], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    browser, base = browser_and_base
    queries = yaml.safe_load(QUERY_SET.read_text(encoding="utf-8"))[lang]
    assert len(queries) >= 20
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    found, raw_found, total, misses = Counter(), Counter(), Counter(), []
    for item in queries:
        want = "/" + PREFIX[lang] + item["expect"]
        got = page.evaluate(TOP5, item["q"])
        total[item["type"]] += 1
        found[item["type"]] += want in got["top"]
        raw_found[item["type"]] += want in got["raw"]
        if want not in got["top"]:
            misses.append((item["q"], want, got["top"]))
    page.close()
    with capsys.disabled():
        print(
            f"\nsearch recall@5 ({lang}): {sum(found.values())}/{sum(total.values())}"
            f" (Pagefind without our stemming: {sum(raw_found.values())})"
        )
        for kind in sorted(total):
            print(f"  {kind:14} {found[kind]}/{total[kind]}  (without: {raw_found[kind]})")
    assert misses == []


def test_results_show_title_kind_and_marked_excerpt(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    visit = Visit()
    watch(page, visit)
    page.goto(base)
    _search(page, "Daugavpilī")
    assert _result_urls(page)[0] == "/contacts/latgale/"
    first = page.locator("[data-ici-search-results] li").first
    assert first.locator(".ici-search__kind").text_content() == "Kontakti"
    assert first.locator(".ici-search__title").inner_text() == (
        "ICI reģionālais kontaktpunkts “Latgale” Daugavpilī"
    )
    assert "Daugavpilī" in first.locator(".ici-search__excerpt mark").all_inner_texts()[0]
    status = page.inner_text("[data-ici-search-status]")
    assert status.startswith("Rezultāti vaicājumam “Daugavpilī”: ")
    # Pagefind's WebAssembly and worker run under the CSP without errors
    assert [e for e in visit.errors if "404" not in e] == []
    page.close()


def test_russian_page_searches_the_russian_index(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "ru/contacts/")
    _search(page, "Лиепае")
    urls = _result_urls(page)
    assert urls[0] == "/ru/contacts/kurzeme/"
    assert all(url.startswith("/ru/") for url in urls)
    assert page.locator(".ici-search__kind").first.text_content() == "Контакты"
    page.close()


def test_keyboard_moves_through_results_and_back(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "en/")
    _search(page, "contact point")
    links = page.locator("[data-ici-search-results] a")
    assert links.count() >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('[data-ici-search-results] a')[0]"
    )
    page.keyboard.press("ArrowDown")
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('[data-ici-search-results] a')[1]"
    )
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "ici-search-input"
    page.keyboard.press("Escape")
    assert page.locator("[data-ici-search-panel]").is_hidden()
    assert page.evaluate("document.activeElement.id") == "ici-search-input"
    # Enter in the box goes to the first result; Enter on it opens the page
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('ici-search__link')")
    target = page.evaluate("new URL(document.activeElement.href).pathname")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)
    # tabbing out of the results closes them
    _search(page, "contact point")
    page.keyboard.press("ArrowDown")
    for _ in range(
        page.locator("[data-ici-search-panel] a, [data-ici-search-panel] select").count()
    ):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.locator("[data-ici-search-panel]").is_hidden()
    page.close()


def test_region_filter_narrows_interpreter_search_to_latgale(
    browser_and_base: tuple[object, str],
) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base)
    _search(page, "tulku")  # "Pēc vajadzības pieaicina tulku" on every office page
    assert len(_result_urls(page)) >= 5
    region = page.locator("#ici-search-filter-region")
    assert page.inner_text("label[for=ici-search-filter-region]") == "Reģions"
    assert "Latgale (1)" in region.locator("option").all_inner_texts()
    region.select_option("Latgale")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-ici-search-results] a').length === 1"
    )
    assert _result_urls(page) == ["/contacts/latgale/"]
    # the narrowing stays while the query changes
    page.fill("#ici-search-input", "tulks")
    page.wait_for_function(DONE, arg="tulks")
    assert _result_urls(page) == ["/contacts/latgale/"]
    page.close()


def test_no_results_points_to_the_browse_links(browser_and_base: tuple[object, str]) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + "en/")
    _search(page, "zzxxqq")
    assert page.inner_text("[data-ici-search-status]").startswith("Nothing was found for “zzxxqq”.")
    assert page.locator("[data-ici-search-browse]").is_visible()
    page.close()


def test_without_javascript_the_box_is_two_browse_links(
    browser_and_base: tuple[object, str],
) -> None:
    browser, base = browser_and_base
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "ru/contacts/riga/")
    assert page.locator("[data-ici-search-form]").is_hidden()
    links = page.locator("[data-ici-search-browse] a")
    assert links.all_inner_texts() == ["Реестр услуг", "Содержание путеводителя"]
    assert [links.nth(i).evaluate("a => new URL(a.href).pathname") for i in range(2)] == [
        "/ru/register/",
        "/ru/guide/",
    ]
    context.close()


def test_first_query_bytes(browser_and_base: tuple[object, str], capsys) -> None:
    browser, base = browser_and_base
    measured = query_bytes(browser, base, "Daugavpilī")
    with capsys.disabled():
        print("\n" + measured.report())
    assert {"pagefind.js", "wasm", "entry", "meta", "index chunks", "fragments"} <= set(
        measured.by_category
    )
    assert measured.by_category.get("other", 0) == 0
    assert measured.total < 400_000


EXTRA_PAGES = {
    "docs/lv/drosiba.md": (
        '# Drošība\n\nTeksts ar `<img src=x onerror="window.__xss=1">` un '
        "&lt;b&gt;treknrakstu&lt;/b&gt; onerrorpārbaude.\n"
    ),
    "docs/lv/news/seminars-oktobri.md": (
        "---\ndate: 2026-10-01\ndescription: Seminārs par darba tiesībām.\n---\n"
        "# Seminārs oktobrī\n\nSeminārs par darba tiesībām.\n"
    ),
    "docs/lv/news/seminars-decembri.md": (
        "---\ndate: 2026-12-15\ndescription: Seminārs par valodas kursiem.\n---\n"
        "# Seminārs decembrī\n\nSeminārs par valodas kursiem.\n"
    ),
    # a guide page with the Latvian official terms in a box on the ru and en pages, as
    # the content pages have them
    "docs/lv/atlauja.md": (
        "# Uzturēšanās atļauja\n\nUzturēšanās atļauju izsniedz Pilsonības un migrācijas "
        "lietu pārvalde (PMLP).\n"
    ),
    "docs/ru/atlauja.md": (
        "# Вид на жительство\n\nВид на жительство выдаёт Управление по делам гражданства "
        'и миграции.\n\n!!! note "Официальные названия"\n    <span lang="lv">uzturēšanās '
        'atļauja</span>; <span lang="lv">Pilsonības un migrācijas lietu pārvalde (PMLP)</span>\n'
    ),
    "docs/en/atlauja.md": (
        "# Residence permit\n\nResidence permits are issued by the Office of Citizenship and "
        'Migration Affairs.\n\n!!! note "Official terms"\n    <span lang="lv">uzturēšanās '
        'atļauja</span>; <span lang="lv">Pilsonības un migrācijas lietu pārvalde (PMLP)</span>\n'
    ),
}


@pytest.fixture(scope="module")
def extra_site(
    browser_and_base: tuple[object, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[object, str]]:
    """The real site plus a page with markup-like text and two dated news pages."""
    built = build_copy(tmp_path_factory.mktemp("extra"), EXTRA_PAGES)
    assert built.returncode == 0, built.output
    browser, _ = browser_and_base
    with serve(built.site) as base:
        yield browser, base


def test_excerpts_are_text_never_markup(extra_site: tuple[object, str]) -> None:
    browser, base = extra_site
    page = browser.new_page()
    page.goto(base)
    _search(page, "onerror")
    panel = page.locator("[data-ici-search-panel]")
    assert panel.locator("img, b").count() == 0
    assert "<img src=x" in panel.inner_text()
    assert page.evaluate("() => window.__xss") is None
    page.close()


def test_dated_results_can_be_ordered_by_date(extra_site: tuple[object, str]) -> None:
    browser, base = extra_site
    page = browser.new_page()
    page.goto(base)
    _search(page, "semināri")
    assert page.locator(".ici-search__kind").all_text_contents() == ["Jaunums", "Jaunums"]
    order = page.locator("#ici-search-sort")
    order.select_option("desc")
    page.wait_for_function(DONE, arg="semināri")
    assert _result_urls(page) == ["/news/seminars-decembri/", "/news/seminars-oktobri/"]
    order = page.locator("#ici-search-sort")
    order.select_option("asc")
    page.wait_for_function(DONE, arg="semināri")
    assert _result_urls(page) == ["/news/seminars-oktobri/", "/news/seminars-decembri/"]
    page.close()


def test_date_order_is_not_offered_for_undated_results(
    browser_and_base: tuple[object, str],
) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base)
    _search(page, "kontaktpunkts")
    assert page.locator("#ici-search-sort").count() == 0
    page.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(
    "query",
    [
        "uzturēšanās atļauju",
        "uzturesanas atlaujas",
        "PMLP",
        "Pilsonības un migrācijas lietu pārvaldē",
    ],
)
def test_latvian_official_terms_find_the_ru_and_en_page(
    extra_site: tuple[object, str], lang: str, query: str
) -> None:
    browser, base = extra_site
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    got = page.evaluate(TOP5, query)
    assert got["top"][0] == f"/{lang}/atlauja/"
    page.close()
