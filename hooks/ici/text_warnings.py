"""Warnings about wording that ``make check`` prints but that never fail it.

- glossary: a variant to avoid in a text of that language (:mod:`ici.glossary`), in the
  Markdown of ``docs/<lang>/``, in the language texts (``lv:``, ``ru:`` ...) of ``data/``
  and ``examples/``, and in the interface strings of ``data/strings/<lang>.yaml``;
- ordinals: a Latvian line that may be an ordinal shown as a numbered list
  (:mod:`ici.ordinals`; the clear cases the build fixes by itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path as FsPath

from yaml.nodes import MappingNode, Node, ScalarNode

from .frontmatter import FRONT_MATTER
from .glossary import FILE as GLOSSARY_FILE
from .glossary import Glossary
from .languages import DEFAULT_LANG, languages
from .ordinals import doubtful_ordinals
from .problems import Problem, format_path
from .yamlfacts import LangScalar
from .yamlshare import file_digest, file_facts, shared_result, sharing
from .yamlsource import compose_text

_FENCE = re.compile(r"^\s*(```|~~~)")
# what is not prose in a Markdown line: inline code, link targets, bare web addresses
_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+")
# front matter keys whose values readers see
_SHOWN_KEYS = re.compile(r"^(title|description):")


def _markdown_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, prose)`` of a page: shown front matter values and the body."""
    front = FRONT_MATTER.match(text)
    body_start = text.count("\n", 0, front.end()) if front else 0
    fenced = False
    for index, line in enumerate(text.split("\n")):
        if index < body_start:
            if _SHOWN_KEYS.match(line):
                yield index + 1, line
            continue
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield index + 1, _NOT_PROSE.sub(" ", line)


def _glossary_problem(file: str, line: int, path: str, usage, found: str) -> Problem:
    return Problem(
        file,
        line,
        path,
        f"glossary {usage.term}: expected {usage.preferred!r} in {usage.lang}, got {found!r}",
        "warning.glossary",
    )


def markdown_warnings(root: FsPath, glossary: Glossary) -> list[Problem]:
    """Glossary and ordinal warnings for every page under ``docs/``."""
    docs = root / "docs"
    warnings: list[Problem] = []
    langs = languages(root)
    shared = _glossary_key(root)
    for md in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        lang = md.relative_to(docs).parts[0]
        if lang not in langs:
            continue
        try:
            text = md.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the content check reports it
        display = md.relative_to(root).as_posix()
        key = ("page-warnings", shared, display, lang, text)
        warnings += shared_result(key, partial(_page_warnings, text, display, lang, glossary))
    return warnings


def _page_warnings(text: str, display: str, lang: str, glossary: Glossary) -> list[Problem]:
    warnings: list[Problem] = []
    for number, line in _markdown_lines(text):
        for usage, found in glossary.variants(line, lang):
            warnings.append(_glossary_problem(display, number, "", usage, found))
    if lang == DEFAULT_LANG:
        for index, start in doubtful_ordinals(text):
            warnings.append(
                Problem(
                    display,
                    index + 1,
                    "",
                    f"line starts with {start!r}: expected a numbered list item, got what "
                    "may be an ordinal (Markdown shows it as a list item numbered 1)",
                    "warning.ordinal",
                )
            )
    return warnings


def _glossary_key(root: FsPath) -> bytes | None:
    """What a file's warnings are shared by besides its own text (inside ``shared_parses``,
    a copy of the project checked again): the glossary they come from. Without sharing,
    nothing is read for it."""
    return file_digest(root / GLOSSARY_FILE) if sharing() else None


def _strings(node: Node | None, lang: str) -> Iterator[LangScalar]:
    """``(section.key, language, text, line)`` of every string of one interface string file."""
    if isinstance(node, MappingNode):
        for section, keys in node.value:
            if isinstance(keys, MappingNode):
                for key, value in keys.value:
                    if isinstance(value, ScalarNode):
                        path = (f"{section.value}.{key.value}",)
                        yield path, lang, value.value, value.start_mark.line + 1


def data_warnings(root: FsPath, glossary: Glossary) -> list[Problem]:
    """Glossary warnings for the language texts of ``data/*.yaml`` and ``examples/*.yaml``."""
    warnings: list[Problem] = []
    langs = languages(root)
    files = [*sorted((root / "data").glob("*.yaml")), *sorted((root / "examples").glob("*.yaml"))]
    files += [root / "data" / "strings" / f"{lang}.yaml" for lang in langs]
    shared = _glossary_key(root)
    for path in files:
        display = path.relative_to(root).as_posix()
        if display == GLOSSARY_FILE or not path.is_file():
            continue
        digest = file_digest(path) if sharing() else None  # also without a glossary file
        key = ("data-warnings", shared, display, langs, digest)
        warnings += shared_result(key, partial(_file_warnings, path, display, langs, glossary))
    return warnings


def _file_warnings(
    path: FsPath, display: str, langs: tuple[str, ...], glossary: Glossary
) -> list[Problem]:
    # the same limits as the data check (no aliases, bounded nesting): a hostile file
    # must not hang or crash the warnings either
    texts: Iterable[LangScalar]
    try:
        if path.parent.name == "strings":
            texts = _strings(compose_text(path.read_text(encoding="utf-8")), path.stem)
        else:
            facts = file_facts(path, langs)  # read by the data check inside make check
            texts = facts.scalars if facts is not None else ()
    except UnicodeDecodeError:
        return []  # the data check reports it
    return [
        _glossary_problem(display, line, format_path(field_path), usage, found)
        for field_path, lang, value, line in texts
        for usage, found in glossary.variants(str(value), lang)
    ]


def text_warnings(root: FsPath, glossary: Glossary) -> list[Problem]:
    """Every wording warning in ``root``, sorted by file and line."""
    return sorted(set(markdown_warnings(root, glossary) + data_warnings(root, glossary)))
