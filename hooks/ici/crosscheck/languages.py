"""Translations: texts that lack a language and fall back to Latvian (notices, not errors)."""

from __future__ import annotations

from collections.abc import Iterator

from ..languages import LANGS
from ..problems import Problem
from ..yamlsource import Source
from .records import walk


def missing_translations(src: Source, langs: tuple[str, ...] = LANGS) -> Iterator[Problem]:
    """Notices (not errors) for texts that lack a translation and will fall back to lv."""
    for path, value in walk(src.data, ()):
        if isinstance(value, dict) and isinstance(value.get(langs[0]), str):
            absent = [lang for lang in langs[1:] if lang not in value]
            if absent:
                yield src.problem(
                    path,
                    f"no {' and '.join(absent)} text yet, the lv text is shown",
                    "text.untranslated",
                )
