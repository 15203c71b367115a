"""The presenter screen's geometry (components/present_layout.py) and the CSS written from it."""

from __future__ import annotations

import pytest

from components import present, present_layout, scenes


@pytest.mark.parametrize(("width", "height"), [*present_layout.SIZES, (1366, 768), (2560, 1440)])
def test_the_map_takes_at_least_the_required_share_of_every_projector(width, height):
    assert present_layout.map_share(width, height) >= present_layout.MIN_MAP_SHARE


def test_the_map_sits_right_of_the_panel_and_above_the_source_strip():
    left, top, width, height = present_layout.map_box(1920, 1080)
    assert left == present_layout.panel_width(1920) == pytest.approx(1920 * 0.28)
    assert top == 0 and left + width == 1920
    assert height + present_layout.strip_height(1080) == 1080


def test_a_narrow_screen_keeps_a_panel_wide_enough_for_a_sentence():
    assert present_layout.panel_width(800) == present_layout.PANEL_MIN_PX
    assert present_layout.panel_width(5000) == present_layout.PANEL_MAX_PX


def test_the_presenter_css_is_written_from_the_same_numbers():
    css = present.SCREEN_CSS
    assert f"{present_layout.PANEL_VW}vw" in css and f"{present_layout.STRIP_VH}vh" in css
    assert f"{present_layout.PANEL_MIN_PX:.0f}px" in css
    assert present.PRESENT_MAP_HEIGHT == round(present_layout.map_box(1920, 1080)[3])


def test_scene_labels_are_kept_to_the_smallest_presenter_map():
    assert (
        scenes.SCENE_VIEW_PX
        == present_layout.smallest_map()
        == present_layout.map_box(1280, 720)[2:]
    )


def test_a_screen_without_size_is_refused():
    with pytest.raises(ValueError, match="positive"):
        present_layout.map_box(0, 1080)
