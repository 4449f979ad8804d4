"""Translations: texts that lack a language and fall back to Latvian (notices, not errors)."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..text import LANGS
from ..yamlsource import Source
from .records import walk


def missing_translations(src: Source) -> Iterator[Problem]:
    """Notices (not errors) for texts that lack ru or en and will fall back to lv."""
    for path, value in walk(src.data, ()):
        if isinstance(value, dict) and isinstance(value.get("lv"), str):
            absent = [lang for lang in LANGS[1:] if lang not in value]
            if absent:
                yield src.problem(
                    path,
                    f"no {' and '.join(absent)} text yet, the lv text is shown",
                    "text.untranslated",
                )
