"""Ended services and courses, and listings with nothing current, in a built fixture site.

The fixture is the project with its statuses set by the test (whatever the real data
says): every service of one topic ended (one of them with a month), one more service
ended without a date, every other service active; two extra courses, one coming after the
build and one ended early. The listings with nothing upcoming are those of the real
project with ICI's services current again (tests/conftest.py ``current_services``): its
events and courses are all of 2017.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from langkit import ui_string
from langs import PREFIX
from sitebuild import ROOT, SOURCE_DATE_EPOCH, Built, build, copy_project, shared_build
from test_register import _hsds_validator

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
INFO_LINE = "ici-information-line"
NOTICE = {
    "lv": "Šis pakalpojums ir beidzies (2020. g. jūnijs). Informācija ir saglabāta uzziņai.",
    "ru": "Эта услуга завершена (июнь 2020\u202fг.). Информация сохранена для справки.",
    "en": "This service has ended (June 2020). The information is kept for reference.",
    "uk": "Цю послугу припинено (червень 2020\u202fр.). Інформацію збережено для довідки.",
}


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _services() -> dict[str, Any]:
    data = _load("services")
    services = data["services"]
    for rec in services:
        rec.pop("status", None)
        rec.pop("ended", None)
    info = next(s for s in services if s["id"] == INFO_LINE)
    counts = Counter(s["category"] for s in services)
    # a topic without the information line whose services all end
    topic = next(c for c in counts if c != info["category"])
    for rec in services:
        if rec["category"] == topic:
            rec["status"] = "ended"
    next(s for s in services if s["category"] == topic)["ended"] = "2020-06"
    # one more ended service, undated, in a topic that keeps active ones
    other = next(
        s
        for s in services
        if s["category"] not in (topic, info["category"]) and counts[s["category"]] > 1
    )
    other["status"] = "ended"
    return data


def _courses() -> dict[str, Any]:
    data = _load("courses")
    for rec in data["courses"]:
        rec.pop("status", None)
        rec.pop("ended", None)
    template = data["courses"][0]
    coming = copy.deepcopy(template)
    coming.update(id="fixture-coming", start_date="2026-03-02", end_date="2026-03-31")
    coming["registration_status"] = "open"
    # planned to run past the build date, but it ended early
    stopped = copy.deepcopy(template)
    stopped.update(id="fixture-stopped", start_date="2025-09-01", end_date="2026-06-30")
    stopped.update(status="ended", ended="2025-11")
    # a course after the build date needs a source from the 12 months before it
    current = [{"title": "Fixture source", "publisher": "ICI tests", "published": "2025-12-01"}]
    for rec in (coming, stopped):
        rec["sources"] = copy.deepcopy(current)
    data["courses"] += [coming, stopped]
    return data


SERVICES = {s["id"]: s for s in _services()["services"]}
ENDED = [sid for sid, s in SERVICES.items() if s.get("status") == "ended"]
CURRENT = [sid for sid in SERVICES if sid not in ENDED]
DATED = next(sid for sid in ENDED if SERVICES[sid].get("ended"))
UNDATED = next(sid for sid in ENDED if not SERVICES[sid].get("ended"))
TOPIC = SERVICES[DATED]["category"]


def _fixture(tmp_path: Path, epoch: int) -> Built:
    root = copy_project(
        tmp_path,
        {"data/services.yaml": _dump(_services()), "data/courses.yaml": _dump(_courses())},
    )
    built = build(root, epoch=epoch)
    assert built.returncode == 0, built.output
    return built


def ended_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The ended-services fixture built on the tests' date, once per run (this module and
    tests/test_ended_browser.py share it)."""
    return shared_build(
        tmp_path_factory.getbasetemp(), "ended", lambda d: _fixture(d, SOURCE_DATE_EPOCH)
    )


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return ended_site(tmp_path_factory)


@pytest.fixture(scope="module")
def nothing_upcoming(current_services: Built) -> Built:
    """Listings with nothing upcoming and a current information line: the real project
    with ICI's services current again (its events and courses are all of 2017)."""
    return current_services


def _info_line_e164() -> str:
    """The information line as the help must show it: an office phone of the line's service."""
    numbers = {p["number"] for p in SERVICES[INFO_LINE]["phones"]}
    branches = _load("contacts")["branches"]
    order = ("office", "contact_point", "hotline")
    found = [
        p["number"]
        for b in sorted(branches, key=lambda b: order.index(b["kind"]))
        for p in b.get("phones", [])
        if p["number"] in numbers
    ]
    return found[0].replace(" ", "")


# ---- the register ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_register_default_view_leaves_ended_services_out_of_topics_and_counts(
    fixture_site: Built, lang: str
) -> None:
    doc = fixture_site.html(f"{LANGS[lang]}register/index.html")
    topics = doc.css("[data-ici-group]:not([data-ici-group=ended])")
    in_topics = [
        li.attributes["data-ici-service"] for g in topics for li in g.css("li[data-ici-service]")
    ]
    assert sorted(in_topics) == sorted(CURRENT)
    ended = doc.css_first("[data-ici-group=ended]")
    assert sorted(
        li.attributes["data-ici-service"] for li in ended.css("li[data-ici-service]")
    ) == (sorted(ENDED))
    for li in ended.css("li[data-ici-service]"):
        assert li.attributes["data-status"] == "ended"
    # jump counts, the "shown" line and the filter counts are the current services'
    jumps = {
        j.attributes["data-ici-jump"]: j.css_first("[data-ici-jump-count]").text()
        for j in doc.css("[data-ici-jump]")
    }
    per_topic = Counter(SERVICES[s]["category"] for s in CURRENT)
    assert jumps.pop("ended") == f"({len(ENDED)})"
    assert jumps == {topic: f"({per_topic[topic]})" for topic in jumps}
    assert jumps[TOPIC] == "(0)"
    status = doc.css_first("[data-ici-status]").text()
    assert status == ui_string("register.shown", lang).format(
        shown=len(CURRENT), total=len(CURRENT)
    )
    free = sum(1 for s in CURRENT if SERVICES[s].get("free"))
    cost = doc.css_first("fieldset[data-facet=cost] input[value=free]").parent
    assert cost.css_first("[data-ici-count]").text() == f"({free})"
    (option,) = doc.css("fieldset[data-facet=status] input")
    assert option.attributes["value"] == "ended"
    assert option.parent.css_first("[data-ici-count]").text() == f"({len(ENDED)})"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_ended_services_are_linked_at_the_bottom(
    fixture_site: Built, lang: str
) -> None:
    doc = fixture_site.html(f"{LANGS[lang]}register/index.html")
    jump = doc.css_first("[data-ici-jump=ended] a")
    assert jump.attributes["href"] == "#ended"
    assert jump.text() == ui_string("register.ended_services", lang)
    section = doc.css_first("#ended-services")
    assert section.css_first("h3").attributes["id"] == "ended"
    assert section.css_first("h3").text() == ui_string("register.ended_services", lang)
    # the last section of the register, after every topic
    assert doc.css("[data-ici-group]")[-1].attributes["data-ici-group"] == "ended"
    links = {a.attributes["href"] for a in section.css(".ici-svc-name a")}
    assert links == {f"{sid}/" for sid in ENDED}
    tag = section.css_first(f"#svc-{DATED} .ici-tag-ended").text()
    assert (
        tag
        == f"{ui_string('register.status_ended', lang)}: {NOTICE[lang].split('(')[1].split(')')[0]}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_topic_with_only_ended_services_says_where_to_turn(
    fixture_site: Built, lang: str
) -> None:
    doc = fixture_site.html(f"{LANGS[lang]}register/index.html")
    group = doc.css_first(f"[data-ici-group={TOPIC}]")
    assert group.css("li[data-ici-service]") == []
    help_box = group.css_first("[data-ici-listing-help]")
    assert help_box.css_first("p").text() == ui_string("register.no_current", lang)
    call = help_box.css_first("[data-ici-help=call]")
    assert call.css_first("a").attributes["href"] == f"tel:{_info_line_e164()}"
    assert call.text(strip=True).startswith(ui_string("listing_help.call", lang))
    archive = help_box.css_first("[data-ici-help=archive]")
    assert archive.attributes["href"] == "?status=ended#ended"
    assert archive.text() == ui_string("listing_help.ended_services", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_ended_service_page_says_so_at_the_top(fixture_site: Built, lang: str) -> None:
    doc = fixture_site.html(f"{LANGS[lang]}register/{DATED}/index.html")
    article = doc.css_first("article.ici-service")
    first, second = article.css("h1, p")[:2]
    assert first.tag == "h1"
    assert "ici-ended" in second.attributes["class"]
    assert second.text(strip=True) == NOTICE[lang]
    undated = fixture_site.html(f"{LANGS[lang]}register/{UNDATED}/index.html")
    assert undated.css_first(".ici-ended").text(strip=True) == ui_string(
        "register.ended_notice_undated", lang
    )
    active = fixture_site.html(f"{LANGS[lang]}register/{INFO_LINE}/index.html")
    assert active.css(".ici-ended") == []


def _jsonld(doc: HTMLParser) -> dict[str, Any]:
    (block,) = doc.css('script[type="application/ld+json"]')
    return json.loads(block.text())


def test_ended_service_jsonld_offers_nothing_to_use(fixture_site: Built) -> None:
    ld = _jsonld(fixture_site.html(f"en/register/{DATED}/index.html"))
    assert ld["identifier"] == DATED
    assert "availableChannel" not in ld and "hoursAvailable" not in ld
    assert ld["offers"]["availability"] == "https://schema.org/Discontinued"
    assert ld["offers"]["availabilityEnds"] == "2020-06-30"
    active = _jsonld(fixture_site.html(f"en/register/{INFO_LINE}/index.html"))
    assert active["availableChannel"] and "availability" not in active.get("offers", {})


def _pagefind(doc: HTMLParser, attr: str) -> list[str]:
    body = doc.css_first("[data-pagefind-body]")
    return [n.attributes[attr] for n in body.css(f"[{attr}]")]


@pytest.mark.parametrize("lang", LANGS)
def test_ended_services_are_marked_for_search(fixture_site: Built, lang: str) -> None:
    word = ui_string("register.status_ended", lang)
    doc = fixture_site.html(f"{LANGS[lang]}register/{DATED}/index.html")
    assert f"status:{word}" in _pagefind(doc, "data-pagefind-filter")
    # the index holds a value on one line, its spaces plain
    when = " ".join(NOTICE[lang].split("(")[1].split(")")[0].split())
    assert f"ended:{word} ({when})" in _pagefind(doc, "data-pagefind-meta")
    undated = fixture_site.html(f"{LANGS[lang]}register/{UNDATED}/index.html")
    assert f"ended:{word}" in _pagefind(undated, "data-pagefind-meta")
    active = fixture_site.html(f"{LANGS[lang]}register/{INFO_LINE}/index.html")
    assert not any(f.startswith("status:") for f in _pagefind(active, "data-pagefind-filter"))
    assert not any(m.startswith("ended:") for m in _pagefind(active, "data-pagefind-meta"))


@pytest.mark.parametrize("lang", LANGS)
def test_hsds_export_marks_ended_services_inactive(fixture_site: Built, lang: str) -> None:
    validator = _hsds_validator()
    data = json.loads((fixture_site.site / LANGS[lang] / "data" / "services.json").read_bytes())
    by_id = {
        next(a["value"] for a in item["attributes"] if a["link_type"] == "ici_register_id"): item
        for item in data
    }
    assert sorted(by_id) == sorted(SERVICES)
    for sid, item in by_id.items():
        assert list(validator.iter_errors(item)) == [], sid
        assert item["status"] == ("inactive" if sid in ENDED else "active"), sid
    ended_on = [a["value"] for a in by_id[DATED]["attributes"] if a["link_type"] == "ici_ended"]
    assert ended_on == ["2020-06"]
    assert not any(a["link_type"] == "ici_ended" for a in by_id[UNDATED]["attributes"])


def test_csv_rows_say_which_services_ended_and_when(fixture_site: Built) -> None:
    raw = (fixture_site.site / "en" / "data" / "services.csv").read_bytes()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))}
    assert (rows[DATED]["status"], rows[DATED]["ended"]) == ("ended", "2020-06")
    assert (rows[UNDATED]["status"], rows[UNDATED]["ended"]) == ("ended", "")
    assert (rows[INFO_LINE]["status"], rows[INFO_LINE]["ended"]) == ("active", "")


# ---- courses: upcoming and past ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_courses_split_at_build_time_with_an_early_end(fixture_site: Built, lang: str) -> None:
    doc = fixture_site.html(f"{LANGS[lang]}courses/index.html")
    upcoming = [i.attributes["data-ici-id"] for i in doc.css("[data-ici-upcoming] > li")]
    past = [i.attributes["data-ici-id"] for i in doc.css("[data-ici-archive] > li")]
    assert "fixture-coming" in upcoming and "fixture-stopped" in past
    assert doc.css_first("h2#upcoming").text() == ui_string("courses.upcoming", lang)
    assert doc.css_first("h2#archive").text() == ui_string("courses.archive", lang)
    # nothing to help with while something is coming
    assert "hidden" in doc.css_first(".ici-upcoming [data-ici-listing-help]").attributes
    stopped = doc.css_first("li[data-ici-id=fixture-stopped]")
    # the script moves items by data-end: the ended date's month, not the planned end
    assert datetime.fromisoformat(stopped.attributes["data-end"]).isoformat() == (
        "2025-12-01T00:00:00+02:00"
    )
    page = fixture_site.html(f"{LANGS[lang]}courses/fixture-stopped/index.html")
    notice = page.css_first(".ici-ended")
    assert "hidden" not in notice.attributes
    assert notice.text(strip=True) == ui_string("courses.ended_notice", lang)
    assert page.css_first(".ici-tag-closed") is not None
    coming = fixture_site.html(f"{LANGS[lang]}courses/fixture-coming/index.html")
    assert "hidden" in coming.css_first(".ici-ended").attributes


# ---- listings with nothing upcoming ------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_events_with_nothing_upcoming_offer_feed_line_and_archive(
    nothing_upcoming: Built, lang: str
) -> None:
    doc = nothing_upcoming.html(f"{LANGS[lang]}events/index.html")
    assert doc.css("[data-ici-upcoming] > li") == []
    box = doc.css_first(".ici-upcoming [data-ici-listing-help]")
    assert "hidden" not in box.attributes
    assert box.css_first("p").text() == ui_string("events.no_upcoming", lang)
    feed = box.css_first("[data-ici-help=feed]")
    assert feed.attributes["href"] == "events.ics"
    assert feed.text() == ui_string("listing_help.subscribe", lang)
    assert (nothing_upcoming.site / LANGS[lang] / "events" / "events.ics").is_file()
    call = box.css_first("[data-ici-help=call] a[href^='tel:']")
    assert call.attributes["href"] == f"tel:{_info_line_e164()}"
    about = box.css_first("[data-ici-help=call] a:not([href^='tel:'])")
    assert about.attributes["href"] == f"../register/{INFO_LINE}/"
    archive = box.css_first("[data-ici-help=archive]")
    assert archive.attributes["href"] == "#archive"
    assert archive.text() == ui_string("listing_help.past_events", lang)
    assert doc.css("[data-ici-archive] > li") and doc.css_first("h2#archive") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_courses_with_nothing_upcoming_offer_line_and_archive(
    nothing_upcoming: Built, lang: str
) -> None:
    doc = nothing_upcoming.html(f"{LANGS[lang]}courses/index.html")
    assert doc.css("[data-ici-upcoming] > li") == []
    box = doc.css_first(".ici-upcoming [data-ici-listing-help]")
    assert "hidden" not in box.attributes
    assert box.css_first("p").text() == ui_string("courses.no_upcoming", lang)
    assert box.css("[data-ici-help=feed]") == []  # courses have no calendar feed
    call = box.css_first("[data-ici-help=call] a[href^='tel:']")
    assert call.attributes["href"] == f"tel:{_info_line_e164()}"
    archive = box.css_first("[data-ici-help=archive]")
    assert (archive.attributes["href"], archive.text()) == (
        "#archive",
        ui_string("listing_help.past_courses", lang),
    )


def test_help_leaves_out_an_information_line_that_has_ended(site: Built) -> None:
    """The real data: the information line ended in June 2020, and every real event is
    older than the tests' build date."""
    real = {s["id"]: s for s in _load("services")["services"]}
    assert real[INFO_LINE]["status"] == "ended", "the real information line ended in 2020"
    doc = site.html("en/events/index.html")
    assert doc.css("[data-ici-upcoming] > li") == []
    box = doc.css_first(".ici-upcoming [data-ici-listing-help]")
    assert box.css("[data-ici-help=call]") == []
    assert [a.attributes["data-ici-help"] for a in box.css("a[data-ici-help]")] == [
        "feed",
        "archive",
    ]


def test_branch_pages_mark_ended_services_and_the_handout_leaves_them_out(
    fixture_site: Built,
) -> None:
    branches = _load("contacts")["branches"]
    listed = [(b["id"], sid) for b in branches for sid in b.get("services", [])]
    assert any(sid in ENDED for _, sid in listed)
    for bid, sid in listed:
        item = fixture_site.html(f"en/contacts/{bid}/index.html").css_first(
            f".ici-services li[data-ici-service='{sid}']"
        )
        assert item.text(strip=True).endswith("(Ended)") == (sid in ENDED), (bid, sid)
    handout = fixture_site.html("en/handout/index.html")
    shown = {li.attributes["data-ici-service"] for li in handout.css("[data-ici-service]")}
    assert shown and not shown & set(ENDED)
