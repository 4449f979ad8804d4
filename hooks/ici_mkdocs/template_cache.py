"""Work the templates would repeat on every page and language, done once.

- ``BYTECODE``: each language build gets a new Jinja environment, which would compile every
  template again; compiled templates are kept for the process instead.
- ``Fragments``: theme blocks that are the same on many record pages (the navigation
  sidebars, the footer, Material's script configuration) are rendered once per folder in
  each language build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

import jinja2
from mkdocs.structure.pages import Page


class _SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the process.

    Each language build gets a new environment, which would compile every template again;
    a bucket is keyed by template name and source checksum, so an edited template (under
    ``mkdocs serve``) is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


BYTECODE = _SharedBytecode()


# Relative URLs in rendered HTML: any attribute value starting "./" or "../name/" (links,
# scripts, data-* URLs), and the empty or query-only links of URL attributes
_RELATIVE = re.compile(r'="(\.\.?/[^"]*)"')
_URL_ATTR = re.compile(r'\b(?:href|src|srcset|action|formaction|poster)="(|\.|\?[^"]*)"')
_SIBLING = re.compile(r"\.\./([^/?#]+)/")


def _relative_targets(html: str) -> tuple[set[str], bool]:
    """Sibling page names that ``html`` links to, and whether it links to its own page."""
    siblings: set[str] = set()
    own = _URL_ATTR.search(html) is not None
    for value in _RELATIVE.findall(html):
        if value.startswith("./"):
            own = True
        elif m := _SIBLING.match(value):
            siblings.add(m.group(1))
    return siblings, own


class Fragments:
    """Theme fragments that many pages share, rendered once per folder in one language build.

    ``ici_fragment(block, key, render)`` in ``overrides/main.html``: ``key`` is a page's
    (folder, name) from :func:`fragment_key`. Relative links from any page of a folder
    are the same, except links to the page itself or to a sibling of the first page: a
    fragment that links to its own page is not shared, and a page that the shared
    fragment links to renders its own.
    """

    def __init__(self) -> None:
        self._shared: dict[tuple[str, str], tuple[str, set[str]]] = {}

    def __call__(self, block: str, key: tuple[str, str], render: Callable[[], str]) -> str:
        folder, name = key
        shared = self._shared.get((block, folder))
        if shared is not None and name not in shared[1]:
            return shared[0]
        html = render()
        if shared is None:
            siblings, own = _relative_targets(str(html))
            if not own:
                self._shared[(block, folder)] = (html, siblings)
        return html


def fragment_key(page: Page) -> tuple[str, str] | None:
    """(folder, name) of a page whose sidebars and footer may be shared, else None.

    Pages outside the nav with no table of contents and no previous/next links render the
    same navigation, table of contents and footer, up to their relative links.
    """
    shared = (
        not page.toc.items
        and page.parent is None
        and page.previous_page is None
        and page.next_page is None
        and not (page.meta or {}).get("hide")
        and page.file.inclusion.is_not_in_nav()
    )
    if not shared:
        return None
    folder, name = posixpath.split((page.url or "").rstrip("/"))
    return folder, name
