"""Shared fixtures: one build of the real project per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hostilekit import make_base
from ici.context import RenderContext
from ici.dataset import Dataset
from ici.ui import load_strings
from sitebuild import Built, build_copy, shared_build


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Close the browser the browser tests shared (``browserkit.chromium``), if one ran."""
    browserkit = sys.modules.get("browserkit")
    if browserkit is not None:
        browserkit.shutdown()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write tests/golden/ anew from the fixture site (tests/test_golden.py)",
    )


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small fixture site (tests/fixtures/site/), built once into a temporary folder."""
    from golden import build_fixture_site

    built = shared_build(tmp_path_factory.getbasetemp(), "small-site", build_fixture_site)
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real content and data, built once into a temporary folder."""
    built = shared_build(tmp_path_factory.getbasetemp(), "site", build_copy)
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with synthetic data at a small N and small page sizes (tests/scalekit.py)."""
    from scalekit import build_scaled

    built = shared_build(tmp_path_factory.getbasetemp(), "scaled", build_scaled)
    assert built.returncode == 0, built.output
    return built


LISTINGS = Path(__file__).parent / "fixtures" / "listings"


def listing_files() -> dict[str, str | None]:
    """``data/events.yaml`` and ``data/courses.yaml`` replaced by the test fixtures.

    The real data holds only the 2017 entries its sources support; upcoming, repeating,
    moved and cancelled events and open or full courses are shown with these fixtures.
    """
    return {
        f"data/{name}.yaml": (LISTINGS / f"{name}.yaml").read_text(encoding="utf-8")
        for name in ("events", "courses")
    }


@pytest.fixture(scope="session")
def listings(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real project with the fixture events and courses, built on 1 January 2026."""
    built = shared_build(
        tmp_path_factory.getbasetemp(), "listings", lambda d: build_copy(d, listing_files())
    )
    assert built.returncode == 0, built.output
    return built


def listing_dataset(dest: Path):
    """The dataset of a project copy with the fixture events and courses, as built on
    1 January 2026 (the fixtures' future dates need a source from the 12 months before)."""
    from sitebuild import SOURCE_DATE_EPOCH, copy_project, dataset_on

    return dataset_on(copy_project(dest, listing_files()), SOURCE_DATE_EPOCH)


OFFICE_HOURS_YAML = (
    '    schedules:\n      - {byday: [MO, TU, WE, TH, FR], opens_at: "09:00", closes_at: "17:00"}\n'
)


@pytest.fixture(scope="session")
def office_hours(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with opening hours (fixtures: no source gives any, only the phones'
    hours) on the Riga office, the Latgale contact point and ICI's legal consultations."""
    from sitebuild import ROOT

    contacts = (ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8")
    anchor = "    skype: PatverumsDM\n"
    assert anchor in contacts
    contacts = contacts.replace(anchor, anchor + OFFICE_HOURS_YAML, 1)
    latgale = contacts.index("  - id: latgale")
    at = contacts.index("    sources:\n", latgale)
    contacts = contacts[:at] + OFFICE_HOURS_YAML + contacts[at:]
    services = (ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    start = services.index("  - id: ici-legal-consultation")
    at = services.index("    sources:\n", start)
    services = services[:at] + OFFICE_HOURS_YAML + services[at:]
    files = {"data/contacts.yaml": contacts, "data/services.yaml": services}
    built = shared_build(
        tmp_path_factory.getbasetemp(), "office-hours", lambda d: build_copy(d, files)
    )
    assert built.returncode == 0, built.output
    return built


# pages removed from one translation: each then falls back to the Latvian text
UNTRANSLATED = (
    "docs/ru/news/ici-figures-20-months.md",
    "docs/en/guide/work.md",
    "docs/en/contacts/index.md",
    "docs/uk/guide/work.md",
)


@pytest.fixture(scope="session")
def untranslated(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with a news item, a guide page and a list page left untranslated (one
    build for the fallback tests of test_news, test_content and test_site_build)."""
    files: dict[str, str | None] = dict.fromkeys(UNTRANSLATED)
    built = shared_build(
        tmp_path_factory.getbasetemp(), "untranslated", lambda d: build_copy(d, files)
    )
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def hostile_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy that hostile-input cases (tests/hostilekit.py) are cloned from."""
    return make_base(tmp_path_factory.mktemp("hostile") / "base")


def render_context(ds: Dataset, lang: str) -> RenderContext:
    """The render context the build hands to views and exports, for a loaded dataset."""
    assert ds.root is not None
    return RenderContext(ds, load_strings(ds.root), lang)


# builds of the real project: a test that uses one checks the real content
REAL_BUILDS = {"site", "listings", "office_hours", "untranslated", "hostile_base"}


# The modules that take longest (``pytest --durations``), run first: pytest-xdist hands a
# worker the next module when it is free (``--dist loadfile``), so a long module at the end
# of the alphabet kept one core busy while the other had nothing left to do.
LONGEST_FIRST = (
    "test_hostile_data.py",
    "test_accessibility.py",
    "test_search_hidden.py",
    "test_search_browser.py",
    "test_listing_scale.py",
    "test_offline_browser.py",
    "test_serve_dirty.py",
    "test_safe_urls.py",
    "test_xss.py",
    "test_hostile_markdown.py",
    "test_content.py",
    "test_check_command.py",
    "test_ended.py",
    "test_browser_trust.py",
    "test_provenance.py",
    "test_phone_browser.py",
    "test_search_help.py",
    "test_status_page.py",
    "test_validation_phase.py",
    "test_search_index.py",
    "test_bench_synthetic.py",
    "test_hostile_browser.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``real_content`` every test that uses a build or copy of the real project, and
    put the longest modules first (the order is stable otherwise)."""
    for item in items:
        if REAL_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_content)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
