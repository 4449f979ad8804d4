"""One term for one thing: the preferred words per language from ``data/glossary.yaml``.

Each term names its preferred word in each language and the variants to avoid there;
``make check`` warns about every variant found in that language's Markdown and data texts
(:mod:`ici.text_warnings`). Matching is by whole word and ignores case. A variant is not
reported inside quotes (« », “ ”, „ “, " ": official names are quoted as written) or
inside one of the term's ``allow`` phrases. Terms of ``kind: place`` also give the name a
card shows for a town on the other languages' pages (``Rīga`` -> ``Рига``, ``Riga``), and
the case forms a search query may use that are not the name plus an ending (``forms:``,
Ukrainian ``Ризі``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any

from .problems import DataError
from .schema_check import SCHEMA_DIR, schema_problems
from .yamlsource import load_source

FILE = "data/glossary.yaml"
# spans of quoted text: official names are quoted as written, in any language
_QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"")


@dataclass(frozen=True)
class Usage:
    """A term in one language: the preferred word, the variants to avoid, the exceptions."""

    term: str
    lang: str
    preferred: str
    avoid: tuple[str, ...]
    allow: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.avoid:
            return None
        words = "|".join(re.escape(v) for v in sorted(self.avoid, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)

    @cached_property
    def allowed(self) -> re.Pattern[str] | None:
        if not self.allow:
            return None
        words = "|".join(re.escape(v) for v in self.allow)
        return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


@dataclass
class Glossary:
    """Every term of ``data/glossary.yaml`` by language."""

    usages: dict[str, list[Usage]] = field(default_factory=dict)
    # place names: Latvian name -> {language: name}
    places: dict[str, dict[str, str]] = field(default_factory=dict)
    # a place's irregular case forms in every language (``forms:``): Latvian name -> forms
    place_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # every variant of a language in one pattern: most texts have none, and one search
    # tells so (a register has hundreds of thousands of texts)
    _screens: dict[str, re.Pattern[str] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def place(self, name: str | None, lang: str) -> str | None:
        """A town's name as readers of ``lang`` write it (the Latvian name when none)."""
        if name is None:
            return None
        return self.places.get(name, {}).get(lang, name)

    def variants(self, text: str, lang: str) -> list[tuple[Usage, str]]:
        """``(usage, variant found)`` for every avoided variant in ``text`` (a ``lang`` text)."""
        usages = self.usages.get(lang)
        if not usages:
            return []
        if lang not in self._screens:
            self._screens[lang] = _screen(usages)
        screen = self._screens[lang]
        if screen is None or screen.search(text) is None:
            return []
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        found: list[tuple[Usage, str]] = []
        for usage in usages:
            if usage.pattern is None:
                continue
            spans = quoted
            if usage.allowed is not None:
                spans = quoted + [m.span() for m in usage.allowed.finditer(text)]
            for m in usage.pattern.finditer(text):
                if not any(a <= m.start() and m.end() <= b for a, b in spans):
                    found.append((usage, m.group()))
        return found


def _screen(usages: list[Usage]) -> re.Pattern[str] | None:
    """A pattern that matches where any usage's pattern does (None when none has one)."""
    avoid = sorted({v for u in usages for v in u.avoid}, key=len, reverse=True)
    if not avoid:
        return None
    words = "|".join(re.escape(v) for v in avoid)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def build_glossary(data: dict[str, Any]) -> Glossary:
    """The glossary from the validated content of ``data/glossary.yaml``."""
    glossary = Glossary()
    for term in data.get("terms") or []:
        langs = {k: v for k, v in term.items() if isinstance(v, dict)}
        for lang, entry in langs.items():
            glossary.usages.setdefault(lang, []).append(
                Usage(
                    term["id"],
                    lang,
                    entry["preferred"],
                    tuple(entry.get("avoid", ())),
                    tuple(entry.get("allow", ())),
                )
            )
        if term.get("kind") == "place" and "lv" in langs:
            glossary.places[langs["lv"]["preferred"]] = {
                lang: entry["preferred"] for lang, entry in langs.items()
            }
            forms = tuple(f for entry in langs.values() for f in entry.get("forms", ()))
            if forms:
                glossary.place_forms[langs["lv"]["preferred"]] = forms
    return glossary


def load_glossary(root: FsPath) -> Glossary:
    """Load and validate ``root/data/glossary.yaml``; no file means no terms."""
    path = root / FILE
    if not path.is_file():
        return Glossary()
    src, problems = load_source(path, FILE, ("terms",))
    if src.data is not None:
        own = root / "schemas"
        problems.extend(schema_problems(src, "glossary", own if own.is_dir() else SCHEMA_DIR))
    if problems:
        raise DataError(problems)
    return build_glossary(src.data)
