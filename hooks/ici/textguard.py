"""Characters no data value may hold, checked on every string as a whole.

A control character broke pages silently (a C1 character in a title made the generated
page's front matter unreadable, and MkDocs dropped it), a line break in an id or address
leaked into file names, vCards and feeds, and bidirectional overrides make a text read
differently from what it is. So every string is checked as it is loaded: no C0 or C1
control characters, no DEL, no line or paragraph separators, no bidi embeddings, overrides
or isolates, no byte order mark inside a value; a line break only in long texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .problems import Problem

# C0 except tab and line feed, DEL, C1, U+2028/2029, bidi embeddings/overrides/isolates, BOM
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_LINE_BREAK = re.compile("[\t\n]")
# fields whose texts may run over several lines (paragraphs, tabs); every other value is one line
LONG_TEXT_FIELDS = frozenset(
    {
        "description",
        "eligibility_description",
        "fees_description",
        "note",
        "audience",
        "cost",
        "source",
    }
)
# a value with a forbidden character is shown around it, never in full
_AROUND = 20


def _where(value: str, index: int) -> str:
    start = max(0, index - _AROUND)
    snippet = value[start : index + _AROUND]
    prefix = "..." if start else ""
    suffix = "..." if index + _AROUND < len(value) else ""
    return f"{prefix}{snippet!r}{suffix}"


def control_char(value: str, multiline: bool) -> str | None:
    """Why ``value`` is refused (its first bad character), or None when it is clean."""
    m = _FORBIDDEN.search(value)
    if m is None and not multiline:
        m = _LINE_BREAK.search(value)
    if m is None:
        return None
    char = m.group()
    kind = (
        "a line break or tab" if char in "\t\n" else "a control or invisible formatting character"
    )
    return (
        f"expected {'text' if multiline else 'text on one line'} without control characters, "
        f"got {kind} U+{ord(char):04X} at character {m.start() + 1} in {_where(value, m.start())}"
    )


def bad_text(path: Sequence[str | int], value: str) -> str | None:
    """The problem with a loaded string at field ``path``, or None."""
    multiline = any(part in LONG_TEXT_FIELDS for part in path if isinstance(part, str))
    return control_char(value, multiline)


def bad_key(key: str) -> str | None:
    """The problem with a mapping key, or None: field names are plain words."""
    found = control_char(key, False)
    return found.replace("expected text", "expected a field name", 1) if found else None


def line_problems(text: str, display: str) -> list[Problem]:
    """A problem for every line of a text file (Markdown) with a control character.

    A line may end in CR (a file saved with CRLF line ends) and hold tabs.
    """
    found: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark at the start is fine
        why = control_char(line, True)
        if why:
            found.append(Problem(display, number, "", why, "text.control"))
    return found
