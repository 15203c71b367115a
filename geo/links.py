"""Map-ready rows for links between places (arcs) and for ports (points).

Both return plain DataFrames with ``[lon, lat]`` position columns that pydeck's
ArcLayer / ScatterplotLayer read directly (``get_source_position="source_position"``);
pass them through ``geo.convert.to_records`` before sending them to the browser.

Arcs join economic centres, not label points: a state's or province's end is the
principal city of its largest metropolitan area (``geo.centres``, data/centres.csv),
so a Vermont–Québec flow ends in Montréal, not in the northern forest where Québec's
label sits. A city id (``CA-QC:quebec-city``) keeps its own point: an initiative that
names a city is drawn to that city.
"""

from __future__ import annotations

import math

import pandas as pd

from geo.centres import centre_positions

PORT_COLUMNS = ["port_code", "port_name", "lat", "lon"]
COORD_DECIMALS = 4  # ~10 m: ports and city points are exact locations, unlike outlines


def _positions(places: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Places frame (place_id, lat, lon) -> {place_id: (lon, lat)}, rows without coords skipped."""
    missing = {"place_id", "lat", "lon"} - set(places.columns)
    if missing:
        raise ValueError(f"places frame lacks columns {sorted(missing)}")
    out = {}
    for pid, lat, lon in zip(places["place_id"], places["lat"], places["lon"], strict=True):
        if pd.notna(lat) and pd.notna(lon):
            out[str(pid)] = (round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS))
    return out


def at_centres(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """{place_id: (lon, lat)} -> the same ids, states/provinces moved to their economic
    centre (``data/centres.csv``); cities, countries and unknown ids keep their point."""
    centres = centre_positions()
    return {
        pid: tuple(round(v, COORD_DECIMALS) for v in centres[pid]) if pid in centres else xy
        for pid, xy in positions.items()
    }


def centre_columns(df: pd.DataFrame, id_col: str, lon_col: str, lat_col: str) -> pd.DataFrame:
    """Rows with a place id and its lon/lat -> a copy whose state/province rows carry the
    place's economic centre instead (see ``at_centres``); other rows are unchanged."""
    for col in (id_col, lon_col, lat_col):
        if col not in df.columns:
            raise ValueError(f"column {col!r} not in the frame")
    centres = centre_positions()
    out = df.copy()
    ends = [centres.get(str(pid)) if pd.notna(pid) else None for pid in df[id_col]]
    out[lon_col] = [
        round(c[0], COORD_DECIMALS) if c else x for c, x in zip(ends, df[lon_col], strict=True)
    ]
    out[lat_col] = [
        round(c[1], COORD_DECIMALS) if c else y for c, y in zip(ends, df[lat_col], strict=True)
    ]
    return out


def pair_ends_at_centres(frame: pd.DataFrame) -> pd.DataFrame:
    """Two-party links (a_place, a_lon, a_lat, b_place, b_lon, b_lat; b_place NULL for a
    single-party point) -> a copy whose link ends are economic centres (``centre_columns``);
    a point keeps its place's own position (its label point). ``frame`` is not modified."""
    for col in ("a_place", "a_lon", "a_lat", "b_place", "b_lon", "b_lat"):
        if col not in frame.columns:
            raise ValueError(f"column {col!r} not in the frame")
    out = frame.copy()
    links = out["b_place"].notna()
    if links.any():
        ends = centre_columns(out.loc[links], "a_place", "a_lon", "a_lat")
        ends = centre_columns(ends, "b_place", "b_lon", "b_lat")
        cols = ["a_lon", "a_lat", "b_lon", "b_lat"]
        out.loc[links, cols] = ends[cols]
    return out


def arcs(
    df: pd.DataFrame,
    source_col: str,
    target_col: str,
    places: pd.DataFrame,
    centres: bool = True,
) -> pd.DataFrame:
    """Rows naming two places -> same rows + source/target lon/lat and [lon, lat] positions.

    Adds ``source_lon, source_lat, target_lon, target_lat, source_position,
    target_position``. Ids missing from ``places`` (or without coordinates) raise
    ValueError naming them. With ``centres`` (the default) a state's or province's end
    is its economic centre (``at_centres``), not its point in ``places``. ``df`` is not
    modified.
    """
    for col in (source_col, target_col):
        if col not in df.columns:
            raise ValueError(f"column {col!r} not in the frame")
    pos = _positions(places)
    if centres:
        pos = at_centres(pos)
    ids = pd.concat([df[source_col], df[target_col]]).dropna().astype(str).unique()
    unknown = sorted(i for i in ids if i not in pos)
    if unknown:
        raise ValueError(f"unknown place id(s) for arcs: {unknown}")
    if df[[source_col, target_col]].isna().any().any():
        raise ValueError("arc rows need both a source and a target place id")
    out = df.copy()
    src = [pos[str(i)] for i in df[source_col]]
    dst = [pos[str(i)] for i in df[target_col]]
    out["source_lon"] = [p[0] for p in src]
    out["source_lat"] = [p[1] for p in src]
    out["target_lon"] = [p[0] for p in dst]
    out["target_lat"] = [p[1] for p in dst]
    out["source_position"] = [list(p) for p in src]
    out["target_position"] = [list(p) for p in dst]
    return out


def port_points(ports_df: pd.DataFrame) -> pd.DataFrame:
    """Ports (port_code, port_name, lat, lon, ...) -> rows with a ``position`` [lon, lat].

    Ports without coordinates are dropped (a planned port may not have any yet);
    other columns are kept as they are.
    """
    missing = [c for c in PORT_COLUMNS if c not in ports_df.columns]
    if missing:
        raise ValueError(f"ports frame lacks columns {missing}")
    has = ports_df["lat"].notna() & ports_df["lon"].notna()
    out = ports_df.loc[has].copy()
    lat = out["lat"].astype(float)
    lon = out["lon"].astype(float)
    bad = ~(lat.between(-90, 90) & lon.between(-180, 180))
    if bad.any():
        raise ValueError(f"ports with impossible coordinates: {sorted(out.loc[bad, 'port_code'])}")
    out["lat"] = lat.round(COORD_DECIMALS)
    out["lon"] = lon.round(COORD_DECIMALS)
    out["position"] = [[x, y] for x, y in zip(out["lon"], out["lat"], strict=True)]
    return out.reset_index(drop=True)


def great_circle_km(source: tuple[float, float], target: tuple[float, float]) -> float:
    """Two (lon, lat) points -> distance in km (to size or sort arcs)."""
    (lon1, lat1), (lon2, lat2) = source, target
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
