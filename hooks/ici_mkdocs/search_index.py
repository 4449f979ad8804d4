"""Search with Pagefind: page context for the index attributes, and the indexer run.

Pagefind indexes the built HTML, so it runs once, after the last language is built
(``on_post_build`` of the first build, see ``site_hooks``), over the whole site. It splits
the index by ``<html lang>``; only ``data-pagefind-body`` content is indexed, which
``overrides/main.html`` puts on the article of every page in its own language.
"""

from __future__ import annotations

import functools
import json
import logging
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path as FsPath
from subprocess import PIPE
from typing import Any

import jinja2
import pagefind_bin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ici.pagefind_files import ENTRY, PagefindFormatError, stabilize
from ici.pagefind_split import language_tree, merge_bundle
from ici.search import SearchSpecError, client_strings, excluded, normalize
from ici.search_terms import search_terms
from ici.views.listing_help import info_line

from . import background, dirty, pagefind_after
from .state import current_lang, i18n, is_first_build, lang_prefix, state

log = logging.getLogger("mkdocs.plugins.ici.search")

# Pagefind writes its bundle here, below the site root (one folder for all languages).
OUTPUT_SUBDIR = "pagefind"
# the search box's synonyms and place names, below each language's root (ici.search_terms)
TERMS_FILE = "search/terms.json"
# Pagefind's ready-made interfaces, which the site does not use (search.js calls the JS
# API): about 420 KB that no page loads, removed from the output.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def prepare_env(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """Give templates ``search_strings()``: the search box's words in the language built."""
    strings = state().strings
    lang = current_lang(config)
    keys = list(strings.table)
    # the same words on every page of the language: worked out once, on first use
    words = functools.cache(lambda: client_strings(keys, lambda k: strings.get(k, lang)))
    env.globals["search_strings"] = words
    env.globals["search_terms_file"] = TERMS_FILE
    # the no-result help offers the information line only while a current one exists
    env.globals["search_info_line"] = info_line(state().dataset, lang)
    return env


def write_terms(config: MkDocsConfig) -> None:
    """Write ``search/terms.json`` of the language just built (see ``site_files``)."""
    plugin = i18n(config)
    lang = plugin.default_language if is_first_build(config) else current_lang(config)
    prefix = lang_prefix(config, lang)
    content = search_terms(state().context(lang, prefix), list(plugin.build_languages))
    target = FsPath(config.site_dir) / prefix / TERMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _site_path(page: Page, config: MkDocsConfig) -> str:
    lang = current_lang(config)
    return (page.url or "").removeprefix(lang_prefix(config, lang))


def add_search_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add ``search`` (a ``SearchInfo``) and ``search_indexed`` to a page's context.

    A fallback page (the lv text under another language's URL) and a page with
    ``search_exclude: true`` stay out of the index: the lv text is indexed once, in lv.
    """
    lang = current_lang(config)
    meta = page.meta or {}
    strings = state().strings
    try:
        info = normalize(
            context.get("search"),
            path=_site_path(page, config),
            front_matter=meta,
            lang=lang,
            translate=lambda key: strings.get(key, lang),
        )
        exclude = excluded(meta)
    except (SearchSpecError, KeyError) as exc:
        where = (
            FsPath(page.file.abs_src_path).relative_to(state().root).as_posix()
            if page.file.abs_src_path
            else page.url
        )
        raise PluginError(f"{where}: {exc.args[0]}") from None
    fallback = getattr(page.file, "locale", lang) != lang
    context["search"] = info
    context["search_indexed"] = not fallback and not exclude
    return context


def run_pagefind(config: MkDocsConfig) -> None:
    """Index the whole built site, once per build, into ``site/pagefind/``.

    One Pagefind run per language over that language's pages only, merged into one
    bundle (``ici.pagefind_split``): Pagefind holds what it indexes in memory, so the peak
    is one language's, not the whole site's. Under ``mkdocs build`` the build's parent
    process does it once the build has ended (``pagefind_after``). Under ``mkdocs serve
    --dirty`` the index is made in the background (``background``): the pages are served
    at once, the search keeps the previous index until the new one is ready.
    """
    site = FsPath(config.site_dir)
    plugin = i18n(config)
    prefixes = {lang: lang_prefix(config, lang).rstrip("/") for lang in plugin.build_languages}
    if pagefind_after.deferred(site, prefixes):
        return  # mkdocs build: the parent process indexes once this one has ended
    if dirty.enabled():
        background.start(lambda job: _index_in_background(site, prefixes, job))
        log.info(
            "Pagefind: indexing in the background; the search shows the previous build's "
            "index until the counts of this one are logged"
        )
        return
    # the same summary as one run over the whole site gives
    log.info("Pagefind: %s", index_site(site, prefixes, site / OUTPUT_SUBDIR))


def stop_background() -> None:
    """Stop a background index of the previous build (a new build starts, or serve ends)."""
    background.stop()


def _index_in_background(site: FsPath, prefixes: dict[str, str], job: background.Job) -> None:
    """Index into a new bundle beside the site, then put it in place of the old one."""
    started = time.monotonic()
    work = FsPath(tempfile.mkdtemp(prefix=".ici-pagefind-bundle-", dir=site.parent))
    try:
        summary = index_site(site, prefixes, work / "new", job)
        job.check()
        bundle = site / OUTPUT_SUBDIR
        if bundle.exists():
            bundle.rename(work / "old")
        (work / "new").rename(bundle)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("Pagefind: %s (%.1f s, in the background)", summary, time.monotonic() - started)


def index_site(
    site: FsPath, prefixes: dict[str, str], bundle: FsPath, job: background.Job | None = None
) -> str:
    """Index ``site`` into ``bundle``, one Pagefind run per language; the summary.

    ``job``: a background job, whose Pagefind runs it may stop.
    """
    # a bundle left by an earlier build (mkdocs build --dirty) would be merged into
    shutil.rmtree(bundle, ignore_errors=True)
    others = {p for p in prefixes.values() if p} | {OUTPUT_SUBDIR}
    langs = list(prefixes.items())
    counts: dict[str, int] = {}
    # One thread copies the next language's pages and removes the last one's while Pagefind
    # indexes a language: the copies are small files, Pagefind's memory stays one language's.
    with (
        tempfile.TemporaryDirectory(prefix=".ici-pagefind-", dir=site.parent) as work,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="ici-pagefind-files") as files,
    ):

        def tree_of(i: int) -> tuple[FsPath, int]:
            lang, prefix = langs[i]
            tree = FsPath(work, f"{lang}-site")
            return tree, language_tree(site, prefix, others - {prefix}, tree)

        removed = []
        upcoming = files.submit(tree_of, 0) if langs else None
        for i, (lang, _) in enumerate(langs):
            tree, pages = upcoming.result()
            upcoming = files.submit(tree_of, i + 1) if i + 1 < len(langs) else None
            if not pages:
                continue
            part = FsPath(work, f"{lang}-bundle")
            stdout = _pagefind(tree, part, job)
            removed.append(files.submit(shutil.rmtree, tree))
            for line in stdout.splitlines():
                words = line.strip().split()
                if len(words) == 3 and words[0] == "Indexed" and words[1].isdigit():
                    what = words[2] if words[2].endswith("s") else words[2] + "s"
                    counts[what] = counts.get(what, 0) + int(words[1])
            try:
                merge_bundle(part, bundle)
            except ValueError as exc:
                raise PluginError(f"Pagefind output not understood: {exc}") from None
        for done in removed:
            done.result()
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    try:
        # Pagefind 1.5 writes some lists in a random order: the same site, the same bytes
        stabilize(bundle)
    except PagefindFormatError as exc:
        raise PluginError(f"Pagefind output not understood: {exc}") from None
    counts["languages"] = len(json.loads((bundle / ENTRY).read_text("utf-8"))["languages"])
    order = ["languages", *(k for k in counts if k != "languages")]
    return "; ".join(f"Indexed {counts[k]} {k}" for k in order)


def _pagefind(site: FsPath, output: FsPath, job: background.Job | None = None) -> str:
    """Run Pagefind over ``site`` into ``output``; its standard output."""
    # the binary itself: ``python -m pagefind_bin`` starts an interpreter only to exec it
    cmd = [str(pagefind_bin.get_executable()), "--site", str(site), "--output-path", str(output)]
    # cwd: the folder holds no pagefind.yml, so only these arguments apply
    proc = subprocess.Popen(cmd, cwd=site, stdout=PIPE, stderr=PIPE, text=True)
    if job is not None:
        job.running(proc)
    stdout, stderr = proc.communicate()
    if job is not None:
        job.check()
    if proc.returncode != 0:
        raise PluginError(f"Pagefind failed ({proc.returncode}):\n{stdout}{stderr}")
    return stdout
