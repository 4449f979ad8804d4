"""When files and lines last changed, from git: a few subprocess calls per run, not per file.

Dates are commit timestamps (seconds, committer time). Work not yet committed counts as
newer than any commit (:data:`UNCOMMITTED`). Outside a git checkout, or when git is
missing, :class:`GitDates` says so through ``available`` and every date is ``None``; the
callers then report what they can without history.
"""

from __future__ import annotations

import subprocess
from pathlib import Path as FsPath

# later than any real commit: a change still in the working tree is the newest change
UNCOMMITTED = 2**62

_ZERO_SHA = "0" * 40


def _git(root: FsPath, *args: str) -> str | None:
    """Run ``git -C root args``; ``None`` when git is missing or the command fails."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


class GitDates:
    """Last-change dates of files and lines below ``root`` (a folder inside a checkout)."""

    def __init__(self, root: FsPath):
        self.root = root
        prefix = _git(root, "rev-parse", "--show-prefix")
        # a folder that git ignores or that has no commit yet has no usable history
        self.available = prefix is not None and _git(root, "rev-parse", "HEAD") is not None
        self._prefix = (prefix or "").strip()
        self._dirty: set[str] | None = None

    def dirty(self) -> set[str]:
        """Paths (relative to ``root``) changed in the working tree or not tracked yet."""
        if self._dirty is None:
            self._dirty = set()
            out = _git(self.root, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
            if self.available and out:
                entries = out.split("\0")
                i = 0
                while i < len(entries):
                    entry = entries[i]
                    i += 1
                    if len(entry) < 4:
                        continue
                    if entry[0] in "RC":  # a rename is followed by its old path
                        i += 1
                    path = entry[3:]
                    # porcelain paths are relative to the top of the repository
                    if path.startswith(self._prefix):
                        self._dirty.add(path[len(self._prefix) :])
        return self._dirty

    def file_dates(self, folder: str) -> dict[str, int]:
        """Last commit time of every file under ``folder`` (paths relative to ``root``)."""
        if not self.available:
            return {}
        out = _git(
            self.root,
            "log",
            "--format=%x00%ct",
            "--name-only",
            "--no-renames",
            "--relative",
            "--",
            folder,
        )
        dates: dict[str, int] = {}
        stamp = 0
        for line in (out or "").splitlines():
            if line.startswith("\0"):
                stamp = int(line[1:])
            elif line and line not in dates:  # the log runs newest first
                dates[line] = stamp
        for path in self.dirty():
            if path.startswith(folder.rstrip("/") + "/"):
                dates[path] = UNCOMMITTED
        return dates

    def line_dates(self, path: str) -> list[int] | None:
        """Commit time of every line of ``path`` (index 0 is line 1); ``None`` without git."""
        if not self.available:
            return None
        out = _git(self.root, "blame", "--line-porcelain", "--", path)
        if out is None:
            # not tracked yet: every line is new work
            try:
                count = len((self.root / path).read_text(encoding="utf-8").splitlines())
            except (OSError, UnicodeDecodeError):
                return None
            return [UNCOMMITTED] * count
        dates: list[int] = []
        sha = ""
        for line in out.splitlines():
            if line.startswith("\t"):
                continue
            head = line.split(" ", 1)
            if len(head[0]) == 40 and all(c in "0123456789abcdef" for c in head[0]):
                sha = head[0]
            elif head[0] == "committer-time" and len(head) == 2:
                dates.append(UNCOMMITTED if sha == _ZERO_SHA else int(head[1]))
        return dates
