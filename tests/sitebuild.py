"""Build a copy of the project into a temporary folder, with chosen files replaced."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from buildserver import BuildServer
from langs import LANGS

ROOT = Path(__file__).resolve().parents[1]
COPIED = (
    "mkdocs.yml",
    "mkdocs-demo.yml",
    "hooks",
    "overrides",
    "schemas",
    "docs",
    "data",
    "examples",
)


@dataclass
class Built:
    """The result of one ``mkdocs build``: exit code, log, and the output folder."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, rel: str) -> HTMLParser:
        """Parse one output page, e.g. ``ru/contacts/riga/index.html``."""
        return HTMLParser((self.site / rel).read_text(encoding="utf-8"))

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def copy_project(dest: Path, replace: dict[str, str | None] | None = None) -> Path:
    """Copy the project's sources to ``dest``; ``replace`` maps a path to new text or None."""
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            # with the bytecode the tests' own imports wrote (make test lets Python write it):
            # the copies keep their sources' times, so a build of the copy reuses it rather
            # than compiling hooks/ again, and an edited file is compiled anew
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    for rel, text in (replace or {}).items():
        target = dest / rel
        if text is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return dest


SOURCE_DATE_EPOCH = 1767225600  # 2026-01-01T00:00:00Z: "now" of every test build


# the test process's builds (and the hostile-input tests' limited runs, tests/hostilekit.py)
BUILD_SERVER = BuildServer(LANGS)


def build(
    root: Path,
    *extra: str,
    epoch: int = SOURCE_DATE_EPOCH,
    site_dir: Path | None = None,
    fresh: bool = False,
) -> Built:
    """Run ``mkdocs build --strict`` in ``root`` as an editor or CI would.

    The output goes to ``root/site``, or to ``site_dir`` (a folder named ``site``) when the
    sources must stay untouched, as the fixture site's do. The command runs in a fork of
    the build server (tests/buildserver.py), which has imported MkDocs and its libraries
    once; ``fresh`` runs it in a new interpreter instead (another hash seed, for a test
    that compares two builds byte for byte).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
    if site_dir is not None:
        assert site_dir.name == "site", site_dir
    out = site_dir or root / "site"
    args = ["build", "--strict", "-d", str(out), *extra]
    if not fresh:
        answer = BUILD_SERVER.run(root, ["-m", "mkdocs", *args], env, timeout=600)
        return Built(out.parent, answer["returncode"], answer["output"])
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Built(out.parent, proc.returncode, proc.stdout + proc.stderr)


def build_copy(dest: Path, replace: dict[str, str | None] | None = None) -> Built:
    """Copy the project with replacements and build it."""
    return build(copy_project(dest, replace))


def shared_build(base: Path, name: str, make: Callable[[Path], Built]) -> Built:
    """``make(folder)`` once per test run, also when pytest-xdist runs several workers.

    ``base`` is the session's temporary folder (``tmp_path_factory.getbasetemp()``); the
    workers of one run share its parent, so the first worker to need a build makes it
    under a file lock and the others wait for it and read its result.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / f"shared-{name}"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = base / f"shared-{name}.json"
        if result.is_file():
            saved = json.loads(result.read_text(encoding="utf-8"))
            return Built(Path(saved["root"]), saved["returncode"], saved["output"])
        if folder.exists():  # left by a worker that failed before it finished
            shutil.rmtree(folder)
        folder.mkdir()
        built = make(folder)
        result.write_text(json.dumps(asdict(built), default=str), encoding="utf-8")
        return built


def dataset_on(root: Path, epoch: int, dataset: str = "data"):
    """The dataset of a project copy as loaded on the build day ``epoch`` (Unix seconds;
    "now" for lifecycle and provenance), whatever the environment says; ``dataset`` as
    for ``load_dataset`` (``examples``: the demonstration dataset)."""
    from ici.dataset import load_dataset

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        return load_dataset(root, dataset)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
