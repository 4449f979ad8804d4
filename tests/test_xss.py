"""Hostile data cannot inject markup or script: every text field holds an XSS payload."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from browserkit import ENHANCE, badges_filled, chromium, page_kinds, serve, split_lang
from hostile_site import QUOTED_LINK
from sitebuild import Built
from urlsafety import unsafe_links


@pytest.fixture(scope="module")
def hostile(hostile_site: Built) -> Built:
    """The project with a payload in every data text (and hostile Markdown, shared with
    tests/test_hostile_browser.py: tests/hostile_site.py)."""
    return hostile_site


def _pages(built: Built) -> list[Path]:
    return [p for p in built.pages() if "pagefind" not in p.parts]


def test_no_payload_becomes_markup(hostile: Built) -> None:
    for path in _pages(hostile):
        doc = HTMLParser(path.read_text(encoding="utf-8"))
        for node in doc.css("*"):
            for name, value in node.attributes.items():
                value = value or ""
                assert not name.startswith("on") or "__xss" not in value, (path, name)
                if name in ("href", "src", "action", "formaction"):
                    assert not value.strip().lower().startswith("javascript:"), (path, value)
        for script in doc.css("script"):
            kind = script.attributes.get("type") or ""
            if kind in ("application/ld+json", "application/json"):
                continue
            assert "__xss" not in script.text(), path
        assert doc.css("svg[onload], img[onerror], b[onmouseover]") == [], path


def test_every_link_has_an_allowed_scheme_and_shape(hostile: Built) -> None:
    # web, mailto:, tel:, skype: and map links only, each in the shape data can produce
    # (the one Markdown link of the build is an author's, not the data's)
    unsafe = {
        page: bad
        for page, links in unsafe_links(hostile).items()
        if (bad := [link for link in links if link[0] != QUOTED_LINK])
    }
    assert unsafe == {}


def test_template_syntax_in_data_is_shown_literally(hostile: Built) -> None:
    page = hostile.html("contacts/index.html")
    text = page.body.text()
    assert "{{ 7*7 }}" in text
    assert '<script>window.__xss="script"</script>' in text  # shown as text, not run


# every URL-valued attribute in the live page, after the scripts have run
LIVE_URLS = """() => [...document.querySelectorAll('*')].flatMap(e =>
  ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']
    .map(a => e.getAttribute(a)).filter(v => v !== null))"""


def test_every_kind_is_visited_in_the_browser(hostile: Built) -> None:
    kinds = {split_lang(rel)[1] for rel in page_kinds(hostile)}
    for path in ("", "register/", "contacts/", "events/", "courses/", "news/", "404.html"):
        assert path in kinds
    for folder in ("register", "contacts", "events", "courses", "news", "guide"):
        assert any(k.startswith(folder + "/") and k != folder + "/" for k in kinds), folder


@pytest.mark.browser
def test_no_payload_executes_in_the_browser(hostile: Built) -> None:
    executed, js_urls = [], {}
    with serve(hostile.site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        for rel in page_kinds(hostile):
            page.goto(base + rel, wait_until="load")
            badges_filled(page)
            path = split_lang(rel)[1]
            if path in ENHANCE:
                # the scripts copy data into the page (shortlist, search results): use them
                ENHANCE[path](page)
            page.evaluate(
                "() => document.querySelectorAll('*').forEach(e =>"
                " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
            )
            if page.evaluate("() => window.__xss") is not None:
                executed.append(rel)
            found = [
                url
                for url in page.evaluate(LIVE_URLS)
                if url.strip().lower().replace("\t", "").startswith("javascript:")
            ]
            if found:
                js_urls[rel] = found
        context.close()
    assert executed == []
    assert js_urls == {}
