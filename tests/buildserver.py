"""Run ``mkdocs build`` in a fork of a process that has imported MkDocs and its libraries.

The tests build the project some forty times; each ``python -m mkdocs build`` spent about
a third of a second of CPU importing the same libraries before it read a file. This
server imports them once (never the project's own ``hooks/``: each copy's are imported
by its build, as the command does), then forks a child for each build, which runs the
``mkdocs`` module as ``python -m mkdocs build`` would, in the copy's folder with the
build's environment.

A fork shares the server's hash seed, so a test that compares two builds byte for byte
makes one of them with a fresh interpreter (``sitebuild.build(..., fresh=True)``).

The hostile-input tests run their builds here too, each child under their memory limit
and deadline (``BuildServer.run``'s ``memory`` and ``timeout``).

Protocol: one JSON request per line on standard input (``cwd``, ``argv``, ``env``,
``timeout``, ``memory``), one JSON answer per line on standard output.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import runpy
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# what ``mkdocs build`` of this project imports from site-packages (mkdocs.yml's theme,
# plugins and Markdown extensions; the hooks' libraries); the languages' Babel data too
# (their codes are the server's arguments)
PRELOAD = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.structure.files",
    "mkdocs.structure.nav",
    "mkdocs.structure.pages",
    "material",
    "mkdocs_static_i18n",
    "markdown",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.admonition",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "jinja2",
    "babel.dates",
    "babel.numbers",
    "jsonschema",
    "referencing",
    "icalendar",
    "holidays",
    "phonenumbers",
    "feedgen.feed",
    "yaml",
    "pagefind_bin",
)


def _child(request: dict, out: Path, err: Path) -> None:  # pragma: no cover - the child
    code = 70
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if request.get("memory"):
            resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        for fd, path in ((1, out), (2, err)):
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(handle, fd)
            os.close(handle)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        sys.stdin = open(0, closefd=False)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = open(2, "w", closefd=False)
        # as ``python -m module`` or ``python -c code`` run in the folder: the folder
        # first on the path, then PYTHONPATH's folders
        extra = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[0:1] = [request["cwd"], *extra]
        sys.dont_write_bytecode = bool(request["env"].get("PYTHONDONTWRITEBYTECODE"))
        option, target, *args = request["argv"]
        try:
            if option == "-m":
                sys.argv = [target, *args]
                runpy.run_module(target, run_name="__main__", alter_sys=True)
            else:
                sys.argv = ["-c", *args]
                exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # shown in the output, as the interpreter would show it
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _run(request: dict) -> dict:
    with tempfile.TemporaryDirectory(prefix="ici-build-") as tmp:
        out, err = Path(tmp, "out"), Path(tmp, "err")
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            _child(request, out, err)
        timed_out = False
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - started > request["timeout"]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                code, timed_out = -signal.SIGKILL, True
                break
            time.sleep(0.005)
        text = ""
        for path in (out, err):
            if path.exists():
                text += path.read_text(encoding="utf-8", errors="backslashreplace")
        seconds = time.monotonic() - started
        return {"returncode": code, "output": text, "timed_out": timed_out, "seconds": seconds}


def serve() -> None:  # pragma: no cover - the server process
    """Import the libraries, then answer build requests until standard input ends."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    from babel import Locale

    for code in sys.argv[1:]:
        Locale.parse(code).datetime_formats  # noqa: B018 - loads the locale's data
    answers = sys.stdout
    sys.stdout = sys.stderr
    for line in sys.stdin:
        answers.write(json.dumps(_run(json.loads(line))) + "\n")
        answers.flush()


class BuildServer:
    """The test process's build server, started at first use and stopped at exit.

    ``locales``: the languages whose Babel data the server loads before it forks.
    """

    def __init__(self, locales: tuple[str, ...] = ()) -> None:
        self._locales = locales
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        atexit.register(self.stop)

    def run(
        self,
        cwd: Path,
        argv: list[str],
        env: dict[str, str],
        timeout: float,
        memory: int | None = None,
    ) -> dict:
        """``python *argv`` (``-m module ...`` or ``-c code ...``) in ``cwd`` with ``env``,
        killed after ``timeout`` seconds, with at most ``memory`` bytes of address space:
        its ``returncode``, ``output`` (standard output, then error), ``timed_out`` and
        ``seconds``."""
        assert argv[0] in ("-m", "-c"), argv
        with self._lock:
            proc = self._started(env)
            request = {
                "cwd": str(cwd),
                "argv": argv,
                "env": env,
                "timeout": timeout,
                "memory": memory,
            }
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
            if not answer:
                raise RuntimeError(f"the build server ended ({proc.wait()})")
            return json.loads(answer)

    def _started(self, env: dict[str, str]) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, __file__, *self._locales],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
        return self._proc

    def stop(self) -> None:
        """End the server (its standard input closes)."""
        if self._proc is not None and self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(timeout=30)
        self._proc = None


if __name__ == "__main__":
    serve()
