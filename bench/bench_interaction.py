"""Server time per interaction on the overview map with the full 2025 crossings table loaded.

Measured with streamlit's AppTest (the server-side script run), against the bare
one-chart page run the same way in the same process. Target: median <= 150 ms.
"""

from __future__ import annotations

import os
import time

from _common import REPO, full_store, median, p95, row

RUNS = 15


def timed_runs(make_app, interact, n=RUNS):
    at = make_app()
    at.run(timeout=120)  # first run warms caches; not counted
    times = []
    for i in range(n):
        interact(at, i)
        t0 = time.perf_counter()
        at.run(timeout=120)
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, at.exception
    return times


def main():
    db = full_store()
    os.environ["BORDERLINKS_DB"] = str(db)
    os.chdir(REPO)
    from streamlit.testing.v1 import AppTest

    def overview():
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
        at.switch_page("pages/overview_map.py")
        return at

    years = list(range(2005, 2025))

    def change_year(at, i):
        sliders = [s for s in at.slider if isinstance(s.value, int)]
        if sliders:
            sliders[0].set_value(years[i % len(years)])
        else:
            at.query_params["year"] = str(years[i % len(years)])

    app = timed_runs(overview, change_year)
    bare = timed_runs(
        lambda: AppTest.from_file(str(REPO / "bench" / "bare_app.py")), lambda at, i: None
    )
    m, mb = median(app), median(bare)
    print(f"overview runs (ms): {[round(t) for t in app]}")
    print(f"bare runs (ms): {[round(t) for t in bare]}")
    print(
        row(
            "Interaction: overview map, year change, median",
            f"{m:.0f} ms",
            f"{mb:.0f} ms (bare one-chart page)",
            f"{m / mb:.1f}×",
            "≤ 150 ms",
        )
    )
    print(
        row(
            "Interaction: overview map, year change, p95",
            f"{p95(app):.0f} ms",
            f"{p95(bare):.0f} ms",
            f"{p95(app) / p95(bare):.1f}×",
            "–",
        )
    )


if __name__ == "__main__":
    main()
