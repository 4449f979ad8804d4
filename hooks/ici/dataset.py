"""Load, validate and index every data file of the site in one pass."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path as FsPath
from typing import Any

from .clock import build_time
from .crosscheck import cross_problems, missing_translations
from .examples import DATA, EXAMPLES, dataset_folder, marker_problems, shift_dates, week_shift
from .glossary import Glossary, load_glossary
from .kinds import collections, data_files
from .languages import CONFIG_FILE, languages
from .news import News, load_news
from .problems import DataError, Problem
from .schema_check import SCHEMA_DIR, schema_problems
from .synonyms import SynonymGroup, load_synonyms
from .yamlshare import file_digest, shared_result, sharing
from .yamlsource import Source, parse_text, read_text

# data file name -> the top-level keys it holds (from the kinds of record, ici.kinds)
DATA_FILES: dict[str, tuple[str, ...]] = data_files()

Record = dict[str, Any]
# Dataset.derived key: the YAML facts of the data files by name (ici.yamlfacts), gathered
# once for the translation status (which would otherwise parse every file again)
YAML_FACTS = "yaml_facts"


@dataclass
class Dataset:
    """Every validated record, by collection and id, in file order."""

    # collection name (one per kind of record, ici.kinds) -> records by id, in file order;
    # ``ds.services`` is ``ds.records["services"]``
    records: dict[str, dict[str, Record]] = field(
        default_factory=lambda: {name: {} for name in collections()}
    )
    # news pages from docs/<lang>/news/ (their front matter is data too)
    news: News = field(default_factory=News)
    # preferred terms per language; towns' names for the other languages' cards (glossary)
    glossary: Glossary = field(default_factory=Glossary)
    # search synonyms by language (data/synonyms/<lang>.yaml)
    synonyms: dict[str, list[SynonymGroup]] = field(default_factory=dict)
    # texts that lack a translation: shown in lv with a notice, listed by the check command
    notices: list[Problem] = field(default_factory=list)
    # the project folder the data was read from, and values derived from the data and that
    # folder once per build (e.g. the translation status), cached by the view that needs them
    root: FsPath | None = None
    derived: dict[str, Any] = field(default_factory=dict, repr=False)
    # "now" for everything that depends on the build date (upcoming events): one value for
    # every language build, taken from SOURCE_DATE_EPOCH when set
    built_at: datetime = field(default_factory=build_time)

    def collection(self, name: str) -> dict[str, Record]:
        """A collection by name (``services``, ``branches``, ...)."""
        return self.records[name]

    def __getattr__(self, name: str) -> dict[str, Record]:
        # only called for names that are not fields: the collections
        records = self.__dict__.get("records")
        if records is not None and name in records:
            return records[name]
        raise AttributeError(name)


def read_sources(
    root: FsPath, dataset: str = DATA, built_at: datetime | None = None
) -> tuple[dict[str, Source], list[Problem]]:
    """Read every data file; problems are syntax, example marker and schema problems.

    ``dataset`` ``examples`` reads the events and courses from ``examples/`` (the demo,
    see :mod:`ici.examples`) and moves their dates to the week of ``built_at``.
    """
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    langs = languages(root)
    schema_dir = _schema_dir(root)
    for name, keys in DATA_FILES.items():
        folder = dataset_folder(dataset, name)
        display = f"{folder}/{name}.yaml"
        read = partial(_read_file, root, display, keys, langs, name, schema_dir)
        digest = file_digest(root / display) if sharing() else None
        shift = week_shift(built_at or build_time()) if folder == EXAMPLES else None
        if digest is None:
            src, found = read(None, shift)
        else:
            # a data file the demonstration dataset reads too: read and checked once per
            # check (by the file's digest and date shift: a changed file is read again)
            key = ("data file", display, keys, langs, _schemas_key(root, schema_dir), digest)
            src, found = shared_result((*key, shift), partial(read, digest, shift))
        sources[name] = src
        problems.extend(found)
    return sources, problems


def _read_file(
    root: FsPath,
    display: str,
    keys: tuple[str, ...],
    langs: tuple[str, ...],
    name: str,
    schema_dir: FsPath,
    digest: bytes | None,
    shift: timedelta | None,
) -> tuple[Source, list[Problem]]:
    """A data file: its source and its syntax, marker and schema problems. ``shift``: a
    file of ``examples/``, whose dates move by that much (``examples.week_shift``)."""
    text, problems = read_text(root / display, display)
    if text is None:
        return Source(display, None), problems
    src, problems = parse_text(text, display, keys, langs, digest)
    if src.data is not None:
        problems.extend(marker_problems(src, keys, in_examples=shift is not None))
        if shift is not None:
            shift_dates(src, name, shift)
        problems.extend(schema_problems(src, name, schema_dir))
    return src, problems


def _schemas_key(root: FsPath, schema_dir: FsPath) -> tuple[str, bool]:
    """What the schema problems depend on besides the data: the schema files (a project
    copy may link them) and whether the project's own mkdocs.yml gives the languages."""
    return str(schema_dir.resolve()), (schema_dir.parent / CONFIG_FILE).is_file()


def _schema_dir(root: FsPath) -> FsPath:
    own = root / "schemas"
    return own if own.is_dir() else SCHEMA_DIR


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block.

    Loading creates hundreds of thousands of objects that all stay alive (YAML nodes,
    records, line maps); each allocation burst made Python scan every one of them again,
    which tripled the load time of a large register. Reference counting still frees what
    is dropped; the few cycles (validation errors) wait for the next collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(root: FsPath, dataset: str = DATA) -> Dataset:
    """Load ``root/data/*.yaml``; raise :class:`DataError` listing every problem.

    ``dataset="examples"`` loads the demonstration dataset (:mod:`ici.examples`).
    """
    with gc_paused():
        return _load_dataset(root, dataset)


def _load_dataset(root: FsPath, dataset: str) -> Dataset:
    built_at = build_time()
    sources, problems = read_sources(root, dataset, built_at)
    news, news_problems = load_news(root)
    # schema first: the cross-record checks only ever see data every schema accepted
    if problems:
        raise DataError([*problems, *news_problems])
    problems.extend(cross_problems(sources))
    problems.extend(news_problems)
    glossary = Glossary()
    try:
        glossary = load_glossary(root)
    except DataError as exc:
        problems.extend(exc.problems)
    synonyms: dict[str, list[SynonymGroup]] = {}
    try:
        synonyms = load_synonyms(root)
    except DataError as exc:
        problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    ds = Dataset(root=root, news=news, built_at=built_at, glossary=glossary, synonyms=synonyms)
    ds.derived[YAML_FACTS] = {name: src.facts for name, src in sources.items()}
    for name, keys in DATA_FILES.items():
        for key in keys:
            target = ds.collection(key)
            for rec in sources[name].data.get(key) or []:
                target[rec["id"]] = rec
        ds.notices.extend(_untranslated(sources[name], languages(root)))
    return ds


def _untranslated(src: Source, langs: tuple[str, ...]) -> list[Problem]:
    """The notices of ``src`` (once per source: both datasets of make check share data/)."""
    return src.once(("untranslated", langs), lambda: list(missing_translations(src, langs)))
