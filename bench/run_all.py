"""Run every bench/bench_*.py and write bench/results.md.

Each benchmark prints markdown table rows (lines starting with ``|``) of the form
``| name | figure | baseline | ratio | target |``; everything else it prints is kept
as a log. Figures are measured side by side with their baseline in the same run,
so results are ratios on this machine, never absolute promises.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPT_TIMEOUT = 3600  # seconds per benchmark script (the arrivals one takes ~15 min)
HEADER = "| benchmark | figure | baseline (same run) | ratio | target |\n|---|---|---|---|---|"


def _text(out) -> str:
    return out.decode(errors="replace") if isinstance(out, bytes) else (out or "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    return f"{platform.node()} · {os.cpu_count()} cores · {mem:.0f} GiB · {cpu} · Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    only = set(argv)
    scripts = sorted(p for p in BENCH.glob("bench_*.py") if not only or p.stem in only)
    rows, logs, failed = [], [], []
    for script in scripts:
        t0 = time.monotonic()
        try:
            proc = subprocess.run(
                [sys.executable, str(script)],
                cwd=BENCH.parent,
                capture_output=True,
                text=True,
                timeout=SCRIPT_TIMEOUT,
            )
        except subprocess.TimeoutExpired as exc:
            # Bounded: a benchmark that hangs is a failure, not a stuck `make bench`.
            proc = subprocess.CompletedProcess(
                exc.cmd, 124, _text(exc.stdout), _text(exc.stderr) + "\ntimed out"
            )
        took = time.monotonic() - t0
        out = proc.stdout.splitlines()
        rows += [line for line in out if line.startswith("|")]
        logs.append(f"### {script.name} ({took:.0f} s, exit {proc.returncode})\n")
        logs += [f"    {line}" for line in out if not line.startswith("|")]
        if proc.returncode != 0:
            failed.append(script.name)
            logs += [f"    {line}" for line in proc.stderr.splitlines()[-15:]]
        print(f"{script.name}: exit {proc.returncode} in {took:.0f} s", file=sys.stderr)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Run {stamp} on {machine()}.",
            "Each figure is measured beside its baseline in the same run (`make bench`).",
            "",
            HEADER,
            *rows,
            "",
            "## Log",
            "",
            *logs,
            "",
        ]
    )
    (BENCH / "results.md").write_text(text)
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
