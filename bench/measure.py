"""Run one command and report its wall time and peak memory (itself and its children).

Used by bench/run.py so each build's peak memory is measured in a fresh process. Two
figures: the largest single process (``peak_mib``, the kernel's ``ru_maxrss`` of the
children) and the whole process tree at its largest (``tree_peak_mib``: the resident
memory of every running descendant summed, sampled every 0.1 s; ``tree_peak_pss_mib``
counts pages a forked child shares with its parent once, as the kernel's PSS does).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry.name))
    return out


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory(root: int) -> tuple[int, int]:
    """Resident and proportional memory (bytes) of ``root`` and every descendant."""
    children = _children()
    todo, rss, pss = [root], 0, 0
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            continue
        pss += _pss_kib(pid) * 1024
    return rss, pss


def run(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> dict[str, object]:
    """Run ``cmd``; its wall time, output tail and peak memory figures."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = {"rss": 0, "pss": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            if Path("/proc").is_dir():
                rss, pss = tree_memory(proc.pid)
                peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.communicate()[0]
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "returncode": proc.returncode,
        "wall_s": wall,
        "peak_mib": peak_kib / 1024,
        "tree_peak_mib": peak["rss"] / 2**20,
        "tree_peak_pss_mib": peak["pss"] / 2**20,
        "output_tail": output[-3000:],
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:])))
