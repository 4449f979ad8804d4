"""Template environment and page context for generated and listing pages."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path as FsPath
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ici import csp, markup
from ici.content_check import page_markup_problems
from ici.languages import DEFAULT_LANG
from ici.links import resolve_links
from ici.ordinals import escape_ordinals
from ici.pages import find_record
from ici.problems import Problem
from ici.provenance import provenance_view
from ici.ui import Strings, strings_file
from ici.views import LIST_VIEWS, TIMED_VIEWS, record_view
from ici.views.contacts import badge_strings, hotlines
from ici.views.register_listing import listing_view

from .state import current_lang, i18n, lang_prefix, state, stop_on_markup
from .template_cache import BYTECODE, Fragments, fragment_key


def _autoescape(name: str | None) -> bool:
    # Our templates present data from YAML: escape everything they print. The theme's
    # own templates print pre-rendered HTML (page.content) and keep their setting.
    return bool(name) and name.startswith("ici/")


def _ui(strings: Strings, key: str, lang: str) -> str:
    # a key built from data (e.g. a category) that lv.yaml lacks: a message, no traceback
    try:
        return strings.get(key, lang)
    except KeyError as exc:
        raise PluginError(f"{strings_file(strings.default)}: {key}: {exc.args[0]}") from None


def prepare_env(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """Escape by default in ``overrides/ici/``; give templates ``ui`` strings and hotlines."""
    env.autoescape = _autoescape
    # compile each template once per process, not once per language build
    env.bytecode_cache = BYTECODE
    env.globals["ici_fragment"] = Fragments()  # new for each language build
    env.globals["ici_script"] = _own_script
    strings = state().strings
    lang = current_lang(config)
    ctx = state().context(lang, lang_prefix(config, lang))
    env.globals["ui"] = lambda key: _ui(strings, key, lang)
    # the demonstration build (make demo) says on every page that its events are examples
    env.globals["ici_demo"] = state().demo
    # hotlines for the footer of every page and the home page; badge texts for the script
    env.globals["ici_hotlines"] = hotlines(ctx)
    env.globals["ici_hours_strings"] = badge_strings(ctx)
    return env


def _own_script(caller: Any) -> str:
    """``{% call ici_script() %}...{% endcall %}``: an inline script of our templates,
    allowed by the page's CSP (ici.csp)."""
    return csp.OWN_SCRIPTS.write(str(caller()))


def page_linker(page: Page, config: MkDocsConfig, lang: str | None = None):
    """``link(path)``: a URL relative to ``page`` for a site path in the page's language."""
    prefix = lang_prefix(config, lang or current_lang(config))

    def link(path: str) -> str:
        url = get_relative_url(prefix + path, page.url)
        last = url.rsplit("/", 1)[-1]
        # a folder gets its slash; "." and ".." (a language's home) are folders too
        return url if url.endswith("/") or ("." in last and last not in (".", "..")) else url + "/"

    return link


def resolve_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Turn ``service:<id>`` and similar links into links to the record page's source.

    MkDocs then resolves them like any page link: the right language (the i18n plugin
    falls back to the page of the language being built), a URL relative to the page, and
    no "unrecognized relative link" warning, which a directory URL would get in --strict.
    """
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    base = posixpath.dirname(src) or "."

    def to_source(path: str) -> str:
        return posixpath.relpath(path.rstrip("/") + ".md", base)

    return resolve_links(markdown, to_source)


def latvian_ordinals(markdown: str, page: Page) -> str:
    """Latvian text keeps "2017. gada" as written instead of a list (:mod:`ici.ordinals`).

    ``file.locale`` is the language of the Markdown file, so a Latvian page shown as the
    fallback of a missing translation is fixed too.
    """
    if getattr(page.file, "locale", None) == DEFAULT_LANG:
        return escape_ordinals(markdown)
    return markdown


NEWS_DEFAULTS = {"template": "ici/news_item.html", "ici_list": "news_item"}


def news_defaults(page: Page) -> None:
    """A news item needs only ``date`` and ``description`` in its front matter."""
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    if src.startswith("news/") and src != "news/index.md":
        for key, value in NEWS_DEFAULTS.items():
            page.meta.setdefault(key, value)


def fill_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add the view model of a record page or a listing page to its template context."""
    meta = page.meta
    lang = current_lang(config)
    ctx = state().context(lang, lang_prefix(config, lang))
    ds = ctx.dataset
    if "ici_kind" in meta:
        kind, rid = meta["ici_kind"], meta["ici_id"]
        find_record(ds, kind, rid)  # fails loudly on a stale stub
        context.update(record_view(kind)(ctx, rid))
    elif "ici_register_page" in meta:
        context.update(listing_view(ctx, meta["ici_register_page"]))
    elif "ici_timed_page" in meta:
        where = meta["ici_timed_page"]
        context.update(TIMED_VIEWS[where[0]](ctx, where))
    elif "ici_list" in meta:
        context.update(LIST_VIEWS[meta["ici_list"]](ctx))
    if "provenance" not in context and meta.get("sources"):
        # a content page: its front matter lists the sources (checked by ici.content_check)
        context["provenance"] = provenance_view(meta["sources"], lang, ds.built_at)
    context["lang"] = lang
    context["link"] = page_linker(page, config)
    # record pages are the many; a hand-written page keeps Material's own rendering
    generated = any(k in meta for k in ("ici_kind", "ici_register_page", "ici_timed_page"))
    context["ici_fragment_key"] = fragment_key(page) if generated else None
    _relative_alternates(page, config)
    context["ici_hreflang"] = hreflang_links(page, config)
    return context


def hreflang_links(page: Page, config: MkDocsConfig) -> list[dict[str, str]]:
    """The page in every language as absolute URLs, and x-default for the default one."""
    alternates = getattr(page.file, "alternates", None) or {}
    site_url = config.site_url or ""
    if not site_url or not alternates:
        return []
    site_url = site_url if site_url.endswith("/") else site_url + "/"

    def absolute(f: Any) -> str:
        return site_url + ("" if f.url in ("", "./") else f.url.removeprefix("/"))

    links = [{"lang": lang, "href": absolute(f)} for lang, f in sorted(alternates.items())]
    default = alternates.get(i18n(config).default_language)
    if default is not None:
        links.append({"lang": "x-default", "href": absolute(default)})
    return links


def _relative_alternates(page: Page, config: MkDocsConfig) -> None:
    # mkdocs-static-i18n leaves root-absolute links ("/ru/") on home pages, which break
    # under a base path; point every language link at the alternate file instead.
    alternates = getattr(page.file, "alternates", None) or {}
    # the plugin assigns config.extra.alternate as an attribute, which templates read
    for alt in getattr(config.extra, "alternate", None) or []:
        target = alternates.get(alt["lang"])
        if target is not None:
            alt["link"] = target.url or "./"


def guard_content(content: str, page: Page, config: MkDocsConfig) -> None:
    """Stop the build if a page's HTML as built holds markup the content check forbids.

    The check before the build (ici_mkdocs.state) renders the same Markdown with the same
    extensions and should have stopped it already: this is the second line of defence."""
    src = page.file.abs_src_path
    if not content or src is None or not markup.html_findings(content):
        return
    docs = FsPath(config.docs_dir).resolve()
    problems = page_markup_problems(state().root, docs, FsPath(src).resolve(), content)
    fallback = Problem(
        f"docs/{page.file.src_uri}", 0, "", "expected Markdown without active HTML", "markup.html"
    )
    stop_on_markup(problems or [fallback])


def plain_title(page: Page) -> None:
    """Make a title taken from the page's first heading plain text, as front matter titles
    are: the theme's templates escape every title they print (overrides/partials/)."""
    title = getattr(page, "_title_from_render", None)
    if title:
        page._title_from_render = html.unescape(title)
