"""Scale benchmark: the site from N synthetic records against plain MkDocs on as many pages.

    make bench            # N = 2000
    make bench N=500
    .venv/bin/python -m bench.run --n 500 --runs 2 --json /tmp/bench.json

Builds (a) the site from synthetic data (bench/synthetic.py) at N and at N/10 and (b) a
control: the same pages per language as plain Markdown with the same text, no hooks, the
same Material + i18n configuration, with Material's lunr search. Each build runs
``--runs`` times in a fresh process and the fastest run counts (the machine is shared).
Prints wall times and their ratio, hook time by phase (``ICI_TIMINGS``), output and
per-page bytes, the Pagefind index and the bytes a browser fetches for a first query
(headless Chromium) against Material's ``search_index.json``, and peak memory; ``--json``
writes every figure. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from bench import scale  # noqa: E402
from bench.synthetic import write as write_synthetic  # noqa: E402
from ici.dataset import load_dataset  # noqa: E402
from ici.pages import KINDS  # noqa: E402
from ici.paging import page_slice  # noqa: E402
from ici.precache import BUDGET_GZIP_BYTES, site_precaches  # noqa: E402
from ici.register_pages import Paging, listing_ids, listing_specs  # noqa: E402
from ici.text import LANGS  # noqa: E402
from ici.timed_pages import SECTIONS, timed_order, timed_specs  # noqa: E402
from ici.timed_pages import paging_of as timed_paging  # noqa: E402
from ici.vocab import REGIONS  # noqa: E402
from sitebuild import copy_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
# first searches in each language, one word and a phrase, in words the synthetic texts use
QUERIES = {
    "lv": ("tulks", "uzturēšanās atļauja"),
    "ru": ("переводчик", "вид на жительство"),
    "en": ("interpreter", "residence permit"),
    "uk": ("перекладач", "посвідка на проживання"),
}
TOP_PHASES = ("load_validate", "generate_pages", "generate_files", "render", "offline", "pagefind")


def _measure(cwd: Path, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """One build in a fresh process: wall time, CPU time and peak memory."""
    shutil.rmtree(cwd / "site", ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"]
    # a fresh measuring process per build: ru_maxrss covers only that build's processes
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "measure.py"), *cmd],
        cwd=cwd,
        env={**ENV, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(proc.stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"build failed in {cwd}:\n{result['output_tail']}")
    del result["output_tail"]
    return result


def _best_of(runs: int, cwd: Path, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """The fastest of ``runs`` builds, with every run's wall time."""
    results = []
    for _ in range(runs):
        result = _measure(cwd, extra_env)
        timings = Path((extra_env or {}).get("ICI_TIMINGS", "/nonexistent"))
        if timings.exists():
            result["timings"] = json.loads(timings.read_text(encoding="utf-8"))
        results.append(result)
    best = min(results, key=lambda r: r["wall_s"])
    return {**best, "runs_wall_s": [round(r["wall_s"], 2) for r in results]}


def _html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"]


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _page_stats(site: Path) -> dict[str, Any]:
    pages = _html_pages(site)
    html_bytes = sum(p.stat().st_size for p in pages)
    per_lang = {lang: 0 for lang in LANGS}
    for p in pages:
        first = p.relative_to(site).parts[0]
        per_lang[first if first in per_lang and first != "lv" else "lv"] += 1
    return {
        "pages": len(pages),
        "pages_per_lang": per_lang,
        "total_bytes": _dir_bytes(site),
        "html_bytes": html_bytes,
        "bytes_per_page": html_bytes / max(len(pages), 1),
    }


def _query_bytes(site: Path) -> dict[str, Any] | None:
    """Bytes a browser fetches for a first query in each language (None without Chromium).

    Served twice: as files on disk (``tests/browserkit.serve``) and with gzip for text, as
    GitHub Pages serves the site (``bench/gzserve.py``).
    """
    from bench import gzserve
    from browserkit import HEADLESS_SHELL, chromium, serve
    from searchbench import query_bytes

    if not Path(HEADLESS_SHELL).exists():
        return None
    out: dict[str, Any] = {}
    with chromium() as browser:
        for how, server in (("gzip", gzserve.serve), ("plain", serve)):
            with server(site) as base:
                for lang, queries in QUERIES.items():
                    url = base if lang == "lv" else f"{base}{lang}/"
                    for query in queries:
                        measured = query_bytes(browser, url, query, timeout_ms=60000)
                        out.setdefault(how, []).append(
                            {
                                "lang": lang,
                                "query": query,
                                "total": measured.total,
                                "by_category": measured.by_category,
                                "files": len(measured.files),
                                "page": measured.page,
                            }
                        )
    return out


def _precache_stats(root: Path, site: Path) -> dict[str, dict[str, int]]:
    """Each language's offline precache as the service worker keeps it: files and bytes
    (gzip level 9, the budget's measure), from the built files."""
    branches = list(load_dataset(root).branches)
    found = site_precaches(site, list(LANGS), LANGS[0], branches)
    return {
        lang: {"files": len(p.entries), "bytes": p.size, "gzip_bytes": p.gzip_size}
        for lang, p in found.items()
    }


def build_site(
    work: Path, n: int, runs: int, browser: bool, extras: bool = False
) -> dict[str, Any]:
    """Build the real project with N synthetic records; returns measurements.

    ``extras``: also the register's figures (page sizes, the filtered view in a browser),
    ``make check`` and a rebuild in ``mkdocs serve`` after one service is edited.
    """
    root = copy_project(work)
    write_synthetic(root, n)
    result = _best_of(runs, root, {"ICI_TIMINGS": str(work / "timings.json")})
    site = root / "site"
    result.update(_page_stats(site))
    result["pagefind_bytes"] = _dir_bytes(site / "pagefind")
    result["precache"] = _precache_stats(root, site)
    result["pages_gzip"] = scale.page_sizes(site, list(LANGS), LANGS[0])
    if browser:
        result["first_query"] = _query_bytes(site)
        result["filtered_view"] = scale.filtered_view_bytes(site, list(LANGS), LANGS[0])
    if extras:
        result["check"] = scale.check_stats(root)
        if n <= 2000:
            result["serve"] = scale.serve_rebuild(root, ENV)
    return result


def _record_markdown(record: dict[str, Any], lang: str) -> str:
    lines: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict) and "lv" in value and isinstance(value["lv"], str):
            lines.append(value.get(lang) or value["lv"])
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            lines.append(value)

    walk(record)
    title = lines[0] if lines else record["id"]
    return f"# {title}\n\n" + "\n\n".join(lines[1:]) + "\n"


def write_control(root: Path, synthetic_root: Path) -> None:
    """Plain MkDocs with the same pages and text, no hooks; Material's own search."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search", *config["plugins"]]
    config["plugins"][1]["i18n"]["reconfigure_search"] = True
    config.pop("extra_css", None)
    config.pop("watch", None)
    config["validation"]["nav"]["omitted_files"] = "ignore"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for md in docs.rglob("*.md"):  # hand-written pages without our templates
        text = md.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("---\n", 2)[2]
        md.write_text(text, encoding="utf-8")
    # as the build loads it: on its build day (the event and course listings depend on it)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = ENV["SOURCE_DATE_EPOCH"]
    try:
        ds = load_dataset(synthetic_root)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH")
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    # the register's listing pages (topics, regions, ended): the same number, as lists
    for spec in listing_specs(ds, Paging(), REGIONS):
        for lang in LANGS:
            names = [
                f"- {ds.services[rid]['name'].get(lang) or ds.services[rid]['name']['lv']}"
                for rid in listing_ids(ds, lang, spec, Paging())
            ]
            path = docs / lang / (spec.path.rstrip("/") + ".md")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {spec.path}\n\n" + "\n".join(names) + "\n", encoding="utf-8")
    # the event and course listings' pages (upcoming, archive), when there are many
    for section in SECTIONS:
        order, paging = timed_order(ds, section), timed_paging(ds, section)
        records = ds.collection(section)
        for tspec in timed_specs(ds, section):
            for lang in LANGS:
                titles = [
                    f"- {records[rid]['title'].get(lang) or records[rid]['title']['lv']}"
                    for rid in page_slice(order.part(tspec.part), tspec.page, paging)
                ]
                path = docs / lang / (tspec.path.rstrip("/") + ".md")
                path.parent.mkdir(parents=True, exist_ok=True)
                text = f"# {tspec.path}\n\n" + "\n".join(titles) + "\n"
                path.write_text(text, encoding="utf-8")
    for kind in KINDS.values():
        for rid, record in ds.collection(kind.collection).items():
            for lang in LANGS:
                path = docs / lang / (kind.path.format(id=rid).rstrip("/") + ".md")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_record_markdown(record, lang), encoding="utf-8")


def build_control(work: Path, synthetic_root: Path, runs: int) -> dict[str, Any]:
    """Build the control site; returns measurements."""
    write_control(work, synthetic_root)
    result = _best_of(runs, work)
    result.update(_page_stats(work / "site"))
    index = work / "site" / "search" / "search_index.json"
    data = index.read_bytes() if index.exists() else b""
    result["search_index_bytes"] = len(data)
    # what a browser downloads of it from a host that compresses JSON (as GitHub Pages does)
    result["search_index_gzip_bytes"] = len(gzip.compress(data, compresslevel=6, mtime=0))
    return result


def machine() -> str:
    """CPU model, cores, memory and Python: where the figures come from."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.1f} GiB RAM"
    return (
        f"{model or platform.machine()}, {os.cpu_count()} cores{mem}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def _load() -> str:
    return (
        " ".join(Path("/proc/loadavg").read_text().split()[:3])
        if os.path.exists("/proc/loadavg")
        else "?"
    )


def summary(report: dict[str, Any]) -> list[str]:
    """The headline figures as lines of text."""
    site, small, control = report["site"], report["small"], report["control"]
    timings = site.get("timings", {})
    phases, cpu = timings.get("phases_s", {}), timings.get("phases_cpu_s", {})
    other = site["wall_s"] - sum(phases.get(k, 0.0) for k in TOP_PHASES)
    lines = [
        f"build time ratio: {report['build_time_ratio']:.2f}",
        f"  site {site['wall_s']:.1f} s (runs {site['runs_wall_s']}), control "
        f"{control['wall_s']:.1f} s (runs {control['runs_wall_s']}), N = {report['n']}, "
        f"{site['pages']} pages",
        "  hook phases, wall s (CPU s): "
        + ", ".join(f"{k} {phases.get(k, 0):.2f} ({cpu.get(k, 0):.2f})" for k in TOP_PHASES)
        + f"; of render: views {phases.get('render.views', 0):.2f}, CSP "
        f"{phases.get('render.csp', 0):.2f}; MkDocs and the rest {other:.2f}",
        f"bytes per page: {site['bytes_per_page']:,.0f} at N, {small['bytes_per_page']:,.0f} "
        f"at N/10, ratio {report['bytes_per_page_ratio']:.2f} (control "
        f"{control['bytes_per_page']:,.0f})",
        f"total output: site {site['total_bytes']:,} bytes, control {control['total_bytes']:,}",
        f"search index: Pagefind {site['pagefind_bytes']:,} bytes in all; Material's "
        f"search_index.json {control['search_index_bytes']:,} bytes "
        f"({control['search_index_gzip_bytes']:,} gzipped), all of it fetched by a first query",
    ]
    for how, queries in (site.get("first_query") or {}).items():
        for q in queries:
            parts = ", ".join(f"{k} {v:,}" for k, v in sorted(q["by_category"].items()))
            lines.append(
                f"first query, {how} ({q['lang']}, {q['query']!r}): {q['total']:,} bytes in "
                f"{q['files']} files ({parts})"
            )
    pre = site.get("precache") or {}
    if pre:
        lines.append(
            f"offline precache per language, gzip (budget {BUDGET_GZIP_BYTES:,}): "
            + ", ".join(
                f"{lang} {v['gzip_bytes']:,} bytes in {v['files']} files" for lang, v in pre.items()
            )
            + "; at N/10: "
            + ", ".join(
                f"{lang} {v['gzip_bytes']:,}" for lang, v in small.get("precache", {}).items()
            )
        )
    peak = timings.get("peak_mib", {})
    lines.append(
        f"peak memory: {site.get('tree_peak_mib', 0):.0f} MiB all processes at once "
        f"(PSS {site.get('tree_peak_pss_mib', 0):.0f} MiB); {site['peak_mib']:.0f} MiB largest "
        f"process (mkdocs {peak.get('mkdocs', 0):.0f} MiB, largest child "
        f"{peak.get('child', 0):.0f} MiB); control {control.get('tree_peak_mib', 0):.0f} MiB"
    )
    return lines + scale_summary(site, small)


def scale_summary(site: dict[str, Any], small: dict[str, Any]) -> list[str]:
    """The register's figures (issue 20): page sizes, filtered view, check, serve."""
    lines = []
    sizes, small_sizes = site.get("pages_gzip"), small.get("pages_gzip")
    if sizes:
        index = ", ".join(f"{k} {v:,}" for k, v in sizes["register_index_gzip"].items())
        lines.append(
            f"register/index.html gzip: {index}; at N/10: "
            + ", ".join(
                f"{k} {v:,}" for k, v in (small_sizes or {}).get("register_index_gzip", {}).items()
            )
        )
        lines.append(
            f"largest HTML page: {sizes['largest_page']} {sizes['largest_page_gzip']:,} bytes gzip "
            f"({sizes['largest_page_bytes']:,} on disk)"
        )
        for section, v in sizes.get("listings_gzip", {}).items():
            paged = f", largest of {v['pages']} listing pages {v['page']} {v['page_gzip']:,}"
            lines.append(
                f"{section} listing, largest index {v['index']} {v['index_gzip']:,} bytes gzip"
                + (paged if v["pages"] else ", no listing pages")
            )
    for lang, v in (site.get("filtered_view") or {}).items():
        lines.append(
            f"first filtered view ({lang}, {scale.FILTERED}): {v['total']:,} bytes gzip in "
            f"{v['files']} files, {v['cards_shown']} services shown ({v['status']})"
        )
    if "check" in site:
        c = site["check"]
        lines.append(f"make check: {c['wall_s']:.1f} s, {c['tree_peak_mib']:.0f} MiB peak")
    if "serve" in site:
        v = site["serve"]
        lines.append(
            f"mkdocs serve --dirty: rebuild after one service edited {v['rebuild_s']:.1f} s, "
            f"search index {v['search_s']:.1f} s (first build {v['first_build_s']:.1f} s, "
            f"its search index {v['first_search_s']:.1f} s); edit served: {v['edit_shown']}; "
            f"{v['rendered']}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description="ICI scale benchmark")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument(
        "--runs", type=int, help="builds per site; the best counts (2, or 1 from N = 5000)"
    )
    parser.add_argument("--keep", type=Path, help="keep the build folders here")
    parser.add_argument("--json", type=Path, help="also write the full report here")
    parser.add_argument("--no-browser", action="store_true", help="skip the query bytes")
    args = parser.parse_args()
    args.runs = args.runs or (2 if args.n < 5000 else 1)
    base = args.keep or Path(tempfile.mkdtemp(prefix="ici-bench-"))
    for name in ("site", "small", "control"):
        shutil.rmtree(base / name, ignore_errors=True)
        (base / name).mkdir(parents=True)
    load_before = _load()
    # make check always; mkdocs serve's rebuild at N <= 2000 (the size for it)
    site = build_site(base / "site", args.n, args.runs, not args.no_browser, extras=True)
    small = build_site(base / "small", max(args.n // 10, 1), args.runs, False)
    control = build_control(base / "control", base / "site", args.runs)
    report = {
        "machine": machine(),
        "load_average": {"before": load_before, "after": _load()},
        "command": f"make bench N={args.n} (python -m bench.run --n {args.n} --runs {args.runs})",
        "n": args.n,
        "site": site,
        "small": small,
        "control": control,
        "build_time_ratio": site["wall_s"] / control["wall_s"],
        "bytes_per_page_ratio": site["bytes_per_page"] / small["bytes_per_page"],
    }
    if args.json:
        text = json.dumps(report, indent=2, ensure_ascii=False)
        args.json.write_text(text + "\n", encoding="utf-8")
    print(f"{report['machine']}; load average {load_before} before, {_load()} after")
    print("\n".join(summary(report)))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
