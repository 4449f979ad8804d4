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
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "ICI_TIMINGS"

_seconds: dict[str, float] = {}
_cpu: dict[str, float] = {}
_counts: dict[str, int] = {}
_open: dict[str, tuple[float, float]] = {}


def _cpu_now() -> float:
    # this process and its finished children (Pagefind): on a busy machine CPU time says
    # more about the work than wall time
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# the hooks module is imported while MkDocs reads its configuration: the build starts
_started = (time.perf_counter(), _cpu_now())


def enabled() -> bool:
    """True when the benchmark asked for timings."""
    return bool(os.environ.get(ENV))


def _now() -> tuple[float, float]:
    return time.perf_counter(), _cpu_now()


def _add(name: str, start: tuple[float, float]) -> None:
    wall, cpu = _now()
    _seconds[name] = _seconds.get(name, 0.0) + wall - start[0]
    _cpu[name] = _cpu.get(name, 0.0) + cpu - start[1]
    _counts[name] = _counts.get(name, 0) + 1


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the time of the ``with`` block to phase ``name``."""
    if not enabled():
        yield
        return
    start = _now()
    try:
        yield
    finally:
        _add(name, start)


def begin(name: str) -> None:
    """Start a span of phase ``name`` that a later hook ends with :func:`end`."""
    if enabled():
        _open[name] = _now()


def end(name: str) -> None:
    """End the span of ``name`` begun last (nothing if none is open)."""
    start = _open.pop(name, None)
    if start is not None:
        _add(name, start)


def write() -> None:
    """Save the phases of the build that just ended to the ``ICI_TIMINGS`` file."""
    global _started
    path = os.environ.get(ENV)
    if path:
        wall, cpu = _now()
        report = {
            "build_s": round(wall - _started[0], 4),
            "build_cpu_s": round(cpu - _started[1], 4),
            "phases_s": {k: round(v, 4) for k, v in sorted(_seconds.items())},
            "phases_cpu_s": {k: round(v, 4) for k, v in sorted(_cpu.items())},
            "counts": dict(sorted(_counts.items())),
            # largest resident size of this process and of its largest finished child
            # (Pagefind, the exports writer); Linux reports KiB
            "peak_mib": {
                "mkdocs": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "child": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            },
        }
        Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for table in (_seconds, _cpu, _counts, _open):
        table.clear()
    _started = _now()


def merge_saved() -> None:
    """Add the phases timed in this process to the timings a finished build saved (the
    Pagefind run of ``pagefind_after``, made after the build process ended)."""
    path = os.environ.get(ENV)
    if not path or not Path(path).is_file() or not _seconds:
        return
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    for key, table in (("phases_s", _seconds), ("phases_cpu_s", _cpu)):
        for name, value in table.items():
            report[key][name] = round(report[key].get(name, 0.0) + value, 4)
    for name, count in _counts.items():
        report["counts"][name] = report["counts"].get(name, 0) + count
    report["build_s"] = round(report["build_s"] + sum(_seconds.values()), 4)
    report["build_cpu_s"] = round(report["build_cpu_s"] + sum(_cpu.values()), 4)
    report["peak_mib"]["after"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
