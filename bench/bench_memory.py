"""Server memory with 1 browser session and with 20 concurrent sessions.

Caches are shared (st.cache_data / cache_resource), so memory should grow far
less than 20× between the two. Baseline: the server's memory right after start.
"""

from __future__ import annotations

import time

from _common import CHROMIUM_ARGS, full_store, row, rss_mb, serve, stop

SESSIONS = 20
CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def main():
    from playwright.sync_api import sync_playwright

    db = full_store()
    proc, url = serve("dashboard.py", db)
    try:
        time.sleep(2)
        idle = rss_mb(proc.pid)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            first = b.new_context().new_page()
            first.goto(f"{url}/overview_map")
            first.wait_for_selector(CANVAS, timeout=90_000)
            time.sleep(2)
            one = rss_mb(proc.pid)
            pages = []
            for i in range(SESSIONS - 1):
                pg = b.new_context().new_page()
                pg.goto(f"{url}/overview_map?year={2005 + i % 20}")
                pages.append(pg)
            for pg in pages:
                pg.wait_for_selector(CANVAS, timeout=180_000)
            time.sleep(3)
            many = rss_mb(proc.pid)
            b.close()
    finally:
        stop(proc)
    print(
        row(
            "Memory: server RSS, 1 session",
            f"{one:.0f} MB",
            f"{idle:.0f} MB (idle server)",
            f"{one / idle:.2f}×",
            "–",
        )
    )
    print(
        row(
            f"Memory: server RSS, {SESSIONS} sessions",
            f"{many:.0f} MB",
            f"{one:.0f} MB (1 session)",
            f"{many / one:.2f}×",
            "flat (≪ 20×)",
        )
    )


if __name__ == "__main__":
    main()
