"""The register in headless Chromium: combined filters with counts, URL state, shortlist."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from browserkit import chromium, open_register_filters, serve
from sitebuild import ROOT, Built

pytestmark = pytest.mark.browser

DATA = yaml.safe_load((ROOT / "data" / "services.yaml").read_text(encoding="utf-8"))
SERVICES = {s["id"]: s for s in DATA["services"]}
# the register's default view: ended services show only with ?status=ended (test_ended_browser)
CURRENT = {sid: s for sid, s in SERVICES.items() if s.get("status") != "ended"}
ORG_TYPE = {o["id"]: o["type"] for o in DATA["organizations"]}


@pytest.fixture(scope="module")
def browser_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.fixture
def base(browser_base: tuple[object, str]) -> str:
    return browser_base[1]


@pytest.fixture
def page(browser_base: tuple[object, str]) -> Iterator[object]:
    context = browser_base[0].new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


def _visible_ids(tab: object) -> list[str]:
    return tab.eval_on_selector_all(
        "li[data-ici-service]",
        "items => items.filter(i => i.offsetParent !== null).map(i => i.dataset.iciService)",
    )


def test_two_filters_show_the_right_count_and_survive_a_reload(page: object, base: str) -> None:
    expected = sorted(
        sid
        for sid, s in CURRENT.items()
        if "latgale" in s["service_areas"] and ORG_TYPE[s["organization_id"]] == "ngo"
    )
    assert 0 < len(expected) < len(CURRENT)
    page.goto(base + "en/register/")
    status = page.locator("[data-ici-status]")
    assert status.text_content() == f"Services shown: {len(CURRENT)} of {len(CURRENT)}"
    open_register_filters(page)
    page.check("input[name=region][value=latgale]")
    page.check("input[name=provider_type][value=ngo]")
    assert status.text_content() == f"Services shown: {len(expected)} of {len(CURRENT)}"
    assert sorted(_visible_ids(page)) == expected
    assert page.url.endswith("/en/register/?region=latgale&provider_type=ngo")
    # one button folds the filters and says how many are on
    toggle = page.locator("[data-ici-filter-toggle]")
    assert toggle.text_content() == "Filter services (2 on)"
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#filters").is_visible()
    assert status.text_content() == f"Services shown: {len(expected)} of {len(CURRENT)}"
    toggle.click()
    # counts next to options of another facet say what ticking them would show
    free = sum(1 for sid in expected if SERVICES[sid].get("free") is True)
    assert page.locator("input[name=cost][value=free] ~ [data-ici-count]").text_content() == (
        f"({free})"
    )
    page.reload()
    assert page.is_checked("input[name=region][value=latgale]")
    assert status.text_content() == f"Services shown: {len(expected)} of {len(CURRENT)}"
    assert sorted(_visible_ids(page)) == expected


def test_no_results_state_offers_to_clear_the_filters(page: object, base: str) -> None:
    # the state provider (SIF) works in no Vidzeme town, by its source
    page.goto(base + "register/?provider_type=state&region=vidzeme")
    empty = page.locator("[data-ici-empty]")
    assert empty.is_visible()
    assert _visible_ids(page) == []
    assert page.locator("[data-ici-group]:visible").count() == 0
    empty.locator("[data-ici-clear]").click()
    assert not empty.is_visible()
    assert len(_visible_ids(page)) == len(CURRENT)
    assert page.url.endswith("/register/")


def test_pin_two_services_then_one_from_its_page_copy_and_print(page: object, base: str) -> None:
    # a service whose list card may be hidden (ended) is pinned from its own page
    page.goto(base + "en/register/ici-legal-consultation/")
    page.locator(".ici-pin").click()
    page.goto(base + "en/register/")
    assert page.locator(".ici-pin").count() == len(SERVICES)
    page.locator("#svc-trafficking-trust-line .ici-pin").click()
    pinned = page.locator("[data-ici-shortlisted]")
    assert pinned.count() == 2
    assert page.locator("#svc-ici-legal-consultation .ici-pin").text_content() == (
        "In shortlist (remove)"
    )
    assert page.locator("[data-ici-shortlist-count]").first.text_content() == "In the list: 2"

    page.goto(base + "en/register/sif-legal-help/")
    page.locator(".ici-pin").click()
    page.goto(base + "en/register/")
    ids = [pinned.nth(i).get_attribute("data-ici-shortlisted") for i in range(pinned.count())]
    assert ids == ["ici-legal-consultation", "trafficking-trust-line", "sif-legal-help"]
    assert pinned.nth(1).locator("a[href='tel:+37128612120']").count() == 1

    page.click("[data-ici-copy]")
    text = page.locator("[data-ici-shortlist-text]").input_value()
    # the provider with the short name people know it by
    assert text.startswith(
        "1. Legal advice\n   Provider: Information Centre for Immigrants (ICI)\n"
    )
    assert "   Provider: Society Integration Foundation (SIF)\n" in text
    assert "2. Trust line for cases of human trafficking" in text
    assert "   Phone: +371 28 612 120" in text
    assert "en/register/sif-legal-help/" in text

    pinned.nth(0).locator(".ici-shortlist-remove").click()
    assert pinned.count() == 2

    # "Print the list" marks the page; the A4 print stylesheet then shows only the list
    page.evaluate("() => document.documentElement.setAttribute('data-ici-print', 'shortlist')")
    page.emulate_media(media="print")
    assert page.locator("#shortlist").is_visible()
    assert not page.locator("[data-ici-register]").is_visible()
    assert not page.locator("#filters").is_visible()
    assert not page.locator(".md-header").is_visible()


def test_service_page_prints_without_navigation(page: object, base: str) -> None:
    page.goto(base + "ru/register/ici-psychologist/")
    assert page.locator(".ici-pin").text_content() == "Добавить в список"
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".ici-pin"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator(".ici-contacts a[href='tel:+37125565098']").is_visible()
