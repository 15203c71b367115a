"""The one conversion boundary: everything geographic bound for the browser passes here.

In: GeoDataFrames / DataFrames / shapely geometries. Out: plain JSON-safe Python
(dicts, lists, str, int, float, bool, None) with coordinates in EPSG:4326 rounded
to a fixed number of decimals, so payloads stay small and ``json.dumps`` never
meets numpy scalars, NaN or Timestamps.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import Decimal

import numpy as np
import pandas as pd

WGS84 = "EPSG:4326"
# 3 decimals of a degree is about 100 m: finer than a pixel at state zoom.
DEFAULT_PRECISION = 3


def json_safe(value):
    """One cell value -> a JSON-safe Python value (NaN/NaT/None -> None)."""
    if value is None:
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return value
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).isoformat()
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray | pd.Series):
        return [json_safe(v) for v in value]
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return str(value)


def round_coords(coords, precision: int = DEFAULT_PRECISION):
    """Nested coordinate lists/tuples -> nested lists of rounded floats."""
    if isinstance(coords, list | tuple) and coords and isinstance(coords[0], int | float):
        return [round(float(c), precision) for c in coords]
    return [round_coords(c, precision) for c in coords]


def geometry_to_geojson(geom, precision: int = DEFAULT_PRECISION) -> dict | None:
    """A shapely geometry (already in EPSG:4326) -> a GeoJSON geometry dict."""
    if geom is None or geom.is_empty:
        return None
    mapped = geom.__geo_interface__
    return {"type": mapped["type"], "coordinates": round_coords(mapped["coordinates"], precision)}


def to_wgs84(gdf):
    """A GeoDataFrame -> the same in EPSG:4326 (refuses one with no CRS)."""
    if gdf.crs is None:
        raise ValueError("GeoDataFrame has no CRS; set it before sending it to the map")
    return gdf if gdf.crs.to_string() == WGS84 else gdf.to_crs(WGS84)


def to_geojson(gdf, columns: list[str] | None = None, precision: int = DEFAULT_PRECISION) -> dict:
    """A GeoDataFrame -> a GeoJSON FeatureCollection dict (JSON-safe properties).

    ``columns`` picks the properties to keep (default: every non-geometry column).
    """
    gdf = to_wgs84(gdf)
    geom_col = gdf.geometry.name
    cols = [c for c in gdf.columns if c != geom_col] if columns is None else list(columns)
    missing = [c for c in cols if c not in gdf.columns]
    if missing:
        raise ValueError(f"columns not in the frame: {missing}")
    features = []
    for props, geom in zip(gdf[cols].to_dict("records"), gdf.geometry.values, strict=True):
        features.append(
            {
                "type": "Feature",
                "properties": {k: json_safe(v) for k, v in props.items()},
                "geometry": geometry_to_geojson(geom, precision),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def to_records(df: pd.DataFrame, columns: list[str] | None = None) -> list[dict]:
    """A (Geo)DataFrame -> list of JSON-safe row dicts, geometry dropped (tabular layers)."""
    geom_col = getattr(getattr(df, "geometry", None), "name", None)
    cols = [c for c in df.columns if c != geom_col] if columns is None else list(columns)
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"columns not in the frame: {missing}")
    return [{k: json_safe(v) for k, v in row.items()} for row in df[cols].to_dict("records")]


def dumps_compact(obj) -> str:
    """JSON text without spaces (what a browser payload costs)."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def payload_bytes(obj) -> int:
    """UTF-8 size in bytes of ``obj`` as compact JSON."""
    return len(dumps_compact(obj).encode("utf-8"))
