"""The camera model (geo/camera.py): where a ground point lands on a map, and fitting a
camera to points. Coordinates below are real places (Detroit, Toronto, Port Huron, the
San Ysidro port); the cameras are made up for the test."""

from __future__ import annotations

import math

import pytest

from geo import camera, labels

DETROIT, TORONTO, PORT_HURON = (-83.05, 42.33), (-79.40, 43.71), (-82.42, 43.00)
FLAT = {"latitude": 43.0, "longitude": -81.5, "zoom": 6.0}


def test_the_camera_centre_lands_in_the_middle_of_the_map():
    x, y = camera.project(-81.5, 43.0, {**FLAT, "pitch": 40, "bearing": 25}, 900, 600)
    assert (x, y) == pytest.approx((450, 300))


def test_a_flat_camera_is_plain_web_mercator():
    # The browser tests' map_xy helper and geo.labels use plain Mercator pixels at pitch 0.
    x, y = camera.project(*TORONTO, FLAT, 900, 600)
    tx, ty = labels.screen_xy(*TORONTO, FLAT["zoom"])
    cx, cy = labels.screen_xy(FLAT["longitude"], FLAT["latitude"], FLAT["zoom"])
    assert (x, y) == pytest.approx((450 + tx - cx, 300 + ty - cy))


def test_tilting_squeezes_the_far_north_and_stretches_the_near_south():
    tilted = {**FLAT, "pitch": 45}
    north = camera.project(-81.5, 44.0, tilted, 900, 600)
    south = camera.project(-81.5, 42.0, tilted, 900, 600)
    assert 300 - north[1] < south[1] - 300  # one degree north looks shorter than one south


def test_a_quarter_turn_puts_east_at_the_top():
    x, y = camera.project(-80.5, 43.0, {**FLAT, "bearing": 90}, 900, 600)
    assert x == pytest.approx(450, abs=0.5) and y < 300


@pytest.mark.parametrize("view", [FLAT, {**FLAT, "pitch": 35, "bearing": -10}])
def test_unproject_undoes_project(view):
    for lon, lat in (DETROIT, TORONTO, PORT_HURON):
        x, y = camera.project(lon, lat, view, 1382, 1026)
        assert camera.unproject(x, y, view, 1382, 1026) == pytest.approx((lon, lat))


def test_off_screen_names_the_points_outside_the_margin():
    view = {"latitude": 42.33, "longitude": -83.05, "zoom": 9.0}
    assert camera.off_screen([DETROIT, TORONTO], view, 900, 600) == [TORONTO]
    assert camera.off_screen([DETROIT], view, 900, 600, margin=300) == []
    assert camera.off_screen([DETROIT], view, 900, 600, margin=301) == [DETROIT]


@pytest.mark.parametrize(("pitch", "bearing"), [(0, 0), (35, -10), (60, 30)])
def test_fit_shows_every_point_with_its_margin_and_as_large_as_it_can(pitch, bearing):
    points = [DETROIT, TORONTO, PORT_HURON]
    view = camera.fit(points, 921, 676, margin=80, pitch=pitch, bearing=bearing)
    assert camera.off_screen(points, view, 921, 676, margin=40) == []
    # One step closer and a point leaves the margin: the fit is not needlessly far out.
    closer = {**view, "zoom": view["zoom"] + 0.3}
    assert camera.off_screen(points, closer, 921, 676, margin=80)
    assert (view["pitch"], view["bearing"]) == (pitch, bearing)


def test_fit_of_one_point_stops_at_the_closest_zoom():
    view = camera.fit([DETROIT], 900, 600, max_zoom=11)
    assert view["zoom"] == 11
    assert (view["longitude"], view["latitude"]) == pytest.approx(DETROIT, abs=0.01)


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda: camera.project(0, 0, {"latitude": 0, "longitude": 0}, 9, 9), "needs zoom"),
        (lambda: camera.project(0, 0, FLAT, 0, 600), "must be positive"),
        (lambda: camera.project(0, 89.9, FLAT, 900, 600), "latitude"),
        (lambda: camera.fit([], 900, 600), "at least one point"),
        (lambda: camera.fit([DETROIT], 100, 100, margin=50), "leaves no room"),
    ],
)
def test_bad_arguments_are_refused_with_a_reason(call, problem):
    with pytest.raises(ValueError, match=problem):
        call()


def test_a_point_behind_the_eye_has_no_pixel():
    # Tilted almost flat, the ground far SOUTH of the centre lies behind the eye.
    steep = {**FLAT, "zoom": 2.0, "pitch": 84.9}
    assert camera.project(-81.5, -80.0, steep, 900, 600) is None
    assert not math.isnan(camera.project(-81.5, 43.0, steep, 900, 600)[0])
