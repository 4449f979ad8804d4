"""The malformed and hostile data cases of ``tests/test_hostile_data.py``.

Each case mutates a copy of the real project (``hostilekit.Case``) and says where the
message must point and a piece of what it says; ``where=None`` means the input is fine and
must give a clean run. Control characters are written as YAML double-quoted escapes, so
this file stays plain text.
"""

from __future__ import annotations

from hostilekit import Case, replace_line, sub
from ici.yamlcompose import MAX_BYTES

SVC, CON, EVT, CRS, FIG, STR, STR_RU = (
    f"data/{n}.yaml"
    for n in ("services", "contacts", "events", "courses", "figures", "strings/lv", "strings/ru")
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
    ("ui-string", STR, "  phone: Tālrunis\n", '  phone: "Tālrunis{v}"\n', True),
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
# comment lines past the data file size limit
PAD_LINE = "# padding padding padding padding padding\n"
PAD_LINES = MAX_BYTES // len(PAD_LINE) + 1000

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
        {EVT: "events: []\n" + (PAD_LINE * PAD_LINES)},
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


# the other cases are in hostile_cases_values and hostile_cases_news
CASES = [*_control_cases(), *LIMIT_CASES, *RRULE_CASES]
