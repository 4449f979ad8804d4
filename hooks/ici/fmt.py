"""Locale-aware formatting with Babel and phonenumbers: phones, hours, dates, languages."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from typing import Any

import phonenumbers
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_time
from babel.numbers import format_decimal

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# schema.org day names for OpeningHoursSpecification
SCHEMA_DAYS = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


# Phone numbers, days, times and dates repeat across thousands of records and three
# languages: the formatters are pure, so each distinct value is formatted once per process.
@cache
def e164(number: str) -> str:
    """``+371 25565098`` -> ``+37125565098`` (for ``tel:`` links and vCards)."""
    return phonenumbers.format_number(
        phonenumbers.parse(number, "LV"), phonenumbers.PhoneNumberFormat.E164
    )


@cache
def phone_display(number: str) -> str:
    """A phone number as people read it: ``+371 25 565 098``."""
    return phonenumbers.format_number(
        phonenumbers.parse(number, "LV"), phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )


# British English writes "23 November 2026" and a 24-hour clock, as Latvia does
_BABEL_LOCALE = {"en": "en_GB"}


@cache
def babel_locale(lang: str) -> Locale:
    """The Babel locale that formats dates and numbers for a site language."""
    return Locale.parse(_BABEL_LOCALE.get(lang, lang))


def weekday_name(day: str, lang: str, width: str = "wide") -> str:
    """Weekday name in the reader's language (Babel), e.g. ``pirmdiena``."""
    return babel_locale(lang).days["format"][width][WEEKDAYS.index(day)]


def language_name(code: str, lang: str) -> str:
    """Name of language ``code`` written in ``lang`` (Babel), e.g. ``krievu`` for ru in lv."""
    names = babel_locale(lang).languages
    return names.get(_BABEL_LANGUAGE.get(code, code)) or names.get(code) or code


# CLDR names Dari by its locale (Persian of Afghanistan), not by its ISO 639-3 code
_BABEL_LANGUAGE = {"prs": "fa_AF"}


def _day_ranges(days: list[str]) -> list[tuple[str, str]]:
    idx = sorted(WEEKDAYS.index(d) for d in days)
    ranges: list[tuple[int, int]] = []
    for i in idx:
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1] = (ranges[-1][0], i)
        else:
            ranges.append((i, i))
    return [(WEEKDAYS[a], WEEKDAYS[b]) for a, b in ranges]


def days_label(days: list[str], lang: str) -> str:
    """``[MO..FR]`` -> ``pirmdiena–piektdiena``; single days and gaps joined by commas."""
    return _days_label(tuple(days), lang)


@cache
def _days_label(days: tuple[str, ...], lang: str) -> str:
    parts = []
    for a, b in _day_ranges(days):
        first = weekday_name(a, lang)
        parts.append(first if a == b else f"{first}–{weekday_name(b, lang)}")
    return ", ".join(parts)


@cache
def clock(hhmm: str, lang: str) -> str:
    """A data time ``HH:MM`` in the language's short 24-hour form (Babel), e.g. ``09:00``."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    if hour == 24:  # end of day: a valid closing time that datetime.time cannot hold
        return _babel_time(time(0, minute), "short", locale=babel_locale(lang)).replace(
            "00", "24", 1
        )
    return _babel_time(time(hour, minute), "short", locale=babel_locale(lang))


def hours_rows(schedules: list[dict[str, Any]] | None, lang: str) -> list[dict[str, str]]:
    """Opening hours as rows of ``days`` and ``time`` in 24-hour form."""
    return [
        {
            "days": days_label(s["byday"], lang),
            "time": f"{clock(s['opens_at'], lang)}–{clock(s['closes_at'], lang)}",
        }
        for s in schedules or []
    ]


def country_name(code: str, lang: str) -> str:
    """Name of country ``code`` (ISO 3166) in ``lang`` (Babel), e.g. ``Latvija`` for LV in lv."""
    return babel_locale(lang).territories.get(code, code)


@cache
def format_day(value: str | date, lang: str) -> str:
    """A date in the language's long form, e.g. ``2026. gada 23. novembris``."""
    if isinstance(value, str):
        value = datetime.strptime(value[:10], "%Y-%m-%d").date()
    return _babel_date(value, format="long", locale=babel_locale(lang))


def format_count(value: int, lang: str) -> str:
    """A whole number as the language writes it: ``2 514`` (lv, ru) or ``2,514`` (en)."""
    return format_decimal(value, locale=babel_locale(lang))


def format_month(value: date, lang: str) -> str:
    """Month and year, e.g. ``January 2018``, for dates whose day is not known."""
    return format_skeleton("yMMMM", value, locale=babel_locale(lang))


def format_year(value: date, lang: str) -> str:
    """The year as the language writes it alone, e.g. ``2009. g.`` in Latvian."""
    return format_skeleton("y", value, locale=babel_locale(lang))
