"""Every page loads in real Chromium, offline, with no error and no external request."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import DECK_CANVAS

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted(p.stem for p in (REPO / "pages").glob("*.py") if not p.stem.startswith("_"))
MAP_PAGES = {"overview_map", "place_profile", "ports_crossings", "initiatives", "presenter"}


def test_there_are_pages_to_visit():
    assert "overview_map" in PAGES and len(PAGES) >= 6


# A page that needs a choice first is opened with one, as a shared link would.
PARAMS = {"place_profile": "?place=US-TX"}


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_offline_without_errors(visit, app_url, page):
    visit.open(f"{app_url}/{page}{PARAMS.get(page, '')}")
    if page in MAP_PAGES:
        visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
        # A canvas is 300x150 until deck.gl sizes it to its frame: wait for that, then measure.
        try:
            visit.page.wait_for_function(
                f"""() => {{ const c = document.querySelector('{DECK_CANVAS}');
                    return c && c.getBoundingClientRect().width > 300; }}""",
                timeout=30_000,
            )
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the assert below says why
            pass
        box = visit.page.locator(DECK_CANVAS).first.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 200, "map canvas too small"
    visit.screenshot(f"{page}_en")
    assert visit.exceptions() == [], f"Streamlit exception on {page}"
    assert visit.page_errors == [], f"page errors on {page}: {visit.page_errors}"
    assert visit.external == [], f"external requests attempted on {page}: {visit.external}"


@pytest.mark.parametrize("lang,place", [("es", "MX-NLE"), ("fr", "CA-QC")])
def test_place_profile_renders_in_other_languages(visit, app_url, lang, place):
    visit.open(f"{app_url}/place_profile?lang={lang}&place={place}")
    visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
    visit.screenshot(f"place_profile_{lang}_{place}")
    assert visit.exceptions() == []
    assert visit.page_errors == []
    assert visit.external == []


def test_presenter_mode_hides_chrome_and_shows_map(visit, app_url):
    visit.open(f"{app_url}/overview_map?present=1")
    visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
    visit.screenshot("overview_map_present")
    assert visit.exceptions() == []
    assert visit.external == []
