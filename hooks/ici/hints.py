"""A short "how to fix" for every kind of problem the check command reports.

Problems are matched by the words of their message (the loader's messages are stable and
tested), most specific first. CONTRIBUTING.md explains the same kinds at more length.
"""

from __future__ import annotations

import re

GUIDE = "see “Ko saka pārbaudes” in CONTRIBUTING.md or “What the checks say” in CONTRIBUTING.en.md"

# (pattern searched in the problem line, hint)
HINTS: list[tuple[str, str]] = [
    (
        r"expected Markdown text, got the HTML element|expected no event handler|"
        r"expected no HTML attribute|expected no style on|URL in <",
        "write the page in Markdown: no scripts, frames, forms, styles, event handlers "
        "(on...=) or javascript:/data: links; raw HTML is only the <div>/<p> boxes with a "
        "class that the guide pages use; to show code, put it in `backticks`",
    ),
    (
        r"KiB of Markdown in one page|\) in one page, got|nested at most|nested less deeply|"
        r"expected no YAML aliases",
        "a page never needs this much: split it into several pages, remove the repeated "
        "characters, and write front matter as flat fields without &anchors or *aliases",
    ),
    (
        r"^\S+: (title|description): expected plain text",
        "write titles and descriptions as plain text: no <tags>, no &entities; (write the "
        "character itself), no control characters, on one line",
    ),
    (
        r"YAML syntax error",
        "look at this line and the one above it: indent with spaces (never tabs), put a space "
        "after every colon, close every [ and {, and put text with a colon or # in quotes",
    ),
    (
        r"expected printable text",
        "the line holds an invisible control character (often pasted from a PDF or Word): "
        "retype the text on that line",
    ),
    (
        r"glossary [\w-]+: expected",
        "write the preferred word (data/glossary.yaml says why); an official name stays as "
        "written in quotes « » or “ ”, and a phrase that is right as it is goes into the "
        "term's allow: list",
    ),
    (
        r"may be an ordinal",
        "if the number is an ordinal or a date (“3. vietā”), escape its dot: 3\\. vietā; if it "
        "is really a one-item numbered list, start the item with a capital letter",
    ),
    (
        r"expected no example records in data/",
        "demonstration records belong in examples/ (make demo builds them): move the record "
        "there, or delete the example: line if the record is real and has its sources",
    ),
    (
        r"expected example: true on every record in examples/",
        "add example: true to the record: everything in examples/ is invented and must say so",
    ),
    (
        r"without control characters",
        "the value holds an invisible character (a control, direction or line-separator "
        "character, often pasted from a PDF or chat) or a line break where one line is "
        "expected: retype the value; write a long name on one line",
    ),
    (
        r"aliases and anchors are not allowed|nested at most|expected a single document",
        "write every value out in full: no &anchors, *aliases or --- separators, and no "
        "deeply nested lists; copy the shape of an existing record",
    ),
    (
        r"expected a file of at most",
        "the file is far larger than any real data file: check that nothing was pasted "
        "into it by mistake",
    ),
    (
        r"expected at most \d+ characters",
        "shorten the value: an id becomes part of a web address, keep it short and stable",
    ),
    (
        r"expected (COUNT|UNTIL|INTERVAL|all COUNT|only the parts|each part once|at most \d+ "
        r"dates)|gives at least one date",
        "a repeat ends with COUNT (at most 500) or UNTIL (within 10 years), never both; "
        "INTERVAL is 1 or more; the time of day comes from start",
    ),
    (
        r"expected an interface string",
        "add the key with lv, ru and en texts to data/strings.yaml (the templates use it)",
    ),
    (
        r"expected an opening time before 24:00",
        "24:00 is a closing time only: a place that opens at midnight opens at 00:00",
    ),
    (
        r"expected an id other than",
        "this id is taken by a file of the site: choose another id for the record",
    ),
    (
        r"expected the first date of the rrule",
        "set start (and end) to the first date the rule gives, or change the rule",
    ),
    (
        r"expected front matter between --- lines",
        "start the news item with ---, a date: line, a description: line and --- "
        "(see the example in CONTRIBUTING.md)",
    ),
    (
        r"expected the same date as",
        "copy the date: line from the Latvian page: a news item has one date in all languages",
    ),
    (
        r"expected values adding up to",
        "the rows must add up to the total named: correct a row or the total",
    ),
    (
        r"country code",
        "write the country as its two-letter ISO code in capitals, e.g. UA for Ukraine",
    ),
    (
        r"duplicate key",
        "a field may appear only once in a record: delete one of the two lines",
    ),
    (
        r"expected UTF-8 text",
        "save the file as UTF-8 in your editor (VS Code: “Save with Encoding” → UTF-8)",
    ),
    (
        r"file is empty|at the top, got|file not found",
        "the file lost its content: restore it with “git checkout -- <file>” and redo the change",
    ),
    (
        r"expected a unique id",
        "choose a different id: ids become page addresses, so each record needs its own",
    ),
    (
        r"expected an id of lowercase",
        "write the id with small letters a-z, digits and hyphens only, e.g. ici-riga",
    ),
    (
        r"link \w+:.*expected the id of a",
        "check the id after the colon: it must be the id: of a record in data/",
    ),
    (
        r"on the service or one of its branches, got channel",
        "add the contact for that channel (phones:, email: or skype:) to the service or to one "
        "of its branches, or take the channel out of channels:",
    ),
    (
        r"on the service or its organization, got channel",
        "add url: with the service's web address (or a url: to its organization), or take "
        "online out of channels:",
    ),
    (
        r"expected a branch in the service areas",
        "add the branch's region to service_areas:, or take the branch out of branches:",
    ),
    (
        r"expected the id of",
        "copy the id exactly from the file named in the message, or add that record first",
    ),
    (
        r"unknown field",
        "check the spelling of the field name (compare with the list), or delete the line",
    ),
    (
        r"sources: expected a list of sources in the front matter",
        "start the page with ---, then sources: and one item per source with title:, "
        'publisher: and published: "2017-12-28" (YYYY-MM or YYYY when the day is not known), '
        "then --- (see CONTRIBUTING.md)",
    ),
    (
        r"\.sources: expected a value \(required field\)",
        "every record needs sources: a list with title:, publisher: and published: "
        '"YYYY-MM-DD" (or YYYY-MM / YYYY) of where its facts come from, url: and note: '
        "optional; then set last_reviewed: to the newest source's date",
    ),
    (
        r"last_reviewed: expected the date of the newest source",
        "last_reviewed is the day the record was confirmed against its newest source: "
        "set it to that source's published date, or add the newer source you checked",
    ),
    (
        r"expected a source from the last 12 months for a date after the build date",
        "a future event or course needs a current source: add the source that announces "
        "it (published within the last 12 months), or delete the record",
    ),
    (
        r"^docs/.*: (date|description): expected a value \(required field\)",
        "a news item starts with ---, date: 2026-11-23, description: a one-sentence summary, "
        "and --- (see CONTRIBUTING.md)",
    ),
    (
        r"\.lv: expected a value \(required field\)",
        "every text needs its Latvian version: add an lv: line above ru: and en:",
    ),
    (
        r"required field",
        "add the missing field; CONTRIBUTING.md has a complete example for every record type",
    ),
    (
        r"expected \+371 and 8 digits",
        'write the number in quotes as "+371 12345678": +371, a space, then 8 digits',
    ),
    (
        r"valid Latvian phone number",
        "the digits do not form a real Latvian number: copy it again from the official source",
    ),
    (
        r"real calendar date|real date and time",
        "that day does not exist (e.g. 30 February or month 13): check the day and the month",
    ),
    (
        r"^docs/.*: date: expected a publication date",
        "write the date as date: 2026-11-23 (year-month-day, no quotes), as in the Latvian page",
    ),
    (
        r"end date only with status: ended",
        "add status: ended to the record, or delete the ended: line if it is still offered",
    ),
    (
        r"end date not after the build date",
        "a record is marked ended only once it has ended: keep it active until then",
    ),
    (
        r"end date as YYYY-MM-DD or YYYY-MM",
        'write the end date in quotes as "2020-06-30", or "2020-06" when only the month is known',
    ),
    (
        r"as YYYY-MM-DDTHH:MM",
        'write the date and time in quotes as "2026-11-23T10:00" (year-month-day, T, hours)',
    ),
    (
        r"local time YYYY-MM-DDTHH:MM, or YYYY-MM-DD",
        'write it in quotes as "2026-11-23T10:00"; when the source gives no hour, only the '
        'date "2026-11-23", and when it gives no day, only the month "2026-11"',
    ),
    (
        r"no time, as the start has none",
        "an end needs the same kind of value as the start: with a date-only or month-only "
        "start, give end as a date or month too, or leave end out",
    ),
    (
        r"as YYYY-MM-DD",
        'write the date in quotes as "2026-11-23" (year-month-day)',
    ),
    (
        r"24-hour time",
        'write the time in quotes as "09:00" or "17:30"',
    ),
    (
        r"time after opens_at",
        "closes_at must be later than opens_at: check the two times (24-hour clock)",
    ),
    (
        r"not before",
        "the end is earlier than the start: swap them or fix the typo",
    ),
    (
        r"RFC 5545",
        "use a rule like FREQ=MONTHLY;BYDAY=1TH;COUNT=6 (first Thursday, six times)",
    ),
    (
        r"exactly one of: branch",
        "give the place as {branch: riga}, or {address: ..., city: ..., region: ...}, "
        "or {online: https://...}, but only one of them",
    ),
    (
        r"http:// or https://",
        "copy the full address from the browser's address bar, starting with https://",
    ),
    (
        r"e-mail address",
        "write one e-mail address like name@example.lv, without spaces or (at)",
    ),
    (
        r"^data/synonyms/",
        "a search synonym group: `canonical` holds the words the pages use, `variants` what "
        "readers type instead (each once, never the canonical itself), in a file named by its "
        "language (ru.yaml); see “Meklēšanas sinonīmi” / “Search synonyms” in CONTRIBUTING",
    ),
    (
        r"at least \d+ item",
        "the list may not be empty: add at least one value, e.g. [lv]",
    ),
    (
        r"expected each item once",
        "a value appears twice in the list: delete the repeated one",
    ),
    (
        r"non-empty",
        "write the text, or delete the whole line if there is nothing to say",
    ),
    (
        r"ISO 639 language code",
        "use the two- or three-letter code from schemas/common.schema.json, e.g. lv, ru, en, uk",
    ),
    (
        r"interface string with lv, ru and en",
        "every interface string needs all three languages: add the missing lv:, ru: or en:",
    ),
    (
        r"expected a closing --- line",
        "the front matter starts with --- and must end with another --- line",
    ),
    (
        r"expected a template in overrides/",
        "use a template that exists in overrides/ici/, or delete the template: line",
    ),
    (
        r"ici_list: expected one of",
        "use one of the listed names, as on the other listing pages",
    ),
    (
        r"link .*expected a page in docs/",
        "link to an existing page with its path relative to this page, e.g. ../contacts/index.md",
    ),
    (
        r"expected a Latvian page",
        "write the Latvian page first (same path under docs/lv/), or fix this file's name",
    ),
    (
        r"expected the page under docs/lv/",
        "move the file into docs/lv/, docs/ru/ or docs/en/",
    ),
    (
        r"expected one of|expected an? (category|region|status|kind|channel|weekday|provider "
        r"type|CEFR level|registration status)",
        "use exactly one of the allowed values named in the message, spelled the same way",
    ),
    (
        r"expected (text|a list|a mapping|a whole number|a number|true)",
        "write the kind of value named in the message: text, a list in [ ], a number, "
        "or true/false (without quotes)",
    ),
]
_COMPILED = [(re.compile(pattern), hint) for pattern, hint in HINTS]


def hint_for(problem: str) -> str:
    """The hint for one problem line; the general pointer when no kind matches."""
    for pattern, hint in _COMPILED:
        if pattern.search(problem):
            return hint
    return GUIDE
