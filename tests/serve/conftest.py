"""Fixtures for serving tests: deploy/serve.py running replicas behind HAProxy on loopback."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.conftest import free_port
from tests.conftest import build_reference_store

REPO = Path(__file__).resolve().parents[2]
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


class Room:
    """A running ``deploy/serve.py``: ``url`` (HAProxy), ``db`` (the shared store),
    ``topology()`` -> {"replicas": [{"name", "port", "pid"}], "haproxy_pid"}."""

    def __init__(self, db: Path, workdir: Path, replicas: int = 2):
        self.db = db
        self.state = workdir / "state.json"
        self.log = workdir / "serve.log"
        self.port = free_port()
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    str(REPO / "deploy" / "serve.py"),
                    "--replicas",
                    str(replicas),
                    "--port",
                    str(self.port),
                    "--base-port",
                    str(free_port()),
                    "--db",
                    str(db),
                    "--state",
                    str(self.state),
                ],
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 180
        while not self.state.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"deploy/serve.py did not start: {self.log.read_text()[-2000:]}")
            time.sleep(0.3)

    def topology(self) -> dict:
        return json.loads(self.state.read_text())

    def replica(self, name: str) -> dict:
        return next(r for r in self.topology()["replicas"] if r["name"] == name)

    def stop(self) -> int | None:
        """SIGTERM serve.py as Ctrl-C would; its exit code (None if it had to be killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                return None
        return self.proc.returncode


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """Two replicas behind HAProxy, sharing one store built from the committed data."""
    if not Path(HAPROXY).exists():
        pytest.fail(f"haproxy not found at {HAPROXY}: `make test` installs it (serve-deps)")
    work = tmp_path_factory.mktemp("room")
    db = build_reference_store(work / "store" / "borderlinks.duckdb")
    r = Room(db, work)
    yield r
    r.stop()
