"""The languages the tests check: the project's ``plugins: i18n: languages``, default first.

Every test that loops or parametrizes over languages takes them from here, so that a
language added to ``mkdocs.yml`` is tested without a change to the tests; a test that
needs a particular language's wording keys it by the language code.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ici.languages import ConfigLoader

ROOT = Path(__file__).resolve().parents[1]


def configured_languages(config: Path = ROOT / "mkdocs.yml") -> tuple[str, ...]:
    """The i18n plugin's languages in ``config`` (built ones only), the default first."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=ConfigLoader)
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"].get("languages") or []
            break
    else:
        if "plugins" not in data and data.get("INHERIT"):  # MkDocs' configuration inheritance
            return configured_languages(config.parent / data["INHERIT"])
        raise LookupError(f"{config}: no i18n plugin with languages")
    built = [e for e in entries if e.get("build", True)]
    default = [e["locale"] for e in built if e.get("default")]
    others = [e["locale"] for e in built if not e.get("default")]
    if len(default) != 1:
        raise LookupError(f"{config}: expected one default language, got {default}")
    return (*default, *others)


LANGS: tuple[str, ...] = configured_languages()
DEFAULT_LANG: str = LANGS[0]
OTHER_LANGS: tuple[str, ...] = LANGS[1:]
# the URL prefix of each language's pages: the default language is at the site root
PREFIX: dict[str, str] = {lang: "" if lang == DEFAULT_LANG else f"{lang}/" for lang in LANGS}


def prefix(lang: str) -> str:
    """``""`` for the default language, else ``"<lang>/"``."""
    return PREFIX[lang]
