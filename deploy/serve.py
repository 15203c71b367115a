"""Serve Borderlinks to a room: N Streamlit replicas behind HAProxy, on loopback.

``python deploy/serve.py --replicas 2 --port 8501`` (what ``make serve`` runs) starts
``streamlit run dashboard.py`` N times on loopback ports ``base-port + i``, all with the
same ``server.cookieSecret`` (``$BORDERLINKS_COOKIE_SECRET``, or one generated for this
run) and the same store (``--db``, exported as ``BORDERLINKS_DB``), waits until each is
healthy, renders ``deploy/haproxy.cfg.tmpl`` for them and runs HAProxy in front on
``host:port``. A replica that exits is started again after a pause (HAProxy has taken
it out meanwhile). Ctrl-C or SIGTERM stops everything it started; children also die
with it if it is killed outright (PR_SET_PDEATHSIG).

``--state FILE`` writes {"url", "haproxy_pid", "replicas": [{"name", "port", "pid"}]}
whenever that changes, for tests and benchmarks.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg.tmpl"
SECRET_ENV = "BORDERLINKS_COOKIE_SECRET"
RESTART_PAUSE = 2.0  # seconds before a dead replica is started again
PR_SET_PDEATHSIG = 1


def render_config(
    replicas: list[tuple[str, str]],
    host: str = "127.0.0.1",
    port: int = 8501,
    inter: str = "1s",
    check_timeout: str = "30s",
    server_options: str = "",
) -> str:
    """HAProxy configuration text for ``replicas`` [(name, "address:port")] behind
    ``host:port``; ``server_options`` is added to every server line."""
    if not replicas:
        raise ValueError("at least one replica is needed")
    extra = f" {server_options}" if server_options else ""
    servers = "\n".join(
        f"    server {name} {address} cookie {name}{extra}" for name, address in replicas
    )
    return string.Template(TEMPLATE.read_text()).substitute(
        host=host, port=port, inter=inter, check_timeout=check_timeout, servers=servers
    )


def compose_config(replicas: int = 2) -> str:
    """The HAProxy configuration of deploy/compose.yaml (services replica1..N on :8501).

    Replica names are resolved by Docker's DNS when HAProxy starts; ``init-addr``
    lets it start while one is still missing (that one stays down until it resolves).
    """
    names = [(f"replica{i}", f"replica{i}:8501") for i in range(1, replicas + 1)]
    return render_config(
        names, host="0.0.0.0", port=8501, server_options="init-addr last,libc,none"
    )


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when serve.py goes, however it goes."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def streamlit_command(port: int, *options: str) -> list[str]:
    """Command line of ``streamlit run dashboard.py`` on 127.0.0.1:``port``, then ``options``.

    Headless and without usage statistics: the app runs offline. The one command line of
    the dashboard's server, shared by the replicas here and the browser tests' server.
    """
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "dashboard.py"),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]


def replica_command(port: int) -> list[str]:
    """Command line of one replica on 127.0.0.1:``port``."""
    # No file watcher: nothing edits the code under a room, and it costs every replica a thread.
    return streamlit_command(port, "--server.fileWatcherType", "none")


def healthy(port: int, host: str = "127.0.0.1") -> bool:
    """True when ``host:port`` answers /_stcore/health with 200."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


class Room:
    """The processes of one serving run: replicas and HAProxy."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.replicas: dict[str, dict] = {}
        self.haproxy: subprocess.Popen | None = None
        self.workdir = Path(tempfile.mkdtemp(prefix="borderlinks-serve-"))
        self.env = dict(os.environ)
        # One secret for all replicas: Streamlit signs its cookies (XSRF, auth) with it,
        # and a browser moved to another replica must still be recognised. Given to the
        # children through the environment, never on a command line (ps would show it).
        self.env["STREAMLIT_SERVER_COOKIE_SECRET"] = os.environ.get(
            SECRET_ENV
        ) or secrets.token_hex(32)
        if args.db:
            self.env["BORDERLINKS_DB"] = str(Path(args.db).resolve())
        self.stopping = False

    def start_replica(self, name: str, port: int) -> None:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - owned by the child
        proc = subprocess.Popen(
            replica_command(port),
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        self.replicas[name] = {"port": port, "proc": proc, "died": None}

    def write_state(self) -> None:
        if not self.args.state:
            return
        state = {
            "url": f"http://{self.args.host}:{self.args.port}",
            "haproxy_pid": self.haproxy.pid if self.haproxy else None,
            "replicas": [
                {"name": n, "port": r["port"], "pid": r["proc"].pid}
                for n, r in self.replicas.items()
            ],
        }
        tmp = Path(self.args.state).with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        os.replace(tmp, self.args.state)

    def start(self) -> None:
        base = self.args.base_port or self.args.port + 100
        for i in range(self.args.replicas):
            self.start_replica(f"r{i + 1}", base + i)
        deadline = time.monotonic() + self.args.start_timeout
        waiting = set(self.replicas)
        while waiting:
            if self.stopping:
                raise RuntimeError("stopped before the replicas were ready")
            for name in list(waiting):
                rep = self.replicas[name]
                if rep["proc"].poll() is not None:
                    raise RuntimeError(f"replica {name} exited with {rep['proc'].returncode}")
                if healthy(rep["port"]):
                    waiting.discard(name)
            if time.monotonic() > deadline:
                raise RuntimeError(f"replicas {sorted(waiting)} not healthy in time")
            time.sleep(0.3)
        cfg = self.workdir / "haproxy.cfg"
        cfg.write_text(
            render_config(
                [(n, f"127.0.0.1:{r['port']}") for n, r in self.replicas.items()],
                host=self.args.host,
                port=self.args.port,
                inter=self.args.check_interval,
            )
        )
        subprocess.run([self.args.haproxy, "-c", "-q", "-f", str(cfg)], check=True)
        self.haproxy = subprocess.Popen(
            [self.args.haproxy, "-db", "-f", str(cfg)], preexec_fn=_die_with_parent
        )
        # Ready when the balancer itself answers: only then tell anyone the address.
        deadline = time.monotonic() + 15
        while not healthy(self.args.port, self.args.host):
            if self.haproxy.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("haproxy did not start serving")
            time.sleep(0.1)
        self.write_state()
        print(
            f"serving http://{self.args.host}:{self.args.port} with {len(self.replicas)} "
            f"replicas (ports {', '.join(str(r['port']) for r in self.replicas.values())}; "
            f"logs in {self.workdir})",
            flush=True,
        )

    def watch(self) -> int:
        """Restart replicas that exit; return when HAProxy exits or on a stop signal."""
        while not self.stopping:
            if self.haproxy.poll() is not None:
                print(f"haproxy exited with {self.haproxy.returncode}", file=sys.stderr)
                return 1
            for name, rep in self.replicas.items():
                if rep["proc"].poll() is None:
                    continue
                now = time.monotonic()
                if rep["died"] is None:
                    rep["died"] = now
                    print(f"replica {name} exited ({rep['proc'].returncode})", file=sys.stderr)
                elif now - rep["died"] >= RESTART_PAUSE:
                    self.start_replica(name, rep["port"])
                    self.write_state()
            time.sleep(0.2)
        return 0

    def stop(self) -> None:
        """Terminate every child, then kill whatever is still there after a grace period."""
        procs = [r["proc"] for r in self.replicas.values()]
        if self.haproxy:
            procs.insert(0, self.haproxy)
        for p in procs:
            if p.poll() is None:
                p.terminate()
        deadline = time.monotonic() + 10
        for p in procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if self.args.state:
            Path(self.args.state).unlink(missing_ok=True)
        shutil.rmtree(self.workdir, ignore_errors=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--host", default="127.0.0.1", help="address HAProxy binds")
    parser.add_argument("--port", type=int, default=8501, help="port HAProxy binds")
    parser.add_argument("--base-port", type=int, default=0, help="first replica port (port+100)")
    parser.add_argument("--db", help="store file every replica reads (BORDERLINKS_DB)")
    parser.add_argument("--check-interval", default="1s", help="HAProxy health check interval")
    parser.add_argument("--haproxy", default=shutil.which("haproxy") or "/usr/sbin/haproxy")
    parser.add_argument("--state", help="write the running topology to this JSON file")
    parser.add_argument("--start-timeout", type=float, default=120.0)
    parser.add_argument(
        "--compose-config",
        action="store_true",
        help="print deploy/haproxy.compose.cfg (for deploy/compose.yaml) and exit",
    )
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.compose_config:
        print(compose_config(), end="")
        return 0
    room = Room(args)

    def on_signal(signum, _frame):
        room.stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        room.start()
        return room.watch()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        room.stop()


if __name__ == "__main__":
    sys.exit(main())
