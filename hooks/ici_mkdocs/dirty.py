"""``mkdocs serve --dirty`` (``make serve``): after an edit, render only what it changed.

MkDocs' dirty build skips a page whose ``File.is_modified()`` is false. Here:

- a generated page (``RecordFile``) is modified when its key (``ici.serve_deps``: a record
  page's record, the records it shows, the project files every page shows; a listing
  page's records and counts) differs from the previous build's, or its file is missing;
  an unchanged one is not even read (its front matter is set from the data);
- every hand-written page is rendered again (they show data, and the menu of every page
  shows their titles): its output is marked older than its source;
- a generator of exports, calendars and feeds runs again when the data it reads changed;
- what the previous build wrote and this one did not (a removed record's page) is deleted.

Only in ``mkdocs serve --dirty``: ``mkdocs build`` never asks a file whether it changed.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from mkdocs.structure.files import File, Files

from ici.dataset import Dataset
from ici.register_pages import ListingSpec
from ici.serve_deps import listing_key, output_keys, page_keys, site_key
from ici.timed_pages import TimedSpec

log = logging.getLogger("mkdocs.plugins.ici.serve")

# MkDocs' own notes on a dirty build, said on every build of every language: the menu of
# the pages rendered again is right here (every hand-written page is rendered), and the
# stale files are removed (``finish_build``)
_QUIET = ("A 'dirty' build is being performed", "The directory contains stale files")


class RecordFile(File):
    """The file of a generated page. In a dirty build it is modified when ``changed`` is
    set (its key differs from the previous build's) or its output is missing."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


@dataclass
class ServeState:
    """What one ``mkdocs serve --dirty`` keeps from one build to the next."""

    enabled: bool = False
    site: str = ""  # this build's site key (ici.serve_deps)
    # keys of the pages and outputs the last finished build wrote, and this build's
    done_pages: dict[tuple[str, str], str] = field(default_factory=dict)
    pages: dict[tuple[str, str], str] = field(default_factory=dict)
    done_listings: dict[tuple[str, str], str] = field(default_factory=dict)
    listings: dict[tuple[str, str], str] = field(default_factory=dict)
    done_outputs: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    # files written: by the last finished build, and by this one so far
    done_written: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)
    # the files each generator wrote last, by (language, generator)
    output_paths: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    rendered: int = 0
    skipped: int = 0


SERVE = ServeState()


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_QUIET)


def start(command: str, dirty: bool) -> None:
    """``on_startup``: dirty builds only under ``mkdocs serve --dirty``."""
    SERVE.enabled = command == "serve" and dirty
    if SERVE.enabled:
        logging.getLogger("mkdocs.commands.build").addFilter(_Quiet())


def enabled() -> bool:
    """True under ``mkdocs serve --dirty``."""
    return SERVE.enabled


def new_build(root: FsPath, data_dirs: tuple[str, ...], ds: Dataset) -> None:
    """Work out this build's keys (once, in the first language's build)."""
    if not SERVE.enabled:
        return
    SERVE.site = site = site_key(root, data_dirs, ds)
    SERVE.pages = page_keys(ds, site)
    SERVE.outputs = output_keys(ds, site)
    SERVE.listings = {}
    SERVE.written = set()
    SERVE.rendered = SERVE.skipped = 0


def page_changed(kind: str, record_id: str) -> bool:
    """Whether a record's page must be rendered again in this build."""
    if not SERVE.enabled:
        return True
    key = (kind, record_id)
    return _count(SERVE.done_pages.get(key) != SERVE.pages.get(key))


def listing_changed(ds: Dataset, lang: str, spec: ListingSpec | TimedSpec) -> bool:
    """Whether a listing page must be rendered again in this build (see ``page_changed``)."""
    if not SERVE.enabled:
        return True
    key = (lang, spec.path)
    SERVE.listings[key] = listing_key(SERVE.site, ds, lang, spec, SERVE.pages)
    return _count(SERVE.done_listings.get(key) != SERVE.listings[key])


def _count(changed: bool) -> bool:
    if changed:
        SERVE.rendered += 1
    else:
        SERVE.skipped += 1
    return changed


def output_changed(name: str) -> bool:
    """Whether the files of generator ``name`` must be written again in this build."""
    key = SERVE.outputs.get(name)
    return not SERVE.enabled or key is None or SERVE.done_outputs.get(name) != key


def render_hand_written(files: Files) -> None:
    """Mark every hand-written page's output older than its source: rendered again."""
    if not SERVE.enabled:
        return
    for f in files.documentation_pages():
        if not isinstance(f, RecordFile) and os.path.isfile(f.abs_dest_path):
            os.utime(f.abs_dest_path, ns=(0, 0))


def note_pages(files: Files) -> None:
    """Remember the pages of the language being built (their files stay or are new)."""
    if SERVE.enabled:
        SERVE.written.update(f.abs_dest_path for f in files.documentation_pages())


def note_output(lang: str, name: str, paths: list[str] | None) -> None:
    """Remember the files generator ``name`` wrote for ``lang``; None: it did not run, and
    its files of the previous build stay."""
    if not SERVE.enabled:
        return
    if paths is None:
        paths = SERVE.output_paths.get((lang, name), [])
    SERVE.output_paths[(lang, name)] = paths
    SERVE.written.update(paths)


def finish_build() -> None:
    """After the whole build: delete what the previous one wrote and this one did not,
    and keep this build's keys."""
    if not SERVE.enabled:
        return
    for path in SERVE.done_written - SERVE.written:
        FsPath(path).unlink(missing_ok=True)
    log.info(
        "Serve: %d generated pages rendered again, %d unchanged (mkdocs serve --dirty)",
        SERVE.rendered,
        SERVE.skipped,
    )
    SERVE.done_written = SERVE.written
    SERVE.done_pages, SERVE.done_outputs = SERVE.pages, SERVE.outputs
    SERVE.done_listings = SERVE.listings


def failed_build() -> None:
    """A build that failed may have written some pages: render everything next time."""
    SERVE.done_pages, SERVE.done_outputs, SERVE.done_listings = {}, {}, {}
    SERVE.done_written |= SERVE.written
