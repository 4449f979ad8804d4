"""The site's languages: the ``plugins: i18n: languages`` list of the project's mkdocs.yml.

That list is the only place languages are named. The default language comes first (Latvian
on this site); the others follow in the order mkdocs.yml gives them. Adding a language is
a change to mkdocs.yml plus its interface strings (``data/strings/<lang>.yaml``) and its
content (``docs/<lang>/``); everything else takes the list from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path as FsPath
from typing import Any

import yaml
from babel import Locale

PROJECT_ROOT = FsPath(__file__).resolve().parents[2]
CONFIG_FILE = "mkdocs.yml"


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads mkdocs.yml's ``!!python/name:`` and ``!ENV`` tags as plain
    values: only the language list is needed, and nothing in the file is executed."""


def _untagged(loader: ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


ConfigLoader.add_multi_constructor("", _untagged)


@dataclass(frozen=True)
class Language:
    """One configured language: its code, its own name and whether it is the default."""

    code: str
    name: str
    default: bool


class LanguageConfigError(ValueError):
    """mkdocs.yml has no usable language list."""


def parse_languages(config: Any, where: str = CONFIG_FILE) -> tuple[Language, ...]:
    """The languages of a parsed mkdocs.yml that the i18n plugin builds, the default first
    (a language with ``build: false`` is configured but not built, so not ours)."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    entries: Any = None
    for plugin in plugins or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages")
    if isinstance(plugins, dict) and isinstance(plugins.get("i18n"), dict):
        entries = plugins["i18n"].get("languages")
    if not isinstance(entries, list) or not entries:
        raise LanguageConfigError(f"{where}: expected plugins: i18n: languages, got none")
    found: list[Language] = []
    for entry in entries:
        code = entry.get("locale") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code:
            raise LanguageConfigError(f"{where}: expected a locale in every i18n language")
        if entry.get("build", True) is False:
            continue
        found.append(Language(code, str(entry.get("name") or code), entry.get("default") is True))
    defaults = [lang for lang in found if lang.default] or found[:1]
    return (defaults[0], *(lang for lang in found if lang is not defaults[0]))


@cache
def configured(root: FsPath = PROJECT_ROOT) -> tuple[Language, ...]:
    """The languages of ``root/mkdocs.yml``, the default first (read once per project).

    A folder without mkdocs.yml (a data folder checked on its own) has these hooks' languages.
    """
    path = root / CONFIG_FILE
    if not path.is_file() and root != PROJECT_ROOT:
        return configured(PROJECT_ROOT)
    found = _languages_in(path.read_text(encoding="utf-8"), path.name)
    if isinstance(found, str):
        # MkDocs' configuration inheritance: the plugins, and so the languages, come from
        # the parent file (a test fixture or a demo site that extends the project's)
        return configured((path.parent / found).resolve().parent)
    return found


# copies of one project (the check of each hostile-input case, ``make check`` after a
# build) share the reading of the same mkdocs.yml text: YAML in Python is slow
@lru_cache(maxsize=16)
def _languages_in(text: str, name: str) -> tuple[Language, ...] | str:
    """The languages a mkdocs.yml's ``text`` gives, or the parent file it inherits them from."""
    config = yaml.load(text, Loader=ConfigLoader)
    parent = config.get("INHERIT") if isinstance(config, dict) else None
    if isinstance(parent, str) and "plugins" not in config:
        return parent
    return parse_languages(config, name)


def languages(root: FsPath | None = None) -> tuple[str, ...]:
    """The language codes of the project in ``root`` (these hooks' own by default)."""
    return tuple(lang.code for lang in configured(FsPath(root) if root else PROJECT_ROOT))


LANGS: tuple[str, ...] = languages()
DEFAULT_LANG: str = LANGS[0]
TRANSLATIONS: tuple[str, ...] = LANGS[1:]


def english_name(code: str) -> str:
    """A language's English name for messages to editors ("Ukrainian"), else its code."""
    return Locale.parse("en").languages.get(code, code)


__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "TRANSLATIONS",
    "ConfigLoader",
    "Language",
    "LanguageConfigError",
    "configured",
    "english_name",
    "languages",
    "parse_languages",
]
