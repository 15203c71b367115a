"""A click on a link (arc) of the overview map selects its pair, in real Chromium.

The scene: California is selected, so its links are drawn bold and on top, and the
others faded. The arc is found where the deck draws it: trade links are straight lines
between the two places' economic centres (data/centres.csv), so the midpoint of California ↔ Ontario (over the
Plains, far from every port and clear of the other links) is computed from the store's
coordinates and the map's default camera. The pointer first hovers there until the
deck's own tooltip names that link, so a miss says "no arc under the pointer", not "the
click was lost". (An unselected trade line can be 1-2 px wide: a click on it may land
a pixel off, on the state below.) Software GL is slow to pick on a loaded 2-core
machine: every wait is on a condition, with generous timeouts.
"""

from __future__ import annotations

import math
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from components import deckjson
from geo.centres import centre_positions
from tests.browser.conftest import DECK_CANVAS, map_xy, tap

pytestmark = pytest.mark.browser

SLOW_MS = 120_000
US_STATE, PROVINCE = "US-CA", "CA-ON"
PAIR = "pair:CA-ON~US-CA"
TIP = "Trade California ↔ Ontario"  # the arc's tooltip title (overview.arc_trade_tip)


def _sel(url: str) -> str | None:
    return (parse_qs(urlsplit(url).query).get("sel") or [None])[-1]


def _arc_midpoint(page, store) -> tuple[tuple[float, float], tuple[float, float]]:
    """Page pixel of the trade arc's midpoint, and the unit normal of the arc there."""
    del store  # arcs end at centres (geo.links), not at the store's label points
    centres = centre_positions()
    view = deckjson.DEFAULT_VIEW
    ax, ay = map_xy(page, *centres[US_STATE], view)
    bx, by = map_xy(page, *centres[PROVINCE], view)
    length = math.hypot(bx - ax, by - ay)
    return ((ax + bx) / 2, (ay + by) / 2), (-(by - ay) / length, (bx - ax) / length)


def _hover_arc(page, point, normal) -> tuple[float, float]:
    """Move the pointer across the arc at ``point`` until the map's tooltip names it
    -> the pixel where it does (fails if no offset within 4 px shows it)."""
    for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        x, y = point[0] + step * normal[0], point[1] + step * normal[1]
        page.mouse.move(x, y)
        try:
            page.wait_for_function(
                """want => [...document.querySelectorAll('.deck-tooltip')].some(
                    e => e.style.display !== 'none' && e.innerText.includes(want))""",
                arg=TIP,
                timeout=10_000,
            )
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: try the next pixel
            continue
        return x, y
    raise AssertionError(f"no arc named {TIP!r} under the pointer near {point}")


def test_clicking_an_arc_selects_its_pair_and_shows_the_pair_panel(visit, app_url, browser_store):
    page = visit.page
    page.set_default_timeout(SLOW_MS)
    visit.open(f"{app_url}/overview_map?sel={US_STATE}", timeout_ms=SLOW_MS)
    page.wait_for_selector(DECK_CANVAS, timeout=SLOW_MS)
    visit.wait_idle(SLOW_MS)
    assert _sel(page.url) == US_STATE
    # Arcs join economic centres: from Los Angeles, Toronto and Montréal lie in almost
    # the same direction, and the bold California-Québec initiative arc covers the
    # trade line. The initiative links are switched off, as a user would, to reach it.
    page.locator(".st-key-ov_initiative_arcs label").first.click()
    visit.wait_idle(SLOW_MS)

    x, y = _hover_arc(page, *_arc_midpoint(page, browser_store))
    tap(page, x, y)

    deadline = time.monotonic() + SLOW_MS / 1000
    while _sel(page.url) != PAIR and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert _sel(page.url) == PAIR  # the address bar, as the browser committed it
    page.get_by_text("Ontario ↔ California", exact=True).first.wait_for(timeout=SLOW_MS)
    page.get_by_text("Shared initiatives signed up to").first.wait_for(timeout=SLOW_MS)
    visit.wait_idle(SLOW_MS)
    visit.screenshot("overview-arc-click")
    assert visit.exceptions() == []
    assert visit.external == []
