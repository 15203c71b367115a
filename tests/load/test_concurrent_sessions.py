"""Twenty concurrent browser sessions use the dashboard while a load swaps the store.

Run with `make test-load` (not part of `make test`: it takes minutes).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.load

REPO = Path(__file__).resolve().parents[2]
FULL = REPO.parent / "shared/data/bts_border_crossing_entry_full_2025/Border_Crossing_Entry_Data.csv.gz"
SESSIONS = 20
PAGES = ["overview_map", "ports_crossings", "trade_flows", "place_profile?place=US-TX"]


def test_twenty_sessions_see_no_error_while_a_load_runs(app_url, browser_store):
    from playwright.sync_api import sync_playwright

    failures: list[str] = []
    stop = threading.Event()

    def loader():
        # Two full loads back to back: each swaps a new store file in under the readers.
        for _ in range(2):
            if stop.is_set():
                return
            r = subprocess.run(
                [sys.executable, "-m", "ingest", "load", "bts-crossings", str(FULL),
                 "--db", str(browser_store)],
                cwd=REPO, capture_output=True, text=True,
            )
            if r.returncode != 0:
                failures.append(f"load failed: {r.stderr.strip()[-300:]}")

    t = threading.Thread(target=loader)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [b.new_context().new_page() for _ in range(SESSIONS)]
        t.start()
        deadline = time.monotonic() + 240
        rounds = 0
        while (t.is_alive() or rounds < 2) and time.monotonic() < deadline:
            for i, pg in enumerate(pages):
                target = PAGES[(i + rounds) % len(PAGES)]
                pg.goto(f"{app_url}/{target}", wait_until="domcontentloaded")
            for i, pg in enumerate(pages):
                pg.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
                pg.wait_for_function(
                    """() => { const s = document.querySelector('[data-testid="stStatusWidget"]');
                               return !s || !s.innerText.match(/Running|Connecting/i); }""",
                    timeout=120_000,
                )
                errs = pg.locator('[data-testid="stException"]').all_inner_texts()
                if errs:
                    failures.append(f"session {i} round {rounds}: {errs[0][:300]}")
            rounds += 1
        stop.set()
        t.join()
        b.close()
    assert rounds >= 2
    assert failures == []
