"""The search box's words of one language: synonyms and place names (``search/terms.json``).

Written beside each language's pages and fetched by the search box on first use
(``search.js``), with Pagefind. It holds:

- ``synonyms``: the groups of ``data/synonyms/<lang>.yaml`` (:mod:`ici.synonyms`);
- ``places``: town and region names in every language the data gives (the glossary's
  ``kind: place`` terms, the ``regions.*`` strings), each with its region code. The
  region of a town comes from the data (a branch's or a course's or event's place), never
  from a list written here. The box finds a place in a query in any case form and
  language (``search-plan.js``) and narrows the rest of the query to that region;
- ``regions``: each region's filter value in this language (what the pages' ``region``
  filter holds, ``ici.search``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .context import RenderContext
from .dataset import Dataset
from .synonyms import synonyms_json
from .ui import Strings
from .vocab import REGIONS


def town_regions(ds: Dataset) -> dict[str, str]:
    """Latvian town name -> region code, from branches and event and course places."""
    out: dict[str, str] = {}
    for branch in ds.branches.values():
        city = (branch.get("address") or {}).get("city")
        if city and branch.get("region") in REGIONS:
            out.setdefault(city, branch["region"])
    for rec in [*ds.events.values(), *ds.courses.values()]:
        place = rec.get("place") or {}
        if place.get("city") and place.get("region") in REGIONS:
            out.setdefault(place["city"], place["region"])
    return out


def place_names(ds: Dataset, langs: Iterable[str], strings: Strings) -> list[dict[str, str]]:
    """Every name of a town or region, in every language, with its region code."""
    names: set[tuple[str, str]] = set()
    for code in REGIONS:
        for lang in langs:
            names.add((strings.get(f"regions.{code}", lang), code))
    for town, code in town_regions(ds).items():
        names.add((town, code))
        for name in ds.glossary.places.get(town, {}).values():
            names.add((name, code))
        for form in ds.glossary.place_forms.get(town, ()):
            names.add((form, code))
    return [{"name": n, "region": r} for n, r in sorted(names)]


def search_terms(ctx: RenderContext, langs: Iterable[str]) -> bytes:
    """The JSON file of ``ctx``'s language (sorted, so two builds write the same bytes);
    ``langs``: the languages whose place names a query may use."""
    ds = ctx.dataset
    data = {
        "synonyms": synonyms_json(ds.synonyms.get(ctx.lang, [])),
        "places": place_names(ds, list(langs), ctx.strings),
        "regions": {code: ctx.text(f"regions.{code}") for code in REGIONS},
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
