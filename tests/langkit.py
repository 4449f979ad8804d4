"""Languages in tests: a mkdocs.yml with chosen languages, and the interface strings as
tests read them (section -> key -> language -> shown text)."""

from __future__ import annotations

import functools
from pathlib import Path

from ici.languages import languages
from ici.ui import load_strings

ROOT = Path(__file__).resolve().parents[1]


def strings_by_section(root: Path = ROOT) -> dict[str, dict[str, dict[str, str]]]:
    """Every interface string in every configured language, as readers see it (a string a
    language lacks is the Latvian one)."""
    strings = load_strings(root)
    out: dict[str, dict[str, dict[str, str]]] = {}
    for key in strings.table:
        section, name = key.split(".", 1)
        out.setdefault(section, {})[name] = {
            lang: strings.get(key, lang) for lang in languages(root)
        }
    return out


@functools.cache
def _strings() -> dict[str, dict[str, dict[str, str]]]:
    return strings_by_section()


def ui_string(key: str, lang: str) -> str:
    """The interface string ``section.name`` in ``lang`` as readers see it."""
    section, name = key.split(".", 1)
    return _strings()[section][name][lang]


def mkdocs_yml(*codes: str) -> str:
    """A minimal mkdocs.yml naming ``codes`` (the first the default): enough for the check,
    the loader and the translation status of a fixture project."""
    entries = "".join(
        f"        - locale: {code}\n          name: {code}\n"
        + ("          default: true\n" if i == 0 else "")
        for i, code in enumerate(codes)
    )
    return f"site_name: Fixture\nplugins:\n  - i18n:\n      languages:\n{entries}"


def with_language(mkdocs_text: str, code: str, name: str) -> str:
    """mkdocs.yml with one more language at the end of the i18n list (no strings, no pages)."""
    entry = f"        - locale: {code}\n          name: {name}\n          build: true\n"
    head, sep, tail = mkdocs_text.partition("\nnav:\n")
    assert sep, "mkdocs.yml has no nav: after the plugins"
    return head.rstrip("\n") + "\n" + entry + sep + tail
