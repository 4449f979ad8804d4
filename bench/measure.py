"""Run one command and report its wall time and peak memory (itself and its children).

Used by bench/run.py so each build's peak memory is measured in a fresh process.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

if __name__ == "__main__":
    start = time.perf_counter()
    proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "returncode": proc.returncode,
                "wall_s": wall,
                "peak_mib": peak_kib / 1024,
                "output_tail": (proc.stdout + proc.stderr)[-3000:],
            }
        )
    )
