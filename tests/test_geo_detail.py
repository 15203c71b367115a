"""Finer outlines near the US borders (geo/detail.py, data/boundaries_detail.geojson)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, box, shape

from geo import boundaries, detail

SHARED = Path(__file__).resolve().parents[1] / "../shared/data"
SAN_DIEGO_BAY = box(-117.30, 32.55, -117.05, 32.80)


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads(detail.DETAIL_GEOJSON.read_text(encoding="utf-8"))


def vertices_in(collection: dict, place_id: str, area) -> int:
    feature = next(f for f in collection["features"] if f["properties"]["place_id"] == place_id)
    points = shapely.points(shapely.get_coordinates(shape(feature["geometry"])))
    return int(shapely.contains(area, points).sum())


def test_regenerating_from_shared_data_gives_the_committed_bytes(tmp_path):
    if not (SHARED / boundaries.NE_DIR).exists():
        pytest.fail("../shared/data/natural_earth_north_america is missing (CI has it)")
    out = detail.build(SHARED, tmp_path / "detail.geojson")
    assert out.read_bytes() == detail.DETAIL_GEOJSON.read_bytes()


def test_the_band_follows_both_us_borders_and_not_mexico_s_southern_one(committed):
    band = shape(committed["band"])
    assert band.contains(Point(-117.0, 32.55))  # San Ysidro, US–Mexico
    assert band.contains(Point(-97.2, 49.0))  # Pembina, US–Canada
    assert not band.contains(Point(-92.2, 14.7))  # Mexico–Guatemala
    assert not band.contains(Point(-99.1, 19.4))  # Mexico City, far from any border


def test_close_up_outlines_are_valid_and_keep_every_place(committed):
    merged = detail.detailed_geojson("es")
    base = boundaries.boundaries_geojson("es")
    assert [f["properties"]["place_id"] for f in merged["features"]] == [
        f["properties"]["place_id"] for f in base["features"]
    ]
    geoms = [shape(f["geometry"]) for f in merged["features"]]
    assert shapely.is_valid(geoms).all()
    names = {f["properties"]["place_id"]: f["properties"]["name"] for f in merged["features"]}
    assert names["MX-NLE"] == "Nuevo León"


def test_san_diego_bay_has_many_more_vertices_than_on_the_base_map(committed):
    merged = detail.detailed_geojson("en")
    base = boundaries.boundaries_geojson("en")
    fine, coarse = (
        vertices_in(merged, "US-CA", SAN_DIEGO_BAY),
        vertices_in(base, "US-CA", SAN_DIEGO_BAY),
    )
    assert fine >= 5 * max(coarse, 1), (fine, coarse)


def test_away_from_the_border_the_base_outline_is_kept():
    merged = {
        f["properties"]["place_id"]: f["geometry"]
        for f in detail.detailed_geojson("en")["features"]
    }
    base = {
        f["properties"]["place_id"]: f["geometry"]
        for f in boundaries.boundaries_geojson("en")["features"]
    }
    assert merged["US-KS"] == base["US-KS"]  # Kansas touches neither border
    assert merged["US-CA"] != base["US-CA"]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        detail.detailed_geojson("de")
