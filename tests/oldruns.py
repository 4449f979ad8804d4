"""Earlier test runs' temporary folders, removed while this run's tests run.

pytest keeps the temporary folders of the last three runs (``tmp_path_retention_count``)
and removes the older ones when a run ends. One run of this suite writes about 80,000
files (site builds, project copies); removing a run's folder took up to 7 s at the end of
every run, with both cores idle. This plugin removes the same folders at the start, in a
thread of the controlling process, which has little else to do while the workers test.

A folder with a ``.lock`` file (its run is still going) is left alone. pytest's own
cleanup at the end stays as it is; it then finds nothing left to remove.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import uuid
from pathlib import Path

import pytest

_NUMBERED = re.compile(r"pytest-(\d+)")
_removal: list[threading.Thread] = []


def old_runs(basetemp: Path, keep: int) -> list[Path]:
    """The numbered folders beside ``basetemp`` that pytest removes at the end of this run:
    all but the ``keep`` newest, and none that a running session still holds."""
    numbered = {}
    for entry in basetemp.parent.iterdir():
        match = _NUMBERED.fullmatch(entry.name)
        if match and entry.is_dir() and not entry.is_symlink():
            numbered[int(match[1])] = entry
    newest = max(numbered, default=-1)
    return [
        path
        for number, path in sorted(numbered.items())
        if number <= newest - keep and not (path / ".lock").exists()
    ]


def _remove(paths: list[Path]) -> None:
    for path in paths:
        # renamed first, as pytest does: a half-removed folder never looks like a run's
        garbage = path.with_name(f"garbage-{uuid.uuid4()}")
        try:
            path.rename(garbage)
        except OSError:
            continue  # another session removed it
        shutil.rmtree(garbage, ignore_errors=True)


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.basetemp:
        return  # a worker's folder is inside the controller's; a given folder is the user's
    if config.getini("tmp_path_retention_policy") != "all":
        return
    basetemp = config._tmp_path_factory.getbasetemp()
    paths = old_runs(basetemp, int(config.getini("tmp_path_retention_count")))
    if paths:
        thread = threading.Thread(target=_remove, args=(paths,), daemon=True)
        thread.start()
        _removal.append(thread)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    # before pytest's own cleanup, which would otherwise start on the same folders
    while _removal:
        _removal.pop().join()
