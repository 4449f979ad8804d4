"""Checks of the Markdown content in ``docs/`` that need no build.

MkDocs silently ignores front matter it cannot read and only finds a broken page link
while building; these checks find both (and a few editor slips) in a fraction of a second.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path as FsPath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import markup
from .frontmatter import FRONT_MATTER
from .languages import DEFAULT_LANG, languages
from .problems import Path, Problem, format_path
from .textguard import bad_text, line_problems
from .yamlcompose import LimitError, compose
from .yamlshare import shared_result, sharing

_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


class _Page:
    """One Markdown file: its text, front matter and the line of each front matter key."""

    def __init__(self, docs: FsPath, md: FsPath, display: str):
        self.display = display
        self.rel = md.relative_to(docs)
        self.lang = self.rel.parts[0]
        self.page = FsPath(*self.rel.parts[1:]).as_posix()
        self.text = ""
        self.meta: dict[str, ScalarNode | None] = {}
        self.lines: dict[str, int] = {}
        self.body_line = 1  # line where the Markdown after the front matter starts
        self.problems: list[Problem] = []
        try:
            # MkDocs reads Markdown as utf-8-sig: a byte order mark is not part of the text
            self.text = md.read_text(encoding="utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            self._problem(
                1,
                "",
                f"expected UTF-8 text, got a byte {exc.object[exc.start]:#x}",
                "content.encoding",
            )
            return
        self._read_front_matter()

    def _problem(self, line: int, path: str, message: str, code: str) -> None:
        self.problems.append(Problem(self.display, line, path, message, code))

    def _read_front_matter(self) -> None:
        if not self.text.startswith("---"):
            return
        m = FRONT_MATTER.match(self.text)
        if m is None:
            self._problem(
                1,
                "front matter",
                "expected a closing --- line after the front matter",
                "content.front_matter",
            )
            return
        self.body_line = self.text.count("\n", 0, m.end()) + 1
        try:
            # no anchors, aliases or deep nesting: the same limits as the data files
            node = _compose_front_matter(m.group(1))
        except LimitError as exc:
            self._problem(exc.line + 1, "front matter", exc.message, "content.limit")
            return
        except yaml.reader.ReaderError as exc:
            # the line check reports the character with its line
            line = m.group(1).count("\n", 0, exc.position) + 2
            self._problem(
                line,
                "front matter",
                f"expected printable text, got {exc.character!r}",
                "text.unprintable",
            )
            return
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 2 if mark else 1
            self._problem(line, "front matter", f"YAML syntax error: {exc.problem}", "yaml.syntax")
            return
        if node is None:
            return
        if not isinstance(node, MappingNode):
            self._problem(
                2, "front matter", "expected fields like date: 2026-11-23", "content.front_matter"
            )
            return
        for key, value in node.value:
            self.meta[key.value] = value if isinstance(value, ScalarNode) else None
            self.lines[key.value] = key.start_mark.line + 2
        for path, scalar in _scalars(node, ()):
            why = bad_text(path, scalar.value)
            if why:
                self._problem(scalar.start_mark.line + 2, format_path(path), why, "text.control")

    def body_lines(self) -> Iterator[tuple[int, str]]:
        """``(line number, text)`` of the Markdown body outside fenced code blocks."""
        fenced = False
        for number, line in enumerate(self.text.splitlines()[self.body_line - 1 :]):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                yield number + self.body_line, line


def _compose_front_matter(text: str) -> Node | None:
    """The front matter's node; libyaml reads it when it can (a check reads every page of
    every language), the pure-Python parser when there is a problem to word, as its
    messages are the ones editors see."""
    if hasattr(yaml, "CSafeLoader") and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        loader = yaml.CSafeLoader(text)
        try:
            return compose(loader)
        except (yaml.YAMLError, LimitError):
            pass
        finally:
            loader.dispose()
    return compose(yaml.SafeLoader(text))


def _scalars(node: Node, path: tuple[str | int, ...]) -> Iterator[tuple[Path, ScalarNode]]:
    """Every text value of front matter with its field path (keys included)."""
    if isinstance(node, ScalarNode):
        yield path, node
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, (*path, i))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            name = str(key.value) if isinstance(key, ScalarNode) else "?"
            yield from _scalars(key, path)
            yield from _scalars(value, (*path, name))


def _check_meta(page: _Page, root: FsPath, list_names: set[str]) -> None:
    template = page.meta.get("template")
    if template is not None and template.value.startswith("ici/"):
        if not (root / "overrides" / template.value).is_file():
            page._problem(
                page.lines["template"],
                "template",
                f"expected a template in overrides/, got {template.value!r}",
                "content.template",
            )
    listing = page.meta.get("ici_list")
    if listing is not None and listing.value not in list_names:
        names = ", ".join(sorted(list_names))
        page._problem(
            page.lines["ici_list"],
            "ici_list",
            f"expected one of {names}, got {listing.value!r}",
            "content.ici_list",
        )


def check_markup(page: _Page, rendered: str | None = None) -> None:
    """Titles and descriptions are plain text; the body renders to allowed HTML only.

    ``rendered`` is the body's HTML when a build has made it, else it is rendered here."""
    for key, newlines in (("title", False), ("description", True)):
        if key not in page.lines:
            continue
        node = page.meta.get(key)
        if node is None:
            page._problem(
                page.lines[key], key, "expected plain text, got a list or mapping", "markup.title"
            )
            continue
        why = markup.plain_text_problem(node.value, newlines)
        if why:
            page._problem(page.lines[key], key, why, "markup.title")
    if rendered is None:
        body = "\n".join(page.text.splitlines()[page.body_line - 1 :])
        too_big = markup.size_problem(body)
        if too_big:
            page._problem(page.body_line, "", too_big, "markup.size")
            return
        try:
            rendered = markup.render(body)
        except RecursionError:
            page._problem(
                page.body_line,
                "",
                "expected Markdown nested less deeply, got a page too deeply nested to read",
                "markup.size",
            )
            return
    lines = list(page.body_lines())
    # the site has no fenced_code extension: a "fenced" <script> is raw HTML, so search
    # the fences as well when the rest does not hold the finding
    every = list(enumerate(page.text.splitlines()[page.body_line - 1 :], start=page.body_line))
    for finding in markup.html_findings(rendered):
        line = markup.locate(lines, finding.needle, 0) or markup.locate(
            every, finding.needle, page.body_line
        )
        page._problem(line, "", finding.message, finding.code)


def _check_links(page: _Page, docs: FsPath) -> None:
    """Relative links to ``.md`` pages must reach a page in this language or in lv."""
    base = FsPath(page.page).parent
    for number, line in page.body_lines():
        for m in _LINK.finditer(line):
            target = m["target"].split("#", 1)[0].split("?", 1)[0]
            if not target.endswith(".md") or ":" in target or target.startswith("/"):
                continue
            parts: list[str] = []
            for part in (base / target).parts:
                if part == "..":
                    if not parts:
                        break
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            rel = "/".join(parts)
            found = rel and any((docs / lang / rel).is_file() for lang in (page.lang, DEFAULT_LANG))
            if not found:
                page._problem(
                    number,
                    f"link {m['target']}",
                    f"expected a page in docs/{page.lang}/, got {target!r}",
                    "content.page_link",
                )


def markup_problems(root: FsPath, docs: FsPath) -> list[Problem]:
    """Markup problems of every page in ``docs``: the build's own check (``make check``
    finds them among the others)."""
    problems: list[Problem] = []
    for md in sorted(docs.rglob("*.md")):
        problems.extend(page_markup_problems(root, docs, md))
    return problems


def page_markup_problems(
    root: FsPath, docs: FsPath, md: FsPath, rendered: str | None = None
) -> list[Problem]:
    """Markup problems of one page (``rendered``: its HTML as built, if there is one)."""
    page = _Page(docs, md, _display(md, root))
    if not page.problems:  # else MkDocs cannot read the page either: stop the build too
        check_markup(page, rendered)
    return page.problems


def _display(md: FsPath, root: FsPath) -> str:
    try:
        return md.relative_to(root).as_posix()
    except ValueError:
        return md.as_posix()


def _read_page(
    docs: FsPath, md: FsPath, display: str
) -> tuple[_Page, list[Problem], list[Problem]]:
    """A page, its line problems and its markup problems: what depends on its text alone.

    Inside ``yamlshare.shared_parses`` a page read before (the same bytes at the same
    place) is not read, parsed and rendered again; each caller gets a page of its own.
    """

    def read() -> tuple[_Page, list[Problem], list[Problem]]:
        page = _Page(docs, md, display)
        own = len(page.problems)
        check_markup(page)
        markup_found = page.problems[own:]
        del page.problems[own:]
        return page, line_problems(page.text, display), markup_found

    if not sharing():
        return read()
    key = ("content page", display, md.relative_to(docs).as_posix(), md.read_bytes())
    page, lines, markup_found = shared_result(key, read)
    mine = copy.copy(page)
    mine.problems = list(page.problems)
    return mine, list(lines), list(markup_found)


def check_content(root: FsPath, list_names: set[str], docs: FsPath | None = None) -> list[Problem]:
    """Every problem in ``docs`` (``root/docs``); ``list_names``: the known ``ici_list`` values."""
    docs = docs if docs is not None else root / "docs"
    if not docs.is_dir():
        return []
    problems: list[Problem] = []
    langs = languages(root)
    pages: dict[str, set[str]] = {lang: set() for lang in langs}
    folders = ", ".join(f"docs/{lang}/" for lang in langs)
    for md in sorted(docs.rglob("*.md")):
        display = _display(md, root)
        if md.relative_to(docs).parts[0] not in langs:
            problems.append(
                Problem(
                    display,
                    1,
                    "",
                    f"expected the page under a language folder ({folders})",
                    "content.language_folder",
                )
            )
            continue
        page, lines, markup_found = _read_page(docs, md, display)
        problems.extend(lines)
        pages[page.lang].add(page.page)
        _check_meta(page, root, list_names)
        _check_links(page, docs)
        page.problems.extend(markup_found)
        problems.extend(page.problems)
    for lang in langs[1:]:
        for orphan in sorted(pages[lang] - pages[langs[0]]):
            problems.append(
                Problem(
                    f"docs/{lang}/{orphan}",
                    1,
                    "",
                    f"expected a Latvian page docs/{langs[0]}/{orphan} for this translation, "
                    "got none",
                    "content.orphan_translation",
                )
            )
    return problems
