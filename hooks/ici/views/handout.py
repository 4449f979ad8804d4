"""View model of the printable one-page handout: what ICI offers and every contact."""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset
from ..fmt import language_name
from ..lifecycle import is_ended
from ..text import pick
from .contacts import branches_list

ICI = "ici"  # organization id of ICI in data/services.yaml


def handout_view(ds: Dataset, lang: str) -> dict[str, Any]:
    """ICI's description, its own current services, all branches and hotlines, languages."""
    org = ds.organizations.get(ICI, {})
    # a handout says what one can use: ended services stay on the register only
    services = [
        {"id": sid, "name": pick(rec["name"], lang)}
        for sid, rec in ds.services.items()
        if rec.get("organization_id") == ICI and not is_ended(rec)
    ]
    ici_branches = [b for b in ds.branches.values() if b.get("organization_id") == ICI]
    spoken: list[str] = []
    interpreters: list[str] = []
    for branch in ici_branches:
        spoken += [c for c in branch["languages"] if c not in spoken]
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
        "branches": branches_list(ds, lang)["items"],
        "languages": [language_name(c, lang) for c in spoken],
        "interpreters": [language_name(c, lang) for c in interpreters],
    }
