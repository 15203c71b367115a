"""The map's payload budget and clickable layers, read from the deck spec AppTest receives."""

from __future__ import annotations

import json

import pytest

from components import deckjson, mapframe
from components.layers.base import ARCS_LAYER_ID, BASE_LAYER_ID
from tests.app.conftest import deck_spec

BASE_BUDGET_BYTES = 250_000


def compact_bytes(value) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_base_layer_is_sent_once_and_within_250_kb(run_page, lang):
    spec = deck_spec(run_page("overview_map", lang=lang))
    base = [layer for layer in spec["layers"] if layer["@@type"].endswith("PolygonLayer")]
    assert [layer["id"] for layer in base] == [BASE_LAYER_ID]  # geometry sent once
    assert not any(str(layer.get("data", "")).startswith("/app/static") for layer in base)
    assert compact_bytes(base[0]) <= BASE_BUDGET_BYTES


def test_base_layer_is_one_pickable_filled_and_stroked_polygon_layer(run_page):
    spec = deck_spec(run_page("overview_map"))
    base = next(layer for layer in spec["layers"] if layer["id"] == BASE_LAYER_ID)
    assert base["@@type"] == "PolygonLayer"
    assert base["pickable"] and base["filled"] and base["stroked"]
    assert {row["sel_id"] for row in base["data"]} >= {"US-TX", "CA-QC", "MX-NLE"}


def test_initiative_arcs_are_pickable_and_select_their_record(run_page):
    spec = deck_spec(run_page("initiatives"))
    arcs = next(layer for layer in spec["layers"] if layer["id"] == ARCS_LAYER_ID)
    assert arcs["pickable"] is True
    assert arcs["data"] and all(row["sel_id"].startswith("initiative:") for row in arcs["data"])


def test_a_click_on_an_arc_selects_it_over_the_state_below():
    event = {
        "selection": {
            "indices": {"places": [3], "arcs": [0]},
            "objects": {"places": [{"sel_id": "US-TX"}], "arcs": [{"sel_id": "initiative:x"}]},
        }
    }
    assert mapframe.selection_from_event(event) == "initiative:x"


def test_a_cached_deck_is_serialised_once_and_an_offline_copy_gets_its_own_json():
    import copy

    deck = deckjson.make_deck([]).freeze()
    assert deck.to_json() is deck.to_json()
    offline = copy.copy(deck)
    offline.map_style = "offline-style"
    assert "offline-style" in offline.to_json()
    assert "offline-style" not in deck.to_json()
