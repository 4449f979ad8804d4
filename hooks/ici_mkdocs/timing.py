"""Build time by phase, for the scale benchmark: set ``ICI_TIMINGS=<json path>``.

The hooks wrap their work in ``phase(name)`` (or ``begin``/``end`` for a span over two
hooks, such as a page from ``on_pre_page`` to ``on_post_page``); ``write()`` at the end
of the whole build (all languages) saves the sums as JSON and starts over, so a
``mkdocs serve`` rebuild reports its own. Without the variable nothing is measured.

Top-level names (``load_validate``, ``render``, ...) do not overlap; a dotted name
(``render.views``) is a part of the phase before its dot, reported apart.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "ICI_TIMINGS"

_seconds: dict[str, float] = {}
_counts: dict[str, int] = {}
_open: dict[str, float] = {}
# the hooks module is imported while MkDocs reads its configuration: the build starts
_started = time.perf_counter()


def enabled() -> bool:
    """True when the benchmark asked for timings."""
    return bool(os.environ.get(ENV))


def _add(name: str, seconds: float) -> None:
    _seconds[name] = _seconds.get(name, 0.0) + seconds
    _counts[name] = _counts.get(name, 0) + 1


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the time of the ``with`` block to phase ``name``."""
    if not enabled():
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        _add(name, time.perf_counter() - start)


def begin(name: str) -> None:
    """Start a span of phase ``name`` that a later hook ends with :func:`end`."""
    if enabled():
        _open[name] = time.perf_counter()


def end(name: str) -> None:
    """End the span of ``name`` begun last (nothing if none is open)."""
    start = _open.pop(name, None)
    if start is not None:
        _add(name, time.perf_counter() - start)


def write() -> None:
    """Save the phases of the build that just ended to the ``ICI_TIMINGS`` file."""
    global _started
    path = os.environ.get(ENV)
    if path:
        report = {
            "build_s": time.perf_counter() - _started,
            "phases_s": {k: round(v, 4) for k, v in sorted(_seconds.items())},
            "counts": dict(sorted(_counts.items())),
        }
        Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _seconds.clear()
    _counts.clear()
    _open.clear()
    _started = time.perf_counter()
