"""Whole-site fixes after the last language is built."""

from __future__ import annotations

from pathlib import Path as FsPath

from mkdocs.config.defaults import MkDocsConfig

from ici.outputs import language_outputs

from .state import current_lang, i18n, is_first_build, state


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


def write_language_files(config: MkDocsConfig) -> None:
    """Write the exports, calendars and other files of the language just built."""
    # The default language's on_post_build runs last, after mkdocs-static-i18n has built
    # the others and left current_language at the last of them: use the default there.
    lang = i18n(config).default_language if is_first_build(config) else current_lang(config)
    prefix = "" if lang == i18n(config).default_language else f"{lang}/"
    site = FsPath(config.site_dir)
    for path, content in language_outputs(state().dataset, lang).items():
        target = site / prefix / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
