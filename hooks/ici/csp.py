"""A Content-Security-Policy ``<meta>`` for every page: same-origin scripts and styles only.

The theme's inline scripts are allowed by their SHA-256 hashes, computed from the page
as written, never by ``'unsafe-inline'``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

# Pagefind needs WebAssembly and a blob: worker; the offline service worker and the web app
# manifest are our own files; nothing is ever loaded from elsewhere.
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-src 'none'"
)
_SCRIPT_OPEN = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not JSON or JSON-LD blocks)."""
    found = []
    for m in _SCRIPT_OPEN.finditer(html):
        attrs = m.group(1)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        close = _SCRIPT_CLOSE.search(html, m.end())
        end = close.start() if close else -1
        found.append(html[m.end() : end])
    return found


@lru_cache(maxsize=1024)  # the theme's scripts repeat on every page
def sha256_source(script: str) -> str:
    """A CSP hash source for one inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_for(html: str) -> str:
    """The policy of one page, allowing exactly its own inline scripts."""
    hashes = sorted({sha256_source(s) for s in inline_scripts(html)})
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def with_csp(html: str) -> str:
    """The page with its CSP ``<meta>`` right after ``<meta charset>``, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    m = _CHARSET.search(html)
    if m is None:
        return html
    return html[: m.end()] + meta + html[m.end() :]
