"""The child process that writes the exports while pages render (ici_mkdocs.forked)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from ici_mkdocs import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def test_the_child_does_the_work(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    job = forked.start(lambda: target.write_text("written", encoding="utf-8"))
    assert job is not None
    assert forked.wait(job) is None
    assert target.read_text(encoding="utf-8") == "written"


def test_a_failure_comes_back_with_its_traceback() -> None:
    def fail() -> None:
        raise ValueError("no such organization: 'x'")

    job = forked.start(fail)
    assert job is not None
    error = forked.wait(job)
    assert error is not None
    assert error.startswith("Traceback (most recent call last):")
    assert error.endswith("ValueError: no such organization: 'x'")


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forked.start(lambda: None) is None
    finally:
        stop.set()
        thread.join()
