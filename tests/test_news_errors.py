"""News front matter is checked like data: every problem located and worded for editors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ici.news import load_news
from sitebuild import ROOT, build_copy

ITEM = """---
template: ici/news_item.html
ici_list: news_item
date: 2017-12-28
description: A summary that is long enough to be useful.
---
# A title

Text.
"""

# (case, text replaced in ITEM, replacement, the exact problem)
CASES = [
    ("missing date", "date: 2017-12-28\n", "",
     "docs/lv/news/item.md:2: date: expected a value (required field), got nothing"),
    ("date format", "2017-12-28", "28.12.2017",
     "docs/lv/news/item.md:4: date: expected a publication date as YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known, got '28.12.2017'"),
    ("unreal date", "2017-12-28", "2017-02-30",
     "docs/lv/news/item.md:4: date: expected a real calendar date, got '2017-02-30'"),
    ("quote in summary", "long enough", 'long "enough"',
     "docs/lv/news/item.md:5: description: expected a one- or two-sentence summary (20 to 300 characters, no \" < > &), got 'A summary that is long \"enough\" to be useful.'"),
    ("short summary", "A summary that is long enough to be useful.", "Short.",
     "docs/lv/news/item.md:5: description: expected a one- or two-sentence summary (20 to 300 characters, no \" < > &), got 'Short.'"),
    ("wrong template", "ici/news_item.html", "ici/news.html",
     "docs/lv/news/item.md:2: template: expected ici/news_item.html (shows the date and the link to all news), got 'ici/news.html'"),
    ("unknown field", "date: 2017-12-28\n", "date: 2017-12-28\nauthor: Rasa\n",
     "docs/lv/news/item.md:5: author: unknown field, expected one of date, description, ici_list, sources, template"),
    ("no heading", "# A title\n", "A title\n",
     "docs/lv/news/item.md:1: expected a first-level heading (# Title), got nothing"),
    ("no front matter", "---\ntemplate", "template",
     "docs/lv/news/item.md:1: expected front matter between --- lines with date and description"),
    ("syntax error", "date: 2017-12-28", "date: [2017",
     "docs/lv/news/item.md:5: YAML syntax error: expected ',' or ']', but got ':'"),
]  # fmt: skip


def _root(tmp_path: Path, files: dict[str, str]) -> Path:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    for rel, text in files.items():
        target = tmp_path / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return tmp_path


def test_valid_item_loads(tmp_path: Path) -> None:
    news, problems = load_news(_root(tmp_path, {"lv/news/item.md": ITEM}))
    assert problems == []
    assert [(i.slug, i.title, i.date.iso()) for i in news.for_lang("en")] == [
        ("item", "A title", "2017-12-28")
    ]


@pytest.mark.parametrize(("case", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_front_matter_problem(tmp_path: Path, case: str, old: str, new: str, expected: str) -> None:
    assert old in ITEM
    _, problems = load_news(_root(tmp_path, {"lv/news/item.md": ITEM.replace(old, new, 1)}))
    assert expected in [str(p) for p in problems]


def test_translation_must_keep_the_latvian_date(tmp_path: Path) -> None:
    ru = ITEM.replace("2017-12-28", "2017-12-27")
    _, problems = load_news(_root(tmp_path, {"lv/news/item.md": ITEM, "ru/news/item.md": ru}))
    assert [str(p) for p in problems] == [
        "docs/ru/news/item.md:4: date: expected the same date as docs/lv/news/item.md "
        "(2017-12-28), got '2017-12-27'"
    ]


def test_bad_news_date_stops_the_build_without_traceback(tmp_path: Path) -> None:
    rel = "docs/en/news/ici-continues-2018-2020.md"
    text = (ROOT / rel).read_text(encoding="utf-8").replace("date: 2018-01", "date: 2018-13")
    built = build_copy(tmp_path, {rel: text})
    assert built.returncode != 0
    assert "Traceback" not in built.output
    assert f"{rel}:4: date: expected a real calendar date, got '2018-13'" in built.output
