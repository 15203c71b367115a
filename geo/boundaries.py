"""The base map: 96 states/provinces as one compact GeoJSON (data/boundaries.geojson).

``python -m geo.boundaries`` rebuilds it from Natural Earth 1:10m admin-1 in
``../shared/data/natural_earth_north_america`` (and rewrites data/places.csv and
data/border_pairs.csv from the same read). Steps: fix codes -> cut out large lakes
-> drop small islands -> simplify on shared edges (a coverage, so neighbours keep
meeting exactly) -> snap to a 0.001 degree grid -> compact JSON.

Readers: ``load_boundaries()`` (GeoDataFrame), ``place_shapes()`` ({place_id: geometry})
and ``boundaries_geojson(lang)`` (dict).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

from geo import places
from geo.convert import dumps_compact, geometry_to_geojson

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
BOUNDARIES_GEOJSON = DATA / "boundaries.geojson"
SHARED = REPO / "../shared/data"
NE_DIR = "natural_earth_north_america"
ADMIN1_FILE = "admin1_states_provinces.geojson.gz"
LAKES_FILE = "lakes.geojson.gz"
LAND_LINES_FILE = "admin0_boundary_lines_land.geojson"

EQUAL_AREA = places.EQUAL_AREA
# Lakes of at least this area are cut out: the five Great Lakes and Georgian Bay,
# Lake of the Woods, Winnipeg, Great Slave/Bear, Great Salt Lake, Champlain (1,250 km2),
# St. Clair (1,150 km2), Chapala (1,030 km2) ... 72 lakes in all.
MIN_LAKE_KM2 = 1_000
# Islands smaller than this are dropped (a subdivision always keeps its largest part).
MIN_PART_KM2 = 300
# North of this label latitude (Alaska, the territories) only big islands stay: the
# Arctic archipelago alone would otherwise spend half the byte budget.
NORTH_LAT = 58.0
MIN_PART_KM2_NORTH = 4_000
# Visvalingam-Whyatt tolerance (about sqrt of the dropped triangle area), in metres.
SIMPLIFY_M = 8_000
GRID_DEG = 0.001
PRECISION = 3
BUDGET_BYTES = 250_000
PROPERTIES = ["place_id", "country", "name_en", "name_es", "name_fr", "postal"]


def ne_path(shared_dir: Path, name: str) -> str:
    """A Natural Earth file name -> a path GDAL can read (gzip through /vsigzip/)."""
    path = Path(shared_dir) / NE_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path} not found (is ../shared/data present?)")
    return f"/vsigzip/{path.resolve()}" if name.endswith(".gz") else str(path.resolve())


def read_admin1(shared_dir: Path = SHARED):
    """Natural Earth admin-1 -> GeoDataFrame of the 96 subdivisions with our ids and names."""
    import geopandas as gpd

    raw = gpd.read_file(ne_path(shared_dir, ADMIN1_FILE))
    return places.tidy_admin1(raw)


def read_land_lines(shared_dir: Path = SHARED):
    """Natural Earth international land boundary lines -> GeoDataFrame."""
    import geopandas as gpd

    return gpd.read_file(ne_path(shared_dir, LAND_LINES_FILE))


def large_lakes(shared_dir: Path = SHARED, min_km2: float = MIN_LAKE_KM2):
    """Natural Earth lakes of at least ``min_km2`` -> one (multi)polygon in EPSG:4326."""
    import geopandas as gpd
    import shapely

    lakes = gpd.read_file(ne_path(shared_dir, LAKES_FILE))
    km2 = lakes.to_crs(EQUAL_AREA).area / 1e6
    return shapely.union_all(lakes.geometry.values[(km2 >= min_km2).values])


def drop_small_parts(geom, min_m2: float):
    """A (multi)polygon in metres -> the parts of at least ``min_m2``, always keeping the largest."""
    import shapely

    parts = shapely.get_parts(geom)
    areas = shapely.area(parts)
    keep = [p for p, a in zip(parts, areas, strict=True) if a >= min_m2 or a == areas.max()]
    return keep[0] if len(keep) == 1 else shapely.multipolygons(keep)


def simplify_coverage(admin1, lakes, simplify_m: float = SIMPLIFY_M):
    """Full-detail subdivisions + lake polygon -> simplified, grid-snapped GeoDataFrame (EPSG:4326).

    Neighbours share edges before and after: coverage simplification moves a
    shared edge once for both sides, and grid snapping rounds shared vertices alike.
    """
    import geopandas as gpd
    import shapely

    cut = shapely.difference(admin1.geometry.values, lakes)
    projected = gpd.GeoSeries(cut, crs=admin1.crs).to_crs(EQUAL_AREA).values
    thresholds = [
        (MIN_PART_KM2_NORTH if lat > NORTH_LAT else MIN_PART_KM2) * 1e6
        for lat in admin1["latitude"]
    ]
    kept = [drop_small_parts(g, t) for g, t in zip(projected, thresholds, strict=True)]
    simple = shapely.coverage_simplify(kept, simplify_m)
    back = gpd.GeoSeries(simple, crs=EQUAL_AREA).to_crs("EPSG:4326").values
    snapped = shapely.orient_polygons(shapely.set_precision(back, GRID_DEG))
    out = admin1[PROPERTIES + ["latitude", "longitude"]].copy()
    return gpd.GeoDataFrame(out, geometry=list(snapped), crs="EPSG:4326")


def to_feature_collection(gdf) -> dict:
    """Simplified GeoDataFrame -> compact FeatureCollection with PROPERTIES only."""
    features = [
        {
            "type": "Feature",
            "properties": {k: row[k] for k in PROPERTIES},
            "geometry": geometry_to_geojson(geom, PRECISION),
        }
        for row, geom in zip(gdf[PROPERTIES].to_dict("records"), gdf.geometry, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def build(shared_dir: Path = SHARED, out_dir: Path = DATA) -> list[Path]:
    """Regenerate boundaries.geojson, places.csv, border_pairs.csv in ``out_dir``; return paths."""
    admin1 = read_admin1(shared_dir)
    lakes = large_lakes(shared_dir)
    pairs = places.border_pairs(admin1, read_land_lines(shared_dir), water=lakes)
    table = places.build_places(admin1, pairs)
    simple = simplify_coverage(admin1, lakes)
    text = dumps_compact(to_feature_collection(simple))
    size = len(text.encode("utf-8"))
    if size > BUDGET_BYTES:
        raise ValueError(f"base map is {size} bytes, over the {BUDGET_BYTES} byte budget")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "boundaries.geojson", out_dir / "places.csv", out_dir / "border_pairs.csv"]
    paths[0].write_text(text + "\n", encoding="utf-8")
    table.to_csv(paths[1], index=False, lineterminator="\n")
    pairs.to_csv(paths[2], index=False, lineterminator="\n")
    return paths


@lru_cache(maxsize=4)
def _read_feature_collection(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=4)
def _read_gdf(path: str):
    import geopandas as gpd

    return gpd.read_file(path).set_crs("EPSG:4326", allow_override=True)


def load_boundaries(path: Path | str | None = None):
    """The committed base map -> GeoDataFrame (EPSG:4326), one row per place_id (a copy)."""
    return _read_gdf(str(path or BOUNDARIES_GEOJSON)).copy()


@lru_cache(maxsize=4)
def place_shapes(path: Path | str | None = None) -> dict:
    """The committed base map -> {place_id: shapely geometry (EPSG:4326)}, read once."""
    gdf = _read_gdf(str(path or BOUNDARIES_GEOJSON))
    return dict(zip(gdf["place_id"], gdf.geometry, strict=True))


def boundaries_geojson(lang: str = "en", path: Path | str | None = None) -> dict:
    """The base map as a GeoJSON dict with ``name`` in ``lang`` ('en' | 'es' | 'fr').

    Feature and properties dicts are fresh on every call (add indicator values
    freely); geometry dicts are shared with the cache: do not mutate them.
    """
    if lang not in ("en", "es", "fr"):
        raise ValueError(f"lang must be en, es or fr, not {lang!r}")
    cached = _read_feature_collection(str(path or BOUNDARIES_GEOJSON))
    features = [
        {
            "type": "Feature",
            "properties": {**f["properties"], "name": f["properties"][f"name_{lang}"]},
            "geometry": f["geometry"],
        }
        for f in cached["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    """CLI: rebuild the committed geometry files from ../shared/data."""
    parser = argparse.ArgumentParser(prog="python -m geo.boundaries", description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    try:
        paths = build(args.shared, args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for p in paths:
        print(f"wrote {p} ({p.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
