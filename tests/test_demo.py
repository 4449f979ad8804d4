"""The demonstration site (``make demo``): example data apart from the real data."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from ici.check import run_check
from ici.dataset import load_dataset
from ici.examples import EXAMPLE_BASE, EXAMPLES, week_shift
from ici.problems import DataError
from langkit import strings_by_section
from langs import configured_languages
from sitebuild import ROOT, SOURCE_DATE_EPOCH, Built, build, copy_project

STRINGS = strings_by_section()
BANNER = STRINGS["common"]["demo_banner"]
EXAMPLE_IN_DATA = (
    "data/events.yaml:{line}: events[0].example: expected no example records in data/ "
    "(demonstration data lives in examples/), got example: true"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(copy_project(tmp_path_factory.mktemp("demo")), "-f", "mkdocs-demo.yml")
    assert built.returncode == 0, built.output
    return built


def _page_lang(built: Built, page: Path) -> str:
    return built.html(page.relative_to(built.site).as_posix()).css_first("html").attributes["lang"]


def test_every_demo_page_in_every_language_shows_the_banner(demo: Built) -> None:
    pages = demo.pages()
    langs = set()
    for page in pages:
        rel = page.relative_to(demo.site).as_posix()
        if rel.startswith("assets/") or rel.startswith("pagefind/"):
            continue
        lang = _page_lang(demo, page)
        banner = demo.html(rel).css(".md-banner .ici-demo-banner")
        assert [b.text(strip=True) for b in banner] == [BANNER[lang]], rel
        langs.add(lang)
    assert langs == set(configured_languages(ROOT / "mkdocs-demo.yml"))


def test_demo_lists_only_example_events_and_courses_and_they_are_upcoming(demo: Built) -> None:
    for listing in ("events", "courses"):
        ids = {p.parent.name for p in (demo.site / listing).glob("*/index.html") if p.parent.name}
        assert ids and all(i.startswith("example-") for i in ids), ids
    dataset = {
        p["id"]
        for p in yaml.safe_load((ROOT / EXAMPLES / "events.yaml").read_text("utf-8"))["events"]
    }
    built = {p.parent.name for p in (demo.site / "events").glob("*/index.html")}
    assert built == dataset
    # the first example Thursday is in the build's week or the next one, never in 2030
    page = demo.html("en/events/example-weekly-language-cafe/index.html")
    # what the reader sees (the open-now script's holiday list runs years ahead)
    article = page.css_first("article")
    assert "2030" not in article.text()
    assert all("2030" not in (t.attributes.get("datetime") or "") for t in article.css("time"))


def test_real_build_has_no_banner_and_no_example(site: Built) -> None:
    for rel in ("index.html", "ru/events/index.html", "en/courses/index.html"):
        assert site.html(rel).css(".ici-demo-banner") == []
    assert not list((site.site / "events").glob("example-*"))


def test_example_dates_move_by_whole_weeks_to_the_build_week(tmp_path: Path) -> None:
    now = datetime.fromtimestamp(SOURCE_DATE_EPOCH, UTC)  # Thursday 2026-01-01
    shift = week_shift(now)
    assert shift.days % 7 == 0
    assert (EXAMPLE_BASE + shift).weekday() == 0
    assert timedelta(0) <= now.date() - (EXAMPLE_BASE + shift) < timedelta(days=7)


def test_loaded_examples_keep_weekdays_and_move_until(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))
    ds = load_dataset(ROOT, EXAMPLES)
    cafe = ds.events["example-weekly-language-cafe"]
    assert cafe["start"] == "2026-01-01T18:00"  # the Thursday of the build week, 18:00
    assert ds.events["example-tuesday-consultations"]["rrule"] == (
        "FREQ=WEEKLY;UNTIL=20260224T235900"
    )
    assert all(r["id"].startswith("example-") for r in ds.courses.values())
    assert "example" not in cafe  # the marker is checked, then taken out


def _with_example_in_data(tmp_path: Path) -> tuple[Path, int]:
    root = copy_project(tmp_path)
    events = root / "data" / "events.yaml"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("  - id:"))
    lines.insert(first + 1, "    example: true\n")
    events.write_text("".join(lines), encoding="utf-8")
    return root, first + 2


def test_example_record_in_data_fails_check_and_build(tmp_path: Path) -> None:
    root, line = _with_example_in_data(tmp_path)
    expected = EXAMPLE_IN_DATA.format(line=line)
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1
    text = out.getvalue()
    assert f"{expected}\n    how to fix: demonstration records belong in examples/" in text
    built = build(root)
    assert built.returncode != 0
    assert f"{expected}\n    how to fix: demonstration records belong in examples/" in built.output


def test_example_record_without_marker_fails_check(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    courses = root / EXAMPLES / "courses.yaml"
    text = courses.read_text(encoding="utf-8")
    courses.write_text(text.replace("    example: true\n", "", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(root, EXAMPLES)
    line = text.splitlines().index("  - id: example-latvian-a1-open") + 1
    assert [str(p) for p in err.value.problems] == [
        f"examples/courses.yaml:{line}: courses[0]: expected example: true on every record "
        "in examples/, got nothing"
    ]
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1
    assert "how to fix: add example: true to the record" in out.getvalue()


def test_review_and_source_dates_of_examples_move_too() -> None:
    from ici.examples import shift_dates
    from ici.yamlsource import Source

    rec = {
        "start_date": "2030-01-07",
        "ended": "2030-02",  # a month only: left as written
        "last_reviewed": "2030-01-06",
        "sources": [{"title": "t", "publisher": "p", "published": "2030-01-01"}],
    }
    shift_dates(Source("examples/courses.yaml", {"courses": [rec]}), "courses", timedelta(weeks=-1))
    assert rec == {
        "start_date": "2029-12-31",
        "ended": "2030-02",
        "last_reviewed": "2029-12-30",
        "sources": [{"title": "t", "publisher": "p", "published": "2029-12-25"}],
    }
