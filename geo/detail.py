"""Finer outlines near the US borders, for maps that zoom in to a city pair.

The base map (``geo.boundaries``, 8 km simplification) is right for a continent and crude
at city zoom: San Diego Bay becomes one straight line. ``python -m geo.detail`` writes
data/boundaries_detail.geojson from the same Natural Earth 1:10m admin-1 file: every
subdivision cut to a band of ``BAND_DEG`` degrees around the US land borders (Canada and
Mexico), large lakes cut out, simplified on shared edges at ``SIMPLIFY_M`` metres. The
band itself is stored as a foreign member ``band`` of the FeatureCollection.

``detailed_geojson(lang)`` gives the base map with those finer outlines swapped in inside
the band (a drop-in for ``boundaries.boundaries_geojson`` on close-up maps).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

from geo import boundaries
from geo.convert import dumps_compact, geometry_to_geojson

DETAIL_GEOJSON = boundaries.DATA / "boundaries_detail.geojson"
BAND_DEG = 0.5  # about 55 km either side of the border
SIMPLIFY_M = 400
GRID_DEG = 0.0005
PRECISION = 4
# Below this zoom the base map's 8 km outlines are finer than a screen pixel can show.
MIN_ZOOM = 7.0


def border_band(admin1, lines, band_deg: float = BAND_DEG):
    """Land boundary lines + subdivisions -> the band around the US borders (a polygon).

    Only lines that touch the United States count: Mexico's southern border is not ours.
    """
    import shapely

    us = shapely.union_all(admin1.geometry.values[(admin1["country"] == "US").values])
    touching = [g for g in lines.geometry.values if g.distance(us) < 0.01]
    if not touching:
        raise ValueError("no land boundary line touches the United States")
    return shapely.union_all(touching).buffer(band_deg)


def detail_features(admin1, lakes, band, simplify_m: float = SIMPLIFY_M) -> dict:
    """Subdivisions, lakes and the band -> FeatureCollection of the band's finer outlines.

    Neighbours keep meeting exactly (coverage simplification, then one grid for all).
    """
    import geopandas as gpd
    import shapely

    cut = shapely.intersection(shapely.difference(admin1.geometry.values, lakes), band)
    keep = ~shapely.is_empty(cut)
    projected = gpd.GeoSeries(cut[keep], crs=admin1.crs).to_crs(boundaries.EQUAL_AREA).values
    simple = shapely.coverage_simplify(projected, simplify_m)
    back = gpd.GeoSeries(simple, crs=boundaries.EQUAL_AREA).to_crs("EPSG:4326").values
    snapped = shapely.orient_polygons(shapely.set_precision(back, GRID_DEG))
    rows = admin1[keep][boundaries.PROPERTIES].to_dict("records")
    features = [
        {"type": "Feature", "properties": row, "geometry": geometry_to_geojson(geom, PRECISION)}
        for row, geom in zip(rows, snapped, strict=True)
        if not geom.is_empty
    ]
    band_out = shapely.set_precision(band.simplify(0.01), GRID_DEG)
    return {
        "type": "FeatureCollection",
        "band": geometry_to_geojson(band_out, PRECISION),
        "features": features,
    }


def build(shared_dir: Path = boundaries.SHARED, out: Path = DETAIL_GEOJSON) -> Path:
    """Regenerate data/boundaries_detail.geojson from ``shared_dir``; return its path."""
    admin1 = boundaries.read_admin1(shared_dir)
    lakes = boundaries.large_lakes(shared_dir)
    band = border_band(admin1, boundaries.read_land_lines(shared_dir))
    collection = detail_features(admin1, lakes, band)
    out = Path(out)
    out.write_text(dumps_compact(collection) + "\n", encoding="utf-8")
    return out


@lru_cache(maxsize=2)
def _composite(base_path: str, detail_path: str) -> tuple[dict, ...]:
    """Base features with their part inside the band replaced by the finer outline."""
    import shapely
    from shapely.geometry import shape

    base = boundaries._read_feature_collection(base_path)
    with open(detail_path, encoding="utf-8") as fh:
        detail = json.load(fh)
    band = shape(detail["band"])
    finer = {f["properties"]["place_id"]: shape(f["geometry"]) for f in detail["features"]}
    out = []
    for feature in base["features"]:
        place_id = feature["properties"]["place_id"]
        geometry = feature["geometry"]
        if place_id in finer and geometry:
            outside = shapely.difference(shape(geometry), band)
            merged = shapely.union(outside, finer[place_id])
            # Snapped on the written grid, so rounding makes no self-intersection.
            snapped = shapely.set_precision(shapely.make_valid(merged), 10**-PRECISION)
            geometry = geometry_to_geojson(snapped, PRECISION)
        out.append({"properties": feature["properties"], "geometry": geometry})
    return tuple(out)


def detailed_geojson(
    lang: str = "en", base_path: Path | str | None = None, detail_path: Path | str | None = None
) -> dict:
    """The base map with finer outlines near the US borders, ``name`` in ``lang``.

    Same features and properties as ``boundaries.boundaries_geojson``; geometry dicts are
    shared with the cache: do not mutate them.
    """
    if lang not in ("en", "es", "fr"):
        raise ValueError(f"lang must be en, es or fr, not {lang!r}")
    merged = _composite(
        str(base_path or boundaries.BOUNDARIES_GEOJSON), str(detail_path or DETAIL_GEOJSON)
    )
    features = [
        {
            "type": "Feature",
            "properties": {**f["properties"], "name": f["properties"][f"name_{lang}"]},
            "geometry": f["geometry"],
        }
        for f in merged
    ]
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    """CLI: rebuild data/boundaries_detail.geojson from ../shared/data."""
    parser = argparse.ArgumentParser(prog="python -m geo.detail", description=__doc__)
    parser.add_argument("--shared", type=Path, default=boundaries.SHARED)
    parser.add_argument("--out", type=Path, default=DETAIL_GEOJSON)
    args = parser.parse_args(argv)
    try:
        path = build(args.shared, args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
