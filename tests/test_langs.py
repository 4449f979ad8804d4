"""The tests take their languages from mkdocs.yml, and no test names them by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from langs import DEFAULT_LANG, LANGS, OTHER_LANGS, PREFIX, ROOT, configured_languages

TESTS = Path(__file__).resolve().parent
# a line that names languages as data (the languages a service answers in), not the site's
ALLOW = "# langs: data"


def test_languages_are_the_i18n_plugin_list_default_first() -> None:
    assert LANGS[0] == DEFAULT_LANG == "lv"  # the project's default language
    assert set(OTHER_LANGS) == set(LANGS) - {DEFAULT_LANG}
    assert len(set(LANGS)) == len(LANGS) >= 2
    assert PREFIX[DEFAULT_LANG] == ""
    assert all(PREFIX[lang] == f"{lang}/" for lang in OTHER_LANGS)
    # every language has its content folder
    assert all((ROOT / "docs" / lang).is_dir() for lang in LANGS)


CONFIG = """\
site_name: x
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
plugins:
  - search
  - i18n:
      languages:
        - locale: ru
          build: true
        - locale: lv
          default: true
        - locale: de
          build: false
        - locale: uk
"""


def test_python_tags_are_ignored_and_the_default_comes_first(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    # a language with build: false is not built, so not tested
    assert configured_languages(config) == ("lv", "ru", "uk")


def test_an_inheriting_config_has_the_languages_of_its_parent(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(CONFIG, encoding="utf-8")
    child = tmp_path / "child" / "mkdocs.yml"
    child.parent.mkdir()
    child.write_text("INHERIT: ../base.yml\nsite_name: y\n", encoding="utf-8")
    assert configured_languages(child) == ("lv", "ru", "uk")
    # the demonstration site and the fixture site inherit the project's languages
    for config in (ROOT / "mkdocs-demo.yml", ROOT / "tests" / "fixtures" / "site" / "mkdocs.yml"):
        assert configured_languages(config) == LANGS


def test_a_config_without_the_i18n_plugin_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n", encoding="utf-8")
    with pytest.raises(LookupError, match="no i18n plugin"):
        configured_languages(config)


def _hand_named(source: str) -> list[int]:
    """Lines of tuple, list and set literals naming two or more languages (or their URL
    prefixes) by hand."""
    names = {*LANGS, *(f"{lang}/" for lang in LANGS), "lv", "ru", "en", "ru/", "en/"}
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Tuple | ast.List | ast.Set):
            continue
        named = [
            e.value
            for e in node.elts
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value in names
        ]
        if len(named) >= 2 and ALLOW not in lines[node.lineno - 1]:
            found.append(node.lineno)
    return found


def test_the_check_finds_hand_named_languages() -> None:
    assert _hand_named('for lang in ("lv", "ru", "en"):\n    pass\n') == [1]
    assert _hand_named('X = ["", "ru/", "en/"]\n') == [1]
    assert _hand_named('assert set(x) == {"lv", "en"}\n') == [1]
    # a mapping keyed by language (exact wording per language) is allowed, and so is data
    assert _hand_named('T = {"lv": "Rīga", "ru": "Рига", "en": "Riga"}\n') == []
    assert _hand_named(f'assert codes == ["lv", "ru"]  {ALLOW}\n') == []


def test_no_test_names_the_languages_by_hand() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name not in {"langs.py", "test_langs.py"}
        for line in _hand_named(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use tests/langs.py (LANGS, OTHER_LANGS, PREFIX) instead"
