"""Profile the script thread of a page's first runs in a real Streamlit server (cProfile).

``python bench/profile_first_page.py [PAGE[?QUERY]] [RUNS]`` (default ``overview_map``, 10)
starts ``streamlit run dashboard.py`` in a child process whose ScriptRunner profiles every
script run (only the script thread: no AppTest, no server I/O), opens RUNS + 1 new sessions
one after another with bench/stclient.py, and prints the top costs of the very first run
(a cold process) and of the later ones (a view another session already saw: the per-session
cost a room pays). Not part of ``make bench``: a tool for making the first page cheaper.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PROFILE_DIR_ENV = "BORDERLINKS_PROFILE_DIR"


def serve_profiled(port: int) -> None:
    """Child: run the app, dumping one .prof file per script run into $BORDERLINKS_PROFILE_DIR."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    from bench import _common

    out = Path(os.environ[PROFILE_DIR_ENV])
    original = script_runner.ScriptRunner._run_script
    count = iter(range(10**6))

    def profiled(self, rerun_data):
        prof = cProfile.Profile()
        prof.enable()
        try:
            return original(self, rerun_data)
        finally:
            prof.disable()
            prof.dump_stats(out / f"run-{next(count):04d}.prof")

    script_runner.ScriptRunner._run_script = profiled
    sys.argv = [
        "streamlit",
        "run",
        str(REPO / "dashboard.py"),
        *_common.server_options(port),
    ]
    sys.exit(cli.main())


def top(files: list[Path], n: int = 25) -> str:
    """Text table of the ``n`` costliest functions by cumulative time over ``files``."""
    import io

    buf = io.StringIO()
    stats = pstats.Stats(*map(str, files), stream=buf)
    stats.sort_stats("cumulative").print_stats(n)
    buf.write("\n--- by own time ---\n")
    stats.sort_stats("tottime").print_stats(n)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    from bench import _common, stclient

    page, _, query = (argv[0] if argv else "overview_map").partition("?")
    runs = int(argv[1]) if len(argv) > 1 else 10
    out = Path(tempfile.mkdtemp(prefix="profile-"))
    port = _common.free_port()
    env = dict(os.environ, **{PROFILE_DIR_ENV: str(out)})
    env.setdefault("BORDERLINKS_DB", str(_common.OUT / "arrivals.duckdb"))
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or child.poll() is not None:
                    raise RuntimeError("profiled server did not start") from None
                time.sleep(0.3)
        seconds = []
        for _ in range(runs + 1):
            v = stclient.run_visit(url, page, query, timeout=120)
            assert v.error is None, v.error
            seconds.append(v.seconds)
    finally:
        child.terminate()
        child.wait(timeout=20)
    profs = sorted(out.glob("run-*.prof"))
    print(f"/{page}?{query}: session times {', '.join(f'{s:.2f}' for s in seconds)} s")
    print(f"{len(profs)} script runs profiled in {out}")
    print("=== first run (cold process) ===")
    print(top(profs[:1]))
    print(f"=== later runs ({len(profs) - 1}, same view) ===")
    print(top(profs[1:]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve":
        serve_profiled(int(sys.argv[2]))
    else:
        sys.exit(main(sys.argv[1:]))
