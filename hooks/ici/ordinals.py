"""Latvian ordinals and years at the start of a line are text, not numbered lists.

Latvian writes dates and ordinals with a dot: "2017. gada 21. septembrī", "2015. gadā".
Markdown reads a line that starts with digits, a dot and a space as a numbered list item,
and Python-Markdown renumbers lists from 1, so "2017. gada" rendered as "1. gada". The
rule, shared by the build (which escapes the dot) and ``make check`` (which warns about
what the rule cannot decide), so the two always agree:

- a line starting with a number of 1000 or more (a year), or with a number followed by a
  date word (``gads`` in any case, a month name in any case), is an ordinal: the build
  writes ``2017\\.`` so Markdown shows it as written;
- a line starting with a number and a lowercase word that is neither of those, alone (no
  list item right above or below it), may be an ordinal ("3. vietā") or a one-item list:
  ``make check`` warns, and the editor writes ``3\\.`` if it is text;
- everything else (``1. **Sazinieties ...**``) stays a numbered list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# the start of a Markdown ordered list item (Python-Markdown: up to 3 spaces of indent),
# also as the first words of a bullet item or a quote ("- 2015. gadā ...", "> 2017. gada")
_ITEM = re.compile(
    r"^(?P<indent> {0,3}(?:(?:[-*+]|>)[ \t]+ {0,3})*)"
    r"(?P<num>\d+)\.(?P<rest>[ \t]+(?P<word>\S*).*)$"
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_DATE_WORD = re.compile(
    r"^(gad|gadsimt|janvār|februār|mart|aprīļ|aprīl|maij|jūnij|jūlij|august|septembr|oktobr"
    r"|novembr|decembr)\w*$"
)
_LOWER = re.compile(r"^[a-zāčēģīķļņšūž]")
YEAR = 1000


def _word(match: re.Match[str]) -> str:
    return match["word"].rstrip(".,;:!?)").lower()


def is_ordinal(match: re.Match[str]) -> bool:
    """True when a list-item-looking line is surely a Latvian ordinal or year."""
    return int(match["num"]) >= YEAR or bool(_DATE_WORD.match(_word(match)))


def _lines(markdown: str) -> Iterator[tuple[int, str, bool]]:
    """``(index, line, inside a fenced code block)`` for every line."""
    fenced = False
    for index, line in enumerate(markdown.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            yield index, line, True
        else:
            yield index, line, fenced


def escape_ordinals(markdown: str) -> str:
    """``markdown`` with the dot after every line-starting ordinal escaped (``2017\\.``)."""
    lines = markdown.split("\n")
    for index, line, fenced in _lines(markdown):
        m = None if fenced else _ITEM.match(line)
        if m is not None and is_ordinal(m):
            lines[index] = f"{m['indent']}{m['num']}\\.{m['rest']}"
    return "\n".join(lines)


def doubtful_ordinals(markdown: str) -> list[tuple[int, str]]:
    """``(0-based line index, "3. vietā")`` of lines that may be ordinals shown as lists.

    These are the lines :func:`escape_ordinals` leaves as list items although they start
    with a lowercase word and have no list item next to them.
    """
    items: dict[int, re.Match[str]] = {}
    for index, line, fenced in _lines(markdown):
        m = None if fenced else _ITEM.match(line)
        if m is not None:
            items[index] = m
    found: list[tuple[int, str]] = []
    for index, m in items.items():
        if is_ordinal(m) or not _LOWER.match(m["word"]):
            continue
        neighbours = [items.get(index - 1), items.get(index + 1)]
        if any(n is not None and not is_ordinal(n) for n in neighbours):
            continue  # part of a real list whose items start lowercase
        found.append((index, f"{m['num']}. {m['word']}"))
    return found
