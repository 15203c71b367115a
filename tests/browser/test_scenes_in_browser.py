"""Every presenter scene renders in real Chromium, and the arrow keys move between scenes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import DECK_CANVAS

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCENES = [s["id"] for s in yaml.safe_load((REPO / "data/scenes.yaml").read_text())["scenes"]]


def test_the_required_scenes_exist():
    assert len(SCENES) >= 7


@pytest.mark.parametrize("scene", SCENES)
def test_scene_renders_in_presenter_mode(visit, app_url, scene):
    visit.open(f"{app_url}/presenter?scene={scene}&present=1")
    visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
    visit.screenshot(f"scene_{scene}")
    assert visit.exceptions() == []
    assert visit.page_errors == []
    assert visit.external == []


def test_right_arrow_moves_to_the_next_scene(visit, app_url):
    first = SCENES[0]
    visit.open(f"{app_url}/presenter?scene={first}")
    visit.page.wait_for_selector(DECK_CANVAS, timeout=90_000)
    title = visit.page.locator("h2").first.inner_text()
    visit.page.locator("h1").first.click()
    visit.page.keyboard.press("ArrowRight")
    visit.page.wait_for_function(
        "t => { const h = document.querySelector('h2'); return h && h.innerText !== t; }",
        arg=title,
        timeout=60_000,
    )
    visit.wait_idle()
    assert visit.exceptions() == []
