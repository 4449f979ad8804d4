"""Files written next to the pages of each language: exports, calendars, vCards, feeds.

Each generator takes the dataset and a language and returns ``{path: bytes}`` with paths
below that language's root (``data/services.json`` becomes ``/ru/data/services.json`` in
the Russian build). Features register their generator in ``LANGUAGE_OUTPUTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import calendar_ics
from .dataset import Dataset
from .exports_csv import services_csv
from .exports_hsds import services_json
from .news_feed import news_feed
from .register_pages import facet_files
from .vcard import branch_vcards

OutputFn = Callable[[Dataset, str], dict[str, bytes]]

LANGUAGE_OUTPUTS: list[OutputFn] = [
    branch_vcards,  # contacts/<id>.vcf
    calendar_ics.event_calendars,  # events/<id>.ics and events/events.ics
    services_json,  # data/services.json (HSDS 3.0)
    services_csv,  # data/services.csv
    news_feed,  # news/feed.xml
    facet_files,  # register/facets/<facet>.json
]


def iter_language_outputs(ds: Dataset, lang: str) -> Iterator[tuple[str, bytes]]:
    """Every extra file of one language, one generator's files at a time, so a writer
    never holds more than the largest generator's output (the exports at scale)."""
    seen: set[str] = set()
    for make in LANGUAGE_OUTPUTS:
        for path, content in make(ds, lang).items():
            if path in seen:
                raise ValueError(f"two generators write {path}")
            seen.add(path)
            yield path, content


def language_outputs(ds: Dataset, lang: str) -> dict[str, bytes]:
    """Every extra file of one language, by path below the language root."""
    return dict(iter_language_outputs(ds, lang))
