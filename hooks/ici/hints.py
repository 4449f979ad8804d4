"""A short "how to fix" for every kind of problem the check command and the build report.

Each problem carries a code (:class:`ici.problems.Problem`); its hint is looked up here by
that code, never by the words of its message, so rewording a message keeps its hint.
CONTRIBUTING.md explains the same kinds at more length.
"""

from __future__ import annotations

from .problems import Problem

GUIDE = "see “Ko saka pārbaudes” in CONTRIBUTING.md or “What the checks say” in CONTRIBUTING.en.md"

# (problem codes, hint)
_HINTS: list[tuple[tuple[str, ...], str]] = [
    (
        ("markup.html",),
        "write the page in Markdown: no scripts, frames, forms, styles, event handlers (on...=) "
        "or javascript:/data: links; raw HTML is only the <div>/<p> boxes with a class that the "
        "guide pages use; to show code, put it in `backticks`",
    ),
    (
        ("markup.size", "content.limit"),
        "a page never needs this much: split it into several pages, remove the repeated "
        "characters, and write front matter as flat fields without &anchors or *aliases",
    ),
    (
        ("markup.title",),
        "write titles and descriptions as plain text: no <tags>, no &entities; (write the "
        "character itself), no control characters, on one line",
    ),
    (
        ("yaml.syntax",),
        "look at this line and the one above it: indent with spaces (never tabs), put a space "
        "after every colon, close every [ and {, and put text with a colon or # in quotes",
    ),
    (
        ("text.unprintable",),
        "the line holds an invisible control character (often pasted from a PDF or Word): retype "
        "the text on that line",
    ),
    (
        ("warning.glossary",),
        "write the preferred word (data/glossary.yaml says why); an official name stays as "
        "written in quotes « » or “ ”, and a phrase that is right as it is goes into the term's "
        "allow: list",
    ),
    (
        ("warning.ordinal",),
        "if the number is an ordinal or a date (“3. vietā”), escape its dot: 3\\. vietā; if it is "
        "really a one-item numbered list, start the item with a capital letter",
    ),
    (
        ("example.in_data",),
        "demonstration records belong in examples/ (make demo builds them): move the record "
        "there, or delete the example: line if the record is real and has its sources",
    ),
    (
        ("example.unmarked",),
        "add example: true to the record: everything in examples/ is invented and must say so",
    ),
    (
        ("text.control",),
        "the value holds an invisible character (a control, direction or line-separator "
        "character, often pasted from a PDF or chat) or a line break where one line is expected: "
        "retype the value; write a long name on one line",
    ),
    (
        ("yaml.limit",),
        "write every value out in full: no &anchors, *aliases or --- separators, and no deeply "
        "nested lists; copy the shape of an existing record",
    ),
    (
        ("yaml.too_big",),
        "the file is far larger than any real data file: check that nothing was pasted into it by"
        " mistake",
    ),
    (
        ("schema.maxLength",),
        "shorten the value: an id becomes part of a web address, keep it short and stable",
    ),
    (
        ("rrule.limits",),
        "a repeat ends with COUNT (at most 500) or UNTIL (within 10 years), never both; INTERVAL "
        "is 1 or more; the time of day comes from start",
    ),
    (
        ("strings.missing", "schema.interface_string"),
        "add the key to data/strings/lv.yaml, and its translations to the other languages' "
        "files in data/strings/ (the templates use it)",
    ),
    (
        ("hours.midnight",),
        "24:00 is a closing time only: a place that opens at midnight opens at 00:00",
    ),
    (
        ("schema.reserved_id",),
        "this id is taken by a file of the site: choose another id for the record",
    ),
    (
        ("rrule.first_date",),
        "set start (and end) to the first date the rule gives, or change the rule",
    ),
    (
        ("news.front_matter",),
        "start the news item with ---, a date: line, a description: line and --- (see the example"
        " in CONTRIBUTING.md)",
    ),
    (
        ("news.date_mismatch",),
        "copy the date: line from the Latvian page: a news item has one date in all languages",
    ),
    (
        ("figures.sum",),
        "the rows must add up to the total named: correct a row or the total",
    ),
    (
        ("figures.country", "schema.country"),
        "write the country as its two-letter ISO code in capitals, e.g. UA for Ukraine",
    ),
    (
        ("yaml.duplicate_key",),
        "a field may appear only once in a record: delete one of the two lines",
    ),
    (
        ("content.encoding",),
        "save the file as UTF-8 in your editor (VS Code: “Save with Encoding” → UTF-8)",
    ),
    (
        ("config.paging",),
        "write the setting as a mapping of whole numbers above zero, e.g. "
        "{index_max: 120, per_group: 6, page_size: 50}, or delete it to keep the defaults",
    ),
    (
        ("file.lost",),
        "the file lost its content: restore it with “git checkout -- <file>” and redo the change",
    ),
    (
        ("ref.duplicate_id",),
        "choose a different id: ids become page addresses, so each record needs its own",
    ),
    (
        ("schema.id",),
        "write the id with small letters a-z, digits and hyphens only, e.g. ici-riga",
    ),
    (
        ("ref.link",),
        "check the id after the colon: it must be the id: of a record in data/",
    ),
    (
        ("service.channel_contact",),
        "add the contact for that channel (phones:, email: or skype:) to the service or to one of"
        " its branches, or take the channel out of channels:",
    ),
    (
        ("service.channel_url",),
        "add url: with the service's web address (or a url: to its organization), or take online "
        "out of channels:",
    ),
    (
        ("service.reserved_id",),
        "give the service another id (the register's topic, region, ended and facets pages "
        "use these names)",
    ),
    (
        ("service.branch_area",),
        "add the branch's region to service_areas:, or take the branch out of branches:",
    ),
    (
        ("ref.unknown",),
        "copy the id exactly from the file named in the message, or add that record first",
    ),
    (
        ("schema.additionalProperties",),
        "check the spelling of the field name (compare with the list), or delete the line",
    ),
    (
        ("source.page_missing",),
        "start the page with ---, then sources: and one item per source with title:, publisher: "
        'and published: "2017-12-28" (YYYY-MM or YYYY when the day is not known), then --- (see '
        "CONTRIBUTING.md)",
    ),
    (
        ("schema.required.sources",),
        'every record needs sources: a list with title:, publisher: and published: "YYYY-MM-DD" '
        "(or YYYY-MM / YYYY) of where its facts come from, url: and note: optional; then set "
        "last_reviewed: to the newest source's date",
    ),
    (
        ("source.last_reviewed",),
        "last_reviewed is the day the record was confirmed against its newest source: set it to "
        "that source's published date, or add the newer source you checked",
    ),
    (
        ("source.stale",),
        "a future event or course needs a current source: add the source that announces it "
        "(published within the last 12 months), or delete the record",
    ),
    (
        ("news.required",),
        "a news item starts with ---, date: 2026-11-23, description: a one-sentence summary, and "
        "--- (see CONTRIBUTING.md)",
    ),
    (
        ("schema.required.lv",),
        "every text needs its Latvian version: add an lv: line above the translations",
    ),
    (
        ("schema.required",),
        "add the missing field; CONTRIBUTING.md has a complete example for every record type",
    ),
    (
        ("schema.phone",),
        'write the number in quotes as "+371 12345678": +371, a space, then 8 digits',
    ),
    (
        ("phone.invalid",),
        "the digits do not form a real Latvian number: copy it again from the official source",
    ),
    (
        ("date.unreal",),
        "that day does not exist (e.g. 30 February or month 13): check the day and the month",
    ),
    (
        ("schema.news_date",),
        "write the date as date: 2026-11-23 (year-month-day, no quotes), as in the Latvian page",
    ),
    (
        ("lifecycle.not_ended",),
        "add status: ended to the record, or delete the ended: line if it is still offered",
    ),
    (
        ("lifecycle.future_end",),
        "a record is marked ended only once it has ended: keep it active until then",
    ),
    (
        ("schema.ended_date",),
        'write the end date in quotes as "2020-06-30", or "2020-06" when only the month is known',
    ),
    (
        ("schema.datetime",),
        'write the date and time in quotes as "2026-11-23T10:00" (year-month-day, T, hours)',
    ),
    (
        ("schema.event_start",),
        'write it in quotes as "2026-11-23T10:00"; when the source gives no hour, only the date '
        '"2026-11-23", and when it gives no day, only the month "2026-11"',
    ),
    (
        ("schema.end_date_only",),
        "an end needs the same kind of value as the start: with a date-only or month-only start, "
        "give end as a date or month too, or leave end out",
    ),
    (
        ("schema.date",),
        'write the date in quotes as "2026-11-23" (year-month-day)',
    ),
    (
        ("schema.time",),
        'write the time in quotes as "09:00" or "17:30"',
    ),
    (
        ("hours.order",),
        "closes_at must be later than opens_at: check the two times (24-hour clock)",
    ),
    (
        ("date.order",),
        "the end is earlier than the start: swap them or fix the typo",
    ),
    (
        ("schema.rrule", "rrule.syntax"),
        "use a rule like FREQ=MONTHLY;BYDAY=1TH;COUNT=6 (first Thursday, six times)",
    ),
    (
        ("schema.place",),
        "give the place as {branch: riga}, or {address: ..., city: ..., region: ...}, or {online:"
        " https://...}, but only one of them",
    ),
    (
        ("schema.url",),
        "copy the full address from the browser's address bar, starting with https://",
    ),
    (
        ("schema.email",),
        "write one e-mail address like name@example.lv, without spaces or (at)",
    ),
    (
        ("synonyms.variant", "synonyms.file"),
        "a search synonym group: `canonical` holds the words the pages use, `variants` what "
        "readers type instead (each once, never the canonical itself), in a file named by its "
        "language (ru.yaml); see “Meklēšanas sinonīmi” / “Search synonyms” in CONTRIBUTING",
    ),
    (
        ("schema.minItems",),
        "the list may not be empty: add at least one value, e.g. [lv]",
    ),
    (
        ("schema.uniqueItems",),
        "a value appears twice in the list: delete the repeated one",
    ),
    (
        ("schema.minLength", "schema.non_empty"),
        "write the text, or delete the whole line if there is nothing to say",
    ),
    (
        ("schema.language",),
        "use the two- or three-letter code from schemas/common.schema.json, e.g. lv, ru, en, uk",
    ),
    (
        ("strings.untranslated",),
        "translate the string into this language's file under the same section and key as "
        "in data/strings/lv.yaml (a new file starts with the schema line of lv.yaml); until "
        "then readers see the Latvian text",
    ),
    (
        ("strings.unknown_key",),
        "write the key as data/strings/lv.yaml has it, or delete it from this language's file",
    ),
    (
        ("strings.stray_file",),
        "name the file after a locale of plugins: i18n: languages in mkdocs.yml, e.g. uk.yaml",
    ),
    (
        ("content.front_matter",),
        "the front matter starts with --- and must end with another --- line",
    ),
    (
        ("content.template",),
        "use a template that exists in overrides/ici/, or delete the template: line",
    ),
    (
        ("content.ici_list",),
        "use one of the listed names, as on the other listing pages",
    ),
    (
        ("content.page_link",),
        "link to an existing page with its path relative to this page, e.g. ../contacts/index.md",
    ),
    (
        ("content.orphan_translation",),
        "write the Latvian page first (same path under docs/lv/), or fix this file's name",
    ),
    (
        ("content.language_folder",),
        "move the file into the folder of its language, e.g. docs/lv/",
    ),
    (
        ("schema.enum", "schema.choice"),
        "use exactly one of the allowed values named in the message, spelled the same way",
    ),
    (
        ("schema.type", "schema.value_type", "schema.minimum", "schema.maximum"),
        "write the kind of value named in the message: text, a list in [ ], a number, or "
        "true/false (without quotes)",
    ),
]
HINTS: dict[str, str] = {code: hint for codes, hint in _HINTS for code in codes}


def hint_for(problem: Problem) -> str:
    """The hint for one problem, by its code; the general pointer when its kind has none."""
    return HINTS.get(problem.code, GUIDE)
