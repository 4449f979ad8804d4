"""CONTRIBUTING (lv and en): every copy-paste example validates, every quoted message is real."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from ici.check import find_problems
from ici.dataset import load_dataset
from ici.hints import hint_for
from ici.problems import DataError
from langs import PREFIX
from sitebuild import ROOT, build, copy_project
from test_check_command import CONTENT_CASES
from test_loader_errors import CASES, _data_root

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.en.md"]
# <!-- example: data/<file>.yaml <list> --> or <!-- example: docs/lv/<page>.md --> before a
# code block; both may be indented (inside a list item), the block's lines by the same amount
_EXAMPLE = re.compile(
    r"^(?P<indent> *)<!-- example: (?P<target>\S+)(?: (?P<key>\w+))? -->\n"
    r"(?P=indent)```\w+\n(?P<body>.*?)^(?P=indent)```$",
    re.S | re.M,
)
KINDS = {"organizations", "services", "branches", "events", "courses", "news", "guide"}


class _Example:
    """One example: where it goes and its text, without the indentation of its list item."""

    def __init__(self, m: re.Match[str]):
        self.target, self.key = m["target"], m["key"]
        cut = len(m["indent"])
        self.body = "".join(line[cut:] for line in m["body"].splitlines(keepends=True))

    def __getitem__(self, name: str) -> str | None:
        return getattr(self, name)


def _examples(name: str) -> list[_Example]:
    return [_Example(m) for m in _EXAMPLE.finditer((ROOT / name).read_text(encoding="utf-8"))]


def _kind(m: _Example) -> str:
    return m["key"] or m["target"].split("/")[2]


def _add_examples(root: Path, examples: list[_Example]) -> dict[str, str]:
    """Put each example into the project copy; returns kind -> the id or page it became."""
    added: dict[str, str] = {}
    for m in examples:
        if m["key"]:
            # a list item for data/<file>.yaml: insert it first in its list, under a new id
            # so that it cannot clash with a real record of the same id
            item = yaml.safe_load(m["body"])
            assert isinstance(item, list) and len(item) == 1, m["body"]
            new_id = f"{item[0]['id']}-example"
            body = m["body"].replace(f"  - id: {item[0]['id']}\n", f"  - id: {new_id}\n", 1)
            path = root / m["target"]
            text = path.read_text(encoding="utf-8")
            head = f"\n{m['key']}:\n"
            assert head in text, f"{m['target']} has no {m['key']}: list"
            path.write_text(text.replace(head, head + body, 1), encoding="utf-8")
            added[m["key"]] = new_id
        else:
            # a page: written next to the example's path under a name no real page has
            target = Path(m["target"])
            page = target.with_name("contributing-example.md")
            (root / page).parent.mkdir(parents=True, exist_ok=True)
            (root / page).write_text(m["body"], encoding="utf-8")
            added[_kind(m)] = page.relative_to("docs/lv").as_posix()
    return added


@pytest.mark.parametrize("name", GUIDES)
def test_every_kind_of_change_has_an_example(name: str) -> None:
    assert {_kind(m) for m in _examples(name)} == KINDS


@pytest.mark.parametrize("name", GUIDES)
def test_examples_validate_against_the_schemas_and_checks(name: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    added = _add_examples(root, _examples(name))
    assert find_problems(root) == []
    ds = load_dataset(root)
    for key in ("organizations", "services", "branches", "events", "courses"):
        assert added[key] in ds.collection(key)


def _target(page: str, href: str) -> str:
    """The site path a relative ``href`` on ``page`` (e.g. ``en/news/x/index.html``) reaches."""
    parts = page.split("/")[:-1]
    for seg in href.split("#", 1)[0].split("/"):
        if seg == "..":
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts) + "/"


def test_examples_build_and_record_links_reach_the_page_in_each_language(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    added = _add_examples(root, _examples("CONTRIBUTING.en.md"))
    # the English guide page exists; the English news item falls back to the Latvian one
    guide_lv = (root / "docs" / "lv" / added["guide"]).read_text(encoding="utf-8")
    guide_en = root / "docs" / "en" / added["guide"]
    guide_en.parent.mkdir(parents=True, exist_ok=True)
    guide_en.write_text(guide_lv, encoding="utf-8")
    built = build(root)
    assert built.returncode == 0, built.output
    for kind in ("news", "guide"):
        page = added[kind].removesuffix(".md")
        for prefix in PREFIX.values():
            rel = f"{prefix}{page}/index.html"
            hrefs = [
                a.attributes["href"]
                for a in built.html(rel).css("article a[href]")
                if "riga" in (a.attributes.get("href") or "")
            ]
            assert [_target(rel, h) for h in hrefs] == [f"{prefix}contacts/riga/"], rel
    branch = added["branches"]
    assert (built.site / "ru" / "contacts" / branch / "index.html").is_file()


def test_both_guides_carry_the_same_examples() -> None:
    bodies = [[(m["target"], m["body"]) for m in _examples(name)] for name in GUIDES]
    assert bodies[0] == bodies[1]


_QUOTED = re.compile(r"`((?:data|docs)/[^`:]+:\d+: [^`]+)`")


@pytest.mark.parametrize("name", GUIDES)
def test_every_quoted_message_is_one_the_checks_really_print(name: str) -> None:
    tested = [c[-1] for c in CASES] + [c[-1] for c in CONTENT_CASES]
    quoted = _QUOTED.findall((ROOT / name).read_text(encoding="utf-8"))
    assert len(quoted) >= 30
    for message in quoted:
        if message.endswith(", ..."):
            assert any(t.startswith(message.removesuffix("...")) for t in tested), message
        else:
            assert message in tested, message


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, letters/digits/spaces/hyphens, spaces to -."""
    text = heading.strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in ("L", "N"))
    return kept.replace(" ", "-")


@pytest.mark.parametrize("name", GUIDES)
def test_links_inside_the_guide_reach_a_heading(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) <= anchors
    other = GUIDES[1 - GUIDES.index(name)]
    assert f"]({other})" in text


@pytest.mark.parametrize("name", GUIDES)
def test_sample_output_shows_the_real_hint(tmp_path: Path, name: str) -> None:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    samples = [i for i, line in enumerate(lines) if line.startswith("    how to fix: ")]
    assert samples
    for i in samples:
        [case] = [c for c in CASES if c[-1] == lines[i - 1]]
        _, file, old, new, expected = case
        with pytest.raises(DataError) as info:
            load_dataset(_data_root(tmp_path, file, old, new))
        [problem] = [p for p in info.value.problems if str(p) == expected]
        assert lines[i].removeprefix("    how to fix: ") == hint_for(problem)
