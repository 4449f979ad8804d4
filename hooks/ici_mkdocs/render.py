"""Template environment and page context for generated and listing pages."""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ici.links import resolve_links
from ici.pages import find_record
from ici.views import LIST_VIEWS, RECORD_VIEWS

from .state import current_lang, i18n, state


def _autoescape(name: str | None) -> bool:
    # Our templates present data from YAML: escape everything they print. The theme's
    # own templates print pre-rendered HTML (page.content) and keep their setting.
    return bool(name) and name.startswith("ici/")


def prepare_env(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """Escape by default in ``overrides/ici/`` and give templates the ``ui`` strings."""
    env.autoescape = _autoescape
    strings = state().strings
    lang = current_lang(config)
    env.globals["ui"] = lambda key: strings.get(key, lang)
    return env


def _lang_prefix(config: MkDocsConfig, lang: str) -> str:
    return "" if lang == i18n(config).default_language else f"{lang}/"


def page_linker(page: Page, config: MkDocsConfig, lang: str | None = None):
    """``link(path)``: a URL relative to ``page`` for a site path in the page's language."""
    prefix = _lang_prefix(config, lang or current_lang(config))

    def link(path: str) -> str:
        url = get_relative_url(prefix + path, page.url)
        return url if url.endswith("/") or "." in url.rsplit("/", 1)[-1] else url + "/"

    return link


def source_linker(page: Page, config: MkDocsConfig):
    """``link(path)`` for Markdown: the generated page's source file, relative to ``page``'s.

    MkDocs checks relative links in Markdown against source files and fails ``--strict``
    on anything else, so a record link must name the generated ``<lang>/<path>.md`` file;
    MkDocs then writes its URL. The current language's file is named even when ``page`` is
    a Latvian fallback, because only that language's generated files exist in this build.
    """
    lang = current_lang(config)

    def link(path: str) -> str:
        return get_relative_url(f"{lang}/{path.rstrip('/')}.md", page.file.src_uri)

    return link


def resolve_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Turn ``service:<id>`` and similar links into links to the record's page."""
    return resolve_links(markdown, source_linker(page, config))


def fill_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add the view model of a record page or a listing page to its template context."""
    meta = page.meta
    lang = current_lang(config)
    ds = state().dataset
    if "ici_kind" in meta:
        kind, rid = meta["ici_kind"], meta["ici_id"]
        find_record(ds, kind, rid)  # fails loudly on a stale stub
        context.update(RECORD_VIEWS[kind](ds, rid, lang))
    elif "ici_list" in meta:
        context.update(LIST_VIEWS[meta["ici_list"]](ds, lang))
    context["lang"] = lang
    context["link"] = page_linker(page, config)
    _relative_alternates(page, config)
    return context


def _relative_alternates(page: Page, config: MkDocsConfig) -> None:
    # mkdocs-static-i18n leaves root-absolute links ("/ru/") on home pages, which break
    # under a base path; point every language link at the alternate file instead.
    alternates = getattr(page.file, "alternates", None) or {}
    # the plugin assigns config.extra.alternate as an attribute, which templates read
    for alt in getattr(config.extra, "alternate", None) or []:
        target = alternates.get(alt["lang"])
        if target is not None:
            alt["link"] = target.url or "./"
