"""Guide pages give the numbers and listings a reader needs, taken from the data."""

from __future__ import annotations

import pytest
import yaml

from langs import PREFIX
from sitebuild import ROOT, Built

# the project's own pages and data (tests/conftest.py marks every test on a real build too)
pytestmark = pytest.mark.real_content

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))
TRUST_LINE = next(b for b in CONTACTS["branches"] if b["id"] == "trafficking-trust-line")


@pytest.mark.parametrize("lang", LANGS)
def test_trafficking_guide_gives_the_trust_line_number_from_the_data(
    site: Built, lang: str
) -> None:
    number = TRUST_LINE["phones"][0]["number"].replace(" ", "")
    doc = site.html(f"{LANGS[lang]}guide/trafficking/index.html")
    # the first paragraph after the heading: the number to tap, then its contact card
    first = doc.css_first("article h1").next
    while first is not None and first.tag != "p":
        first = first.next
    assert [a.attributes["href"] for a in first.css("a[href^='tel:']")] == [f"tel:{number}"]
    # and the page links the trust line's own record page
    assert doc.css("article a[href$='contacts/trafficking-trust-line/']")


@pytest.mark.parametrize("lang", LANGS)
def test_learning_latvian_guide_links_the_course_listing(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}guide/latvian/index.html")
    assert doc.css("article a[href='../../courses/']")
