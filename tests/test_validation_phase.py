"""One validation phase: ``make check`` and ``mkdocs build`` stop on the same problems,
each with ``file:line``, the same words and the same "how to fix" hint, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from ici.check import run_check
from ici.hints import GUIDE, HINTS, hint_for
from ici.problems import Problem
from ici_mkdocs import state
from sitebuild import build_copy, copy_project
from test_check_command import CONTENT_CASES

EVENTZ = (
    "---\ntemplate: ici/events_index.html\nici_list: eventz\n---\n# Pasākumi\n\nTeksts.\n",
    "docs/lv/events/index.md:3: ici_list: expected one of branches, courses, events, figures, "
    "handout, news, news_item, services, status, got 'eventz'",
    "    how to fix: use one of the listed names, as on the other listing pages",
)


def _check_lines(root: Path) -> list[str]:
    out = io.StringIO()
    assert run_check(root, out, status=False) == 1
    return out.getvalue().splitlines()


def _build_message(root: Path) -> str:
    """The message ``mkdocs build`` stops with, from the build's own on_config adapter."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    state._state = None
    with pytest.raises(PluginError) as info:
        state.load(config)
    return str(info.value)


def test_unknown_listing_stops_the_build_with_file_line_and_hint(tmp_path: Path) -> None:
    page, problem, hint = EVENTZ
    built = build_copy(tmp_path, {"docs/lv/events/index.md": page})
    assert built.returncode == 1
    assert "Traceback" not in built.output and "KeyError" not in built.output
    lines = built.output.splitlines()
    assert problem in lines, built.output
    assert lines[lines.index(problem) + 1] == hint
    # make check says the same, with the same hint
    check = _check_lines(built.root)
    assert check[check.index(problem) + 1] == hint


@pytest.mark.parametrize(
    ("case", "files", "expected"), CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES]
)
def test_every_content_problem_stops_the_build_as_the_check_reports_it(
    tmp_path: Path, case: str, files: dict[str, str], expected: str
) -> None:
    root = copy_project(tmp_path, files)
    check = _check_lines(root)
    hint = check[check.index(expected) + 1]
    assert hint.startswith("    how to fix: ") and hint != f"    how to fix: {GUIDE}"
    build = _build_message(root).splitlines()
    assert expected in build
    assert build[build.index(expected) + 1] == hint


def test_hints_are_found_by_code_not_by_the_words() -> None:
    """Rewording a message keeps its hint; the same words with another code get another."""
    reworded = Problem("docs/lv/x.md", 3, "ici_list", "no such listing", "content.ici_list")
    assert hint_for(reworded) == EVENTZ[2].removeprefix("    how to fix: ")
    same_words = Problem("docs/lv/x.md", 3, "ici_list", EVENTZ[1], "content.template")
    assert hint_for(same_words) == HINTS["content.template"] != hint_for(reworded)
