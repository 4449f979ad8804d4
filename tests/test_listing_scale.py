"""The event and course listings at scale (issue 20), at a small N with small pages: the index
lists the next and the latest entries and links paged listing pages, every entry is reachable
by plain links, each page is bounded, and the page script never claims that nothing matches
or nothing is coming when the rest is on other pages. Under the bound the index is the whole
listing as before (tests/golden/ holds it exactly)."""

from __future__ import annotations

import io
import itertools
import json
import posixpath
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import yaml

from browserkit import chromium, listed_ids, open_page, serve, split_lang
from conftest import listing_dataset, render_context
from ici import eventtime as et
from ici.check import run_check
from ici.paging import Paging
from ici.site_config import config_problems
from ici.timed_pages import TimedOrder, paging_from_extra, timed_order
from ici.views.courses import course_summary
from ici.views.events import event_summary
from ici.vocab import LISTING_FOLDERS
from langs import LANGS, PREFIX
from scalekit import EPOCH, PAGING, links, scaled_dataset, within_clicks
from sitebuild import ROOT, Built, build, copy_project
from test_accessibility import AXE_RUN, TAGS, axe_context
from test_vnu import _describe, vnu_errors

SECTIONS = ("events", "courses")
PARTS = ("upcoming", "archive")
NOW = datetime.fromtimestamp(EPOCH, tz=UTC)


def _paging(section: str) -> dict[str, int]:
    return PAGING[f"ici_{section}"]


@pytest.fixture(scope="module")
def dataset(scaled: Built):
    return scaled_dataset(scaled.root)


def _cards(built: Built, rel: str, part: str) -> list[dict[str, str]]:
    """The cards of one part of a page, in order: id, start and end."""
    doc = built.html(rel)
    return [
        {
            "id": n.attributes["data-ici-id"],
            "start": n.attributes["data-start"],
            "end": n.attributes["data-end"],
        }
        for n in doc.css(f"[data-ici-{part}] > [data-ici-item]")
    ]


def _pages(built: Built, prefix: str, section: str, part: str) -> list[str]:
    """The listing pages of a part, from its first page on: ``events/upcoming/2/...``."""
    found = []
    for page in itertools.count(1):
        rel = f"{prefix}{section}/{part}/" + (f"{page}/" if page > 1 else "") + "index.html"
        if not (built.site / rel).is_file():
            return found
        found.append(rel)
    raise AssertionError("unreachable")


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value) if "T" in value else datetime.fromisoformat(value + "T00")


def _target(rel: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), href)) + "/index.html"


@pytest.mark.parametrize("section", SECTIONS)
def test_listing_pages_hold_every_entry_once_in_order(scaled: Built, dataset, section: str) -> None:
    size = _paging(section)["page_size"]
    for lang, prefix in PREFIX.items():
        every: dict[str, list[dict[str, str]]] = {}
        for part in PARTS:
            pages = _pages(scaled, prefix, section, part)
            cards: list[dict[str, str]] = []
            for n, rel in enumerate(pages, start=1):
                on_page = _cards(scaled, rel, part)
                assert 0 < len(on_page) <= size, rel
                other = "archive" if part == "upcoming" else "upcoming"
                assert _cards(scaled, rel, other) == [], rel
                if section == "events":  # an ordered list numbers on from the previous page
                    start = scaled.html(rel).css_first(f"[data-ici-{part}]").attributes["start"]
                    assert start == str((n - 1) * size + 1), rel
                cards += on_page
            assert len(pages) == -(-len(cards) // size), (lang, part)
            every[part] = cards
        upcoming, archive = every["upcoming"], every["archive"]
        ids = [c["id"] for c in upcoming + archive]
        assert sorted(ids) == sorted(dataset.collection(section)), lang
        # both parts have entries at this build date, so both are paged
        assert upcoming and archive
        # upcoming: not over at the build, soonest first; past: over, latest end first
        assert all(_moment(c["end"]) > NOW for c in upcoming)
        assert all(_moment(c["end"]) <= NOW for c in archive)
        starts = [_moment(c["start"]) for c in upcoming]
        assert starts == sorted(starts), lang
        ends = [_moment(c["end"]) for c in archive]
        assert ends == sorted(ends, reverse=True), lang


@pytest.mark.parametrize("section", SECTIONS)
def test_index_lists_the_next_and_the_latest_and_links_the_rest(
    scaled: Built, section: str
) -> None:
    per_group = _paging(section)["per_group"]
    for lang, prefix in PREFIX.items():
        rel = f"{prefix}{section}/index.html"
        doc = scaled.html(rel)
        links_to = {}
        for part in PARTS:
            listed = [c["id"] for c in _cards(scaled, rel, part)]
            first = _cards(scaled, _pages(scaled, prefix, section, part)[0], part)
            assert listed == [c["id"] for c in first][:per_group], (lang, part)
            more = doc.css_first(f".ici-{part} [data-ici-see-all] a")
            assert more is not None, (lang, part)
            links_to[part] = _target(rel, more.attributes["href"])
            assert links_to[part] == f"{prefix}{section}/{part}/index.html"
        # beside the filters: this page holds part of the listing, and where the rest is
        for selector in ("[data-ici-partial]", "[data-ici-no-match]"):
            note = doc.css_first(f"[data-ici-filters] {selector}")
            hrefs = [_target(rel, a.attributes["href"]) for a in note.css("a")]
            assert hrefs == [links_to["upcoming"], links_to["archive"]], (lang, selector)


@pytest.mark.parametrize("section", SECTIONS)
def test_listing_pages_are_out_of_the_nav_and_the_search_index(scaled: Built, section: str) -> None:
    for lang, prefix in PREFIX.items():
        index = scaled.html(f"{prefix}{section}/index.html")
        nav = [a.attributes.get("href") or "" for a in index.css(".md-nav a")]
        assert not [h for h in nav if "upcoming/" in h or "archive/" in h], lang
        for part in PARTS:
            for n, rel in enumerate(_pages(scaled, prefix, section, part), start=1):
                doc = scaled.html(rel)
                # the entries' own pages are indexed, not the lists of them
                assert doc.css_first("[data-pagefind-body]") is None, rel
                assert doc.css_first("html").attributes["lang"] == lang
                pager = doc.css_first("nav.ici-pager")
                current = [a.text() for a in pager.css("a[aria-current=page]")]
                assert current == [str(n)], rel
                prev, following = pager.css_first("a[rel=prev]"), pager.css_first("a[rel=next]")
                pages = _pages(scaled, prefix, section, part)
                assert (prev is None) == (n == 1), rel
                assert (following is None) == (n == len(pages)), rel
                if prev is not None:
                    assert _target(rel, prev.attributes["href"]) == pages[n - 2]
                if following is not None:
                    assert _target(rel, following.attributes["href"]) == pages[n]
                back = doc.css_first("article .ici-meta a")
                assert _target(rel, back.attributes["href"]) == f"{prefix}{section}/index.html"


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_three_clicks_from_its_index(
    scaled: Built, dataset, lang: str, section: str
) -> None:
    reached = within_clicks(scaled, f"{PREFIX[lang]}{section}/index.html", 3)
    missing = [
        rid
        for rid in dataset.collection(section)
        if f"{PREFIX[lang]}{section}/{rid}/index.html" not in reached
    ]
    assert missing == []


def test_titles_say_which_page(scaled: Built) -> None:
    strings = yaml.safe_load((ROOT / "data" / "strings" / "en.yaml").read_text(encoding="utf-8"))
    pages = _pages(scaled, "en/", "events", "archive")
    assert len(pages) > 1
    title = scaled.html(pages[1]).css_first("h1").text()
    page_of = strings["register"]["page_of"].format(page=2, pages=len(pages))
    assert title == f"{strings['events']['archive']} – {strings['events']['title']} ({page_of})"


def test_under_the_bound_the_index_is_the_whole_listing(small_site: Built) -> None:
    """The fixture site's few events and courses: no listing pages, no note, no links."""
    for prefix in PREFIX.values():
        for section in SECTIONS:
            assert not (small_site.site / f"{prefix}{section}/upcoming").exists()
            assert not (small_site.site / f"{prefix}{section}/archive").exists()
            doc = small_site.html(f"{prefix}{section}/index.html")
            for selector in ("[data-ici-partial]", "[data-ici-see-all]", "nav.ici-pager"):
                assert doc.css_first(selector) is None, (prefix, section, selector)
            assert doc.css("[data-ici-item]"), (prefix, section)


@pytest.mark.parametrize(
    "given",
    [{"page_size": 0}, {"per_page": 5}, {"index_max": "ten"}, {"index_max": True}, [5], 7],
)
def test_bad_page_sizes_are_named(given: object) -> None:
    expected = (
        "extra.ici_events: expected a mapping of positive whole numbers index_max, "
        f"per_group, page_size, got {given!r}"
    )
    with pytest.raises(ValueError) as info:
        paging_from_extra({"ici_events": given})
    assert str(info.value) == expected


def test_page_sizes_override_the_defaults_one_by_one() -> None:
    paging = paging_from_extra({"ici_courses": {"page_size": 7}})
    assert paging["courses"].page_size == 7
    assert paging["courses"].index_max == paging["events"].index_max > 7
    assert Paging.from_extra({}) == Paging()  # the register's own defaults


def test_a_bad_page_size_stops_the_build_with_its_message(tmp_path) -> None:
    root = copy_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    extra = "extra:\n  generator: false\n"
    config = config.replace(extra, extra + "  ici_courses: {page_size: -1}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    built = build(root)
    assert built.returncode != 0
    assert (
        "mkdocs.yml: extra.ici_courses: expected a mapping of positive whole numbers "
        "index_max, per_group, page_size, got {'page_size': -1}"
    ) in built.output
    assert "Traceback" not in built.output


# --- with JavaScript: the page script on pages that hold part of a listing ---


@pytest.fixture(scope="module")
def browser_and_base(scaled: Built) -> Iterator[tuple[object, str]]:
    with serve(scaled.site) as base, chromium() as browser:
        yield browser, base


@pytest.mark.browser
def test_an_entry_that_ends_moves_to_the_pages_own_archive(
    scaled: Built, browser_and_base: tuple[object, str]
) -> None:
    rel = "en/events/upcoming/index.html"
    first = _cards(scaled, rel, "upcoming")[0]
    later = _moment(first["end"]) + timedelta(minutes=1)
    page, visit = open_page(browser_and_base, "en/events/upcoming/", later)
    assert listed_ids(page, "[data-ici-archive]") == [first["id"]]
    assert first["id"] not in listed_ids(page, "[data-ici-upcoming]")
    assert page.is_visible("[data-ici-archive-section]")
    # the rest of the past events is a link away
    assert page.is_visible("[data-ici-archive-section] [data-ici-see-all] a")
    assert [e for e in visit.errors if "404" not in e] == []
    page.close()


@pytest.mark.browser
def test_the_index_never_says_nothing_is_coming_while_later_pages_list_more(
    scaled: Built, browser_and_base: tuple[object, str]
) -> None:
    listed = _cards(scaled, "en/events/index.html", "upcoming")
    pages = _pages(scaled, "en/", "events", "upcoming")
    every = [c for rel in pages for c in _cards(scaled, rel, "upcoming")]
    assert len(every) > len(listed)
    # every upcoming event of the index has ended, later ones have not
    after = max(_moment(c["end"]) for c in listed) + timedelta(minutes=1)
    assert any(_moment(c["end"]) > after for c in every)
    page, _ = open_page(browser_and_base, "en/events/", after)
    assert listed_ids(page, "[data-ici-upcoming]") == []
    assert page.is_hidden("[data-ici-empty]")
    assert page.is_visible(".ici-upcoming [data-ici-see-all] a")
    page.close()


@pytest.mark.browser
def test_no_match_on_a_page_points_to_the_other_pages(
    scaled: Built, browser_and_base: tuple[object, str]
) -> None:
    doc = scaled.html("en/events/index.html")
    items = doc.css("[data-ici-item]")
    regions = {n.attributes["data-region"] for n in items}
    kinds = {n.attributes["data-kind"] for n in items}
    pairs = {(n.attributes["data-region"], n.attributes["data-kind"]) for n in items}
    region, kind = next(p for p in sorted(itertools.product(regions, kinds)) if p not in pairs)
    page, _ = open_page(browser_and_base, "en/events/", NOW)
    page.click("[data-ici-filter-toggle].is-ready")
    assert page.is_visible("[data-ici-partial]")
    page.select_option("[data-ici-filters] select[name=region]", region)
    page.select_option("[data-ici-filters] select[name=kind]", kind)
    page.wait_for_selector("[data-ici-no-match]", state="visible")
    hrefs = page.eval_on_selector_all(
        "[data-ici-no-match] a", "els => els.map(a => new URL(a.href).pathname)"
    )
    assert [h.rsplit("/en/", 1)[1] for h in hrefs] == ["events/upcoming/", "events/archive/"]
    page.close()


def test_link_walk_sees_the_pager(scaled: Built) -> None:
    """The walk of the reachability tests follows the pager's links."""
    pages = _pages(scaled, "", "events", "archive")
    assert len(pages) > 2
    assert set(pages) <= set(links(scaled, pages[0]))


@pytest.mark.parametrize("section", SECTIONS)
def test_the_listing_folders_are_ids_no_record_may_take(section: str) -> None:
    """An event or course id ``upcoming`` would clash with its listing's pages."""
    schema = json.loads((ROOT / "schemas" / f"{section}.schema.json").read_text(encoding="utf-8"))
    id_schema = schema["properties"][section]["items"]["properties"]["id"]
    assert set(LISTING_FOLDERS) <= set(id_schema["not"]["enum"])
    assert set(LISTING_FOLDERS) == set(PARTS)


def test_the_order_is_the_one_the_cards_carry(tmp_path) -> None:
    """The fixture events (repeating, moved, cancelled, past) and courses in the order the
    listing has always had: upcoming by the shown start, past by end, latest first."""
    ds = listing_dataset(tmp_path)
    now = ds.built_at
    events = [event_summary(ds, rec, "en", now) for rec in ds.events.values()]
    key = {e["id"]: et.listing_keys(ds.events[e["id"]], now) for e in events}
    upcoming = sorted((e["id"] for e in events if not e["ended"]), key=key.__getitem__)
    past = sorted((e["id"] for e in events if e["ended"]), key=lambda r: key[r][1], reverse=True)
    assert timed_order(ds, "events") == TimedOrder(tuple(upcoming), tuple(past))
    assert upcoming and past
    ctx = render_context(ds, "en")
    courses = [course_summary(ctx, rec, now) for rec in ds.courses.values()]
    upcoming = [c["id"] for c in sorted(courses, key=lambda c: c["start_iso"]) if not c["ended"]]
    past = [c["id"] for c in sorted(courses, key=lambda c: c["end_iso"], reverse=True)]
    past = [rid for rid in past if rid not in upcoming]
    assert timed_order(ds, "courses") == TimedOrder(tuple(upcoming), tuple(past))
    assert upcoming and past


def _paged_kinds(built: Built) -> list[str]:
    """A bounded index and a first, middle and last listing page of each part, every language."""
    rels = []
    for prefix in PREFIX.values():
        for section in SECTIONS:
            rels.append(f"{prefix}{section}/index.html")
            for part in PARTS:
                pages = _pages(built, prefix, section, part)
                rels += sorted({pages[0], pages[len(pages) // 2], pages[-1]})
    return rels


def _axe_pages(built: Built) -> list[str]:
    """Every language's bounded index, and the first, middle and last listing page of each
    part, each of the three in the next language round (the pages of one part differ in
    their entries, not in their markup, from one language to another)."""
    rels = [f"{prefix}{section}/index.html" for prefix in PREFIX.values() for section in SECTIONS]
    prefixes = list(PREFIX.values())
    turn = 0
    for section in SECTIONS:
        for part in PARTS:
            for pick in range(3):  # first, middle, last
                pages = _pages(built, prefixes[turn % len(prefixes)], section, part)
                turn += 1
                rels.append(pages[(0, len(pages) // 2, -1)[pick]])
    return rels


def test_axe_pages_cover_every_language_and_part(scaled: Built) -> None:
    rels = _axe_pages(scaled)
    assert set(rels) <= set(_paged_kinds(scaled))
    indexes = {
        f"{prefix}{section}/index.html" for prefix in PREFIX.values() for section in SECTIONS
    }
    paged = [rel for rel in rels if rel not in indexes]
    assert len(set(paged)) == len(SECTIONS) * len(PARTS) * 3
    assert {split_lang(rel)[0] for rel in paged} == set(PREFIX)


def test_paged_pages_are_valid_html(scaled: Built) -> None:
    errors = vnu_errors([scaled.site / rel for rel in _paged_kinds(scaled)])
    assert _describe(errors, scaled.site) == []


@pytest.mark.browser
def test_axe_finds_no_violations_on_paged_pages(
    scaled: Built, browser_and_base: tuple[object, str]
) -> None:
    browser, base = browser_and_base
    context = axe_context(browser)
    page = context.new_page()
    report = {}
    for rel in _axe_pages(scaled):
        page.clock.set_fixed_time(NOW)
        page.goto(base + rel.removesuffix("index.html"), wait_until="load")
        page.click("[data-ici-filter-toggle].is-ready")  # the note beside the filters
        result = page.evaluate(AXE_RUN, TAGS)
        if result["violations"]:
            report[rel] = result["violations"]
    context.close()
    assert report == {}


def test_make_check_names_a_bad_page_size_with_its_line(tmp_path) -> None:
    root = copy_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    extra = "extra:\n  generator: false\n"
    config = config.replace(extra, extra + "  ici_courses: {page_size: -1}\n  ici_register: 5\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    line = config.splitlines().index("  ici_courses: {page_size: -1}") + 1
    problems = [str(p) for p in config_problems(root)]
    expected = "expected a mapping of positive whole numbers index_max, per_group, page_size"
    assert problems == [
        f"mkdocs.yml:{line + 1}: extra.ici_register: {expected}, got 5",
        f"mkdocs.yml:{line}: extra.ici_courses: {expected}, got {{'page_size': -1}}",
    ]
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1
    assert f"mkdocs.yml:{line}: extra.ici_courses: {expected}" in out.getvalue()
    # the project's own settings pass
    assert config_problems(ROOT) == []
