"""The one front matter reader: the same ``---`` block MkDocs reads (mkdocs.utils.meta).

A page whose front matter this does not find is a page whose front matter MkDocs ignores, so
the checks and the build agree on what a page's fields are.
"""

from __future__ import annotations

import re

# mkdocs.utils.meta.YAML_RE
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(front matter or None, body, line number where the body starts)``.

    The front matter starts with a line break, so YAML line numbers are the file's.
    """
    m = FRONT_MATTER.match(text)
    if m is None:
        return None, text, 1
    return "\n" + m.group(1), text[m.end() :], text.count("\n", 0, m.end()) + 1
