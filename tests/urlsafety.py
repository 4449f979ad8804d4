"""Which links a built site may contain: the URL schemes and shapes data can produce.

Links from data are web addresses (http, https), ``mailto:`` from a validated e-mail,
``tel:`` from a validated phone number in E.164, ``skype:`` from a validated Skype name,
and map links built from coordinates; everything else is relative (pages, exports).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sitebuild import Built

URL_ATTRS = ("href", "src", "action", "formaction", "poster", "data", "xlink:href")
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
SHAPES = {
    "tel": re.compile(r"^tel:\+\d{8,15}$"),
    "mailto": re.compile(rf"^mailto:{_EMAIL}$"),
    "skype": re.compile(r"^skype:[A-Za-z][A-Za-z0-9._,-]{2,31}\?chat$"),
}
_NUM = r"-?\d+(\.\d+)?"
MAP = re.compile(
    rf"^https://www\.openstreetmap\.org/\?mlat={_NUM}&mlon={_NUM}#map=18/{_NUM}/{_NUM}$"
)


def unsafe_url(url: str) -> str | None:
    """Why a URL found in a page is not one our data may produce, or None when it is fine."""
    raw = url
    url = url.strip()
    if url != raw or any(c in url for c in "\t\n\r\"'<> "):
        return "whitespace, quote or angle bracket in a URL"
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        return None if not url.startswith("//") else "protocol-relative URL"
    if scheme in ("http", "https"):
        parts = urlsplit(url)
        if not parts.netloc or "@" in parts.netloc:
            return "web address without a plain host"
        if "openstreetmap.org" in parts.netloc and parts.query and not MAP.match(url):
            return "map link not built from coordinates"
        return None
    if scheme in SHAPES:
        return None if SHAPES[scheme].match(url) else f"malformed {scheme}: link"
    return f"scheme {scheme}: is not allowed"


def unsafe_links(built: Built) -> dict[str, list[tuple[str, str]]]:
    """Every page (Pagefind's files aside) with its links that ``unsafe_url`` rejects."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in built.pages():
        if "pagefind" in path.relative_to(built.site).parts:
            continue
        bad = _page_links(path)
        if bad:
            found[path.relative_to(built.site).as_posix()] = bad
    return found


def _page_links(path: Path) -> list[tuple[str, str]]:
    doc = HTMLParser(path.read_text(encoding="utf-8"))
    bad = []
    for node in doc.css("*"):
        for name in URL_ATTRS:
            value = node.attributes.get(name)
            if value is None:
                continue
            why = unsafe_url(value)
            if why:
                bad.append((value, why))
    return bad
