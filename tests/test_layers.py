"""Layers of hooks/ici only import downwards: data -> validation -> views and exports ->
commands, with views and exports side by side (neither imports the other); and no module
imports inside a function to dodge a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sitebuild import ROOT

CORE = ROOT / "hooks" / "ici"

# data: loading, schemas and the checks the loader runs; the declarations and vocabularies
DATA = {
    "clock",
    "context",
    "crosscheck",
    "crosscheck.figures",
    "crosscheck.languages",
    "crosscheck.records",
    "crosscheck.refs",
    "crosscheck.schedules",
    "crosscheck.services",
    "crosscheck.values",
    "dataset",
    "eventtime",
    "frontmatter",
    "examples",
    "fmt",
    "gitdates",
    "glossary",
    "holiday_days",
    "kinds",
    "languages",
    "lifecycle",
    "news",
    "ordinals",
    "pages",
    "paths",
    "problems",
    "provenance",
    "provenance_check",
    "rrule_check",
    "schema_check",
    "synonyms",
    "text",
    "textguard",
    "ui",
    "vocab",
    "yamlcompose",
    "yamlfacts",
    "yamlshare",
    "yamlsource",
}
# validation of the content and of the data against the content (the one validation phase)
VALIDATION = {
    "content_check",
    "hints",
    "links",
    "markup",
    "page_sources",
    "text_warnings",
    "ui_keys",
    "validate",
}
# shared by views and exports: words, places, JSON-LD, search entries, the translation report
SHARED = {
    "chart_svg",
    "paging",
    "places",
    "precache",
    "register",
    "register_pages",
    "search",
    "site_config",
    "jsonld",
    "timed_pages",
    "translation_model",
    "translation_status",
    "translation_text",
}
EXPORTS = {
    "calendar_ics",
    "chunks",
    "exports_csv",
    "exports_hsds",
    "news_feed",
    "outputs",
    "vcard",
    "assets",
    "csp",
    "pagefind_files",
    "search_terms",
    "pagefind_split",
    "precache",
    "service_worker",
    "theme_markup",
    "webapp",
}
# serve_deps: what each page of a `mkdocs serve --dirty` rebuild shows (views and exports)
COMMANDS = {"check", "yamlfmt", "serve_deps", ""}
LAYERS = [DATA, VALIDATION, SHARED, EXPORTS, COMMANDS]  # views: beside EXPORTS
VIEWS = 3  # the rank of views (and of exports)


def _module(path: Path) -> str:
    name = path.relative_to(CORE).with_suffix("").as_posix().replace("/", ".")
    return name.removesuffix(".__init__") if name != "__init__" else ""


def _rank(module: str) -> tuple[int, str]:
    if module == "views" or module.startswith("views."):
        return VIEWS, "views"
    for rank, layer in enumerate(LAYERS):
        if module in layer:
            return rank, "exports" if layer is EXPORTS else ""
    raise AssertionError(f"hooks/ici/{module}: add the module to a layer in {__file__}")


def _imports(path: Path) -> list[tuple[ast.stmt, str]]:
    """Every import of a hooks/ici module in ``path``, as ``(node, module name)``."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = package.split(".") if package else []
            base = parts[: len(parts) - (node.level - 1)]
            if node.module:
                found.append((node, ".".join([*base, node.module])))
            else:
                found.extend((node, ".".join([*base, a.name])) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ici."):
            found.append((node, node.module.removeprefix("ici.")))
    return found


SOURCES = sorted(CORE.rglob("*.py"))


def upward_imports(path: Path, module: str) -> list[str]:
    """``file:line: ...`` for every import in ``path`` (module ``module``) that goes up,
    or across between views and exports."""
    rank, side = _rank(module)
    found = []
    for node, target in _imports(path):
        if target in ("views", "") and module in ("views", ""):
            continue  # a package's own __init__
        their_rank, their_side = _rank(target)
        where = f"{path.name}:{node.lineno}"
        if their_rank > rank:
            found.append(f"{where}: {module} imports {target}, a higher layer")
        elif rank == their_rank == VIEWS and side != their_side:
            found.append(f"{where}: {module} imports {target} (views and exports are apart)")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_imports_only_go_down(path: Path) -> None:
    assert upward_imports(path, _module(path)) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_no_late_imports(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    late = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top
    ]
    assert late == []


def test_the_rule_finds_an_upward_and_a_sideways_import() -> None:
    """The rule itself: a data module importing a view, a view importing an export."""
    data = CORE / "dataset.py"
    assert upward_imports(data, "dataset") == []
    view = CORE / "views" / "events.py"
    assert upward_imports(view, "views.events") == []
    # the same files, read as if they were lower (or exports): their imports now go up
    assert any("a higher layer" in p for p in upward_imports(view, "pages"))
    assert any("are apart" in p for p in upward_imports(view, "calendar_ics"))


# Views and exports render what the render context (ici.context) holds: they read no file
# and find no project folder of their own (the status page's report, from the project's git
# history, is made by the adapter after loading).
RENDERERS = sorted(
    path
    for path in SOURCES
    if _module(path).startswith("views.")
    or _module(path)
    in EXPORTS - {"assets", "pagefind_files", "pagefind_split", "precache", "service_worker"}
    or _module(path) in {"jsonld", "places", "register", "register_pages", "timed_pages"}
)
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "glob", "rglob"}
PROJECT_NAMES = {"PROJECT_ROOT", "CODE_ROOT", "__file__"}


def file_access(path: Path) -> list[str]:
    """``file:line: ...`` for every file read or write, and every reference to the project
    folder (``PROJECT_ROOT``, ``__file__``, ``ds.root``) in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in FILE_CALLS:
                found.append(f"{where}: calls {name}()")
        elif isinstance(node, ast.Name) and node.id in PROJECT_NAMES:
            found.append(f"{where}: uses {node.id}")
        elif isinstance(node, ast.ImportFrom) and any(a.name in PROJECT_NAMES for a in node.names):
            found.append(f"{where}: imports {', '.join(a.name for a in node.names)}")
        elif isinstance(node, ast.Attribute) and node.attr == "root":
            found.append(f"{where}: uses .root")
    return sorted(found)


@pytest.mark.parametrize("path", RENDERERS, ids=lambda p: p.relative_to(CORE).as_posix())
def test_views_and_exports_read_no_file(path: Path) -> None:
    assert file_access(path) == []


def test_the_file_rule_finds_reads_and_the_project_folder(tmp_path: Path) -> None:
    """The rule itself, on a module written the way views must not be."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from ..ui import CODE_ROOT\n"
        "def view(ds, lang):\n"
        "    text = (ds.root / 'data' / 'strings.yaml').read_text()\n"
        "    with open(PROJECT_ROOT / 'x') as f:\n"
        "        return f.read() + text\n",
        encoding="utf-8",
    )
    assert file_access(bad) == [
        "bad.py:1: imports CODE_ROOT",
        "bad.py:3: calls read_text()",
        "bad.py:3: uses .root",
        "bad.py:4: calls open()",
        "bad.py:4: uses PROJECT_ROOT",
    ]
    # every view and export is checked
    assert {"views.events", "exports_hsds", "calendar_ics"} <= {_module(p) for p in RENDERERS}
