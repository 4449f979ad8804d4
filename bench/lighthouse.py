"""Lighthouse mobile on one page of every kind in every language (``make lighthouse``).

A benchmark, not a test: it builds the site, serves it on 127.0.0.1 with gzip as a static
host would (``bench.gzserve``), runs the pinned Lighthouse (package.json) with its default
mobile settings (simulated slow 4G, 4x CPU slowdown) in Debian's Chromium, and writes the
table (performance, accessibility, best practices, SEO, layout shift, transfer) into the
Lighthouse section of ``bench/RESULTS.md``, with every audit that did not pass. The page
kinds come from the built site (``browserkit.page_kinds``): a new kind is measured without
editing a list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from bench.gzserve import serve  # noqa: E402
from browserkit import page_kinds, split_lang  # noqa: E402
from sitebuild import Built  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_TRANSFER = 100 * 1024


@dataclass
class Row:
    """One page's scores (0-100), layout shift, transfer bytes and the audits that failed."""

    url: str
    scores: dict[str, int] = field(default_factory=dict)
    cls: float = 0.0
    transfer: int = 0
    metrics: dict[str, float] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    error: str = ""

    def noindex_only(self) -> bool:
        """SEO lost only "is-crawlable": a page that asks not to be indexed (the status page)."""
        return [f for f in self.failed if f.startswith("seo:")] == ["seo: is-crawlable (0.00)"]

    def meets(self) -> bool:
        return (
            not self.error
            and all(
                self.scores.get(k, 0) >= v or (k == "seo" and self.noindex_only())
                for k, v in TARGETS.items()
            )
            and self.cls == 0
            and self.transfer <= MAX_TRANSFER
        )


def build(dest: Path) -> Built:
    """``mkdocs build --strict`` into ``dest``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    cmd = [str(mkdocs), "build", "--strict", "--clean", "-q", "-d", str(dest / "site")]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"the build failed:\n{proc.stdout}{proc.stderr}")
    return Built(dest, proc.returncode, proc.stdout + proc.stderr)


def run_lighthouse(url: str, out: Path) -> Row:
    """One Lighthouse mobile run of ``url``; the report goes to ``out``."""
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    row = Row(url)
    if proc.returncode or not out.exists():
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        row.error = lines[-1] if lines else "failed"
        return row
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        row.error = report["runtimeError"].get("message", "runtime error")
    cats = report["categories"]
    row.scores = {k: round((cats[k]["score"] or 0) * 100) for k in CATEGORIES}
    audits = report["audits"]
    row.cls = round(audits["cumulative-layout-shift"].get("numericValue", 0.0), 3)
    row.transfer = int(audits["total-byte-weight"].get("numericValue", 0))
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        row.metrics[key] = audits[key].get("numericValue", 0.0)
    for key in CATEGORIES:
        for ref in cats[key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
                row.failed.append(f"{key}: {ref['id']} ({audit['score']:.2f})")
    return row


def table(rows: list[Row], base: str) -> str:
    """The Markdown table of all rows, then the audits that did not pass."""
    head = (
        "| page | perf | a11y | BP | SEO | CLS | transfer (KiB, gzip) | FCP / LCP (s) | TBT (ms) |"
        " targets |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    )
    lines = []
    for r in rows:
        page = "/" + r.url.removeprefix(base)
        if r.error:
            lines.append(f"| `{page}` | error: {r.error} | | | | | | | | not met |")
            continue
        s = r.scores
        m = r.metrics
        fcp, lcp = m["first-contentful-paint"] / 1000, m["largest-contentful-paint"] / 1000
        lines.append(
            f"| `{page}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} |"
            f" {s['seo']} | {r.cls:g} | {r.transfer / 1024:.1f} | {fcp:.1f} / {lcp:.1f}"
            f" | {m['total-blocking-time']:.0f} | {_verdict(r)} |"
        )
    failed = [f"- `/{r.url.removeprefix(base)}`: {'; '.join(r.failed)}" for r in rows if r.failed]
    text = head + "\n".join(lines) + "\n"
    if failed:
        text += "\nAudits that did not pass:\n\n" + "\n".join(failed) + "\n"
    return text


def _verdict(row: Row) -> str:
    if not row.meets():
        return "not met"
    return "met (noindex by design)" if row.noindex_only() else "met"


def write_results(text: str) -> None:
    """Put ``text`` between the Lighthouse markers of bench/RESULTS.md (added if missing)."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    block = f"{START}\n{text.rstrip()}\n{END}"
    if START in old and END in old:
        new = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, old, flags=re.S)
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--note", default="", help="a line about the machine or the run")
    parser.add_argument("--only", default="", help="measure only pages whose path has this")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (package.json pins it)")
    with tempfile.TemporaryDirectory() as tmp:
        built = build(Path(tmp))
        pages = [p for p in page_kinds(built) if args.only in p]
        rows = []
        with serve(built.site) as base:
            for n, rel in enumerate(pages, 1):
                lang, path = split_lang(rel)
                url = base + ("" if lang == "lv" else f"{lang}/") + path
                row = run_lighthouse(url, Path(tmp) / f"report-{n}.json")
                rows.append(row)
                print(
                    f"{n}/{len(pages)} {url.removeprefix(base) or '/'}: {row.scores} "
                    f"CLS {row.cls} {row.transfer} B {row.error}",
                    flush=True,
                )
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    met = sum(r.meets() for r in rows)
    text = (
        f"## Lighthouse (mobile), {when}\n\n"
        f"`make lighthouse`: Lighthouse {_version()} in Chromium, default mobile settings "
        "(simulated slow 4G, 4x CPU slowdown), the site served with gzip on 127.0.0.1, one "
        "run per page. Targets: performance ≥ 95, accessibility, best practices and SEO 100, "
        f"CLS 0, transfer ≤ 100 KiB. {met} of {len(rows)} pages meet all of them.\n"
        + (f"\n{args.note}\n" if args.note else "")
        + "\n"
        + table(rows, base)
    )
    write_results(text)
    print(f"written to {RESULTS.relative_to(ROOT)}: {met} of {len(rows)} pages meet the targets")
    return 0


def _version() -> str:
    pkg = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(pkg.read_text(encoding="utf-8"))["version"] if pkg.exists() else "?"


if __name__ == "__main__":
    sys.exit(main())
