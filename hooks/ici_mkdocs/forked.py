"""Run a function in a forked child process while the build goes on.

The exports, calendars and feeds of all languages need only the loaded data, not the
pages: a child process writes them on the second core while MkDocs renders the pages.
Only where ``fork`` exists and the process runs a single thread (``mkdocs build``; not
``mkdocs serve``, whose server thread makes forking unsafe); elsewhere the caller does
the work itself.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ForkedJob:
    """A running child: its process id and the read end of its error pipe."""

    pid: int
    errors: int


def start(work: Callable[[], None]) -> ForkedJob | None:
    """Run ``work`` in a child process; None if forking is not possible or not safe here."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, report a failure, never return into MkDocs
        os.close(read)
        status = 0
        try:
            work()
        except BaseException:
            os.write(write, traceback.format_exc().encode("utf-8", "replace"))
            status = 1
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffers
    os.close(write)
    return ForkedJob(pid, read)


def wait(job: ForkedJob) -> str | None:
    """Wait for the child to end; its error (a traceback) or None if it succeeded."""
    chunks = []
    with os.fdopen(job.errors, "rb") as pipe:
        while chunk := pipe.read(65536):
            chunks.append(chunk)
    _, status = os.waitpid(job.pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        return None
    text = b"".join(chunks).decode("utf-8", "replace").strip()
    return text or f"the child process ended with status {status}"
