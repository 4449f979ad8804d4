"""Files written next to the pages of each language: exports, calendars, vCards, feeds.

Each generator takes the dataset and a language and returns ``{path: bytes}`` with paths
below that language's root (``data/services.json`` becomes ``/ru/data/services.json`` in
the Russian build). Features register their generator in ``LANGUAGE_OUTPUTS``.
"""

from __future__ import annotations

from collections.abc import Callable

from .dataset import Dataset
from .exports_csv import services_csv
from .exports_hsds import services_json

OutputFn = Callable[[Dataset, str], dict[str, bytes]]

LANGUAGE_OUTPUTS: list[OutputFn] = [
    services_json,
    services_csv,
]


def language_outputs(ds: Dataset, lang: str) -> dict[str, bytes]:
    """Every extra file of one language, by path below the language root."""
    files: dict[str, bytes] = {}
    for make in LANGUAGE_OUTPUTS:
        for path, content in make(ds, lang).items():
            if path in files:
                raise ValueError(f"two generators write {path}")
            files[path] = content
    return files
