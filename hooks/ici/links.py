"""Links from Markdown to generated record pages: ``[text](service:ici-legal-consultation)``.

Every such link is checked against the data before the build, so a link to a missing id
fails with the file and line instead of leaving a dead link on the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path as FsPath

from .dataset import Dataset
from .pages import KINDS, record_path
from .problems import Problem

# scheme in a Markdown link -> page kind: a kind's name is its scheme (ici.kinds)
SCHEMES = {name: name for name in KINDS}
_LINK = re.compile(r"\]\((?P<scheme>[a-z]+):(?P<id>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")
_FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)


def _without_code(text: str) -> str:
    """The text with fenced code blocks blanked (newlines kept): examples are not links."""
    return _FENCED.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _known(ds: Dataset, kind: str) -> set[str]:
    return set(ds.collection(KINDS[kind].collection)) if kind in KINDS else set()


def check_links(docs_dir: FsPath, ds: Dataset, root: FsPath) -> list[Problem]:
    """A problem for every record link whose id is not in the data."""
    problems: list[Problem] = []
    for md in sorted(docs_dir.rglob("*.md")):
        text = _without_code(md.read_text(encoding="utf-8"))
        for m in _LINK.finditer(text):
            scheme, rid = m["scheme"], m["id"]
            if scheme not in SCHEMES:
                continue
            kind = SCHEMES[scheme]
            if rid not in _known(ds, kind):
                line = text.count("\n", 0, m.start()) + 1
                where = md.relative_to(root).as_posix() if md.is_relative_to(root) else str(md)
                problems.append(
                    Problem(
                        where,
                        line,
                        f"link {scheme}:{rid}",
                        f"expected the id of a {scheme} in the data, got {rid!r}",
                        "ref.link",
                    )
                )
    return problems


def resolve_links(markdown: str, to_url: Callable[[str], str]) -> str:
    """Replace record links by URLs; ``to_url`` turns a site path into a page-relative URL."""

    def repl(m: re.Match[str]) -> str:
        if m["scheme"] not in SCHEMES:
            return m.group(0)
        path = record_path(SCHEMES[m["scheme"]], m["id"])
        return f"]({to_url(path)}{m['anchor'] or ''})"

    return _LINK.sub(repl, markdown)
