"""Offline reading: the manifest link on every page, the offline page, and after the last
language the icons, manifests and service workers (pure logic: ``ici.precache``,
``ici.service_worker``, ``ici.webapp``, ``ici.views.offline``)."""

from __future__ import annotations

import logging
from pathlib import Path as FsPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ici.precache import GUIDE, OFFLINE_PAGE, PrecacheError, site_precaches
from ici.service_worker import SW_NAME, service_worker
from ici.views.offline import offline_view
from ici.webapp import MANIFEST, icon_files, manifest

from .state import current_lang, i18n, lang_prefix, state

log = logging.getLogger("mkdocs.plugins.ici.offline")

# the documentation files of each language build, for the offline page's titles
_files: dict[str, Files] = {}


def on_files(files: Files, config: MkDocsConfig) -> None:
    """Remember the language's pages; keep the offline page out of the sitemap."""
    lang = current_lang(config)
    _files[lang] = files
    offline_url = lang_prefix(config, lang) + OFFLINE_PAGE
    per_lang = i18n(config).i18n_files_per_language
    per_lang[lang] = [f for f in per_lang.get(lang, []) if f.url != offline_url]


def _titles(nav: Any, files: Files, prefix: str) -> dict[str, str]:
    """Page titles by path below the language root: as the menu names its entries (a
    section by its first page), then every other page by its own title."""
    titles: dict[str, str] = {}
    for item in getattr(nav, "items", []):
        page = item.children[0] if getattr(item, "children", None) else item
        url = getattr(page, "url", None)
        if url is not None and item.title and url.startswith(prefix):
            titles[url.removeprefix(prefix)] = item.title
    for f in files.documentation_pages():
        if f.page is not None and f.page.title and f.url.startswith(prefix):
            titles.setdefault(f.url.removeprefix(prefix), f.page.title)
    return titles


def add_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Every page links its language's manifest; the offline page gets its lists."""
    link = context["link"]
    context["ici_manifest"] = link(MANIFEST)
    if (page.meta or {}).get("ici_offline"):
        lang = current_lang(config)
        prefix = lang_prefix(config, lang)
        titles = _titles(nav, _files[lang], prefix)
        topics = [p for p in titles if p.startswith(GUIDE) and p.count("/") == 2]
        context.update(offline_view(state().context(lang, prefix), titles, topics))
    return context


def _write(path: FsPath, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def write_site(config: MkDocsConfig) -> None:
    """After every language is built: icons, each language's manifest and service worker.

    The service worker's precache is read from the built pages, so this runs last.
    """
    plugin = i18n(config)
    site = FsPath(config.site_dir)
    strings = state().strings
    langs = list(plugin.build_languages)
    for path, content in icon_files().items():
        _write(site / path, content)
    for lang in langs:
        prefix = lang_prefix(config, lang)
        text = {k: strings.get(f"app.{k}", lang) for k in ("name", "short_name", "description")}
        to_root = "../" * prefix.count("/")
        _write(site / prefix / MANIFEST, manifest(lang, **text, to_root=to_root))
    try:
        precaches = site_precaches(
            site, langs, plugin.default_language, list(state().dataset.branches)
        )
    except PrecacheError as exc:
        raise PluginError(f"Offline precache: {exc}") from None
    for lang, precache in precaches.items():
        prefix = lang_prefix(config, lang)
        others = [] if prefix else [f"{other}/" for other in langs if other != lang]
        _write(site / prefix / SW_NAME, service_worker(precache, others))
        log.info(
            "Offline %s: %d files, %d bytes gzip (version %s)",
            lang,
            len(precache.entries),
            precache.gzip_size,
            precache.version,
        )
