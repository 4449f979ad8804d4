"""Hostile Markdown the build accepts (it is text, legitimately escaped) and hostile data:
in a real browser no payload runs, no CSP violation is reported, no element is injected.

The pages and data are those of tests/hostile_site.py: each text that only looks like
markup must reach the reader as text wherever the theme prints it (navigation, header,
<title>, <meta>, footer).
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from browserkit import chromium, serve
from hostile_site import ESCAPED_HEADING, QUOTED_DESCRIPTION, QUOTED_TITLE
from sitebuild import Built

VISITED = [
    "",
    "guide/work/",
    "guide/family/",
    "news/",
    "news/hostile/",
    "register/",
    "ru/",
    "en/guide/",
    "404.html",
]


@pytest.fixture(scope="module")
def hostile(hostile_site: Built) -> Built:
    return hostile_site


def test_no_element_is_injected_on_any_page(hostile: Built) -> None:
    injected = []
    for path in hostile.pages():
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        if tree.css("#injected") or tree.css("[onmouseover], [onfocus], [onerror]"):
            injected.append(path.relative_to(hostile.site).as_posix())
    assert injected == []


def test_titles_and_descriptions_reach_the_reader_as_text(hostile: Built) -> None:
    work = hostile.html("guide/work/index.html")
    assert work.css_first("title").text() == f"{QUOTED_TITLE} - Informācijas centrs imigrantiem"
    metas = work.css('meta[name="description"]')
    assert [m.attributes["content"] for m in metas] == [QUOTED_DESCRIPTION]
    assert not work.css('meta[http-equiv="refresh"]')
    study = hostile.html("guide/family/index.html")
    plain = ESCAPED_HEADING.replace("&lt;", "<").replace("&gt;", ">")
    assert study.css_first("title").text().startswith(plain)
    assert study.css_first("h1").text() == plain
    # the navigation of every page lists both titles as text
    home = hostile.html("index.html")
    nav = " ".join(a.text() for a in home.css("nav a"))
    assert QUOTED_TITLE in nav and plain in nav


@pytest.mark.browser
def test_no_payload_runs_in_the_browser(hostile: Built) -> None:
    dialogs: list[str] = []
    csp_reports: list[str] = []
    ran: list[str] = []
    with serve(hostile.site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on(
            "console",
            lambda m: csp_reports.append(m.text) if "Content Security Policy" in m.text else None,
        )
        for rel in VISITED:
            page.goto(base + rel, wait_until="load")
            page.evaluate(
                "() => document.querySelectorAll('*').forEach(e => {"
                " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                " e.dispatchEvent(new FocusEvent('focus')); })"
            )
            if page.evaluate("() => window.__xss") is not None:
                ran.append(rel)
            if page.locator("#injected").count():
                ran.append(rel + " #injected")
            # the theme's own inline scripts did run under the policy
            assert page.evaluate("() => typeof __md_get") == "function", rel
        context.close()
    assert dialogs == []
    assert csp_reports == []
    assert ran == []
