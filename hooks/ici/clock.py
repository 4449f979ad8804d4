"""The build's notion of "now": ``SOURCE_DATE_EPOCH`` when set, else the current time.

Reproducible builds set ``SOURCE_DATE_EPOCH`` (seconds since 1970 UTC) so that two builds
of the same checkout are byte-identical; everything that depends on the date of the build
(past and upcoming events, calendar stamps) reads it from here.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def source_date_epoch() -> datetime | None:
    """The time given by ``SOURCE_DATE_EPOCH`` (UTC), or None when it is not set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC)
    except (ValueError, OverflowError, OSError):
        # the reproducible-builds spec asks a build to stop on a malformed value
        raise ValueError(
            f"SOURCE_DATE_EPOCH: expected whole seconds since 1970, got {raw!r}"
        ) from None


def build_time() -> datetime:
    """When this build happens, as an aware UTC datetime."""
    return source_date_epoch() or datetime.now(UTC)
