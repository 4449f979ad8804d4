"""Pages added to the real content for the search tests, in one build (``extra_pages`` in
tests/conftest.py): a guide page, a news item and a page left out of search
(tests/test_search_index.py), a page with markup-like text and two dated news items
(tests/test_search_browser.py).

All are Latvian only: the other languages show them as fallbacks.
"""

from __future__ import annotations

SOURCES = 'sources: [{title: Tests, publisher: ICI, published: "2025-12-01"}]\n'
INDEX_PAGES = {
    "docs/lv/guide/jauna-lapa.md": f"---\n{SOURCES}---\n# Jauna lapa\n\nKā saņemt atļauju.\n",
    "docs/lv/news/jauns-birojs.md": (
        f"---\ndate: 2025-12-01\ndescription: Atvērts jauns birojs.\n{SOURCES}---\n"
        "# Jauns birojs\n\nAtvērts birojs.\n"
    ),
    "docs/lv/iekseja.md": (
        f"---\nsearch_exclude: true\n{SOURCES}---\n# Iekšēja lapa\n\nNav meklējama.\n"
    ),
}
BROWSER_PAGES = {
    "docs/lv/drosiba.md": (
        f"---\n{SOURCES}---\n"
        '# Drošība\n\nTeksts ar `<img src=x onerror="window.__xss=1">` un '
        "&lt;b&gt;treknrakstu&lt;/b&gt; onerrorpārbaude.\n"
    ),
    # two dated news items with a word no other page has
    "docs/lv/news/seminars-oktobri.md": (
        "---\ndate: 2026-10-01\ndescription: Seminārs Ozolkalnā par darba tiesībām.\n"
        f"{SOURCES}---\n"
        "# Seminārs Ozolkalnā oktobrī\n\nSeminārs par darba tiesībām.\n"
    ),
    "docs/lv/news/seminars-decembri.md": (
        "---\ndate: 2026-12-15\ndescription: Seminārs Ozolkalnā par valodas kursiem.\n"
        f"{SOURCES}---\n"
        "# Seminārs Ozolkalnā decembrī\n\nSeminārs par valodas kursiem.\n"
    ),
}
# each page's search kind once indexed (None: left out of search)
KIND = {
    "docs/lv/guide/jauna-lapa.md": "guide",
    "docs/lv/news/jauns-birojs.md": "news",
    "docs/lv/iekseja.md": None,
    "docs/lv/drosiba.md": "page",
    "docs/lv/news/seminars-oktobri.md": "news",
    "docs/lv/news/seminars-decembri.md": "news",
}
EXTRA_PAGES = {**INDEX_PAGES, **BROWSER_PAGES}
assert set(KIND) == set(EXTRA_PAGES)
