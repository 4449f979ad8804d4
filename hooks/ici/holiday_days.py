"""Latvia's days off for the "open now" badge, from the ``holidays`` package.

The badge script (``overrides/assets/javascripts/opening-hours.js``) knows the fixed days
and Easter, but not the days the Saeima or the Cabinet adds or moves (a hockey medal day,
the Song and Dance Celebration, a Friday off for a Saturday worked). The ``holidays``
package keeps those; the build hands them to the script for a few years around the build
date, and the script falls back to its own rules outside them.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

import holidays

COUNTRY = "LV"
YEARS_BEFORE = 1
YEARS_AFTER = 4


def holiday_days(built_at: datetime) -> dict[str, str]:
    """``{"2026": "01-01 01-02 04-03 ...", ...}``: each year's days off, compact for a page."""
    return dict(_days(built_at.year))


@cache
def _days(year: int) -> tuple[tuple[str, str], ...]:
    years = range(year - YEARS_BEFORE, year + YEARS_AFTER + 1)
    days = holidays.country_holidays(COUNTRY, years=years)
    return tuple(
        (str(y), " ".join(sorted(f"{d:%m-%d}" for d in days if d.year == y))) for y in years
    )
