"""Every content page lists its sources in its front matter (``sources:``, as records do).

Guide, news, About and home pages are hand-written: an editor must say where their facts
come from. Listing pages whose content is generated from ``data/`` (``ici_list: events``
and the like) show the records' own sources and need none. The problems are reported by
``make check`` and stop ``mkdocs build`` (``ici.dataset.load_dataset`` collects them).
"""

from __future__ import annotations

from pathlib import Path as FsPath

from .frontmatter import split_front_matter
from .languages import languages
from .problems import Problem
from .schema_check import SCHEMA_DIR, schema_problems
from .yamlsource import parse_text

# listings built from data/: their records carry the sources
GENERATED_LISTINGS = frozenset(
    {"branches", "status", "events", "courses", "news", "handout", "services"}
)
MISSING = (
    "expected a list of sources in the front matter (title, publisher, published), got nothing"
)


def page_problems(path: FsPath, display: str, schema_dir: FsPath) -> list[Problem]:
    """The source problems of one Markdown page (none for a generated listing)."""
    # a byte order mark (some editors save one) is not part of the text
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    front, _, _ = split_front_matter(text)
    if front is None or not front.strip():
        return [Problem(display, 1, "sources", MISSING, "source.page_missing")]
    src, problems = parse_text(front, display, ())
    if src.data is None or not isinstance(src.data, dict):
        return []  # the content check words broken front matter
    if src.data.get("ici_list") in GENERATED_LISTINGS or src.data.get("ici_offline"):
        return []  # the offline page states no facts of its own: its numbers come from data/
    if "sources" not in src.data:
        return [Problem(display, 2, "sources", MISSING, "source.page_missing")]
    return problems + schema_problems(src, "page", schema_dir)


def page_sources_problems(root: FsPath, docs: FsPath | None = None) -> list[Problem]:
    """Source problems of every page under ``docs/<lang>/`` (``root/docs`` by default)."""
    docs = docs if docs is not None else root / "docs"
    own = root / "schemas"
    schema_dir = own if (own / "page.schema.json").is_file() else SCHEMA_DIR
    problems: list[Problem] = []
    for lang in languages(root):
        for md in sorted((docs / lang).rglob("*.md")):
            try:
                display = md.relative_to(root).as_posix() if md.is_relative_to(root) else str(md)
                problems.extend(page_problems(md, display, schema_dir))
            except UnicodeDecodeError:
                continue  # the content check reports a file that is not UTF-8
    return problems
