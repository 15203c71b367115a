"""Distance from a point to the US-Canada or US-Mexico border line of the committed base map.

The cities loader flags border cities with it, so it lives on the ingest side: ``geo``
imports from ``ingest`` (the store's column lists, LoadError), never the other way round.
Plain Python; shapely is imported inside the functions so ``python -m ingest load`` stays light.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

BOUNDARIES_GEOJSON = Path(__file__).resolve().parents[1] / "data" / "boundaries.geojson"
EARTH_RADIUS_KM = 6371.0088
# Shores closer than this to the other country count as border: the simplified map
# leaves the Detroit, St. Clair and Niagara rivers as open water between neighbours.
RIVER_GAP_DEG = 0.03


def haversine_km(source: tuple[float, float], target: tuple[float, float]) -> float:
    """Two (lon, lat) points -> great-circle distance in km."""
    (lon1, lat1), (lon2, lat2) = source, target
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@lru_cache(maxsize=4)
def border_lines(path: str) -> dict:
    """Boundaries GeoJSON path -> {border name: the US/partner edges that meet or face each
    other across a river} (shapely geometries)."""
    import shapely

    with open(path, encoding="utf-8") as fh:
        fc = json.load(fh)
    by_country: dict[str, list] = {"US": [], "CA": [], "MX": []}
    for f in fc["features"]:
        by_country[f["properties"]["country"]].append(shapely.geometry.shape(f["geometry"]))
    us = shapely.union_all(by_country["US"])
    out = {}
    for name, code in (("US-Canada", "CA"), ("US-Mexico", "MX")):
        other = shapely.union_all(by_country[code])
        out[name] = shapely.union(
            shapely.intersection(us.boundary, shapely.buffer(other, RIVER_GAP_DEG)),
            shapely.intersection(other.boundary, shapely.buffer(us, RIVER_GAP_DEG)),
        )
    return out


def border_distance_km(lat: float, lon: float, path: Path | str | None = None) -> tuple[float, str]:
    """A point -> (distance in km to the nearest international border line, which border).

    Measured on the committed (simplified) map; good to a few km. Lake stretches of
    the border are not in the map (the lakes are cut out), river stretches are.
    """
    import shapely

    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"not a WGS84 point: lat={lat}, lon={lon}")
    point = shapely.Point(lon, lat)
    best = None
    for name, line in border_lines(str(path or BOUNDARIES_GEOJSON)).items():
        near = shapely.shortest_line(point, line).coords[1]
        km = haversine_km((lon, lat), (near[0], near[1]))
        if best is None or km < best[0]:
            best = (km, name)
    return best
