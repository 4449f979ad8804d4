"""Checks that span records and files: ids, references, dates, phone numbers, translations.

They run after every file passed its schema, collect every problem, and fail once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import phonenumbers
from babel import Locale

from .clock import build_time
from .kinds import KINDS
from .lifecycle import status_problems
from .problems import Path, Problem
from .provenance_check import provenance_problems
from .rrule_check import rule_problem
from .text import LANGS
from .vocab import REGIONS
from .yamlsource import Source

# collection -> the data file that holds it (ids are unique within a collection)
COLLECTIONS = {kind.collection: kind.file for kind in KINDS}


def _list(value: Any) -> list[Any]:
    # cross-checks also run on files with schema problems: never trust a shape here
    return value if isinstance(value, list) else []


def _records(src: Source, key: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    for i, rec in enumerate(_list(src.data.get(key))):
        if isinstance(rec, dict):
            yield (key, i), rec


def _check_ids(sources: dict[str, Source]) -> Iterator[Problem]:
    for coll, file_key in COLLECTIONS.items():
        src = sources[file_key]
        seen: dict[str, int] = {}
        for path, rec in _records(src, coll):
            rid = rec.get("id")
            if not isinstance(rid, str):
                continue
            if rid in seen:
                yield src.problem(
                    (*path, "id"),
                    f"expected a unique id, got {rid!r} again (first at line {seen[rid]})",
                    "ref.duplicate_id",
                )
            else:
                seen[rid] = src.line((*path, "id"))


def _ids(sources: dict[str, Source], coll: str) -> set[str]:
    return {rec["id"] for _, rec in _records(sources[COLLECTIONS[coll]], coll) if "id" in rec}


def _ref(src: Source, path: Path, value: Any, known: set[str], what: str) -> Iterator[Problem]:
    if isinstance(value, str) and value not in known:
        yield src.problem(path, f"expected the id of {what}, got {value!r}", "ref.unknown")


def _check_refs(sources: dict[str, Source]) -> Iterator[Problem]:
    orgs, services, branches = (_ids(sources, c) for c in ("organizations", "services", "branches"))
    svc, con = sources["services"], sources["contacts"]
    org_words = "an organization in data/services.yaml"
    for path, rec in _records(svc, "services"):
        yield from _ref(
            svc, (*path, "organization_id"), rec.get("organization_id"), orgs, org_words
        )
        for i, b in enumerate(_list(rec.get("branches"))):
            yield from _ref(
                svc, (*path, "branches", i), b, branches, "a branch in data/contacts.yaml"
            )
    for path, rec in _records(con, "branches"):
        yield from _ref(
            con, (*path, "organization_id"), rec.get("organization_id"), orgs, org_words
        )
        for i, s in enumerate(_list(rec.get("services"))):
            yield from _ref(
                con, (*path, "services", i), s, services, "a service in data/services.yaml"
            )
    for coll in ("events", "courses"):
        src = sources[coll]
        for path, rec in _records(src, coll):
            yield from _ref(src, (*path, "organizer"), rec.get("organizer"), orgs, org_words)
            partners = rec.get("partners")
            for i, partner in enumerate(partners if isinstance(partners, list) else []):
                yield from _ref(src, (*path, "partners", i), partner, orgs, org_words)
            place = rec.get("place")
            if isinstance(place, dict) and "branch" in place:
                where = (*path, "place", "branch")
                yield from _ref(
                    src, where, place["branch"], branches, "a branch in data/contacts.yaml"
                )


def _parse(value: Any, fmt: str) -> datetime | None:
    # a list of formats, separated by "|": partial dates (YYYY-MM) are real dates too
    for one in fmt.split("|"):
        try:
            return datetime.strptime(value, one)
        except (TypeError, ValueError):
            continue
    return None


_DAY_OR_MONTH = "%Y-%m-%d|%Y-%m"
_EVENT_TIME = "%Y-%m-%dT%H:%M|%Y-%m-%d|%Y-%m"


def _walk(value: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, (*path, i))


_DATE_FIELDS = {"last_reviewed", "start_date", "end_date"}
_DATETIME_FIELDS = {"start", "end", "previous_start"}
_DATE_FORMATS = {
    "last_reviewed": "%Y-%m-%d",
    "start_date": _DAY_OR_MONTH,
    "end_date": _DAY_OR_MONTH,
}


def _is_time(value: Any) -> bool:
    # 24:00 (the end of the day) is a valid closing time, which strptime does not know
    return isinstance(value, str) and (value == "24:00" or _parse(value, "%H:%M") is not None)


def _check_values(src: Source) -> Iterator[Problem]:
    """Real dates, valid phone numbers and sane opening hours anywhere in one file."""
    for path, value in _walk(src.data, ()):
        key = path[-1] if path else None
        if key in _DATE_FIELDS and isinstance(value, str) and not _parse(value, _DATE_FORMATS[key]):
            yield src.problem(path, f"expected a real calendar date, got {value!r}", "date.unreal")
        elif key in _DATETIME_FIELDS and isinstance(value, str):
            if _parse(value, _EVENT_TIME) is None:
                yield src.problem(
                    path, f"expected a real date and time, got {value!r}", "date.unreal"
                )
        elif key in ("number", "phone") and isinstance(value, str) and value.startswith("+371"):
            try:
                ok = phonenumbers.is_valid_number(phonenumbers.parse(value, "LV"))
            except phonenumbers.NumberParseException:
                ok = False
            if not ok:
                yield src.problem(
                    path, f"expected a valid Latvian phone number, got {value!r}", "phone.invalid"
                )
        elif isinstance(value, dict) and {"opens_at", "closes_at"} <= value.keys():
            opens, closes = value["opens_at"], value["closes_at"]
            if opens == "24:00":
                yield src.problem(
                    (*path, "opens_at"),
                    "expected an opening time before 24:00, got '24:00'",
                    "hours.midnight",
                )
            elif _is_time(opens) and _is_time(closes) and closes <= opens:
                yield src.problem(
                    (*path, "closes_at"),
                    f"expected a time after opens_at {opens}, got {closes!r}",
                    "hours.order",
                )


def _check_order(src: Source, coll: str, first: str, last: str, fmt: str) -> Iterator[Problem]:
    for path, rec in _records(src, coll):
        a, b = _parse(rec.get(first), fmt), _parse(rec.get(last), fmt)
        if a and b and b < a:
            yield src.problem(
                (*path, last),
                f"expected {last} not before {first} {rec[first]}, got {rec[last]!r}",
                "date.order",
            )


def _check_rrules(src: Source) -> Iterator[Problem]:
    for path, rec in _records(src, "events"):
        rule, start = rec.get("rrule"), _parse(rec.get("start"), "%Y-%m-%dT%H:%M")
        if not isinstance(rule, str) or start is None:
            continue
        found = rule_problem(rule, start)
        if found:
            key, message, code = found
            yield src.problem((*path, key), f"{message}, got {rec[key]!r}", code)


# channel -> (the field that makes it reachable, how an editor calls that field)
_CHANNEL_FIELDS = {
    "phone": ("phones", "a phone number"),
    "email": ("email", "an e-mail address"),
    "skype": ("skype", "a Skype name"),
}


def _strings(value: Any) -> list[tuple[int, str]]:
    """(index, item) of the text items of a list; anything else was reported by the schema."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def _is_id(rec: dict[str, Any]) -> bool:
    return isinstance(rec.get("id"), str)


def _check_service_reach(sources: dict[str, Source]) -> Iterator[Problem]:
    """A service's channels need the contact to use them; its branches lie in its areas.

    A specialist who sees "phone" must find a number to call, on the service itself or on
    one of the branches it names; a branch in another region would send people astray.
    """
    svc = sources["services"]
    branches = {r["id"]: r for _, r in _records(sources["contacts"], "branches") if _is_id(r)}
    orgs = {r["id"]: r for _, r in _records(svc, "organizations") if _is_id(r)}
    for path, rec in _records(svc, "services"):
        ids = _strings(rec.get("branches"))
        own = [branches[b] for _, b in ids if b in branches]
        for i, channel in _strings(rec.get("channels")):
            if channel in _CHANNEL_FIELDS:
                key, words = _CHANNEL_FIELDS[channel]
                if not rec.get(key) and not any(b.get(key) for b in own):
                    yield svc.problem(
                        (*path, "channels", i),
                        f"expected {words} on the service or one of its branches, "
                        f"got channel {channel!r} without one",
                        "service.channel_contact",
                    )
            elif channel == "online":
                oid = rec.get("organization_id")
                org = orgs.get(oid, {}) if isinstance(oid, str) else {}
                if not rec.get("url") and not org.get("url"):
                    yield svc.problem(
                        (*path, "channels", i),
                        "expected a url on the service or its organization, "
                        f"got channel {channel!r} without one",
                        "service.channel_url",
                    )
        areas = [a for _, a in _strings(rec.get("service_areas"))]
        for i, bid in ids:
            region = branches.get(bid, {}).get("region")
            # an unknown region was reported by the schema: do not report it twice
            if region in REGIONS and areas and region not in areas:
                yield svc.problem(
                    (*path, "branches", i),
                    f"expected a branch in the service areas ({', '.join(areas)}), "
                    f"got {bid!r} in {region}",
                    "service.branch_area",
                )


def missing_translations(src: Source) -> Iterator[Problem]:
    """Notices (not errors) for texts that lack ru or en and will fall back to lv."""
    for path, value in _walk(src.data, ()):
        if isinstance(value, dict) and isinstance(value.get("lv"), str):
            absent = [lang for lang in LANGS[1:] if lang not in value]
            if absent:
                yield src.problem(
                    path,
                    f"no {' and '.join(absent)} text yet, the lv text is shown",
                    "text.untranslated",
                )


def _known_country(code: str) -> bool:
    return code in Locale.parse("en").territories


def _check_figures(src: Source) -> Iterator[Problem]:
    """Reports: real dates in order, totals that resolve, parts that add up, real countries."""
    for path, rec in _records(src, "figures"):
        for key in ("period_start", "as_of"):
            value = rec.get(key)
            if isinstance(value, str) and _parse(value, "%Y-%m-%d") is None:
                yield src.problem(
                    (*path, key), f"expected a real calendar date, got {value!r}", "date.unreal"
                )
        yield from _check_order_one(src, path, rec, "period_start", "as_of", "%Y-%m-%d")
        totals: dict[str, int] = {}
        for i, total in enumerate(rec.get("totals") or []):
            tid = total.get("id")
            if tid in totals:
                yield src.problem(
                    (*path, "totals", i, "id"),
                    f"expected a unique id, got {tid!r} again",
                    "ref.duplicate_id",
                )
            elif isinstance(tid, str):
                totals[tid] = total.get("value")
        for i, part in enumerate(rec.get("breakdowns") or []):
            where = (*path, "breakdowns", i)
            ref = part.get("total")
            if ref not in totals:
                known = ", ".join(totals)
                yield src.problem(
                    (*where, "total"),
                    f"expected the id of a total in this report ({known}), got {ref!r}",
                    "ref.unknown",
                )
                continue
            rows = part.get("rows") or []
            added = sum(r.get("value", 0) for r in rows if isinstance(r.get("value"), int))
            if added != totals[ref]:
                yield src.problem(
                    (*where, "rows"),
                    f"expected values adding up to {ref} ({totals[ref]}), got {added}",
                    "figures.sum",
                )
        for i, code in enumerate(rec.get("top_countries") or []):
            if isinstance(code, str) and len(code) == 2 and not _known_country(code):
                yield src.problem(
                    (*path, "top_countries", i),
                    f"expected a known country code, got {code!r}",
                    "figures.country",
                )


def _check_order_one(
    src: Source, path: Path, rec: dict[str, Any], first: str, last: str, fmt: str
) -> Iterator[Problem]:
    a, b = _parse(rec.get(first), fmt), _parse(rec.get(last), fmt)
    if a and b and b < a:
        yield src.problem(
            (*path, last),
            f"expected {last} not before {first} {rec[first]}, got {rec[last]!r}",
            "date.order",
        )


def cross_problems(sources: dict[str, Source]) -> list[Problem]:
    """Every cross-record problem over all loaded files."""
    problems = [*_check_ids(sources), *_check_refs(sources)]
    for src in sources.values():
        problems.extend(_check_values(src))
    problems.extend(_check_order(sources["events"], "events", "start", "end", _EVENT_TIME))
    problems.extend(
        _check_order(sources["courses"], "courses", "start_date", "end_date", _DAY_OR_MONTH)
    )
    problems.extend(provenance_problems(sources))
    problems.extend(_check_rrules(sources["events"]))
    problems.extend(_check_figures(sources["figures"]))
    problems.extend(_check_service_reach(sources))
    today = build_time().date()
    problems.extend(status_problems(sources["services"], "services", today))
    problems.extend(status_problems(sources["courses"], "courses", today))
    return problems
