"""Load-test fixtures: a store built from data/, and a Streamlit server whose process we can measure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import browser_store, free_port, wait_healthy  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


def rss_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` (Linux /proc), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


@pytest.fixture(scope="module")
def load_server(browser_store, tmp_path_factory):  # noqa: F811
    """(url, pid) of a dashboard server on a free loopback port, serving ``browser_store``."""
    port = free_port()
    env = dict(os.environ, BORDERLINKS_DB=str(browser_store))
    log = tmp_path_factory.mktemp("load-server") / "streamlit.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # Users get a generic error sentence (config.toml); the tests still find
                # its stException element and, with full details, can say what failed.
                "--client.showErrorDetails",
                "full",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc)
            yield url, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
