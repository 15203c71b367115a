"""The address bar follows the view: after a change, a copied link reproduces it (real Chromium)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


def _pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label``."""
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_label(label, exact=True)
    )
    box.first.get_by_role("button", name="Open").click()
    page.get_by_role("option", name=option, exact=True).first.click()


def _params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def _settled_params(visit, name: str, value: str) -> dict[str, str]:
    """Params of the address bar once the rerun that sets ``name=value`` has finished.

    Waits for the change to reach the address bar (the rerun starts a moment after
    the click), then for the run to end, and reads the URL again: a later message
    that put back the previous view would show here.
    """
    visit.page.wait_for_function(
        "([n, v]) => new URL(window.location.href).searchParams.get(n) === v",
        arg=[name, value],
        timeout=30_000,
    )
    visit.wait_idle()
    visit.page.wait_for_timeout(1500)
    return _params(visit.page.url)


def test_address_bar_carries_each_sidebar_change_at_once(visit, app_url):
    visit.open(f"{app_url}/trade_flows?place=US-TX")  # a page using mode and border
    _pick(visit.page, "Transport mode", "Truck")
    assert _settled_params(visit, "mode", "Truck") == {"place": "US-TX", "mode": "Truck"}
    _pick(visit.page, "Border", "US–Canada")
    assert _settled_params(visit, "border", "US-Canada") == {
        "place": "US-TX",
        "mode": "Truck",
        "border": "US-Canada",
    }
    _pick(visit.page, "Language", "Français")
    assert _settled_params(visit, "lang", "fr")["border"] == "US-Canada"
    assert urlsplit(visit.page.url).path == "/trade_flows"
    assert visit.exceptions() == []


def test_address_bar_carries_a_page_widget_change(visit, app_url):
    visit.open(f"{app_url}/overview_map")
    visit.page.locator('input[aria-label="Year"]').first.focus()
    first = visit.page.locator('input[aria-label="Year"]').first.get_attribute("min")
    visit.page.keyboard.press("Home")
    assert _settled_params(visit, "year", first)["year"] == first
    visit.page.locator('input[aria-label="Year"]').first.focus()
    visit.page.keyboard.press("ArrowRight")
    assert _settled_params(visit, "year", str(int(first) + 1))["year"] == str(int(first) + 1)


def test_opening_a_copied_link_reproduces_the_view(visit, app_url):
    visit.open(f"{app_url}/overview_map?shade=initiatives&year=2020&lang=es&mode=Rail")
    assert _params(visit.page.url) == {
        "shade": "initiatives",
        "year": "2020",
        "lang": "es",
        "mode": "Rail",
    }
    year = visit.page.locator('input[aria-label="Año"]').first
    assert year.get_attribute("value") == "2020"
    assert visit.exceptions() == []
