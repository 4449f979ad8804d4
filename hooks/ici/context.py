"""The render context: everything a view or an export may use to render one language.

The adapters (``ici_mkdocs``) make one per language build and hand it to every view
(``ici.views``) and export (``ici.outputs``). Views and exports take what they need from
it and read no file themselves: the data and the interface strings were loaded and
validated once, before anything renders (``ici.validate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .dataset import Dataset
from .ui import Strings


@dataclass(frozen=True)
class RenderContext:
    """The dataset, interface strings, language and site paths of one language's build."""

    dataset: Dataset
    strings: Strings
    lang: str
    # where the language's pages live below the site root: "" for the default, "ru/"
    prefix: str = ""

    @property
    def built_at(self) -> datetime:
        """The build time ("now" of every view), the dataset's."""
        return self.dataset.built_at

    def text(self, key: str) -> str:
        """The interface string ``key`` in this context's language (in Latvian where the
        language's strings file lacks it, as ``ici.ui.Strings`` gives it)."""
        return self.strings.get(key, self.lang)
