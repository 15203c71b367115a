"""Label placement (geo/labels.py): labels keep clear of each other and of markers.

The points below are SYNTHETIC except where a test says it uses real port coordinates."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import labels


def boxes(placed: pd.DataFrame, zoom: float) -> list[tuple[float, float, float, float]]:
    """Screen rectangles of placed labels, rebuilt from their offsets and anchors."""
    out = []
    for row in placed.itertuples(index=False):
        x, y = labels.screen_xy(row.lon, row.lat, zoom)
        w, h = labels.text_box(row.text, row.size)
        x += row.offset[0]
        y += row.offset[1]
        x0 = {"middle": x - w / 2, "start": x, "end": x - w}[row.anchor]
        y0 = {"center": y - h / 2, "top": y, "bottom": y - h}[row.baseline]
        out.append((x0, y0, x0 + w, y0 + h))
    return out


def overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_screen_xy_puts_greenwich_equator_at_the_world_centre():
    x, y = labels.screen_xy(0.0, 0.0, 0)
    assert (x, y) == pytest.approx((256.0, 256.0))


def test_screen_xy_doubles_distances_per_zoom_level():
    a = labels.screen_xy(-117.0, 32.5, 8)
    b = labels.screen_xy(-117.0, 32.5, 9)
    assert b[0] == pytest.approx(2 * a[0]) and b[1] == pytest.approx(2 * a[1])


def test_screen_xy_refuses_a_pole():
    with pytest.raises(ValueError, match="latitude"):
        labels.screen_xy(0.0, 90.0, 3)


def test_a_lone_label_goes_below_its_marker():
    placed = labels.place_labels(
        pd.DataFrame({"lon": [-100.0], "lat": [40.0], "text": ["A"], "size": [16], "radius": [8]}),
        zoom=5,
    )
    assert placed.loc[0, "anchor"] == "middle" and placed.loc[0, "baseline"] == "top"
    assert placed.loc[0, "offset"][1] > 8  # clear of the 8 px circle


def test_a_name_without_marker_sits_on_its_point():
    placed = labels.place_labels(
        pd.DataFrame({"lon": [-100.0], "lat": [40.0], "text": ["Town"], "size": [16]}).assign(
            on_point=True
        ),
        zoom=5,
    )
    assert placed.loc[0, "offset"] == [0, 0] and placed.loc[0, "baseline"] == "center"


def test_crowded_real_ports_get_labels_that_do_not_cover_each_other():
    # Real coordinates: San Ysidro, Otay Mesa, Otay Mesa East (planned) and Tijuana's centre,
    # all within 15 km, at the San Diego–Tijuana scene's zoom.
    frame = pd.DataFrame(
        {
            "lon": [-117.028761, -116.938538, -116.904, -117.00371],
            "lat": [32.542528, 32.55033, 32.548, 32.5027],
            "text": ["San Ysidro", "Otay Mesa", "Otay Mesa East (planned)", "Tijuana"],
            "size": [19, 19, 19, 20],
            "radius": [4.0, 10.0, 2.5, 0.0],
            "on_point": [False, False, False, True],
        }
    )
    placed = labels.place_labels(frame, zoom=9.4)
    rects = boxes(placed, 9.4)
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            assert not overlaps(rects[i], rects[j]), (placed.loc[i, "text"], placed.loc[j, "text"])


def test_without_placement_those_labels_would_collide():
    # The same crowded ports all written below their points: the test above is not vacuous.
    zoom = 9.4
    pts = [(-116.938538, 32.55033), (-116.904, 32.548)]
    (x1, _), (x2, _) = (labels.screen_xy(lon, lat, zoom) for lon, lat in pts)
    widths = [labels.text_box(t, 19)[0] for t in ("Otay Mesa", "Otay Mesa East (planned)")]
    assert abs(x2 - x1) < (widths[0] + widths[1]) / 2


def test_a_label_never_covers_another_marker_when_a_side_is_free():
    # SYNTHETIC: a big marker just below point A pushes A's label to another side.
    zoom = 6.0
    lon, lat = -100.0, 40.0
    x, y = labels.screen_xy(lon, lat, zoom)
    world = labels.TILE_PX * 2**zoom
    below_lat = math.degrees(
        2 * math.atan(math.exp(math.pi * (1 - 2 * (y + 30) / world))) - math.pi / 2
    )
    frame = pd.DataFrame(
        {
            "lon": [lon, lon],
            "lat": [lat, below_lat],
            "text": ["Alpha", ""],
            "size": [16, 1],
            "radius": [3.0, 20.0],
        }
    )
    placed = labels.place_labels(frame, zoom)
    assert placed.loc[0, "baseline"] != "top"  # not below, where the big marker is


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="size"):
        labels.place_labels(pd.DataFrame({"lon": [1.0], "lat": [1.0], "text": ["x"]}), 3)


def test_no_labels_gives_an_empty_frame():
    empty = pd.DataFrame({"lon": [], "lat": [], "text": [], "size": []})
    assert labels.place_labels(empty, 3).empty


CAMERA = {"latitude": 32.62, "longitude": -116.93, "zoom": 9.4, "pitch": 20}


def test_a_point_near_the_camera_is_in_view_and_a_far_one_is_not():
    assert labels.in_view(-116.904, 32.548, CAMERA, 1870, 575)  # Otay Mesa East
    assert not labels.in_view(-97.2, 49.0, CAMERA, 1870, 575)  # Pembina, far away


def test_a_tilted_camera_sees_farther_north():
    flat = {**CAMERA, "pitch": 0}
    x, y = labels.screen_xy(CAMERA["longitude"], CAMERA["latitude"], CAMERA["zoom"])
    world = labels.TILE_PX * 2 ** CAMERA["zoom"]
    # a point 400 px north of the centre on a 575 px tall map
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * (y - 400) / world))) - math.pi / 2)
    assert not labels.in_view(CAMERA["longitude"], lat, flat, 1870, 575)
    assert labels.in_view(CAMERA["longitude"], lat, {**CAMERA, "pitch": 40}, 1870, 575)
