"""The event and course listings at any size: their order, and listing pages of bounded size.

Each listing (``events/``, ``courses/``) has two parts: the upcoming entries, soonest first,
and the past ones (the archive), latest first, split at the build time. While a listing has
at most ``index_max`` entries its index lists them all; above that, the index lists the
first ``per_group`` of each part and links to listing pages of ``page_size`` entries each
(``events/upcoming/``, ``events/upcoming/2/``, ``events/archive/``...), reached by plain
links, out of the nav and of the search index (the entries' own pages are indexed). The
sizes come from ``extra: ici_events:`` and ``extra: ici_courses:`` in mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from . import eventtime as et
from .dataset import Dataset, Record
from .lifecycle import course_end, first_day
from .paging import Paging, listing_meta, listing_stub, page_count, paged_path
from .vocab import LISTING_FOLDERS

PARTS = LISTING_FOLDERS
UPCOMING, ARCHIVE = PARTS
SECTIONS = ("events", "courses")
# an event or course card is smaller than a service's: a few more on the index, 50 a page
DEFAULT_PAGING = Paging(index_max=60, per_group=12, page_size=50)
CONFIG_KEYS = {"events": "ici_events", "courses": "ici_courses"}


def paging_from_extra(extra: dict[str, Any] | None) -> dict[str, Paging]:
    """Each section's paging from ``extra:`` in mkdocs.yml; ``ValueError`` on a bad value."""
    return {s: Paging.from_extra(extra, CONFIG_KEYS[s], DEFAULT_PAGING) for s in SECTIONS}


def _paging_key(section: str) -> tuple[str, str]:
    return ("timed_paging", section)


def set_paging(ds: Dataset, paging: dict[str, Paging]) -> None:
    """Keep the build's paging on the dataset (the adapter reads it from mkdocs.yml)."""
    for section, value in paging.items():
        ds.derived[_paging_key(section)] = value


def paging_of(ds: Dataset, section: str) -> Paging:
    """A section's paging for this build, else the defaults."""
    return ds.derived.get(_paging_key(section)) or DEFAULT_PAGING


@dataclass(frozen=True)
class TimedOrder:
    """The ids of a listing's upcoming and past entries, each part in listing order."""

    upcoming: tuple[str, ...]
    archive: tuple[str, ...]

    def part(self, name: str) -> tuple[str, ...]:
        return self.upcoming if name == UPCOMING else self.archive

    @property
    def total(self) -> int:
        return len(self.upcoming) + len(self.archive)


# (the upcoming order's key, the archive's key, whether it has ended at ``now``)
Keys = tuple[Any, Any, bool]


def _event_keys(rec: Record, now: datetime) -> Keys:
    start, end = et.listing_keys(rec, now)
    return (start, end), end, et.has_ended(rec, now)


def _course_keys(rec: Record, now: datetime) -> Keys:
    end = course_end(rec, now)
    # the keys the cards carry (start_iso, end_iso), as the listing has always sorted them
    return (first_day(rec["start_date"]) or date.min).isoformat(), end.isoformat(), end <= now


KEYS = {"events": _event_keys, "courses": _course_keys}


def timed_order(ds: Dataset, section: str) -> TimedOrder:
    """Upcoming entries by start (events: then by end), past ones by end, latest first.

    The same in every language (it depends on dates only), so computed once a build;
    records that sort equal keep the data file's order.
    """
    key = ("timed_order", section)
    if key not in ds.derived:
        keys = {rid: KEYS[section](rec, ds.built_at) for rid, rec in ds.collection(section).items()}
        soon = sorted((r for r, k in keys.items() if not k[2]), key=lambda r: keys[r][0])
        # latest end first; sorted() keeps equal keys in the file's order, reversed or not
        past = sorted((r for r, k in keys.items() if k[2]), key=lambda r: keys[r][1], reverse=True)
        ds.derived[key] = TimedOrder(tuple(soon), tuple(past))
    return ds.derived[key]


def is_paged(ds: Dataset, section: str) -> bool:
    """Whether the listing is too long for its index: then it has listing pages."""
    return timed_order(ds, section).total > paging_of(ds, section).index_max


def listing_parts(section: str, part: str) -> list[str]:
    """The folders of a listing's part: ``["events", "archive"]``."""
    return [section, part]


@dataclass(frozen=True)
class TimedSpec:
    """One listing page to generate (the same in every language)."""

    section: str  # "events" or "courses"
    part: str  # UPCOMING or ARCHIVE
    page: int  # from 1
    pages: int

    @property
    def path(self) -> str:
        return paged_path(listing_parts(self.section, self.part), self.page)

    def stub(self, title: str) -> str:
        """Front matter only: the section's index template renders the page."""
        meta = {"ici_timed_page": [self.section, self.part, self.page]}
        return listing_stub(f"ici/{self.section}_index.html", title, meta)

    def meta(self, title: str) -> dict[str, Any]:
        """The front matter of ``stub(title)``, as MkDocs reads it."""
        meta = {"ici_timed_page": [self.section, self.part, self.page]}
        return listing_meta(f"ici/{self.section}_index.html", title, meta)


def timed_specs(ds: Dataset, section: str) -> Iterator[TimedSpec]:
    """Every listing page of a section: none while its index lists everything."""
    if not is_paged(ds, section):
        return
    order, paging = timed_order(ds, section), paging_of(ds, section)
    for part in PARTS:
        ids = order.part(part)
        if not ids:
            continue
        pages = page_count(len(ids), paging)
        for page in range(1, pages + 1):
            yield TimedSpec(section, part, page, pages)
