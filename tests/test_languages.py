"""One list of languages (mkdocs.yml) and interface strings that fall back to Latvian."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from ici.check import run_check
from ici.dataset import load_dataset
from ici.hints import hint_for
from ici.languages import LANGS, ConfigLoader, configured, english_name, parse_languages
from ici.problems import DataError
from ici.schema_check import with_languages
from ici.ui import load_strings, string_warnings, strings_file, used_keys
from langkit import with_language
from sitebuild import ROOT, copy_project


def _i18n_codes(path: Path) -> list[str]:
    # read the list independently of ici.languages: the order as written, default first
    text = path.read_text(encoding="utf-8")
    codes = re.findall(r"^ +- locale: (\S+)$", text, re.MULTILINE)
    default = re.search(r"- locale: (\S+)\n +default: true", text)
    assert default is not None
    return [default[1], *(c for c in codes if c != default[1])]


def test_the_language_list_is_mkdocs_yml_default_first() -> None:
    assert list(LANGS) == _i18n_codes(ROOT / "mkdocs.yml")
    assert LANGS[0] == "lv"
    assert "uk" in LANGS
    assert configured()[LANGS.index("uk")].name == "Українська"


def test_unknown_tags_in_mkdocs_yml_are_read_as_plain_values() -> None:
    text = """
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
site_dir: !ENV [SITE_DIR, site]
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          name: English
        - locale: lv
          name: Latviešu
          default: true
"""
    langs = parse_languages(yaml.load(text, Loader=ConfigLoader))
    assert [(lang.code, lang.default) for lang in langs] == [("lv", True), ("en", False)]


def test_a_language_that_is_not_built_is_not_the_sites() -> None:
    config = {
        "plugins": [
            {
                "i18n": {
                    "languages": [
                        {"locale": "lv", "default": True},
                        {"locale": "de", "build": False},
                        {"locale": "ru", "build": True},
                    ]
                }
            }
        ]
    }
    assert [lang.code for lang in parse_languages(config)] == ["lv", "ru"]  # langs: data


def test_a_config_without_languages_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"^x\.yml: expected plugins: i18n: languages, got none$"):
        parse_languages({"plugins": ["search"]}, "x.yml")


def test_the_schema_files_list_the_configured_languages() -> None:
    """The files in schemas/ name the languages for editors' autocompletion; validation
    builds the same properties from mkdocs.yml, so the two must agree."""
    docs = {p.name: json.loads(p.read_text("utf-8")) for p in (ROOT / "schemas").glob("*.json")}
    built = with_languages(docs, LANGS)
    assert (
        built["common.schema.json"]["$defs"]["text"] == docs["common.schema.json"]["$defs"]["text"]
    )
    assert built["glossary.schema.json"] == docs["glossary.schema.json"]
    text = docs["common.schema.json"]["$defs"]["text"]
    assert list(text["properties"]) == list(LANGS)
    assert text["required"] == ["lv"]
    assert english_name("uk") == "Ukrainian"


@pytest.fixture(scope="module")
def with_de(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy whose mkdocs.yml alone adds German."""
    root = copy_project(tmp_path_factory.mktemp("de"))
    config = root / "mkdocs.yml"
    config.write_text(with_language(config.read_text("utf-8"), "de", "Deutsch"), "utf-8")
    return root


def test_a_new_language_in_mkdocs_yml_is_a_text_language(with_de: Path) -> None:
    services = with_de / "data" / "services.yaml"
    text = services.read_text("utf-8")
    anchor = "      lv: Informācijas centrs imigrantiem\n"
    assert anchor in text
    services.write_text(text.replace(anchor, anchor + "      de: Informationszentrum\n", 1))
    ds = load_dataset(with_de)
    assert ds.organizations["ici"]["name"]["de"] == "Informationszentrum"
    services.write_text(text.replace(anchor, anchor + "      xx: Text\n", 1), "utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(with_de)
    line = text.splitlines().index(anchor.rstrip("\n")) + 2
    assert str(err.value.problems[0]) == (
        f"data/services.yaml:{line}: organizations[0].name.xx: unknown field, "
        "expected one of de, en, lv, ru, uk"
    )
    services.write_text(text, "utf-8")


def test_a_language_without_a_strings_file_falls_back(with_de: Path) -> None:
    strings = load_strings(with_de)
    assert strings.get("common.phone", "de") == strings.get("common.phone", "lv") == "Tālrunis"
    assert not strings.translated("common.phone", "de")
    assert (
        "data/strings/de.yaml: no de strings yet (the file is missing), the lv texts are shown"
        in [str(w) for w in string_warnings(strings)]
    )


def _strings_root(tmp_path: Path) -> Path:
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "data" / "strings", tmp_path / "data" / "strings")
    return tmp_path


def _edit(root: Path, lang: str, old: str, new: str) -> int:
    """Replace one line of a strings file; its 1-based line number."""
    path = root / strings_file(lang)
    lines = path.read_text("utf-8").split("\n")
    number = lines.index(old)
    lines[number] = new
    path.write_text("\n".join(lines), "utf-8")
    return number + 1


def test_a_missing_string_shows_latvian_and_is_a_warning(tmp_path: Path) -> None:
    root = _strings_root(tmp_path)
    _edit(root, "ru", "  phone: Телефон", "")
    section = (root / "data/strings/ru.yaml").read_text("utf-8").split("\n").index("common:") + 1
    strings = load_strings(root)
    assert strings.get("common.phone", "ru") == "Tālrunis"
    assert strings.get("common.email", "ru") == "Эл. почта"
    warning = f"data/strings/ru.yaml:{section}: common.phone: no ru text yet, the lv text is shown"
    found = {str(w): w for w in string_warnings(strings)}
    assert warning in found
    assert hint_for(found[warning]).startswith("translate the string into this language's file")


def test_an_unknown_key_in_a_translation_fails_with_file_and_key(tmp_path: Path) -> None:
    root = _strings_root(tmp_path)
    line = _edit(root, "en", "  phone: Phone", "  phonee: Phone")
    with pytest.raises(DataError) as err:
        load_strings(root)
    assert [str(p) for p in err.value.problems] == [
        f"data/strings/en.yaml:{line}: common.phonee: expected a key of data/strings/lv.yaml, "
        "got an unknown key (a typo, or a string the Latvian file no longer has)"
    ]


def test_a_used_key_missing_in_latvian_fails_with_where_it_is_used(tmp_path: Path) -> None:
    root = _strings_root(tmp_path)
    _edit(root, "lv", "  phone: Tālrunis", "")
    for lang in LANGS[1:]:
        path = root / strings_file(lang)
        if path.is_file():
            text = path.read_text("utf-8")
            path.write_text(re.sub(r"(?m)^  phone: .*\n", "", text), "utf-8")
    section = (root / "data/strings/lv.yaml").read_text("utf-8").split("\n").index("common:") + 1
    with pytest.raises(DataError) as err:
        load_strings(root)
    where = used_keys()["common.phone"]
    assert [str(p) for p in err.value.problems] == [
        f"data/strings/lv.yaml:{section}: common.phone: expected an interface string "
        f"(used in {where}), got nothing"
    ]
    with pytest.raises(KeyError, match=r"'common\.nope' is not in data/strings/lv\.yaml"):
        load_strings(ROOT).get("common.nope", "uk")


def test_a_strings_file_of_an_unconfigured_language_fails(tmp_path: Path) -> None:
    root = _strings_root(tmp_path)
    (root / "data/strings/fr.yaml").write_text("common:\n  phone: Téléphone\n", "utf-8")
    with pytest.raises(DataError) as err:
        load_strings(root)
    assert [str(p) for p in err.value.problems] == [
        "data/strings/fr.yaml:1: expected a file for a language of mkdocs.yml "
        f"({', '.join(LANGS)}), got 'fr' (add the language to mkdocs.yml or rename the file)"
    ]


def test_make_check_lists_missing_strings_and_passes(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _edit(root, "en", "  phone: Phone", "")
    out = io.StringIO()
    assert run_check(root, out) == 0
    lines = out.getvalue().splitlines()
    missing = [x for x in lines if x.startswith("warning: data/strings/en.yaml")]
    assert len(missing) == 1 and missing[0].endswith(
        ": common.phone: no en text yet, the lv text is shown"
    )
    total = len(load_strings(ROOT).table)
    assert f"    data/strings/en.yaml: 1 of {total} strings, the lv text is shown" in lines


def test_every_strings_file_keeps_its_schema_line() -> None:
    from ici.yamlfmt import STRINGS_LINE, _schema_line, tidy

    for lang in LANGS:
        path = ROOT / strings_file(lang)
        assert _schema_line(path) == STRINGS_LINE
        assert path.read_text("utf-8").split("\n")[0] == STRINGS_LINE
        assert (path.parent / STRINGS_LINE.split("=", 1)[1]).resolve().is_file()
    tidied, problems = tidy("common:\n  phone: Телефон\n", STRINGS_LINE)
    assert tidied.startswith(STRINGS_LINE + "\ncommon:\n") and not problems
