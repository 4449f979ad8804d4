"""Keep YAML files tidy without rewriting them: comments, quotes and order stay as written.

A full YAML re-dump would drop the comments that explain where facts come from, so this
formatter only fixes layout: a byte-order mark, Windows line ends, spaces at line ends and
blank lines at the end of the file. Tabs in indentation are reported (YAML forbids them,
and the right number of spaces is the editor's call), as is a data file that lost its
``# yaml-language-server: $schema=...`` first line (it gives editors autocompletion).

Usage: ``PYTHONPATH=hooks python -m ici.yamlfmt [--check] [FILE ...]`` (``make format``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path as FsPath

PROJECT_ROOT = FsPath(__file__).resolve().parents[2]
DEFAULT_GLOBS = (
    "data/*.yaml",
    "data/strings/*.yaml",
    "mkdocs.yml",
    ".pre-commit-config.yaml",
    ".github/workflows/*.yml",
)
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{name}.schema.json"
STRINGS_LINE = "# yaml-language-server: $schema=../../schemas/strings.schema.json"


def _schema_line(path: FsPath) -> str | None:
    """The first line a data file needs, when it is a data file with a schema."""
    if (
        path.suffix == ".yaml"
        and path.parent.name == "strings"
        and path.parent.parent.name == "data"
    ):
        # one file per language (data/strings/uk.yaml), one schema for all of them
        return STRINGS_LINE
    if path.parent.name != "data" or path.suffix != ".yaml":
        return None
    schema = path.parent.parent / "schemas" / f"{path.stem}.schema.json"
    return SCHEMA_LINE.format(name=path.stem) if schema.is_file() else None


def tidy(text: str, schema_line: str | None = None) -> tuple[str, list[str]]:
    """The tidied text and the problems that need a person (tabs)."""
    problems: list[str] = []
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    for number, line in enumerate(lines, 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(f"line {number}: tab in the indentation, expected spaces")
    while lines and lines[-1] == "":
        lines.pop()
    if schema_line and (not lines or not lines[0].startswith("# yaml-language-server:")):
        lines.insert(0, schema_line)
    return ("\n".join(lines) + "\n") if lines else "", problems


def format_files(paths: list[FsPath], check: bool, out=sys.stdout) -> int:
    """Tidy (or with ``check`` only report) each file.

    1 when a file needs a person (tabs, not UTF-8) or, with ``check``, needs tidying.
    """
    status = 0
    for path in paths:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: cannot read as UTF-8 text ({exc})", file=out)
            status = 1
            continue
        tidied, problems = tidy(text, _schema_line(path))
        for problem in problems:
            print(f"{path}: {problem}", file=out)
            status = 1
        if tidied != text:
            if check:
                print(f"{path}: needs tidying (run make format)", file=out)
                status = 1
            else:
                path.write_text(tidied, encoding="utf-8", newline="\n")
                print(f"{path}: tidied", file=out)
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m ici.yamlfmt``."""
    parser = argparse.ArgumentParser(prog="python -m ici.yamlfmt", description=__doc__)
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("files", nargs="*", type=FsPath)
    args = parser.parse_args(argv)
    files = args.files or sorted(p for g in DEFAULT_GLOBS for p in PROJECT_ROOT.glob(g))
    return format_files(files, args.check)


if __name__ == "__main__":
    raise SystemExit(main())
