"""The deck: local basemap style, tooltip template, default camera, and its compact JSON.

Serialisation lives here and only here: ``CompactDeck`` writes unindented JSON and
reuses the JSON of ``frozen`` layers and decks (shared from a cache), which matters
because a map's spec is rebuilt and sent on every rerun. No streamlit.
"""

from __future__ import annotations

import copy
import functools
import json
import weakref

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from components.layers.arcs import pick_band

# Local style served by Streamlit static serving: never a hosted basemap
# (``map_style=None`` would request Carto tiles).
MAP_STYLE = "/app/static/basemap.json"
# Only our template is HTML; {fields} are inserted escaped by Streamlit's deck.gl frontend.
TOOLTIP = {
    "html": "{tip}",
    "style": {
        "backgroundColor": "#ffffff",
        "color": "#111111",
        "fontSize": "13px",
        "whiteSpace": "pre-line",  # tip lines are separated by newlines
    },
}
DEFAULT_VIEW = {"latitude": 44.0, "longitude": -101.0, "zoom": 2.3}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation and reuses the JSON of frozen layers.

    pydeck indents its JSON by 2 spaces; on nested GeoJSON coordinates that
    makes the spec sent on every rerun ~5x larger (1.1 MB instead of ~240 KB).
    A map is rebuilt on every rerun from layers shared by a cache; serialising
    the ~200 KB base layer again each time cost more than the rest of the run.
    """

    def to_json(self) -> str:
        # A deck shared from a cache is serialised once; a copy with another
        # style or tooltip (the offline export) gets its own JSON. The memo lives
        # outside the deck: pydeck serialises every attribute of the object.
        key = (id(self.map_style), id(getattr(self, "_tooltip", None)), len(self.layers))
        memo = _FROZEN.get(self)
        if memo and memo[0] == key:
            return memo[1]
        attrs = dict(default_serialize(self))
        layers = attrs.pop("layers", None) or []
        head = _dumps(attrs)
        body = ",".join(_layer_json(layer) for layer in layers)
        text = f'{head[:-1]}{"," if len(head) > 2 else ""}"layers":[{body}]}}'
        if memo is not None:
            _FROZEN[self] = (key, text)
        return text

    def freeze(self) -> CompactDeck:
        """Mark the deck as never mutated again (it is shared from a cache) -> itself."""
        _FROZEN[self] = ()
        return self


def _dumps(value) -> str:
    return json.dumps(value, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _layer_json(layer) -> str:
    """Compact JSON of one layer, kept for a layer marked ``frozen``."""
    memo = _FROZEN_LAYERS.get(layer)
    if memo:
        return memo
    rows = layer.data
    if isinstance(rows, list) and rows and isinstance(rows[0], dict) and "polygon" in rows[0]:
        text = _polygon_layer_json(layer, rows)
    else:
        text = _dumps(layer)
    if memo is not None:
        _FROZEN_LAYERS[layer] = text
    return text


def _polygon_layer_json(layer, rows: list[dict]) -> str:
    """JSON of a layer whose rows hold ``polygon`` rings, writing each ring's JSON once.

    The rings are the cached boundaries' own lists (the same objects on every
    build), and their ~20,000 coordinates were most of the cost of a map rebuilt
    for a new year; only colours and tooltips change.
    """
    attrs = dict(default_serialize(layer))
    attrs["data"] = _DATA_MARK
    parts = []
    for row in rows:
        ring_json = _ring_json(row["polygon"])
        rest = _dumps({k: v for k, v in row.items() if k != "polygon"})
        parts.append(f'{rest[:-1]}{"," if len(rest) > 2 else ""}"polygon":{ring_json}}}')
    return _dumps(attrs).replace(json.dumps(_DATA_MARK), f"[{','.join(parts)}]", 1)


def _ring_json(polygon) -> str:
    # Keyed by identity; the entry holds the list itself, so its id is never reused.
    entry = _RING_JSON.get(id(polygon))
    if entry is None or entry[0] is not polygon:
        if len(_RING_JSON) > 50_000:  # rings built afresh somewhere: do not pin them all
            _RING_JSON.clear()
        entry = _RING_JSON[id(polygon)] = (polygon, _dumps(polygon))
    return entry[1]


_DATA_MARK = "\u0000borderlinks-layer-data\u0000"
# id(ring list) -> (ring list, JSON): the boundaries' rings, a few hundred per language.
_RING_JSON: dict[int, tuple[list, str]] = {}


def frozen(layers):
    """Mark a layer (or a LayerGroup of layers) as never mutated again -> the same object.

    Its JSON is then computed once and reused by every deck that holds it:
    for layers shared from a cache.
    """
    for layer in layers if isinstance(layers, list) else [layers]:
        _FROZEN_LAYERS.setdefault(layer, "")
    return layers


# Frozen decks -> (key, JSON) once serialised; frozen layers -> JSON ('' until then).
# Entries go with their objects.
_FROZEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_FROZEN_LAYERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def make_deck(layers: list, view: dict | None = None, tooltip: dict | None = None) -> pdk.Deck:
    """A Deck over the local basemap style. ``view``: dict(latitude, longitude, zoom).

    ``layers``: pydeck layers or lists of them, bottom first. Every pickable ArcLayer gets
    its invisible pick band (``layers.arcs.pick_band``) right under it, so thin arcs on
    every map are easy to click.
    """
    view = {**DEFAULT_VIEW, **(view or {})}
    flat = []
    for layer in layers:
        for one in layer if isinstance(layer, list) else [layer]:
            band = pick_band(one)  # an invisible wide band under each clickable arc layer
            if band is not None:
                flat.append(frozen(band) if one in _FROZEN_LAYERS else band)
            flat.append(one)
    # A copy of one template: pydeck's Deck() tries to import ipywidgets each time it
    # is built (a failed import, ~10 ms), and a map's deck is built on every rerun.
    deck = copy.copy(_deck_template())
    deck.layers = flat
    deck.initial_view_state = pdk.ViewState(
        latitude=view["latitude"], longitude=view["longitude"], zoom=view["zoom"], pitch=0
    )
    deck._tooltip = tooltip or TOOLTIP
    return deck


@functools.cache
def _deck_template() -> CompactDeck:
    return CompactDeck(layers=[], map_style=MAP_STYLE, tooltip=TOOLTIP)
