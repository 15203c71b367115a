"""Arrivals: a room opening one link at once, timed with Streamlit's own protocol.

For each page and query string, N new sessions arrive within one second (and, for the
overview, a steady rate); each opens the websocket, asks for the page's first run and is
timed until ``script_finished`` (bench/stclient.py). Measured in the same run against:

- the app, one process (``streamlit run dashboard.py``, as ``make run``);
- the app behind HAProxy with 2 replicas (deploy/serve.py, as ``make serve``);
- the baseline: a bare one-map page (bench/bare_map.py), one process.

Every server is warmed by one visit per page first: the figures are the cost of a view
another session already saw. A last row kills one of two replicas (SIGKILL) under a
steady arrival rate: arrivals that fail after the balancer's check interval, and how long
the killed replica's held sessions take to be back on their page through the balancer.

Sizes are configurable (environment): ARRIVALS_SIZES (default "10,50,100,200"),
ARRIVALS_RATE (5 per second), ARRIVALS_SECONDS (30), ARRIVALS_PAGES (comma-separated
"page?query"), ARRIVALS_SERVE=0 to skip the replicas, ARRIVALS_TIMEOUT (per session,
300 s). Loopback only; every session ends within the timeout.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _common, stclient  # noqa: E402

SIZES = [int(s) for s in os.environ.get("ARRIVALS_SIZES", "10,50,100,200").split(",")]
RATE = float(os.environ.get("ARRIVALS_RATE", "5"))
SECONDS = float(os.environ.get("ARRIVALS_SECONDS", "30"))
TIMEOUT = float(os.environ.get("ARRIVALS_TIMEOUT", "300"))
PAGES = os.environ.get(
    "ARRIVALS_PAGES", "overview_map,place_profile?place=US-TX,presenter?present=1"
).split(",")
WITH_SERVE = os.environ.get("ARRIVALS_SERVE", "1") != "0"
CHECK_INTERVAL = 1.0  # seconds: deploy/serve.py's default HAProxy check interval
BARE = ("", "")  # the bare page is the app's only page: no name, no query


def split(page: str) -> tuple[str, str]:
    name, _, query = page.partition("?")
    return name, query


def summary(visits: list[stclient.Visit]) -> dict:
    """Seconds until the last session is done (from the first arrival), p50/p95/max of
    each successful session's own time, failures, KB per successful session."""
    ok = [v for v in visits if v.error is None]
    secs = sorted(v.seconds for v in ok) or [float("nan")]
    first = min((v.started for v in visits), default=0.0)
    return {
        "n": len(visits),
        # The room's view: from the first arrival until the last session has its page.
        "last": max((v.started + v.seconds for v in visits), default=first) - first,
        "p50": statistics.median(secs),
        "p95": _common.p95(secs),
        "max": max(secs),
        "failed": len(visits) - len(ok),
        "kb": statistics.mean(v.bytes for v in ok) / 1000 if ok else float("nan"),
        "errors": sorted({v.error for v in visits if v.error})[:3],
    }


def fmt(s: dict) -> str:
    return (
        f"last {s['last']:.1f} s (p50 {s['p50']:.1f}, p95 {s['p95']:.1f}, max {s['max']:.1f}; "
        f"{s['failed']}/{s['n']} failed; {s['kb']:.0f} KB/session)"
    )


def run(url: str, page: tuple[str, str], offsets: list[float]) -> dict:
    visits = asyncio.run(stclient.arrivals(url, page[0], page[1], offsets, timeout=TIMEOUT))
    s = summary(visits)
    if s["errors"]:
        print(f"  errors at {url} {page}: {s['errors']}")
    return s


def warm(url: str, pages: list[tuple[str, str]]) -> None:
    for name, query in pages:
        v = stclient.run_visit(url, name, query, timeout=TIMEOUT)
        print(f"  warm-up {url} /{name}?{query}: {v.seconds:.1f} s, {v.error or 'ok'}")


class Served:
    """deploy/serve.py with 2 replicas on a free port; its topology from the state file."""

    def __init__(self, db: Path, replicas: int = 2):
        self.port = _common.free_port()
        self.state = Path(tempfile.mkdtemp(prefix="arrivals-")) / "state.json"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(_common.REPO / "deploy" / "serve.py"),
                "--replicas",
                str(replicas),
                "--port",
                str(self.port),
                "--base-port",
                str(_common.free_port()),
                "--db",
                str(db),
                "--state",
                str(self.state),
            ],
            cwd=_common.REPO,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 180
        while not self.state.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("deploy/serve.py did not start")
            time.sleep(0.3)
        self.url = f"http://127.0.0.1:{self.port}"

    def topology(self) -> dict:
        return json.loads(self.state.read_text())

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def held_session_back(url: str, page: tuple[str, str], cookie: str, killed: asyncio.Event):
    """Open a session pinned by ``cookie``; once its websocket drops, reconnect as the
    frontend does (same page and query, about once a second) -> seconds from the kill
    to the page being back, or None if it never came back within the timeout."""
    import websockets

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        ws_url,
        subprotocols=["streamlit"],
        additional_headers={"Cookie": cookie},
        ping_interval=None,
        max_size=None,
    ) as ws:
        await ws.send(stclient.rerun_message(*page))
        try:
            async for _ in ws:
                pass
        except websockets.WebSocketException:
            pass
    await killed.wait()
    t_kill = killed.t  # type: ignore[attr-defined]
    while time.monotonic() - t_kill < 60:
        v = await stclient.visit(url, *page, cookie=cookie, timeout=30)
        if v.error is None:
            return time.monotonic() - t_kill
        await asyncio.sleep(1.0)
    return None


async def failover(served: Served, page: tuple[str, str]) -> tuple[dict, list]:
    """Steady arrivals at RATE for 20 s; SIGKILL replica r2 after 5 s, holding 5 sessions on it."""
    top = served.topology()
    victim = next(r for r in top["replicas"] if r["name"] == "r2")
    killed = asyncio.Event()
    held = [
        asyncio.create_task(held_session_back(served.url, page, "BLREPLICA=r2", killed))
        for _ in range(5)
    ]
    offsets = stclient.steady(RATE, 20)
    start = time.monotonic()

    async def one(offset):
        await asyncio.sleep(max(0.0, start + offset - time.monotonic()))
        return offset, await stclient.visit(served.url, *page, timeout=TIMEOUT)

    arrivals = [asyncio.create_task(one(o)) for o in offsets]
    await asyncio.sleep(5)
    os.kill(victim["pid"], signal.SIGKILL)
    killed.t = time.monotonic()  # type: ignore[attr-defined]
    killed.set()
    kill_at = killed.t - start  # type: ignore[attr-defined]
    done = await asyncio.gather(*arrivals)
    after = [v for o, v in done if o > kill_at + CHECK_INTERVAL]
    during = [v for o, v in done if kill_at <= o <= kill_at + CHECK_INTERVAL]
    backs = await asyncio.gather(*held)
    s = summary(after)
    s["failed_during_check"] = sum(v.error is not None for v in during)
    return s, backs


def main() -> int:
    db = _common.OUT / "arrivals.duckdb"
    if not db.exists():
        _common.OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "ingest", "build", "--db", str(db)],
            cwd=_common.REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    pages = [split(p) for p in PAGES]
    results: dict[tuple, dict] = {}

    # One server at a time: the machine's cores belong to the server under test.
    bare, bare_url = _common.serve("bench/bare_map.py")
    try:
        warm(bare_url, [BARE])
        for n in SIZES:
            results["bare", n] = run(bare_url, BARE, stclient.burst(n))
            print(f"  bare x{n}: {fmt(results['bare', n])}")
        results["bare", "steady"] = run(bare_url, BARE, stclient.steady(RATE, SECONDS))
    finally:
        _common.stop(bare)

    app, app_url = _common.serve("dashboard.py", db)
    try:
        warm(app_url, pages)
        for page in pages:
            for n in SIZES:
                results["app", page, n] = run(app_url, page, stclient.burst(n))
                print(f"  app {page} x{n}: {fmt(results['app', page, n])}")
        results["app", "steady"] = run(app_url, pages[0], stclient.steady(RATE, SECONDS))
    finally:
        _common.stop(app)

    if WITH_SERVE:
        served = Served(db)
        try:
            warm(served.url, pages * 2)  # leastconn alternates: warm both replicas
            for page in pages:
                for n in SIZES:
                    results["serve", page, n] = run(served.url, page, stclient.burst(n))
                    print(f"  serve {page} x{n}: {fmt(results['serve', page, n])}")
            results["serve", "steady"] = run(served.url, pages[0], stclient.steady(RATE, SECONDS))
            results["failover"] = asyncio.run(failover(served, pages[0]))
        finally:
            served.stop()

    for page in pages:
        label = f"/{page[0]}" + (f"?{page[1]}" if page[1] else "")
        for n in SIZES:
            base = results["bare", n]
            one = results["app", page, n]
            ratio = one["last"] / base["last"]
            print(
                _common.row(
                    f"arrivals {label} ×{n} in 1 s, 1 process (last done)",
                    fmt(one),
                    "bare map, 1 process: " + fmt(base),
                    f"{ratio:.2f}",
                    "≤ 1.3 at ×200; ≤ 300 KB",
                )
            )
            if WITH_SERVE:
                two = results["serve", page, n]
                print(
                    _common.row(
                        f"arrivals {label} ×{n} in 1 s, 2 replicas + HAProxy (last done)",
                        fmt(two),
                        "bare map, 1 process: " + fmt(base),
                        f"{two['last'] / base['last']:.2f}",
                        "≤ 0.6 at ×200, 0 failed",
                    )
                )
        if len(SIZES) > 1:
            lo, hi = SIZES[1] if len(SIZES) > 2 else SIZES[0], SIZES[-1]
            grow = results["app", page, hi]["last"] / results["app", page, lo]["last"]
            print(
                _common.row(
                    f"arrivals {label} growth ×{lo} → ×{hi}, 1 process",
                    f"{grow:.2f}× time for {hi / lo:.0f}× sessions",
                    f"linear: {hi / lo:.0f}×",
                    f"{grow / (hi / lo):.2f}",
                    "≤ 1 (no faster than linear)",
                )
            )
    steady_label = f"arrivals {RATE:g}/s for {SECONDS:g} s /{pages[0][0]}"
    print(
        _common.row(
            f"{steady_label}, 1 process",
            fmt(results["app", "steady"]),
            "bare map: " + fmt(results["bare", "steady"]),
            f"{results['app', 'steady']['p95'] / results['bare', 'steady']['p95']:.2f} (p95)",
            "0 failed",
        )
    )
    if WITH_SERVE:
        print(
            _common.row(
                f"{steady_label}, 2 replicas + HAProxy",
                fmt(results["serve", "steady"]),
                "bare map: " + fmt(results["bare", "steady"]),
                f"{results['serve', 'steady']['p95'] / results['bare', 'steady']['p95']:.2f} (p95)",
                "0 failed",
            )
        )
        s, backs = results["failover"]
        back = [b for b in backs if b is not None]
        print(
            _common.row(
                f"kill -9 one of 2 replicas under {RATE:g} arrivals/s",
                f"{s['failed']}/{s['n']} arrivals failed after the {CHECK_INTERVAL:g} s check "
                f"({s['failed_during_check']} within it); held sessions back in "
                f"max {max(back) if back else float('nan'):.1f} s ({len(back)}/{len(backs)} back)",
                "—",
                "—",
                "0 failed after the check; back ≤ 10 s",
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
