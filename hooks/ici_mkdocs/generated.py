"""Generated record pages as MkDocs files that mkdocs-static-i18n understands.

The i18n plugin's own ``on_files`` cannot handle generated files, so these are added
after it (priority -110) for the language being built, with the attributes it would have
set: locale, alternates for the switcher and hreflang, and the sitemap list.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ici.pages import record_pages
from ici.register_pages import PAGING_KEY, Paging, listing_specs
from ici.timed_pages import SECTIONS, paging_from_extra, set_paging, timed_specs
from ici.views import register_listing, timed_listing
from ici.vocab import REGIONS

from . import dirty
from .dirty import RecordFile
from .state import current_lang, i18n, lang_prefix, state


class RecordPage(Page):
    """A generated record page. Its Markdown is front matter only (the template renders the
    record), so there is nothing to convert: no Markdown converter is set up for it."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            super().render(config, files)
            return
        # what converting an empty document gives, without building a converter per page
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def _file(config: MkDocsConfig, lang: str, path: str, stub: str) -> RecordFile:
    slug = path.rstrip("/")
    f = RecordFile.generated(config, f"{lang}/{slug}.md", content=stub)
    f.dest_uri = f"{lang_prefix(config, lang)}{path}index.html"
    f.locale = f.localization = f.locale_alternate_of = lang
    f.norm_src_uri = f"{slug}.md"
    # record pages are reached from listings; in the nav they would grow every page
    f.inclusion = InclusionLevel.NOT_IN_NAV
    return f


def add_record_pages(files: Files, config: MkDocsConfig) -> Files:
    """Append a page per record, and the register's listing pages, for the current language."""
    plugin = i18n(config)
    lang = current_lang(config)
    for spec in record_pages(state().dataset):
        page = _add(files, config, {c: (spec.path, spec.stub(c)) for c in plugin.build_languages})
        if not dirty.page_changed(spec.kind, spec.record_id):
            # ``mkdocs serve --dirty`` leaves the page as the previous build wrote it (see
            # ``dirty``) and reads nothing of it: what reading the stub would give
            page.changed = False
            assert page.page is not None
            page.page.markdown, page.page.meta = "", spec.meta(lang)
    _add_register_listings(files, config)
    _add_timed_listings(files, config)
    return files


def _add(files: Files, config: MkDocsConfig, stubs: dict[str, tuple[str, str]]) -> RecordFile:
    """One generated page in the language being built, linked to its translations."""
    alternates = {code: _file(config, code, *stub) for code, stub in stubs.items()}
    page = alternates[current_lang(config)]
    page.alternates = alternates
    RecordPage(None, page, config)  # MkDocs keeps a file's page once it has one
    files.append(page)
    i18n(config).i18n_files_per_language[current_lang(config)].append(page)
    return page


def _add_register_listings(files: Files, config: MkDocsConfig) -> None:
    """The register's listing pages: every topic, region and the ended services, paged."""
    ds = state().dataset
    try:
        ds.derived[PAGING_KEY] = paging = Paging.from_extra(config.extra)
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None
    _add_listings(files, config, listing_specs(ds, paging, REGIONS), register_listing.listing_title)


def _add_timed_listings(files: Files, config: MkDocsConfig) -> None:
    """The listing pages of the upcoming and past events and courses, when there are more
    than their index lists."""
    ds = state().dataset
    try:
        set_paging(ds, paging_from_extra(config.extra))
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None
    for section in SECTIONS:
        _add_listings(files, config, timed_specs(ds, section), timed_listing.listing_title)


def _add_listings(
    files: Files, config: MkDocsConfig, specs: Iterable[Any], title: Callable[..., str]
) -> None:
    """One page per spec (a ``path`` and a ``stub(title)``) in every language, titled by
    ``title(strings, spec, lang)``."""
    strings, ds, lang = state().strings, state().dataset, current_lang(config)
    for spec in specs:
        titles = {
            code: html.escape(title(strings, spec, code)) for code in i18n(config).build_languages
        }
        page = _add(files, config, {code: (spec.path, spec.stub(t)) for code, t in titles.items()})
        if not dirty.listing_changed(ds, lang, spec):
            page.changed = False  # as for a record page (add_record_pages)
            assert page.page is not None
            page.page.markdown, page.page.meta = "", spec.meta(titles[lang])
