"""Files written next to the pages of each language: exports, calendars, vCards, feeds.

Each generator takes a language's render context (``ici.context``) and returns
``{path: bytes}`` with paths below that language's root (``data/services.json`` becomes
``/ru/data/services.json`` in the Russian build). A kind of record names the generators of
its files in its declaration (``Kind.exports``, ``ici.kinds``); files that belong to no
kind of record (the news feed, from the news pages) are in ``SITE_OUTPUTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import calendar_ics
from .chunks import Content, content_bytes
from .context import RenderContext
from .exports_csv import services_csv
from .exports_hsds import services_json
from .kinds import KINDS, Kind
from .news_feed import news_feed
from .register_pages import facet_files
from .vcard import branch_vcards

# a generator's files: path -> bytes, or chunks to write in order (``ici.chunks``)
OutputFn = Callable[[RenderContext], dict[str, Content]]

# the generators a kind may name in Kind.exports
GENERATORS: dict[str, OutputFn] = {
    "vcard": branch_vcards,  # contacts/<id>.vcf
    "ics": calendar_ics.event_calendars,  # events/<id>.ics and events/events.ics
    "hsds": services_json,  # data/services.json (HSDS 3.0)
    "csv": services_csv,  # data/services.csv
    "facets": facet_files,  # register/facets/<facet>.json
}
SITE_OUTPUTS: tuple[OutputFn, ...] = (news_feed,)  # news/feed.xml


def generators(kinds: tuple[Kind, ...] = KINDS) -> list[OutputFn]:
    """Every generator of one language's files: the kinds' exports, then the site's."""
    return [fn for _, fn in named_generators(kinds)]


def named_generators(kinds: tuple[Kind, ...] = KINDS) -> list[tuple[str, OutputFn]]:
    """``generators()`` with their names: a kind's export names (``Kind.exports``), and a
    site output's function name."""
    named = [(name, GENERATORS[name]) for kind in kinds for name in kind.exports]
    return [*named, *((fn.__name__, fn) for fn in SITE_OUTPUTS)]


def iter_language_outputs(ctx: RenderContext) -> Iterator[tuple[str, Content]]:
    """Every extra file of one language, one generator's files at a time, so a writer
    never holds more than the largest generator's output (the exports at scale, which
    come as chunks)."""
    for _, files in iter_generator_outputs(ctx):
        yield from files.items()


def iter_generator_outputs(
    ctx: RenderContext, run: Callable[[str], bool] = lambda name: True
) -> Iterator[tuple[str, dict[str, Content]]]:
    """Each generator's name and files for one language, one generator at a time; a
    generator for which ``run(name)`` is false is left out."""
    seen: set[str] = set()
    for name, make in named_generators():
        if not run(name):
            continue
        files = make(ctx)
        for path in files:
            if path in seen:
                raise ValueError(f"two generators write {path}")
            seen.add(path)
        yield name, files


def language_outputs(ctx: RenderContext) -> dict[str, bytes]:
    """Every extra file of one language as bytes, by path below the language root."""
    return {path: content_bytes(content) for path, content in iter_language_outputs(ctx)}
