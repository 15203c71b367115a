"""Conversion boundary: JSON-safe values, rounding, reprojection (synthetic data)."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo import convert


def test_json_safe_turns_numpy_nan_and_timestamps_into_plain_values():
    row = {
        "i": np.int64(3),
        "f": np.float32(1.5),
        "nan": float("nan"),
        "na": pd.NA,
        "nat": pd.NaT,
        "ts": pd.Timestamp("2025-01-01"),
        "b": np.bool_(True),
        "arr": np.array([1, 2]),
    }
    out = convert.json_safe(row)
    assert out == {
        "i": 3,
        "f": 1.5,
        "nan": None,
        "na": None,
        "nat": None,
        "ts": "2025-01-01T00:00:00",
        "b": True,
        "arr": [1, 2],
    }
    json.dumps(out, allow_nan=False)


def test_to_geojson_reprojects_to_wgs84_and_rounds_coordinates():
    # synthetic point in Web Mercator at about (-100.123456 lon, 40.654321 lat)
    pt = gpd.GeoSeries([shapely.Point(-100.123456, 40.654321)], crs="EPSG:4326").to_crs(3857)
    gdf = gpd.GeoDataFrame({"v": [np.float64(2.0)]}, geometry=pt, crs=3857)
    fc = convert.to_geojson(gdf)
    assert fc["features"][0]["geometry"]["coordinates"] == [-100.123, 40.654]
    assert fc["features"][0]["properties"] == {"v": 2.0}


def test_to_geojson_refuses_a_frame_without_crs():
    gdf = gpd.GeoDataFrame({"v": [1]}, geometry=[shapely.Point(0, 0)])
    with pytest.raises(ValueError, match="CRS"):
        convert.to_geojson(gdf)


def test_to_records_drops_geometry_for_tabular_layers():
    gdf = gpd.GeoDataFrame({"v": [1], "t": [pd.NaT]}, geometry=[shapely.Point(0, 0)], crs=4326)
    assert convert.to_records(gdf) == [{"v": 1, "t": None}]


def test_payload_bytes_counts_compact_utf8():
    assert convert.payload_bytes({"a": "é"}) == len('{"a":"é"}'.encode())
