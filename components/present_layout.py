"""The presenter screen in numbers: where the caption panel, the map and the source strip
sit on a projector of any size. Plain Python (no Streamlit).

In presenter mode a scene takes exactly one screen: the caption panel (counter, title,
the short text, legend, Previous/Next) on the left, the map filling the rest, and a
source strip under the map. Everything is a share of the viewport, so a 1280 x 720 and
a 1920 x 1080 projector show the same picture, just sharper. The presenter CSS
(``components/present.py``) is written from these numbers, and the scene checks
(``components.scenes.in_scene_view``, the tests) use ``map_box`` to know what a camera
shows: one source of truth for the geometry.

The measure of "the map owns the screen" is ``map_share``: the map canvas's area over
the viewport's area (stricter than its height share, which ignores the panel).
"""

from __future__ import annotations

PANEL_VW = 28.0  # the caption panel's width, % of the viewport's width ...
PANEL_MIN_PX, PANEL_MAX_PX = 320.0, 760.0  # ... kept wide enough for a sentence
STRIP_VH = 5.0  # the source strip under the map, % of the viewport's height ...
STRIP_MIN_PX = 44.0  # ... and never less than two lines of its smallest type
# The projector sizes the layout is checked at, and the map share it must reach there.
SIZES = ((1920, 1080), (1280, 720))
MIN_MAP_SHARE = 0.60


def _check(width: float, height: float) -> None:
    if width <= 0 or height <= 0:
        raise ValueError(f"screen size must be positive, got {width} x {height}")


def panel_width(width: float) -> float:
    """Width in px of the caption panel on a screen ``width`` px wide."""
    _check(width, 1)
    return min(PANEL_MAX_PX, max(PANEL_MIN_PX, width * PANEL_VW / 100))


def strip_height(height: float) -> float:
    """Height in px of the source strip under the map on a screen ``height`` px tall."""
    _check(1, height)
    return max(STRIP_MIN_PX, height * STRIP_VH / 100)


def map_box(width: float, height: float) -> tuple[float, float, float, float]:
    """The map's box (left, top, width, height) in px on a ``width`` x ``height`` screen."""
    _check(width, height)
    left = panel_width(width)
    return left, 0.0, width - left, height - strip_height(height)


def map_share(width: float, height: float) -> float:
    """The map's area over the screen's area, 0..1 (see the module docstring)."""
    _left, _top, map_w, map_h = map_box(width, height)
    return map_w * map_h / (width * height)


def smallest_map() -> tuple[float, float]:
    """(width, height) of the smallest map over ``SIZES``: a camera that shows a scene's
    places there shows them on every presenter screen (a bigger map only adds margin)."""
    boxes = [map_box(w, h)[2:] for w, h in SIZES]
    return min(boxes, key=lambda box: box[0] * box[1])
