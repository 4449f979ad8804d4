"""The fixture site's pages and exports match tests/golden/ (``make golden`` updates them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from golden import EXPORTS, GOLDEN, PAGES, compare, normalise, page_text
from langs import LANGS, PREFIX
from sitebuild import Built


def test_pages_and_exports_match_the_golden_files(
    small_site: Built, request: pytest.FixtureRequest
) -> None:
    update = request.config.getoption("--update-golden")
    problems = compare(small_site.site, update=update)
    assert problems == [], "\n\n".join(problems)


def test_every_language_has_a_golden_file_of_each_page_kind_and_export() -> None:
    for lang in LANGS:
        for name in [f"{kind}.html.txt" for kind in PAGES] + [*EXPORTS, "jsonld.json"]:
            assert (GOLDEN / lang / name).is_file(), f"{lang}/{name}: make golden"


def test_the_fixture_site_has_each_kind_of_record(small_site: Built) -> None:
    for lang in LANGS:
        prefix = PREFIX[lang]
        ended = small_site.html(f"{prefix}register/interpreters/index.html")
        assert ended.css_first("[data-ici-ended-notice]") is not None
        # the partial date shows the month only, never a made-up day or time
        assert "T" not in small_site.html(f"{prefix}events/meeting/index.html").css_first(
            "time"
        ).attributes.get("datetime", "T")
    # English has no guide page of its own: the Latvian text with the fallback notice
    assert small_site.html("en/guide/work/index.html").css_first(".ici-fallback") is not None


def test_normalising_hides_hashes_and_keeps_the_text() -> None:
    assert normalise("assets/ici.523a25e80d.js workers/search.a7633da7.min.js") == (
        "assets/ici.HASH.js workers/search.HASH.min.js"
    )
    assert normalise('"version": "4b9a043e6531d95e" ici-lv-pre-6c23b3ee878edad7') == (
        '"version": "HASH" ici-lv-pre-HASH'
    )
    # words, dates, phone numbers, numbers and the records' stable UUIDs stay as they are
    kept = "deadbeef 2026-03-29 +371 25565098 12345678 0c6f1a2b-4815-55d1-882b-1d2e3f4a5b6c"
    assert normalise(kept) == kept
    html = (
        '<html lang="ru"><head><title>T</title></head><body><article><h1>A</h1>'
        '<script type="application/ld+json">{"x": 1}</script></article></body></html>'
    )
    text = page_text(html)
    assert text.startswith("lang: ru\ntitle: T\n")
    assert '"x"' not in text and "<h1>A</h1>" in text


def test_a_changed_output_shows_a_diff(small_site: Built, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(small_site.site, copy)
    page = copy / "register" / "legal" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Konsultācijas", "Konsultacijas"))
    (copy / "ru" / "contacts" / "riga.vcf").unlink()
    problems = compare(copy)
    assert any(p.startswith("--- golden/lv/service.html.txt") for p in problems), problems
    assert any("+" in line and "Konsultacijas" in line for p in problems for line in p.split("\n"))
    assert any("+[not written: ru/contacts/riga.vcf]" in p for p in problems), problems
    assert len(problems) == 2


def test_tests_on_the_real_project_are_marked_and_these_are_not(
    request: pytest.FixtureRequest,
) -> None:
    from conftest import REAL_BUILDS

    items = request.session.items
    real = [i for i in items if REAL_BUILDS & set(getattr(i, "fixturenames", ()))]
    assert all(i.get_closest_marker("real_content") for i in real)
    here = [i for i in items if i.path == request.node.path]
    assert here and not any(i.get_closest_marker("real_content") for i in here)
