"""Hostile Markdown the build accepts (it is text, legitimately escaped) and hostile data:
in a real browser no payload runs, no CSP violation is reported, no element is injected.

The content check rejects markup outright (tests/test_hostile_markdown.py); what remains
are texts that only look like markup: quotes in a plain-text title or description, a
heading written with character references, code spans, comments. Each must reach the
reader as text wherever the theme prints it (navigation, header, <title>, <meta>, footer).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from browserkit import chromium, serve
from sitebuild import ROOT, Built, build, copy_project
from xss_data import write_hostile_data

QUOTED_TITLE = 'Darbs " onmouseover="window.__xss=1" autofocus onfocus="alert(1)" id="injected'
QUOTED_DESCRIPTION = '" http-equiv="refresh" content="0;url=javascript:alert(2)" id=\'injected'
# a heading written with character references: plain text to Markdown, and the page title
# MkDocs takes from it ("</title><script>...") must stay text where the theme prints it
ESCAPED_HEADING = (
    "Studijas &lt;/title&gt;&lt;/span&gt;&lt;script&gt;alert(3)&lt;/script&gt;"
    "&lt;img src=x onerror=alert(4) id=injected&gt;"
)
BODY = (
    "Teksts &lt;script&gt;alert(5)&lt;/script&gt; un `<script>alert(6)</script>`.\n\n"
    "<!-- <script>alert(7)</script> -->\n\n"
    '[saite](https://example.org/"onmouseover="alert(8))\n'
)
NEWS_FRONT = (
    "---\ntemplate: ici/news_item.html\nici_list: news_item\ndate: 2017-12-28\n"
    "description: 'Apraksts par jaunumu ar apostrofu '' onmouseover=alert(9) x='''\n"
    'sources:\n  - {title: Avots, publisher: ICI, published: "2017-12-28"}\n---\n'
)
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


def _with_front_matter(path: Path, fields: str) -> str:
    """The page with ``fields`` added at the top of its front matter (it has its sources)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return f"---\n{fields}\n" + text[4:]


def _replace_heading(path: Path, heading: str) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[first] = "# " + heading
    return "\n".join(lines)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    docs = ROOT / "docs" / "lv"
    title = QUOTED_TITLE.replace("'", "''")
    description = QUOTED_DESCRIPTION.replace("'", "''")
    root = copy_project(
        tmp_path_factory.mktemp("hostile-md-browser"),
        {
            "docs/lv/guide/work.md": _with_front_matter(
                docs / "guide" / "work.md", f"title: '{title}'\ndescription: '{description}'"
            ),
            "docs/lv/guide/family.md": _replace_heading(
                docs / "guide" / "family.md", ESCAPED_HEADING
            )
            + "\n\n"
            + BODY,
            "docs/lv/news/hostile.md": NEWS_FRONT + f"# Jaunums {ESCAPED_HEADING}\n\n" + BODY,
        },
    )
    assert write_hostile_data(ROOT, root) > 50
    built = build(root)
    assert built.returncode == 0, built.output
    return built


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
