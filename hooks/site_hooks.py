"""MkDocs hooks: thin adapters from MkDocs events to the pure core in ``hooks/ici``."""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ici import csp
from ici.theme_markup import fix_theme_markup
from ici_mkdocs import dirty as serve_dirty
from ici_mkdocs import (
    generated,
    offline,
    pagefind_after,
    render,
    search_index,
    site_assets,
    site_files,
    timing,
)
from ici_mkdocs.state import finish, is_first_build, load


def on_startup(command: str, dirty: bool) -> None:
    serve_dirty.start(command, dirty)
    # mkdocs build: the site is built in a child process, Pagefind runs after it ends
    pagefind_after.split(command, search_index.index_site, search_index.OUTPUT_SUBDIR)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search_index.stop_background()  # mkdocs serve --dirty: the previous build's index
    with timing.phase("load_validate"):
        load(config)
    return config


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    offline.on_files(files, config)
    serve_dirty.render_hand_written(files)
    with timing.phase("generate_pages"):
        files = generated.add_record_pages(files, config)
    serve_dirty.note_pages(files)
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env = render.prepare_env(env, config)
    env = site_assets.prepare_env(env, config)
    return search_index.prepare_env(env, config)


# A page's render time is two spans: reading (on_pre_page to on_page_content, for every
# page first) and building (on_page_context to on_post_page: view, template, CSP).
@event_priority(100)
def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    timing.begin("render")
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    render.news_defaults(page)
    markdown = render.latvian_ordinals(markdown, page)
    return render.resolve_markdown(markdown, page, config)


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    render.guard_content(html, page, config)
    render.plain_title(page)
    timing.end("render")
    return html


@event_priority(-50)  # after mkdocs-static-i18n has set the language switcher links
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    timing.begin("render")
    with timing.phase("render.views"):
        context = render.fill_context(context, page, config)
        context = offline.add_context(context, page, config, nav)
        return search_index.add_search_context(context, page, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    with timing.phase("render.csp"):
        output = csp.with_csp(fix_theme_markup(output))
    timing.end("render")
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        output = csp.with_csp(fix_theme_markup(output))
    return site_files.keep_404(output, template_name, config)


@event_priority(-120)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    with timing.phase("generate_files"):
        site_files.write_language_files(config)
        search_index.write_terms(config)
    if is_first_build(config):
        site_files.restore_404(config)
        site_assets.write(config)
        with timing.phase("offline"):
            offline.write_site(config)  # reads the built pages: after every language
        # every language is built now: index the whole site once
        serve_dirty.finish_build()
        with timing.phase("pagefind"):
            search_index.run_pagefind(config)
        finish()
        timing.write()


def on_build_error(error: Exception) -> None:
    finish()  # a failed build (mkdocs serve goes on) must not leave its data frozen
    serve_dirty.failed_build()


def on_shutdown() -> None:
    search_index.stop_background()
