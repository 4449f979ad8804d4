"""Generated record pages as MkDocs files that mkdocs-static-i18n understands.

The i18n plugin's own ``on_files`` cannot handle generated files, so these are added
after it (priority -110) for the language being built, with the attributes it would have
set: locale, alternates for the switcher and hreflang, and the sitemap list.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ici.pages import PageSpec, record_pages

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


def _file(config: MkDocsConfig, lang: str, spec: PageSpec) -> File:
    slug = spec.path.rstrip("/")
    f = File.generated(config, f"{lang}/{slug}.md", content=spec.stub(lang))
    f.dest_uri = f"{lang_prefix(config, lang)}{spec.path}index.html"
    f.locale = f.localization = f.locale_alternate_of = lang
    f.norm_src_uri = f"{slug}.md"
    # record pages are reached from listings; in the nav they would grow every page
    f.inclusion = InclusionLevel.NOT_IN_NAV
    return f


def add_record_pages(files: Files, config: MkDocsConfig) -> Files:
    """Append a page per record for the current language, linked to its translations."""
    plugin = i18n(config)
    lang = current_lang(config)
    sitemap = plugin.i18n_files_per_language[lang]
    for spec in record_pages(state().dataset):
        alternates = {code: _file(config, code, spec) for code in plugin.build_languages}
        page = alternates[lang]
        page.alternates = alternates
        RecordPage(None, page, config)  # MkDocs keeps a file's page once it has one
        files.append(page)
        sitemap.append(page)
    return files
