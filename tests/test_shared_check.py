"""Checks shared inside ``shared_parses`` find exactly what unshared ones find.

``make check`` and the hostile-data tests read many copies of one project: a text read
before is parsed and checked once (ici.yamlshare). What a check finds depends on more
than the text (the languages of the copy's mkdocs.yml, its schemas, the demonstration
files' date shift), so a warmed share must never change the outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostilekit import apply, make_base
from ici.check import find_problems, find_warnings
from ici.examples import EXAMPLES
from ici.glossary import load_glossary
from ici.problems import DataError
from ici.synonyms import load_synonyms
from ici.ui import load_strings
from ici.yamlshare import shared_parses
from langs import LANGS
from sitebuild import SOURCE_DATE_EPOCH, dataset_on


def _without_language(text: str, lang: str) -> str:
    """mkdocs.yml with ``lang`` no longer built (its texts are then unexpected)."""
    entry = f"        - locale: {lang}\n"
    start = text.index(entry)
    end = text.index("          build: true\n", start)
    return text[:end] + "          build: false\n" + text[end + len("          build: true\n") :]


CHANGES = {
    "a language less": {"mkdocs.yml": lambda text: _without_language(text, LANGS[-1])},
    "a page size": {
        "mkdocs.yml": lambda text: text.replace(
            "extra:\n", "extra:\n  ici_courses: {page_size: 0}\n", 1
        )
    },
    "a page's markup and a control character": {
        f"docs/{LANGS[0]}/guide/work.md": lambda text: text + "\n<script>x</script>\n\x07\n"
    },
    "a glossary variant": {
        "data/glossary.yaml": lambda text: text.replace(
            "    lv: {preferred: NVO}\n", "    lv: {preferred: NVO, avoid: [ICI]}\n", 1
        )
    },
    "an interface string": {
        f"data/strings/{LANGS[0]}.yaml": lambda text: text + "extra_section:\n  x: 1\n"
    },
}


def _found(root: Path) -> list[str]:
    """What the check finds (its warnings too), and what each small file's loader finds on
    its own (the check stops at the data's problems before it reads some of them)."""
    found = [str(p) for p in find_problems(root)]
    found += [f"warning: {p}" for p in find_warnings(root)]
    for load in (load_glossary, load_strings, load_synonyms):
        try:
            load(root)
        except DataError as exc:
            found += [f"{load.__name__}: {p}" for p in exc.problems]
    return found


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_base(tmp_path_factory.mktemp("shared") / "base")


@pytest.mark.parametrize("name", CHANGES)
def test_a_warmed_share_finds_what_a_fresh_check_finds(base: Path, name: str) -> None:
    root = apply(base, base.parent / name.replace(" ", "-"), CHANGES[name])
    alone = _found(root)
    assert alone  # each change is a problem the check must find
    with shared_parses():
        assert _found(base) == []
        shared = _found(root)
        again = _found(base)
    assert shared == alone
    assert again == []


def test_the_demonstration_dates_follow_each_builds_day(base: Path) -> None:
    """The demonstration events move to the week of the build: a share holds each shift."""

    def starts(epoch: int) -> list[str]:
        ds = dataset_on(base, epoch, EXAMPLES)
        return sorted(str(rec["start"]) for rec in ds.events.values())

    later = SOURCE_DATE_EPOCH + 7 * 86400
    alone = starts(SOURCE_DATE_EPOCH), starts(later)
    assert alone[0] != alone[1]
    with shared_parses():
        assert (starts(SOURCE_DATE_EPOCH), starts(later)) == alone
