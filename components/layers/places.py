"""States and provinces on a map: the shaded, clickable choropleth and the plain land backdrop.

Geometry comes from ``geo/`` (plain Python); this module only styles it. No streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Collection

import pandas as pd
import pydeck as pdk

from components import palettes
from components.i18n import t
from components.layers.base import BASE_LAYER_ID, LayerFacts, LayerGroup, describe, tip_text


def _polygon_parts(geometry: dict | None) -> list:
    """GeoJSON Polygon/MultiPolygon -> list of polygons (each a list of rings)."""
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def choropleth_layer(
    geojson: dict,
    values: pd.DataFrame | None,
    palette=palettes.SEQUENTIAL,
    fmt=str,
    label: str = "",
    selected: str | Collection[str] | None = None,
    highlight: set[str] | None = None,
    fills: dict[str, tuple] | None = None,
) -> tuple[LayerGroup, list[tuple[tuple, str]]]:
    """States/provinces shaded by ``values`` (place_id, value) -> (layers, legend entries).

    ``geojson`` features need ``place_id`` and ``name`` properties (from
    ``geo.boundaries.boundaries_geojson``); it is not mutated (it is cached).
    Places without a value are grey and say 'no data' in their tooltip.
    ``selected`` (one place id, or several: both places of a selected pair) and
    ``highlight`` place ids get a thick outline (e.g. neighbours on a profile);
    ``fills`` forces the colour of some places (a locator map).

    One PolygonLayer (filled AND stroked, one row per polygon part) sends the
    rings once (~200 KB compact for the whole continent, under the 250 KB base
    budget). Not a GeoJsonLayer: Streamlit files a click under the id of the
    picked deck.gl layer and checks it against the spec's layers, and a
    GeoJsonLayer's data is not a row list, so its clicks were dropped.
    """
    by_place = {}
    if values is not None and not values.empty:
        by_place = dict(zip(values["place_id"], values["value"], strict=True))
    edges = palettes.class_breaks(list(by_place.values()))
    chosen = {selected} if isinstance(selected, str) else set(selected or ())
    rows = []
    items, chosen_names = [], []
    for feature in geojson.get("features", []):
        props = feature.get("properties") or {}
        place_id = props.get("place_id")
        value = by_place.get(place_id)
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        name = props.get("name") or place_id
        items.append((name, None if missing else float(value), "" if missing else fmt(value)))
        if place_id in chosen:
            chosen_names.append(name)
        colour = palettes.colour_for(None if missing else value, edges, palette)
        if fills and place_id in fills:
            colour = fills[place_id]
        shown = t("ui.no_data") if missing else fmt(value)
        tip = tip_text(name, [(label, shown)] if label else [])
        if place_id in chosen:
            line, width = list(palettes.SELECTED_OUTLINE), 3
        elif highlight and place_id in highlight:
            line, width = list(palettes.SELECTED_OUTLINE), 2
        else:
            line, width = list(palettes.OUTLINE), 0.6
        for polygon in _polygon_parts(feature.get("geometry")):
            rows.append(
                {
                    "polygon": polygon,
                    "place_id": place_id,
                    "fill": [*colour, 210],
                    "line": line,
                    "width": width,
                    "sel_id": place_id,
                    "tip": tip,
                }
            )
    # Thick outlines last so they are drawn over their thin neighbours.
    rows.sort(key=lambda row: row["width"])
    layer = pdk.Layer(
        "PolygonLayer",
        data=rows,
        id=BASE_LAYER_ID,
        pickable=True,
        filled=True,
        stroked=True,
        get_polygon="polygon",
        get_fill_color="fill",
        get_line_color="line",
        get_line_width="width",
        line_width_units="'pixels'",
        line_width_min_pixels=0.5,
        auto_highlight=True,
        highlight_color=[255, 255, 255, 80],
    )
    describe(layer, LayerFacts("shaded", label, tuple(items), tuple(chosen_names)))
    return LayerGroup([layer]), palettes.legend_entries(edges, fmt, palette)


def land_layer(lang: str) -> pdk.Layer:
    """States and provinces as a plain, non-clickable backdrop (the offline basemap has no land)."""
    from geo import boundaries

    return pdk.Layer(
        "GeoJsonLayer",
        data=boundaries.boundaries_geojson(lang),
        id="land",
        pickable=False,
        stroked=True,
        filled=True,
        get_fill_color=[246, 243, 236],
        get_line_color=[150, 150, 150],
        line_width_min_pixels=0.5,
    )
