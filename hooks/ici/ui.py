"""Interface strings from ``data/strings.yaml``: one file, three languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path as FsPath

from .problems import DataError, Problem
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


CODE_ROOT = FsPath(__file__).resolve().parents[2]
# a key named literally where a template calls ui("...") or Python code calls .get("...")
_USED = re.compile(r"""(?:\bui|\.get)\(\s*["']([a-z0-9_]+\.[a-z0-9_]+)["']\s*[,)]""")


@cache
def used_keys(code_root: FsPath = CODE_ROOT) -> dict[str, str]:
    """Interface string keys the templates and hooks name literally -> first place used."""
    found: dict[str, str] = {}
    files = [*sorted((code_root / "overrides").rglob("*.html"))]
    files += sorted((code_root / "hooks").rglob("*.py"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in _USED.finditer(line):
                found.setdefault(m[1], f"{path.relative_to(code_root).as_posix()}:{number}")
    return found


def load_strings(root: FsPath) -> Strings:
    """Load and validate ``root/data/strings.yaml``; every key the templates use must be there."""
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
    missing = [
        Problem(
            "data/strings.yaml",
            src.line((key.split(".")[0],)),
            key,
            f"expected an interface string with lv, ru and en (used in {where}), got nothing",
            "strings.missing",
        )
        for key, where in used_keys().items()
        if key not in table
    ]
    if missing:
        raise DataError(missing)
    return Strings(table)
