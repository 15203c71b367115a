"""The investment map of Jobs and investment: Mexican states shaded by FDI from one origin,
with arcs from the origin country, and its text alternative (``summary_text``: only the
Mexican states count, and withheld values are named as such). Plain Python (no Streamlit); layers from
``components.layers``, the deck from ``components.deckjson``.

Arc ends: each Mexican state's economic centre (``geo.centres``, ``data/centres.csv``);
the origin country's point from ``data/country_points.csv`` (US: the Census Bureau's 2020
mean centre of population; Canada: Ottawa, the capital), each row citing its source.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from components.i18n import t
from components.layers.arcs import arcs_layer
from components.layers.base import tip_text
from components.layers.places import choropleth_layer

POINTS_CSV = Path(__file__).resolve().parents[1] / "data" / "country_points.csv"
LAND_FILL = (246, 243, 236)  # countries outside the map's subject: plain land
CONFIDENTIAL_FILL = (190, 190, 190)  # withheld by the source: neither a value nor 'no data'
MAX_ARCS = 10  # the largest inflows only: 32 arcs from one point knot into a fan
# Mexico and the two origins' points in view (a 1440-px laptop screen's map column).
CAMERA = {
    "US": {"latitude": 26.6, "longitude": -99.0, "zoom": 3.65},
    "CA": {"latitude": 30.5, "longitude": -92.5, "zoom": 3.15},
    "all": {"latitude": 23.6, "longitude": -102.0, "zoom": 4.1},
}


@functools.cache
def origin_points() -> dict[str, dict[str, str]]:
    """{country code: {point_name, lat, lon, kind, source}} from ``data/country_points.csv``."""
    with POINTS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["country"]: row for row in csv.DictReader(handle)}


def origin_arcs(
    values: pd.DataFrame, origin: str, centres: dict, tip_for, top: int = MAX_ARCS
) -> pd.DataFrame:
    """Arcs from ``origin``'s point to the ``top`` states with the largest positive inflow.

    In: values (place_id, value), the origin code, {place_id: (lon, lat)} of state centres,
    ``tip_for(place_id, value) -> str``. Out: the link frame ``arcs_layer`` reads (empty
    for 'all' or an origin without a documented point).
    """
    point = origin_points().get(origin)
    columns = ["source_lon", "source_lat", "target_lon", "target_lat", "value", "kind", "tip"]
    if point is None or values.empty:
        return pd.DataFrame(columns=columns)
    positive = values[values["value"] > 0].nlargest(top, "value")
    positive = positive[positive["place_id"].isin(centres)]
    return pd.DataFrame(
        {
            "source_lon": float(point["lon"]),
            "source_lat": float(point["lat"]),
            "target_lon": [centres[p][0] for p in positive["place_id"]],
            "target_lat": [centres[p][1] for p in positive["place_id"]],
            "value": positive["value"].astype(float).tolist(),
            "kind": "trade",
            "tip": [
                tip_for(p, v) for p, v in zip(positive["place_id"], positive["value"], strict=True)
            ],
        },
        columns=columns,
    )


def fdi_layers(
    geojson: dict,
    values: pd.DataFrame,
    *,
    label: str,
    fmt,
    selected: str | None,
    arcs: pd.DataFrame,
) -> tuple[list, list[tuple[tuple, str]]]:
    """(layers, legend entries) of the investment map.

    ``values``: place_id, value (USD; NaN = unknown), confidential. Mexican states are
    shaded; a confidential state is grey and its tooltip says so; US and Canadian
    places are plain land without a tooltip value (the map is about Mexico).
    """
    known = values[values["value"].notna()]
    group, legend = choropleth_layer(
        geojson, known[["place_id", "value"]], fmt=fmt, label=label, selected=selected
    )
    withheld = set(values.loc[values["confidential"].fillna(False).astype(bool), "place_id"])
    names = {f["properties"]["place_id"]: f["properties"].get("name") for f in geojson["features"]}
    for row in group[0].data:
        place = row["place_id"]
        if not str(place).startswith("MX-"):
            row["fill"], row["tip"], row["sel_id"] = [*LAND_FILL, 255], names.get(place), None
        elif place in withheld:
            row["fill"] = [*CONFIDENTIAL_FILL, 230]
            row["tip"] = tip_text(names.get(place) or place, [(label, t("fdi.confidential"))])
    layers = [group]
    if not arcs.empty:
        layers.append(arcs_layer(arcs, max_px=14, alpha=170, height=0.35))
    if withheld:
        legend = [*legend, (CONFIDENTIAL_FILL, t("fdi.confidential"))]
    return layers, legend


def summary_text(
    values: pd.DataFrame,
    what: str,
    fmt: Callable[[float], str],
    name: Callable[[str], str],
    selected: str | None = None,
    top: int = 3,
    unknown: dict[str, str] | None = None,
) -> str:
    """One paragraph describing a shaded map.

    In: values (place_id, value; NaN = unknown), ``what`` the map shades ('Foreign direct
    investment from the United States, 2024'), a value formatter, a place-name lookup, the
    selected place id, how many places to name, ``unknown`` {place_id: why} for places
    whose value is withheld ('confidential'). Out: the sentence(s), in the UI language.
    """
    known = values[values["value"].notna()].sort_values("value", ascending=False)
    parts = [t("mapsum.shaded", what=what, n=len(known))]
    if known.empty:
        parts.append(t("mapsum.none"))
    else:
        largest = [
            f"{name(p)} ({fmt(v)})" for p, v in zip(known["place_id"], known["value"], strict=True)
        ]
        parts.append(t("mapsum.top", n=min(top, len(largest)), places="; ".join(largest[:top])))
    if unknown:
        listed = ", ".join(sorted(name(p) for p in unknown))
        parts.append(t("mapsum.withheld", places=listed, why=next(iter(unknown.values()))))
    if selected:
        hit = values[values["place_id"] == selected]
        if selected in (unknown or {}):
            shown = unknown[selected]
        elif hit.empty or pd.isna(hit["value"].iloc[0]):
            shown = t("ui.no_data")
        else:
            shown = fmt(float(hit["value"].iloc[0]))
        parts.append(t("mapsum.selected", place=name(selected), value=shown))
    return " ".join(parts)
