"""What Markdown content may put into a page: checked on the HTML it renders to.

A page's Markdown is converted with the site's own extensions and the result is parsed
with an HTML5 parser (lexbor, as a browser parses it), so raw HTML, ``attr_list``
attributes, links and entity-encoded tricks are all judged on what the browser would get.
Only the elements and attributes Markdown itself writes are allowed, plus ``class`` on the
``<div>``/``<p>`` boxes the guide pages use; links and images only to web, mail and phone
addresses, record pages and the site's own files. Titles and descriptions in the front
matter are plain text.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import markdown
from selectolax.lexbor import LexborHTMLParser

from .kinds import page_kinds

# mkdocs.yml's markdown_extensions (tests/test_hostile_markdown.py keeps them in step)
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]

ELEMENTS = frozenset(
    "a abbr b blockquote br code dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li "
    "mark ol p pre s small span strong sub sup table tbody td tfoot th thead tr u ul".split()
)
# the parser's own wrappers: they may appear, never with attributes
_WRAPPERS = frozenset({"html", "head", "body"})
_GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"style", "colspan", "rowspan", "align"}),
    "td": frozenset({"style", "colspan", "rowspan", "align"}),
}
_URL_ATTRS = frozenset({"href", "src"})
# web, mail and phone links, and the record links resolved by ici.links
# web and contact links, and the record links of every kind with pages (ici.kinds)
SCHEMES = frozenset({"http", "https", "mailto", "tel", *page_kinds()})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_TABLE_STYLE = re.compile(r"^text-align: (left|right|center);?$")
_COMMENT = "-comment"
# Python-Markdown slows down more than linearly on some input (thousands of unclosed
# brackets or tags): limits far above any real page keep a page under a few seconds
MAX_BYTES = 64 * 1024
MAX_BRACKETS = 500
MAX_TAGS = 200


@dataclass(frozen=True)
class Finding:
    """One thing a page must not contain; ``needle`` finds its line in the Markdown."""

    message: str
    needle: str
    code: str = "markup.html"


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads from ``url`` (lower case), or None for a relative URL.

    Browsers drop tabs and newlines anywhere in a URL and spaces and control characters
    around it, so ``" jav&#x09;ascript:"`` is a ``javascript:`` URL.
    """
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("".join(chr(c) for c in range(0x21)))
    m = _SCHEME.match(cleaned)
    return m.group(1).lower() if m else None


def _show(value: str, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _attribute_findings(tag: str, name: str, value: str | None) -> Iterable[Finding]:
    allowed = _GLOBAL_ATTRS | ATTRIBUTES.get(tag, frozenset())
    if tag in _WRAPPERS:
        allowed = frozenset()
    if name.startswith("on"):
        yield Finding(
            f"expected no event handler attribute, got {name}= on <{tag}>", name.lower() + "="
        )
    elif name not in allowed:
        yield Finding(f"expected no HTML attribute {name}= on <{tag}>, got one", name.lower())
    elif name == "style" and not _TABLE_STYLE.match(value or ""):
        yield Finding(f"expected no style on <{tag}>, got {_show(value or '')}", "style")
    elif name in _URL_ATTRS and value is not None:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in SCHEMES:
            yield Finding(
                f"expected a link to an https, http, mailto or tel address or to a page, "
                f"got a {scheme}: URL in <{tag} {name}>",
                scheme + ":",
            )


def html_findings(rendered: str) -> list[Finding]:
    """Everything in a page's rendered HTML that Markdown content may not contain."""
    found: list[Finding] = []
    tree = LexborHTMLParser(rendered)
    for node in tree.root.traverse(include_text=False):
        tag = node.tag or ""
        if tag == _COMMENT:
            continue
        if tag not in ELEMENTS and tag not in _WRAPPERS:
            found.append(
                Finding(
                    f"expected Markdown text, got the HTML element <{tag}> (scripts, frames, "
                    "forms, styles and other active HTML are not allowed)",
                    "<" + tag,
                )
            )
            continue
        for name, value in node.attributes.items():
            found.extend(_attribute_findings(tag, name, value))
    return found


def size_problem(body: str) -> str | None:
    """Why a page's Markdown is too big to render safely, or None."""
    size = len(body.encode("utf-8"))
    if size > MAX_BYTES:
        return (
            f"expected at most {MAX_BYTES // 1024} KiB of Markdown in one page, "
            f"got {size // 1024} KiB: split it into pages"
        )
    for char, limit, what in (("[", MAX_BRACKETS, "links"), ("<", MAX_TAGS, "HTML tags")):
        count = body.count(char)
        if count > limit:
            return f"expected at most {limit} {char} ({what}) in one page, got {count}"
    return None


_CONVERTER: markdown.Markdown | None = None


# the same page is rendered again by each check in one process (the tests, ``make check``
# after a build's validation); the output depends on the text alone
@functools.lru_cache(maxsize=1024)
def render(body: str) -> str:
    """The HTML Python-Markdown makes of ``body`` with the site's extensions."""
    global _CONVERTER
    if _CONVERTER is None:  # set up once: the extensions cost more than a page
        _CONVERTER = markdown.Markdown(extensions=EXTENSIONS)
    return _CONVERTER.reset().convert(body)


def _normal(text: str) -> str:
    """Text as a browser would read a tag or URL in it: entities decoded, case and
    whitespace ignored."""
    decoded = html.unescape(text).lower()
    return "".join(ch for ch in decoded if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def locate(lines: Iterable[tuple[int, str]], needle: str, default: int) -> int:
    """The first line whose normalised text holds ``needle``; ``default`` if none does."""
    wanted = _normal(needle)
    for number, line in lines:
        if wanted in _normal(line):
            return number
    return default


def plain_text_problem(value: str, newlines: bool = False) -> str | None:
    """Why a title (or, with ``newlines``, a description) is not plain text, or None."""
    for ch in value:
        if ch == "\n" and newlines:
            continue
        if unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            return f"expected plain text, got the control character {ch!r}"
    tree = LexborHTMLParser(f"<p>{value}</p>")
    body = tree.body
    nodes = list(body.traverse(include_text=False)) if body else []
    if len(nodes) != 2 or nodes[1].text(deep=True) != value:  # <body> and our <p> only
        if "<" in value or ">" in value:
            return f"expected plain text without HTML markup, got {_show(value)}"
        return f"expected plain text without HTML character references, got {_show(value)}"
    return None
