"""Markdown and front matter are input: no page can put markup or script into the site.

Each case writes hostile Markdown into a copy of the project and runs ``make check``'s
command in a child process limited to 10 s and 1 GB: it must stop with the exact
``file:line`` problem and no traceback, or (for text that is legitimately escaped) pass.
A few builds show that ``mkdocs build`` stops with the same messages.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from hostilekit import run_checks
from ici import check, markup
from ici.content_check import page_markup_problems
from ici.hints import GUIDE
from ici.yamlshare import shared_parses
from sitebuild import ROOT, build, copy_project

PAGE = "docs/lv/hostile.md"
NEWS = "docs/lv/news/hostile.md"
RU_NEWS = "docs/ru/news/hostile.md"
HEAD = "# Virsraksts\n\nTeksts.\n\n"  # the payload goes on line 5
NEWS_FRONT = (
    "---\ntemplate: ici/news_item.html\nici_list: news_item\ndate: 2017-12-28\n"
    "description: Apraksts par jaunumu vienā teikumā.\n---\n"
)  # the news heading is on line 7
ELEMENT = (
    "expected Markdown text, got the HTML element <{}> (scripts, frames, forms, styles and "
    "other active HTML are not allowed)"
)
URL = "expected a link to an https, http, mailto or tel address or to a page, got a {}: URL in <{}>"


def body(payload: str) -> dict[str, str]:
    return {PAGE: HEAD + payload + "\n"}


def front(fields: str) -> dict[str, str]:
    return {PAGE: f"---\n{fields}\n---\n" + HEAD}


SOURCES = 'sources:\n  - {title: Avots, publisher: ICI, published: "2017-12-28"}\n'


def sourced(files: dict[str, str]) -> dict[str, str]:
    """``files`` with a content page's required ``sources:`` in each page's front matter."""
    out = {}
    for rel, text in files.items():
        if rel.startswith("docs/") and "/news/" not in rel:
            text = (
                "---\n" + SOURCES + text[4:]
                if text.startswith("---\n")
                else "---\n" + SOURCES + "---\n" + text
            )
        out[rel] = text
    return out


# (case, files, the exact problem line the check prints)
REJECTED = [
    ("script", body("<script>alert(1)</script>"), f"{PAGE}:5: " + ELEMENT.format("script")),
    ("script mixed case", body("<ScRiPt SRC=//evil.example/x.js></sCrIpT>"),
     f"{PAGE}:5: " + ELEMENT.format("script")),
    ("script split by a tag", body("<scr<script>ipt>alert(1)</script>"),
     f"{PAGE}:5: " + ELEMENT.format("script")),
    ("script in a block", body("<div>\n\n<script>alert(1)</script>\n\n</div>"),
     f"{PAGE}:7: " + ELEMENT.format("script")),
    ("iframe", body('<iframe src="https://evil.example/"></iframe>'),
     f"{PAGE}:5: " + ELEMENT.format("iframe")),
    ("object", body('<object data="x.swf"></object>'), f"{PAGE}:5: " + ELEMENT.format("object")),
    ("embed", body('<embed src="x.swf">'), f"{PAGE}:5: " + ELEMENT.format("embed")),
    ("form", body('<form action="https://evil.example/"><input name="q"></form>'),
     f"{PAGE}:5: " + ELEMENT.format("form")),
    ("style", body("<style>body { display: none }</style>"),
     f"{PAGE}:5: " + ELEMENT.format("style")),
    ("svg onload", body("<svg onload=alert(1)>"), f"{PAGE}:5: " + ELEMENT.format("svg")),
    ("math", body('<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
     f"{PAGE}:5: " + ELEMENT.format("math")),
    ("meta refresh", body('<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
     f"{PAGE}:5: " + ELEMENT.format("meta")),
    ("base", body('<base href="https://evil.example/">'), f"{PAGE}:5: " + ELEMENT.format("base")),
    ("details ontoggle", body("<details open ontoggle=alert(1)>x</details>"),
     f"{PAGE}:5: " + ELEMENT.format("details")),
    ("noscript mutation",
     body('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
     f"{PAGE}:5: " + ELEMENT.format("noscript")),
    ("template", body("<template><script>alert(1)</script></template>"),
     f"{PAGE}:5: " + ELEMENT.format("template")),
    ("button formaction", body("<button formaction=javascript:alert(1)>x</button>"),
     f"{PAGE}:5: " + ELEMENT.format("button")),
    ("img onerror", body("<img src=x onerror=alert(1)>"),
     f"{PAGE}:5: expected no event handler attribute, got onerror= on <img>"),
    ("p onclick", body('<p onclick="alert(1)">x</p>'),
     f"{PAGE}:5: expected no event handler attribute, got onclick= on <p>"),
    ("a onfocus autofocus", body('<a href="https://example.org/" onfocus=alert(1) autofocus>x</a>'),
     f"{PAGE}:5: expected no event handler attribute, got onfocus= on <a>"),
    ("handler on the allowed box",
     body('<div class="ici-term" onmouseover="alert(1)" markdown>\n\nx\n\n</div>'),
     f"{PAGE}:5: expected no event handler attribute, got onmouseover= on <div>"),
    ("attr_list handler on a heading", body('## Nodaļa {onclick="alert(1)"}'),
     f"{PAGE}:5: expected no event handler attribute, got onclick= on <h2>"),
    ("attr_list style", body('Teksts.\n{: style="display:none" }'),
     f"{PAGE}:6: expected no HTML attribute style= on <p>, got one"),
    ("srcset", body('<img src="x.png" srcset="javascript:alert(1)">'),
     f"{PAGE}:5: expected no HTML attribute srcset= on <img>, got one"),
    ("javascript link", body("[x](javascript:alert(1))"),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript mixed case", body("[x](JaVaScRiPt:alert(1))"),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript decimal entity", body("[x](&#106;avascript:alert(1))"),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript hex entities", body("[x](&#x6A;&#x61;vascript:alert(1))"),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript named colon", body('<a href="javascript&colon;alert(1)">x</a>'),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript tab and space", body('<a href=" jav&#x09;ascript:alert(1)">x</a>'),
     f"{PAGE}:5: " + URL.format("javascript", "a href")),
    ("javascript reference link", body("[x][r]\n\n[r]: javascript:alert(1)"),
     f"{PAGE}:7: " + URL.format("javascript", "a href")),
    ("vbscript", body("[x](vbscript:msgbox(1))"), f"{PAGE}:5: " + URL.format("vbscript", "a href")),
    ("data link", body("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
     f"{PAGE}:5: " + URL.format("data", "a href")),
    ("data image", body("![x](data:image/svg+xml;base64,PHN2Zz4=)"),
     f"{PAGE}:5: " + URL.format("data", "img src")),
    # no fenced_code extension on the site: a "fenced" script is raw HTML
    ("script in a fence", body("```html\n<script>alert(1)</script>\n```"),
     f"{PAGE}:6: " + ELEMENT.format("script")),
    ("script in a heading", body("## Nodaļa <script>alert(1)</script>"),
     f"{PAGE}:5: " + ELEMENT.format("script")),
    ("script in a news heading", {NEWS: NEWS_FRONT + "# Jaunums <script>alert(1)</script>\n"},
     f"{NEWS}:7: " + ELEMENT.format("script")),
    ("image handler in a Russian news heading",
     {NEWS: NEWS_FRONT + "# Jaunums\n", RU_NEWS: NEWS_FRONT + "# <img src=x onerror=alert(1)>\n"},
     f"{RU_NEWS}:7: expected no event handler attribute, got onerror= on <img>"),
    ("title breaks out of the nav", front('title: "</span><script>alert(1)</script><span>"'),
     f"{PAGE}:2: title: expected plain text without HTML markup, got '</span><script>alert(1)</script><span>'"),
    ("title tag", front("title: <b>Darbs</b>"),
     f"{PAGE}:2: title: expected plain text without HTML markup, got '<b>Darbs</b>'"),
    ("title character reference", front("title: Darbs &amp; studijas"),
     f"{PAGE}:2: title: expected plain text without HTML character references, got 'Darbs &amp; studijas'"),
    ("title control character", front('title: "Darbs\\u0085"'),
     f"{PAGE}:2: title: expected plain text, got the control character '\\x85'"),
    ("title a list", front("title: [a, b]"),
     f"{PAGE}:2: title: expected plain text, got a list or mapping"),
    ("description breaks out of the meta", front("description: '\"><script>alert(1)</script>'"),
     f"{PAGE}:2: description: expected plain text without HTML markup, got '\"><script>alert(1)</script>'"),
    ("front matter nested 100,000 deep", front("title: " + "[" * 100_000 + "]" * 100_000),
     f"{PAGE}:2: front matter: expected data nested at most 20 levels deep, got deeper nesting"),
    ("front matter alias", front("title: &t Darbs\ndescription: *t"),
     f"{PAGE}:2: front matter: expected a value without an anchor, got &t (aliases and anchors are not allowed in data files)"),
    ("a megabyte page", {PAGE: HEAD + ("Teksts. " * 128 + "\n\n") * 1024},
     f"{PAGE}:1: expected at most 64 KiB of Markdown in one page, got 1026 KiB: split it into pages"),
    ("50,000 unclosed brackets", body("[" * 50_000), f"{PAGE}:1: expected at most 500 [ (links) in one page, got 50000"),
    ("20,000 unclosed tags", body("<a " * 20_000), f"{PAGE}:1: expected at most 200 < (HTML tags) in one page, got 20000"),
    ("divs nested 1,000 deep", body("<div markdown>\n\n" * 1000 + "x\n" + "\n</div>\n" * 1000),
     f"{PAGE}:1: expected at most 200 < (HTML tags) in one page, got 2000"),
    ("news description comment", {NEWS: NEWS_FRONT.replace("Apraksts par jaunumu vienā teikumā.", "<!-- x -->") + "# J\n"},
     f"{NEWS}:5: description: expected plain text without HTML markup, got '<!-- x -->'"),
]  # fmt: skip

# legitimately escaped text: the check passes (and the browser test builds such pages)
ACCEPTED = [
    ("escaped script text", body("&lt;script&gt;alert(1)&lt;/script&gt;")),
    ("code span", body("`<script>alert(1)</script>`")),
    ("indented code", body("    <iframe src=x></iframe>")),
    ("html comment", body("<!-- <script>alert(1)</script> -->")),
    ("quotes in a link", body('[x](https://example.org/"onmouseover="alert(1))')),
    ("the guide's term box", body('<div class="ici-term" markdown>\n\n**x**\n\n</div>')),
    ("aligned table", body("| a | b |\n|:--|--:|\n| 1 | 2 |")),
    ("quotes in a title", front("title: 'Darbs \" onmouseover=\"alert(1)'")),
    ("ampersand in a title", front("title: Darbs & studijas < 5")),
    ("blockquotes nested 5,000 deep", body(">" * 5000 + " x")),
    ("lists nested 100 deep", body("".join("  " * i + "- x\n" for i in range(100)))),
    ("60 KiB of entities", body("&#106;" * 10_000)),
]  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A project copy, checked once in this process before the cases are: each case's
    fork then starts with the checker's imports done and the unchanged files read (as
    the hostile-data cases do), whichever module ran before in this process."""
    root = copy_project(tmp_path_factory.mktemp("hostile-md"))
    with shared_parses():
        assert check.run_check(root, io.StringIO(), status=False) == 0
        yield root


def run_check(root: Path, files: dict[str, str]) -> tuple[int, str, float]:
    """Write ``files``, run the check (10 s, 1 GB), remove them again.

    The check is ``python -m ici.check --no-status ROOT`` run in a fork of this process
    (tests/hostilekit.py), which saves starting Python and importing the checker per case.
    """
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    try:
        [outcome] = run_checks([root], jobs=1, timeout=10)
    finally:
        for rel in files:
            (root / rel).unlink()
    return outcome.returncode, outcome.output, outcome.seconds


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in REJECTED], ids=[c[0] for c in REJECTED]
)
def test_hostile_markdown_is_rejected(project: Path, files: dict[str, str], expected: str) -> None:
    code, output, seconds = run_check(project, files)
    assert code == 1, output
    assert expected in output.splitlines(), output
    assert "Traceback" not in output
    lines = output.splitlines()
    hint = lines[lines.index(expected) + 1]
    assert hint.startswith("    how to fix: ")
    # a hint for this kind of problem (looked up by its code), not the general one
    assert hint.removeprefix("    how to fix: ") != GUIDE
    assert seconds < 10


@pytest.mark.parametrize("files", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_escaped_text_passes(project: Path, files: dict[str, str]) -> None:
    code, output, _ = run_check(project, sourced(files))
    assert code == 0, output


def test_at_least_thirty_hostile_cases() -> None:
    assert len(REJECTED) + len(ACCEPTED) >= 30


def test_the_check_renders_with_the_sites_extensions() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names == markup.EXTENSIONS


def test_the_builds_html_is_checked_too(tmp_path: Path) -> None:
    # the second line of defence judges the HTML a build made, whatever made it
    docs = tmp_path / "docs"
    (docs / "lv").mkdir(parents=True)
    md = docs / "lv" / "x.md"
    md.write_text("# X\n\nTeksts.\n\n[a](service:x)\n", encoding="utf-8")
    problems = page_markup_problems(tmp_path, docs, md, '<p><a href="javascript:x">a</a></p>')
    assert [str(p) for p in problems] == ["docs/lv/x.md:1: " + URL.format("javascript", "a href")]


def test_the_build_stops_with_the_checks_messages(tmp_path: Path) -> None:
    cases = {name: (files, line) for name, files, line in REJECTED}
    news_files, news_line = cases["image handler in a Russian news heading"]
    files = {
        **news_files,
        PAGE: '---\ntitle: "</span><script>alert(1)</script><span>"\n---\n'
        + HEAD
        + "<script>alert(1)</script>\n\n"
        + '## Nodaļa {onclick="alert(1)"}\n',
        # Python-Markdown would take minutes over this page: the build must not start it
        "docs/en/hostile.md": "# X\n\n" + "[" * 50_000 + "\n",
    }
    root = copy_project(tmp_path, files)
    built = build(root)
    assert built.returncode == 1
    assert "Traceback" not in built.output
    expected = [
        cases["title breaks out of the nav"][1],
        f"{PAGE}:8: " + ELEMENT.format("script"),
        f"{PAGE}:10: expected no event handler attribute, got onclick= on <h2>",
        news_line,
        "docs/en/hostile.md:1: expected at most 500 [ (links) in one page, got 50000",
    ]
    lines = built.output.splitlines()
    assert [line for line in expected if line not in lines] == [], built.output
    code, output, _ = run_check(root, {})
    assert code == 1
    assert [line for line in expected if line not in output.splitlines()] == []


def test_a_case_checks_alike_from_a_deep_stack(project: Path) -> None:
    """The forked check starts on a stack of its own: a test deep in pytest's (or
    Playwright's) frames finds what ``python -m ici.check`` finds."""
    deep = dict(ACCEPTED)["lists nested 100 deep"]

    def at(depth: int) -> tuple[int, str, float]:
        return at(depth - 1) if depth else run_check(project, sourced(deep))

    code, output, _ = at(sys.getrecursionlimit() - 200)
    assert code == 0, output
