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

# earlier runs' temporary folders go while this run's tests run, not after them
pytest_plugins = ["oldruns"]


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


# a course of 2017 whose registration the listing fixtures leave open
FORGOTTEN_OPEN = "mes-latvija-riga"


def listing_files() -> dict[str, str | None]:
    """``data/events.yaml`` and ``data/courses.yaml`` replaced by the test fixtures.

    The real data holds only the 2017 entries its sources support; upcoming, repeating,
    moved and cancelled events and open or full courses are shown with these fixtures.
    One course is over with its registration still open (FORGOTTEN_OPEN): an editor's
    slip the site must never show as open.
    """
    files = {
        f"data/{name}.yaml": (LISTINGS / f"{name}.yaml").read_text(encoding="utf-8")
        for name in ("events", "courses")
    }
    text = files["data/courses.yaml"]
    start = text.index(f"  - id: {FORGOTTEN_OPEN}\n")
    end = text.index("registration_status: closed", start)
    rest = text[end + len("registration_status: closed") :]
    files["data/courses.yaml"] = text[:end] + "registration_status: open" + rest
    return files


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


OFFICE_GEO_YAML = "    geo: {lat: 56.9515, lon: 24.1365}\n"
SOURCE_NOTE = 'note: "vietnes galvenē, kopā ar 2017. gada 13. oktobra ziņu"'
ESCAPED_NOTE = 'note: "vietnes galvenē & x"'


@pytest.fixture(scope="session")
def office_hours(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with opening hours (fixtures: no source gives any, only the phones'
    hours) on the Riga office, the Latgale contact point and ICI's legal consultations,
    a position (OFFICE_GEO_YAML) on the Riga office, and a source note to escape
    (ESCAPED_NOTE)."""
    from sitebuild import ROOT

    contacts = (ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8")
    anchor = "    skype: PatverumsDM\n"
    assert anchor in contacts
    contacts = contacts.replace(anchor, anchor + OFFICE_HOURS_YAML, 1)
    # no source gives a position either: the Riga office gets one, for its map link
    riga = contacts.index("  - id: riga\n")
    at = contacts.index("    region: riga\n", riga) + len("    region: riga\n")
    contacts = contacts[:at] + OFFICE_GEO_YAML + contacts[at:]
    latgale = contacts.index("  - id: latgale")
    at = contacts.index("    sources:\n", latgale)
    contacts = contacts[:at] + OFFICE_HOURS_YAML + contacts[at:]
    services = (ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    start = services.index("  - id: ici-legal-consultation")
    at = services.index("    sources:\n", start)
    services = services[:at] + OFFICE_HOURS_YAML + services[at:]
    # a source note with an ampersand, to be shown escaped
    assert SOURCE_NOTE in contacts
    contacts = contacts.replace(SOURCE_NOTE, ESCAPED_NOTE, 1)
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
# a data text removed from one translation: (file, record id, the removed line)
UNTRANSLATED_TEXTS = (
    (
        "data/services.yaml",
        "ici-psychologist",
        "      ru: ICI предлагал бесплатные консультации психолога",
    ),
    ("data/contacts.yaml", "riga", "      en: ICI Riga office\n"),
)
# the branch whose review is overdue: reviewed on REVIEWED, with a source of that day
OVERDUE, REVIEWED = "riga", "2024-12-31"


def _record_span(text: str, rid: str) -> tuple[int, int]:
    start = text.index(f"  - id: {rid}\n")
    end = text.find("\n  - id: ", start + 1)
    return start, len(text) if end < 0 else end + 1


def _without_line(text: str, rid: str, line: str) -> str:
    """``text`` without the first line of record ``rid`` that starts with ``line``."""
    start, end = _record_span(text, rid)
    lines = text[start:end].splitlines(keepends=True)
    [i] = [i for i, old in enumerate(lines) if old.startswith(line)]
    del lines[i]
    return text[:start] + "".join(lines) + text[end:]


def _overdue(text: str) -> str:
    """contacts.yaml with OVERDUE last reviewed on REVIEWED (over 12 months before the
    tests' build date, 2026-01-01) and a source of that day."""
    start, end = _record_span(text, OVERDUE)
    block = text[start:end]
    assert 'last_reviewed: "2018-01-01"' in block and "    sources:\n" in block
    block = block.replace('last_reviewed: "2018-01-01"', f'last_reviewed: "{REVIEWED}"', 1)
    block = block.replace(
        "    sources:\n",
        f'    sources:\n      - {{title: Zvans, publisher: ICI, published: "{REVIEWED}"}}\n',
        1,
    )
    return text[:start] + block + text[end:]


def untranslated_files() -> dict[str, str | None]:
    """The changed files of the ``untranslated`` build."""
    from sitebuild import ROOT

    files: dict[str, str | None] = dict.fromkeys(UNTRANSLATED)
    for rel, rid, line in UNTRANSLATED_TEXTS:
        text = files.get(rel) or (ROOT / rel).read_text(encoding="utf-8")
        files[rel] = _without_line(text, rid, line)
    files["data/contacts.yaml"] = _overdue(files["data/contacts.yaml"] or "")
    return files


@pytest.fixture(scope="session")
def untranslated(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with gaps for editors to fill, in one build for the fallback tests
    (test_news, test_content, test_site_build, test_register, test_ukrainian) and the
    status page's (test_status_page): the pages of UNTRANSLATED removed, the data texts
    of UNTRANSLATED_TEXTS removed, and the review of OVERDUE overdue."""
    built = shared_build(
        tmp_path_factory.getbasetemp(),
        "untranslated",
        lambda d: build_copy(d, untranslated_files()),
    )
    assert built.returncode == 0, built.output
    return built


def current_services_yaml() -> str:
    """services.yaml with every ended service current again (its status and end removed)."""
    from sitebuild import ROOT

    text = (ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if line.strip() != "status: ended" and not line.strip().startswith("ended: ")
    )


@pytest.fixture(scope="session")
def current_services(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with ICI's services current again: the real ones ended in 2020, and
    only they have a contact point in every region and an information line to call."""
    built = shared_build(
        tmp_path_factory.getbasetemp(),
        "current-services",
        lambda d: build_copy(d, {"data/services.yaml": current_services_yaml()}),
    )
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def extra_pages(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real content with the search tests' pages added (tests/extra_pages.py)."""
    from extra_pages import EXTRA_PAGES

    built = shared_build(
        tmp_path_factory.getbasetemp(), "extra-pages", lambda d: build_copy(d, EXTRA_PAGES)
    )
    assert built.returncode == 0, built.output
    return built


# a rebuild with one kept page of the default language changed (the offline reading's
# precache holds it) and one page that no worker keeps (a news item)
EDITED_KEPT = ("docs/lv/guide/residence.md", "Offline update marker 7f3a")
EDITED_UNKEPT = ("docs/en/news/ici-continues-2018-2020.md", "One more sentence for this test")


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real project rebuilt with a sentence added to EDITED_KEPT's and EDITED_UNKEPT's
    pages (the offline tests' next build)."""
    from sitebuild import ROOT

    files = {
        rel: (ROOT / rel).read_text(encoding="utf-8") + f"\n{sentence}.\n"
        for rel, sentence in (EDITED_KEPT, EDITED_UNKEPT)
    }
    built = shared_build(tmp_path_factory.getbasetemp(), "edited", lambda d: build_copy(d, files))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project with a payload in every data text and hostile Markdown in three pages
    (tests/hostile_site.py), built once for the XSS tests."""
    from hostile_site import build_hostile_site

    built = shared_build(tmp_path_factory.getbasetemp(), "hostile-site", build_hostile_site)
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
REAL_BUILDS = {
    "site",
    "listings",
    "office_hours",
    "untranslated",
    "hostile_base",
    "hostile_site",
    "current_services",
    "extra_pages",
    "edited",
}


# The modules that take longest (summed test time of ``pytest --durations`` runs), run
# first: pytest-xdist hands a worker the next module when it is free (``--dist loadfile``,
# with ``--no-loadscope-reorder``: else it orders modules by their number of tests), so a
# long module at the end kept one core busy while the other had nothing left to do. The
# hostile-data module comes first: it needs no build, while the next ones wait for the
# shared build of the real project.
LONGEST_FIRST = (
    "test_hostile_data.py",
    "test_accessibility.py",
    "test_search_browser.py",
    "test_listing_scale.py",
    "test_serve_dirty.py",
    "test_offline_browser.py",
    "test_xss.py",
    "test_search_hidden.py",
    "test_phone_browser.py",
    "test_browser_trust.py",
    "test_search_help.py",
    "test_safe_urls.py",
    "test_validation_phase.py",
    "test_content.py",
    "test_hostile_markdown.py",
    "test_vnu.py",
    "test_check_command.py",
    "test_search_index.py",
    "test_ended.py",
    "test_demo.py",
    "test_provenance.py",
    "test_register_scale.py",
    "test_new_language.py",
    "test_contributing.py",
    "test_ukrainian_browser.py",
    "test_status_page.py",
    "test_search_synonyms.py",
    "test_new_kind.py",
    "test_build_dates.py",
    "test_offline.py",
    "test_reproducible.py",
    "test_events_browser.py",
    "test_loader_fuzz.py",
    "test_ended_browser.py",
    "test_offline_install.py",
    "test_register_browser.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``real_content`` every test that uses a build or copy of the real project, and
    put the longest modules first (the order is stable otherwise)."""
    for item in items:
        if REAL_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_content)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
