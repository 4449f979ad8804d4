"""Acceptance: a fifth language is a change to mkdocs.yml alone.

German (``de``) is added to a copy's ``plugins: i18n: languages`` with no interface
strings and no pages. The build is green, every page exists under ``/de/`` in Latvian with
the "not translated" notices, and the check lists what German lacks without failing.
"""

from __future__ import annotations

import io
import json

import pytest

from ici.check import run_check
from ici.ui import load_strings
from langkit import with_language
from pagefind_index import entry
from sitebuild import ROOT, Built, build, copy_project

LV = load_strings(ROOT)
PAGE_NOTICE = LV.get("common.page_not_translated", "lv")
TEXT_NOTICE = LV.get("common.not_translated", "lv")


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = copy_project(tmp_path_factory.mktemp("de"))
    config = root / "mkdocs.yml"
    config.write_text(with_language(config.read_text("utf-8"), "de", "Deutsch"), "utf-8")
    assert not (root / "data" / "strings" / "de.yaml").exists()
    assert not (root / "docs" / "de").exists()
    built = build(root)
    assert built.returncode == 0, built.output
    return built


@pytest.mark.parametrize("path", ["", "guide/work/", "register/", "about/"])
def test_every_page_is_built_in_latvian_with_the_notice(german: Built, path: str) -> None:
    doc = german.html(f"de/{path}index.html")
    assert doc.css_first("html").attributes["lang"] == "de"
    notice = doc.css_first(".ici-fallback")
    assert notice is not None and notice.text(strip=True) == PAGE_NOTICE
    # the interface words fall back to Latvian too
    assert doc.css_first(".ici-langs [aria-current=true]").text(strip=True) == "Deutsch"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("contacts/riga/", "ICI Rīgas birojs"),
        ("register/ici-legal-consultation/", "Juridiskās konsultācijas"),
        ("events/ngo-dialogue-platform-5/", "NVO Dialoga platformas piektā tikšanās"),
    ],
)
def test_record_texts_fall_back_with_their_notice(german: Built, path: str, title: str) -> None:
    doc = german.html(f"de/{path}index.html")
    assert doc.css_first("html").attributes["lang"] == "de"
    heading = doc.css_first("h1")
    assert heading.css_first('span[lang="lv"]').text(strip=True) == title
    assert heading.css_first(".ici-untranslated").text(strip=True) == f"({TEXT_NOTICE})"
    notes = [n.text(strip=True) for n in doc.css(".ici-untranslated")]
    assert all(n == f"({TEXT_NOTICE})" for n in notes)


def test_files_switch_and_search_cover_the_new_language(german: Built) -> None:
    site = german.site
    for rel in [
        "de/news/feed.xml",
        "de/events/events.ics",
        "de/contacts/riga.vcf",
        "de/data/services.json",
        "de/data/services.csv",
        "de/manifest.webmanifest",
        "de/sw.js",
    ]:
        assert (site / rel).is_file(), rel
    services = json.loads((site / "de/data/services.json").read_text("utf-8"))
    assert services[0]["name"] == "Juridiskās konsultācijas"
    switch = german.html("guide/work/index.html").css('a.ici-langs__link[hreflang="de"]')
    assert [a.attributes["href"] for a in switch] == ["../../de/guide/work/"]
    # a German index of the record pages; the hand-written Latvian fallbacks stay out of it
    counts = {lang: v["page_count"] for lang, v in entry(site)["languages"].items()}
    assert 0 < counts["de"] < counts["lv"]
    assert german.html("de/guide/work/index.html").css_first("[data-pagefind-body]") is None


def test_the_check_lists_what_the_new_language_lacks_and_passes(german: Built) -> None:
    out = io.StringIO()
    assert run_check(german.root, out) == 0
    lines = out.getvalue().splitlines()
    assert (
        "warning: data/strings/de.yaml: no de strings yet (the file is missing), "
        "the lv texts are shown"
    ) in lines
    missing = [x for x in lines if x.startswith("    docs/lv/guide/work.md:1: no ")]
    assert missing == ["    docs/lv/guide/work.md:1: no de page yet, the Latvian page is shown"]
