"""``mkdocs build``: Pagefind indexes the site after the MkDocs process has ended.

Pagefind holds one language's index in memory while it runs (1.1 to 1.3 GB at 10,000
services), and the MkDocs process keeps the loaded data and the pages of four builds
(about 1 GB at that size) until it exits: side by side they were 2.5 GB. At
``on_startup`` of ``mkdocs build`` the process holds only its configuration, so it forks
there: the child builds the site as before, except that instead of running Pagefind it
writes what Pagefind needs (the site folder, the languages' folders) to a small plan file
(``deferred``); the parent waits for the child to exit, indexes the site from the plan,
and exits with the build's status. The peak is then the larger of the two, not their sum.

``mkdocs serve`` and ``gh-deploy`` (which must publish the index with the pages), a
platform without ``fork``, and a process that already runs threads index in the build's
own process, as before.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path as FsPath

from mkdocs.exceptions import PluginError

from . import timing

log = logging.getLogger("mkdocs.plugins.ici.search")

# set in the child: where to write the plan instead of running Pagefind
_plan: FsPath | None = None

# Index ``site`` into ``bundle``, one Pagefind run per language (``prefixes``: language ->
# folder); returns the summary line. ``search_index.index_site``, passed in by the hook.
Indexer = Callable[[FsPath, dict[str, str], FsPath], str]


def split(command: str, index: Indexer, bundle_name: str) -> None:
    """From ``on_startup``: for ``mkdocs build``, fork; return in the child (which builds),
    and in the parent wait for it, index the site and end the process with its status."""
    if command != "build" or not _cli_process():
        return
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return
    global _plan
    fd, name = tempfile.mkstemp(prefix="ici-pagefind-plan-", suffix=".json")
    os.close(fd)
    plan = FsPath(name)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: the build goes on, Pagefind waits for its end
        _plan = plan
        return
    try:
        code = _wait(pid)
        if code == 0 and plan.stat().st_size:
            code = _index(plan, index, bundle_name)
    finally:
        plan.unlink(missing_ok=True)
    # the build ran in the child: this process has nothing left to do but end
    raise SystemExit(code)


def _cli_process() -> bool:
    """True in a process started as the ``mkdocs`` command (``mkdocs``, ``python -m
    mkdocs``): only there may this process end once the build has (not in a test or a
    program that runs the build's events itself)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "mkdocs.__main__":
        return True
    return FsPath(sys.argv[0]).name == "mkdocs"


def deferred(site: FsPath, prefixes: dict[str, str]) -> bool:
    """In the build's child: write the plan and return True (the parent will index);
    elsewhere False (index now)."""
    if _plan is None:
        return False
    plan = {"site": str(site), "prefixes": prefixes}
    _plan.write_text(json.dumps(plan), encoding="utf-8")
    return True


def _wait(pid: int) -> int:
    try:
        _, status = os.waitpid(pid, 0)
    except KeyboardInterrupt:
        # Ctrl-C reached the child too (same process group): let it end, then stop
        os.waitpid(pid, 0)
        raise
    return os.waitstatus_to_exitcode(status)


def _index(plan_file: FsPath, index: Indexer, bundle_name: str) -> int:
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    site = FsPath(plan["site"])
    started = time.perf_counter()
    try:
        with timing.phase("pagefind"):
            summary = index(site, dict(plan["prefixes"]), site / bundle_name)
    except PluginError as exc:
        log.error("%s", exc)
        return 1
    seconds = time.perf_counter() - started
    log.info("Pagefind: %s (%.1f s, after the build)", summary, seconds)
    timing.merge_saved()
    return 0
