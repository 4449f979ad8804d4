"""Interface strings from ``data/strings.yaml``: one file, three languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from .problems import DataError
from .schema_check import schema_problems
from .yamlsource import load_source


@dataclass(frozen=True)
class Strings:
    """Interface strings by ``section.key`` and language."""

    table: dict[str, dict[str, str]]

    def get(self, key: str, lang: str) -> str:
        """The string ``key`` in ``lang``; an unknown key is a bug, so it raises."""
        try:
            return self.table[key][lang]
        except KeyError:
            raise KeyError(f"interface string {key!r} is not in data/strings.yaml") from None


def load_strings(root: FsPath) -> Strings:
    """Load and validate ``root/data/strings.yaml``."""
    src, problems = load_source(root / "data" / "strings.yaml", "data/strings.yaml", ("sections",))
    if src.data is not None:
        problems.extend(schema_problems(src, "strings"))
    if problems:
        raise DataError(problems)
    table = {
        f"{section}.{key}": texts
        for section, entries in src.data.items()
        for key, texts in entries.items()
    }
    return Strings(table)
