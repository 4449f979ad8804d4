"""Whole-string validation, loader limits and export escaping, unit by unit.

The end-to-end cases (a mutated project, the check and the build) are in
``tests/test_hostile_data.py``; these pin the pieces they rely on.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar
from yaml.nodes import Node

from conftest import render_context
from ici.calendar_ics import FEED, event_calendars
from ici.dataset import load_dataset
from ici.exports_csv import neutralise
from ici.problems import format_path
from ici.schema_check import SCHEMA_DIR, whole_pattern
from ici.textguard import bad_text, line_problems
from ici.yamlcompose import compose
from ici.yamlsource import parse_text
from sitebuild import ROOT


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_every_schema_pattern_is_anchored_at_both_ends() -> None:
    patterns = [
        p
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
        for p in _patterns(json.loads(path.read_text(encoding="utf-8")))
    ]
    assert len(patterns) >= 10
    for pattern in patterns:
        for branch in pattern.split("|^"):
            assert pattern.startswith("^") and branch.endswith("$"), pattern


@pytest.mark.parametrize(
    ("pattern", "value", "ok"),
    [
        ("^[a-z0-9]+(-[a-z0-9]+)*$", "ngo-dialogue-platform-5", True),
        ("^[a-z0-9]+(-[a-z0-9]+)*$", "ngo-dialogue-platform-5\n", False),
        ("^\\+371 ?\\d{8}$", "+371 25565098", True),
        ("^\\+371 ?\\d{8}$", "+371 25565098\n", False),
        ("^\\+371 ?\\d{8}$", "+371 ٢٥٥٦٥٠٩٨", False),  # ECMA \d: ASCII digits only
        ("^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$", "24:00\n", False),
        ("^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$", "09:30", True),
        ('^[^"<>&$]*$', "costs 5$", False),  # a $ inside a class stays a character
        ('^[^"<>&$]*$', "costs 5 euro", True),
    ],
)
def test_patterns_match_the_whole_string(pattern: str, value: str, ok: bool) -> None:
    assert (whole_pattern(pattern).search(value) is not None) is ok


@pytest.mark.parametrize(
    "char", ["\x00", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x80", "\x9b", "\u2028", "\u202e"]
)
def test_control_characters_are_refused_in_every_value(char: str) -> None:
    assert bad_text(("services", 0, "description", "lv"), f"a{char}b")
    assert bad_text(("services", 0, "name", "lv"), f"a{char}b")


def test_line_breaks_only_in_long_texts() -> None:
    assert bad_text(("services", 0, "description", "lv"), "one\n\ntwo") is None
    message = bad_text(("organizations", 0, "name", "lv"), "ICI\n")
    assert message == (
        "expected text on one line without control characters, got a line break or tab "
        "U+000A at character 4 in 'ICI\\n'"
    )


def test_a_long_value_is_shown_around_its_bad_character() -> None:
    message = bad_text(("id",), "x" * 100 + "\x80" + "y" * 100)
    assert message is not None and "'xxx" in message and "\\x80" in message
    assert len(message) < 200


def test_markdown_lines_with_crlf_and_a_bom_are_fine() -> None:
    assert line_problems("\ufeff---\r\ndate: 2017\r\n---\r\n# T\tx\r\n", "x.md") == []
    [problem] = line_problems("# Title\v\n", "docs/lv/news/x.md")
    assert str(problem).startswith("docs/lv/news/x.md:1: expected text without control")


def test_a_key_with_a_control_character_is_shown_quoted() -> None:
    assert format_path(("branches", 0, "ki\x1bnd")) == "branches[0]['ki\\x1bnd']"


def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (_laughs(9), "1: expected a value without an anchor, got &a"),
        ("x: [1]\ny: *nothing\n", "2: expected a value written out, got an alias *nothing"),
        ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "1: expected data nested at most 20"),
        ("x:\n" + "- " * 100_000 + "z\n", "2: expected data nested at most 20"),
        ("x: 1\n---\nx: 2\n", "2: expected a single document"),
    ],
)
def test_the_loader_refuses_aliases_depth_and_documents_in_milliseconds(
    text: str, says: str
) -> None:
    started = time.perf_counter()
    src, problems = parse_text(text, "data/x.yaml", ("x",))
    assert time.perf_counter() - started < 2.0
    assert src.data is None
    assert [str(p) for p in problems] == [f"data/x.yaml:{says}" + _rest(problems[0].message)]


def _rest(message: str) -> str:
    # the test names the start of the message; the rest is what the loader says after it
    for cut in ("got &a", "*nothing", "at most 20", "single document"):
        if cut in message:
            return message[message.index(cut) + len(cut) :]
    return ""


@pytest.mark.parametrize(
    ("cell", "out"),
    [
        ('=HYPERLINK("http://evil.example/")', '\'=HYPERLINK("http://evil.example/")'),
        ("+37125565098", "'+37125565098"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Legal advice", "Legal advice"),
        ("", ""),
    ],
)
def test_csv_cells_are_neutralised_per_owasp(cell: str, out: str) -> None:
    assert neutralise(cell) == out


def test_the_calendar_name_is_escaped_text(tmp_path: Path) -> None:
    ds = load_dataset(ROOT)
    ds.organizations["ici"] = {**ds.organizations["ici"], "name": {"lv": "ICI\r\nEND:VCALENDAR"}}
    # the feed: the calendar's head is written once and put before its events
    ics = event_calendars(render_context(ds, "lv"))[FEED]
    assert b"X-WR-CALNAME:ICI\\nEND:VCALENDAR\r\n" in ics
    assert b"NAME:ICI\\nEND:VCALENDAR\r\n" in ics
    assert ics.count(b"\r\nEND:VCALENDAR\r\n") == 1  # the only real end
    # a parser sees one calendar, whose name keeps the line break as text
    [cal] = Calendar.from_ical(ics, multiple=True)
    assert cal.to_ical() == ics


def _same(ours: Node, theirs: Node) -> None:
    assert type(ours) is type(theirs) and ours.tag == theirs.tag
    for a, b in ((ours.start_mark, theirs.start_mark), (ours.end_mark, theirs.end_mark)):
        assert (a.line, a.column) == (b.line, b.column)
    if isinstance(theirs.value, list):
        assert len(ours.value) == len(theirs.value)
        for x, y in zip(ours.value, theirs.value, strict=True):
            pairs = zip(x, y, strict=True) if isinstance(y, tuple) else [(x, y)]
            for a, b in pairs:
                _same(a, b)
    else:
        assert ours.value == theirs.value


@pytest.mark.parametrize(
    "name", ["services", "contacts", "events", "courses", "figures", "strings/lv", "strings/uk"]
)
def test_the_limited_composer_builds_the_nodes_pyyaml_builds(name: str) -> None:
    text = (ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    _same(compose(yaml.SafeLoader(text)), yaml.compose(text, Loader=yaml.SafeLoader))
