"""Search synonyms that editors keep (data/synonyms/<lang>.yaml): validation and effect.

Issue 17, point 2: at least 30 groups per language, validated with file:line messages
like every data file, written into each language's search/terms.json, and applied by the
search box so that a query with a reader's word finds every page the site's word finds.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browserkit import chromium, serve
from ici.check import run_check
from ici.problems import DataError
from ici.synonyms import load_synonyms
from langkit import strings_by_section
from langs import LANGS, PREFIX
from sitebuild import ROOT, Built, copy_project

FOLDER = ROOT / "data" / "synonyms"


def _groups(lang: str) -> list[dict[str, object]]:
    return yaml.safe_load((FOLDER / f"{lang}.yaml").read_text(encoding="utf-8"))["groups"]


# every built language, and the Ukrainian file written ahead of its pages
@pytest.mark.parametrize("lang", sorted({*PREFIX, "uk"}))
def test_each_language_has_30_groups_and_names_its_schema(lang: str) -> None:
    path = FOLDER / f"{lang}.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/synonyms.schema.json"
    groups = load_synonyms(ROOT)[lang]
    assert len(groups) >= 30
    assert sum(len(g.variants) for g in groups) >= 120
    json.loads((ROOT / "schemas" / "synonyms.schema.json").read_text(encoding="utf-8"))


def _problems(tmp_path: Path, name: str, text: str) -> list[str]:
    root = copy_project(tmp_path)
    (root / "data" / "synonyms" / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_synonyms(root)
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1
    problems = [str(p) for p in err.value.problems]
    lines = out.getvalue().splitlines()
    for problem in err.value.problems:
        # each problem with its "how to fix" on the next line
        hint = lines[lines.index(str(problem)) + 1]
        assert hint.startswith("    how to fix: ")
        if problem.code.startswith("synonyms."):
            assert hint.startswith("    how to fix: a search synonym group: `canonical` holds")
    return problems


BAD = """# yaml-language-server: $schema=../../schemas/synonyms.schema.json
groups:
  - canonical: legal advice
    variants: [lawyer, Legal Advice, attorney, ATTORNEY]
  - canonical: "residence:"
    variants: [visa]
  - canonical: residence
    variants: []
  - canonical: legal advice
    variants: [lawyer]
    kind: slang
"""


def test_bad_groups_fail_with_file_line_and_what_was_expected(tmp_path: Path) -> None:
    assert _problems(tmp_path, "en.yaml", BAD) == [
        "data/synonyms/en.yaml:5: groups[1].canonical: expected a word or phrase of 1 to 60 "
        'characters (no leading or trailing space, no , ; : " < > { } | * ?), '
        "got 'residence:'",
        "data/synonyms/en.yaml:8: groups[2].variants: expected at least 1 item(s), got a list",
        "data/synonyms/en.yaml:11: groups[3].kind: expected a kind: synonym, abbreviation, "
        "misspelling, transliteration, profession or everyday, got 'slang'",
    ]


def test_repeated_variants_fail_with_their_line(tmp_path: Path) -> None:
    text = "\n".join(BAD.splitlines()[:4] + BAD.splitlines()[8:10]) + "\n"
    assert _problems(tmp_path, "en.yaml", text) == [
        "data/synonyms/en.yaml:4: groups[0].variants[1]: expected a word other than the "
        "canonical, got 'Legal Advice'",
        "data/synonyms/en.yaml:4: groups[0].variants[3]: expected each variant once (any "
        "case), got 'ATTORNEY'",
        "data/synonyms/en.yaml:6: groups[1].variants[0]: expected each variant once per "
        "canonical, got 'lawyer' again (groups[0])",
    ]


def test_a_file_not_named_by_its_language_fails(tmp_path: Path) -> None:
    assert _problems(tmp_path, "russian.yaml", "groups: []\n") == [
        "data/synonyms/russian.yaml: expected a file named <language code>.yaml, e.g. ru.yaml"
    ]


def test_a_file_of_a_language_the_site_does_not_build_fails(tmp_path: Path) -> None:
    langs = ", ".join(LANGS)
    assert _problems(tmp_path, "de.yaml", "groups: []\n") == [
        f"data/synonyms/de.yaml: expected a file for a language of mkdocs.yml ({langs}), "
        "got 'de' (add the language to mkdocs.yml or rename the file)"
    ]


@pytest.mark.parametrize("lang", PREFIX)
def test_terms_file_holds_the_synonyms_places_and_region_values(site: Built, lang: str) -> None:
    data = json.loads((site.site / PREFIX[lang] / "search" / "terms.json").read_text("utf-8"))
    assert data["synonyms"] == [
        {"canonical": g["canonical"], "variants": g["variants"]} for g in _groups(lang)
    ]
    strings = strings_by_section()
    assert data["regions"]["latgale"] == strings["regions"]["latgale"][lang]
    places = {(p["name"], p["region"]) for p in data["places"]}
    # towns from the branches' addresses and course places, in every language
    assert {("Daugavpils", "latgale"), ("Даугавпилс", "latgale"), ("Rēzekne", "latgale")} <= places
    assert {("Liepāja", "kurzeme"), ("Лиепая", "kurzeme"), ("Cēsis", "vidzeme")} <= places
    # a case form no ending rule derives, from the glossary's forms: ("у Ризі")
    assert ("Ризі", "riga") in places


# Every canonical and every variant through the box's own search (search-engine.js):
# the variant's results hold every page the canonical's results hold.
COVERS = """async (groups) => {
  const ids = async (q) =>
    (await window.IciSearch.find(q)).hits.filter(h => !h.partial).map(h => h.id);
  const out = [];
  for (const g of groups) {
    const want = await ids(g.canonical);
    if (!want.length) { out.push([g.canonical, 'finds nothing']); continue; }
    for (const v of g.variants) {
      const got = new Set(await ids(v));
      const lost = want.filter(id => !got.has(id));
      if (lost.length) out.push([v, g.canonical, lost.length]);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser_and_base(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIX)
def test_a_readers_word_finds_what_the_sites_word_finds(
    browser_and_base: tuple[object, str], lang: str
) -> None:
    browser, base = browser_and_base
    page = browser.new_page()
    page.goto(base + PREFIX[lang])
    assert page.evaluate(COVERS, _groups(lang)) == []
    page.close()
