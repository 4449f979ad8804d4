"""Search synonyms that editors keep: ``data/synonyms/<lang>.yaml``, one file per language.

Each group maps what readers type (``variants``: everyday words, professions,
abbreviations, misspellings, transliterations) to the words the site's pages use
(``canonical``). The search box expands a query at search time (``search.js`` with
``search-plan.js``): a query holding a variant also searches the canonical words, so it
finds what the canonical words find. Query-time expansion keeps the index to what the
pages say (index-time expansion would put words in the index that no reader sees, and
show them in excerpts), lets an edit take effect without re-indexing the pages, and costs
a first query only the small per-language JSON (:func:`synonyms_json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from .languages import languages
from .problems import DataError, Problem
from .schema_check import SCHEMA_DIR, schema_problems
from .yamlsource import Source, load_source

FOLDER = "data/synonyms"
_LANG_FILE = re.compile(r"^[a-z]{2}\.yaml$")


@dataclass(frozen=True)
class SynonymGroup:
    """One group: the site's words and what readers type instead."""

    canonical: str
    variants: tuple[str, ...]
    kind: str | None = None


def _key(phrase: str) -> str:
    """A phrase compared as the search compares it: case and spacing ignored."""
    return " ".join(phrase.casefold().split())


def _group_problems(src: Source) -> list[Problem]:
    """What the schema cannot say: a variant that is its own canonical, or given twice."""
    problems = []
    seen: dict[tuple[str, str], int] = {}
    for i, group in enumerate(src.data.get("groups") or []):
        canonical = _key(group["canonical"])
        in_group: set[str] = set()
        for j, variant in enumerate(group["variants"]):
            path = ("groups", i, "variants", j)
            key = _key(variant)
            if key == canonical:
                problems.append(
                    src.problem(
                        path,
                        f"expected a word other than the canonical, got {variant!r}",
                        "synonyms.variant",
                    )
                )
            elif key in in_group:
                problems.append(
                    src.problem(
                        path,
                        f"expected each variant once (any case), got {variant!r}",
                        "synonyms.variant",
                    )
                )
            elif (key, canonical) in seen:
                problems.append(
                    src.problem(
                        path,
                        f"expected each variant once per canonical, got {variant!r} "
                        f"again (groups[{seen[(key, canonical)]}])",
                        "synonyms.variant",
                    )
                )
            in_group.add(key)
            seen.setdefault((key, canonical), i)
    return problems


def load_synonyms(root: FsPath) -> dict[str, list[SynonymGroup]]:
    """Load and validate every ``data/synonyms/<lang>.yaml``: groups by language.

    Raises :class:`DataError` with every problem (``file:line: path: message``).
    """
    folder = root / FOLDER
    if not folder.is_dir():
        return {}
    own = root / "schemas"
    schemas = own if (own / "synonyms.schema.json").is_file() else SCHEMA_DIR
    langs = languages(root)
    out: dict[str, list[SynonymGroup]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        display = f"{FOLDER}/{path.name}"
        if not _LANG_FILE.match(path.name):
            message = "expected a file named <language code>.yaml, e.g. ru.yaml"
        elif path.stem not in langs:
            # as with the strings files: a language mkdocs.yml does not list never searches
            message = (
                f"expected a file for a language of mkdocs.yml ({', '.join(langs)}), "
                f"got {path.stem!r} (add the language to mkdocs.yml or rename the file)"
            )
        else:
            message = ""
        if message:
            problems.append(Problem(display, 0, "", message, "synonyms.file"))
            continue
        src, found = load_source(path, display, ("groups",))
        if src.data is not None and not found:
            found = schema_problems(src, "synonyms", schemas)
            found = found or _group_problems(src)
        problems.extend(found)
        if src.data is not None and not found:
            out[path.stem] = [
                SynonymGroup(g["canonical"], tuple(g["variants"]), g.get("kind"))
                for g in src.data["groups"]
            ]
    if problems:
        raise DataError(problems)
    return out


def synonyms_json(groups: list[SynonymGroup]) -> list[dict[str, Any]]:
    """The groups as the search box reads them (``search-plan.js``)."""
    return [{"canonical": g.canonical, "variants": list(g.variants)} for g in groups]
