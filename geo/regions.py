"""Where places sit relative to the borders, and camera views fitted to them.

- ``neighbours_across_border(place_id)``: partner places meeting it across a border.
- ``border_of(place_id)``: 'US-Canada' | 'US-Mexico' | None.
- ``bbox_of(place_ids)`` / ``view_for(place_ids)``: extent and pydeck-style camera.
- ``border_distance_km(lat, lon)``: how far a point is from the US-Canada / US-Mexico line.

All read the committed data files (places.csv, border_pairs.csv, boundaries.geojson).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from geo import places as places_mod
from geo.boundaries import BOUNDARIES_GEOJSON, _read_feature_collection
from ingest.borders import border_distance_km  # noqa: F401  (re-exported; computed on the ingest side)

DATA = places_mod.DATA
CITIES_CSV = DATA / "cities.csv"
BORDERS = ("US-Canada", "US-Mexico")
# Default viewport the zoom is fitted to (the dashboard's map height is ~500 px).
VIEW_WIDTH_PX = 800
VIEW_HEIGHT_PX = 500
MAX_ZOOM = 9.0
# A lone point (a city) gets a fixed metro-scale zoom.
POINT_ZOOM = 8.0


def neighbours_across_border(place_id: str) -> list[str]:
    """A place id -> sorted ids of places meeting it across the US-CA or US-MX border.

    E.g. 'US-TX' -> ['MX-CHH', 'MX-COA', 'MX-NLE', 'MX-TAM']; 'CA-QC' -> ['US-ME', ...].
    An inland or unknown place -> [].
    """
    pairs = places_mod.load_border_pairs()
    hits = pairs.loc[pairs["us_place"] == place_id, "partner_place"].tolist()
    hits += pairs.loc[pairs["partner_place"] == place_id, "us_place"].tolist()
    return sorted(set(hits))


def border_of(place_id: str) -> str | None:
    """A place id -> 'US-Canada' | 'US-Mexico' for border places, None otherwise.

    City ids ('US-TX:laredo') get their own flag from cities (see ingest.places), so
    here a city answers with its state's border.
    """
    state = place_id.split(":", 1)[0]
    df = places_mod.load_places()
    hit = df.loc[df["place_id"] == state, "border"]
    if hit.empty or not isinstance(hit.iloc[0], str):
        return None
    return hit.iloc[0]


@lru_cache(maxsize=4)
def _bounds_by_id(path: str) -> dict[str, tuple[float, float, float, float]]:
    import shapely

    fc = _read_feature_collection(path)
    out = {}
    for f in fc["features"]:
        geom = shapely.geometry.shape(f["geometry"])
        out[f["properties"]["place_id"]] = tuple(float(v) for v in geom.bounds)
    return out


@lru_cache(maxsize=1)
def _city_points() -> dict[str, tuple[float, float]]:
    import pandas as pd

    if not CITIES_CSV.exists():
        return {}
    df = pd.read_csv(CITIES_CSV)
    return {r.place_id: (float(r.lon), float(r.lat)) for r in df.itertuples()}


def bbox_of(place_ids, path: Path | str | None = None) -> tuple[float, float, float, float]:
    """Place ids (states, provinces, countries 'US'/'CA'/'MX', cities) -> (minx, miny, maxx, maxy).

    Unknown ids raise ValueError naming them.
    """
    ids = [place_ids] if isinstance(place_ids, str) else list(place_ids)
    if not ids:
        raise ValueError("bbox_of needs at least one place id")
    bounds = _bounds_by_id(str(path or BOUNDARIES_GEOJSON))
    cities = _city_points()
    boxes, unknown = [], []
    for pid in ids:
        if pid in bounds:
            boxes.append(bounds[pid])
        elif pid in ("US", "CA", "MX"):
            boxes += [b for k, b in bounds.items() if k.startswith(pid + "-")]
        elif pid in cities:
            lon, lat = cities[pid]
            boxes.append((lon, lat, lon, lat))
        else:
            unknown.append(pid)
    if unknown:
        raise ValueError(f"unknown place id(s): {unknown}")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view_for(
    place_ids,
    width_px: int = VIEW_WIDTH_PX,
    height_px: int = VIEW_HEIGHT_PX,
    path: Path | str | None = None,
) -> dict:
    """Place ids -> {'latitude', 'longitude', 'zoom'} framing them in a width x height map.

    Web-Mercator fit with a 10 % margin; a single point gets POINT_ZOOM.
    """
    if width_px <= 0 or height_px <= 0:
        raise ValueError("width_px and height_px must be positive")
    minx, miny, maxx, maxy = bbox_of(place_ids, path)
    y0, y1 = _mercator_y(miny), _mercator_y(maxy)
    centre_lat = math.degrees(math.atan(math.sinh((y0 + y1) / 2)))
    centre_lon = (minx + maxx) / 2
    span_x = math.radians(maxx - minx) * 1.1
    span_y = (y1 - y0) * 1.1
    if span_x == 0 and span_y == 0:
        zoom = POINT_ZOOM
    else:
        # At zoom z the world (2*pi radians of Mercator) is 512 * 2**z px wide in deck.gl.
        fits = [
            math.log2(px * 2 * math.pi / (512 * span))
            for px, span in ((width_px, span_x), (height_px, span_y))
            if span > 0
        ]
        zoom = min(min(fits), MAX_ZOOM)
    return {
        "latitude": round(centre_lat, 4),
        "longitude": round(centre_lon, 4),
        "zoom": round(max(zoom, 0.0), 2),
    }
