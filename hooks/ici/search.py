"""What each page tells the search index (Pagefind): its kind, filters, sorts and metadata.

The contract for views
----------------------
A record view (``RECORD_VIEWS``) or listing view (``LIST_VIEWS``) may return, next to its
other keys, a ``"search"`` dict; ``overrides/main.html`` turns it into Pagefind attributes
inside the indexed content (``data-pagefind-body``)::

    "search": {
        "kind": "service",                        # label: search.kind_<kind> in data/strings/
        "filters": {                              # facets; key label: search.filter_<key>
            "category": ["Juridiskās konsultācijas"],
            "region": [{"ui": "regions.latgale"}, {"ui": "regions.riga"}],
            "language": ["latviešu", "krievu"],
            "provider_type": [{"ui": "register.type_ngo"}],
            "cost": [{"ui": "register.free"}],
        },
        "sort": {"date": "2026-12-01"},          # ISO dates sort as text; numbers numerically
        "meta": {"detail": "PMLP · Rīga"},       # "detail" is shown under the result title
        "terms_lv": ["Pilsonības un migrācijas lietu pārvalde", "PMLP"],
    }

- Every value is text in the page's language, or ``{"ui": "section.key"}`` for an
  interface string from ``data/strings/<lang>.yaml``. Filter values are what the reader sees in
  the filter lists, so they must be words, not codes.
- Service pages (kind ``service``) carry the filters ``category``, ``region``, ``language``
  (the languages the service is given in, or with an interpreter), ``provider_type`` and
  ``cost``. Event pages (``event``) carry ``region``, ``language``, ``event_kind`` and
  ``cost`` and ``sort: {"date": start}``; course pages (``course``) carry ``region``,
  ``language``, ``course_kind`` and ``cost`` and ``sort: {"date": start_date}``. Region,
  language and cost are worded alike on every kind, so one value covers them all. News
  pages get ``sort: {"date": ...}`` from their ``date:`` front matter.
- ``terms_lv``: the Latvian official names of the record and its provider (institution,
  document). On the pages of the other languages (ru, en, uk ...) they are shown in a "In
  Latvian" line inside the indexed content, so a reader who types the Latvian name there
  finds the page. On lv pages the names are the page's own text and the line is left out.
- The kind ``kind`` is added as a filter and as metadata by itself; ``kind`` and Pagefind's
  reserved words are not allowed as filter keys.

Pages without a view (Markdown) get their kind from ``search_kind:`` in the front matter,
else from their folder (``guide/``, ``news/``), else ``page``; ``search_exclude: true``
keeps a page out of the index. Material's ``search: {exclude: true}`` is refused with a
pointer to ``search_exclude``: the site has no Material search, and a page that an editor
meant to hide must not be indexed silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .kinds import page_kinds
from .languages import DEFAULT_LANG

Translate = Callable[[str], str]

# hand-written pages, then every kind of record with pages (ici.kinds)
KINDS = ("page", "guide", "news", *page_kinds())
# first folder of a site path -> kind, for pages without a view
FOLDER_KINDS = {"guide": "guide", "news": "news"}
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_RESERVED = {"any", "all", "none", "not", "kind"}


class SearchSpecError(ValueError):
    """A view or front matter gave search information that cannot be indexed."""


@dataclass(frozen=True)
class SearchInfo:
    """The normalized search information of one page."""

    kind: str
    filters: list[tuple[str, str]] = field(default_factory=list)
    sorts: list[tuple[str, str]] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)
    terms_lv: list[str] = field(default_factory=list)

    def attributes(self) -> list[tuple[str, str]]:
        """``(attribute, value)`` pairs, one empty element each, for Pagefind to read.

        The value is always the last (inline) item of its attribute, which Pagefind reads
        to the end, so commas and colons in values are safe.
        """
        attrs = [("data-pagefind-filter", f"kind:{self.kind}")]
        attrs += [("data-pagefind-filter", f"{k}:{v}") for k, v in self.filters]
        attrs += [("data-pagefind-sort", f"{k}:{v}") for k, v in self.sorts]
        attrs += [("data-pagefind-meta", f"kind:{self.kind}")]
        # the search box offers the date order when every result it shows has a date
        attrs += [("data-pagefind-meta", f"date:{v}") for k, v in self.sorts if k == "date"]
        attrs += [("data-pagefind-meta", f"{k}:{v}") for k, v in self.meta]
        return attrs


def _key(where: str, key: object) -> str:
    if not isinstance(key, str) or not _KEY.match(key) or key in _RESERVED:
        raise SearchSpecError(
            f"{where}: expected a lowercase key (a-z, 0-9, _) other than "
            f"{', '.join(sorted(_RESERVED))}, got {key!r}"
        )
    return key


def _text(where: str, value: object, translate: Translate) -> str:
    if isinstance(value, Mapping) and set(value) == {"ui"}:
        value = translate(str(value["ui"]))
    elif isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise SearchSpecError(f"{where}: expected a text or {{'ui': key}}, got {value!r}")
    # Pagefind reads an inline value to the end of the attribute; line breaks are noise
    return " ".join(value.split())


# The pattern's IGNORECASE takes dotted and dotless i for i (simple case mapping), which
# casefold keeps apart ("İ" folds to "i" and a combining dot); elsewhere the two agree.
_I_FOR_RE = str.maketrans({"\u0130": "i", "\u0131": "i"})


def _folded(text: str) -> str:
    return text.translate(_I_FOR_RE).casefold()


def _within(short: str, long: str) -> bool:
    """Whether ``short`` occurs in ``long`` as whole words, ignoring case."""
    # Texts the pattern takes for equal are equal once folded (``_folded``), so a text whose
    # folded form is not in the other's cannot match: the pattern (a new one for each
    # record's name, so compiled every time) is only made for the rare text that may be
    # inside another.
    if _folded(short) not in _folded(long):
        return False
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long, re.IGNORECASE) is not None


def excluded(front_matter: Mapping[str, Any]) -> bool:
    """Whether the front matter keeps the page out of the index (``search_exclude: true``)."""
    if "search" in front_matter:
        raise SearchSpecError(
            "search: expected search_exclude: true to keep a page out of search "
            "(Material's search plugin is not used), got "
            f"search: {front_matter['search']!r}"
        )
    value = front_matter.get("search_exclude", False)
    if not isinstance(value, bool):
        raise SearchSpecError(f"search_exclude: expected true or false, got {value!r}")
    return value


def page_kind(path: str, front_matter: Mapping[str, Any]) -> str:
    """The kind of a page without a view: front matter ``search_kind``, folder, or ``page``."""
    if "search_kind" in front_matter:
        kind = front_matter["search_kind"]
        if kind not in KINDS:
            raise SearchSpecError(f"search_kind: expected one of {', '.join(KINDS)}, got {kind!r}")
        return kind
    return FOLDER_KINDS.get(path.strip("/").split("/", 1)[0], "page")


def normalize(
    spec: Mapping[str, Any] | None,
    *,
    path: str,
    front_matter: Mapping[str, Any],
    lang: str,
    translate: Translate,
) -> SearchInfo:
    """Check a view's ``search`` dict (or derive one for a Markdown page) and resolve texts.

    ``path`` is the site path below the language root; ``translate`` looks up interface
    strings in the page's language and raises ``KeyError`` for an unknown key, so a
    filter key without a label (``search.filter_<key>``) fails the build.
    """
    spec = dict(spec or {})
    unknown = set(spec) - {"kind", "filters", "sort", "meta", "terms_lv"}
    if unknown:
        raise SearchSpecError(
            f"search: unknown key(s) {', '.join(sorted(unknown))}, expected kind, "
            "filters, sort, meta, terms_lv"
        )
    kind = spec.get("kind") or page_kind(path, front_matter)
    if kind not in KINDS:
        raise SearchSpecError(f"search.kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    translate(f"search.kind_{kind}")

    filters = []
    for key, values in (spec.get("filters") or {}).items():
        where = f"search.filters.{key}"
        _key("search.filters", key)
        translate(f"search.filter_{key}")
        if not isinstance(values, list | tuple):
            values = [values]
        seen = set()
        for value in values:
            text = _text(where, value, translate)
            if text and text not in seen:
                seen.add(text)
                filters.append((key, text))

    sort = dict(spec.get("sort") or {})
    if "date" not in sort and front_matter.get("date"):
        sort["date"] = front_matter["date"]
    sorts = [
        (_key("search.sort", k), _text(f"search.sort.{k}", v, translate)) for k, v in sort.items()
    ]

    meta = []
    for key, value in (spec.get("meta") or {}).items():
        if _key("search.meta", key) in {"title", "image", "image_alt", "date"}:
            raise SearchSpecError(f"search.meta: expected a key Pagefind does not set, got {key!r}")
        meta.append((key, _text(f"search.meta.{key}", value, translate)))

    terms: list[str] = []
    if lang != DEFAULT_LANG:
        for term in spec.get("terms_lv") or []:
            text = _text("search.terms_lv", term, translate)
            # a name inside a longer one ("ICI" in "ICI Rīgas birojs") adds nothing
            if text and not any(_within(text, t) for t in terms):
                terms = [t for t in terms if not _within(t, text)] + [text]
    return SearchInfo(kind, filters, sorts, meta, terms)


def client_strings(keys: list[str], translate: Translate) -> dict[str, str]:
    """The interface strings the search script needs, by key without the ``search.`` prefix."""
    return {
        key.removeprefix("search."): translate(key) for key in keys if key.startswith("search.")
    }


__all__ = [
    "KINDS",
    "SearchInfo",
    "SearchSpecError",
    "client_strings",
    "excluded",
    "normalize",
    "page_kind",
]
