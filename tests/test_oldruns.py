"""Earlier runs' temporary folders (tests/oldruns.py): the ones pytest would remove at the
end of the run, and no other."""

from __future__ import annotations

from pathlib import Path

from oldruns import _remove, old_runs


def test_all_but_the_newest_runs_go_except_one_still_running(tmp_path: Path) -> None:
    for number in (3, 7, 8, 9, 10):
        (tmp_path / f"pytest-{number}").mkdir()
    (tmp_path / "pytest-7" / ".lock").write_text("", encoding="utf-8")  # a run still going
    (tmp_path / "pytest-current").symlink_to(tmp_path / "pytest-10")
    (tmp_path / "pytest-2").symlink_to(tmp_path / "pytest-3")
    (tmp_path / "pytest-x").mkdir()
    (tmp_path / "other-1").mkdir()
    old = old_runs(tmp_path / "pytest-10", keep=3)
    assert old == [tmp_path / "pytest-3"]
    assert old_runs(tmp_path / "pytest-10", keep=1) == [tmp_path / f"pytest-{n}" for n in (3, 8, 9)]
    (tmp_path / "pytest-3" / "site").mkdir()
    (tmp_path / "pytest-3" / "site" / "index.html").write_text("x", encoding="utf-8")
    _remove(old)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["other-1", "pytest-10", "pytest-2", "pytest-7", "pytest-8", "pytest-9",
                     "pytest-current", "pytest-x"]  # fmt: skip
