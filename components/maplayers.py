"""pydeck layers, the deck, and the map frame (legend, caption, CSV, data table, selection).

Geometry comes from ``geo/`` (plain Python); this module only styles it.
Every pickable object carries ``tip`` (PLAIN text, lines separated by newlines:
data names are untrusted, and Streamlit HTML-escapes every substituted field
before rendering the tooltip template, so escaping here too would show '&amp;') and
``sel_id`` (what a click selects: a place id or ``port:<code>``).
"""

from __future__ import annotations

import copy
import functools
import html
import json
import math
import weakref
from collections.abc import Callable, Collection

import pandas as pd
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from components import palettes, state
from components.i18n import port_name, t

# Local style served by Streamlit static serving: never a hosted basemap
# (``map_style=None`` would request Carto tiles).
MAP_STYLE = "/app/static/basemap.json"
BASE_LAYER_ID = "places"
PORTS_LAYER_ID = "ports"
PLANNED_PORTS_LAYER_ID = "planned_ports"
ARCS_LAYER_ID = "arcs"
TRADE_ARCS_LAYER_ID = "trade-arcs"
POINTS_LAYER_ID = "initiative_points"
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
MAP_HEIGHT = 560  # px; presenter mode uses present.map_height's taller map


def esc(value) -> str:
    """Any value -> HTML-escaped text (None -> '')."""
    return "" if value is None else html.escape(str(value), quote=True)


def tip_text(title, lines: list[tuple[str, str]]) -> str:
    """Tooltip text: ``title`` then one 'label: value' line each (plain text, never HTML)."""
    body = [f"{label}: {value}" if label else str(value) for label, value in lines]
    return "\n".join([str(title), *body])


# Older name used by other pages; it returns plain text too (see the module docstring).
tip_html = tip_text


class LayerGroup(list):
    """Several deck layers that act as one (``make_deck`` flattens it)."""


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
    for feature in geojson.get("features", []):
        props = feature.get("properties") or {}
        place_id = props.get("place_id")
        value = by_place.get(place_id)
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        colour = palettes.colour_for(None if missing else value, edges, palette)
        if fills and place_id in fills:
            colour = fills[place_id]
        shown = t("ui.no_data") if missing else fmt(value)
        tip = tip_text(props.get("name") or place_id, [(label, shown)] if label else [])
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
    return LayerGroup([layer]), palettes.legend_entries(edges, fmt, palette)


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
    records = []
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
                    f"{port_name(name)} ({code})",
                    [
                        (state_label, state_name(place_id)),
                        (measure, no_data if value is None else fmt(value)),
                    ],
                ),
            }
        )
    return pdk.Layer(
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
    return pdk.Layer(
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


def arcs_layer(
    links_df: pd.DataFrame,
    max_px: int = 8,
    pickable: bool = False,
    layer_id: str = ARCS_LAYER_ID,
    alpha: int | None = None,
    height: float | None = None,
) -> pdk.Layer:
    """Cross-border links as arcs, width proportional to ``value``.

    ``links_df``: source_lon, source_lat, target_lon, target_lat, value, kind
    ('trade' | 'initiative'), tip (plain text, see ``tip_text``). Kinds get different
    colours AND their tooltip names the kind (meaning never by colour alone).
    ``alpha`` and ``height`` replace the kind's opacity and arc height (``ARC_STYLES``).

    An optional boolean ``focus`` column picks out the links of a selection: those
    are drawn opaque, wider and on top, the others faded (a selection is shown by
    width and opacity, not by a new colour).

    ``pickable=True`` with a ``sel_id`` column makes a click select that id
    (e.g. ``initiative:<id>``). Round 1's "a pickable ArcLayer loses every click"
    was software GL: in headless Chromium (swiftshader) deck.gl's pick on
    pointerdown blocks ~0.5-1 s, so pointerup comes after hammer.js's 250 ms
    tap limit and no click fires -- with or without arcs once the base layer
    is large. Clicks reach Streamlit when the pick is fast (a GPU).

    Widths scale to the largest ``value`` of this layer, so draw kinds with
    different units (dollars, counts) as separate layers (``layer_id``).
    """
    frame = links_df.copy()
    if frame.empty:
        records = []
    else:
        top = frame["value"].max() or 1
        styles = [_arc_style(kind) for kind in frame["kind"]]
        # True / False / None (no selection), as plain bools (numpy's are not ``True``).
        raw = frame["focus"] if "focus" in frame.columns else [None] * len(frame)
        focus = [None if pd.isna(hit) else bool(hit) for hit in raw]
        frame["width"] = [
            max(1.0, max_px * style["width"] * float(v) / float(top))
            + (FOCUS_EXTRA_PX if hit is True else 0)
            for v, style, hit in zip(frame["value"], styles, focus, strict=True)
        ]
        frame["colour"] = [
            [*style["colour"], _arc_alpha(style["alpha"] if alpha is None else alpha, hit)]
            for style, hit in zip(styles, focus, strict=True)
        ]
        if "focus" in frame.columns:  # deck.gl draws rows in order: the selection last
            frame = frame.assign(_on_top=[hit is True for hit in focus])
            frame = frame.sort_values("_on_top", kind="stable")
        keep = [
            "source_lon",
            "source_lat",
            "target_lon",
            "target_lat",
            "width",
            "colour",
            "tip",
        ]
        if "sel_id" in frame.columns and frame["sel_id"].notna().any():
            keep.append("sel_id")
        records = frame[keep].to_dict("records")
    if height is None:
        # One height per layer (a per-row height would add bytes to every arc sent).
        kinds = links_df.get("kind", [])
        height = max((_arc_style(kind)["height"] for kind in kinds), default=0.4)
    return pdk.Layer(
        "ArcLayer",
        data=records,
        id=layer_id,
        pickable=pickable,
        get_source_position=["source_lon", "source_lat"],
        get_target_position=["target_lon", "target_lat"],
        get_source_color="colour",
        get_target_color="colour",
        get_width="width",
        width_units="'pixels'",
        get_height=height,
    )


FOCUS_EXTRA_PX = 3  # a selected link is this much wider than its value makes it
FADED_ALPHA = 28  # links outside a selection: still there, no longer in the way


def _arc_alpha(alpha: int, focus) -> int:
    """Opacity of a link: ``alpha``, opaque when in focus (True), faded when not (False)."""
    if focus is True:
        return 255
    return FADED_ALPHA if focus is False else alpha


# Trade arcs (one per state pair, wide) are drawn thinner, fainter and flatter than
# initiative arcs, so the two kinds do not tangle into one knot over the border.
ARC_STYLES = {
    "trade": {"colour": palettes.ARC_TRADE, "alpha": 120, "width": 0.6, "height": 0.25},
    "initiative": {"colour": palettes.ARC_INITIATIVE, "alpha": 200, "width": 1.0, "height": 0.5},
}


def _arc_style(kind: str) -> dict:
    """Colour, opacity, width share and arc height of a link kind ('trade' | other)."""
    return ARC_STYLES["trade" if kind == "trade" else "initiative"]


def pair_arcs_layer(
    pairs: pd.DataFrame,
    ends: tuple[str, str],
    places: pd.DataFrame,
    *,
    kind: str,
    value: str,
    tip: Callable,
    layer_id: str = ARCS_LAYER_ID,
    focus: str | None = None,
    alpha: int | None = None,
    height: float | None = None,
    max_px: int = 8,
) -> pdk.Layer:
    """Cross-border pairs of places -> one clickable ArcLayer; a click selects the pair.

    ``pairs``: one row per pair, the two place ids in the ``ends`` columns and the
    ``value`` column (what an arc's width shows); ``tip(row)`` gets each row as a named
    tuple and returns its tooltip (``tip_text``). ``places``: place_id, lat, lon; pairs
    naming a place not in it are left out. ``kind``: 'trade' | 'initiative' (colour,
    style). ``focus``: a selected place id or pair id: its arcs are drawn on top and
    every other arc faded (None: nothing selected). ``alpha``, ``height``, ``max_px``:
    see ``arcs_layer``.
    """
    a_col, b_col = ends
    known = set(places["place_id"])
    # A Python set test per row: ~10x faster than Series.isin on arrow strings here.
    rows = pairs[
        [a in known and b in known for a, b in zip(pairs[a_col], pairs[b_col], strict=True)]
    ]
    if rows.empty:
        return arcs_layer(pd.DataFrame(), pickable=True, layer_id=layer_id, height=height)
    sel_ids = list(map(state.pair_id, rows[a_col], rows[b_col]))
    rows = rows.assign(
        value=rows[value],
        kind=kind,
        sel_id=sel_ids,
        tip=[tip(row) for row in rows.itertuples(index=False)],
    )
    if focus:
        rows = rows.assign(
            focus=[
                focus in (sel, a, b)
                for sel, a, b in zip(sel_ids, rows[a_col], rows[b_col], strict=True)
            ]
        )
    return arcs_layer(
        link_frame(rows, a_col, b_col, places),
        max_px=max_px,
        pickable=True,
        layer_id=layer_id,
        alpha=alpha,
        height=height,
    )


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
    """A Deck over the local basemap style. ``view``: dict(latitude, longitude, zoom)."""
    view = {**DEFAULT_VIEW, **(view or {})}
    flat = []
    for layer in layers:
        flat.extend(layer if isinstance(layer, list) else [layer])
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


def selection_from_event(event) -> str | None:
    """The ``sel_id`` of the clicked object in a ``st.pydeck_chart`` event, or None.

    Reads the event dict-style (``event["selection"]["objects"]``).
    """
    if not event:
        return None
    try:
        objects = event["selection"]["objects"]
    except (KeyError, TypeError):
        return None
    # A port sits on top of its state; an arc or point over both.
    for layer_id in (
        ARCS_LAYER_ID,
        TRADE_ARCS_LAYER_ID,
        POINTS_LAYER_ID,
        PLANNED_PORTS_LAYER_ID,
        PORTS_LAYER_ID,
        BASE_LAYER_ID,
    ):
        for obj in (objects or {}).get(layer_id) or []:
            if not isinstance(obj, dict):
                continue
            sel = obj.get("sel_id")
            if sel:
                return str(sel)
    return None


def show_legend(
    entries: list[tuple[tuple, str]], title: str, extra: list[tuple] = (), no_data: bool = True
) -> None:
    """A legend with colour swatches AND the value range of each class, plus 'no data'."""
    rows = [*entries, *([(palettes.NO_DATA, t("ui.no_data"))] if no_data else []), *extra]
    # Classes so presenter mode can scale the legend up (components/present.py CSS).
    items = "".join(
        f'<span class="bl-legend-item" style="display:inline-flex;align-items:center;'
        f'margin-right:12px"><span class="bl-legend-swatch" style="width:14px;height:14px;'
        f"display:inline-block;margin-right:4px;flex:none;"
        f'border:1px solid #555;background:{palettes.rgb_css(colour)}"></span>{esc(text)}</span>'
        for colour, text in rows
    )
    st.html(
        f'<div class="bl-legend" role="group" aria-label="{esc(t("ui.legend"))}" '
        f'style="font-size:13px"><b>{esc(title)}</b><br/>{items}</div>'
    )


def show_map(
    deck: pdk.Deck,
    data: pd.DataFrame,
    sources=None,
    key: str = "map",
    on_pick: Callable[[str], None] | None = None,
) -> None:
    """Render ``deck``, its source caption, CSV and data table.

    ``data`` is the table alternative of what the map shows. ``on_pick(sel_id)``
    gets the ``sel_id`` of a clicked object. It is called from the chart's
    selection callback, which runs before the script: the view it changes is
    what the same run draws and puts in the address bar (a change made after
    the map was drawn would show one click late). Without ``on_pick`` the map
    is not clickable.
    """
    from components import exports, present, ui

    on_select = functools.partial(_picked, key, on_pick) if on_pick else "ignore"
    st.pydeck_chart(
        deck,
        on_select=on_select,
        selection_mode="single-object",
        key=key,
        height=present.map_height(MAP_HEIGHT),
    )
    st.caption(ui.source_caption(sources if sources is not None else data))
    st.download_button(
        t("ui.download_csv"),
        data=functools.partial(ui.csv_bytes, data),  # built when clicked, not every run
        file_name=f"borderlinks-{key}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        icon=":material/download:",
        on_click="ignore",
    )
    exports.html_button(deck, key)  # F: the map as one offline HTML file
    ui.data_table(data, key)


def _picked(key: str, on_pick: Callable[[str], None]) -> None:
    # Selection callback: the new selection is in the session under the chart's key.
    # A click on empty ground (no object) changes nothing: the page offers 'clear'.
    picked = selection_from_event(st.session_state.get(key))
    if picked:
        on_pick(picked)


def link_frame(links: pd.DataFrame, a_col: str, b_col: str, places: pd.DataFrame) -> pd.DataFrame:
    """Links with source/target lon/lat (via ``geo.links.arcs``) -> source_lon, source_lat,
    target_lon, target_lat plus the input columns. ``places``: place_id, lat, lon."""
    from geo import links as geo_links

    if links.empty:
        return links.assign(source_lon=[], source_lat=[], target_lon=[], target_lat=[])
    return geo_links.arcs(links, a_col, b_col, places)


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


LABELS_LAYER_ID = "labels"
# The page's own typeface (Streamlit ships Source Sans); deck.gl draws the glyphs into a
# canvas atlas in the browser, so no font file is fetched.
LABEL_FONT = "'Source Sans', 'Source Sans Pro', 'DejaVu Sans', sans-serif"
LABEL_SIZES = {"place": 22, "city": 20, "port": 19}


def labels_layer(
    labels: pd.DataFrame, zoom: float, layer_id: str = LABELS_LAYER_ID
) -> pdk.Layer | None:
    """Text labels placed for the camera's ``zoom`` -> a TextLayer, or None when there are none.

    ``labels``: lon, lat, text, kind ('place' | 'city' | 'port') and optionally radius (px of
    the port's circle). Place and city names are written on their point where there is room;
    port names beside their circle. Labels never cover one another at ``zoom`` when a free
    side exists (``geo.labels.place_labels``); earlier rows are placed first.
    """
    from geo import labels as geo_labels

    missing = {"lon", "lat", "text", "kind"} - set(labels.columns)
    if missing:
        raise ValueError(f"labels need columns {sorted(missing)}")
    frame = labels.dropna(subset=["lon", "lat", "text"])
    if frame.empty:
        return None
    frame = geo_labels.place_labels(
        frame.assign(
            size=[LABEL_SIZES.get(kind, 19) for kind in frame["kind"]],
            on_point=frame["kind"] != "port",
        ),
        zoom,
    )
    records = [
        {
            "lon": float(lon),
            "lat": float(lat),
            "text": str(text),
            "size": size,
            "offset": offset,
            "anchor": anchor,
            "baseline": baseline,
        }
        for lon, lat, text, size, offset, anchor, baseline in zip(
            frame["lon"],
            frame["lat"],
            frame["text"],
            frame["size"],
            frame["offset"],
            frame["anchor"],
            frame["baseline"],
            strict=True,
        )
    ]
    return pdk.Layer(
        "TextLayer",
        data=records,
        id=layer_id,
        pickable=False,
        get_position=["lon", "lat"],
        get_text="text",
        get_size="size",
        size_units="'pixels'",  # quoted: pydeck reads bare strings as accessors
        get_pixel_offset="offset",
        get_alignment_baseline="baseline",
        get_text_anchor="anchor",
        get_color=[20, 20, 20, 255],
        font_family=f'"{LABEL_FONT}"',
        font_weight=600,
        character_set="'auto'",  # accents (Québec, Nuevo León) are not in the ASCII default
        background=True,
        get_background_color=[255, 255, 255, 225],
        background_padding=[4, 2, 4, 2],
        # Drawn over the polygons whatever the depth: with a tilted camera, text at ground
        # level would otherwise be cut by the shapes it sits on.
        parameters={"depthCompare": "always", "depthWriteEnabled": False},
    )
