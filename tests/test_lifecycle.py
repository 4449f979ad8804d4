"""Ended services and courses without a build: partial dates, past courses, validation."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ici.dataset import load_dataset
from ici.hints import GUIDE, hint_for
from ici.lifecycle import first_day, format_partial, last_day, over_at, status_of
from ici.problems import DataError, Problem
from ici.views.courses import course_end, is_past, registration_status

FIXTURE = Path(__file__).parent / "fixtures" / "data"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "last", "first"),
    [
        ("2017-09", date(2017, 9, 30), date(2017, 9, 1)),
        ("2017-09-21", date(2017, 9, 21), date(2017, 9, 21)),
        ("2016-02", date(2016, 2, 29), date(2016, 2, 1)),
        ("2017-12", date(2017, 12, 31), date(2017, 12, 1)),
        ("2017", date(2017, 12, 31), date(2017, 1, 1)),
        ("2017-13", None, None),
        ("2017-02-30", None, None),
        ("21.09.2017", None, None),
        ("", None, None),
    ],
)
def test_a_date_string_means_its_last_and_first_possible_day(
    value: str, last: date | None, first: date | None
) -> None:
    assert last_day(value) == last
    assert first_day(value) == first


def test_a_month_is_over_at_the_midnight_after_its_last_day_in_riga() -> None:
    over = over_at("2017-09")
    assert over.isoformat() == "2017-10-01T00:00:00+03:00"
    assert over_at("2017-12-31").isoformat() == "2018-01-01T00:00:00+02:00"


def test_partial_dates_are_written_as_the_source_gives_them() -> None:
    assert format_partial("2020-06", "en") == "June 2020"
    assert format_partial("2020-06-30", "en") == "30 June 2020"
    assert format_partial("2020-06", "ru") == "июнь 2020\u202fг."
    assert format_partial("2020-06", "lv") == "2020. g. jūnijs"


def test_status_is_active_unless_ended() -> None:
    assert status_of({}) == "active"
    assert status_of({"status": "active"}) == "active"
    assert status_of({"status": "ended"}) == "ended"


def _course(**fields: str) -> dict:
    return {"start_date": "2017-09", "registration_status": "open", **fields}


@pytest.mark.parametrize(
    ("fields", "past"),
    [
        # a month-only end is past only after the month
        ({"end_date": "2025-12"}, True),
        ({"end_date": "2026-01"}, False),
        ({"end_date": "2025-12-31"}, True),
        ({"end_date": "2026-01-01"}, False),
        # no end: past after the last day the start can mean
        ({"start_date": "2025-12"}, True),
        ({"start_date": "2026-01"}, False),
        # an ended course is past whatever its planned end; with or without a date
        ({"status": "ended", "end_date": "2026-06-30"}, True),
        ({"status": "ended", "ended": "2025-11", "end_date": "2026-06-30"}, True),
    ],
)
def test_a_course_is_past_when_its_end_or_ended_date_is_before_now(
    fields: dict, past: bool
) -> None:
    rec = _course(**fields)
    assert is_past(rec, NOW) is past
    assert registration_status(rec, NOW) == ("closed" if past else "open")
    assert (course_end(rec, NOW) <= NOW) is past


def _root(tmp_path: Path, file: str, old: str, new: str) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    path = tmp_path / "data" / f"{file}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _found(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_dataset(root)
    return caught.value.problems


def _problems(root: Path) -> list[str]:
    return [str(p) for p in _found(root)]


# more in test_loader_errors.CASES (also run through the check command and CONTRIBUTING)
ENDED_CASES = [
    (
        "ended without a status",
        "services",
        "    status: active\n",
        '    ended: "2020-06-30"\n',
        "data/services.yaml:15: services[0].ended: expected an end date only with status: "
        "ended, got '2020-06-30' with status 'active'",
    ),
    (
        "end month that does not exist",
        "services",
        "    status: active\n",
        '    status: ended\n    ended: "2020-13"\n',
        "data/services.yaml:16: services[0].ended: expected a real calendar date, got '2020-13'",
    ),
    (
        "end date after the build",
        "services",
        "    status: active\n",
        '    status: ended\n    ended: "2999-01"\n',
        "data/services.yaml:16: services[0].ended: expected an end date not after the build "
        "date 2026-01-01, got '2999-01'",
    ),
]


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "expected"), ENDED_CASES, ids=[c[0] for c in ENDED_CASES]
)
def test_status_and_end_date_errors_name_the_line_and_have_a_hint(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    file: str,
    old: str,
    new: str,
    expected: str,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    problems = {str(p): p for p in _found(_root(tmp_path, file, old, new))}
    assert expected in problems
    assert hint_for(problems[expected]) != GUIDE


def _first_course_line(text: str, field: str) -> str:
    return next(line for line in text.splitlines(keepends=True) if line.strip().startswith(field))


def test_a_course_cannot_end_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    text = (FIXTURE / "courses.yaml").read_text(encoding="utf-8")
    start = _first_course_line(text, "start_date:")
    root = _root(tmp_path, "courses", start, start + '    status: ended\n    ended: "2001-01"\n')
    (problem,) = [p for p in _problems(root) if ".ended:" in p]
    assert problem.endswith(
        f"courses[0].ended: expected ended not before start_date "
        f"{start.split(':', 1)[1].strip().strip(chr(34))}, got '2001-01'"
    )


def test_an_ended_service_with_a_past_date_and_an_ended_course_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    root = _root(
        tmp_path, "services", "    status: active\n", '    status: ended\n    ended: "2020-06"\n'
    )
    ds = load_dataset(root)
    ended = [s for s in ds.services.values() if status_of(s) == "ended"]
    assert [s["ended"] for s in ended] == ["2020-06"]
