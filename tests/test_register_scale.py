"""The register at scale (issue 20), at a small N with small pages: a bounded index, listing
pages reached by plain links, per-facet data, and every service reachable both ways.

The build (``scaled``, tests/scalekit.py) is shared with tests/test_listing_scale.py."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest

from browserkit import chromium, serve
from ici.register import FACETS, item_attributes
from ici.register_pages import register_order
from langs import LANGS, PREFIX
from scalekit import PAGING as SCALED_PAGING
from scalekit import scaled_dataset, within_clicks
from sitebuild import Built

PAGING = SCALED_PAGING["ici_register"]


@pytest.fixture(scope="module")
def dataset(scaled: Built):
    return scaled_dataset(scaled.root)


def _ids(built: Built, rel: str) -> list[str]:
    return [i.attributes["data-ici-service"] for i in built.html(rel).css("[data-ici-service]")]


def test_index_lists_the_start_of_each_topic_and_links_the_rest(scaled: Built, dataset) -> None:
    for lang, prefix in PREFIX.items():
        doc = scaled.html(f"{prefix}register/index.html")
        for group in doc.css("[data-ici-group]"):
            items = group.css("[data-ici-service]")
            count = int(group.attributes["data-count"])
            assert len(items) == min(count, PAGING["per_group"]), lang
            more = group.css_first("[data-ici-see-all] a")
            assert (more is not None) == (count > PAGING["per_group"]), lang
        assert "data-ici-paged" in doc.css_first("[data-ici-register]").attributes
    # the page holds at most per_group cards of every group, whatever N is
    groups = register_order(dataset, "lv")
    assert len(_ids(scaled, "register/index.html")) == sum(
        min(len(g.ids), PAGING["per_group"]) for g in groups
    )


def test_listing_pages_are_bounded_ordered_and_out_of_the_nav(scaled: Built, dataset) -> None:
    for g in register_order(dataset, "en"):
        if not g.ids:
            continue
        base = "en/register/ended/" if g.key == "ended" else f"en/register/topic/{g.key}/"
        seen: list[str] = []
        page = 1
        while (scaled.site / base / (f"{page}/" if page > 1 else "") / "index.html").exists():
            rel = base + (f"{page}/" if page > 1 else "") + "index.html"
            ids = _ids(scaled, rel)
            assert 0 < len(ids) <= PAGING["page_size"]
            seen += ids
            page += 1
        assert seen == list(g.ids)  # every service of the topic, in the facet files' order
    nav = scaled.html("en/register/index.html").css(".md-nav a")
    assert not [a for a in nav if "/topic/" in (a.attributes.get("href") or "")]
    # listing pages stay out of search (the services' own pages are indexed)
    listing = scaled.html("en/register/topic/work/index.html")
    assert listing.css_first("[data-pagefind-body]") is None


def _decode(text: str, n: int) -> set[int]:
    raw = base64.b64decode(text)
    return {i for i in range(n) if raw[i >> 3] & (1 << (i & 7))}


def test_facet_files_match_the_data(scaled: Built, dataset) -> None:
    for lang, prefix in PREFIX.items():
        order = [rid for g in register_order(dataset, lang) for rid in g.ids]
        assert sorted(order) == sorted(dataset.services)
        for facet, attrs in FACETS.items():
            path = scaled.site / prefix / "register" / "facets" / f"{facet}.json"
            doc = json.loads(path.read_text(encoding="utf-8"))
            assert doc["n"] == len(order)
            every = [item_attributes(dataset, dataset.services[rid]) for rid in order]
            for value, bits in doc["values"].items():
                expected = {i for i, a in enumerate(every) if any(value in a[k] for k in attrs)}
                assert _decode(bits, len(order)) == expected, (lang, facet, value)


@pytest.mark.parametrize("lang", LANGS)
def test_every_service_is_three_clicks_from_the_index(scaled: Built, dataset, lang: str) -> None:
    depth = within_clicks(scaled, f"{PREFIX[lang]}register/index.html", 3)
    missing = [
        rid for rid in dataset.services if f"{PREFIX[lang]}register/{rid}/index.html" not in depth
    ]
    assert missing == []


@pytest.fixture(scope="module")
def tab(scaled: Built) -> Iterator[tuple[object, str]]:
    with serve(scaled.site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page, base
        context.close()
        assert errors == []


def _shown(page: object) -> list[str]:
    """Every service the filtered register shows, after "Show more" until there is none."""
    page.wait_for_selector("[data-ici-register]:not([aria-busy])", state="attached")
    while page.locator("[data-ici-more] button:visible").count():
        page.locator("[data-ici-more] button:visible").first.click()
        page.wait_for_selector("[data-ici-register]:not([aria-busy])", state="attached")
    return page.eval_on_selector_all(
        "[data-ici-register] [data-ici-group]:not([hidden]) [data-ici-service]",
        "items => items.map(i => i.dataset.iciService)",
    )


def _wait_filtered(page: object, expected: int, total: int) -> None:
    status = f"Services shown: {expected} of {total}"
    page.wait_for_function(
        f"() => document.querySelector('[data-ici-status]').textContent === {json.dumps(status)}"
    )


@pytest.mark.browser
def test_filters_reach_every_service_with_javascript(tab: tuple[object, str], dataset) -> None:
    page, base = tab
    current = {rid for rid, s in dataset.services.items() if s.get("status") != "ended"}
    reached: set[str] = set()
    for g in register_order(dataset, "en"):
        if g.key == "ended" or not g.ids:
            continue
        page.goto(f"{base}en/register/?category={g.key}")
        _wait_filtered(page, len(g.ids), len(current))
        shown = _shown(page)
        assert shown == list(g.ids)
        reached |= set(shown)
    assert reached == current
    # the ended services, by the status filter
    ended = [rid for g in register_order(dataset, "en") if g.key == "ended" for rid in g.ids]
    page.goto(f"{base}en/register/?status=ended")
    _wait_filtered(page, len(ended), len(ended))
    assert _shown(page) == ended


@pytest.mark.browser
def test_region_and_topic_from_the_url_then_counts(tab: tuple[object, str], dataset) -> None:
    page, base = tab
    order = [rid for g in register_order(dataset, "en") for rid in g.ids]
    current = [rid for rid in order if dataset.services[rid].get("status") != "ended"]
    category = "work"
    expected = [
        rid
        for rid in current
        if dataset.services[rid]["category"] == category
        and "latgale" in dataset.services[rid]["service_areas"]
    ]
    assert expected
    page.goto(f"{base}en/register/?region=latgale&category={category}")
    _wait_filtered(page, len(expected), len(current))
    assert _shown(page) == expected
    # the shown cards link to the services' pages, wherever they were loaded from
    first = page.locator("[data-ici-register] [data-ici-service] .ici-svc-name a").first
    assert first.get_attribute("href").endswith(f"/en/register/{expected[0]}/")
    # below the index's topic headings (h3), as the cards built into the index are
    assert page.locator("[data-ici-register] .ici-svc-name:not(h4)").count() == 0
    # opening the filters loads every facet: counts say what ticking an option would show
    page.click("[data-ici-filter-toggle].is-ready")
    free = sum(1 for rid in expected if dataset.services[rid].get("free") is True)
    count = page.locator("input[name=cost][value=free] ~ [data-ici-count]")
    page.wait_for_function(
        "([el, n]) => el.textContent === n",
        arg=[count.element_handle(), f"({free})"],
    )
    # unticking everything brings back the index as built
    page.click("[data-ici-filters] [data-ici-clear]")
    _wait_filtered(page, len(current), len(current))
    assert page.url.endswith("/en/register/")
    assert page.locator("[data-ici-see-all]:visible").count() > 0


@pytest.mark.browser
def test_a_service_pinned_from_its_page_is_in_the_shortlist_of_the_index(
    scaled: Built, tab: tuple[object, str], dataset
) -> None:
    page, base = tab
    listed = set(_ids(scaled, "en/register/index.html"))
    # the last service of the largest topic: on a listing page, not on the index
    group = max(
        (g for g in register_order(dataset, "en") if g.key != "ended"), key=lambda g: len(g.ids)
    )
    rid = group.ids[-1]
    assert rid not in listed
    page.goto(f"{base}en/register/{rid}/")
    page.locator(".ici-pin").click()
    page.goto(f"{base}en/register/")
    item = page.locator(f'[data-ici-shortlisted="{rid}"]')
    item.wait_for()
    link = item.locator(".ici-svc-name a, h3 a").first
    assert link.get_attribute("href").endswith(f"/en/register/{rid}/")
    assert page.locator("[data-ici-shortlist]").is_visible()
    assert page.locator("[data-ici-shortlist-count]").first.text_content() == "In the list: 1"
    # removed from the panel, it is gone from the list and the panel hides
    item.locator(".ici-shortlist-remove").click()
    assert page.locator("[data-ici-shortlisted]").count() == 0
    assert page.locator("[data-ici-shortlist]").is_hidden()


def test_the_order_file_lists_the_services_in_the_facets_order(scaled: Built, dataset) -> None:
    assert "order" not in FACETS
    for lang, prefix in PREFIX.items():
        doc = json.loads((scaled.site / prefix / "register/facets/order.json").read_text("utf-8"))
        assert doc == {"ids": [rid for g in register_order(dataset, lang) for rid in g.ids]}
