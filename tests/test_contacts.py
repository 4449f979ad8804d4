"""Branches and hotlines on the built site: links, footer, vCards, JSON-LD, hours."""

from __future__ import annotations

import json
from typing import Any

import pytest
import vobject
import yaml

from langkit import strings_by_section
from langs import PREFIX
from sitebuild import ROOT, Built

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
DATA = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))["branches"]
STRINGS = strings_by_section()
BRANCH_IDS = [b["id"] for b in DATA]
# No source gives the Riga office's own opening hours (only its phones' hours), so the
# hours table, its JSON-LD and the "open now" badge are tested on a copy that has them.
OFFICE_HOURS = [
    {"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00", "closes_at": "17:00"}
]


@pytest.fixture(scope="module")
def hours_site(office_hours: Built) -> Built:
    """The project with office hours added to the Riga office (conftest.office_hours)."""
    return office_hours


DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _branch(rid: str) -> dict[str, Any]:
    return next(b for b in DATA if b["id"] == rid)


def _e164(number: str) -> str:
    # the data writes "+371 25565098"; E.164 is the same digits without the space
    return number.replace(" ", "")


def _tels(rec: dict[str, Any]) -> list[str]:
    return [f"tel:{_e164(p['number'])}" for p in rec["phones"]]


def _hrefs(node, prefix: str) -> list[str]:
    return [
        a.attributes["href"] for a in node.css("a[href]") if a.attributes["href"].startswith(prefix)
    ]


def _hotline_tels() -> list[str]:
    # hotlines first, then offices: the numbers to call first
    chosen = [b for kind in ("hotline", "office") for b in DATA if b["kind"] == kind]
    return [tel for b in chosen for tel in _tels(b)]


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_page_lists_every_branch_with_its_numbers_and_email(
    site: Built, lang: str
) -> None:
    doc = site.html(f"{LANGS[lang]}contacts/index.html")
    article = doc.css_first("article.md-content__inner")
    cards = {li.attributes["data-ici-id"]: li for li in article.css("li.ici-card")}
    kinds = ("office", "contact_point", "hotline")
    assert list(cards) == [b["id"] for kind in kinds for b in DATA if b["kind"] == kind]
    for rec in DATA:
        card = cards[rec["id"]]
        assert _hrefs(card, "tel:") == _tels(rec)
        assert _hrefs(card, "mailto:") == ([f"mailto:{rec['email']}"] if "email" in rec else [])
        assert card.css_first("h3").text(strip=True) == rec["name"][lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rid", BRANCH_IDS)
def test_branch_page_links_phone_email_map_and_vcard(site: Built, lang: str, rid: str) -> None:
    rec = _branch(rid)
    rel = f"{LANGS[lang]}contacts/{rid}/index.html"
    doc = site.html(rel)
    head = doc.css_first('head link[type="text/vcard"]')
    assert head.attributes["href"] == f"../{rid}.vcf"
    article = doc.css_first("article.ici-branch")
    assert article.css_first("h1").text(strip=True) == rec["name"][lang]
    assert _hrefs(article, "tel:") == _tels(rec)
    assert _hrefs(article, "mailto:") == ([f"mailto:{rec['email']}"] if "email" in rec else [])
    map_links = [a.attributes["href"] for a in article.css("a.ici-map")]
    if "geo" in rec:
        lat, lon = rec["geo"]["lat"], rec["geo"]["lon"]
        assert map_links == [
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
        ]
    else:
        assert map_links == []
    vcard = article.css_first("a.ici-vcard")
    assert vcard.attributes["href"] == f"../{rid}.vcf"
    assert "download" in vcard.attributes
    assert (site.site / f"{LANGS[lang]}contacts/{rid}.vcf").is_file()
    services = [li.attributes["data-ici-service"] for li in article.css("[data-ici-service]")]
    assert services == rec.get("services", [])


def test_skype_link_and_city_only_address(site: Built) -> None:
    riga = site.html("en/contacts/riga/index.html").css_first("article.ici-branch")
    assert _hrefs(riga, "skype:") == ["skype:PatverumsDM?chat"]
    card = site.html("en/contacts/index.html").css_first('li[data-ici-id="latgale"]')
    assert [p.text(strip=True) for p in card.css("p")][1] == "Daugavpils"


@pytest.mark.parametrize("lang", LANGS)
def test_hours_are_written_with_babel_weekday_names(hours_site: Built, lang: str) -> None:
    rows = hours_site.html(f"{LANGS[lang]}contacts/riga/index.html").css(".ici-hours-table tr")
    days = {
        "lv": "pirmdiena–piektdiena",
        "ru": "понедельник–пятница",
        "en": "Monday–Friday",
        "uk": "понеділок–пʼятниця",
    }
    assert [(r.css_first("th").text(), r.css_first("td").text()) for r in rows] == [
        (days[lang], "09:00–17:00")
    ]


def test_every_page_has_the_hotlines_in_its_footer(site: Built) -> None:
    pages = site.pages()
    assert len(pages) >= 3 * (2 + len(DATA))
    for path in pages:
        doc = site.html(str(path.relative_to(site.site)))
        footer = doc.css_first("footer.md-footer .ici-footer-hotlines")
        assert footer is not None, path
        assert _hrefs(footer, "tel:") == _hotline_tels(), path


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_hotlines_above_the_content(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}index.html")
    hero = doc.css_first(".ici-hero")
    assert hero.css_first("h2").text(strip=True) == STRINGS["common"]["hotlines"][lang]
    assert _hrefs(hero, "tel:") == _hotline_tels()
    names = [p.text(strip=True) for p in hero.css(".ici-hotline-name")]
    assert names == [_branch("trafficking-trust-line")["name"][lang], _branch("riga")["name"][lang]]
    # the block comes before the page's own heading, not after its text
    assert doc.html.index("ici-hero") < doc.html.index("<h1")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rid", BRANCH_IDS)
def test_vcard_parses_and_carries_the_data(site: Built, lang: str, rid: str) -> None:
    rec = _branch(rid)
    raw = (site.site / f"{LANGS[lang]}contacts/{rid}.vcf").read_bytes()
    # RFC 6350: CRLF line breaks, lines of at most 75 octets
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    card = vobject.readOne(raw.decode("utf-8"))
    assert card.version.value == "4.0"
    assert card.fn.value == rec["name"][lang]
    assert [t.value for t in card.tel_list] == _tels(rec)
    emails = [e.value for e in card.contents.get("email", [])]
    assert emails == ([rec["email"]] if "email" in rec else [])
    assert [lng.value for lng in card.contents.get("lang", [])] == rec.get("languages", [])
    if "address" in rec:
        assert card.adr.value.city == rec["address"]["city"]
        assert card.adr.value.street == rec["address"].get("street", "")


def _spec(schedules: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The data's schedules written as schema.org OpeningHoursSpecification."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAYS[DAYS.index(d)] for d in s["byday"]],
            "opens": s["opens_at"],
            "closes": s["closes_at"],
        }
        for s in schedules or []
    ]


def _check_org(org: dict[str, Any], rec: dict[str, Any], lang: str) -> None:
    assert org["@type"] == "Organization"
    assert org["name"] == rec["name"][lang]
    points = org["contactPoint"]
    assert [p["telephone"] for p in points] == [_e164(p["number"]) for p in rec["phones"]]
    for point, phone in zip(points, rec["phones"], strict=True):
        assert point["@type"] == "ContactPoint"
        assert point.get("hoursAvailable", []) == _spec(phone.get("schedules"))
    hours = org.get("location", {}).get("openingHoursSpecification", [])
    assert hours == _spec(rec.get("schedules"))
    assert org.get("email") == rec.get("email")


def _jsonld(site: Built, rel: str) -> dict[str, Any]:
    scripts = site.html(rel).css('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rid", BRANCH_IDS)
def test_branch_jsonld_hours_and_numbers_equal_the_data(site: Built, lang: str, rid: str) -> None:
    org = _jsonld(site, f"{LANGS[lang]}contacts/{rid}/index.html")
    assert org["@context"] == "https://schema.org"
    _check_org(org, _branch(rid), lang)


def test_riga_jsonld_has_weekday_hours(site: Built, hours_site: Built) -> None:
    # guards the comparison above against empty schedules on both sides
    org = _jsonld(hours_site, "contacts/riga/index.html")
    assert org["location"]["openingHoursSpecification"][0]["dayOfWeek"][0] == "Monday"
    assert org["contactPoint"][2]["hoursAvailable"][0]["closes"] == "20:00"
    # the real data: the phones' hours from the source, no office hours
    real = _jsonld(site, "contacts/riga/index.html")
    assert "openingHoursSpecification" not in real["location"]
    assert real["contactPoint"][2]["hoursAvailable"][0]["closes"] == "20:00"


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_page_jsonld_lists_every_branch(site: Built, lang: str) -> None:
    graph = _jsonld(site, f"{LANGS[lang]}contacts/index.html")["@graph"]
    by_name = {org["name"]: org for org in graph}
    assert len(graph) == len(DATA)
    for rec in DATA:
        _check_org(by_name[rec["name"][lang]], rec, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_badge_gets_the_schedules_and_the_strings(hours_site: Built, lang: str) -> None:
    site = hours_site
    doc = site.html(f"{LANGS[lang]}contacts/riga/index.html")
    badge = doc.css_first("article.ici-branch > p > .ici-badge")
    assert "hidden" in badge.attributes  # without JavaScript the hours table says it all
    data = json.loads(badge.attributes["data-ici-hours"])
    riga = OFFICE_HOURS
    assert [(d["byday"], d["opens"], d["closes"]) for d in data] == [
        (s["byday"], s["opens_at"], s["closes_at"]) for s in riga
    ]
    strings = json.loads(doc.css_first("script#ici-hours-strings").text())
    section = STRINGS["contacts"]
    assert strings["messages"] == {
        key: section[f"badge_{key}"][lang] for key in ("open", "opens_today", "opens", "holiday")
    }
    monday = {"lv": "pirmdiena", "ru": "понедельник", "en": "Monday", "uk": "понеділок"}[lang]
    assert strings["days"]["MO"] == monday
    script = doc.css_first('script[src$="assets/javascripts/opening-hours.js"]')
    page_dir = site.site / f"{LANGS[lang]}contacts/riga"
    assert (page_dir / script.attributes["src"]).resolve().is_file()
