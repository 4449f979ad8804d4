"""The one validation phase: ``make check`` and ``mkdocs build`` both run it before
anything renders.

It loads and validates the data, the interface strings and every Markdown page (front
matter, ``ici_list:`` values, markup, links to pages and to records, sources), and returns
every problem at once, each with its file, line and code. Nothing renders while a problem
is left: the build stops with the same list, and the same "how to fix" hints, that the check
prints.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path as FsPath

from .content_check import check_content
from .dataset import Dataset, load_dataset
from .examples import DATA
from .links import check_links
from .page_sources import page_sources_problems
from .problems import DataError, Problem
from .ui import Strings, load_strings
from .ui_keys import missing_data_keys


@dataclass(frozen=True)
class Validation:
    """What the phase found: the data and strings when they are valid, and every problem."""

    dataset: Dataset | None
    strings: Strings | None
    problems: list[Problem]


def validate(
    root: FsPath,
    list_names: Collection[str],
    data_dir: str = DATA,
    docs: FsPath | None = None,
) -> Validation:
    """Validate the data in ``root/data_dir``, the strings and the pages in ``docs``.

    ``list_names`` are the known ``ici_list:`` values; ``docs`` defaults to ``root/docs``.
    """
    docs = docs if docs is not None else root / "docs"
    problems: list[Problem] = []
    dataset: Dataset | None = None
    strings: Strings | None = None
    try:
        dataset = load_dataset(root, data_dir)
    except DataError as exc:
        problems.extend(exc.problems)
    try:
        strings = load_strings(root)
        if dataset is not None:
            problems.extend(missing_data_keys(dataset, strings))
    except DataError as exc:
        problems.extend(exc.problems)
    content = sorted(set(check_content(root, set(list_names), docs)))
    problems.extend(content)
    problems.extend(page_sources_problems(root, docs))
    # record links can only be checked against valid data and readable pages
    unreadable = any(p.code == "content.encoding" for p in content)
    if dataset is not None and not unreadable:
        problems.extend(check_links(docs, dataset, root))
    # in the order of the phases: data, strings, pages, sources, record links
    return Validation(dataset, strings, list(dict.fromkeys(problems)))
