"""Latvia's days off for the "open now" badge come from the ``holidays`` package."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ici.context import RenderContext
from ici.dataset import load_dataset
from ici.holiday_days import holiday_days
from ici.ui import load_strings
from ici.views.contacts import badge_strings
from sitebuild import ROOT, Built


def test_the_js_fixture_is_what_the_build_gives() -> None:
    # tests/js/opening-hours.test.js reads this file: it must not drift from the package
    fixture = json.loads((ROOT / "tests" / "js" / "holidays-lv-2024.json").read_text())
    assert holiday_days(datetime(2024, 6, 1, tzinfo=UTC)) == fixture


def test_one_off_and_moved_days_off_are_in_the_list() -> None:
    days = holiday_days(datetime(2025, 3, 1, tzinfo=UTC))
    assert sorted(days) == ["2024", "2025", "2026", "2027", "2028", "2029"]
    assert "05-02" in days["2025"].split() and "11-17" in days["2025"].split()
    assert "01-02" in days["2026"].split()
    assert "05-03" not in days["2025"].split()
    older = holiday_days(datetime(2024, 1, 1, tzinfo=UTC))["2023"].split()
    assert {"05-29", "07-10"} <= set(older)


def test_the_badge_strings_carry_the_days_off_of_the_build_years() -> None:
    built = datetime(2026, 1, 1, tzinfo=UTC)
    ds = load_dataset(ROOT)
    ds.built_at = built
    data = badge_strings(RenderContext(ds, load_strings(ROOT), "lv"))
    assert data["holidays"] == holiday_days(built)
    assert len(json.dumps(data["holidays"])) < 1000  # in every page's footer: keep it small


def test_every_page_gives_the_badge_script_the_days_off(site: Built) -> None:
    # the test build's "now" is 2026-01-01 (SOURCE_DATE_EPOCH)
    for page in ("index.html", "en/contacts/riga/index.html"):
        node = site.html(page).css_first("script#ici-hours-strings")
        assert node is not None, page
        days = json.loads(node.text())["holidays"]
        assert sorted(days) == [str(y) for y in range(2025, 2031)]
        assert "01-02" in days["2026"].split()
