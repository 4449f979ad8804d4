"""What the service worker of one language keeps offline, found in the built site.

The kept pages are fixed by the data (``kept_pages``); the files they need (stylesheets,
scripts, images, icons, the manifest and what stylesheets import) are read from the
built HTML, so a change in how the theme loads its assets needs no change here. The
version is a hash of every kept file's bytes: the same site gives the same version.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

BUDGET_GZIP_BYTES = 600_000  # one language's precache, gzip level 9
RUNTIME_BUDGET_BYTES = 3_000_000  # pages the reader opened, and their files (uncompressed)
OFFLINE_PAGE = "offline/"
GUIDE = "guide/"

# <link rel> values whose target a page needs to show (not alternates, feeds or exports)
_NEEDED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class PrecacheError(Exception):
    """A kept page or a file it references is missing from the built site."""


def kept_pages(branch_ids: Iterable[str], guide_topics: Iterable[str]) -> list[str]:
    """Paths below a language's root of the pages kept offline, in reading order.

    Home, contacts with every branch page and vCard, the guide (contents and topics, as
    ``guide/<name>/``), the register index, the handout and the offline page.
    """
    paths = ["", "contacts/"]
    for bid in branch_ids:
        paths += [f"contacts/{bid}/", f"contacts/{bid}.vcf"]
    paths.append(GUIDE)
    paths += sorted(t for t in guide_topics if t != GUIDE)
    paths += ["register/", "handout/", OFFLINE_PAGE]
    return paths


def guide_topics(site: Path, prefix: str) -> list[str]:
    """The guide topics of one language, from the built site (``guide/<name>/``)."""
    folder = site / prefix / GUIDE
    return sorted(f"{GUIDE}{p.parent.name}/" for p in folder.glob("*/index.html"))


def _file_of(url_path: str) -> str:
    """The file a site path is served from: ``a/`` is ``a/index.html``."""
    return url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path


class _Refs(HTMLParser):
    """The same-origin files a page needs: its stylesheets, scripts, images and icons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and _NEEDED_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in ("script", "img", "source", "audio", "video", "track", "input", "embed"):
            self.urls.append(a.get("src", ""))
        if tag in ("img", "source"):
            for part in a.get("srcset", "").split(","):
                self.urls.append(part.strip().split(" ")[0])
        if tag == "video":
            self.urls.append(a.get("poster", ""))
        if tag == "object":
            self.urls.append(a.get("data", ""))
        if tag in ("image", "use"):  # inline SVG
            self.urls.append(a.get("href", "") or a.get("xlink:href", ""))


def _local(ref: str, base_file: str) -> str | None:
    """A reference resolved to a path below the site root, or None when not same-origin."""
    ref = ref.strip()
    if not ref or ref.startswith("#"):
        return None
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("/"):
        # absolute URLs would depend on the base path, which the site never assumes
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base_file), unquote(parts.path)))
    if path.startswith("../") or path == "..":
        return None
    return path + "/" if parts.path.endswith("/") and path != "." else path


def references(content: bytes, name: str) -> list[str]:
    """The site paths a kept file needs, resolved against its own path ``name``."""
    text = content.decode("utf-8", errors="replace")
    if name.endswith(".html"):
        parser = _Refs()
        parser.feed(text)
        parser.close()
        refs = parser.urls
    elif name.endswith(".css"):
        refs = [m.group(2) or m.group(4) for m in _CSS_URL.finditer(text)]
        refs = [r for r in refs if not r.startswith("data:")]
    elif name.endswith(".webmanifest"):
        refs = [icon.get("src", "") for icon in json.loads(text).get("icons", [])]
    else:
        return []
    found = []
    for ref in refs:
        path = _local(ref, name)
        if path is not None and path != ".":
            found.append(_file_of(path) if path.endswith("/") else path)
    return found


@dataclass(frozen=True)
class Entry:
    """One kept file: the URL the service worker fetches (relative to its folder) and the file."""

    url: str
    path: str  # below the site root
    sha256: str
    size: int
    gzip_size: int


@dataclass(frozen=True)
class Precache:
    """Everything one language keeps offline."""

    lang: str
    entries: tuple[Entry, ...]

    @property
    def version(self) -> str:
        """A hash over every kept URL and its bytes: equal sites give equal versions."""
        h = hashlib.sha256()
        for e in self.entries:
            h.update(f"{e.url}\0{e.sha256}\n".encode())
        return h.hexdigest()[:16]

    @property
    def gzip_size(self) -> int:
        """Bytes of the whole precache, each file gzip-compressed at level 9."""
        return sum(e.gzip_size for e in self.entries)

    @property
    def size(self) -> int:
        """Bytes of the whole precache, uncompressed."""
        return sum(e.size for e in self.entries)


def _url_from(prefix: str, path: str) -> str:
    """The URL of a site path relative to the language root ``prefix`` (``""``, ``"ru/"``)."""
    page = path.removesuffix("index.html")
    rel = posixpath.relpath(page or ".", prefix or ".")
    if page == "" or page.endswith("/"):
        return "./" if rel == "." else rel + "/"
    return rel


# gzip sizes by content digest: the theme's files are the same in every language's
# precache, and compressing them at level 9 was most of the time the precache took
_GZIP_SIZES: dict[str, int] = {}


def _gzip_size(digest: str, content: bytes) -> int:
    """The size of ``content`` gzip-compressed at level 9 (``digest``: its SHA-256)."""
    size = _GZIP_SIZES.get(digest)
    if size is None:
        size = _GZIP_SIZES[digest] = len(gzip.compress(content, compresslevel=9, mtime=0))
    return size


def collect(site: Path, lang: str, prefix: str, pages: Iterable[str]) -> Precache:
    """The precache of one language: its kept pages and every file they need.

    ``prefix`` is the language's folder below the site root ("" for the default one).
    Raises ``PrecacheError`` when a kept page or a file a kept file references is missing.
    """
    todo = [_file_of(prefix + p) for p in pages]
    seen: dict[str, Entry] = {}
    wanted_by: dict[str, str] = {}
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        file = site / path
        if not file.is_file():
            why = f"referenced by {wanted_by[path]}" if path in wanted_by else "a kept page"
            raise PrecacheError(f"{path}: missing from the built site ({why})")
        content = file.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        seen[path] = Entry(
            url=_url_from(prefix, path),
            path=path,
            sha256=digest,
            size=len(content),
            gzip_size=_gzip_size(digest, content),
        )
        for ref in references(content, path):
            if ref not in seen:
                wanted_by.setdefault(ref, path)
                todo.append(ref)
    return Precache(lang, tuple(seen.values()))


def site_precaches(
    site: Path, langs: list[str], default: str, branch_ids: list[str]
) -> dict[str, Precache]:
    """The precache of every language of a built site (the default language at the root)."""
    found = {}
    for lang in langs:
        prefix = "" if lang == default else f"{lang}/"
        pages = kept_pages(branch_ids, guide_topics(site, prefix))
        found[lang] = collect(site, lang, prefix, pages)
    return found


__all__ = [
    "BUDGET_GZIP_BYTES",
    "OFFLINE_PAGE",
    "RUNTIME_BUDGET_BYTES",
    "Entry",
    "Precache",
    "PrecacheError",
    "collect",
    "guide_topics",
    "kept_pages",
    "references",
    "site_precaches",
]
