"""Twenty concurrent browser sessions use the dashboard while loads swap the store under them.

Run with ``make test-load`` (not part of ``make test``: it takes minutes). Proves, while
``python -m ingest load`` runs twice on the real full 2025 BTS table:
- no session ever shows an exception;
- no session sees a half-loaded store: every "N sources, M rows of data loaded" line read
  on the Data page is the store's total either before or after the load, nothing between;
- the server's memory stays flat: RSS after the run is within a bound of RSS after the
  warm-up round (measured, never timed). Numbers go to artifacts/load-test.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS
from tests.load.conftest import rss_bytes

pytestmark = pytest.mark.load

REPO = Path(__file__).resolve().parents[2]
FULL = (
    REPO.parent
    / "shared/data/bts_border_crossing_entry_full_2025/Border_Crossing_Entry_Data.csv.gz"
)
SESSIONS = 20
PAGES = ["data_sources", "place_profile?place=US-TX", "ports_crossings", "trade_flows"]
PAGE_TIMEOUT_MS = 300_000  # two cores, twenty renderers: slow is fine, an error is not
# Flat memory: after the run, at most this much above the warmed-up server (caches are
# keyed on the store version, so one new set of cached frames per load is expected).
RSS_GROWTH_LIMIT = 1.5
TOTALS = re.compile(r"([\d,]+) sources, ([\d,]+) rows of data loaded")


def store_totals(db: Path) -> tuple[int, int]:
    """(sources, rows) as the Data page states them."""
    from components import query

    sources = query.sources(db)
    return len(sources), int(sources["rows"].sum())


def open_session(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if (route.request.url.split("/")[2].split(":")[0] in LOCAL_HOSTS)
            else route.abort()
        ),
    )
    page = context.new_page()
    # Twenty busy sessions on two cores can hold the server's answer back for a while.
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    return page


def settle(page) -> None:
    """Wait until the page's script run is over (no 'Running'/'Connecting' status)."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(
        """() => { const s = document.querySelector('[data-testid="stStatusWidget"]');
                   return !s || !s.innerText.match(/Running|Connecting/i); }""",
        timeout=PAGE_TIMEOUT_MS,
    )


def test_twenty_sessions_see_no_error_and_no_half_loaded_store_while_loads_run(
    load_server, browser_store
):
    from playwright.sync_api import sync_playwright

    url, pid = load_server
    before_totals = store_totals(browser_store)
    failures: list[str] = []
    seen_totals: list[tuple[int, int]] = []
    loads_done = threading.Event()

    def loader():
        # Two full loads back to back: each swaps a new store file in under the readers.
        try:
            for _ in range(2):
                r = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "ingest",
                        "load",
                        "bts-crossings",
                        str(FULL),
                        "--db",
                        str(browser_store),
                    ],
                    cwd=REPO,
                    capture_output=True,
                    text=True,
                )
                if r.returncode != 0:
                    failures.append(f"load failed: {r.stderr.strip()[-300:]}")
        finally:
            loads_done.set()

    def visit_all(pages, round_no: int) -> None:
        for i, page in enumerate(pages):
            page.goto(f"{url}/{PAGES[(i + round_no) % len(PAGES)]}", wait_until="commit")
        for i, page in enumerate(pages):
            settle(page)
            errors = page.locator('[data-testid="stException"]').all_inner_texts()
            if errors:
                failures.append(f"session {i} round {round_no}: {errors[0][:300]}")
            for caption in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts():
                if m := TOTALS.search(caption):
                    seen_totals.append(tuple(int(g.replace(",", "")) for g in m.groups()))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [open_session(browser) for _ in range(SESSIONS)]
        visit_all(pages, 0)  # warm-up: every session connected, caches filled
        rss_warm = rss_bytes(pid)
        thread = threading.Thread(target=loader)
        thread.start()
        rounds = 1
        while not loads_done.is_set() or rounds < 3:
            visit_all(pages, rounds)
            rounds += 1
        thread.join()
        visit_all(pages, rounds)  # one round on the final store
        rss_after = rss_bytes(pid)
        browser.close()

    after_totals = store_totals(browser_store)
    report = {
        "sessions": SESSIONS,
        "rounds": rounds + 1,
        "page_views": SESSIONS * (rounds + 1),
        "rss_warm_mb": round(rss_warm / 2**20, 1),
        "rss_after_mb": round(rss_after / 2**20, 1),
        "rss_ratio": round(rss_after / rss_warm, 3),
        "totals_before": before_totals,
        "totals_after": after_totals,
        "totals_seen": sorted(set(seen_totals)),
        "totals_reads": len(seen_totals),
    }
    out = REPO / "artifacts" / "load-test.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report))

    assert failures == []
    assert after_totals != before_totals, "the loads changed nothing: the test proves nothing"
    assert seen_totals, "no session read the store totals"
    assert set(seen_totals) <= {before_totals, after_totals}, report
    assert rss_after <= rss_warm * RSS_GROWTH_LIMIT, report
