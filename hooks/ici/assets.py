"""The site's one stylesheet and one theme script, put together at build time.

The first paint needs a single small request: the theme's stylesheets and ours are joined
into one file (``assets/stylesheets/ici.<hash>.css``), named by a hash of its content so a
static host may cache it for ever. The theme's script and our site-wide script are joined
the same way (``assets/javascripts/ici.<hash>.js``) and loaded with ``defer``.

Material 9.8's script fetches ``sitemap.xml`` next to every ``<link rel=alternate>`` of a
page (other languages, feeds, exports) to map a reader to the same page after a language
switch; only the site root has one, so every page view asked for 3-5 missing files. Our
language links already lead to the same page, so the joined script leaves that call out
(``THEME_SITEMAP_CALL``); a theme upgrade that changes it stops the build with a message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Material 9.8.1's start-up call of its "stay on page" language-switch helper
THEME_SITEMAP_CALL = "ui({document$:ct});"

# the theme's files, relative to its assets folder, then ours (overrides/assets/). Not the
# theme's palette.css: it only holds the named colour schemes, and ici.css sets our own.
THEME_CSS = ("stylesheets/main.57a0d79d.min.css",)
SITE_CSS = (
    "stylesheets/ici-content.css",
    "stylesheets/ici.css",
    "stylesheets/search.css",
    "stylesheets/register.css",
    "stylesheets/events.css",
    "stylesheets/ici-handout.css",
)
THEME_JS = "javascripts/bundle.a5f9d56c.min.js"
SITE_JS = ("javascripts/lang-switch.js",)


class AssetError(Exception):
    """A theme file is missing or no longer looks as this module expects."""


@dataclass(frozen=True)
class Asset:
    """One joined file: its path below the site root and its bytes."""

    path: str
    content: bytes


def fingerprinted(folder: str, stem: str, ext: str, content: bytes) -> Asset:
    """``folder/stem.<first 10 hex digits of sha256>.ext`` with ``content``."""
    digest = hashlib.sha256(content).hexdigest()[:10]
    return Asset(f"{folder}/{stem}.{digest}.{ext}", content)


def join_css(parts: Iterable[tuple[str, str]]) -> bytes:
    """Join stylesheets (name, text) in order; each starts on its own line with its name.

    All of them live in ``assets/stylesheets/``, so relative ``url()``s keep working.
    """
    out = [f"/* {name} */\n{text.rstrip()}\n" for name, text in parts]
    return "".join(out).encode("utf-8")


def strip_sitemap_probe(bundle: str) -> str:
    """The theme's script without the call that fetches ``sitemap.xml`` next to alternates."""
    count = bundle.count(THEME_SITEMAP_CALL)
    if count != 1:
        raise AssetError(
            f"the theme's script has {count} copies of {THEME_SITEMAP_CALL!r}, expected 1: "
            "check hooks/ici/assets.py against the installed Material version"
        )
    return bundle.replace(THEME_SITEMAP_CALL, "")


def join_js(bundle: str, parts: Iterable[tuple[str, str]]) -> bytes:
    """The theme's script (probe removed), then ours, each a complete classic script."""
    out = [strip_sitemap_probe(bundle).rstrip() + "\n"]
    out += [f";/* {name} */\n{text.rstrip()}\n" for name, text in parts]
    return "".join(out).encode("utf-8")


def _read(dirs: list[Path], rel: str) -> str:
    for folder in dirs:
        path = folder / rel
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise AssetError(f"assets/{rel}: not found in the theme folders {[str(d) for d in dirs]}")


def build_assets(theme_assets: list[Path]) -> tuple[Asset, Asset]:
    """The joined stylesheet and script, from the theme's asset folders (ours first)."""
    css = join_css((rel, _read(theme_assets, rel)) for rel in (*THEME_CSS, *SITE_CSS))
    js = join_js(
        _read(theme_assets, THEME_JS), ((rel, _read(theme_assets, rel)) for rel in SITE_JS)
    )
    return (
        fingerprinted("assets/stylesheets", "ici", "css", css),
        fingerprinted("assets/javascripts", "ici", "js", js),
    )
