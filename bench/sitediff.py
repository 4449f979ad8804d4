"""Build the site of a git revision (default: main) and of the working tree, and list what
differs: files only in one site and the changed lines of files in both.

Usage: ``python -m bench.sitediff [--base main] [--lines 20]`` (``make sitediff``). Both
builds use the same SOURCE_DATE_EPOCH, so a difference is a difference of the generator or
the content, not of the build time. Pagefind's index (``pagefind/``) is compared by its list
of files only: its fragments are compressed and named by their content's hash.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("mkdocs.yml", "hooks", "overrides", "schemas", "docs", "data", "examples")
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z, as in the tests
TEXT = (".html", ".xml", ".json", ".csv", ".ics", ".vcf", ".js", ".css", ".txt", ".webmanifest")


def export_revision(rev: str, dest: Path) -> Path:
    """The project's sources at git revision ``rev``, written into ``dest``."""
    archive = subprocess.run(
        ["git", "archive", rev, *SOURCES], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def export_tree(dest: Path) -> Path:
    """The working tree's sources, copied into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def build(root: Path) -> Path:
    """``mkdocs build --strict`` of ``root`` into ``root/site``; stops on a failed build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{proc.stdout}{proc.stderr}")
    return root / "site"


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def compare(old: Path, new: Path, lines: int) -> list[str]:
    """The report: files only in one site, then each changed file's first changed lines."""
    a, b = _files(old), _files(new)
    out = [f"only in base: {name}" for name in sorted(a.keys() - b.keys())]
    out += [f"only in tree: {name}" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        if name.startswith("pagefind/"):
            continue
        before, after = a[name].read_bytes(), b[name].read_bytes()
        if before == after:
            continue
        if not name.endswith(TEXT):
            out.append(f"changed (binary): {name}")
            continue
        diff = list(
            difflib.unified_diff(
                before.decode("utf-8", "replace").splitlines(),
                after.decode("utf-8", "replace").splitlines(),
                f"base/{name}",
                f"tree/{name}",
                n=0,
                lineterm="",
            )
        )
        out.append(f"changed: {name} ({sum(1 for d in diff if d[:1] in '+-') - 2} lines)")
        out += [f"    {d[:300]}" for d in diff[2 : 2 + lines]]
    return out


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m bench.sitediff``; exit 1 when the sites differ."""
    parser = argparse.ArgumentParser(prog="python -m bench.sitediff", description=__doc__)
    parser.add_argument("--base", default="main", help="git revision to compare with")
    parser.add_argument("--lines", type=int, default=20, help="diff lines shown per file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitediff-") as tmp:
        old = build(export_revision(args.base, Path(tmp) / "base"))
        new = build(export_tree(Path(tmp) / "tree"))
        report = compare(old, new, args.lines)
    print("\n".join(report) if report else "The two sites are the same.")
    return 1 if report else 0


if __name__ == "__main__":
    raise SystemExit(main())
