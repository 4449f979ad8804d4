"""Every kind of bad input gives a located, worded problem, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ici.dataset import load_dataset
from ici.problems import DataError
from langkit import mkdocs_yml
from sitebuild import ROOT, build_copy

FIXTURE = Path(__file__).parent / "fixtures" / "data"

# (case, file, text to replace, replacement, the exact problem line)
CASES = [
    ("short phone", "services", '"+371 25565098"', '"2556"',
     "data/services.yaml:21: services[0].phones[0].number: expected +371 and 8 digits, got '2556'"),
    ("invalid phone", "services", '"+371 25565098"', '"+371 00000000"',
     "data/services.yaml:21: services[0].phones[0].number: expected a valid Latvian phone number, got '+371 00000000'"),
    ("missing field", "services", "    organization_id: ici\n", "",
     "data/services.yaml:11: services[0].organization_id: expected a value (required field), got nothing"),
    ("unknown category", "services", "category: rights", "category: legal",
     "data/services.yaml:16: services[0].category: expected a category from the list in schemas/services.schema.json, got 'legal'"),
    ("unknown field", "services", "    status: active\n", "    status: active\n    statuss: active\n",
     "data/services.yaml:16: services[0].statuss: unknown field, expected one of branches, category, channels, description, eligibility_description, email, ended, fees_description, free, id, interpreter_languages, languages, last_reviewed, name, organization_id, phones, schedules, service_areas, skype, sources, status, url"),
    ("end date on an active service", "services", "    status: active\n", '    status: active\n    ended: "2020-06"\n',
     "data/services.yaml:16: services[0].ended: expected an end date only with status: ended, got '2020-06' with status 'active'"),
    ("bad end date", "services", "    status: active\n", '    status: ended\n    ended: "30.06.2020"\n',
     "data/services.yaml:16: services[0].ended: expected an end date as YYYY-MM-DD or YYYY-MM, got '30.06.2020'"),
    ("unknown status", "services", "    status: active\n", "    status: inactive\n",
     "data/services.yaml:15: services[0].status: expected a status: active or ended, got 'inactive'"),
    ("duplicate id", "services", "  - id: pmlp\n", "  - id: ici\n",
     "data/services.yaml:6: organizations[1].id: expected a unique id, got 'ici' again (first at line 2)"),
    ("duplicate key", "services", "    status: active\n", "    status: active\n    status: inactive\n",
     "data/services.yaml:16: services[0].status: duplicate key, expected each key once (first at line 15)"),
    ("unresolved organization", "services", "organization_id: ici", "organization_id: nobody",
     "data/services.yaml:14: services[0].organization_id: expected the id of an organization in data/services.yaml, got 'nobody'"),
    ("unresolved branch", "services", "branches: [riga]", "branches: [tukums]",
     "data/services.yaml:22: services[0].branches[0]: expected the id of a branch in data/contacts.yaml, got 'tukums'"),
    ("unresolved service", "contacts", "services: [legal]", "services: [illegal]",
     "data/contacts.yaml:11: branches[0].services[0]: expected the id of a service in data/services.yaml, got 'illegal'"),
    ("unknown place", "events", "place: {branch: riga}", "place: {branch: tukums}",
     "data/events.yaml:7: events[0].place.branch: expected the id of a branch in data/contacts.yaml, got 'tukums'"),
    ("end before start", "events", '"2026-03-29T12:00"', '"2026-03-29T09:00"',
     "data/events.yaml:6: events[0].end: expected end not before start 2026-03-29T10:00, got '2026-03-29T09:00'"),
    ("unreal date", "events", '"2026-03-29T10:00"', '"2026-02-30T10:00"',
     "data/events.yaml:5: events[0].start: expected a real date and time, got '2026-02-30T10:00'"),
    ("date format", "events", '"2026-03-29T10:00"', '"29.03.2026 10:00"',
     "data/events.yaml:5: events[0].start: expected a Riga local time YYYY-MM-DDTHH:MM, or YYYY-MM-DD when the hour is not known, or YYYY-MM when the day is not known, got '29.03.2026 10:00'"),
    ("course dates reversed", "courses", '"2026-03-10"', '"2025-12-10"',
     "data/courses.yaml:10: courses[0].end_date: expected end_date not before start_date 2026-01-10, got '2025-12-10'"),
    ("unknown CEFR level", "courses", "cefr_level: A1", "cefr_level: A3",
     "data/courses.yaml:6: courses[0].cefr_level: expected a CEFR level: A1, A2, B1, B2, C1 or C2, got 'A3'"),
    ("syntax error", "events", "languages: [lv]", "languages: [lv",
     "data/events.yaml:9: YAML syntax error: expected ',' or ']', but got ':'"),
    ("empty file", "contacts", None, "",
     "data/contacts.yaml:1: file is empty, expected a mapping with branches"),
    ("top-level list", "courses", None, "- a\n- b\n",
     "data/courses.yaml:1: expected a mapping with courses at the top, got a list"),
    ("wrong type", "services", "free: true", 'free: "yes"',
     "data/services.yaml:17: services[0].free: expected true (free of charge) or false, got 'yes'"),
    ("no Latvian text", "services", "{lv: Apraksts, ru: Описание, en: Description}", "{ru: Описание, en: Description}",
     "data/services.yaml:13: services[0].description.lv: expected a value (required field), got nothing"),
    ("unreal review date", "services", 'last_reviewed: "2025-12-01"', 'last_reviewed: "2026-13-01"',
     "data/services.yaml:26: services[0].last_reviewed: expected a real calendar date, got '2026-13-01'"),
    ("unknown region", "contacts", "region: riga", "region: rigaa",
     "data/contacts.yaml:6: branches[0].region: expected a region: riga, kurzeme, zemgale, vidzeme or latgale, got 'rigaa'"),
    ("closes before opens", "services", 'closes_at: "17:00"', 'closes_at: "08:00"',
     "data/services.yaml:25: services[0].schedules[0].closes_at: expected a time after opens_at 09:00, got '08:00'"),
    ("bad time", "services", 'opens_at: "09:00"', 'opens_at: "9 am"',
     "data/services.yaml:25: services[0].schedules[0].opens_at: expected a 24-hour time as HH:MM, got '9 am'"),
    ("bad e-mail", "contacts", "email: konsultacijas@integration.lv", "email: konsultacijas(at)integration.lv",
     "data/contacts.yaml:9: branches[0].email: expected an e-mail address like name@example.lv, got 'konsultacijas(at)integration.lv'"),
    ("script URL", "services", "    type: state\n", "    type: state\n    url: javascript:alert(1)\n",
     "data/services.yaml:9: organizations[1].url: expected an http:// or https:// address, got 'javascript:alert(1)'"),
    ("bad id", "services", "  - id: legal\n", "  - id: Legal Advice\n",
     "data/services.yaml:11: services[0].id: expected an id of lowercase letters, digits and hyphens (e.g. ici-riga), got 'Legal Advice'"),
    ("two places", "events", "place: {branch: riga}", "place: {branch: riga, online: 'https://example.org/'}",
     "data/events.yaml:7: events[0].place: expected exactly one of: branch (an id), city and region (with an optional address), or online (a URL), got a mapping"),
    ("place without city", "events", "place: {branch: riga}", "place: {address: Lāčplēša iela 75, region: riga}",
     "data/events.yaml:7: events[0].place: expected exactly one of: branch (an id), city and region (with an optional address), or online (a URL), got a mapping"),
    ("unknown event kind", "events", "kind: informative_day", "kind: party",
     "data/events.yaml:12: events[0].kind: expected a kind: informative_day, cultural_evening, platform_meeting, seminar, webinar or conference, got 'party'"),
    ("moved without previous start", "events", "status: scheduled", "status: moved",
     "data/events.yaml:2: events[0].previous_start: expected a value (required field), got nothing"),
    ("unreal previous start", "events", "    status: scheduled\n", '    status: moved\n    previous_start: "2026-02-30T10:00"\n',
     "data/events.yaml:12: events[0].previous_start: expected a real date and time, got '2026-02-30T10:00'"),
    ("event id of the feed", "events", "  - id: day\n", "  - id: events\n",
     "data/events.yaml:2: events[0].id: expected an id other than 'events' (events/events.ics is the calendar feed), 'upcoming' or 'archive' (the listing's pages), got 'events'"),
    ("event id of a listing page", "events", "  - id: day\n", "  - id: archive\n",
     "data/events.yaml:2: events[0].id: expected an id other than 'events' (events/events.ics is the calendar feed), 'upcoming' or 'archive' (the listing's pages), got 'archive'"),
    ("course id of a listing page", "courses", "  - id: course\n", "  - id: upcoming\n",
     "data/courses.yaml:2: courses[0].id: expected an id other than 'upcoming' or 'archive' (the listing's pages), got 'upcoming'"),
    ("start off the recurrence", "events", "    status: scheduled\n", "    status: scheduled\n    rrule: FREQ=WEEKLY;BYDAY=MO;COUNT=3\n",
     "data/events.yaml:5: events[0].start: expected the first date of the rrule (2026-03-30T10:00), got '2026-03-29T10:00'"),
    ("unresolved partner", "courses", "    organizer: ici\n", "    organizer: ici\n    partners: [nobody]\n",
     "data/courses.yaml:13: courses[0].partners[0]: expected the id of an organization in data/services.yaml, got 'nobody'"),
    ("Latvian course without level", "courses", "    cefr_level: A1\n", "",
     "data/courses.yaml:2: courses[0].cefr_level: expected a value (required field), got nothing"),
    ("no languages", "events", "languages: [lv]", "languages: []",
     "data/events.yaml:8: events[0].languages: expected at least 1 item(s), got a list"),
    ("unknown language", "events", "languages: [lv]", "languages: [latvian]",
     "data/events.yaml:8: events[0].languages[0]: expected an ISO 639 language code from the list in schemas/common.schema.json, got 'latvian'"),
    ("missing collection", "contacts", "branches:", "branchez:",
     "data/contacts.yaml:1: branchez: unknown field, expected one of branches"),
    ("hours not a number", "courses", "academic_hours: 40", "academic_hours: many",
     "data/courses.yaml:7: courses[0].academic_hours: expected a whole number of academic hours (1 to 2000), got 'many'"),
    ("bad recurrence", "events", "    status: scheduled\n", "    status: scheduled\n    rrule: FREQ=MONTHLY;BYDAY=XX\n",
     "data/events.yaml:12: events[0].rrule: expected a valid RFC 5545 rule (invalid 'BYDAY': XX), got 'FREQ=MONTHLY;BYDAY=XX'"),
    ("address without city", "contacts", "    region: riga\n", "    region: riga\n    address: {street: Lāčplēša iela 75}\n",
     "data/contacts.yaml:7: branches[0].address.city: expected a value (required field), got nothing"),
    ("unknown status", "events", "status: scheduled", "status: postponed",
     "data/events.yaml:11: events[0].status: expected a status: scheduled, cancelled or moved, got 'postponed'"),
    ("control character", "events", None, "events:\n  \x07\n",
     "data/events.yaml:2: expected printable text, got character 0x7"),
    ("figures rows do not add up", "figures", "value: 10\n", "value: 11\n",
     "data/figures.yaml:18: figures[0].breakdowns[0].rows: expected values adding up to clients (30), got 31"),
    ("unknown figure total", "figures", "total: clients", "total: visitors",
     "data/figures.yaml:17: figures[0].breakdowns[0].total: expected the id of a total in this report (clients, volunteers), got 'visitors'"),
    ("negative count", "figures", "value: 130", "value: -1",
     "data/figures.yaml:12: figures[0].totals[1].value: expected a whole number, 0 or more, got -1"),
    ("count not a number", "figures", "value: 130", "value: many",
     "data/figures.yaml:12: figures[0].totals[1].value: expected a whole number, 0 or more, got 'many'"),
    ("unknown country", "figures", "[UA, IN]", "[UA, XX]",
     "data/figures.yaml:23: figures[0].top_countries[1]: expected a known country code, got 'XX'"),
    ("bad country code", "figures", "[UA, IN]", "[UA, india]",
     "data/figures.yaml:23: figures[0].top_countries[1]: expected an ISO 3166-1 country code of two capital letters (e.g. UA), got 'india'"),
    ("report ends before it starts", "figures", 'as_of: "2017-12-20"', 'as_of: "2015-12-20"',
     "data/figures.yaml:5: figures[0].as_of: expected as_of not before period_start 2016-05-18, got '2015-12-20'"),
    ("unreal report date", "figures", 'as_of: "2017-12-20"', 'as_of: "2017-02-30"',
     "data/figures.yaml:5: figures[0].as_of: expected a real calendar date, got '2017-02-30'"),
    ("more_than not boolean", "figures", "more_than: true", "more_than: maybe",
     "data/figures.yaml:13: figures[0].totals[1].more_than: expected true (the report says \"more than\") or false, got 'maybe'"),
    ("duplicate total id", "figures", "  - id: volunteers\n", "  - id: clients\n",
     "data/figures.yaml:10: figures[0].totals[1].id: expected a unique id, got 'clients' again"),
    ("channel without contact", "services", "channels: [in_person, phone]", "channels: [in_person, phone, skype]",
     "data/services.yaml:19: services[0].channels[2]: expected a Skype name on the service or one of its branches, got channel 'skype' without one"),
    ("online without url", "services", "channels: [in_person, phone]", "channels: [online, phone]",
     "data/services.yaml:19: services[0].channels[0]: expected a url on the service or its organization, got channel 'online' without one"),
    ("repeats without limit", "events", "    status: scheduled\n", "    status: scheduled\n    rrule: FREQ=DAILY;COUNT=100000000\n",
     "data/events.yaml:12: events[0].rrule: expected COUNT from 1 to 500, got 'FREQ=DAILY;COUNT=100000000'"),
    ("count and until", "events", "    status: scheduled\n", "    status: scheduled\n    rrule: FREQ=WEEKLY;COUNT=3;UNTIL=20260501\n",
     "data/events.yaml:12: events[0].rrule: expected COUNT or UNTIL (RFC 5545 allows one of them), not both, got 'FREQ=WEEKLY;COUNT=3;UNTIL=20260501'"),
    ("rule without dates", "events", "    status: scheduled\n", "    status: scheduled\n    rrule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\n",
     "data/events.yaml:12: events[0].rrule: expected a rule that gives at least one date within 10 years of start, got 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'"),
    ("name as a block", "services", "    name: {lv: ICI, ru: ICI, en: ICI}\n", "    name:\n      lv: |\n        ICI\n",
     "data/services.yaml:4: organizations[0].name.lv: expected text on one line without control characters, got a line break or tab U+000A at character 4 in 'ICI\\n'"),
    ("C1 control in a title", "events", "title: {lv: Diena,", 'title: {lv: "Diena\\x80",',
     "data/events.yaml:3: events[0].title.lv: expected text on one line without control characters, got a control or invisible formatting character U+0080 at character 6 in 'Diena\\x80'"),
    ("YAML anchor", "services", "  - id: pmlp\n", "  - id: &x pmlp\n",
     "data/services.yaml:6: expected a value without an anchor, got &x (aliases and anchors are not allowed in data files)"),
    ("id too long", "services", "  - id: legal\n", "  - id: ici-legal-consultation-for-third-country-nationals-living-in-riga-and-the-regions\n",
     "data/services.yaml:11: services[0].id: expected at most 80 characters, got 'ici-legal-consultation-for-third-country-nationals-livin..."),
    ("opens at midnight's end", "services", 'opens_at: "09:00"', 'opens_at: "24:00"',
     "data/services.yaml:25: services[0].schedules[0].opens_at: expected an opening time before 24:00, got '24:00'"),
    ("branch outside areas", "services", "service_areas: [riga]", "service_areas: [kurzeme, latgale]",
     "data/services.yaml:22: services[0].branches[0]: expected a branch in the service areas (kurzeme, latgale), got 'riga' in riga"),
    ("no sources", "services",
     '    last_reviewed: "2025-12-01"\n    sources: [{title: Fixture source, publisher: ICI tests, published: "2025-12-01"}]\n',
     '    last_reviewed: "2025-12-01"\n',
     "data/services.yaml:11: services[0].sources: expected a value (required field), got nothing"),
    ("empty sources", "events", "    sources: [{title: Fixture source, publisher: ICI tests, published: \"2025-12-01\"}]", "    sources: []",
     "data/events.yaml:13: events[0].sources: expected a list of at least one source (title, publisher, published), got a list"),
    ("source without publisher", "courses", "publisher: ICI tests, ", "",
     "data/courses.yaml:16: courses[0].sources[0].publisher: expected a value (required field), got nothing"),
    ("review date without source", "services", 'last_reviewed: "2025-12-01"', 'last_reviewed: "2025-11-30"',
     "data/services.yaml:26: services[0].last_reviewed: expected the date of the newest source (2025-12-01), got '2025-11-30'"),
    ("time end of a date-only start", "events", '    start: "2026-03-29T10:00"\n', '    start: "2026-03-29"\n',
     "data/events.yaml:6: events[0].end: expected a date YYYY-MM-DD or month YYYY-MM (no time, as the start has none), got '2026-03-29T12:00'"),
]  # fmt: skip


def _data_root(tmp_path: Path, file: str, old: str | None, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    target = data / f"{file}.yaml"
    text = target.read_text(encoding="utf-8")
    if old is None:
        text = new
    else:
        assert old in text, f"fixture lacks {old!r}"
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    # the fixture's texts are in lv, ru and en: the languages of this project
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml("lv", "ru", "en"), encoding="utf-8")
    return tmp_path


def test_fixture_is_valid(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    ds = load_dataset(tmp_path)
    assert list(ds.services) == ["legal"]


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_malformed_input(
    tmp_path: Path, case: str, file: str, old: str | None, new: str, expected: str
) -> None:
    with pytest.raises(DataError) as info:
        load_dataset(_data_root(tmp_path, file, old, new))
    assert expected in [str(p) for p in info.value.problems]


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    root = _data_root(tmp_path, "services", "category: rights", "category: legal")
    events = root / "data" / "events.yaml"
    events.write_text(events.read_text().replace("status: scheduled", "status: later"))
    with pytest.raises(DataError) as info:
        load_dataset(root)
    files = {p.file for p in info.value.problems}
    assert files == {"data/services.yaml", "data/events.yaml"}
    assert info.value.report().startswith("2 problems in the data:")


def test_missing_translation_is_a_notice_not_an_error(tmp_path: Path) -> None:
    root = _data_root(
        tmp_path, "services", "{lv: Apraksts, ru: Описание, en: Description}", "{lv: Apraksts}"
    )
    ds = load_dataset(root)
    assert [str(n) for n in ds.notices] == [
        "data/services.yaml:13: services[0].description: no ru and en text yet, the lv text is shown"
    ]


def test_real_data_validates() -> None:
    ds = load_dataset(ROOT)
    assert ds.services and ds.branches and ds.organizations


def test_build_stops_with_the_problem_list_and_no_traceback(tmp_path: Path) -> None:
    text = (ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8")
    broken = text.replace('"+371 25719118"', '"2571"', 1)
    built = build_copy(tmp_path, {"data/contacts.yaml": broken})
    assert built.returncode != 0
    assert "Traceback" not in built.output
    assert "branches[4].phones[0].number: expected +371 and 8 digits, got '2571'" in built.output
