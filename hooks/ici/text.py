"""Pick a text in the reader's language, falling back to Latvian."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .languages import DEFAULT_LANG, LANGS

__all__ = ["DEFAULT_LANG", "LANGS", "Text", "pick", "plain"]


@dataclass(frozen=True)
class Text:
    """A text shown to a reader: the words, their language, and whether it is a fallback."""

    value: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.value


def pick(field: dict[str, str] | None, lang: str) -> Text | None:
    """The ``lang`` text of a multilingual field, or the lv text marked as a fallback."""
    if not field:
        return None
    if field.get(lang):
        return Text(field[lang], lang, False)
    return Text(field[DEFAULT_LANG], DEFAULT_LANG, lang != DEFAULT_LANG)


def plain(field: dict[str, Any] | None, lang: str) -> str:
    """The text as a plain string (for titles, exports, JSON-LD)."""
    text = pick(field, lang)
    return text.value if text else ""
