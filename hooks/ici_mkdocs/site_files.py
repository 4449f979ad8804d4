"""Files beside the pages (exports, calendars, feeds) and whole-site fixes after the build."""

from __future__ import annotations

from pathlib import Path as FsPath

from mkdocs.config.defaults import MkDocsConfig

from ici.chunks import Content
from ici.outputs import iter_generator_outputs, iter_language_outputs, named_generators

from . import dirty
from .state import current_lang, i18n, is_first_build, lang_prefix, state


def keep_404(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Remember the default language's 404 page; each language build overwrites it."""
    if template_name == "404.html" and current_lang(config) == i18n(config).default_language:
        state().template_404["root"] = output
    return output


def restore_404(config: MkDocsConfig) -> None:
    """Write the default language's 404 page back to the site root."""
    saved = state().template_404.get("root")
    if saved is not None:
        FsPath(config.site_dir, "404.html").write_text(saved, encoding="utf-8")


def _write(config: MkDocsConfig, lang: str) -> None:
    prefix = lang_prefix(config, lang)
    site = FsPath(config.site_dir)
    ctx = state().context(lang, prefix)
    if not dirty.enabled():
        for path, content in iter_language_outputs(ctx):
            _write_file(site / prefix / path, content)
        return
    # mkdocs serve --dirty: only the generators whose data changed (see ``dirty``)
    ran = set()
    for name, files in iter_generator_outputs(ctx, dirty.output_changed):
        ran.add(name)
        for path, content in files.items():
            _write_file(site / prefix / path, content)
        dirty.note_output(lang, name, [str(site / prefix / path) for path in files])
    for name, _ in named_generators():
        if name not in ran:
            dirty.note_output(lang, name, None)


def _write_file(target: FsPath, content: Content) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
        return
    with target.open("wb") as out:  # an export at scale: a chunk at a time
        for chunk in content:
            out.write(chunk)


def write_language_files(config: MkDocsConfig) -> None:
    """Write the exports, calendars and other files of the language just built.

    In the build's own process, a chunk at a time (``ici.chunks``): a forked writer beside
    the rendering saved 20 s at 10,000 services, but held a second copy of the loaded data
    in its resident memory while the pages grew the build's.
    """
    # The default language's on_post_build runs last, after mkdocs-static-i18n has built
    # the others and left current_language at the last of them: use the default.
    first = is_first_build(config)
    _write(config, i18n(config).default_language if first else current_lang(config))
