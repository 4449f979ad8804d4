"""Figures of the national-scale benchmark (issue 20) beside the build's own.

- ``page_sizes``: the register index of each language, the largest HTML pages and the
  largest event and course listing pages, gzip;
- ``filtered_view_bytes``: everything a browser fetches to show the register filtered by
  one region and one topic from a shared link (headless Chromium, gzip as GitHub Pages
  serves, no service worker);
- ``check_stats``: ``make check`` on the synthetic data, wall time and peak memory;
- ``serve_rebuild``: ``mkdocs serve``, then one service edited: seconds until the
  rebuild has finished.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FILTERED = "register/?region=latgale&category=work"
# what ``make serve`` runs (Makefile), and the word the benchmark's edit adds
SERVE_FLAGS = ("--strict", "--dirty")
EDIT = "Labots."


def _gzip(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_sizes(site: Path, langs: list[str], default: str) -> dict[str, Any]:
    """Register index per language and the largest pages, gzip level 6 (as hosts send)."""
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    # the largest by gzip size is among the largest on disk: compress only those
    biggest = sorted(pages, key=lambda p: p.stat().st_size, reverse=True)[:40]
    top = max(biggest, key=_gzip)
    index = {
        lang: _gzip(site / ("" if lang == default else f"{lang}/") / "register" / "index.html")
        for lang in langs
    }
    return {
        "register_index_gzip": index,
        "largest_page": str(top.relative_to(site)),
        "largest_page_gzip": _gzip(top),
        "largest_page_bytes": top.stat().st_size,
        "listings_gzip": listing_sizes(site, langs, default),
    }


def listing_sizes(site: Path, langs: list[str], default: str) -> dict[str, Any]:
    """The event and course listings: the largest index and the largest listing page
    (``events/upcoming/2/``...) over the languages, gzip."""
    out: dict[str, Any] = {}
    for section in ("events", "courses"):
        roots = [site / ("" if lang == default else lang) / section for lang in langs]
        indexes = [r / "index.html" for r in roots]
        parts = ("upcoming", "archive")
        paged = [p for r in roots for part in parts for p in r.glob(f"{part}/**/index.html")]
        index = max(indexes, key=_gzip)
        out[section] = {"index": str(index.relative_to(site)), "index_gzip": _gzip(index)}
        if paged:
            page = max(paged, key=_gzip)
            out[section].update(page=str(page.relative_to(site)), page_gzip=_gzip(page))
        out[section]["pages"] = len(paged)
    return out


def filtered_view_bytes(site: Path, langs: list[str], default: str) -> dict[str, Any] | None:
    """Bytes fetched (gzip) to show ``register/?region=latgale&category=work`` in full."""
    from bench import gzserve
    from browserkit import HEADLESS_SHELL, chromium
    from searchbench import _size

    if not Path(HEADLESS_SHELL).exists():
        return None
    out: dict[str, Any] = {}
    with chromium() as browser, gzserve.serve(site) as base:
        for lang in langs:
            context = browser.new_context(service_workers="block")
            finished: list[Any] = []

            def keep(request: Any, into: list[Any] = finished) -> None:
                into.append(request)

            context.on("requestfinished", keep)
            page = context.new_page()
            url = base + ("" if lang == default else f"{lang}/") + FILTERED
            page.goto(url, wait_until="networkidle", timeout=120000)
            page.wait_for_selector("[data-ici-register]:not([aria-busy])", state="attached")
            page.wait_for_load_state("networkidle")
            shown = page.locator("[data-ici-register] [data-ici-service]:visible").count()
            out[lang] = {
                "total": sum(_size(r) for r in finished),
                "files": len(finished),
                "cards_shown": shown,
                "status": page.locator("[data-ici-status]").text_content(),
            }
            context.close()
    return out


def check_stats(root: Path) -> dict[str, Any]:
    """``make check`` (``python -m ici.check``) on the project copy: time and memory."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    cmd = [sys.executable, str(ROOT / "bench" / "measure.py"), sys.executable, "-m", "ici.check"]
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout)
    return {k: result[k] for k in ("returncode", "wall_s", "peak_mib", "tree_peak_mib")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _edit_one_service(root: Path) -> None:
    """Change the Latvian description of one synthetic service (svc-00010)."""
    path = root / "data" / "services.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("id: svc-00010")
    at = text.index("description:", at)
    line = text.index("lv: ", at) + len("lv: ")
    path.write_text(text[:line] + EDIT + " " + text[line:], encoding="utf-8")


def _served(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as response:
        return response.read().decode("utf-8")


def serve_rebuild(root: Path, env: dict[str, str], timeout: float = 900) -> dict[str, Any]:
    """Start ``mkdocs serve`` as ``make serve`` does, edit one service, time the rebuild.

    ``rebuild_s``: from the edit until the build's last line ("Documentation built in"),
    when every page, export and feed is written; the edited page is then fetched from the
    server and must show the edit. ``search_s``: until the search index of the edit is in
    place ("Pagefind: Indexed", in the background under ``--dirty``).
    """
    port = _free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "-a", f"127.0.0.1:{port}"]
    # no __pycache__ written into the watched hooks/ folder of the fresh copy: it would
    # trigger a second build of its own, counted as the edit's
    env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append((time.monotonic(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(pattern: str, since: int) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for i in range(since, len(lines)):
                if re.search(pattern, lines[i][1]):
                    return i
            if proc.poll() is not None:
                break
            time.sleep(0.1)
        tail = "".join(text for _, text in lines[-30:])
        raise RuntimeError(f"mkdocs serve: no {pattern!r}:\n{tail}")

    try:
        first = wait_for(r"Serving on", 0)
        first_build = lines[first][0] - lines[0][0] if lines else 0.0
        first_search = wait_for(r"Pagefind: Indexed", 0)
        time.sleep(2)  # the watcher settles
        mark = len(lines)
        _edit_one_service(root)
        edited = time.monotonic()
        wait_for(r"Detected file changes|Building documentation", mark)
        built = wait_for(r"Documentation built in", mark)
        shown = EDIT in _served(port, "register/svc-00010/")
        indexed = wait_for(r"Pagefind: Indexed", built)
        rendered = [t.strip() for _, t in lines[mark:] if "pages rendered again" in t]
        return {
            "rebuild_s": lines[built][0] - edited,
            "search_s": lines[indexed][0] - edited,
            "first_build_s": first_build,
            "first_search_s": lines[first_search][0] - lines[0][0],
            "edit_shown": shown,
            "rendered": rendered[-1] if rendered else None,
            # more than one build after the edit would show here
            "builds_after_edit": sum("Building documentation" in t for _, t in lines[mark:]),
        }
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


__all__ = ["check_stats", "filtered_view_bytes", "page_sizes", "serve_rebuild"]
