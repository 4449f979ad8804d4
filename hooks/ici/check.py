"""The ``check`` command: every data and content problem and the translation status,
without a build.

Usage: ``PYTHONPATH=hooks python -m ici.check [--no-status] [ROOT]`` (``make check``).
Every problem is printed as ``file:line: ...`` with a "how to fix" line under it; the exit
status is 1 when there is any problem and 0 otherwise. Missing or outdated translations and
overdue reviews are reported but never fail the check: the site shows the Latvian text.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path as FsPath
from typing import TextIO

from .dataset import gc_paused, load_dataset
from .examples import EXAMPLES
from .glossary import Glossary, load_glossary
from .hints import hint_for
from .problems import DataError, Problem
from .site_config import config_problems
from .text_warnings import text_warnings
from .translation_status import translation_report
from .translation_text import report_lines
from .ui import load_strings, string_warnings
from .validate import validate
from .views import LIST_VIEWS
from .yamlshare import shared_parses

PROJECT_ROOT = FsPath(__file__).resolve().parents[2]


def github_annotation(problem: Problem, hint: str, level: str = "error") -> str | None:
    """A GitHub Actions ``::error`` (or ``::warning``) command, shown on the pull request."""
    if not problem.line:
        return None
    message = f"{problem.path}: {problem.message}" if problem.path else problem.message
    text = f"{message} (how to fix: {hint})"
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={problem.file},line={problem.line},title=make check::{text}"


def find_warnings(root: FsPath) -> list[Problem]:
    """What does not fail the check: interface strings a language lacks (shown in Latvian),
    glossary variants, doubtful Latvian ordinals."""
    try:
        glossary = load_glossary(root)
    except DataError:
        glossary = Glossary()  # reported as a problem
    try:
        missing = string_warnings(load_strings(root))
    except DataError:
        missing = []  # reported as a problem
    return [*missing, *text_warnings(root, glossary)]


def find_problems(root: FsPath) -> list[Problem]:
    """Every problem in the data, the interface strings and the content: the build's own
    validation phase (:func:`ici.validate.validate`), the demonstration dataset and the
    site's settings in mkdocs.yml."""
    problems = validate(root, LIST_VIEWS).problems
    return list(dict.fromkeys([*problems, *_example_problems(root), *config_problems(root)]))


def _example_problems(root: FsPath) -> list[Problem]:
    """Problems in the demonstration dataset (``examples/``, built by ``make demo``).

    The demo reads the rest of the data from ``data/``, whose problems are reported once,
    by the real dataset's check.
    """
    if not (root / EXAMPLES).is_dir():
        return []
    try:
        load_dataset(root, EXAMPLES)
    except DataError as exc:
        return [p for p in exc.problems if p.file.startswith(f"{EXAMPLES}/")]
    return []


def run_check(root: FsPath, out: TextIO, status: bool = True) -> int:
    """Print the translation status and every problem in ``root``; 0 when there is none."""
    started = time.perf_counter()
    # every data file is read once for both datasets, the status and the warnings: the
    # data check first (it gathers what the status reads), the status printed first; no
    # cyclic garbage collection in between (it would scan every record again and again)
    with shared_parses(), gc_paused():
        problems = find_problems(root)
        report = translation_report(root) if status else None
        warnings = find_warnings(root)
    if report is not None:
        for line in report_lines(report):
            print(line, file=out)
        print(file=out)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for level, problem in [("error", p) for p in problems] + [("warning", w) for w in warnings]:
        hint = hint_for(problem)
        print(f"warning: {problem}" if level == "warning" else str(problem), file=out)
        print(f"    how to fix: {hint}", file=out)
        annotation = github_annotation(problem, hint, level)
        if annotate and annotation:
            print(annotation, file=out)
    seconds = time.perf_counter() - started
    counted = f"; {_count(len(warnings), 'warning')}" if warnings else ""
    if problems:
        print(f"{_count(len(problems), 'problem')} found ({seconds:.1f} s){counted}.", file=out)
        return 1
    print(f"No problems: all data and content are valid ({seconds:.1f} s){counted}.", file=out)
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m ici.check``."""
    parser = argparse.ArgumentParser(prog="python -m ici.check", description=__doc__)
    parser.add_argument("root", nargs="?", type=FsPath, default=PROJECT_ROOT)
    parser.add_argument(
        "--no-status", action="store_true", help="only the problems, no translation status"
    )
    args = parser.parse_args(argv)
    return run_check(args.root, sys.stdout, status=not args.no_status)


if __name__ == "__main__":
    raise SystemExit(main())
