"""Which pages the data generates: one per record and language, at a URL from its id."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .dataset import Dataset, Record
from .kinds import page_kinds
from .text import LANGS, plain


@dataclass(frozen=True)
class PageKind:
    """A kind of generated record page."""

    collection: str  # Dataset attribute holding the records
    path: str  # site path below the language root, ``{id}`` replaced
    template: str  # Jinja template in overrides/
    title: Callable[[Record, str], str]  # plain-text page title


def _field(name: str) -> Callable[[Record, str], str]:
    return lambda rec, lang: plain(rec.get(name), lang)


# the kinds of record with pages (declared in ici.kinds); the view of each is in ici.views
KINDS: dict[str, PageKind] = {
    name: PageKind(kind.collection, kind.path, kind.template, _field(kind.title_field))
    for name, kind in page_kinds().items()
}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its kind, record, site path (no language prefix) and title."""

    kind: str
    record_id: str
    path: str
    template: str
    titles: dict[str, str]

    def meta(self, lang: str) -> dict[str, str]:
        """The page's front matter, as MkDocs reads it from ``stub(lang)``.

        The title is HTML-escaped because the theme prints ``page.meta.title`` unescaped.
        """
        return {
            "template": self.template,
            "title": html.escape(self.titles[lang]),
            "ici_kind": self.kind,
            "ici_id": self.record_id,
        }

    def stub(self, lang: str) -> str:
        """The Markdown stub MkDocs reads: front matter only, the template renders the rest."""
        # JSON is valid YAML, so any title is quoted safely
        lines = [
            f"{key}: {json.dumps(value, ensure_ascii=False)}"
            for key, value in self.meta(lang).items()
        ]
        return "---\n" + "\n".join(lines) + "\n---\n"


def record_pages(ds: Dataset) -> Iterator[PageSpec]:
    """Every generated page of the site, in data order."""
    for kind, spec in KINDS.items():
        for rid, rec in ds.collection(spec.collection).items():
            yield PageSpec(
                kind,
                rid,
                spec.path.format(id=rid),
                spec.template,
                {lang: spec.title(rec, lang) for lang in LANGS},
            )


def record_path(kind: str, record_id: str) -> str:
    """Site path (below the language root) of a record's page, e.g. ``contacts/riga/``."""
    return KINDS[kind].path.format(id=record_id)


def find_record(ds: Dataset, kind: str, record_id: str) -> Record:
    """The record behind a generated page."""
    return ds.collection(KINDS[kind].collection)[record_id]


__all__ = ["KINDS", "PageKind", "PageSpec", "find_record", "record_pages", "record_path"]
