"""A service page's labels stay out of the search index; its facts go in.

The headings and labels of a service page ("What it is", "Cost", "Phone:", "Last
checked", "Back to the register") are the same on every one of the register's pages: in
the index they would only make every service match a query for "phone" or "cost", and at
10,000 services they were a fifth of what Pagefind holds in memory (bench/RESULTS.md).
The reader still sees them; only ``data-pagefind-ignore`` keeps them out.
"""

from __future__ import annotations

import pytest

from langkit import ui_string
from langs import PREFIX
from sitebuild import Built

LABELS = (
    "register.what",
    "register.how_to_reach",
    "register.where",
    "register.about_provider",
    "register.cost",
    "register.languages",
    "common.opening_hours",
    "common.phone",
    "register.regions",
    "common.last_reviewed",
    "register.back_to_register",
)


def _texts(page: object) -> tuple[list[str], list[str]]:
    """Every text of the indexed article, and those of them Pagefind indexes."""
    body = page.css_first("[data-pagefind-body]")
    seen, indexed = [], []
    for node in body.traverse(include_text=True):
        if node.tag != "-text" or not (node.text_content or "").strip():
            continue
        text = node.text_content.strip()
        seen.append(text)
        parent, ignored = node.parent, False
        while parent is not None and not ignored:
            attrs = parent.attributes or {}
            ignored = "data-pagefind-ignore" in attrs or parent.tag in ("script", "style")
            parent = parent.parent
        if not ignored:
            indexed.append(text)
    return seen, indexed


@pytest.mark.parametrize("lang", PREFIX)
def test_service_labels_are_shown_but_not_indexed(small_site: Built, lang: str) -> None:
    page = small_site.html(f"{PREFIX[lang]}register/legal/index.html")
    seen, indexed = _texts(page)
    for key in LABELS:
        label = ui_string(key, lang)

        def labelled(text: str, label: str = label) -> bool:
            return text == label or text.startswith(label + ":")

        assert any(labelled(t) for t in seen), (key, label)
        assert not any(labelled(t) for t in indexed), (key, label, indexed)
    # what the service is and how to reach it are indexed
    name = page.css_first("h1.ici-svc-name").text().strip().splitlines()[0]
    assert name in indexed
    assert "+371 25 565 098" in indexed
