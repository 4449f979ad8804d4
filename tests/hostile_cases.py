"""The malformed and hostile data cases of ``tests/test_hostile_data.py``.

Each case mutates a copy of the real project (``hostilekit.Case``) and says where the
message must point and a piece of what it says; ``where=None`` means the input is fine and
must give a clean run. Control characters are written as YAML double-quoted escapes, so
this file stays plain text.
"""

from __future__ import annotations

from hostilekit import Case, append, replace_line, sub

SVC, CON, EVT, CRS, FIG, STR = (
    f"data/{n}.yaml" for n in ("services", "contacts", "events", "courses", "figures", "strings")
)
NEWS = "docs/lv/news/ngo-dialogue-platform-5th-meeting.md"
NEWS_DESC = "description: 21. septembrī ICI notika piektā NVO Dialoga platformas tikšanās"
NEWS_HEADING = "# Notikusi NVO Dialoga platformas piektā sanāksme"
GUIDE_INDEX = "docs/lv/index.md"  # the home page: it has front matter
RRULE = "    rrule: FREQ=MONTHLY;BYMONTH=1,2,3,4,5,9,10,11,12;BYDAY=3TH;COUNT=18\n"
CTRL = "without control characters"

# (name, file, the line as it is, the line with {v} where a payload goes, one line only?);
# a line given without its line break is the start of a line that is replaced whole
SITES = [
    ("org-id", SVC, "  - id: ici\n", '  - id: "ici{v}"\n', True),
    (
        "org-name",
        SVC,
        "      lv: Informācijas centrs imigrantiem\n",
        '      lv: "Informācijas centrs imigrantiem{v}"\n',
        True,
    ),
    (
        "org-url",
        SVC,
        "    url: https://www.integration.lv/\n",
        '    url: "https://www.integration.lv/{v}"\n',
        True,
    ),
    (
        "email",
        SVC,
        "    email: konsultacijas@integration.lv\n",
        '    email: "konsultacijas@integration.lv{v}"\n',
        True,
    ),
    ("skype", SVC, "    skype: PatverumsDM\n", '    skype: "PatverumsDM{v}"\n', True),
    (
        "phone",
        SVC,
        '      - number: "+371 25565098"\n',
        '      - number: "+371 25565098{v}"\n',
        True,
    ),
    (
        "street",
        CON,
        "      street: Lāčplēša iela 75 – 9/10\n",
        '      street: "Lāčplēša iela 75 – 9/10{v}"\n',
        True,
    ),
    ("branch-name", CON, "      lv: ICI Rīgas birojs\n", '      lv: "ICI Rīgas birojs{v}"\n', True),
    (
        "event-title",
        EVT,
        "      lv: NVO Dialoga platformas piektā tikšanās\n",
        '      lv: "NVO Dialoga platformas piektā tikšanās{v}"\n',
        True,
    ),
    (
        "event-start",
        EVT,
        '    start: "2017-09-21T10:00"\n',
        '    start: "2017-09-21T10:00{v}"\n',
        True,
    ),
    (
        "course-title",
        CRS,
        "      lv: Integrācijas kurss “MĒS – Latvijā” Rīgā\n",
        '      lv: "Integrācijas kurss “MĒS – Latvijā” Rīgā{v}"\n',
        True,
    ),
    (
        "figure-label",
        FIG,
        "          lv: Klienti (trešo valstu pilsoņi)\n",
        '          lv: "Klienti (trešo valstu pilsoņi){v}"\n',
        True,
    ),
    ("figure-id", FIG, "  - id: ici-2016-2017\n", '  - id: "ici-2016-2017{v}"\n', True),
    ("ui-string", STR, "    lv: Tālrunis\n", '    lv: "Tālrunis{v}"\n', True),
    (
        "org-description",
        SVC,
        "      lv: Vienas pieturas aģentūra",
        '      lv: "Vienas pieturas{v} aģentūra trešo valstu pilsoņiem."',
        False,
    ),
    (
        "news-description",
        NEWS,
        NEWS_DESC,
        'description: "21. septembrī{v} ICI notika piektā NVO Dialoga platformas tikšanās."',
        False,
    ),
]
# YAML double-quoted escapes of characters no value may hold
PAYLOADS = [
    ("nul", "\\0"),
    ("bell", "\\a"),
    ("backspace", "\\b"),
    ("vt", "\\v"),
    ("ff", "\\f"),
    ("cr", "\\r"),
    ("crlf", "\\r\\n"),
    ("esc", "\\e"),
    ("del", "\\x7f"),
    ("c1-80", "\\x80"),
    ("c1-csi", "\\x9b"),
    ("nel", "\\N"),
    ("line-sep", "\\L"),
    ("para-sep", "\\P"),
    ("rlo", "\\u202e"),
    ("lri", "\\u2066"),
    ("bom", "\\ufeff"),
]
# a line break or a tab is refused only where a value is one line
ONE_LINE_PAYLOADS = [("lf", "\\n"), ("tab", "\\t")]


def _control_cases() -> list[Case]:
    cases = []
    for i, (site, file, old, template, one_line) in enumerate(SITES):
        chosen = [PAYLOADS[(i * 3 + k) % len(PAYLOADS)] for k in range(4)]
        if one_line:
            chosen += ONE_LINE_PAYLOADS
        for name, escape in chosen:
            new = template.replace("{v}", escape)
            change = sub(old, new) if old.endswith("\n") else replace_line(old, new)
            cases.append(Case(f"{site}-{name}", {file: change}, file, CTRL))
    return cases


def _laughs(key: str) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    lines.append(f"{key}: *i")
    return "\n".join(lines) + "\n"


def _flow_nest(key: str, depth: int) -> str:
    return f"{key}: {'[' * depth}{']' * depth}\n"


def _block_nest(key: str, depth: int) -> str:
    return f"{key}:\n{'- ' * depth}x\n"


def _front(yaml_text: str) -> str:
    return f"---\n{yaml_text}---\n# Heading\n\nText.\n"


ALIASES = "aliases and anchors are not allowed"
DEEP = "nested at most"

LIMIT_CASES = [
    *(
        Case(f"billion-laughs-{n}", {f: _laughs(k)}, f, ALIASES)
        for n, f, k in [
            ("services", SVC, "services"),
            ("contacts", CON, "branches"),
            ("events", EVT, "events"),
            ("courses", CRS, "courses"),
            ("figures", FIG, "figures"),
            ("strings", STR, "common"),
        ]
    ),
    Case("billion-laughs-news", {NEWS: _front(_laughs("description"))}, NEWS, ALIASES),
    Case("billion-laughs-page", {GUIDE_INDEX: _front(_laughs("title"))}, GUIDE_INDEX, ALIASES),
    Case("anchor-only", {SVC: sub("  - id: ici\n", "  - id: &x ici\n")}, SVC, ALIASES),
    Case(
        "merge-key-alias",
        {CON: sub("    kind: office\n", "    kind: office\n    <<: *nothing\n")},
        CON,
        ALIASES,
    ),
    Case("flow-nest-1000-services", {SVC: _flow_nest("services", 1000)}, SVC, DEEP),
    Case("flow-nest-100000-contacts", {CON: _flow_nest("branches", 100_000)}, CON, DEEP),
    Case("flow-nest-100000-events", {EVT: _flow_nest("events", 100_000)}, EVT, DEEP),
    Case("block-nest-1000-courses", {CRS: _block_nest("courses", 1000)}, CRS, DEEP),
    Case("block-nest-100000-figures", {FIG: _block_nest("figures", 100_000)}, FIG, DEEP),
    Case(
        "mapping-nest-1000-strings",
        {STR: "common: " + "{a: " * 1000 + "}" * 1000 + "\n"},
        STR,
        DEEP,
    ),
    Case("nest-1000-news", {NEWS: _front(_flow_nest("description", 1000))}, NEWS, DEEP),
    Case(
        "nest-100000-page", {GUIDE_INDEX: _front(_flow_nest("title", 100_000))}, GUIDE_INDEX, DEEP
    ),
    Case("nest-21-deep-services", {SVC: _flow_nest("services", 21)}, SVC, DEEP),
    Case("nest-19-deep-is-a-schema-problem", {SVC: _flow_nest("services", 19)}, SVC, "expected"),
    Case(
        "file-too-large",
        {EVT: "events: []\n" + ("# padding padding padding padding padding\n" * 500_000)},
        EVT,
        "expected a file of at most",
    ),
    Case(
        "id-81-chars",
        {SVC: sub("  - id: ici-legal-consultation\n", f"  - id: {'a' * 81}\n")},
        SVC,
        "at most 80 characters",
    ),
    Case(
        "id-300-chars-event",
        {EVT: sub("  - id: ngo-dialogue-platform-5\n", f"  - id: {'e' * 300}\n")},
        EVT,
        "at most 80 characters",
    ),
    Case(
        "id-300-chars-branch",
        {CON: sub("  - id: riga\n", f"  - id: {'r-' * 150}x\n")},
        CON,
        "at most 80 characters",
    ),
    Case(
        "id-80-chars-is-fine",
        {CRS: sub("  - id: mes-latvija-riga\n", f"  - id: {'c' * 80}\n")},
        None,
    ),
    Case(
        "id-list-services",
        {SVC: sub("  - id: ici-legal-consultation\n", "  - id: [a, b]\n")},
        SVC,
        "expected an id",
    ),
    Case(
        "id-mapping-contacts",
        {CON: sub("  - id: riga\n", "  - id: {x: 1}\n")},
        CON,
        "expected an id",
    ),
    Case(
        "id-list-events",
        {EVT: sub("  - id: ngo-dialogue-platform-5\n", "  - id: [ngo]\n")},
        EVT,
        "expected an id",
    ),
    Case(
        "id-number-courses",
        {CRS: sub("  - id: mes-latvija-riga\n", "  - id: 12\n")},
        CRS,
        "expected an id",
    ),
    Case(
        "id-null-figures", {FIG: sub("  - id: ici-2016-2017\n", "  - id:\n")}, FIG, "expected an id"
    ),
    Case(
        "id-uppercase",
        {SVC: sub("  - id: ici-legal-consultation\n", "  - id: ICI-Legal\n")},
        SVC,
        "expected an id",
    ),
    Case(
        "id-path-traversal",
        {EVT: sub("  - id: ngo-dialogue-platform-5\n", '  - id: "../../etc"\n')},
        EVT,
        "expected an id",
    ),
    Case(
        "id-unicode-lookalike",
        {CON: sub("  - id: riga\n", "  - id: rіga\n")},
        CON,
        "expected an id",
    ),
]


def _rule(new: str) -> dict[str, object]:
    return {EVT: sub(RRULE, f"    rrule: {new}\n")}


RRULE_CASES = [
    Case(
        "rrule-count-100000000",
        _rule("FREQ=DAILY;COUNT=100000000"),
        EVT,
        "expected COUNT from 1 to 500",
    ),
    Case(
        "rrule-until-9999",
        _rule("FREQ=DAILY;UNTIL=99991231T000000"),
        EVT,
        "expected UNTIL within 10 years",
    ),
    Case(
        "rrule-interval-0", _rule("FREQ=WEEKLY;INTERVAL=0;COUNT=3"), EVT, "expected INTERVAL from 1"
    ),
    Case(
        "rrule-interval-huge",
        _rule("FREQ=WEEKLY;INTERVAL=99999999999;COUNT=2"),
        EVT,
        "expected INTERVAL from 1",
    ),
    Case(
        "rrule-count-and-until", _rule("FREQ=WEEKLY;COUNT=3;UNTIL=20260301T000000"), EVT, "not both"
    ),
    Case("rrule-no-dates", _rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), EVT, "at least one date"),
    Case(
        "rrule-no-dates-daily",
        _rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5"),
        EVT,
        "at least one date",
    ),
    Case("rrule-byhour", _rule("FREQ=DAILY;BYHOUR=1,2,3;COUNT=5"), EVT, "not BYHOUR"),
    Case("rrule-bysecond", _rule("FREQ=DAILY;BYSECOND=1,2,3"), EVT, "not BYSECOND"),
    Case("rrule-count-0", _rule("FREQ=WEEKLY;COUNT=0"), EVT, "expected COUNT from 1 to 500"),
    Case("rrule-count-501", _rule("FREQ=WEEKLY;COUNT=501"), EVT, "expected COUNT from 1 to 500"),
    Case("rrule-count-twice", _rule("FREQ=WEEKLY;COUNT=3;COUNT=4"), EVT, "COUNT twice"),
    Case("rrule-bad-until", _rule("FREQ=WEEKLY;UNTIL=ABC"), EVT, "invalid 'UNTIL'"),
    Case("rrule-bad-wkst", _rule("FREQ=WEEKLY;WKST=XX;COUNT=2"), EVT, "invalid 'WKST'"),
    Case("rrule-bysetpos-400", _rule("FREQ=WEEKLY;BYSETPOS=400;BYDAY=TH"), EVT, "bysetpos"),
    Case(
        "rrule-monthday-99", _rule("FREQ=MONTHLY;BYMONTHDAY=99;COUNT=2"), EVT, "at least one date"
    ),
    Case("rrule-yearly-count-20", _rule("FREQ=YEARLY;COUNT=20"), EVT, "within 10 years"),
    Case(
        "rrule-daily-until-2035",
        _rule("FREQ=DAILY;UNTIL=20351231T000000"),
        EVT,
        "at most 500 dates",
    ),
    Case(
        "rrule-until-before-start",
        _rule("FREQ=WEEKLY;BYDAY=TH;UNTIL=20250101"),
        EVT,
        "at least one date",
    ),
    Case(
        "rrule-start-not-first",
        _rule("FREQ=WEEKLY;BYDAY=FR;COUNT=3"),
        EVT,
        "expected the first date",
    ),
    Case("rrule-lowercase", _rule("freq=weekly;count=3"), EVT, "RFC 5545 recurrence rule"),
    Case("rrule-trailing-newline", _rule('"FREQ=WEEKLY;COUNT=3\\n"'), EVT, CTRL),
    Case("rrule-open-ended-is-fine", _rule("FREQ=WEEKLY;BYDAY=TH"), None),
    Case("rrule-until-a-year-is-fine", _rule("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270115T180000"), None),
]

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
        {CON: sub("      lat: 56.9515\n", "      lat: north\n")},
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
        {STR: sub("  phone:\n    lv: Tālrunis\n    ru: Телефон\n    en: Phone\n", "")},
        STR,
        "common.phone",
    ),
    Case(
        "strings-missing-ru",
        {STR: sub("    ru: Телефон\n", "")},
        STR,
        "common.phone.ru: expected a value",
    ),
    Case(
        "strings-section-list",
        {STR: append("extra: [1, 2]\n")},
        STR,
        "expected a mapping of fields",
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

NEWS_CASES = [
    Case("news-bom-is-fine", {NEWS: lambda t: "\ufeff" + t}, None),
    Case("news-crlf-is-fine", {NEWS: lambda t: t.replace("\n", "\r\n")}, None),
    Case("news-heading-vt", {NEWS: sub(NEWS_HEADING, NEWS_HEADING + "\v")}, NEWS, CTRL),
    Case("news-heading-esc", {NEWS: sub(NEWS_HEADING, "# \x1b[31mRed")}, NEWS, CTRL),
    Case("news-heading-c1", {NEWS: sub(NEWS_HEADING, NEWS_HEADING + "\x80")}, NEWS, CTRL),
    Case("news-body-nul-like", {NEWS: append("Text\x01more.\n")}, NEWS, CTRL),
    Case("news-description-raw-ff", {NEWS: sub(NEWS_DESC, NEWS_DESC + "\x0c")}, NEWS, CTRL),
    Case(
        "news-bad-date",
        {NEWS: sub("date: 2017-10-13\n", "date: 2017-13-01\n")},
        NEWS,
        "real calendar date",
    ),
    Case(
        "news-date-list",
        {NEWS: sub("date: 2017-10-13\n", "date: [2017]\n")},
        NEWS,
        "publication date",
    ),
    Case(
        "news-no-heading", {NEWS: sub(NEWS_HEADING, "Not a heading")}, NEWS, "first-level heading"
    ),
    Case(
        "news-description-markup",
        {NEWS: replace_line(NEWS_DESC, 'description: "<script>x</script> and more text here"')},
        NEWS,
        'no " < > &',
    ),
    Case(
        "news-description-too-long",
        {NEWS: replace_line(NEWS_DESC, "description: " + "x" * 400)},
        NEWS,
        "at most 300 characters",
    ),
    Case("news-not-utf8", {NEWS: b"---\ndate: 2017\n---\n# \xff\n"}, NEWS, "expected UTF-8 text"),
    Case(
        "page-front-matter-c1",
        {GUIDE_INDEX: sub("---\n", '---\ntitle: "Sākums\\x80"\n')},
        GUIDE_INDEX,
        CTRL,
    ),
    Case(
        "page-front-matter-rlo",
        {GUIDE_INDEX: sub("---\n", '---\ntitle: "Sākums\\u202egnp.exe"\n')},
        GUIDE_INDEX,
        CTRL,
    ),
    Case("page-body-vt", {GUIDE_INDEX: append("Line\vbreak\n")}, GUIDE_INDEX, CTRL),
]

_CATEGORY_RIGHTS = (
    "  category_rights:\n    lv: Juridiskā palīdzība un tiesības\n"
    "    ru: Юридическая помощь и права\n    en: Legal help and rights\n"
)
_STRING_CASES = [
    Case(
        "strings-missing-category",
        {STR: sub(_CATEGORY_RIGHTS, "")},
        STR,
        "register.category_rights",
    ),
    Case(
        "strings-missing-region",
        {STR: sub("  latgale:\n", "  latgalex:\n")},
        STR,
        "regions.latgale",
    ),
]
VALUE_CASES += _STRING_CASES

# inputs whose build path differs from the check's: the build must fail just as cleanly
BUILD_FAIL_CASES = [
    Case(
        "build-missing-category-string",
        {STR: sub(_CATEGORY_RIGHTS, "")},
        STR,
        "register.category_rights",
        build=True,
    ),
    Case(
        "build-org-name-block-scalar",
        {
            SVC: sub(
                "      lv: Informācijas centrs imigrantiem\n",
                "      lv: |\n        Informācijas centrs imigrantiem\n",
            )
        },
        SVC,
        "text on one line",
        build=True,
    ),
    Case(
        "build-news-heading-vt",
        {NEWS: sub(NEWS_HEADING, NEWS_HEADING + "\v")},
        NEWS,
        CTRL,
        build=True,
    ),
    Case(
        "build-news-description-c1",
        {
            NEWS: replace_line(
                NEWS_DESC, 'description: "21.\\x85 septembrī ICI notika piektā tikšanās."'
            )
        },
        NEWS,
        CTRL,
        build=True,
    ),
    Case(
        "build-missing-common-phone",
        {STR: sub("  phone:\n    lv: Tālrunis\n    ru: Телефон\n    en: Phone\n", "")},
        STR,
        "common.phone",
        build=True,
    ),
    Case(
        "build-id-300-chars",
        {SVC: sub("  - id: ici-legal-consultation\n", f"  - id: {'a' * 300}\n")},
        SVC,
        "at most 80 characters",
        build=True,
    ),
    Case(
        "build-online-url-newline",
        {
            EVT: sub(
                "    place: {branch: riga}\n", '    place: {online: "https://example.lv/\\n"}\n'
            )
        },
        EVT,
        CTRL,
        build=True,
    ),
    Case(
        "build-id-trailing-newline",
        {EVT: sub("  - id: ngo-dialogue-platform-5\n", '  - id: "ngo-dialogue-platform-5\\n"\n')},
        EVT,
        "expected an id",
        build=True,
    ),
    Case(
        "build-event-title-c1",
        {
            EVT: sub(
                "      lv: NVO Dialoga platformas piektā tikšanās\n",
                '      lv: "NVO Dialoga platformas piektā tikšanās\\x80"\n',
            )
        },
        EVT,
        CTRL,
        build=True,
    ),
]

CHECK_CASES = [*_control_cases(), *LIMIT_CASES, *RRULE_CASES, *VALUE_CASES, *NEWS_CASES]
