"""Malformed values in the data files: types, times, URLs, ids, YAML (see hostile_cases)."""

from __future__ import annotations

from hostile_cases import (
    CON,
    CRS,
    CTRL,
    EVT,
    FIG,
    STR,
    STR_RU,
    SVC,
)
from hostilekit import Case, append, sub

_SCHEDULE = '      - {byday: [MO, TU, WE, TH, FR], opens_at: "09:00", closes_at: "17:00"}\n'

VALUE_CASES = [
    Case(
        "opens-24-00",
        {SVC: sub(_SCHEDULE, _SCHEDULE.replace('"09:00"', '"24:00"'))},
        SVC,
        "before 24:00",
    ),
    Case(
        "closes-before-opens",
        {CON: sub(_SCHEDULE, _SCHEDULE.replace('"17:00"', '"08:00"'))},
        CON,
        "after opens_at",
    ),
    Case(
        "closes-24-00-is-fine", {CON: sub(_SCHEDULE, _SCHEDULE.replace('"17:00"', '"24:00"'))}, None
    ),
    Case(
        "time-25-00",
        {SVC: sub(_SCHEDULE, _SCHEDULE.replace('"17:00"', '"25:00"'))},
        SVC,
        "24-hour time",
    ),
    Case(
        "time-no-zero",
        {CON: sub(_SCHEDULE, _SCHEDULE.replace('"09:00"', '"9:00"'))},
        CON,
        "24-hour time",
    ),
    Case(
        "time-newline",
        {SVC: sub(_SCHEDULE, _SCHEDULE.replace('"09:00"', '"09:00\\n"'))},
        SVC,
        "24-hour time",
    ),
    Case(
        "phone-arabic-digits",
        {SVC: sub('"+371 25565098"', '"+371 ٢٥٥٦٥٠٩٨"')},
        SVC,
        "+371 and 8 digits",
    ),
    Case(
        "phone-invalid-number",
        {SVC: sub('"+371 25565098"', '"+371 00000000"')},
        SVC,
        "valid Latvian phone",
    ),
    Case(
        "url-javascript",
        {SVC: sub("    url: https://www.integration.lv/\n", "    url: javascript:alert(1)\n")},
        SVC,
        "http:// or https://",
    ),
    Case(
        "url-space",
        {
            SVC: sub(
                "    url: https://www.integration.lv/\n",
                '    url: "https://www.integration.lv/ x"\n',
            )
        },
        SVC,
        "http:// or https://",
    ),
    Case(
        "online-url-newline",
        {
            EVT: sub(
                "    place: {branch: riga}\n", '    place: {online: "https://example.lv/\\n"}\n'
            )
        },
        EVT,
        CTRL,
    ),
    Case(
        "online-url-data",
        {EVT: sub("    place: {branch: riga}\n", '    place: {online: "data:text/html,x"}\n')},
        EVT,
        "http:// or https://",
    ),
    Case(
        "email-two-at",
        {CON: sub("    email: konsultacijas@integration.lv\n", "    email: a@b@integration.lv\n")},
        CON,
        "e-mail address",
    ),
    Case(
        "postal-code-newline",
        {CON: sub("      city: Rīga\n", '      city: Rīga\n      postal_code: "LV-1011\\n"\n')},
        CON,
        "postal code",
    ),
    Case(
        "event-end-before-start",
        {EVT: sub('    end: "2017-09-21T13:00"\n', '    end: "2017-09-21T09:00"\n')},
        EVT,
        "not before start",
    ),
    Case(
        "event-feb-30",
        {EVT: sub('"2017-09-21T10:00"', '"2017-02-30T10:00"')},
        EVT,
        "real date and time",
    ),
    Case(
        "event-status-unknown",
        {EVT: sub("    status: scheduled\n", "    status: gone\n")},
        EVT,
        "a status",
    ),
    Case(
        "event-place-string",
        {EVT: sub("    place: {branch: riga}\n", "    place: riga\n")},
        EVT,
        "place",
    ),
    Case("course-feb-30", {CRS: sub('"2017-09-01"', '"2017-02-30"')}, CRS, "real calendar date"),
    Case(
        "course-end-before-start",
        {CRS: sub('"2017-12-20"', '"2017-01-20"')},
        CRS,
        "not before start_date",
    ),
    Case(
        "course-hours-text",
        {CRS: sub("    academic_hours: 28\n", "    academic_hours: many\n")},
        CRS,
        "got 'many'",
    ),
    Case(
        "figures-totals-string",
        {
            FIG: sub(
                "    totals:\n      - id: clients\n",
                "    totals: clients\n    x:\n      - id: clients\n",
            )
        },
        FIG,
        "figures[0]",
    ),
    Case(
        "figures-rows-numbers",
        {
            FIG: sub(
                "        rows:\n          - label: {lv: Rīga,",
                "        rows: [1, 2]\n        x:\n          - label: {lv: Rīga,",
            )
        },
        FIG,
        "figures[0]",
    ),
    Case(
        "figures-top-countries-number",
        {FIG: sub("    top_countries: [RU,", "    top_countries: 5\n    x: [RU,")},
        FIG,
        "figures[0]",
    ),
    Case(
        "figures-value-text",
        {FIG: sub("        value: 2514\n", "        value: many\n")},
        FIG,
        "got 'many'",
    ),
    Case(
        "figures-totals-list-of-numbers",
        {
            FIG: sub(
                "    totals:\n      - id: clients\n",
                "    totals: [1]\n    x:\n      - id: clients\n",
            )
        },
        FIG,
        "figures[0].totals[0]",
    ),
    Case("figures-not-a-list", {FIG: "figures: 5\n"}, FIG, "expected a list"),
    Case("figures-unknown-country", {FIG: sub("[RU, SY,", "[RU, XX,")}, FIG, "known country code"),
    Case(
        "services-phones-string",
        {
            SVC: sub(
                '    phones:\n      - number: "+371 25565098"\n      - number: "+371 28612120"\n',
                '    phones: "+371 25565098"\n',
            )
        },
        SVC,
        "expected a list",
    ),
    Case(
        "services-channels-string",
        {SVC: sub("    channels: [in_person, phone, email, skype]\n", "    channels: phone\n")},
        SVC,
        "expected a list",
    ),
    Case(
        "services-name-number",
        {
            SVC: sub(
                "    name:\n      lv: Juridiskās konsultācijas\n",
                "    name: 5\n    x:\n      lv: Juridiskās konsultācijas\n",
            )
        },
        SVC,
        "texts by language",
    ),
    Case(
        "services-free-text",
        {SVC: sub("    free: true\n", '    free: "yes"\n')},
        SVC,
        "true (free of charge) or false",
    ),
    Case(
        "services-branches-number",
        {
            SVC: sub(
                "    branches: [riga, latgale, zemgale, vidzeme, kurzeme]\n", "    branches: 5\n"
            )
        },
        SVC,
        "expected a list",
    ),
    Case(
        "services-unknown-org",
        {SVC: sub("    organization_id: ici\n", "    organization_id: nobody\n")},
        SVC,
        "expected the id of an organization",
    ),
    Case(
        "services-duplicate-id",
        {SVC: sub("  - id: ici-social-consultation\n", "  - id: ici-legal-consultation\n")},
        SVC,
        "unique id",
    ),
    Case("services-null", {SVC: "organizations:\nservices:\n"}, SVC, "expected"),
    Case("services-top-list", {SVC: "- a\n- b\n"}, SVC, "expected a mapping"),
    Case("services-empty", {SVC: ""}, SVC, "file is empty"),
    Case(
        "contacts-geo-text",
        {CON: sub("    region: riga\n", "    region: riga\n    geo: {lat: north, lon: 24.1365}\n")},
        CON,
        "got 'north'",
    ),
    Case(
        "contacts-unknown-field",
        {CON: sub("    kind: office\n", "    kind: office\n    onclick: alert(1)\n")},
        CON,
        "unknown field",
    ),
    Case(
        "contacts-duplicate-key",
        {CON: sub("    kind: office\n", "    kind: office\n    kind: hotline\n")},
        CON,
        "duplicate key",
    ),
    Case(
        "contacts-key-with-control",
        {CON: sub("    kind: office\n", '    kind: office\n    "ki\\x1bnd": hotline\n')},
        CON,
        "field name",
    ),
    Case(
        "strings-missing-common-phone",
        {STR: sub("  phone: Tālrunis\n", "")},
        STR,
        "common.phone",
    ),
    Case(
        "strings-unknown-key-ru",
        {STR_RU: sub("  phone: Телефон\n", "  phonee: Телефон\n")},
        STR_RU,
        "common.phonee: expected a key of data/strings/lv.yaml",
    ),
    Case(
        "strings-section-list",
        {STR: append("extra: [1, 2]\n")},
        STR,
        "extra: expected a section: a mapping of keys to texts, got a list",
    ),
    Case(
        "yaml-python-tag",
        {SVC: sub("    type: ngo\n", "    type: !!python/object/apply:os.system [echo]\n")},
        SVC,
        "organizations[0].type",
    ),
    Case(
        "yaml-binary-tag",
        {SVC: sub("    type: ngo\n", "    type: !!binary aGk=\n")},
        SVC,
        "organizations[0].type",
    ),
    Case(
        "yaml-tab-indent",
        {CON: sub("    kind: office\n", "\tkind: office\n")},
        CON,
        "YAML syntax error",
    ),
    Case(
        "yaml-unclosed-quote",
        {EVT: sub('    start: "2017-09-21T10:00"\n', '    start: "2017-09-21T10:00\n')},
        EVT,
        "YAML syntax error",
    ),
    Case("yaml-two-documents", {CRS: append("---\ncourses: []\n")}, CRS, "single document"),
    Case(
        "yaml-raw-nul",
        {CRS: sub("    kind: integration\n", "    kind: integ\x00ration\n")},
        CRS,
        "printable",
    ),
    Case(
        "yaml-raw-c1",
        {CRS: sub("    kind: integration\n", "    kind: integ\x9bration\n")},
        CRS,
        "printable",
    ),
    Case("yaml-not-utf8", {FIG: b"figures:\n  - id: \xff\xfe\n"}, FIG, "expected UTF-8 text"),
    Case("yaml-bom-is-fine", {CRS: lambda t: "\ufeff" + t}, None),
    Case("yaml-crlf-is-fine", {CON: lambda t: t.replace("\n", "\r\n")}, None),
]
