"""Sources and dates: the Source line, the reader notice on old information, JSON-LD and
HSDS provenance, and nothing dated after the build without a current source."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ESCAPED_NOTE
from ici.dataset import load_dataset
from ici.problems import DataError
from ici.provenance import format_partial, is_stale, newest
from langs import PREFIX
from sitebuild import ROOT, SOURCE_DATE_EPOCH, Built, build, build_copy, copy_project

# the project's own pages and data (tests/conftest.py marks every test on a real build too)
pytestmark = pytest.mark.real_content

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
LABEL = {
    "lv": ("Avots", "Avoti"),
    "ru": ("Источник", "Источники"),
    "en": ("Source", "Sources"),
    "uk": ("Джерело", "Джерела"),
}
NOTICE = {
    "lv": "Informācijas datums: {date}. Lūdzu, piezvaniet, lai to pārbaudītu.",
    "ru": "Дата информации: {date}; пожалуйста, позвоните, чтобы её проверить.",
    "en": "Information as of {date}. Please call to confirm.",
    "uk": "Дата інформації: {date}; будь ласка, зателефонуйте, щоб її перевірити.",
}
DS = load_dataset(ROOT)
RECORD_PAGES = {
    "register": DS.services,
    "contacts": DS.branches,
    "events": DS.events,
    "courses": DS.courses,
}
CONTENT = sorted(
    p.relative_to(ROOT / "docs" / "lv").as_posix()
    for p in (ROOT / "docs" / "lv").rglob("*.md")
    if "sources:" in p.read_text(encoding="utf-8")
)


def _page(rel: str) -> str:
    stem = rel.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/index.html" if stem else "index.html"


def _source_line(doc: HTMLParser) -> tuple[str, list[str]]:
    line = doc.css_first("article .ici-sources")
    assert line is not None
    return line.css_first("strong").text(strip=True), [
        s.text(strip=True) for s in line.css(".ici-source")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_record_page_shows_its_sources_and_the_notice(site: Built, lang: str) -> None:
    """Every real record's newest source is older than 12 months at the test build date."""
    today = date(2026, 1, 1)
    for folder, records in RECORD_PAGES.items():
        assert records, folder
        for rid, rec in records.items():
            doc = site.html(f"{LANGS[lang]}{folder}/{rid}/index.html")
            label, items = _source_line(doc)
            assert label == LABEL[lang][len(rec["sources"]) > 1] + ":"
            assert len(items) == len(rec["sources"])
            for item, src in zip(items, rec["sources"], strict=True):
                assert src["title"] in item and src["publisher"] in item
                assert format_partial(src["published"], lang) in item
            assert is_stale(rec["sources"], today)
            notice = doc.css_first("article .ici-stale")
            as_of = format_partial(newest(rec["sources"]), lang)
            assert NOTICE[lang].format(date=as_of) in notice.text(strip=True), (folder, rid)
            assert notice.attributes["data-ici-stale"] == newest(rec["sources"])


@pytest.mark.parametrize("rel", CONTENT)
@pytest.mark.parametrize("lang", LANGS)
def test_every_content_page_shows_its_sources(site: Built, lang: str, rel: str) -> None:
    doc = site.html(f"{LANGS[lang]}{_page(rel)}")
    label, items = _source_line(doc)
    assert label.removesuffix(":") in LABEL[lang]
    assert items and all(items)
    # every guide, news and About page is old information: readers are told
    assert doc.css_first("article .ici-stale") is not None


def test_the_riga_address_says_which_source_it_follows(site: Built) -> None:
    doc = site.html("en/contacts/riga/index.html")
    assert "Lāčplēša iela 75 – 9/10" in doc.css_first("article").text()
    _, items = _source_line(doc)
    assert any("75 - 1 B" in item for item in items)  # the older source's value, noted
    assert any("75 – 9/10" in item for item in items)


def test_source_text_is_escaped(office_hours: Built) -> None:
    note = ESCAPED_NOTE.split('"')[1]
    assert "&" in note
    raw = (office_hours.site / "en/contacts/trafficking-trust-line/index.html").read_text("utf-8")
    assert note.replace("&", "&amp;") in raw


def test_fresh_records_show_no_notice(tmp_path: Path) -> None:
    """Built on 1 June 2024, the SIF records (source of January 2024) are fresh, the ICI
    records (sources of 2017-2018) are not."""
    built = build(copy_project(tmp_path), epoch=1717200000)  # 2024-06-01T00:00:00Z
    assert built.returncode == 0, built.output
    for lang, prefix in LANGS.items():
        fresh = built.html(f"{prefix}register/sif-one-stop-agency/index.html")
        assert fresh.css_first(".ici-stale") is None
        assert fresh.css_first(".ici-sources") is not None
        old = built.html(f"{prefix}register/ici-legal-consultation/index.html")
        as_of = format_partial("2018-01", lang)
        assert NOTICE[lang].format(date=as_of) in old.css_first(".ici-stale").text(strip=True)


def test_jsonld_cites_the_sources(site: Built) -> None:
    for folder, records in RECORD_PAGES.items():
        for rid, rec in records.items():
            doc = site.html(f"en/{folder}/{rid}/index.html")
            blocks = [json.loads(s.text()) for s in doc.css('script[type="application/ld+json"]')]
            ld = next(b for b in blocks if b.get("identifier") == rid or b.get("citation"))
            assert ld["dateModified"] == newest(rec["sources"]), (folder, rid)
            assert [c["name"] for c in ld["citation"]] == [s["title"] for s in rec["sources"]]
            assert [c["datePublished"] for c in ld["citation"]] == [
                s["published"] for s in rec["sources"]
            ]
            assert all(c["@type"] == "CreativeWork" for c in ld["citation"])


def test_hsds_export_carries_the_sources(site: Built) -> None:
    data = json.loads((site.site / "en/data/services.json").read_bytes())
    by_id = {
        a["value"]: item
        for item in data
        for a in item["attributes"]
        if a["link_type"] == "ici_register_id"
    }
    assert set(by_id) == set(DS.services)
    for sid, item in by_id.items():
        rec = DS.services[sid]
        assert item["assured_date"] == rec["last_reviewed"]
        meta = item["metadata"]
        assert len(meta) == len(rec["sources"])
        for entry, src in zip(meta, rec["sources"], strict=True):
            assert entry["resource_id"] == item["id"]
            assert entry["last_action_type"] == "source"
            assert entry["updated_by"] == src["publisher"]
            assert src["title"] in entry["replacement_value"]
            assert entry["last_action_date"].startswith(src["published"])


def test_last_reviewed_is_the_newest_source_date() -> None:
    for coll in (DS.services, DS.branches):
        for rid, rec in coll.items():
            assert rec["last_reviewed"].startswith(newest(rec["sources"])), rid


def test_no_event_or_course_after_the_build_date_without_a_current_source(site: Built) -> None:
    built_on = date.fromtimestamp(SOURCE_DATE_EPOCH)
    for folder, records, field in (
        ("events", DS.events, "start"),
        ("courses", DS.courses, "start_date"),
    ):
        for rid, rec in records.items():
            assert rec[field][:10] <= built_on.isoformat() or not is_stale(
                rec["sources"], built_on
            ), rid
            assert (site.site / folder / rid / "index.html").is_file()
    # the real site lists only the 2017 entries the sources give
    assert all(rec["start"].startswith("2017-") for rec in DS.events.values())
    assert all(rec["start_date"].startswith("2017-") for rec in DS.courses.values())


def test_a_future_event_without_a_current_source_stops_the_build(tmp_path: Path) -> None:
    events = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8")
    assert 'start: "2017-11-23"' in events
    built = build_copy(tmp_path, {"data/events.yaml": events.replace("2017-11-23", "2026-11-23")})
    assert built.returncode != 0
    assert "Traceback" not in built.output
    line = events[: events.index('start: "2017-11-23"')].count("\n") + 1
    assert (
        f"data/events.yaml:{line}: events[1].start: expected a source from the last 12 months "
        "for a date after the build date 2026-01-01, got '2026-11-23' with the newest source "
        "2017-10-13"
    ) in built.output


def test_a_record_without_sources_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    text = (ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: latgale")
    block_end = text.index("  - id: zemgale")
    sources = text.index("    sources:\n", start)
    reviewed = text.index("    last_reviewed:", sources)
    assert sources < reviewed < block_end
    broken = text[:sources] + text[reviewed:]
    built = build_copy(tmp_path, {"data/contacts.yaml": broken})
    assert built.returncode != 0
    line = broken[:start].count("\n") + 1
    assert (
        f"data/contacts.yaml:{line}: branches[1].sources: expected a value (required field), "
        "got nothing"
    ) in built.output


def test_a_page_without_sources_stops_the_build(tmp_path: Path) -> None:
    built = build_copy(tmp_path, {"docs/lv/guide/work.md": "# Darbs\n\nTeksts.\n"})
    assert built.returncode != 0
    assert "Traceback" not in built.output
    assert (
        "docs/lv/guide/work.md:1: sources: expected a list of sources in the front matter "
        "(title, publisher, published), got nothing"
    ) in built.output


def test_dates_after_the_build_date_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))  # 2026-01-01
    text = (ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: trafficking-trust-line")
    old = '    last_reviewed: "2017-10-13"\n'
    at = text.index(old, start)
    line = text[:at].count("\n") + 1
    changed = text[:at] + '    last_reviewed: "2026-02-01"\n' + text[at + len(old) :]
    changed = changed.replace(
        'published: "2017-10-13"\n        note: "vietnes',
        'published: "2026-03"\n        note: "vietnes',
        1,
    )
    root = copy_project(tmp_path, {"data/contacts.yaml": changed})
    with pytest.raises(DataError) as info:
        load_dataset(root)
    problems = [str(p) for p in info.value.problems]
    assert (
        f"data/contacts.yaml:{line}: branches[5].last_reviewed: expected a date not after the "
        "build date 2026-01-01, got '2026-02-01'"
    ) in problems
    assert any(
        "branches[5].sources[0].published: expected a date not after the build date "
        "2026-01-01, got '2026-03'" in p
        for p in problems
    )
