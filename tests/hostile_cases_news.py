"""News and page cases, missing interface strings, and the cases the build also runs."""

from __future__ import annotations

from hostile_cases import (
    CTRL,
    EVT,
    GUIDE_INDEX,
    NEWS,
    NEWS_DESC,
    NEWS_HEADING,
    STR,
    SVC,
)
from hostilekit import Case, append, replace_line, sub

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

# a key gone from every language's file (the translations would otherwise report it)
_NO_CATEGORY_RIGHTS = {
    f"data/strings/{lang}.yaml": sub(f"  category_rights: {text}\n", "")
    for lang, text in {
        "lv": "Juridiskā palīdzība un tiesības",
        "ru": "Юридическая помощь и права",
        "en": "Legal help and rights",
        "uk": "Правова допомога та права",
    }.items()
}
_NO_LATGALE = {
    f"data/strings/{lang}.yaml": sub(f"  latgale: {text}\n", f"  latgalex: {text}\n")
    for lang, text in {"lv": "Latgale", "ru": "Латгале", "en": "Latgale", "uk": "Латгале"}.items()
}
STRING_CASES = [
    Case(
        "strings-missing-category",
        _NO_CATEGORY_RIGHTS,
        STR,
        "register.category_rights",
    ),
    Case(
        "strings-missing-region",
        _NO_LATGALE,
        STR,
        "regions.latgale",
    ),
]

# inputs whose build path differs from the check's: the build must fail just as cleanly
BUILD_FAIL_CASES = [
    Case(
        "build-missing-category-string",
        _NO_CATEGORY_RIGHTS,
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
        {STR: sub("  phone: Tālrunis\n", "")},
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
