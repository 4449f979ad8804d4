"""The child process that writes the exports while pages render (ici_mkdocs.forked).

The fork cases run in a fresh interpreter: a pytest worker may still hold threads that an
earlier browser test left (a server's keep-alive handlers), and ``forked.start`` rightly
refuses to fork then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ici_mkdocs import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def _run(code: str) -> str:
    """Run ``code`` in a fresh single-threaded interpreter; its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(HOOKS)},
    )
    return done.stdout


def test_the_child_does_the_work(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    out = _run(
        f"""
        from pathlib import Path
        from ici_mkdocs import forked
        target = Path({str(target)!r})
        job = forked.start(lambda: target.write_text("written", encoding="utf-8"))
        print("started" if job is not None else "refused")
        print(repr(forked.wait(job)) if job is not None else "")
        """
    )
    assert out.splitlines() == ["started", "None"]
    assert target.read_text(encoding="utf-8") == "written"


def test_a_failure_comes_back_with_its_traceback() -> None:
    out = _run(
        """
        import json
        from ici_mkdocs import forked
        def fail():
            raise ValueError("no such organization: 'x'")
        job = forked.start(fail)
        print(json.dumps(None if job is None else forked.wait(job)))
        """
    )
    error = json.loads(out)
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
