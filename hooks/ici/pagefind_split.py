"""Pagefind one language at a time, merged into one bundle: memory bounded by a language.

Pagefind holds every page it indexes in memory until it writes the bundle; over the whole
site of a national register (30,000 pages) that is gigabytes. Its bundle is already split
by language (an index, filters and fragments per ``<html lang>``, files named by content
hash), so indexing each language's pages on its own and merging the bundles gives the
same files, with a third of the memory at a time: ``language_tree`` links one language's
pages into a folder of their own (same relative paths, so the same URLs), and
``merge_bundle`` moves a bundle into the site's, joining the languages of
``pagefind-entry.json``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path as FsPath

from .pagefind_files import ENTRY


def language_tree(site: FsPath, prefix: str, skip: Iterable[str], dest: FsPath) -> int:
    """Hard-link (or copy) the HTML pages below ``site/prefix`` into ``dest``, keeping their
    paths; top-level folders in ``skip`` (other languages, the bundle) are left out.

    Returns the number of pages linked.
    """
    top = site / prefix if prefix else site
    skipped = set(skip)
    count = 0
    for folder, dirs, files in os.walk(top):
        here = FsPath(folder)
        if here == top:
            dirs[:] = [d for d in dirs if d not in skipped]
        for name in files:
            if not name.endswith(".html"):
                continue
            src = here / name
            target = dest / src.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, target)
            except OSError:  # another file system, or no hard links: a copy
                shutil.copyfile(src, target)
            count += 1
    return count


def merge_bundle(part: FsPath, bundle: FsPath) -> None:
    """Move the files of the bundle ``part`` into ``bundle``; join their entry files.

    Files of the same name are the same (Pagefind's script and worker, or a file named by
    its content's hash): the one already there is kept.
    """
    bundle.mkdir(parents=True, exist_ok=True)
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8")) if entry_path.exists() else None
    new = json.loads((part / ENTRY).read_text(encoding="utf-8"))
    for src in sorted(part.rglob("*")):
        if src.is_dir() or src.name == ENTRY:
            continue
        target = bundle / src.relative_to(part)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, target)
    if entry is None:
        entry = new
    else:
        if entry["version"] != new["version"]:
            raise ValueError(f"Pagefind bundles of versions {entry['version']}, {new['version']}")
        clash = entry["languages"].keys() & new["languages"].keys()
        if clash:
            raise ValueError(f"Pagefind indexed {sorted(clash)} in two runs")
        entry["languages"].update(new["languages"])
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


__all__ = ["language_tree", "merge_bundle"]
