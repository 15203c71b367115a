"""Cross-border links on a map as arcs: trade and initiatives, one arc per pair. No streamlit."""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pandas as pd
import pydeck as pdk

from components import palettes
from components.i18n import t
from components.layers.base import ARCS_LAYER_ID, LayerFacts, describe, pick_band_id
from components.selection_ids import pair_id


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
    (e.g. ``initiative:<id>``). An earlier "a pickable ArcLayer loses every click"
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
    layer = pdk.Layer(
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
    return describe(layer, _link_facts(links_df))


def _link_facts(links_df: pd.DataFrame) -> LayerFacts:
    """Facts of a link layer: each link's tooltip title and value (``components.map_text``)."""
    if links_df.empty or "tip" not in links_df.columns:
        return LayerFacts("links")
    titles = [str(tip).split("\n", 1)[0] for tip in links_df["tip"]]
    values = [None if pd.isna(v) else float(v) for v in links_df["value"]]
    return LayerFacts("links", items=tuple((n, v, "") for n, v in zip(titles, values, strict=True)))


# A click within this many pixels of an arc's centre line hits it: thin links (1-2 px
# wide) sit over states and ports that would otherwise take the click.
PICK_BAND_PX = 14
_BANDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def pick_band(layer: pdk.Layer) -> pdk.Layer | None:
    """A pickable arc layer -> an invisible, ``PICK_BAND_PX`` wide copy to draw under it
    (id ``pick_band_id``), whose rows carry the same ``sel_id`` and ``tip``; None for a
    layer that is not a pickable ArcLayer or has nothing to pick.

    The band is fully transparent but still drawn into deck.gl's picking buffer (only
    pickable layers are, whatever their colour), so a click or hover a few pixels off a
    thin arc finds it. Built once per layer object: a cached (frozen) layer keeps its band.
    """
    if getattr(layer, "type", None) != "ArcLayer" or not getattr(layer, "pickable", False):
        return None
    band = _BANDS.get(layer)
    if band is None:
        rows = [
            {key: row[key] for key in _BAND_FIELDS if key in row}
            for row in (layer.data or [])
            if isinstance(row, dict) and row.get("sel_id")
        ]
        if not rows:
            return None
        band = pdk.Layer(
            "ArcLayer",
            data=rows,
            id=pick_band_id(layer.id),
            pickable=True,
            get_source_position=["source_lon", "source_lat"],
            get_target_position=["target_lon", "target_lat"],
            get_source_color=[255, 255, 255, 0],
            get_target_color=[255, 255, 255, 0],
            get_width=PICK_BAND_PX,
            width_units="'pixels'",
            get_height=layer.get_height,
            # Writing depth, the band would hide parts of the arc drawn on it (z-fighting).
            parameters={"depthWriteEnabled": False},
        )
        _BANDS[layer] = band
    return band


_BAND_FIELDS = ("source_lon", "source_lat", "target_lon", "target_lat", "sel_id", "tip")


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
    fmt: Callable | None = None,
    name_of: Callable[[str], str] = str,
) -> pdk.Layer:
    """Cross-border pairs of places -> one clickable ArcLayer; a click selects the pair.

    ``pairs``: one row per pair, the two place ids in the ``ends`` columns and the
    ``value`` column (what an arc's width shows); ``tip(row)`` gets each row as a named
    tuple and returns its tooltip (``tip_text``). ``places``: place_id, lat, lon; pairs
    naming a place not in it are left out. ``kind``: 'trade' | 'initiative' (colour,
    style). ``focus``: a selected place id or pair id: its arcs are drawn on top and
    every other arc faded (None: nothing selected). ``alpha``, ``height``, ``max_px``:
    see ``arcs_layer``. ``fmt`` and ``name_of``: how the text alternative
    (``components.map_text``) writes a pair's value (None: not written) and a place.
    """
    a_col, b_col = ends
    known = set(places["place_id"])
    # A Python set test per row: ~10x faster than Series.isin on arrow strings here.
    rows = pairs[
        [a in known and b in known for a, b in zip(pairs[a_col], pairs[b_col], strict=True)]
    ]
    if rows.empty:
        return arcs_layer(pd.DataFrame(), pickable=True, layer_id=layer_id, height=height)
    sel_ids = list(map(pair_id, rows[a_col], rows[b_col]))
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
    layer = arcs_layer(
        link_frame(rows, a_col, b_col, places),
        max_px=max_px,
        pickable=True,
        layer_id=layer_id,
        alpha=alpha,
        height=height,
    )
    # In words: each link by its two places ('Michigan ↔ Ontario') and its value.
    names = [f"{name_of(a)} ↔ {name_of(b)}" for a, b in zip(rows[a_col], rows[b_col], strict=True)]
    items = tuple(
        (name, float(v), fmt(v) if fmt else "") for name, v in zip(names, rows[value], strict=True)
    )
    picked = tuple(name for name, sel in zip(names, sel_ids, strict=True) if sel == focus)
    label = t(f"maptext.links_{'trade' if kind == 'trade' else 'initiative'}")
    return describe(layer, LayerFacts("links", label, items, picked))


def link_frame(links: pd.DataFrame, a_col: str, b_col: str, places: pd.DataFrame) -> pd.DataFrame:
    """Links with source/target lon/lat (via ``geo.links.arcs``) -> source_lon, source_lat,
    target_lon, target_lat plus the input columns. ``places``: place_id, lat, lon."""
    from geo import links as geo_links

    if links.empty:
        return links.assign(source_lon=[], source_lat=[], target_lon=[], target_lat=[])
    return geo_links.arcs(links, a_col, b_col, places)
