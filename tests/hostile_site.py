"""One build for the XSS tests: every data text holds a payload, and three Latvian pages
hold Markdown that only looks like markup (tests/test_xss.py, tests/test_hostile_browser.py).

The content check rejects markup outright (tests/test_hostile_markdown.py); what remains
are texts the build accepts: quotes in a plain-text title or description, a heading
written with character references, code spans, comments.
"""

from __future__ import annotations

from pathlib import Path

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
# a Markdown link whose URL holds quotes: the theme prints it escaped, as an odd but
# harmless web address (tests/test_hostile_browser.py checks that it runs nothing)
QUOTED_LINK = 'https://example.org/"onmouseover="alert(8'
BODY = (
    "Teksts &lt;script&gt;alert(5)&lt;/script&gt; un `<script>alert(6)</script>`.\n\n"
    "<!-- <script>alert(7)</script> -->\n\n"
    f"[saite]({QUOTED_LINK}))\n"
)
NEWS_FRONT = (
    "---\ntemplate: ici/news_item.html\nici_list: news_item\ndate: 2017-12-28\n"
    "description: 'Apraksts par jaunumu ar apostrofu '' onmouseover=alert(9) x='''\n"
    'sources:\n  - {title: Avots, publisher: ICI, published: "2017-12-28"}\n---\n'
)


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


def hostile_markdown() -> dict[str, str]:
    """The three Latvian pages with Markdown that only looks like markup."""
    docs = ROOT / "docs" / "lv"
    title = QUOTED_TITLE.replace("'", "''")
    description = QUOTED_DESCRIPTION.replace("'", "''")
    return {
        "docs/lv/guide/work.md": _with_front_matter(
            docs / "guide" / "work.md", f"title: '{title}'\ndescription: '{description}'"
        ),
        "docs/lv/guide/family.md": _replace_heading(docs / "guide" / "family.md", ESCAPED_HEADING)
        + "\n\n"
        + BODY,
        "docs/lv/news/hostile.md": NEWS_FRONT + f"# Jaunums {ESCAPED_HEADING}\n\n" + BODY,
    }


def build_hostile_site(dest: Path) -> Built:
    """The project in ``dest`` with hostile data and hostile Markdown, built."""
    root = copy_project(dest, hostile_markdown())
    changed = write_hostile_data(ROOT, root)
    assert changed > 50, changed
    return build(root)
