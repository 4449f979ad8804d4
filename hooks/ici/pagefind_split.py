"""Pagefind one language at a time, merged into one bundle: memory bounded by a language.

Pagefind holds every page it indexes in memory until it writes the bundle; over the whole
site of a national register (30,000 pages) that is gigabytes. Its bundle is already split
by language (an index, filters and fragments per ``<html lang>``, files named by content
hash), so indexing each language's pages on its own and merging the bundles gives the
same files, with a third of the memory at a time: ``language_tree`` puts one language's
pages into a folder of their own (same relative paths, so the same URLs), and
``merge_bundle`` moves a bundle into the site's, joining the languages of
``pagefind-entry.json``.

Pagefind reads every page it is given at once, and most of a page is the theme's header,
navigation and footer, which it does not index: the tree holds only what the index is made
of (``index_input``: the head and the indexed article), and no page without indexed
content. The bundle is byte for byte the one the whole pages give (tested).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path as FsPath

from .pagefind_files import ENTRY

# overrides/main.html: the indexed article, and the comment that follows it
ARTICLE_START = b'<article id="ici-main"'
INDEXED_END = b"<!--/ici-indexed-->"
BODY_MARK = b"data-pagefind-body"


def index_input(html: bytes) -> bytes | None:
    """What Pagefind needs of one built page: None for a page it would not index (no
    ``data-pagefind-body``); the head and the indexed article for a page of our layout; the
    page as it is for any other."""
    if BODY_MARK not in html:
        return None
    head_end = html.find(b"</head>")
    start = html.find(ARTICLE_START)
    end = html.rfind(INDEXED_END)
    if not 0 <= head_end < start < end or BODY_MARK not in html[start : html.find(b">", start)]:
        return html
    return b"".join((html[:head_end], b"</head><body>", html[start:end], b"</body></html>"))


def language_tree(site: FsPath, prefix: str, skip: Iterable[str], dest: FsPath) -> int:
    """Write what Pagefind indexes of the HTML pages below ``site/prefix`` (``index_input``)
    into ``dest``, keeping their paths; top-level folders in ``skip`` (other languages, the
    bundle) are left out.

    Returns the number of pages written.
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
            wanted = index_input(src.read_bytes())
            if wanted is None:
                continue
            target = dest / src.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(wanted)
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
