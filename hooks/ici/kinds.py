"""Every kind of record, declared once.

A kind names its collection (the top-level key of its data file, and the ``Dataset``
collection), the data file and schema that hold it, and, when its records get pages of
their own, the page's URL pattern, template, title field and the scheme of Markdown links
to it (``[text](service:ici-legal-consultation)``), which is also its search kind. The
loader, the cross-checks, the generated pages, the record links, the search index and the
translation status all iterate over :data:`KINDS`; a kind's view (``ici.views``) is found by
its ``name``. A kind also declares the references of its records to other records (checked
by ``ici.crosscheck.refs``), the cross-checks of its own (by name, ``ici.crosscheck``), and
the files written beside the pages from it (by name, ``ici.outputs``): names, because
those modules sit above this one.

Adding a kind of record: one entry here, ``schemas/<file>.schema.json``,
``data/<file>.yaml``, its template in ``overrides/`` and its interface strings (see
"add a new kind of record" in CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass

# date formats of the "dates" check: "|" between the forms a field may take
DAY_OR_MONTH = "%Y-%m-%d|%Y-%m"
EVENT_TIME = "%Y-%m-%dT%H:%M|%Y-%m-%d|%Y-%m"


@dataclass(frozen=True)
class Kind:
    """One kind of record."""

    collection: str  # top-level key of the data file and Dataset collection: "services"
    file: str  # data/<file>.yaml, validated by schemas/<file>.schema.json
    name: str | None = None  # page kind, link scheme and search kind; None: no pages
    path: str = ""  # site path of a record's page below the language root, "{id}" replaced
    template: str = ""  # Jinja template in overrides/ that renders a record's page
    title_field: str = "title"  # the text field that is a record's page title
    noun: str = ""  # one record in an editor's words: "a branch" (in reference messages)
    # field -> collection its value is an id of; "branches[]" a list of ids, "place.branch"
    # a field of a field
    refs: tuple[tuple[str, str], ...] = ()
    # (first, last, formats): the last date is not before the first ("dates" check)
    period: tuple[str, str, str] | None = None
    checks: tuple[str, ...] = ()  # its own cross-checks: names in ici.crosscheck.KIND_CHECKS
    exports: tuple[str, ...] = ()  # files beside the pages: names in ici.outputs.GENERATORS

    @property
    def has_pages(self) -> bool:
        """True when every record of the kind gets a page in every language."""
        return self.name is not None


# in the order of the data files (the translation status lists them so), and the
# collections of one file in the file's order
# who organizes an event or a course, with whom, and where
_PLACES = (
    ("organizer", "organizations"),
    ("partners[]", "organizations"),
    ("place.branch", "branches"),
)

KINDS: tuple[Kind, ...] = (
    Kind("organizations", "services", noun="an organization"),
    Kind(
        "services",
        "services",
        "service",
        "register/{id}/",
        "ici/service.html",
        "name",
        noun="a service",
        refs=(("organization_id", "organizations"), ("branches[]", "branches")),
        checks=("reach", "status"),
        exports=("hsds", "csv", "facets"),
    ),
    Kind(
        "branches",
        "contacts",
        "branch",
        "contacts/{id}/",
        "ici/branch.html",
        "name",
        noun="a branch",
        refs=(("organization_id", "organizations"), ("services[]", "services")),
        exports=("vcard",),
    ),
    Kind(
        "events",
        "events",
        "event",
        "events/{id}/",
        "ici/event.html",
        refs=_PLACES,
        period=("start", "end", EVENT_TIME),
        checks=("dates", "rrule"),
        exports=("ics",),
    ),
    Kind(
        "courses",
        "courses",
        "course",
        "courses/{id}/",
        "ici/course.html",
        refs=_PLACES,
        period=("start_date", "end_date", DAY_OR_MONTH),
        checks=("dates", "status"),
    ),
    Kind("figures", "figures", checks=("figures",)),
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
