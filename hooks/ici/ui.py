"""Interface strings from ``data/strings/<lang>.yaml``: one file per language.

Each file maps ``section: key: text`` for one language of mkdocs.yml. The default
language's file (``lv.yaml``) holds every key the templates and hooks use. Another
language's file may lack keys, or be missing: the reader then sees the Latvian string,
``make check`` warns and the status page lists it; the build goes on. A key that only a
translation has, and a key the code uses that Latvian lacks, are errors with file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path as FsPath

from .languages import languages
from .problems import DataError, Problem
from .schema_check import schema_problems
from .yamlsource import Source, load_source

STRINGS_DIR = "data/strings"


def strings_file(lang: str) -> str:
    """The project-relative file of one language's strings, e.g. ``data/strings/uk.yaml``."""
    return f"{STRINGS_DIR}/{lang}.yaml"


@dataclass(frozen=True)
class StringGap:
    """Interface strings one language lacks: they are shown in the default language."""

    lang: str
    file: str
    line: int  # the section's line in the language's file, 0 when the file is missing
    keys: tuple[str, ...]  # ``section.key``, in the order of the default language's file


@dataclass(frozen=True)
class Strings:
    """Interface strings by ``section.key`` and language (the default language has all)."""

    table: dict[str, dict[str, str]]
    default: str = "lv"
    gaps: tuple[StringGap, ...] = field(default=(), compare=False)

    def get(self, key: str, lang: str) -> str:
        """The string ``key`` in ``lang``, else in the default language.

        An unknown key is a bug in a template or hook, so it raises.
        """
        texts = self.table.get(key)
        if texts is None:
            raise KeyError(f"interface string {key!r} is not in {strings_file(self.default)}")
        return texts.get(lang) or texts[self.default]

    def translated(self, key: str, lang: str) -> bool:
        """True when ``key`` has its own text in ``lang`` (not the default's)."""
        return lang in self.table.get(key, {})


CODE_ROOT = FsPath(__file__).resolve().parents[2]
# a key named literally where a template calls ui("...") or Python code calls .get("...")
_USED = re.compile(r"""(?:\bui|\.get)\(\s*["']([a-z0-9_]+\.[a-z0-9_]+)["']\s*[,)]""")


@cache
def used_keys(code_root: FsPath = CODE_ROOT) -> dict[str, str]:
    """Interface string keys the templates and hooks name literally -> first place used."""
    found: dict[str, str] = {}
    files = [*sorted((code_root / "overrides").rglob("*.html"))]
    files += sorted((code_root / "hooks").rglob("*.py"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in _USED.finditer(line):
                found.setdefault(m[1], f"{path.relative_to(code_root).as_posix()}:{number}")
    return found


def _flat(src: Source) -> dict[str, str]:
    return {
        f"{section}.{key}": text
        for section, entries in src.data.items()
        for key, text in entries.items()
    }


def _section_line(src: Source | None, key: str) -> int:
    return src.line((key.split(".")[0],)) if src is not None else 0


def load_strings(root: FsPath) -> Strings:
    """Load and validate every ``root/data/strings/<lang>.yaml`` of the configured languages.

    Raises :class:`DataError` with every problem; a missing translation is not one.
    """
    langs = languages(root)
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    for lang in langs:
        path = root / strings_file(lang)
        if lang != langs[0] and not path.is_file():
            continue  # every string of this language falls back
        src, found = load_source(path, strings_file(lang), ("sections",))
        if src.data is not None and not found:
            found = schema_problems(src, "strings")
        problems.extend(found)
        if src.data is not None and not found:
            sources[lang] = src
    problems.extend(_stray_files(root, langs))
    default = sources.get(langs[0])
    if default is None:
        raise DataError(problems)
    flat = {lang: _flat(src) for lang, src in sources.items()}
    table = {key: {langs[0]: text} for key, text in flat[langs[0]].items()}
    for lang in langs[1:]:
        for key, text in flat.get(lang, {}).items():
            if key in table:
                table[key][lang] = text
            else:
                problems.append(
                    sources[lang].problem(
                        tuple(key.split(".", 1)),
                        f"expected a key of {strings_file(langs[0])}, got an unknown key "
                        "(a typo, or a string the Latvian file no longer has)",
                        "strings.unknown_key",
                    )
                )
    problems.extend(
        Problem(
            default.file,
            _section_line(default, key),
            key,
            f"expected an interface string (used in {where}), got nothing",
            "strings.missing",
        )
        for key, where in used_keys().items()
        if key not in table
    )
    if problems:
        raise DataError(problems)
    gaps = tuple(_gaps(table, langs, sources))
    return Strings(table, langs[0], gaps)


def _stray_files(root: FsPath, langs: tuple[str, ...]) -> list[Problem]:
    """A strings file for a language mkdocs.yml does not list would never be shown."""
    folder = root / STRINGS_DIR
    return [
        Problem(
            f"{STRINGS_DIR}/{path.name}",
            1,
            "",
            f"expected a file for a language of mkdocs.yml ({', '.join(langs)}), "
            f"got {path.stem!r} (add the language to mkdocs.yml or rename the file)",
            "strings.stray_file",
        )
        for path in sorted(folder.glob("*.yaml"))
        if folder.is_dir()
        if path.stem not in langs
    ]


def _gaps(
    table: dict[str, dict[str, str]], langs: tuple[str, ...], sources: dict[str, Source]
) -> list[StringGap]:
    gaps: list[StringGap] = []
    for lang in langs[1:]:
        src = sources.get(lang)
        by_section: dict[str, list[str]] = {}
        for key, texts in table.items():
            if lang not in texts:
                by_section.setdefault(key.split(".")[0], []).append(key)
        for section, keys in by_section.items():
            line = _section_line(src, section) if src is not None and section in src.data else 0
            if src is not None and not line:
                line = 1
            gaps.append(StringGap(lang, strings_file(lang), line, tuple(keys)))
    return gaps


def string_warnings(strings: Strings) -> list[Problem]:
    """``make check`` warnings: each interface string a language lacks, or its whole file."""
    found: list[Problem] = []
    for gap in strings.gaps:
        if gap.line:
            found.extend(
                Problem(
                    gap.file,
                    gap.line,
                    key,
                    f"no {gap.lang} text yet, the {strings.default} text is shown",
                    "strings.untranslated",
                )
                for key in gap.keys
            )
            continue
        whole = Problem(
            gap.file,
            0,
            "",
            f"no {gap.lang} strings yet (the file is missing), the {strings.default} texts "
            "are shown",
            "strings.untranslated",
        )
        if whole not in found:
            found.append(whole)
    return found
