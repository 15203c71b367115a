"""Presenter mode on a 1920x1080 projector: the whole scene (title, sentence, sources,
legend, map) fits one screen, and the legend and source lines are large and dark."""

from __future__ import annotations

import pytest

from components import maplayers
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
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
        assert found["mapHeight"] > maplayers.MAP_HEIGHT  # taller than on a desk screen
        assert found["legendPx"] >= 18  # 13 px before: unreadable from the back of a room
        assert found["captionOpacity"] == 1 and found["captionPx"] >= 18
        assert sum(found["captionRgb"]) < 150  # near black, not Streamlit's grey
        assert visit.exceptions() == []
    finally:
        visit.close()
