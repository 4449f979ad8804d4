"""The ``check`` command: exit status, located problems with hints, content checks, speed."""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ici.check import find_problems, run_check
from ici.hints import GUIDE, hint_for
from ici.problems import Problem
from ici.views import LIST_VIEWS
from ici.yamlshare import shared_parses
from sitebuild import ROOT, copy_project
from test_loader_errors import CASES, FIXTURE

NEWS = "news/2017-10-13-nvo-dialoga-platforma.md"
DESC = "description: Piektā NVO Dialoga platformas tikšanās notika ICI birojā.\n"
SOURCES = 'sources: [{title: Ziņa, publisher: ICI, published: "2017-10-13"}]\n'


# (case, files to write (path -> text), the exact problem line)
CONTENT_CASES = [
    ("news without front matter", {f"docs/lv/{NEWS}": "# Jaunums\n\nTeksts.\n"},
     f"docs/lv/{NEWS}:1: expected front matter between --- lines with date and description"),
    ("news date format", {f"docs/lv/{NEWS}": f"---\ndate: 13.10.2017\n{DESC}---\n# Jaunums\n"},
     f"docs/lv/{NEWS}:2: date: expected a publication date as YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known, got '13.10.2017'"),
    ("news unreal date", {f"docs/lv/{NEWS}": f"---\ndate: 2017-02-30\n{DESC}---\n# Jaunums\n"},
     f"docs/lv/{NEWS}:2: date: expected a real calendar date, got '2017-02-30'"),
    ("news dates differ",
     {f"docs/lv/{NEWS}": f"---\ndate: 2017-10-13\n{DESC}---\n# Jaunums\n",
      f"docs/ru/{NEWS}": f"---\ndate: 2017-10-14\n{DESC}---\n# Новость\n"},
     f"docs/ru/{NEWS}:2: date: expected the same date as docs/lv/{NEWS} (2017-10-13), got '2017-10-14'"),
    ("news without description", {f"docs/lv/{NEWS}": "---\ndate: 2017-10-13\n---\n# Jaunums\n"},
     f"docs/lv/{NEWS}:2: description: expected a value (required field), got nothing"),
    ("front matter syntax",
     {"docs/lv/index.md": "---\ntemplate: ici/x.html\ntitle: a: b\n---\n# X\n"},
     "docs/lv/index.md:3: front matter: YAML syntax error: mapping values are not allowed here"),
    ("front matter not closed", {"docs/lv/index.md": "---\ntitle: x\n# X\n"},
     "docs/lv/index.md:1: front matter: expected a closing --- line after the front matter"),
    ("unknown template", {"docs/lv/index.md": "---\ntemplate: ici/nope.html\n---\n# X\n"},
     "docs/lv/index.md:2: template: expected a template in overrides/, got 'ici/nope.html'"),
    ("unknown listing",
     {"docs/lv/index.md": "---\ntemplate: ici/contacts_index.html\nici_list: nope\n---\n# X\n"},
     f"docs/lv/index.md:3: ici_list: expected one of {', '.join(sorted(LIST_VIEWS))}, got 'nope'"),
    ("unknown record link", {"docs/lv/index.md": "# X\n\nTeksts.\n\n[a](service:nope)\n"},
     "docs/lv/index.md:5: link service:nope: expected the id of a service in the data, got 'nope'"),
    ("broken page link", {"docs/lv/index.md": "# X\n\nTeksts.\n\n[a](missing.md)\n"},
     "docs/lv/index.md:5: link missing.md: expected a page in docs/lv/, got 'missing.md'"),
    ("link out of the language", {"docs/lv/contacts/index.md": "# K\n\n[a](../../en/index.md)\n"},
     "docs/lv/contacts/index.md:3: link ../../en/index.md: expected a page in docs/lv/, "
     "got '../../en/index.md'"),
    ("orphan translation", {"docs/ru/extra.md": "# Лишняя\n"},
     "docs/ru/extra.md:1: expected a Latvian page docs/lv/extra.md for this translation, got none"),
    ("page without sources", {"docs/lv/guide/work.md": "# Darbs\n\nTeksts.\n"},
     "docs/lv/guide/work.md:1: sources: expected a list of sources in the front matter (title, publisher, published), got nothing"),
    ("front matter without sources",
     {"docs/lv/about/index.md": "---\ntemplate: ici/about.html\nici_list: figures\n---\n# Par ICI\n"},
     "docs/lv/about/index.md:2: sources: expected a list of sources in the front matter (title, publisher, published), got nothing"),
    ("source without date",
     {"docs/lv/guide/work.md": "---\nsources:\n  - {title: Ziņa, publisher: ICI}\n---\n# Darbs\n"},
     "docs/lv/guide/work.md:3: sources[0].published: expected a value (required field), got nothing"),
    ("source date format",
     {"docs/lv/guide/work.md": '---\nsources:\n  - {title: Ziņa, publisher: ICI, published: "28.12.2017"}\n---\n# Darbs\n'},
     "docs/lv/guide/work.md:3: sources[0].published: expected a date as YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known, got '28.12.2017'"),
    ("outside the language folders", {"docs/notes.md": "# Notes\n"},
     "docs/notes.md:1: expected the page under a language folder (docs/lv/, docs/ru/, docs/en/, docs/uk/)"),
    ("script in a page", {"docs/lv/index.md": "# X\n\nTeksts.\n\n<script>alert(1)</script>\n"},
     "docs/lv/index.md:5: expected Markdown text, got the HTML element <script> (scripts, frames, forms, styles and other active HTML are not allowed)"),
    ("markup in a title", {"docs/lv/index.md": "---\ntitle: <b>Darbs</b>\n---\n# X\n"},
     "docs/lv/index.md:2: title: expected plain text without HTML markup, got '<b>Darbs</b>'"),
]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _shared() -> Iterator[None]:
    """The module's checks share what they read (as ``make check`` and the hostile-data
    tests do: by the text of each file, so a changed file is read again)."""
    with shared_parses():
        yield


def _check(root: Path, status: bool = False) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_check(root, out, status=status)
    return code, out.getvalue().splitlines()


def _hint_after(lines: list[str], problem: str) -> str:
    assert problem in lines, "\n".join(lines)
    follow = lines[lines.index(problem) + 1]
    assert follow.startswith("    how to fix: ")
    return follow.removeprefix("    how to fix: ")


def _fixture_root(tmp_path: Path, file: str, old: str | None, new: str) -> Path:
    """The loader fixture with one change, plus the real strings, schemas and templates."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    shutil.copytree(ROOT / "data" / "strings", tmp_path / "data" / "strings")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    target = tmp_path / "data" / f"{file}.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _run_cli(root: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "ici.check", *([str(root)] if root else [])]
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_real_project_passes_in_under_three_seconds() -> None:
    # the processor time of the check, not the wall time: the tests run in parallel
    # (pytest-xdist) on machines that other work shares
    started = _children_cpu()
    proc = _run_cli()
    elapsed = _children_cpu() - started
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[0].startswith("Translation status on ")
    assert "No problems: all data and content are valid" in proc.stdout
    assert 0 < elapsed < 3, f"make check took {elapsed:.1f} s of processor time"


def test_copy_outside_git_passes_and_says_history_is_missing(tmp_path: Path) -> None:
    code, lines = _check(copy_project(tmp_path), status=True)
    assert code == 0, "\n".join(lines)
    assert "  (no git history here: outdated translations cannot be found)" in lines


def test_cli_exits_1_with_the_problem_and_its_hint(tmp_path: Path) -> None:
    root = _fixture_root(tmp_path, "services", '"+371 25565098"', '"2556"')
    proc = _run_cli(root, GITHUB_ACTIONS="")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    problem = (
        "data/services.yaml:21: services[0].phones[0].number: expected +371 and 8 digits, "
        "got '2556'"
    )
    assert _hint_after(lines, problem) == (
        'write the number in quotes as "+371 12345678": +371, a space, then 8 digits'
    )
    assert lines[-1].startswith("1 problem found (")
    assert not any(line.startswith("::error") for line in lines)


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_malformed_data_fails_with_the_line_and_a_hint(
    tmp_path: Path, case: str, file: str, old: str | None, new: str, expected: str
) -> None:
    code, lines = _check(_fixture_root(tmp_path, file, old, new))
    assert code == 1
    assert _hint_after(lines, expected) != GUIDE


@pytest.mark.parametrize(
    ("case", "files", "expected"), CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES]
)
def test_malformed_content_fails_with_the_line_and_a_hint(
    tmp_path: Path, case: str, files: dict[str, str], expected: str
) -> None:
    code, lines = _check(copy_project(tmp_path, files))
    assert code == 1
    assert _hint_after(lines, expected) != GUIDE


def test_valid_links_code_blocks_and_fallback_pages_pass(tmp_path: Path) -> None:
    page = (
        f"---\ndate: 2017-10-13\n{DESC}{SOURCES}---\n# Новость\n\n"
        "[Контакты](../contacts/index.md#riga), [ICI](https://www.integration.lv/), "
        "[почта](mailto:konsultacijas@integration.lv)\n\n"
        # a page only in Latvian: the Russian build shows its Latvian fallback
        "[Только по-латышски](../only-lv.md)\n\n"
        "```markdown\n[пример](missing.md) [пример](service:nope)\n```\n"
    )
    files = {
        f"docs/lv/{NEWS}": f"---\ndate: 2017-10-13\n{DESC}{SOURCES}---\n# Jaunums\n",
        f"docs/ru/{NEWS}": page,
        "docs/lv/only-lv.md": f"---\n{SOURCES}---\n# Tikai latviski\n",
    }
    code, lines = _check(copy_project(tmp_path, files))
    assert code == 0, "\n".join(lines)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    root = copy_project(
        tmp_path,
        {"docs/ru/extra.md": f"---\n{SOURCES}---\n# Лишняя\n", f"docs/lv/{NEWS}": "# Jaunums\n"},
    )
    contacts = root / "data" / "contacts.yaml"
    contacts.write_text(contacts.read_text().replace("region: latgale", "region: latgal", 1))
    code, lines = _check(root)
    assert code == 1
    located = [line for line in lines if not line.startswith((" ", "warning: "))][:-1]
    assert [line.split(":", 1)[0] for line in located] == [
        "data/contacts.yaml",
        f"docs/lv/{NEWS}",
        "docs/ru/extra.md",
        f"docs/lv/{NEWS}",  # a news item without front matter names no sources either
    ]
    assert lines[-1].startswith("4 problems found (")


def test_github_actions_get_annotations_on_the_changed_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = _fixture_root(tmp_path, "services", "category: rights", "category: legal")
    code, lines = _check(root)
    assert code == 1
    assert (
        "::error file=data/services.yaml,line=16,title=make check::services[0].category: "
        "expected a category from the list in schemas/services.schema.json, got 'legal' "
        "(how to fix: use exactly one of the allowed values named in the message, spelled the "
        "same way)"
    ) in lines


def test_unknown_kind_of_problem_points_to_contributing() -> None:
    assert hint_for(Problem("data/x.yaml", 1, "", "something new", "no.such.code")) == GUIDE
    assert "CONTRIBUTING.md" in GUIDE and "CONTRIBUTING.en.md" in GUIDE


def test_page_that_is_not_utf8_is_a_located_problem(tmp_path: Path) -> None:
    root = copy_project(tmp_path, {"docs/lv/extra.md": "# Papildu\n"})
    (root / "docs" / "lv" / "extra.md").write_bytes("# Papildu lapa ā\n".encode("cp1257"))
    code, lines = _check(root)
    assert code == 1
    hint = _hint_after(lines, "docs/lv/extra.md:1: expected UTF-8 text, got a byte 0xe2")
    assert hint.startswith("save the file as UTF-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "problem", "start"),
    [
        ("docs/lv/news/ici-continues-2018-2020.md", "description: ", "summary: ",
         "docs/lv/news/ici-continues-2018-2020.md:2: description: expected a value (required "
         "field), got nothing", "a news item starts with ---, date:"),
        ("docs/lv/news/ici-continues-2018-2020.md", "date: 2018-01", "date: 13.10.2017",
         "docs/lv/news/ici-continues-2018-2020.md:5: date: expected a publication date as "
         "YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known, got '13.10.2017'",
         "write the date as date: 2026-11-23 (year-month-day, no quotes)"),
        ("data/services.yaml", "      lv: ", "      xx: ", ".lv: expected a value (required field)",
         "every text needs its Latvian version"),
        ("data/services.yaml", "    organization_id: ", "    organisation: ",
         ".organization_id: expected a value (required field), got nothing",
         "add the missing field"),
        ("data/courses.yaml", "start_date: ", "start_date: '1.9.' #",
         ".start_date: expected a date as YYYY-MM-DD", 'write the date in quotes as "2026-11-23"'),
    ],
)  # fmt: skip
def test_the_most_specific_hint_wins(
    tmp_path: Path, file: str, old: str, new: str, problem: str, start: str
) -> None:
    """The same words (``expected a value``) get the hint of their kind of problem (code)."""
    root = copy_project(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [p for p in find_problems(root) if problem in str(p)]
    assert found, [str(p) for p in find_problems(root)]
    assert hint_for(found[0]).startswith(start)
