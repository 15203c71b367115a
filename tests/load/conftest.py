"""Load-test fixtures: a store built from data/, and a Streamlit server whose process we can measure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import browser_store, serve_dashboard  # noqa: F401

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
    env = dict(os.environ, BORDERLINKS_DB=str(browser_store))
    log = tmp_path_factory.mktemp("load-server") / "streamlit.log"
    with serve_dashboard(env, log) as (url, proc):
        yield url, proc.pid
