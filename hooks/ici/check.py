"""The ``check`` command: all data and content problems, without a build."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import TextIO

from .dataset import load_dataset
from .links import check_links
from .problems import DataError
from .ui import load_strings


def run_check(root: FsPath, out: TextIO) -> int:
    """Print every problem in ``root``'s data and content; 0 when there is none."""
    problems: list[str] = []
    notices: list[str] = []
    try:
        ds = load_dataset(root)
    except DataError as exc:
        problems.extend(str(p) for p in exc.problems)
        ds = None
    try:
        load_strings(root)
    except DataError as exc:
        problems.extend(str(p) for p in exc.problems)
    if ds is not None:
        problems.extend(check_links(root / "docs", ds, root))
        notices.extend(str(n) for n in ds.notices)
    for line in notices:
        print(f"notice: {line}", file=out)
    for line in problems:
        print(line, file=out)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=out)
        return 1
    print(f"All data and content links are valid ({len(notices)} notice(s)).", file=out)
    return 0


def main() -> int:
    """Entry point: ``PYTHONPATH=hooks python -m ici.check [ROOT]``."""
    import sys

    root = FsPath(sys.argv[1]) if len(sys.argv) > 1 else FsPath(__file__).resolve().parents[2]
    return run_check(root, sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
