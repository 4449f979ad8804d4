"""ici.search: a view's search dict becomes Pagefind attributes, or a worded error."""

from __future__ import annotations

import datetime as dt
import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from ici.search import SearchInfo, _folded, _within, normalize, page_kind

UI = {
    "regions.latgale": "Latgale",
    "search.filter_region": "Reģions",
    "search.filter_cost": "Maksa",
    "search.kind_service": "Pakalpojums",
    "search.kind_page": "Lapa",
    "search.kind_guide": "Ceļvedis",
    "search.kind_news": "Jaunums",
}


def translate(key: str) -> str:
    if key not in UI:
        raise KeyError(f"interface string {key!r} is not in data/strings/lv.yaml")
    return UI[key]


def norm(spec: dict | None, path: str = "x/", front: dict | None = None, lang: str = "lv"):
    return normalize(spec, path=path, front_matter=front or {}, lang=lang, translate=translate)


def test_service_spec_becomes_attributes_in_order() -> None:
    info = norm(
        {
            "kind": "service",
            "filters": {
                "region": [{"ui": "regions.latgale"}, "Rīga", "Rīga"],
                "cost": "bez maksas",
            },
            "sort": {"date": dt.date(2026, 12, 1)},
            "meta": {"detail": "PMLP,  Rīga:\n centrs"},
        }
    )
    assert info.attributes() == [
        ("data-pagefind-filter", "kind:service"),
        ("data-pagefind-filter", "region:Latgale"),
        ("data-pagefind-filter", "region:Rīga"),
        ("data-pagefind-filter", "cost:bez maksas"),
        ("data-pagefind-sort", "date:2026-12-01"),
        ("data-pagefind-meta", "kind:service"),
        ("data-pagefind-meta", "date:2026-12-01"),
        ("data-pagefind-meta", "detail:PMLP, Rīga: centrs"),
    ]


def test_markdown_pages_get_kind_from_front_matter_or_folder() -> None:
    assert page_kind("guide/residence/", {}) == "guide"
    assert page_kind("news/2026/", {}) == "news"
    assert page_kind("contacts/", {}) == "page"
    assert page_kind("", {}) == "page"
    assert page_kind("about/", {"search_kind": "guide"}) == "guide"
    assert norm(None, path="news/x/", front={"date": dt.date(2026, 1, 5)}).sorts == [
        ("date", "2026-01-05")
    ]


def test_latvian_terms_only_on_other_languages_without_repeats() -> None:
    spec = {"terms_lv": ["ICI", "ICI Rīgas birojs", "Informācijas centrs imigrantiem", "ici"]}
    assert norm(spec, lang="lv").terms_lv == []
    assert norm(spec, lang="en").terms_lv == ["ICI Rīgas birojs", "Informācijas centrs imigrantiem"]
    # only whole words count: "LVA" is not inside "Silva"
    assert norm({"terms_lv": ["Silva", "LVA"]}, lang="ru").terms_lv == ["Silva", "LVA"]


def test_empty_values_are_dropped() -> None:
    info = norm({"filters": {"region": ["", "  "]}, "terms_lv": [""]}, lang="ru")
    assert info == SearchInfo("page")


# letters whose case rules differ (sharp s, long s, Kelvin sign, dotted and dotless i,
# Greek final sigma), word characters, separators
TRICKY = st.text(alphabet="aAsSßẞſKkKİIıiσςΣ Āā-_.1", max_size=8)


@given(TRICKY, TRICKY)
@example("ſ", "S")
@example("K", "kelvin k")
@example("ss", "ß")
@example("İ", "I")
@example("ı", "i")
@example("ici", "ICI Rīgas birojs")
@example("ICI", "Rīgas ICIbirojs")
def test_within_is_the_whole_word_case_insensitive_search(short: str, long: str) -> None:
    """The quick test before the pattern changes no answer of the pattern itself."""
    pattern = rf"(?<!\w){re.escape(short)}(?!\w)"
    assert _within(short, long) == (re.search(pattern, long, re.IGNORECASE) is not None)


def test_the_quick_fold_keeps_every_pair_the_pattern_matches() -> None:
    """Every character and each of its case mappings that the pattern's IGNORECASE takes
    for it fold alike (the ``re`` module's extra pairs, such as ſ and s or K and k, are
    among them), so the quick test never says no where the pattern says yes, for any
    letter of any script."""
    unlike = []
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if 0xD800 <= point <= 0xDFFF:
            continue
        mapped = {*char.lower(), *char.upper(), *char.title(), *char.upper().lower()} - {char}
        for other in mapped:
            if _folded(char) != _folded(other) and re.fullmatch(re.escape(char), other, re.I):
                unlike.append((char, other))
    assert unlike == []
