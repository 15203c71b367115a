"""Presenter mode on a 1920x1080 projector: the whole scene (title, sentence, sources,
legend, map) fits one screen, and the legend and source lines are large and dark."""

from __future__ import annotations

import pytest

from components import mapframe
from tests.browser.conftest import DECK_CANVAS, Visit

pytestmark = pytest.mark.browser

# The first scene, and the two whose sources and citations run longest.
SCENES = ["borders-at-a-glance", "san-diego-tijuana", "north-dakota-manitoba"]
MEASURE = """() => {
  const map = document.querySelector('[data-testid="stDeckGlJsonChart"]').getBoundingClientRect();
  const legend = getComputedStyle(document.querySelector('.bl-legend'));
  const caption = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .find(c => /^Sources?:/.test(c.innerText));
  const text = getComputedStyle(caption.querySelector('p'));
  return {
    mapBottom: map.bottom, mapHeight: map.height, legendPx: parseFloat(legend.fontSize),
    captionOpacity: parseFloat(getComputedStyle(caption).opacity),
    captionPx: parseFloat(text.fontSize),
    captionRgb: text.color.match(/\\d+/g).slice(0, 3).map(Number),
  };
}"""


@pytest.mark.parametrize("scene", SCENES)
def test_scene_fits_a_1080p_screen_with_a_readable_legend_and_sources(browser, app_url, scene):
    visit = Visit(browser, width=1920, height=1080)
    try:
        visit.open(f"{app_url}/presenter?scene={scene}&present=1")
        visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
        visit.screenshot(f"present_1080p_{scene}")
        found = visit.page.evaluate(MEASURE)
        assert found["mapBottom"] <= 1080, found  # the map's foot is on screen
        assert found["mapHeight"] > mapframe.MAP_HEIGHT  # taller than on a desk screen
        assert found["legendPx"] >= 18  # 13 px before: unreadable from the back of a room
        assert found["captionOpacity"] == 1 and found["captionPx"] >= 18
        assert sum(found["captionRgb"]) < 150  # near black, not Streamlit's grey
        assert visit.exceptions() == []
    finally:
        visit.close()


@pytest.mark.parametrize(("width", "height"), [(2560, 1440), (1920, 1080)])
def test_the_map_grows_with_the_screen_and_keeps_its_foot_on_it(browser, app_url, width, height):
    visit = Visit(browser, width=width, height=height)
    try:
        visit.open(f"{app_url}/presenter?scene=texas-mexican-border-states&present=1")
        visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
        found = visit.page.evaluate(MEASURE)
        canvas = visit.page.locator(DECK_CANVAS).first.bounding_box()
        # Whatever is left below the scene's text goes to the map (505 px of text at 1080 p).
        assert found["mapHeight"] >= height - 505 - 1, found
        assert found["mapBottom"] <= height, found
        # The drawing follows its frame: the canvas is as tall as the map's box.
        assert abs(canvas["height"] - found["mapHeight"]) <= 1, (canvas, found)
        # What follows the map (its source line) starts below it, not under it.
        below = visit.page.evaluate(
            """() => {
              const map = document.querySelector('[data-testid="stDeckGlJsonChart"]');
              const box = map.closest('[data-testid="stElementContainer"]').getBoundingClientRect();
              const next = map.closest('[data-testid="stElementContainer"]').nextElementSibling;
              return [box.bottom, next.getBoundingClientRect().top];
            }"""
        )
        assert below[1] >= below[0] - 1, below
        if width == 2560:
            visit.screenshot("present_1440p_texas-mexican-border-states")
        assert visit.exceptions() == []
    finally:
        visit.close()
