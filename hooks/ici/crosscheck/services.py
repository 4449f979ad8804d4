"""Services: each channel has the contact to use it, each branch lies in the service areas."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..vocab import REGIONS, REGISTER_FOLDERS
from ..yamlsource import Source
from .records import is_id, records, strings

# channel -> (the field that makes it reachable, how an editor calls that field)
_CHANNEL_FIELDS = {
    "phone": ("phones", "a phone number"),
    "email": ("email", "an e-mail address"),
    "skype": ("skype", "a Skype name"),
}


def service_problems(sources: dict[str, Source]) -> Iterator[Problem]:
    """A service's channels need the contact to use them; its branches lie in its areas.

    A specialist who sees "phone" must find a number to call, on the service itself or on
    one of the branches it names; a branch in another region would send people astray.
    """
    svc = sources["services"]
    branches = {r["id"]: r for _, r in records(sources["contacts"], "branches") if is_id(r)}
    orgs = {r["id"]: r for _, r in records(svc, "organizations") if is_id(r)}
    for path, rec in records(svc, "services"):
        if rec.get("id") in REGISTER_FOLDERS:
            yield svc.problem(
                (*path, "id"),
                f"expected an id other than {', '.join(sorted(REGISTER_FOLDERS))} (the "
                f"register's listing pages use them), got {rec['id']!r}",
                "service.reserved_id",
            )
        ids = strings(rec.get("branches"))
        own = [branches[b] for _, b in ids if b in branches]
        for i, channel in strings(rec.get("channels")):
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
        areas = [a for _, a in strings(rec.get("service_areas"))]
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
