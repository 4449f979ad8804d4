"""On a phone (390x844, headless Chromium): the register's first result near the top in
every language, nothing shifting as the scripts start, a language switch that keeps the
query string (the register's filters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browserkit import LANGS, chromium, lang_prefix, serve
from sitebuild import Built

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NAMES = {"lv": "Latviešu", "ru": "Русский", "en": "English"}

# every layout shift (the page's own, not after input) summed up, as CLS counts them
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.fixture(scope="module")
def browser_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.fixture(scope="module")
def current_base(
    current_services: Built, browser_base: tuple[object, str]
) -> Iterator[tuple[object, str]]:
    """The site with ICI's services current again (what the printed pages are about)."""
    # the module's browser: Playwright's sync API runs one instance per thread
    with serve(current_services.site) as base:
        yield browser_base[0], base


def _tab(browser: object) -> tuple[object, object, list[str]]:
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, tab, errors


@pytest.fixture
def printing(current_base: tuple[object, str]) -> Iterator[object]:
    context, tab, errors = _tab(current_base[0])
    yield tab
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser_base: tuple[object, str]) -> Iterator[object]:
    context = browser_base[0].new_context(viewport=PHONE)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_first_result_within_a_screen_and_a_half(
    phone: object, browser_base: tuple[object, str], lang: str
) -> None:
    phone.goto(browser_base[1] + lang_prefix(lang) + "register/", wait_until="load")
    phone.wait_for_selector("[data-ici-filter-toggle].is-ready")
    top = phone.evaluate(
        "() => document.querySelector('li[data-ici-service]').getBoundingClientRect().top"
        " + window.scrollY"
    )
    assert 0 < top <= 1.5 * PHONE["height"]
    # the filters are folded, the empty shortlist is not there at all
    assert not phone.locator("#filters").is_visible()
    assert not phone.locator("#shortlist").is_visible()
    assert phone.locator("[data-ici-filter-toggle]").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize(
    "path",
    [
        "",
        "register/",
        "events/",
        "courses/",
        "contacts/",
        "contacts/riga/",
        "register/ici-psychologist/",
    ],
)
def test_nothing_shifts_as_the_page_and_its_scripts_load(
    phone: object, browser_base: tuple[object, str], path: str
) -> None:
    phone.goto(browser_base[1] + path, wait_until="networkidle")
    assert phone.evaluate(LAYOUT_SHIFT) == 0


def test_language_names_on_the_first_screen_in_their_own_language(
    phone: object, browser_base: tuple[object, str]
) -> None:
    phone.goto(browser_base[1] + "ru/guide/work/")
    for code, name in NAMES.items():
        node = phone.locator(f".ici-langs [lang={code}]")
        assert node.text_content().strip() == name
        box = node.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]


# each language once as the start, switching to the next one (the last to the first)
@pytest.mark.parametrize(("start", "target"), list(zip(LANGS, (*LANGS[1:], LANGS[0]), strict=True)))
def test_language_switch_keeps_the_query_string_and_the_filters(
    phone: object, browser_base: tuple[object, str], start: str, target: str
) -> None:
    base = browser_base[1]
    query = "?cost=free&region=latgale"
    phone.goto(base + lang_prefix(start) + "register/" + query, wait_until="load")
    phone.wait_for_selector("[data-ici-filter-toggle].is-ready")
    # the reader changes the filters after the page opened: the link follows
    phone.click("[data-ici-filter-toggle]")
    phone.check("input[name=provider_type][value=ngo]")
    kept = "?cost=free&region=latgale&provider_type=ngo"
    with phone.expect_navigation(wait_until="load"):
        phone.click(f".ici-langs a[hreflang={target}]")
    assert phone.url == base + lang_prefix(target) + "register/" + kept
    phone.wait_for_selector("[data-ici-filter-toggle].is-ready")
    assert phone.is_checked("input[name=region][value=latgale]")
    assert phone.is_checked("input[name=provider_type][value=ngo]")
    assert "3" in phone.locator("[data-ici-filter-toggle] [data-ici-filter-active]").text_content()


DAUGAVPILS = "tel:+37125723222"  # data/contacts.yaml: the ICI contact point "Latgale"


def test_printed_shortlist_has_the_phone_of_the_clients_region(
    printing: object, current_base: tuple[object, str]
) -> None:
    phone = printing
    phone.goto(current_base[1] + "en/register/?region=latgale", wait_until="load")
    phone.wait_for_selector("[data-ici-filter-toggle].is-ready")
    phone.locator("#svc-ici-legal-consultation .ici-pin").click()
    assert phone.locator("#shortlist").is_visible()
    # the register's own card shows no regional list on screen
    assert not phone.locator(f"#svc-ici-legal-consultation a[href='{DAUGAVPILS}']").is_visible()
    phone.evaluate("() => document.documentElement.setAttribute('data-ici-print', 'shortlist')")
    phone.emulate_media(media="print")
    item = phone.locator("[data-ici-shortlisted=ici-legal-consultation]")
    assert item.locator(f".ici-nearest a[href='{DAUGAVPILS}']").is_visible()
    text = item.inner_text()
    assert "Nearest place (Latgale)" in text
    assert "Free" in text and "Languages: Latvian, Russian, English" in text
    # the sources give the hours of the phones only, not of the service: none to print
    assert "Opening hours" not in text
    assert phone.locator(".ici-badge:visible").count() == 0
    assert not phone.locator("[data-ici-register]").is_visible()


def test_handout_gives_the_clients_region_and_prints_without_live_status(
    printing: object, current_base: tuple[object, str]
) -> None:
    phone = printing
    phone.goto(current_base[1] + "ru/handout/", wait_until="load")
    assert phone.locator("[data-ici-handout-print]").text_content() == "Распечатать"
    # the handout is made for paper: no live "open now" badge is rendered into it
    assert phone.locator(".ici-handout [data-ici-hours]").count() == 0
    item = phone.locator(".ici-handout__services > li[data-ici-service=ici-legal-consultation]")
    assert not item.locator(f"a[href='{DAUGAVPILS}']").is_visible()
    phone.select_option("[data-ici-handout-region]", "latgale")
    assert phone.url.endswith("/ru/handout/?region=latgale")
    phone.emulate_media(media="print")
    assert item.locator(f"a[href='{DAUGAVPILS}']").is_visible()
    assert not phone.locator("[data-ici-handout-print]").is_visible()
    assert phone.locator(".ici-badge:visible").count() == 0
    assert "Бесплатно" in item.inner_text()
