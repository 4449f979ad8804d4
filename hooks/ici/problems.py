"""Problems found in data files, reported to editors as ``file:line: path: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Path = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """Render a field path like ``services[3].phones[0].number``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).isprintable() or not str(part):
            # a key with a control character is shown quoted, never raw
            out += f"[{str(part)!r}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def show_value(value: object, limit: int = 60) -> str:
    """Render a bad value for an error message: short, quoted strings, YAML-ish scalars."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file; ``line`` is 1-based, 0 when the file has no lines.

    ``code`` names the kind of problem (``schema.pattern``, ``ref.unknown``,
    ``content.ici_list``...): the "how to fix" hint is looked up by it (:mod:`ici.hints`),
    so rewording a message never changes its hint. It takes no part in comparisons.
    """

    file: str
    line: int
    path: str
    message: str
    code: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """The problem list as printed by the build and the check command."""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        return "\n".join([head, *(str(p) for p in self.problems)])
