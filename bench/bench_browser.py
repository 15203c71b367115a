"""Time from navigation to a painted map canvas in Chromium, against a bare one-chart page.

Also records the bytes the browser receives over the websocket for the overview page.
"""

from __future__ import annotations

import time

from _common import CHROMIUM_ARGS, full_store, median, row, serve, stop

RUNS = 5


def time_to(page, url, selector):
    t0 = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(selector, timeout=90_000)
    return (time.perf_counter() - t0) * 1000


def main():
    from playwright.sync_api import sync_playwright

    db = full_store()
    app, app_url = serve("dashboard.py", db)
    bare, bare_url = serve("bench/bare_app.py")
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            maps, charts = [], []
            for _ in range(RUNS):
                ctx = b.new_context(viewport={"width": 1400, "height": 900})
                pg = ctx.new_page()
                maps.append(
                    time_to(
                        pg, f"{app_url}/overview_map", '[data-testid="stDeckGlJsonChart"] canvas'
                    )
                )
                ctx.close()
                ctx = b.new_context(viewport={"width": 1400, "height": 900})
                pg = ctx.new_page()
                charts.append(
                    time_to(pg, bare_url, "canvas, svg.main-svg, [data-testid='stVegaLiteChart']")
                )
                ctx.close()
            b.close()
    finally:
        stop(app)
        stop(bare)
    m, mb = median(maps), median(charts)
    print(f"map ms: {[round(x) for x in maps]}; bare ms: {[round(x) for x in charts]}")
    print(
        row(
            "Browser: load to map canvas (overview)",
            f"{m:.0f} ms",
            f"{mb:.0f} ms (bare one-chart page)",
            f"{m / mb:.1f}×",
            "–",
        )
    )


if __name__ == "__main__":
    main()
