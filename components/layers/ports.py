"""Ports of entry on a map: open ports sized by crossings, planned ports as rings. No streamlit."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from components import palettes
from components.i18n import port_name, t
from components.layers.base import (
    PLANNED_PORTS_LAYER_ID,
    PORTS_LAYER_ID,
    LayerFacts,
    describe,
    tip_text,
)


def ports_layer(
    ports_df: pd.DataFrame,
    measure: str,
    fmt=str,
    state_name=lambda place_id: place_id,
    selected: str | None = None,
    max_px: int = 22,
) -> pdk.Layer:
    """Ports of entry as circles whose AREA is proportional to ``value`` (crossings of ``measure``).

    ``ports_df``: port_code, port_name, place_id, lat, lon, value (NULL = no data).
    """
    frame = ports_df.dropna(subset=["lat", "lon"])
    values = [None if pd.isna(v) else float(v) for v in frame["value"]]
    top = max((v for v in values if v is not None and v > 0), default=1.0)
    # Labels once, not per port: a map has ~120 ports and is rebuilt per year.
    state_label, no_data = t("col.state"), t("ui.no_data")
    records, items, chosen = [], [], []
    for code, name, place_id, lat, lon, value in zip(
        frame["port_code"],
        frame["port_name"],
        frame["place_id"],
        frame["lat"],
        frame["lon"],
        values,
        strict=True,
    ):
        counted = value is not None and value > 0
        title = f"{port_name(name)} ({code})"
        items.append((port_name(name), value, no_data if value is None else fmt(value)))
        if f"port:{code}" == selected:
            chosen.append(port_name(name))
        records.append(
            {
                "port_code": code,
                "lat": lat,
                "lon": lon,
                "radius": max(3.0, max_px * math.sqrt(value / top)) if counted else 2.5,
                "fill": [*palettes.PORT_FILL, 200] if counted else [*palettes.NO_DATA, 160],
                "line": list(palettes.SELECTED_OUTLINE)
                if f"port:{code}" == selected
                else [60, 60, 60],
                "sel_id": f"port:{code}",
                "tip": tip_text(
                    title,
                    [
                        (state_label, state_name(place_id)),
                        (measure, no_data if value is None else fmt(value)),
                    ],
                ),
            }
        )
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=records,
        id=PORTS_LAYER_ID,
        pickable=True,
        stroked=True,
        filled=True,
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_units="'pixels'",  # quoted: pydeck turns bare strings into accessors
        get_fill_color="fill",
        get_line_color="line",
        line_width_min_pixels=1,
        auto_highlight=True,
    )
    return describe(layer, LayerFacts("ports", measure, tuple(items), tuple(chosen)))


def planned_ports_layer(
    planned: pd.DataFrame, state_name=lambda place_id: place_id, selected: str | None = None
) -> pdk.Layer:
    """Planned ports (not open, no crossings) as rings whose tooltip says 'planned'.

    ``planned``: port_code, port_name, place_id, lat, lon (rows without coordinates are
    left out). A click selects ``port:<code>``; the ``selected`` one has a thicker ring.
    The inside is faintly filled: deck.gl picks only drawn pixels, and a bare 3 px ring
    is hard to hit.
    """
    frame = planned.dropna(subset=["lat", "lon"])
    status_label, state_label = t("col.status"), t("col.state")
    status = t("ports.status.planned")
    records = [
        {
            "lat": port.lat,
            "lon": port.lon,
            "sel_id": f"port:{port.port_code}",
            "ring": 5 if f"port:{port.port_code}" == selected else 3,
            "tip": tip_text(
                port_name(port.port_name),
                [(status_label, status), (state_label, state_name(port.place_id))],
            ),
        }
        for port in frame.itertuples(index=False)  # a handful of rows
    ]
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=records,
        id=PLANNED_PORTS_LAYER_ID,
        pickable=True,
        stroked=True,
        filled=True,
        get_position=["lon", "lat"],
        get_radius=9,
        radius_units="'pixels'",  # quoted: pydeck reads bare strings as accessors
        get_fill_color=[255, 255, 255, 90],
        get_line_color=[*palettes.SELECTED_OUTLINE, 255],
        get_line_width="ring",
        line_width_units="'pixels'",
        auto_highlight=True,
    )
    names = [port_name(name) for name in frame["port_name"]]
    chosen = [n for n, row in zip(names, records, strict=True) if row["ring"] == 5]
    items = tuple((name, None, "") for name in names)
    return describe(layer, LayerFacts("planned_ports", status, items, tuple(chosen)))
