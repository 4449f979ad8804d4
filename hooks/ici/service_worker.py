"""The service worker of one language: ``service_worker.js`` with this build's precache.

The worker's bytes depend only on the precache (URLs, content hash) and the script
itself, so a build that changes no kept file writes the very same worker, and browsers
keep their caches.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .precache import OFFLINE_PAGE, RUNTIME_BUDGET_BYTES, Precache

SW_NAME = "sw.js"  # at each language's root: its scope is that language
REGISTER_SCRIPT = "assets/javascripts/offline.js"  # below the site root (overrides/)
_PLACEHOLDER = '"__ICI_CONFIG__"'


@cache
def _template() -> str:
    text = (Path(__file__).parent / "service_worker.js").read_text(encoding="utf-8")
    if text.count(_PLACEHOLDER) != 1:
        raise ValueError("service_worker.js must hold the configuration placeholder once")
    return text


def config(precache: Precache, other_scopes: list[str]) -> dict[str, object]:
    """What the worker is told: its language, version, kept URLs and the offline page.

    ``other_scopes`` are the other languages' folders below this worker's folder (the
    default language's worker at the site root leaves ``ru/`` and ``en/`` to theirs).
    """
    return {
        "lang": precache.lang,
        "version": precache.version,
        "offline": OFFLINE_PAGE,
        "others": other_scopes,
        "runtimeBudget": RUNTIME_BUDGET_BYTES,
        "precache": [e.url for e in precache.entries],
    }


def service_worker(precache: Precache, other_scopes: list[str]) -> bytes:
    """The worker script of one language."""
    data = json.dumps(config(precache, other_scopes), ensure_ascii=False, indent=1)
    return _template().replace(_PLACEHOLDER, data).encode("utf-8")


__all__ = ["REGISTER_SCRIPT", "SW_NAME", "config", "service_worker"]
