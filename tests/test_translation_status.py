"""The translation status on a git repository made with commits at set dates."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ici.translation_status import (
    UNCOMMITTED,
    report_lines,
    show_date,
    today_from_env,
    translation_report,
)
from langkit import mkdocs_yml

# the fixture repository's own languages, whatever the site configures
FIXTURE_LANGS = ("lv", "ru", "en")  # langs: data

SERVICES_V1 = """\
services:
  - id: alpha
    name:
      lv: Alfa
      ru: Альфа
      en: Alpha
    description:
      lv: Pirmais apraksts.
      ru: Первое описание.
      en: First description.
    eligibility_description:
      lv: Visi.
    fees_description: {lv: Bez maksas., ru: Бесплатно., en: Free.}
    sources: [{title: Source, publisher: ICI, published: "2025-01-10"}]
  - id: beta
    name:
      lv: Beta
      ru: Бета
    sources: [{title: Source, publisher: ICI, published: "2025-03-01"}]
  - id: gamma
    name:
      lv: Gamma
      ru: Гамма
      en: Gamma
    sources: [{title: Source, publisher: ICI, published: "2025-02-28"}]
    description:
      lv: >-
        Garš teksts
        otrā rindā.
      ru: >-
        Длинный текст
        на второй строке.
      en: Long text on the second line.
"""


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+00:00"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _commit(root: Path, when: str, files: dict[str, str]) -> None:
    _write(root, files)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", f"edit on {when}", when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """lv/ru/en pages and a data file, changed over three commits in 2025."""
    root = tmp_path / "project"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _commit(
        root,
        "2025-01-10",
        {
            "mkdocs.yml": mkdocs_yml(*FIXTURE_LANGS),
            "docs/lv/guide/a.md": "# A\n",
            "docs/ru/guide/a.md": "# A ru\n",
            "docs/en/guide/a.md": "# A en\n",
            "docs/lv/guide/b.md": "# B\n",
            "docs/ru/guide/b.md": "# B ru\n",
            "docs/lv/index.md": "# Sākums\n",
            "docs/ru/index.md": "# Главная\n",
            "docs/en/index.md": "# Home\n",
            "data/services.yaml": SERVICES_V1,
        },
    )
    # the Latvian page and the Latvian description change: every translation is behind
    _commit(
        root,
        "2025-06-01",
        {
            "docs/lv/guide/a.md": "# A\n\nJauns teikums.\n",
            "data/services.yaml": SERVICES_V1.replace(
                "Pirmais apraksts.", "Otrais apraksts."
            ).replace("otrā rindā.", "otrajā rindā."),
        },
    )
    # the English translations catch up; the Russian ones do not
    v3 = SERVICES_V1.replace("Pirmais apraksts.", "Otrais apraksts.").replace(
        "otrā rindā.", "otrajā rindā."
    )
    _commit(
        root,
        "2025-07-01",
        {
            "docs/en/guide/a.md": "# A en\n\nA new sentence.\n",
            "data/services.yaml": v3.replace("First description.", "Second description."),
        },
    )
    return root


TODAY = date(2026, 3, 1)


def test_pages_missing_outdated_and_current(repo: Path) -> None:
    report = translation_report(repo, TODAY)
    assert report.git
    gaps = {(g.state, g.page, g.langs) for g in report.pages}
    assert gaps == {
        ("missing", "guide/b.md", ("en",)),
        ("outdated", "guide/a.md", ("ru",)),
    }
    outdated = report.select("pages", "outdated")[0]
    assert show_date(outdated.source_date) == "2025-06-01"
    assert show_date(outdated.translation_date) == "2025-01-10"
    assert outdated.site_path == "guide/a/"


def test_data_texts_missing_outdated_and_current(repo: Path) -> None:
    report = translation_report(repo, TODAY)
    gaps = {(g.state, g.path, g.langs, g.line) for g in report.fields}
    assert gaps == {
        ("missing", "services[0].eligibility_description", FIXTURE_LANGS[1:], 12),
        ("missing", "services[1].name", ("en",), 17),
        ("outdated", "services[0].description", ("ru",), 9),
        # a change on the second line of a folded text counts too
        ("outdated", "services[2].description", ("ru",), 30),
        ("outdated", "services[2].description", ("en",), 33),
    }
    outdated = report.select("fields", "outdated")[0]
    assert (outdated.record_id, outdated.field) == ("alpha", "description")
    assert show_date(outdated.source_date) == "2025-06-01"
    assert show_date(outdated.translation_date) == "2025-01-10"


def test_records_due_for_review_are_those_older_than_12_months(repo: Path) -> None:
    report = translation_report(repo, TODAY)
    # 2025-03-01 is exactly 12 months before 2026-03-01: not yet due
    assert [(r.record_id, r.last_reviewed, r.line) for r in report.reviews] == [
        ("alpha", "2025-01-10", 14),
        ("gamma", "2025-02-28", 25),
    ]


def test_uncommitted_latvian_change_makes_translations_outdated(repo: Path) -> None:
    path = repo / "data" / "services.yaml"
    path.write_text(path.read_text().replace("lv: Alfa", "lv: Alfa jauna"), encoding="utf-8")
    (repo / "docs" / "lv" / "index.md").write_text("# Sākums!\n", encoding="utf-8")
    report = translation_report(repo, TODAY)
    names = [g for g in report.select("fields", "outdated") if g.path == "services[0].name"]
    assert [(g.langs, g.source_date) for g in names] == [
        (("ru",), UNCOMMITTED),
        (("en",), UNCOMMITTED),
    ]
    pages = {(g.page, g.langs) for g in report.select("pages", "outdated")}
    assert {("index.md", ("ru",)), ("index.md", ("en",))} <= pages
    lines = report_lines(report)
    assert (
        "    docs/ru/index.md:1: older than docs/lv/index.md (ru 2025-01-10, lv not committed)"
        in lines
    )


def test_without_git_only_missing_texts_and_reviews_are_reported(
    repo: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    report = translation_report(plain, TODAY)
    assert not report.git
    assert [g.state for g in report.pages] == ["missing"]
    assert {g.state for g in report.fields} == {"missing"}
    assert len(report.reviews) == 2
    assert "  (no git history here: outdated translations cannot be found)" in report_lines(report)


def test_report_lines_name_file_and_line(repo: Path) -> None:
    lines = report_lines(translation_report(repo, TODAY))
    assert lines[0] == "Translation status on 2026-03-01:"
    assert "    docs/lv/guide/b.md:1: no en page yet, the Latvian page is shown" in lines
    assert (
        "    data/services.yaml:9: services[0].description.ru: older than the lv text "
        "(ru 2025-01-10, lv 2025-06-01)"
    ) in lines
    assert (
        "    data/services.yaml:12: services[0].eligibility_description: "
        "no ru and en text yet, the lv text is shown"
    ) in lines
    assert (
        "    data/services.yaml:14: services[0].sources: newest source 2025-01-10 (alpha)" in lines
    )


def test_today_respects_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert today_from_env() == date(2026, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert today_from_env() == date.today()
