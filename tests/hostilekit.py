"""Run the check (or the build) on a mutated copy of the project, with resource limits.

A hostile or careless change must end in one of two ways: exit status 1 with a
``file:line:`` message and no traceback, or a correct, safe result (exit 0). Each run is a
child process limited to ``MEMORY_BYTES`` of address space and ``TIMEOUT`` seconds, so a
case that would hang or fill the memory fails its test instead of the machine.

Usage in a test module (data cases here, Markdown cases in their own module)::

    CASES = [Case("id-newline", {"data/services.yaml": sub("id: ici\\n", 'id: "ici\\\\n"\\n')},
                  where="data/services.yaml", says="expected an id")]

    # hostile_base: a session fixture (tests/conftest.py), a copy made by make_base()
    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
    def test_case(case, hostile_base):
        root = apply(hostile_base, hostile_base.parent / case.name, case.files)
        [outcome] = run_checks([root])   # or run_build(root) for the build path
        assert_outcome(case, outcome)
"""

from __future__ import annotations

import io
import os
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import BUILD_SERVER, ROOT, SOURCE_DATE_EPOCH

LISTINGS = Path(__file__).resolve().parent / "fixtures" / "listings"

TIMEOUT = 10.0  # seconds per check or failing build
MEMORY_BYTES = 1 << 30  # address space per child process
# what a project copy shares with the repository (read only) and what a case may change
SHARED = ("hooks", "overrides", "schemas", "examples")
OWN = ("data", "docs", "mkdocs.yml")

Mutation = str | bytes | None | Callable[[str], str]


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """A mutation replacing ``old`` by ``new`` (``count`` times); fails if ``old`` is absent."""

    def mutate(text: str) -> str:
        assert old in text, f"the mutation's anchor {old!r} is not in the file"
        return text.replace(old, new, count)

    mutate.__doc__ = f"{old!r} -> {new[:60]!r}"
    return mutate


def replace_line(prefix: str, new: str) -> Callable[[str], str]:
    """A mutation replacing the first line that starts with ``prefix`` by ``new``."""

    def mutate(text: str) -> str:
        lines = text.split("\n")
        i = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        lines[i] = new
        return "\n".join(lines)

    return mutate


def chain(*mutations: Callable[[str], str]) -> Callable[[str], str]:
    """One mutation applying ``mutations`` in turn."""

    def mutate(text: str) -> str:
        for m in mutations:
            text = m(text)
        return text

    return mutate


def append(extra: str) -> Callable[[str], str]:
    """A mutation adding ``extra`` at the end of the file."""
    return lambda text: text + extra


@dataclass(frozen=True)
class Case:
    """One hostile input and the outcome it must have.

    ``files`` maps a project path to new text, bytes, None (delete) or a function of the
    old text. ``where`` is the file the message must point at (``None``: the run must
    succeed); ``says`` is a piece of the message. ``build`` also runs ``mkdocs build``,
    for inputs whose build path differs from the check's.
    """

    name: str
    files: dict[str, Mutation]
    where: str | None = None
    says: str = ""
    build: bool = False
    tags: tuple[str, ...] = field(default=())


@dataclass
class Outcome:
    """What one child process did."""

    command: str
    returncode: int
    output: str
    seconds: float


def make_base(dest: Path) -> Path:
    """A project copy to clone cases from: the shared folders as links, the rest copied."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    for name in OWN:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    # the real events and courses hold only what their sources give (no times, no repeats,
    # partial dates): the cases mutate the fixture listings, which have all of them
    for name in ("events", "courses"):
        shutil.copy2(LISTINGS / f"{name}.yaml", dest / "data" / f"{name}.yaml")
    return dest


def apply(base: Path, dest: Path, files: dict[str, Mutation]) -> Path:
    """A copy of ``base`` in ``dest`` with ``files`` changed.

    A few hundred cases each copy the project's data and pages, so the copy is made of
    links: a folder with no changed file in it is a symbolic link to the base's, a file
    beside a changed one a hard link; a changed file is a new file, so the base and the
    other cases never see the change.
    """
    _link_tree(base, dest, [Path(rel).parts for rel in files])
    for rel, change in files.items():
        target = dest / rel
        old = target.read_text(encoding="utf-8") if callable(change) else ""
        target.unlink(missing_ok=change is not None)
        if change is None:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(change, bytes):
            target.write_bytes(change)
        elif isinstance(change, str):
            target.write_text(change, encoding="utf-8")
        else:
            target.write_text(change(old), encoding="utf-8", newline="")
    return dest


def _link_tree(src: Path, dest: Path, changed: list[tuple[str, ...]]) -> None:
    """``dest`` as a linked copy of ``src`` in which the paths ``changed`` can be written."""
    dest.mkdir(parents=True)
    inside = {parts[0] for parts in changed if len(parts) > 1}
    for entry in os.scandir(src):
        target = dest / entry.name
        if entry.name in inside and entry.is_symlink():
            raise ValueError(f"a case may not change the shared {entry.name}/")
        if entry.name in inside and entry.is_dir():
            _link_tree(Path(entry.path), target, [p[1:] for p in changed if p[0] == entry.name])
        elif entry.is_symlink():
            target.symlink_to(os.readlink(entry.path))
        elif entry.is_dir():
            target.symlink_to(entry.path, target_is_directory=True)
        else:
            os.link(entry.path, target)


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_limited(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> Outcome:
    """Run ``args`` in ``cwd`` under the memory limit; a timeout is an outcome, not an error.

    ``python -m ...`` and ``python -c ...`` run in a fork of the build server
    (tests/buildserver.py), which has imported MkDocs and its libraries once.
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH),
        "PYTHONPATH": str(cwd / "hooks"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    command = " ".join(args)
    if args[0] == sys.executable and args[1] in ("-m", "-c"):
        answer = BUILD_SERVER.run(cwd, args[1:], env, timeout, memory=MEMORY_BYTES)
        if answer["timed_out"]:
            out = answer["output"] + f"\n[timed out after {timeout} s]"
            return Outcome(command, -999, out, timeout)
        return Outcome(command, answer["returncode"], answer["output"], answer["seconds"])
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            args,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            errors="backslashreplace",
            timeout=timeout,
            preexec_fn=_limits,
        )
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "backslashreplace")
        return Outcome(command, -999, out + f"\n[timed out after {timeout} s]", timeout)
    seconds = time.perf_counter() - started
    return Outcome(command, proc.returncode, proc.stdout + proc.stderr, seconds)


def run_check(root: Path) -> Outcome:
    """``python -m ici.check --no-status`` on ``root`` (its ``run_check`` in a forked child
    under the limits, see ``run_checks``)."""
    return run_checks([root], jobs=1)[0]


def _check_child(root: Path, fd: int) -> int:  # pragma: no cover - runs in the child
    from ici.check import run_check as check

    os.environ["SOURCE_DATE_EPOCH"] = str(SOURCE_DATE_EPOCH)
    out = io.TextIOWrapper(os.fdopen(fd, "wb"), encoding="utf-8", errors="backslashreplace")
    sys.stdout = sys.stderr = out
    result = [70]

    def run() -> None:
        # the memory limit once the thread's stack is mapped: a test process grown near the
        # limit (browsers' threads, site builds) could not map one after it
        _limits()
        try:
            result[0] = check(root, out, status=False)
        except BaseException:  # shown, so that the test sees the traceback
            traceback.print_exc(file=out)

    # in a thread of its own, the check starts on an empty stack as ``python -m ici.check``
    # does: the forking test's frames (deeper without pytest-xdist, or inside Playwright's
    # greenlets) once tipped a 100-deep list over the recursion limit
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    out.flush()
    return result[0]


def run_checks(
    roots: list[Path], jobs: int = 2, timeout: float = TIMEOUT, base: Path | None = None
) -> list[Outcome]:
    """The check on each root, ``jobs`` at a time, each in a forked child under the limits.

    The same as ``python -m ici.check --no-status ROOT`` (its ``run_check``), without a new
    interpreter importing everything again per case: a fork of this process, which has
    imported the checker once, runs each case with its own memory limit and deadline.
    With ``base`` (the project the roots were copied from), this process reads its data
    files once first: every child reuses what it read for each file it did not change.
    """
    import ici.check
    from ici.yamlshare import shared_parses

    with shared_parses():
        if base is not None:
            ici.check.run_check(base, io.StringIO(), status=False)
        return _run_checks(roots, jobs, timeout)


def _run_checks(roots: list[Path], jobs: int, timeout: float) -> list[Outcome]:

    outcomes: list[Outcome | None] = [None] * len(roots)
    waiting = list(enumerate(roots))
    running: dict[int, tuple[int, int, float, list[bytes]]] = {}  # fd -> (index, pid, t0, out)
    while waiting or running:
        while waiting and len(running) < jobs:
            index, root = waiting.pop(0)
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                os.close(r)
                code = 70
                try:
                    code = _check_child(root, w)
                finally:
                    os._exit(code)
            os.close(w)
            running[r] = (index, pid, time.perf_counter(), [])
        ready, _, _ = select.select(list(running), [], [], 0.05)
        now = time.perf_counter()
        for fd in list(running):
            index, pid, started, chunks = running[fd]
            if fd in ready:
                chunk = os.read(fd, 65536)
                if chunk:
                    chunks.append(chunk)
                    continue
            elif now - started <= timeout:
                continue
            else:
                os.kill(pid, signal.SIGKILL)
                chunks.append(f"\n[timed out after {timeout} s]".encode())
            os.close(fd)
            _, status = os.waitpid(pid, 0)
            code = -999 if now - started > timeout else os.waitstatus_to_exitcode(status)
            text = b"".join(chunks).decode("utf-8", "backslashreplace")
            outcomes[index] = Outcome(f"check {root_name(roots[index])}", code, text, now - started)
            del running[fd]
    return [o for o in outcomes if o is not None]


def root_name(root: Path) -> str:
    """A case's folder name, for messages."""
    return root.name


def run_build(root: Path, timeout: float = 120.0) -> Outcome:
    """``mkdocs build --strict`` in ``root`` (a successful build may take longer than a check)."""
    return run_limited(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], root, timeout
    )


_TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|^\w+(Error|Exception): ", re.MULTILINE
)


def assert_outcome(case: Case, outcome: Outcome, limit: float | None = TIMEOUT) -> None:
    """The outcome ``case`` demands: a located message without traceback, or success.

    ``limit`` is the most seconds the run may take (None for a successful full build).
    """
    shown = f"{outcome.command} -> {outcome.returncode} in {outcome.seconds:.1f} s:\n"
    shown += outcome.output[-3000:]
    assert outcome.returncode != -999, shown
    assert outcome.returncode >= 0, f"killed by signal {-outcome.returncode}: {shown}"
    assert not _TRACEBACK.search(outcome.output), shown
    if limit is not None:
        assert outcome.seconds < limit, shown
    if case.where is None:
        assert outcome.returncode == 0, shown
        return
    assert outcome.returncode == 1, shown
    # the check prints problems at the start of a line, and so does the build's error list
    located = re.compile(rf"^{re.escape(case.where)}:\d+: ", re.MULTILINE)
    assert located.search(outcome.output), f"no {case.where}:LINE message: {shown}"
    assert case.says in outcome.output, f"{case.says!r} not said: {shown}"
