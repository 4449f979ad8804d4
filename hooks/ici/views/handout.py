"""View model of the printable one-page handout: what ICI offers and every contact."""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset
from ..fmt import hours_rows, language_name
from ..lifecycle import is_ended
from ..register import branches_of
from ..text import pick
from ..vocab import REGIONS
from .contacts import branches_list, point_view

ICI = "ici"  # organization id of ICI in data/services.yaml


def _region_order(code: str) -> int:
    return REGIONS.index(code) if code in REGIONS else len(REGIONS)


def handout_view(ds: Dataset, lang: str) -> dict[str, Any]:
    """ICI's description, its own current services, all branches and hotlines, languages."""
    org = ds.organizations.get(ICI, {})
    # a handout says what one can use: ended services stay on the register only
    services = [
        {
            "id": sid,
            "name": pick(rec["name"], lang),
            "free": rec.get("free"),
            "languages": [language_name(c, lang) for c in rec.get("languages", [])],
            "hours": hours_rows(rec.get("schedules"), lang),
            # where to call: the handout shows the place in the client's region
            "points": [point_view(b, lang) for b in branches_of(ds, rec) if b.get("phones")],
        }
        for sid, rec in ds.services.items()
        if rec.get("organization_id") == ICI and not is_ended(rec)
    ]
    regions = sorted({p["region"] for s in services for p in s["points"]}, key=_region_order)
    ici_branches = [b for b in ds.branches.values() if b.get("organization_id") == ICI]
    spoken: list[str] = []
    interpreters: list[str] = []
    for branch in ici_branches:
        spoken += [c for c in branch.get("languages", []) if c not in spoken]
        interpreters += [
            c for c in branch.get("interpreter_languages", []) if c not in interpreters
        ]
    return {
        "org": {
            "name": pick(org.get("name"), lang),
            "description": pick(org.get("description"), lang),
            "url": org.get("url"),
            "email": org.get("email"),
        },
        "services": services,
        "regions": regions,
        "branches": branches_list(ds, lang)["items"],
        "languages": [language_name(c, lang) for c in spoken],
        "interpreters": [language_name(c, lang) for c in interpreters],
    }
