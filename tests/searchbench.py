"""Bytes a browser fetches to answer one search query (for tests and the size benchmark).

``query_bytes`` opens a page in a fresh browser context (empty cache), waits until it has
loaded, then types the query into the search box and records every response from then
until the results are shown: Pagefind's script, worker and WebAssembly, the language's
entry and meta files, and the index chunks and fragments the query needs. The page's own
load (HTML, theme, search.js) is counted apart, as ``page``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# file name pattern -> category, checked in order
CATEGORIES = (
    ("pagefind-entry.json", "entry"),
    ("pagefind-worker.js", "worker"),
    ("pagefind.js", "pagefind.js"),
    (".pagefind", "wasm"),
    (".pf_meta", "meta"),
    (".pf_index", "index chunks"),
    (".pf_fragment", "fragments"),
    (".pf_filter", "filters"),
    ("terms.json", "terms"),
)


def category(url: str) -> str:
    """The benchmark category of one fetched URL."""
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    for pattern, label in CATEGORIES:
        if name.endswith(pattern):
            return label
    return "other"


@dataclass
class QueryBytes:
    """Bytes (headers and body as transferred) by category, and the files fetched."""

    query: str
    by_category: dict[str, int] = field(default_factory=dict)
    files: list[tuple[str, int]] = field(default_factory=list)
    page: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    def report(self) -> str:
        """A few lines for the test log."""
        parts = ", ".join(f"{k} {v:,}" for k, v in sorted(self.by_category.items()))
        return (
            f"first query {self.query!r}: {self.total:,} bytes in {len(self.files)} files "
            f"({parts}); the page itself: {self.page:,} bytes"
        )


def _size(request: Any) -> int:
    sizes = request.sizes()
    body = int(sizes["responseBodySize"])
    # Chromium reports no body size for a worker's own script: use its Content-Length
    response = request.response()
    length = response.headers.get("content-length") if response else None
    if length is not None:
        body = max(body, int(length))
    return body + max(0, int(sizes["responseHeadersSize"]))


def query_bytes(browser: Any, url: str, query: str, timeout_ms: int = 15000) -> QueryBytes:
    """Open ``url`` in a fresh context, search ``query`` once, and count what was fetched."""
    # no service worker: its fetches would count every file twice (the page's request and
    # the worker's), and its offline precache is not part of a query (see hooks/ici/precache)
    context = browser.new_context(service_workers="block")
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        result = QueryBytes(query, page=sum(_size(r) for r in finished))
        loaded = len(finished)
        page.click("#ici-search-input")
        page.keyboard.type(query)
        page.wait_for_function(
            "q => document.querySelector('[data-ici-search-panel]')"
            ".getAttribute('data-ici-search-done') === q",
            arg=query,
            timeout=timeout_ms,
        )
        page.wait_for_load_state("networkidle")
        for request in finished[loaded:]:
            size = _size(request)
            result.files.append((request.url, size))
            label = category(request.url)
            result.by_category[label] = result.by_category.get(label, 0) + size
        return result
    finally:
        context.close()
