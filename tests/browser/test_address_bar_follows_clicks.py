"""Buttons, choices and map clicks reach the address bar in the run they start (real Chromium).

``page.url`` is what the browser itself has committed (the address bar). Software GL
makes these pages slow to draw (the first interaction with the ports page can take
half a minute), hence the long timeouts: a change that never arrives still fails.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from components import deckjson
from tests.browser.conftest import DECK_CANVAS, map_xy, tap

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCENES = [s["id"] for s in yaml.safe_load((REPO / "data/scenes.yaml").read_text())["scenes"]]
SLOW_MS = 90_000


def _open(visit, url: str) -> None:
    """Open ``url`` and wait until its map and charts are drawn (clicks before that wait)."""
    visit.page.set_default_timeout(SLOW_MS)
    visit.open(url)
    visit.page.wait_for_selector(DECK_CANVAS, timeout=SLOW_MS)
    visit.wait_idle()


def _params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def _address_bar_has(visit, name: str, value: str, timeout_s: float = 60) -> dict[str, str]:
    """The address bar's params once ``name=value`` is in it (or after ``timeout_s``).

    Polls ``page.url`` (the browser's committed URL, not ``location`` in the page), so a
    change that never arrives, or stays one action behind, fails the test.
    """
    deadline = time.monotonic() + timeout_s
    while _params(visit.page.url).get(name) != value and time.monotonic() < deadline:
        visit.page.wait_for_timeout(200)
    return _params(visit.page.url)


def _choose(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label`` with the keyboard."""
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_label(label, exact=True)
    )
    box.first.get_by_role("button", name="Open").click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).first.wait_for()
    page.keyboard.press("Enter")


def _click_map(page, lon: float, lat: float) -> None:
    """Click the overview map (default camera) at ``lon``/``lat``."""
    tap(page, *map_xy(page, lon, lat, deckjson.DEFAULT_VIEW))


def test_presenter_next_puts_the_new_scene_in_the_address_bar(visit, app_url):
    _open(visit, f"{app_url}/presenter?scene={SCENES[0]}")
    for scene in SCENES[1:3]:
        title = visit.page.locator("h2").first.inner_text()
        visit.page.get_by_role("button", name="Next").first.click()
        visit.page.wait_for_function(
            "t => { const h = document.querySelector('h2'); return h && h.innerText !== t; }",
            arg=title,
            timeout=SLOW_MS,
        )
        visit.wait_idle()
        assert _params(visit.page.url).get("scene") == scene
    assert visit.exceptions() == []


def test_each_port_chosen_on_the_ports_page_reaches_the_address_bar(visit, app_url):
    # Every second choice used to be undone: the page wrote the view after its widgets,
    # and on the next run the port box followed that stale view.
    _open(visit, f"{app_url}/ports_crossings?sel=port%3A2506")
    for name, code in (("Laredo (TX)", "2304"), ("Detroit (MI)", "3801"), ("Blaine (WA)", "3004")):
        _choose(visit.page, "Port of entry", name)
        assert _address_bar_has(visit, "sel", f"port:{code}")["sel"] == f"port:{code}"
    assert _address_bar_has(visit, "series", "port")["series"] == "port"
    assert visit.exceptions() == []


def test_ports_series_for_a_state_is_in_the_address_bar_and_comes_back(visit, app_url):
    _open(visit, f"{app_url}/ports_crossings")
    visit.page.get_by_text("A US state", exact=True).click()
    visit.wait_idle()
    _choose(visit.page, "State", "Michigan")
    params = _address_bar_has(visit, "place", "US-MI")
    assert params.get("series") == "state" and params.get("place") == "US-MI"
    _open(visit, visit.page.url)  # the copied link
    assert visit.page.get_by_role("radio", name="A US state").is_checked()
    visit.page.get_by_text("Trucks per year — Michigan").first.wait_for()


def test_each_state_clicked_on_the_overview_map_reaches_the_address_bar(visit, app_url):
    _open(visit, f"{app_url}/overview_map")
    # Links run between economic centres and their pick bands are wide: a state is clicked
    # with the link layers off, as a user who wants the state would (the switch's input is
    # drawn under its label, so the label takes the click).
    for key in ("ov_trade_arcs", "ov_initiative_arcs"):
        visit.page.locator(f".st-key-{key} label").first.click()
        visit.wait_idle()
    for lon, lat, place, name in (
        (-98.4, 38.5, "US-KS", "Kansas"),
        (-86.0, 50.5, "CA-ON", "Ontario"),
    ):
        _click_map(visit.page, lon, lat)
        assert _address_bar_has(visit, "sel", place)["sel"] == place
        visit.page.get_by_role("link", name=f"Open the profile of {name}").first.wait_for()
    assert visit.exceptions() == []


def test_a_link_chosen_without_the_mouse_opens_its_initiatives(visit, app_url):
    _open(visit, f"{app_url}/overview_map")
    _choose(visit.page, "Show the details of", "Nuevo León ↔ Texas")
    assert _address_bar_has(visit, "sel", "pair:MX-NLE~US-TX")["sel"] == "pair:MX-NLE~US-TX"
    visit.wait_idle()
    record = visit.page.get_by_role("link", name="Border Legislative Conference (2001)")
    record.click()
    # The page switch lands in two steps (query string, then path): wait for both.
    visit.page.wait_for_url(lambda url: urlsplit(url).path == "/initiatives", timeout=90_000)
    params = _address_bar_has(visit, "sel", "initiative:border-legislative-conference")
    assert urlsplit(visit.page.url).path == "/initiatives"
    assert params["sel"] == "initiative:border-legislative-conference"
    visit.page.get_by_role("heading", name="Border Legislative Conference").first.wait_for()
    assert visit.exceptions() == []
