"""``mkdocs build`` indexes the site with Pagefind after the build's process has ended.

The memory of the two never adds up (bench/RESULTS.md): the build forks at startup, the
child builds and writes a plan, the parent indexes from it and ends with the child's
status. A failed build runs no Pagefind and leaves no plan behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ici_mkdocs import pagefind_after, timing
from sitebuild import ROOT, SOURCE_DATE_EPOCH, Built, copy_project


def test_the_index_is_made_after_the_build_has_ended(small_site: Built) -> None:
    lines = small_site.output.splitlines()
    built = next(i for i, line in enumerate(lines) if "Documentation built in" in line)
    indexed = [i for i, line in enumerate(lines) if "Pagefind: Indexed" in line]
    assert len(indexed) == 1 and indexed[0] > built, small_site.output
    assert lines[indexed[0]].endswith("after the build)")
    assert (small_site.site / "pagefind" / "pagefind-entry.json").is_file()


def test_a_failed_build_runs_no_pagefind_and_leaves_no_plan(tmp_path: Path) -> None:
    text = (ROOT / "data" / "services.yaml").read_text(encoding="utf-8")
    broken = text.replace("category: rights", "category: rightz", 1)
    root = copy_project(tmp_path, {"data/services.yaml": broken})
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH),
        "TMPDIR": str(temp),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "services[0].category: expected a category" in output
    assert "Pagefind" not in output
    assert "Traceback" not in output
    assert list(temp.iterdir()) == []


def test_outside_the_build_child_the_index_is_made_at_once(tmp_path: Path) -> None:
    # mkdocs serve, gh-deploy, or a build started without the CLI: nothing is deferred
    assert pagefind_after.deferred(tmp_path, {"lv": ""}) is False
    assert list(tmp_path.iterdir()) == []


def test_only_the_mkdocs_command_forks() -> None:
    """A program that runs the build's events itself (this test) must go on as it was:
    no fork, no exit, nothing deferred."""
    pid = os.getpid()

    def index(site: Path, prefixes: dict[str, str], bundle: Path) -> str:
        raise AssertionError("no index outside the mkdocs command")

    for command in ("build", "serve", "gh-deploy"):
        assert pagefind_after.split(command, index, "pagefind") is None
    assert os.getpid() == pid
    assert pagefind_after.deferred(Path("/nonexistent"), {"lv": ""}) is False


def test_the_timings_of_the_index_join_the_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "timings.json"
    report = {
        "build_s": 10.0,
        "build_cpu_s": 8.0,
        "phases_s": {"render": 6.0},
        "phases_cpu_s": {"render": 5.0},
        "counts": {"render": 3},
        "peak_mib": {"mkdocs": 100.0, "child": 50.0},
    }
    saved.write_text(json.dumps(report), encoding="utf-8")
    monkeypatch.setenv(timing.ENV, str(saved))
    with timing.phase("pagefind"):
        pass
    timing.merge_saved()
    merged = json.loads(saved.read_text(encoding="utf-8"))
    assert merged["phases_s"]["render"] == 6.0
    assert merged["counts"] == {"render": 3, "pagefind": 1}
    assert 0 <= merged["phases_s"]["pagefind"] < 1
    assert merged["build_s"] == pytest.approx(10.0 + merged["phases_s"]["pagefind"], abs=1e-3)
    assert "after" in merged["peak_mib"]
    timing.write()  # start the tables over for the next test
