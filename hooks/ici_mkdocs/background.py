"""One job in a background thread: the search index under ``mkdocs serve --dirty``.

The pages of a rebuild are served as soon as they are written; the search index of the
whole site (one Pagefind run per language, most of a full build's time at scale) is made
meanwhile and replaces the previous one when it is ready. A new build first stops the
job of the previous one (its Pagefind run is ended), so two never overlap.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.ici.search")


class Cancelled(Exception):
    """The job was stopped: a new build started, or ``mkdocs serve`` ends."""


class Job:
    """A background job's stop flag and the process it waits for."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None

    def running(self, proc: subprocess.Popen[str]) -> None:
        """The job now waits for ``proc``: ``stop()`` ends it."""
        with self._lock:
            self._proc = proc
            if self._stop.is_set():
                proc.terminate()

    def stopped(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the job was stopped."""
        if self.stopped():
            raise Cancelled

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                self._proc.terminate()


_current: tuple[Job, threading.Thread] | None = None


def start(work: Callable[[Job], None]) -> None:
    """Run ``work(job)`` in a thread, after stopping the previous job."""
    global _current
    stop()
    job = Job()
    thread = threading.Thread(target=_run, args=(job, work), name="ici-background", daemon=True)
    _current = (job, thread)
    thread.start()


def _run(job: Job, work: Callable[[Job], None]) -> None:
    try:
        work(job)
    except Exception as exc:  # a thread cannot stop the server: say it, keep serving
        if job.stopped():  # its files may have changed under it: a new build started
            log.info("Pagefind: background index stopped (a new build started)")
        else:
            log.error("Pagefind in the background failed: %s", exc)


def stop() -> None:
    """Stop the running job, if any, and wait for its thread to end."""
    global _current
    if _current is not None:
        job, thread = _current
        job.stop()
        thread.join()
        _current = None
