"""Two replicas behind HAProxy (deploy/serve.py, as `make serve`): one store, failover, stop.

Proves, with real processes on loopback:
- an upload through the balancer reaches the replica holding the browser's websocket (the
  sticky cookie), and a session pinned to the other replica sees the new totals on its
  next run, with no restart (one store file, swapped atomically);
- after ``kill -9`` of a replica, its browser pages reconnect through HAProxy to the live
  one and show the same view (URL) with no error element, and new arrivals after the
  balancer's check interval all succeed;
- stopping serve.py (SIGTERM, as Ctrl-C) stops every process it started.
The tests are in one file, in this order, because they share one (slow to start) room.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from bench import stclient
from tests.browser.conftest import Visit
from tests.conftest import SAN_YSIDRO

pytestmark = [pytest.mark.serve, pytest.mark.browser]

TOTALS = re.compile(r"([\d,]+) sources, ([\d,]+) rows of data loaded")
COOKIE = "BLREPLICA"
CHECK_INTERVAL = 1.0  # deploy/serve.py's default HAProxy check interval, seconds
TIMEOUT_MS = 120_000  # two cores shared with the other test worker: slow is fine, errors not


def totals_on(url: str, replica: str) -> tuple[int, int]:
    """(sources, rows) the Data page states, for a new session pinned to ``replica``."""
    v = stclient.run_visit(
        url, "data_sources", cookie=f"{COOKIE}={replica}", keep_texts=True, timeout=120
    )
    assert v.error is None, v.error
    found = [m for text in v.texts if (m := TOTALS.search(text))]
    assert found, f"no totals line on the Data page: {v.texts[:10]}"
    return tuple(int(g.replace(",", "")) for g in found[0].groups())


def pinned(browser, room, replica: str) -> Visit:
    """A browser visit whose requests carry the sticky cookie of ``replica``."""
    v = Visit(browser)
    v.context.add_cookies([{"name": COOKIE, "value": replica, "url": room.url}])
    v.page.set_default_timeout(TIMEOUT_MS)
    return v


def replica_of(visit: Visit) -> str:
    cookies = {c["name"]: c["value"] for c in visit.context.cookies()}
    return cookies[COOKIE]


def test_upload_through_the_balancer_is_seen_by_a_session_on_the_other_replica(
    room, browser, shared_data
):
    before = totals_on(room.url, "r2")
    v = pinned(browser, room, "r1")
    try:
        v.open(f"{room.url}/data_sources", timeout_ms=TIMEOUT_MS)
        assert replica_of(v) == "r1"
        # The form is the last thing on a long page: wait for it and for the run to end,
        # then pick the source with the keyboard (the list re-renders under a mouse).
        v.page.locator(".st-key-data_upload [data-testid='stFileUploaderDropzone']").wait_for()
        v.wait_idle(TIMEOUT_MS)
        combo = v.page.locator(".st-key-data_upload_source input[role='combobox']")
        combo.focus()
        v.page.keyboard.press("ArrowDown")
        v.page.get_by_role("option", name=re.compile(r"\(bts-crossings\)")).wait_for()
        combo.fill("bts-crossings")
        v.page.get_by_role("option", name=re.compile(r"\(bts-crossings\)")).wait_for()
        v.page.keyboard.press("ArrowDown")
        v.page.keyboard.press("Enter")
        assert "bts-crossings" in combo.input_value()
        # The file goes up as its own HTTP PUT: it must reach r1, where this session lives.
        v.page.locator(".st-key-data_upload input[type='file']").set_input_files(
            str(shared_data / SAN_YSIDRO)
        )
        # Uploaded: the widget lists the file with its size.
        v.page.locator(".st-key-data_upload").get_by_text(re.compile(r"^[\d.]+ ?KB$")).wait_for(
            timeout=60_000
        )
        v.page.get_by_role("button", name=re.compile("Validate and load")).click()
        v.page.get_by_text(re.compile(r"^Loaded ")).first.wait_for(timeout=TIMEOUT_MS)
        assert v.exceptions() == []
    finally:
        v.close()
    after = totals_on(room.url, "r2")
    assert after[1] > before[1], f"r2 still shows {after} after the upload on r1 (was {before})"
    assert totals_on(room.url, "r1") == after


def show_place(visit: Visit) -> None:
    """Wait until the place profile shows Texas (fails after the timeout)."""
    visit.page.locator('[data-testid="stMain"]').get_by_text("Texas").first.wait_for(
        timeout=TIMEOUT_MS
    )


def arrivals_after(url: str, start_in: float, offsets: list[float], into: list) -> None:
    """Thread body: new sessions on the overview from ``start_in`` seconds from now."""
    time.sleep(start_in)
    into += asyncio.run(stclient.arrivals(url, "overview_map", "", offsets, timeout=120))


def test_killed_replica_browsers_come_back_on_the_same_view_and_arrivals_keep_working(
    room, browser
):
    view = "/place_profile?place=US-TX"
    survivor, victim = pinned(browser, room, "r1"), pinned(browser, room, "r2")
    try:
        for v in (survivor, victim):
            v.open(room.url + view, timeout_ms=TIMEOUT_MS)
            assert v.exceptions() == []
            show_place(v)
        assert replica_of(victim) == "r2"

        visits: list[stclient.Visit] = []
        arrivals = threading.Thread(
            target=arrivals_after,
            args=(room.url, CHECK_INTERVAL + 0.5, stclient.steady(2, 3), visits),
        )
        # Frames on websockets opened after the kill: the page must be sent again by a
        # live replica, not merely left on screen from before.
        frames: list[int] = []
        victim.page.on(
            "websocket", lambda ws: ws.on("framereceived", lambda p: frames.append(len(p)))
        )
        os.kill(room.replica("r2")["pid"], signal.SIGKILL)
        arrivals.start()
        # The frontend notices the closed websocket, reconnects through HAProxy (r2's
        # cookie is redispatched to r1) and reruns the page named by its URL.
        # HAProxy gives the reconnecting browser r1's cookie in place of the dead r2's,
        # and r1 sends the whole page (well over 50 KB) on the new websocket.
        deadline = time.monotonic() + 60
        while (replica_of(victim) != "r1" or sum(frames) < 50_000) and time.monotonic() < deadline:
            victim.page.wait_for_timeout(250)
        assert sum(frames) >= 50_000, f"only {sum(frames)} bytes after the reconnect"
        victim.wait_idle(TIMEOUT_MS)
        arrivals.join(timeout=200)

        assert victim.page.url == room.url + view
        assert victim.exceptions() == []
        show_place(victim)
        assert replica_of(victim) == "r1", "the killed replica's browser never moved"
        assert survivor.exceptions() == []
        assert len(visits) == 6
        assert [v.error for v in visits] == [None] * 6
    finally:
        survivor.close()
        victim.close()


def test_stopping_serve_stops_every_process_it_started(room):
    top = room.topology()
    pids = [top["haproxy_pid"]] + [r["pid"] for r in top["replicas"]]
    assert room.stop() == 0
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)]
        time.sleep(0.2)
    assert alive == []


def _zombie(pid: int) -> bool:
    try:
        return " Z " in Path(f"/proc/{pid}/stat").read_text().split(")", 1)[1][:4]
    except OSError:
        return False
