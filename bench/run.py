"""Scale benchmark: the site from N synthetic records against plain MkDocs on as many pages.

    make bench            # N = 2000
    .venv/bin/python -m bench.run --n 500

Builds (a) the site from synthetic data (bench/synthetic.py) at N and at N/10 and (b) a
control: the same pages per language as plain Markdown with the same text, no hooks, the
same Material + i18n configuration (with Material's lunr search, to compare index sizes).
Prints wall times and their ratio, hook time by phase, output and per-page bytes, search
index sizes, and peak memory. Not part of the test suite.
"""

from __future__ import annotations

import argparse
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

from bench.synthetic import write as write_synthetic  # noqa: E402
from ici.dataset import load_dataset  # noqa: E402
from ici.pages import KINDS  # noqa: E402
from ici.text import LANGS  # noqa: E402
from sitebuild import copy_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def _measure(cwd: Path, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"]
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
    return result


def _html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"]


def _lang_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("ru", "en") else "lv"


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _page_stats(site: Path) -> dict[str, Any]:
    pages = _html_pages(site)
    html_bytes = sum(p.stat().st_size for p in pages)
    per_lang: dict[str, int] = {}
    for p in pages:
        per_lang[_lang_of(site, p)] = per_lang.get(_lang_of(site, p), 0) + 1
    return {
        "pages": len(pages),
        "pages_per_lang": per_lang,
        "total_bytes": _dir_bytes(site),
        "html_bytes": html_bytes,
        "bytes_per_page": html_bytes / max(len(pages), 1),
    }


def build_site(work: Path, n: int) -> dict[str, Any]:
    """Build the real project with N synthetic records; returns measurements."""
    root = copy_project(work)
    write_synthetic(root, n)
    timings = work / "timings.json"
    result = _measure(root, {"ICI_TIMINGS": str(timings)})
    result.update(_page_stats(root / "site"))
    result["phases"] = json.loads(timings.read_text()) if timings.exists() else {}
    result["pagefind_bytes"] = _dir_bytes(root / "site" / "pagefind")
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


def build_control(work: Path, synthetic_root: Path) -> dict[str, Any]:
    """Plain MkDocs with the same pages and text, no hooks; Material's own search."""
    root = work
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
    ds = load_dataset(synthetic_root)
    for kind in KINDS.values():
        for rid, record in ds.collection(kind.collection).items():
            for lang in LANGS:
                path = docs / lang / (kind.path.format(id=rid).rstrip("/") + ".md")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_record_markdown(record, lang), encoding="utf-8")
    result = _measure(root)
    result.update(_page_stats(root / "site"))
    index = root / "site" / "search" / "search_index.json"
    result["search_index_bytes"] = index.stat().st_size if index.exists() else 0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="ICI scale benchmark")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="keep the build folders here")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="ici-bench-"))
    for name in ("site", "small", "control"):
        shutil.rmtree(base / name, ignore_errors=True)
        (base / name).mkdir(parents=True)
    site = build_site(base / "site", args.n)
    small = build_site(base / "small", max(args.n // 10, 1))
    control = build_control(base / "control", base / "site")
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "n": args.n,
        "site": site,
        "small": {k: v for k, v in small.items() if k != "output_tail"},
        "control": control,
        "build_time_ratio": site["wall_s"] / control["wall_s"],
        "bytes_per_page_ratio": site["bytes_per_page"] / small["bytes_per_page"],
    }
    for part in ("site", "control"):
        report[part].pop("output_tail", None)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"build time ratio: {report['build_time_ratio']:.2f}")
    print(f"bytes per page ratio (N / N/10): {report['bytes_per_page_ratio']:.2f}")
    print(f"peak memory: {site['peak_mib']:.0f} MiB")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
