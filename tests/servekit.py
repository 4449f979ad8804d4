"""Run ``mkdocs serve`` as ``make serve`` does on a project copy, and read what it serves.

The server builds into a folder ``mkdocs_*`` of the temporary folder it is given
(``TMPDIR``); its log is read line by line, so a test can wait for a build to finish.
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from sitebuild import SOURCE_DATE_EPOCH

# the flags of ``make serve`` (Makefile)
SERVE_FLAGS = ("--strict", "--dirty")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """``mkdocs serve --strict --dirty`` in ``root``, building into ``tmp``."""

    def __init__(
        self, root: Path, tmp: Path, epoch: int = SOURCE_DATE_EPOCH, port: int | None = None
    ) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        self.tmp, self.port = tmp, port or _free_port()
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": str(epoch),
            "TMPDIR": str(tmp),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        cmd = [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS]
        self.proc = subprocess.Popen(
            [*cmd, "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def __enter__(self) -> Served:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def wait(self, pattern: str, since: int = 0, timeout: float = 600) -> int:
        """The index of the first log line from ``since`` on that matches ``pattern``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for i in range(since, len(self.lines)):
                if re.search(pattern, self.lines[i]):
                    return i
            if self.proc.poll() is not None and since >= len(self.lines):
                break
            time.sleep(0.2)
        raise AssertionError(f"no {pattern!r} in the log:\n{''.join(self.lines[-40:])}")

    def built(self, since: int = 0) -> int:
        """Wait for a build and its background search index; the index of its last line."""
        done = self.wait(r"Documentation built in", since)
        return self.wait(r"Pagefind: Indexed", done)

    @property
    def site(self) -> Path:
        (site,) = self.tmp.glob("mkdocs_*")
        return site

    def files(self) -> dict[str, bytes]:
        """Every file served, by path; sitemaps unzipped."""
        out = {}
        for path in sorted(self.site.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if path.suffix == ".gz":
                    data = gzip.decompress(data)
                out[path.relative_to(self.site).as_posix()] = data
        return out
