"""Turn the real data into a hostile data set: every free-text field holds an XSS payload.

Fields are found generically (every string leaf), so new fields are covered without
editing this file; a leaf whose schema rejects the payload (ids, phones, dates, URLs)
keeps its real value.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml

from ici.dataset import DATA_FILES, read_sources

PAYLOADS = [
    '<script>window.__xss="script"</script>',
    '"><img src=x onerror="window.__xss=\'img\'">',
    "javascript:window.__xss='url'",
    "{{ 7*7 }} {% raw %}",
    "[click](javascript:window.__xss='md') <b onmouseover=window.__xss=1>x</b>",
    "</title><svg onload=window.__xss='svg'>",
    "';window.__xss='quote';'",
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*path, i))]
    return [path] if isinstance(value, str) else []


def _set(root: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        root = root[part]
    root[path[-1]] = value


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


def write_hostile_data(src_root: Path, dest_root: Path) -> int:
    """Write hostile copies of every data file into ``dest_root/data``; returns fields changed."""
    sources, _ = read_sources(src_root)
    docs = {name: src.data for name, src in sources.items()}
    originals = {}
    cycle = itertools.cycle(PAYLOADS)
    for name, doc in docs.items():
        for path in _paths(doc):
            originals[(name, path)] = _get(doc, path)
            _set(doc, path, f"{originals[(name, path)][:12]} {next(cycle)}")
    data_dir = dest_root / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    for _ in range(5):  # revert the fields whose schema rejects a payload, until all validate
        for name, doc in docs.items():
            text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
            (data_dir / f"{name}.yaml").write_text(text, encoding="utf-8")
        sources, problems = read_sources(dest_root)
        if not problems:
            break
        for problem in problems:
            name = problem.file.removeprefix("data/").removesuffix(".yaml")
            for (n, path), original in originals.items():
                if n == name and _fmt(path).startswith(problem.path):
                    _set(docs[n], path, original)
    changed = sum(1 for (n, path), original in originals.items() if _get(docs[n], path) != original)
    assert set(docs) == set(DATA_FILES)
    return changed


def _fmt(path: tuple[Any, ...]) -> str:
    from ici.problems import format_path

    return format_path(path)
