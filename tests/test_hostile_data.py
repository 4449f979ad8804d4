"""Malformed and hostile data: every case ends in a located message or a safe build.

Each case (``tests/hostile_cases.py``) runs the check (``ici.check``) on a mutated copy of
the project in a child process limited to 1 GB and 10 s (``tests/hostilekit.py``), two at
a time; the cases whose build path differs also run ``python -m ici.check`` and
``mkdocs build`` as an editor would.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from hostile_cases import CASES, NEWS, SVC
from hostile_cases_news import BUILD_FAIL_CASES, NEWS_CASES, STRING_CASES
from hostile_cases_values import VALUE_CASES
from hostilekit import (
    TIMEOUT,
    Case,
    Outcome,
    apply,
    assert_outcome,
    chain,
    replace_line,
    run_build,
    run_check,
    run_checks,
    run_limited,
)

CHECK_CASES = [*CASES, *VALUE_CASES, *NEWS_CASES, *STRING_CASES]


@pytest.fixture(scope="session")
def base(hostile_base: Path) -> Path:
    return hostile_base


@pytest.fixture(scope="session")
def check_outcomes(base: Path) -> dict[str, Outcome]:
    """Every check case's outcome, two at a time (the machine has two cores)."""
    roots = [apply(base, base.parent / case.name, case.files) for case in CHECK_CASES]
    outcomes = run_checks(roots, base=base)
    return {case.name: outcome for case, outcome in zip(CHECK_CASES, outcomes, strict=True)}


def test_the_corpus_is_large_and_covers_every_file() -> None:
    cases = [*CHECK_CASES, *BUILD_FAIL_CASES]
    assert len(cases) >= 120
    assert len({c.name for c in cases}) == len(cases)
    touched = {f for c in cases for f in c.files}
    for name in ("services", "contacts", "events", "courses", "figures", "strings/lv"):
        assert f"data/{name}.yaml" in touched
    assert any(f.startswith("docs/lv/news/") for f in touched)


@pytest.mark.parametrize("case", CHECK_CASES, ids=lambda c: c.name)
def test_check(case: Case, check_outcomes: dict[str, Outcome]) -> None:
    assert_outcome(case, check_outcomes[case.name])


@pytest.mark.parametrize("case", BUILD_FAIL_CASES, ids=lambda c: c.name)
def test_build_fails_cleanly(case: Case, base: Path) -> None:
    root = apply(base, base.parent / case.name, case.files)
    assert_outcome(case, run_check(root))
    # the build stops at loading the data, well within the same limits
    assert_outcome(case, run_build(root, timeout=TIMEOUT))


FORMULAS = {
    "name": '=HYPERLINK("http://evil.example/","click")',
    "description": "@SUM(1+1)*cmd|' /C calc'!A0",
    "fees": "-2+3",
}


def test_formulas_and_a_bom_build_safely(base: Path) -> None:
    """A spreadsheet formula in texts and a news file with a BOM: a correct, safe build."""
    texts = chain(
        replace_line("      lv: Juridiskās konsultācijas", f"      lv: '{FORMULAS['name']}'"),
        replace_line("      lv: ICI konsultanti sniedza", f'      lv: "{FORMULAS["description"]}"'),
        replace_line("      lv: Bez maksas.", f"      lv: '{FORMULAS['fees']}'"),
    )
    case = Case("safe-build", {SVC: texts, NEWS: lambda t: "\ufeff" + t}, None)
    root = apply(base, base.parent / case.name, case.files)
    assert_outcome(case, run_check(root))
    outcome = run_build(root)
    assert_outcome(case, outcome, limit=None)
    raw = (root / "site" / "data" / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs stays
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    row = next(r for r in rows if r["id"] == "ici-legal-consultation")
    assert row["name"] == "'" + FORMULAS["name"]
    assert row["description"] == "'" + FORMULAS["description"]
    assert row["fees"] == "'" + FORMULAS["fees"]
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # the other exports keep the text as it is: only a spreadsheet reads formulas
    data = json.loads((root / "site" / "data" / "services.json").read_bytes())
    assert any(item["name"] == FORMULAS["name"] for item in data)
    # the news item saved with a BOM is listed and has its page and feed entry
    page = HTMLParser((root / "site" / "news" / "index.html").read_text(encoding="utf-8"))
    titles = [a.text(strip=True) for a in page.css("a")]
    assert "Notikusi NVO Dialoga platformas piektā sanāksme" in titles
    feed = (root / "site" / "news" / "feed.xml").read_text(encoding="utf-8")
    assert "Notikusi NVO Dialoga platformas piektā sanāksme" in feed


def test_the_harness_stops_a_hang_and_a_memory_hog(tmp_path: Path) -> None:
    hang = run_limited([sys.executable, "-c", "while True: pass"], tmp_path, timeout=1.0)
    assert hang.returncode == -999 and "timed out" in hang.output
    hog = run_limited([sys.executable, "-c", "b = bytearray(2 << 30)"], tmp_path)
    assert hog.returncode == 1 and "MemoryError" in hog.output
    case = Case("x", {}, "data/x.yaml", "expected")
    for outcome in (hang, hog):
        with pytest.raises(AssertionError):
            assert_outcome(case, outcome)
