"""The service register: a page per service and language, the index, filters, exports."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import Counter
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import UNTRANSLATED_TEXTS
from ici.dataset import load_dataset
from ici.exports_hsds import NAMESPACE, hsds_id
from ici.register_pages import RESERVED_IDS
from ici.vocab import CATEGORIES, CHANNELS, REGIONS
from langs import PREFIX
from sitebuild import ROOT, Built

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
DATA = yaml.safe_load((ROOT / "data" / "services.yaml").read_text(encoding="utf-8"))
SERVICES = {s["id"]: s for s in DATA["services"]}
ORGS = {o["id"]: o for o in DATA["organizations"]}
GOVERNMENT = {"state", "municipal"}


HSDS_DIR = Path(__file__).resolve().parent / "hsds"


def _hsds_validator() -> Draft202012Validator:
    """HSDS 3.0's service schema (vendored in tests/hsds/) with its references resolved."""
    registry: Registry = Registry().with_resources(
        (
            path.name,
            Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in sorted(HSDS_DIR.glob("*.json"))
    )
    schema = registry.contents("service.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def _jsonld(doc: HTMLParser) -> list[dict]:
    return [json.loads(s.text()) for s in doc.css('script[type="application/ld+json"]')]


def test_register_holds_what_the_sources_support() -> None:
    # the seeds support 24 services of 7 providers; nothing else may ship (see FACTS-CHANGED.md)
    assert len(SERVICES) >= 20
    assert len({s["organization_id"] for s in SERVICES.values()}) >= 7
    assert "ici-legal-consultation" in SERVICES
    assert all(s["sources"] for s in SERVICES.values())


@pytest.mark.parametrize("lang", LANGS)
def test_every_service_has_a_page_with_matching_jsonld(site: Built, lang: str) -> None:
    folder = site.site / LANGS[lang] / "register"
    # the register's listing pages (topics, regions, ended) have their own folders
    pages = {
        p.parent.name: p for p in folder.glob("*/index.html") if p.parent.name not in RESERVED_IDS
    }
    assert sorted(pages) == sorted(SERVICES)
    for sid, path in pages.items():
        doc = HTMLParser(path.read_text(encoding="utf-8"))
        assert doc.css_first("html").attributes["lang"] == lang
        blocks = _jsonld(doc)
        assert len(blocks) == 1, sid
        ld = blocks[0]
        assert ld["identifier"] == sid
        org = ORGS[SERVICES[sid]["organization_id"]]
        assert ld["@type"] == ("GovernmentService" if org["type"] in GOVERNMENT else "Service")
        for key in ("provider", "areaServed", "citation", "dateModified"):
            assert ld[key], (sid, key)
        # languages only where a source names them
        languages = SERVICES[sid].get("languages", [])
        assert [a["alternateName"] for a in ld.get("availableLanguage", [])] == languages
        assert len(ld["areaServed"]) == len(SERVICES[sid]["service_areas"])
        if SERVICES[sid].get("status") == "ended":
            # no longer offered: no channels or hours to use (test_ended.py)
            assert "availableChannel" not in ld and "hoursAvailable" not in ld
            assert ld["offers"]["availability"] == "https://schema.org/Discontinued"
            continue
        assert "hoursAvailable" in ld
        assert len(ld["availableChannel"]) == len(SERVICES[sid]["channels"])


def test_service_page_shows_facts_and_contacts(site: Built) -> None:
    doc = site.html("en/register/ici-information-line/index.html")
    assert doc.css_first("h1").text(strip=True) == "Information line"
    tel = [a.attributes["href"] for a in doc.css(".ici-contacts a[href^='tel:']")]
    assert tel == ["tel:+37125565098", "tel:+37128612120", "tel:+37167898343"]
    facts = [dt.text(strip=True) for dt in doc.css(".ici-facts dt")]
    assert facts == ["Who can use it", "Cost", "Languages served", "Opening hours"]
    # the date of the newest source (January 2018), not a blanket date
    assert doc.css_first(".ici-reviewed").text(strip=True) == "Last reviewed: 1 January 2018"
    branch = doc.css_first(".ici-branches a").attributes["href"]
    assert branch == "../../contacts/riga/"
    assert (site.site / "en/contacts/riga/index.html").is_file()
    ld = _jsonld(doc)[0]
    if SERVICES["ici-information-line"].get("status") == "ended":
        assert "availableChannel" not in ld  # the page keeps the numbers for reference
        return
    phones = ld["availableChannel"][0]["servicePhone"]
    assert [p["telephone"] for p in phones] == ["+37125565098", "+37128612120", "+37167898343"]


def test_mail_and_skype_on_a_consultation_page(site: Built) -> None:
    doc = site.html("ru/register/ici-legal-consultation/index.html")
    assert doc.css_first(".ici-contacts a[href^='mailto:']").attributes["href"] == (
        "mailto:konsultacijas@integration.lv"
    )
    assert doc.css_first(".ici-contacts .ici-skype").text() == "PatverumsDM"
    assert len(doc.css(".ici-branches > li")) == 5


def _index_items(site: Built, lang: str) -> list:
    return site.html(f"{LANGS[lang]}register/index.html").css("li[data-ici-service]")


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_each_service_exactly_once(site: Built, lang: str) -> None:
    ids = Counter(li.attributes["data-ici-service"] for li in _index_items(site, lang))
    assert set(ids) == set(SERVICES)
    assert set(ids.values()) == {1}
    for li in _index_items(site, lang):
        href = li.css_first(".ici-svc-name a").attributes["href"]
        assert href == f"{li.attributes['data-ici-service']}/"


def test_index_is_grouped_by_category_in_order(site: Built) -> None:
    doc = site.html("register/index.html")
    groups = [g.attributes["data-ici-group"] for g in doc.css("[data-ici-group]")]
    ended = any(s.get("status") == "ended" for s in SERVICES.values())
    assert (
        groups
        == [c for c in CATEGORIES if any(s["category"] == c for s in SERVICES.values())]
        + ["ended"] * ended
    )
    for group in doc.css("[data-ici-group]:not([data-ici-group=ended])"):
        for li in group.css("li[data-ici-service]"):
            assert (
                SERVICES[li.attributes["data-ici-service"]]["category"]
                == group.attributes["data-ici-group"]
            )


def _expected_attributes(rec: dict) -> dict[str, str]:
    org = ORGS[rec["organization_id"]]
    return {
        "data-category": rec["category"],
        "data-region": " ".join(r for r in REGIONS if r in rec["service_areas"]),
        "data-language": " ".join(rec.get("languages", [])),
        "data-interpreter": " ".join(rec.get("interpreter_languages", [])),
        "data-provider-type": org["type"],
        "data-cost": {True: "free", False: "paid"}.get(rec.get("free"), ""),
        "data-channel": " ".join(c for c in CHANNELS if c in rec["channels"]),
        "data-provider": rec["organization_id"],
        "data-status": rec.get("status", "active"),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_filter_attributes_of_every_service(site: Built, lang: str) -> None:
    for li in _index_items(site, lang):
        rec = SERVICES[li.attributes["data-ici-service"]]
        got = {k: v for k, v in li.attributes.items() if k in _expected_attributes(rec)}
        assert got == _expected_attributes(rec), rec["id"]


def test_filter_options_cover_every_value_with_counts(site: Built) -> None:
    doc = site.html("en/register/index.html")
    every = doc.css("li[data-ici-service]")
    # the counts are those of the default view, without ended services; the status facet
    # offers "ended" and counts the ended ones
    current = [li for li in every if li.attributes["data-status"] != "ended"]
    for fieldset in doc.css("fieldset[data-facet]"):
        attrs = fieldset.attributes["data-attrs"].split()
        offered = {i.attributes["value"] for i in fieldset.css("input[type=checkbox]")}
        used = {
            v for li in every for a in attrs for v in (li.attributes.get(f"data-{a}") or "").split()
        }
        status = fieldset.attributes["data-facet"] == "status"
        assert offered == (used - {"active"} if status else used), fieldset.attributes["data-facet"]
        items = every if status else current
        for label in fieldset.css("label"):
            value = label.css_first("input").attributes["value"]
            count = sum(
                1
                for li in items
                if any(value in (li.attributes.get(f"data-{a}") or "").split() for a in attrs)
            )
            assert label.css_first("[data-ici-count]").text() == f"({count})"
    legends = [f.css_first("legend").text() for f in doc.css("fieldset[data-facet]")]
    assert legends[:6] == ["Topic", "Region", "Language", "Provider", "Cost", "How to reach"]
    assert legends[6:] == (["Status"] if len(current) < len(every) else [])


def test_without_javascript_filters_and_shortlist_stay_hidden(site: Built) -> None:
    doc = site.html("register/index.html")
    for selector in ("[data-ici-filters]", "[data-ici-shortlist]", "[data-ici-empty]"):
        assert "hidden" in doc.css_first(selector).attributes, selector
    assert doc.css(".ici-pin-slot button") == []
    assert len(doc.css(".ici-pin-slot")) == len(SERVICES)
    script = doc.css_first("script[src$='assets/javascripts/register.js']")
    assert script is not None and "defer" in script.attributes


# ---- exports -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_hsds_export_validates_against_the_hsds_schema(site: Built, lang: str) -> None:
    validator = _hsds_validator()
    data = json.loads((site.site / LANGS[lang] / "data" / "services.json").read_bytes())
    assert isinstance(data, list) and len(data) == len(SERVICES)
    problems = [
        f"{item['name']}: {'/'.join(map(str, e.path))}: {e.message}"
        for item in data
        for e in validator.iter_errors(item)
    ]
    assert problems == []
    ids = [
        a["value"]
        for item in data
        for a in item["attributes"]
        if a["link_type"] == "ici_register_id"
    ]
    assert ids == list(SERVICES)
    assert [item["id"] for item in data] == [
        str(uuid.uuid5(NAMESPACE, f"service/{sid}")) for sid in SERVICES
    ]


@pytest.mark.parametrize(
    "parts",
    [
        ("service", "ici-legal-consultation"),
        ("service", "x", "phone", "0"),
        ("",),
        ("branch", "rīga/ц€😀", "schedule", "12"),
        ("a" * 200,),
    ],
)
def test_hsds_ids_are_uuid5_of_the_record_path(parts: tuple[str, ...]) -> None:
    # hsds_id computes uuid5 itself (faster than uuid.UUID): it must be the same UUID
    assert hsds_id(*parts) == str(uuid.uuid5(NAMESPACE, "/".join(parts)))
    assert uuid.UUID(hsds_id(*parts)).version == 5


def test_the_vendored_hsds_schema_resolves_its_references_and_rejects_bad_records() -> None:
    # the files travel with the repository: no ../shared needed on a fresh clone
    assert (HSDS_DIR / "LICENSE").is_file()
    validator = _hsds_validator()
    record = {"id": str(uuid.uuid5(NAMESPACE, "service/x")), "name": "x", "status": "active"}
    assert list(validator.iter_errors(record)) == []
    bad = {**record, "phones": [{"number": 5}]}  # phone.json comes through a $ref
    assert [e.message for e in validator.iter_errors(bad)] == [
        "5 is not of type 'string'",
        "'id' is a required property",
    ]


def test_hsds_export_nests_organization_phones_schedules_languages_areas(site: Built) -> None:
    data = json.loads((site.site / "ru/data/services.json").read_bytes())
    line = next(i for i in data if i["name"] == "Информационный телефон")
    assert line["organization"]["name"] == "Информационный центр для иммигрантов"
    assert [p["number"] for p in line["phones"]] == [
        "+371 25 565 098",
        "+371 28 612 120",
        "+371 67 898 343",
    ]
    # the source gives hours for each phone line, not for the service: they stay with it
    assert "schedules" not in line
    assert [p["description"] for p in line["phones"]][2] == (
        "Дополнительная информация (понедельник–пятница 09:00–20:00)"
    )
    # the languages the line answers in: data from its source, not the site's languages
    assert [lang["code"] for lang in line["languages"]] == ["lv", "ru", "en"]  # langs: data
    assert line["service_areas"][0]["name"] == "Рига"
    assert line["service_at_locations"][0]["location"]["name"] == "Рижский офис ICI"


@pytest.mark.parametrize("lang", LANGS)
def test_csv_round_trips_with_bom_and_the_same_ids(site: Built, lang: str) -> None:
    raw = (site.site / LANGS[lang] / "data" / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == list(SERVICES)
    first = SERVICES[rows[0]["id"]]
    assert rows[0]["name"] == first["name"][lang]
    # a leading + would make a formula in a spreadsheet: OWASP's quote keeps it text
    assert rows[0]["phones"] == "'+37125565098; +37128612120"


def test_register_page_links_and_advertises_the_exports(site: Built) -> None:
    for lang, prefix in LANGS.items():
        doc = site.html(f"{prefix}register/index.html")
        head = {
            link.attributes["type"]: link.attributes["href"]
            for link in doc.css('head link[rel="alternate"][type]')
        }
        body = [a.attributes["href"] for a in doc.css(".ici-exports a")]
        assert head == {
            "application/json": "../data/services.json",
            "text/csv": "../data/services.csv",
        }, lang
        assert body == ["../data/services.json", "../data/services.csv"]
        for href in body:
            assert (site.site / prefix / "register" / href).resolve().is_file()


def test_register_is_in_the_navigation(site: Built) -> None:
    labels = {
        lang: [a.text(strip=True) for a in site.html(f"{p}index.html").css("nav.md-nav a")]
        for lang, p in LANGS.items()
    }
    assert "Pakalpojumu reģistrs" in labels["lv"]
    assert "Реестр услуг" in labels["ru"]
    assert "Service register" in labels["en"]


# ---- translation fallback ------------------------------------------------------------------


def test_untranslated_field_shows_latvian_with_notice(untranslated: Built) -> None:
    [(_, sid, _)] = [t for t in UNTRANSLATED_TEXTS if t[0] == "data/services.yaml"]
    assert sid == "ici-psychologist"
    built = untranslated
    lv_text = SERVICES[sid]["description"]["lv"]
    page = built.html(f"ru/register/{sid}/index.html")
    lead = page.css_first(".ici-lead")
    assert lead.css_first('span[lang="lv"]').text() == lv_text
    assert lead.css_first(".ici-untranslated").text(strip=True) == (
        "(Этот текст ещё не переведён; показываем его на латышском языке.)"
    )
    item = built.html("ru/register/index.html").css_first(f"#svc-{sid}")
    assert item.css_first('span[lang="lv"]').text() == lv_text
    # the other languages keep their own text
    en = built.html(f"en/register/{sid}/index.html").css_first(".ici-lead")
    assert en.css_first(".ici-untranslated") is None
    notices = [(n.file, n.path) for n in load_dataset(built.root).notices]
    assert ("data/services.yaml", "services[2].description") in notices


@pytest.fixture(scope="module")
def hours_site(office_hours: Built) -> Built:
    """A copy where one service and two offices have opening hours: no source gives any
    (only the phones' hours), so these cases are shown with a fixture (conftest)."""
    return office_hours


@pytest.mark.parametrize(
    ("sid", "hours", "fixture"),
    [
        ("ici-legal-consultation", "Monday–Friday09:00–17:00", True),
        ("ici-psychologist", "The opening hours are given for each office below.", True),
        ("ici-legal-consultation", "See the provider’s website for the opening hours.", False),
        ("trafficking-trust-line", "Please check the opening hours by phone or e-mail.", False),
        ("sif-one-stop-agency", "We do not know the opening hours.", False),
    ],
)
def test_opening_hours_say_where_to_look(
    request: pytest.FixtureRequest, sid: str, hours: str, fixture: bool
) -> None:
    site = request.getfixturevalue("hours_site" if fixture else "site")
    doc = site.html(f"en/register/{sid}/index.html")
    facts = dict(
        zip(
            [dt.text(strip=True) for dt in doc.css(".ici-facts dt")],
            [dd.text(strip=True) for dd in doc.css(".ici-facts dd")],
            strict=True,
        )
    )
    assert facts["Opening hours"] == hours


def test_service_without_contacts_points_to_the_information_line(site: Built) -> None:
    doc = site.html("en/register/sif-one-stop-agency/index.html")
    assert doc.css(".ici-contacts li") == []
    link = doc.css_first(".ici-no-contacts a")
    assert link.attributes["href"] == "../ici-information-line/"
    assert site.html("en/register/ici-website/index.html").css(".ici-no-contacts") == []
