"""The project at a small N with small pages (issue 20): one build that the register's and the
event and course listings' scale tests share, and a walk over its links.

N synthetic services (bench/synthetic.py: N/4 events, N/10 courses), built on 1 November
2026, so over a third of the synthetic events and courses (1 January 2026 onwards) have
ended: both parts of each listing are paged. (Their sources, 1 December 2025, are then
less than a year old, as upcoming events need.)
"""

from __future__ import annotations

import json
import posixpath
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from bench.synthetic import write

from ici.dataset import Dataset
from sitebuild import Built, build, copy_project, dataset_on

N = 60
EPOCH = 1793491200  # 2026-11-01T00:00:00Z
PAGING = {
    "ici_register": {"index_max": 20, "per_group": 2, "page_size": 5},
    "ici_events": {"index_max": 6, "per_group": 2, "page_size": 3},
    "ici_courses": {"index_max": 4, "per_group": 1, "page_size": 2},
}


def build_scaled(dest: Path) -> Built:
    """Copy the project to ``dest``, write the synthetic data and the small page sizes into
    ``extra:`` of mkdocs.yml, and build it."""
    return build(scaled_project(dest), epoch=EPOCH)


def scaled_project(dest: Path) -> Path:
    """Copy the project to ``dest`` with the synthetic data and the small page sizes."""
    root = copy_project(dest)
    write(root, N)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    extra = "extra:\n  generator: false\n"
    assert extra in config
    sizes = "".join(f"  {key}: {json.dumps(value)}\n" for key, value in PAGING.items())
    (root / "mkdocs.yml").write_text(config.replace(extra, extra + sizes), encoding="utf-8")
    return root


def links(built: Built, rel: str) -> Iterator[str]:
    """Site paths (index.html files) a page links to, relative links resolved."""
    here = posixpath.dirname(rel)
    for a in built.html(rel).css("a[href]"):
        href = a.attributes["href"].split("#")[0].split("?")[0]
        if not href or ":" in href or href.startswith("/"):
            continue
        path = posixpath.normpath(posixpath.join(here, href))
        if href.endswith("/") or path == ".":
            path = posixpath.join(path, "index.html").removeprefix("./")
        yield path


def within_clicks(built: Built, start: str, clicks: int) -> set[str]:
    """Every page reached from ``start`` by following at most ``clicks`` links."""
    depth = {start: 0}
    queue = deque([start])
    while queue:
        rel = queue.popleft()
        if depth[rel] == clicks:
            continue
        for path in links(built, rel):
            if path not in depth and (built.site / path).is_file():
                depth[path] = depth[rel] + 1
                queue.append(path)
    return set(depth)


def scaled_dataset(root: Path) -> Dataset:
    """The dataset of the scaled build, as loaded on its build day."""
    return dataset_on(root, EPOCH)
