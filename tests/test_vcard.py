"""The vCard writer on its own: escaping, folding, and the file paths."""

from __future__ import annotations

import vobject
from hypothesis import given
from hypothesis import strategies as st

from ici.dataset import load_dataset
from ici.fmt import clock
from ici.outputs import language_outputs
from ici.paths import vcard_href, vcard_path
from ici.vcard import branch_vcard, escape, fold
from langs import LANGS
from sitebuild import ROOT


def test_escape_text_values() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_escape_turns_cr_lf_and_crlf_into_one_escaped_break() -> None:
    # a bare CR left in a value let a lenient reader see a new property or vCard
    assert escape("a\rEND:VCARD") == "a\\nEND:VCARD"
    assert escape("a\r\nb\nc\rd") == "a\\nb\\nc\\nd"


@given(st.text(max_size=80))
def test_escaped_values_hold_no_line_break(value: str) -> None:
    assert "\r" not in escape(value) and "\n" not in escape(value)


def test_fold_keeps_short_lines() -> None:
    assert fold("FN:ICI") == "FN:ICI"


@given(st.text(alphabet="aāč–ЖЯ😀", min_size=0, max_size=300))
def test_fold_never_exceeds_75_octets_nor_splits_a_character(value: str) -> None:
    folded = fold("NOTE:" + value)
    lines = folded.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    # unfolding (RFC 6350 3.2: remove CRLF and one space) gives the line back
    assert folded.replace("\r\n ", "") == "NOTE:" + value


def test_paths_of_a_branch_vcard() -> None:
    assert vcard_path("riga") == "contacts/riga.vcf"
    assert vcard_href("riga") == "../riga.vcf"


def test_every_language_writes_every_branch_vcard() -> None:
    ds = load_dataset(ROOT)
    for lang in LANGS:
        files = language_outputs(ds, lang)
        assert sorted(p for p in files if p.endswith(".vcf")) == sorted(
            f"contacts/{rid}.vcf" for rid in ds.branches
        )


def test_texts_with_commas_and_semicolons_survive_a_round_trip() -> None:
    ds = load_dataset(ROOT)
    # the real data gives no position (no source has one): the card's GEO is tested here
    rec = {
        **ds.branches["riga"],
        "name": {"lv": "Birojs; Rīga, centrs"},
        "geo": {"lat": 56.9515, "lon": 24.1365},
    }
    card = vobject.readOne(branch_vcard(ds, rec, "en"))
    assert card.fn.value == "Birojs; Rīga, centrs"
    # the Latvian fallback is marked with its own language
    assert card.fn.params["LANGUAGE"] == ["lv"]
    assert card.adr.value.street == "Lāčplēša iela 75 – 9/10"
    assert card.adr.value.country == "Latvia"
    assert card.geo.value == "geo:56.9515,24.1365"


def test_clock_uses_24_hour_time_and_keeps_end_of_day() -> None:
    assert [clock("09:00", lang) for lang in LANGS] == ["09:00"] * len(LANGS)
    assert clock("24:00", "en") == "24:00"
