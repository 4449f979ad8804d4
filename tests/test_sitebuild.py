"""One build per test run, shared by the pytest-xdist workers (sitebuild.shared_build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import Built, shared_build


def test_a_shared_build_is_made_once_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Path] = []

    def make(folder: Path) -> Built:
        made.append(folder)
        (folder / "site").mkdir()
        return Built(folder, 0, "built")

    # two workers of one run: their temporary folders share a parent
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    first = shared_build(tmp_path / "popen-gw0", "x", make)
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    second = shared_build(tmp_path / "popen-gw1", "x", make)
    assert made == [tmp_path / "shared-x"]
    assert first == second == Built(tmp_path / "shared-x", 0, "built")
    # without xdist the session's own folder holds it
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    (tmp_path / "alone").mkdir()
    shared_build(tmp_path / "alone", "x", make)
    assert made[-1] == tmp_path / "alone" / "shared-x"


def test_a_build_left_half_made_is_made_again(tmp_path: Path) -> None:
    def broken(folder: Path) -> Built:
        (folder / "half").write_text("x", encoding="utf-8")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        shared_build(tmp_path, "y", broken)
    again = shared_build(tmp_path, "y", lambda folder: Built(folder, 1, "failed"))
    assert again.returncode == 1 and not (tmp_path / "shared-y" / "half").exists()
