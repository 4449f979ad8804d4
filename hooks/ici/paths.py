"""Site paths of the files written next to the pages: vCards and calendars.

Views link to these files and exports write them: both take the path from here, so a link
and its file cannot drift apart. Paths are below a language's root, without a leading /.
"""

from __future__ import annotations

import posixpath

from .pages import record_path

# the calendar of every event, next to the events listing
ICS_FEED = "events/events.ics"


def ics_path(event_id: str) -> str:
    """An event's "add to calendar" file, e.g. ``events/latvian-evening.ics``."""
    return f"events/{event_id}.ics"


def vcard_path(branch_id: str) -> str:
    """A branch's vCard, e.g. ``contacts/riga.vcf``."""
    return record_path("branch", branch_id).rstrip("/") + ".vcf"


def relative(path: str, page_dir: str) -> str:
    """``path`` as a URL relative to the page at ``page_dir`` (e.g. ``events/x/``)."""
    return posixpath.relpath(path, page_dir.rstrip("/") or ".")


def vcard_href(branch_id: str) -> str:
    """The vCard's URL relative to the branch's own page, e.g. ``../riga.vcf``."""
    return relative(vcard_path(branch_id), record_path("branch", branch_id))
