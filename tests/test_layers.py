"""Map layer builders and the deck's JSON, tested directly: tiny inline frames (synthetic
values, invented for these tests), no Streamlit session, no store."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pydeck as pdk
import pytest

from components import deckjson, palettes
from components.i18n import t
from components.layers.arcs import arcs_layer, pair_arcs_layer
from components.layers.base import (
    ARCS_LAYER_ID,
    BASE_LAYER_ID,
    PLANNED_PORTS_LAYER_ID,
    PORTS_LAYER_ID,
    tip_text,
)
from components.layers.labels import labels_layer
from components.layers.places import choropleth_layer
from components.layers.ports import planned_ports_layer, ports_layer

REPO = Path(__file__).resolve().parents[1]
SQUARE = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]


def feature(place_id: str, name: str, geometry: dict) -> dict:
    return {
        "type": "Feature",
        "properties": {"place_id": place_id, "name": name},
        "geometry": geometry,
    }


# Three synthetic places: one with two polygon parts, one without a value, one selected.
GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        feature("US-TX", "Texas", {"type": "Polygon", "coordinates": SQUARE}),
        feature("CA-QC", "Québec", {"type": "MultiPolygon", "coordinates": [SQUARE, SQUARE]}),
        feature("MX-NLE", "Nuevo León", {"type": "Polygon", "coordinates": SQUARE}),
    ],
}


def test_choropleth_sends_one_row_per_polygon_part_and_greys_places_without_a_value():
    values = pd.DataFrame({"place_id": ["US-TX", "MX-NLE"], "value": [10.0, 20.0]})
    group, legend = choropleth_layer(GEOJSON, values, fmt=lambda v: f"{v:.0f}", label="Trade")
    (layer,) = group
    assert layer.type == "PolygonLayer" and layer.id == BASE_LAYER_ID
    rows = layer.data
    assert [row["place_id"] for row in rows].count("CA-QC") == 2  # a MultiPolygon's parts
    quebec = next(row for row in rows if row["place_id"] == "CA-QC")
    assert quebec["fill"] == [*palettes.NO_DATA, 210]
    assert quebec["tip"] == f"Québec\nTrade: {t('ui.no_data')}"
    texas = next(row for row in rows if row["place_id"] == "US-TX")
    assert texas["tip"] == "Texas\nTrade: 10" and texas["sel_id"] == "US-TX"
    assert [text for _, text in legend] == ["10 – 20"]
    assert GEOJSON["features"][0]["properties"] == {"place_id": "US-TX", "name": "Texas"}


def test_choropleth_outlines_the_selected_places_last_so_they_are_drawn_on_top():
    group, _ = choropleth_layer(GEOJSON, None, selected=("US-TX", "MX-NLE"))
    rows = group[0].data
    assert [row["width"] for row in rows] == sorted(row["width"] for row in rows)
    assert {row["place_id"] for row in rows if row["width"] == 3} == {"US-TX", "MX-NLE"}
    assert all(row["line"] == list(palettes.SELECTED_OUTLINE) for row in rows[-2:])


PORTS = pd.DataFrame(
    {
        "port_code": ["2304", "2305", "0901", "9999"],
        "port_name": ["Laredo", "Hidalgo", "Buffalo", "Nowhere"],
        "place_id": ["US-TX", "US-TX", "US-NY", "US-TX"],
        "lat": [27.5, 26.1, 42.9, None],
        "lon": [-99.5, -98.3, -78.9, None],
        "value": [400.0, 100.0, None, 5.0],
    }
)


def test_port_circles_have_area_proportional_to_crossings_and_say_no_data():
    layer = ports_layer(PORTS, "Trucks", fmt=lambda v: f"{v:.0f}", selected="port:2305", max_px=20)
    assert layer.type == "ScatterplotLayer" and layer.id == PORTS_LAYER_ID
    rows = {row["port_code"]: row for row in layer.data}
    assert set(rows) == {"2304", "2305", "0901"}  # a port without coordinates is left out
    assert rows["2304"]["radius"] == 20
    assert math.isclose(rows["2305"]["radius"], 20 * math.sqrt(100 / 400))
    assert rows["0901"]["radius"] == 2.5
    assert rows["0901"]["tip"].endswith(f"Trucks: {t('ui.no_data')}")
    assert rows["2305"]["line"] == list(palettes.SELECTED_OUTLINE)
    assert rows["2304"]["sel_id"] == "port:2304"


def test_planned_ports_are_rings_whose_selected_one_is_thicker():
    planned = PORTS.drop(columns="value")
    layer = planned_ports_layer(planned, selected="port:2304")
    assert layer.id == PLANNED_PORTS_LAYER_ID
    rings = {row["sel_id"]: row["ring"] for row in layer.data}
    assert rings == {"port:2304": 5, "port:2305": 3, "port:0901": 3}
    assert t("ports.status.planned") in layer.data[0]["tip"]


PLACES = pd.DataFrame(
    {
        "place_id": ["US-TX", "MX-NLE", "US-MI", "CA-ON"],
        "lat": [31.0, 25.6, 44.3, 50.0],
        "lon": [-99.0, -99.9, -85.6, -85.0],
    }
)
PAIRS = pd.DataFrame(
    {
        "us": ["US-TX", "US-MI", "US-ZZ"],
        "other": ["MX-NLE", "CA-ON", "CA-ON"],
        "value": [5.0, 1.0, 9.0],
    }
)


def test_pair_arcs_select_their_pair_and_put_the_focused_one_on_top():
    layer = pair_arcs_layer(
        PAIRS,
        ("us", "other"),
        PLACES,
        kind="trade",
        value="value",
        tip=lambda row: tip_text(f"{row.us} ↔ {row.other}", []),
        focus="US-TX",
    )
    assert layer.type == "ArcLayer" and layer.id == ARCS_LAYER_ID and layer.pickable
    rows = layer.data
    # US-ZZ is not a known place: its pair is left out rather than drawn to nowhere.
    assert [row["sel_id"] for row in rows] == ["pair:CA-ON~US-MI", "pair:MX-NLE~US-TX"]
    faded, focused = rows
    assert focused["colour"][3] == 255 and faded["colour"][3] < 255
    assert focused["width"] > faded["width"]
    assert focused["tip"] == "US-TX ↔ MX-NLE"


def test_an_empty_arc_frame_gives_an_empty_layer():
    layer = arcs_layer(pd.DataFrame(), pickable=True)
    assert layer.data == []


def test_labels_need_their_columns_and_none_is_returned_for_no_labels():
    with pytest.raises(ValueError, match="kind"):
        labels_layer(pd.DataFrame({"lon": [1.0], "lat": [2.0], "text": ["x"]}), zoom=3)
    empty = pd.DataFrame({"lon": [None], "lat": [None], "text": [None], "kind": ["place"]})
    assert labels_layer(empty, zoom=3) is None


def test_compact_deck_json_reads_as_pydecks_own_and_has_no_indentation():
    layer, _ = choropleth_layer(GEOJSON, None)
    compact = deckjson.make_deck([layer], {"zoom": 4})
    reference = pdk.Deck(
        layers=list(layer),
        initial_view_state=compact.initial_view_state,
        map_style=deckjson.MAP_STYLE,
        tooltip=deckjson.TOOLTIP,
    )
    text = compact.to_json()
    assert "\n" not in text
    assert json.loads(text) == json.loads(reference.to_json())
    assert json.loads(text)["mapStyle"] == "/app/static/basemap.json"  # never a hosted basemap


def test_a_frozen_layer_is_serialised_once_and_reused():
    layer = deckjson.frozen(ports_layer(PORTS, "Trucks"))
    first = deckjson.make_deck([layer]).to_json()
    layer.data[0]["tip"] = "changed after freezing"  # a frozen layer is promised unchanged
    assert deckjson.make_deck([layer]).to_json() == first


def test_layer_modules_import_without_streamlit():
    modules = [
        "components.layers.base",
        "components.layers.places",
        "components.layers.ports",
        "components.layers.arcs",
        "components.layers.labels",
        "components.deckjson",
        "components.selection_ids",
        "components.safetext",
        "components.figlocale",
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- the invisible pick band under clickable arcs


def test_a_clickable_arc_layer_gets_a_wide_invisible_pick_band_right_under_it():
    base, _ = choropleth_layer(GEOJSON, None)
    arcs = pair_arcs_layer(
        PAIRS, ("us", "other"), PLACES, kind="trade", value="value", tip=lambda r: r.us
    )
    deck = deckjson.make_deck([base, arcs])
    assert [layer.id for layer in deck.layers] == [BASE_LAYER_ID, f"{ARCS_LAYER_ID}-pick", "arcs"]
    band = deck.layers[1]
    assert band.type == "ArcLayer" and band.pickable is True
    assert band.get_width >= 12 and band.width_units == "pixels"
    assert band.get_source_color[3] == 0 and band.get_target_color[3] == 0  # invisible
    assert band.get_height == arcs.get_height  # the same curve as the arc it widens
    # A pick on the band reads as a pick on the arc: same rows, ids and tooltips.
    assert [(r["sel_id"], r["tip"]) for r in band.data] == [
        (r["sel_id"], r["tip"]) for r in arcs.data
    ]
    assert band.data[0]["source_lon"] == arcs.data[0]["source_lon"]
    assert band.parameters == {"depthWriteEnabled": False}  # never hides its arc


def test_a_decorative_arc_layer_gets_no_pick_band_and_a_band_is_built_once():
    frame = pd.DataFrame(  # synthetic link
        {
            "source_lon": [-99.0],
            "source_lat": [31.0],
            "target_lon": [-85.0],
            "target_lat": [50.0],
            "value": [1.0],
            "kind": ["trade"],
            "tip": ["a link"],
        }
    )
    plain = arcs_layer(frame)
    assert [layer.id for layer in deckjson.make_deck([plain]).layers] == [ARCS_LAYER_ID]
    clickable = arcs_layer(frame.assign(sel_id="initiative:x"), pickable=True)
    first = deckjson.make_deck([clickable]).layers[0]
    assert first is deckjson.make_deck([clickable]).layers[0]  # reused on every rerun
