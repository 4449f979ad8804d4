"""Every kind of record, declared once.

A kind names its collection (the top-level key of its data file, and the ``Dataset``
collection), the data file and schema that hold it, and, when its records get pages of
their own, the page's URL pattern, template, title field and the scheme of Markdown links
to it (``[text](service:ici-legal-consultation)``), which is also its search kind. The
loader, the cross-checks, the generated pages, the record links, the search index and the
translation status all iterate over :data:`KINDS`; a kind's view (``ici.views``) and exports
(``ici.outputs``) are found by its ``name``.

Adding a kind of record: one entry here, ``schemas/<file>.schema.json``,
``data/<file>.yaml``, its template in ``overrides/`` and its interface strings (see
"add a new kind of record" in CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of record."""

    collection: str  # top-level key of the data file and Dataset collection: "services"
    file: str  # data/<file>.yaml, validated by schemas/<file>.schema.json
    name: str | None = None  # page kind, link scheme and search kind; None: no pages
    path: str = ""  # site path of a record's page below the language root, "{id}" replaced
    template: str = ""  # Jinja template in overrides/ that renders a record's page
    title_field: str = "title"  # the text field that is a record's page title

    @property
    def has_pages(self) -> bool:
        """True when every record of the kind gets a page in every language."""
        return self.name is not None


# in the order of the data files (the translation status lists them so), and the
# collections of one file in the file's order
KINDS: tuple[Kind, ...] = (
    Kind("organizations", "services"),
    Kind("services", "services", "service", "register/{id}/", "ici/service.html", "name"),
    Kind("branches", "contacts", "branch", "contacts/{id}/", "ici/branch.html", "name"),
    Kind("events", "events", "event", "events/{id}/", "ici/event.html"),
    Kind("courses", "courses", "course", "courses/{id}/", "ici/course.html"),
    Kind("figures", "figures"),
)


def data_files(kinds: tuple[Kind, ...] = KINDS) -> dict[str, tuple[str, ...]]:
    """Data file name -> the collections it holds, in declaration order."""
    files: dict[str, tuple[str, ...]] = {}
    for kind in kinds:
        files[kind.file] = (*files.get(kind.file, ()), kind.collection)
    return files


def page_kinds(kinds: tuple[Kind, ...] = KINDS) -> dict[str, Kind]:
    """The kinds whose records get pages, by name (``service``, ``branch``...)."""
    return {kind.name: kind for kind in kinds if kind.name is not None}


def collections(kinds: tuple[Kind, ...] = KINDS) -> tuple[str, ...]:
    """Every collection name, in declaration order."""
    return tuple(kind.collection for kind in kinds)
