"""One term for one thing: data/glossary.yaml drives make check warnings and town names."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ici.check import find_warnings, run_check
from ici.glossary import build_glossary, load_glossary
from ici.problems import DataError
from sitebuild import ROOT, Built, copy_project

# the project's own pages and data (tests/conftest.py marks every test on a real build too)
pytestmark = pytest.mark.real_content

GLOSSARY = build_glossary(
    {
        "terms": [
            {
                "id": "ngo",
                "kind": "term",
                "lv": {"preferred": "NVO"},
                "ru": {"preferred": "НПО", "avoid": ["НКО", "НГО"], "allow": ["Центр НГО"]},
            },
            {
                "id": "riga",
                "kind": "place",
                "lv": {"preferred": "Rīga"},
                "ru": {"preferred": "Рига", "avoid": ["Rīga"]},
                "en": {"preferred": "Riga"},
            },
        ]
    }
)


def _found(text: str, lang: str = "ru") -> list[str]:
    return [found for _, found in GLOSSARY.variants(text, lang)]


def test_whole_words_in_any_case() -> None:
    assert _found("НКО и нго, НГО-сектор") == ["НКО", "нго", "НГО"]
    assert _found("НКОшный, ПНГО, rīgas") == []


def test_quoted_names_and_allowed_phrases_are_not_flagged() -> None:
    assert _found("общество «Платформа НГО» и “НКО”, Рижский Центр НГО") == []
    assert _found("«Rīgas nams» в Rīga") == ["Rīga"]


def test_only_the_texts_language_is_checked() -> None:
    assert _found("NGO НКО", "en") == []


def test_place_names_follow_the_pages_language() -> None:
    assert GLOSSARY.place("Rīga", "ru") == "Рига"
    assert GLOSSARY.place("Rīga", "en") == "Riga"
    assert GLOSSARY.place("Rīga", "lv") == "Rīga"
    assert GLOSSARY.place("Balvi", "ru") == "Balvi"  # no term: the Latvian name


def test_a_place_keeps_its_irregular_forms_of_every_language() -> None:
    glossary = build_glossary(
        {
            "terms": [
                {
                    "id": "riga",
                    "kind": "place",
                    "lv": {"preferred": "Rīga"},
                    "uk": {"preferred": "Рига", "forms": ["Ризі"]},
                    "ru": {"preferred": "Рига"},
                },
                {"id": "x", "kind": "term", "lv": {"preferred": "x", "forms": ["y"]}},
            ]
        }
    )
    assert glossary.place_forms == {"Rīga": ("Ризі",)}
    assert glossary.variants("офіс у Ризі", "uk") == []  # a form is no variant to avoid


def test_real_glossary_settles_ngo_languages_and_towns() -> None:
    glossary = load_glossary(ROOT)
    assert glossary.place_forms["Rīga"] == ("Ризі",)
    assert _preferred(glossary, "ru", "ngo") == "НПО"
    assert glossary.place("Daugavpils", "ru") == "Даугавпилс"
    assert glossary.place("Rīga", "en") == "Riga"
    assert glossary.place("Liepāja", "en") == "Liepāja"
    assert [f for _, f in glossary.variants("дари, фарси, пушту", "ru")] == ["фарси"]


def _preferred(glossary, lang: str, term: str) -> str:
    return next(u.preferred for u in glossary.usages[lang] if u.term == term)


def test_real_content_has_no_glossary_warnings_outside_the_events_file() -> None:
    # data/events.yaml belongs to the truth-data change (its 2017 records keep НГО there
    # until merged); everything else uses the preferred terms
    warnings = [w for w in find_warnings(ROOT) if "glossary" in str(w)]
    assert [str(w) for w in warnings if w.file != "data/events.yaml"] == []


def test_check_warns_with_file_line_variant_and_preferred_term(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    page = root / "docs" / "ru" / "guide" / "work.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nОбратитесь в НКО «Центр НГО» в Rīga.\n",
        encoding="utf-8",
    )
    line = len(page.read_text(encoding="utf-8").splitlines())
    strings = root / "data" / "strings" / "ru.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("Платформа диалога НПО", "Платформа диалога НКО"), "utf-8")
    sline = text.splitlines().index("  kind_platform_meeting: Платформа диалога НПО") + 1
    out = io.StringIO()
    assert run_check(root, out, status=False) == 0
    lines = out.getvalue().splitlines()
    assert (
        f"warning: docs/ru/guide/work.md:{line}: glossary ngo: expected 'НПО' in ru, got 'НКО'"
        in lines
    )
    assert (
        f"warning: docs/ru/guide/work.md:{line}: glossary riga: expected 'Рига' in ru, got 'Rīga'"
        in lines
    )
    assert not any("'НГО'" in x and "work.md" in x for x in lines)  # quoted name
    expected = (
        f"warning: data/strings/ru.yaml:{sline}: events.kind_platform_meeting: glossary ngo: "
        "expected 'НПО' in ru, got 'НКО'"
    )
    assert expected in lines
    hint = lines[lines.index(expected) + 1]
    assert hint.startswith("    how to fix: write the preferred word")


def test_a_bad_glossary_fails_with_its_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "data" / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("avoid: [НКО, НГО]", "avoid: НКО"), encoding="utf-8")
    line = text.splitlines().index("    ru: {preferred: НПО, avoid: [НКО, НГО]}") + 1
    with pytest.raises(DataError) as err:
        load_glossary(root)
    assert [str(p) for p in err.value.problems] == [
        f"data/glossary.yaml:{line}: terms[0].ru.avoid: expected a list, got 'НКО'"
    ]
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1


def test_glossary_file_names_its_schema() -> None:
    first = (ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/glossary.schema.json"
    json.loads((ROOT / "schemas" / "glossary.schema.json").read_text(encoding="utf-8"))


def test_russian_and_english_cards_name_towns_in_their_language(site: Built) -> None:
    for lang, town in (("ru", "Рига"), ("en", "Riga"), ("lv", "Rīga")):
        prefix = "" if lang == "lv" else f"{lang}/"
        page = site.html(f"{prefix}courses/mes-latvija-riga/index.html")
        text = page.css_first("article").text()
        assert f"{town} (" in text, lang
        if lang != "lv":
            assert "Rīga (" not in text


@pytest.mark.parametrize(
    ("forms", "got"),
    [
        ('["Ризі\\n"]', "U+000A"),
        ('["Ри\\u0007зі"]', "U+0007"),
        ("Ризі", "expected a list, got 'Ризі'"),
        ("[Ризі, Ризі]", "expected each item once"),
    ],
)
def test_a_bad_place_form_fails_with_its_line(tmp_path: Path, forms: str, got: str) -> None:
    root = copy_project(tmp_path)
    path = root / "data" / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    old = "forms: [Ризі]}"
    assert old in text
    path.write_text(text.replace(old, f"forms: {forms}}}"), encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if old in x)
    with pytest.raises(DataError) as err:
        load_glossary(root)
    problems = [str(p) for p in err.value.problems]
    assert problems and all(p.startswith(f"data/glossary.yaml:{line}: terms[") for p in problems)
    assert all(".uk.forms" in p for p in problems)
    assert any(got in p for p in problems), problems
