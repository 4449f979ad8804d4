"""The translation status report as data: missing and outdated translations, reviews due.

Built by :mod:`ici.translation_status` (from the files and their git dates), shown by
:mod:`ici.translation_text` (the terminal) and by the status page (:mod:`ici.views.status`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from .gitdates import UNCOMMITTED
from .languages import LANGS
from .pages import KINDS, record_path
from .provenance import STALE_MONTHS
from .ui import StringGap

TRANSLATIONS = LANGS[1:]
REVIEW_MONTHS = STALE_MONTHS


def _record_page(collection: str, record_id: str | None) -> str | None:
    for kind, spec in KINDS.items():
        if spec.collection == collection and record_id:
            return record_path(kind, record_id)
    return None


def today_from_env() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def show_date(stamp: int | None) -> str:
    """A commit time as ``YYYY-MM-DD`` (UTC), or words for work not committed."""
    if stamp is None:
        return "unknown"
    if stamp >= UNCOMMITTED:
        return "not committed"
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


@dataclass(frozen=True)
class PageGap:
    """A Latvian page whose ru/en page is missing or older (one language when outdated)."""

    state: str  # "missing" or "outdated"
    page: str  # path below the language folder, e.g. guide/work.md
    langs: tuple[str, ...]
    source_date: int | None = None
    translation_date: int | None = None

    @property
    def site_path(self) -> str:
        """The page's site path below the language root, e.g. ``guide/work/``."""
        stem = self.page.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"


@dataclass(frozen=True)
class FieldGap:
    """A data text whose ru/en is missing or older than the lv text."""

    state: str
    file: str
    line: int  # the lv line when missing, the translation's line when outdated
    path: str  # the text's field path, e.g. services[0].description
    langs: tuple[str, ...]
    collection: str
    record_id: str | None
    field: str  # the path inside the record, e.g. description
    source_date: int | None = None
    translation_date: int | None = None

    @property
    def site_path(self) -> str | None:
        """The record's page, when the site has one for its kind."""
        return _record_page(self.collection, self.record_id)


@dataclass(frozen=True)
class ReviewDue:
    """A record whose newest source is more than 12 months before today.

    ``last_reviewed`` holds that source's ``published`` value (YYYY-MM-DD, YYYY-MM or YYYY).
    """

    file: str
    line: int
    path: str
    collection: str
    record_id: str | None
    last_reviewed: str

    @property
    def site_path(self) -> str | None:
        """The record's page, when the site has one for its kind."""
        return _record_page(self.collection, self.record_id)


# where a build keeps its report for the status page (``Dataset.derived``)
REPORT_KEY = "translation_status"


@dataclass
class TranslationReport:
    """Everything the check command prints and the status page shows."""

    today: date
    git: bool
    pages: list[PageGap] = field(default_factory=list)
    fields: list[FieldGap] = field(default_factory=list)
    reviews: list[ReviewDue] = field(default_factory=list)
    # interface strings a language lacks (data/strings/<lang>.yaml), shown in Latvian
    strings: list[StringGap] = field(default_factory=list)
    strings_total: int = 0

    def select(self, kind: str, state: str) -> list[PageGap] | list[FieldGap]:
        """The gaps of one kind (``pages``/``fields``) in one state."""
        return [g for g in getattr(self, kind) if g.state == state]
