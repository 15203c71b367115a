"""Helpers shared by the benchmark scripts: a store with the full crossings table, servers."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
FULL_2025 = SHARED / "bts_border_crossing_entry_full_2025" / "Border_Crossing_Entry_Data.csv.gz"
OUT = REPO / "bench" / "out"


def full_store() -> Path:
    """Build (once) a store from data/ plus the full 2025 crossings table."""
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "bench_full.duckdb"
    if not db.exists():
        py = sys.executable
        subprocess.run([py, "-m", "ingest", "build", "--db", str(db)], cwd=REPO, check=True)
        subprocess.run(
            [py, "-m", "ingest", "load", "bts-crossings", str(FULL_2025), "--db", str(db)],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_options(port: int) -> list[str]:
    """The ``streamlit run`` options of a benchmark server: ``port`` on 127.0.0.1, headless."""
    return [
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]


def serve(script: str, db: Path | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ)
    if db:
        env["BORDERLINKS_DB"] = str(db)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            *server_options(port),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def median(xs):
    return statistics.median(xs)


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def row(name, figure, baseline, ratio, target) -> str:
    return f"| {name} | {figure} | {baseline} | {ratio} | {target} |"


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-gl=swiftshader",
    "--enable-unsafe-swiftshader",
]
