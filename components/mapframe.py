"""The Streamlit map frame: the map, its legend, source caption, CSV, data table and clicks.

Layers come from ``components.layers``, the deck from ``components.deckjson``.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import citations, exports, i18n, map_text, palettes, present, safetext, tables
from components.i18n import t
from components.layers.base import (
    ARCS_LAYER_ID,
    BASE_LAYER_ID,
    PLANNED_PORTS_LAYER_ID,
    POINTS_LAYER_ID,
    PORTS_LAYER_ID,
    TRADE_ARCS_LAYER_ID,
    pick_band_id,
)

MAP_HEIGHT = 560  # px; presenter mode uses present.map_height's taller map


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
    # A port sits on top of its state; an arc or point over both. An arc's invisible
    # pick band (layers.arcs.pick_band) selects what the arc selects.
    for layer_id in (
        ARCS_LAYER_ID,
        TRADE_ARCS_LAYER_ID,
        pick_band_id(ARCS_LAYER_ID),
        pick_band_id(TRADE_ARCS_LAYER_ID),
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
        f'border:1px solid #555;background:{palettes.rgb_css(colour)}"></span>{safetext.html_text(text)}</span>'
        for colour, text in rows
    )
    st.html(
        f'<div class="bl-legend" role="group" aria-label="{safetext.html_text(t("ui.legend"))}" '
        f'style="font-size:13px"><b>{safetext.html_text(title)}</b><br/>{items}</div>'
    )


def show_map(
    deck: pdk.Deck,
    data: pd.DataFrame,
    sources=None,
    key: str = "map",
    on_pick: Callable[[str], None] | None = None,
    below=None,
    summary: str | None = None,
    note: str | None = None,
    summary_in_below: bool = True,
) -> None:
    """Render ``deck``, its text alternative, source caption, CSV and data table.

    ``data`` is the table alternative of what the map shows. ``on_pick(sel_id)``
    gets the ``sel_id`` of a clicked object. It is called from the chart's
    selection callback, which runs before the script: the view it changes is
    what the same run draws and puts in the address bar (a change made after
    the map was drawn would show one click late). Without ``on_pick`` the map
    is not clickable. ``below`` (a container) takes the caption, downloads and table
    instead of the lines under the map (the presenter puts them below the screen).

    The text alternative (``map_text.deck_summary``: what is shaded, the top places,
    the selection), or ``summary`` when given, is shown right under the map (first in
    ``below`` when given, unless ``summary_in_below`` is False), where a screen reader
    reaches it next; its first sentence is also the map's accessible name. ``note`` (a
    caveat about the data) follows it.
    """
    parts = [summary] if summary else map_text.deck_summary(deck)
    on_select = functools.partial(_picked, key, on_pick) if on_pick else "ignore"
    st.pydeck_chart(
        deck,
        on_select=on_select,
        selection_mode="single-object",
        key=key,
        height=present.map_height(MAP_HEIGHT),
        alt=f"{t('maptext.title')}{i18n.colon()}{parts[0]}",
    )
    # Under the map, or first in ``below`` when the map fills a presenter's screen.
    box = below if below is not None and summary_in_below else st
    with box.container(key=f"{key}-summary"):
        st.caption(
            f"**{t('maptext.title')}**{i18n.colon()}{safetext.md_text(' '.join(parts))}"
            + (f"  \n{safetext.md_text(note)}" if note else "")
        )
    with below if below is not None else contextlib.nullcontext():
        _map_extras(deck, data, sources, key)


def _map_extras(deck: pdk.Deck, data: pd.DataFrame, sources, key: str) -> None:
    """A map's source caption, CSV and offline HTML downloads and data table."""
    st.caption(citations.source_caption(sources if sources is not None else data))
    st.download_button(
        t("ui.download_csv"),
        data=functools.partial(safetext.csv_bytes, data),  # built when clicked, not every run
        file_name=f"borderlinks-{key}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        icon=":material/download:",
        on_click="ignore",
    )
    exports.html_button(deck, key)  # the map as one offline HTML file
    tables.data_table(data, key)


def _picked(key: str, on_pick: Callable[[str], None]) -> None:
    # Selection callback: the new selection is in the session under the chart's key.
    # A click on empty ground (no object) changes nothing: the page offers 'clear'.
    picked = selection_from_event(st.session_state.get(key))
    if picked:
        on_pick(picked)
