"""Per-build state: the data is loaded and validated once, not once per language."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ici.context import RenderContext
from ici.dataset import YAML_FACTS, Dataset, gc_paused
from ici.examples import DATA, EXAMPLES, is_demo
from ici.hints import hint_for
from ici.problems import Problem
from ici.translation_model import REPORT_KEY
from ici.translation_status import translation_report
from ici.ui import Strings
from ici.validate import validate
from ici.views import LIST_VIEWS

from . import dirty


@dataclass
class SiteState:
    """What every hook of one build (all languages) shares."""

    root: FsPath
    dataset: Dataset
    strings: Strings
    # True in the demonstration build (make demo): example events and courses, banner
    demo: bool = False
    template_404: dict[str, str] = field(default_factory=dict)
    # the render context of each language, made once (see context())
    contexts: dict[str, RenderContext] = field(default_factory=dict)

    def context(self, lang: str, prefix: str) -> RenderContext:
        """The render context of one language: what its views and exports receive."""
        ctx = self.contexts.get(lang)
        if ctx is None:
            ctx = self.contexts[lang] = RenderContext(self.dataset, self.strings, lang, prefix)
        return ctx


_state: SiteState | None = None


def i18n(config: MkDocsConfig):
    """The mkdocs-static-i18n plugin instance."""
    return config.plugins["i18n"]


def is_first_build(config: MkDocsConfig) -> bool:
    """True in the default-language build, which drives the other two."""
    return not i18n(config).building


def current_lang(config: MkDocsConfig) -> str:
    """The language being built."""
    return i18n(config).current_language


def lang_prefix(config: MkDocsConfig, lang: str) -> str:
    """Where a language's pages live below the site root: "" for the default, "ru/"."""
    return "" if lang == i18n(config).default_language else f"{lang}/"


def with_hints(problems: Sequence[Problem], where: str = "the data") -> str:
    """The problem list for the build's log, each with the "how to fix" of ``make check``."""
    count = len(problems)
    out = [f"{count} problem{'s' if count != 1 else ''} in {where}:"]
    for problem in problems:
        out += [str(problem), f"    how to fix: {hint_for(problem)}"]
    return "\n".join(out)


def load(config: MkDocsConfig) -> SiteState:
    """Validate and load data, strings and content for a new build (the same validation
    phase as ``make check``), or reuse them inside the same build."""
    global _state
    if _state is not None and not is_first_build(config):
        return _state
    root = FsPath(config.config_file_path).resolve().parent
    demo = is_demo(config.extra)
    with gc_paused():
        found = validate(
            root, LIST_VIEWS, EXAMPLES if demo else DATA, FsPath(config.docs_dir).resolve()
        )
        if found.problems or found.dataset is None or found.strings is None:
            raise PluginError(with_hints(found.problems))
        _state = SiteState(root, found.dataset, found.strings, demo=demo)
        # the status page's report, from the project's files and git history; the last
        # reader of the data files' YAML facts, so they go before the pages render
        facts = found.dataset.derived.pop(YAML_FACTS, None)
        found.dataset.derived[REPORT_KEY] = translation_report(root, facts=facts)
        dirty.new_build(root, (DATA, EXAMPLES) if demo else (DATA,), found.dataset)
        # The data lives until the build ends: out of the collector's sight, its full
        # passes while pages are rendered stay short (and none runs right after loading).
        gc.freeze()
    return _state


def stop_on_markup(problems: Sequence[Problem]) -> None:
    """Stop the build when a page's Markdown would put markup or script into the site."""
    if problems:
        raise PluginError(with_hints(sorted(set(problems)), "the content"))


def finish() -> None:
    """After the whole build (all languages): let the collector see everything again."""
    gc.unfreeze()


def state() -> SiteState:
    """The state of the running build."""
    assert _state is not None, "on_config has not run"
    return _state
