"""A Content-Security-Policy ``<meta>`` for every page: same-origin scripts and styles only.

Inline scripts are allowed by their SHA-256 hashes, never by ``'unsafe-inline'``, and only
the ones our templates write: the theme's inline scripts are written through
``OwnScripts.write`` (``{% call ici_script() %}`` in overrides/partials/javascripts/),
which records each script's hash. A script that reaches a page any other way (an editor's
Markdown, a data field) gets no hash and the browser refuses to run it.
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


class OwnScripts:
    """The inline scripts the templates have written (their hash sources)."""

    def __init__(self) -> None:
        self.hashes: set[str] = set()

    def write(self, script: str) -> str:
        """``<script>`` markup for one of our own inline scripts, remembered as allowed."""
        if _SCRIPT_CLOSE.search(script):
            raise ValueError("an inline script cannot contain </script")
        self.hashes.add(sha256_source(script))
        return f"<script>{script}</script>"


OWN_SCRIPTS = OwnScripts()


def policy_for(html: str, own: OwnScripts = OWN_SCRIPTS) -> str:
    """The policy of one page: the hashes of its inline scripts that our templates wrote."""
    hashes = sorted({sha256_source(s) for s in inline_scripts(html)} & own.hashes)
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def with_csp(html: str, own: OwnScripts = OWN_SCRIPTS) -> str:
    """The page with its CSP ``<meta>`` right after ``<meta charset>``, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, own)}">'
    m = _CHARSET.search(html)
    if m is None:
        return html
    return html[: m.end()] + meta + html[m.end() :]
