"""Overview map: states/provinces shaded by an indicator, ports sized by crossings, link arcs.

Map first: a one-line header, one row of controls, the map sized to the screen with its
legend as a card over it, then the details of what is selected. Layers are built in
``components.overview_layers``, the details panel in ``components.overview_details``.
"""

from __future__ import annotations

import streamlit as st

from components import (
    deckjson,
    i18n,
    mapframe,
    maplayout,
    overview_details,
    palettes,
    query,
    state,
)
from components import overview_layers as parts
from components.i18n import t
from geo import regions

view = state.current_view()
limits = state.store_limits()
year = int(view.year or limits.default_year)
maplayout.header(t("overview.title"), t("overview.subtitle"))


def on_indicator() -> None:
    state.write_view(shade=st.session_state["ov_shade"], sel=None)


def on_year() -> None:
    state.write_view(year=int(st.session_state["ov_year"]))


def on_pick_place() -> None:
    state.write_view(sel=st.session_state["ov_sel_pick"])


def on_map_pick(sel_id: str) -> None:
    # The map's selection callback (before the run): this run draws the new selection.
    state.write_view(sel=sel_id)


# The layer switches are drawn below the first row, but the picker's links follow them.
show_ports = st.session_state.get("ov_ports", True)
show_trade = st.session_state.get("ov_trade_arcs", True)
show_inits = st.session_state.get("ov_initiative_arcs", True)
shade = view.shade
db = str(query.db_path())
store = (db, query.store_version(db))
lang = i18n.lang()
places = query.load(query.places)
place_ids = set(places["place_id"])

# --- one row of controls, in reading and tab order: the keyboard's way to select what a
# click on the map selects (a place or a link), then what the map shows.
pick_col, shade_col, year_col = st.columns([4, 4, 3], vertical_alignment="bottom")
pair_labels = query.load(
    overview_details.pair_labels, lang, parts.signed_by(year), view.border, show_inits, show_trade
)
options = {p: i18n.place_name(p) for p in places["place_id"]} | pair_labels
picked = view.sel if view.sel in options else None
if st.session_state.get("ov_sel_pick") != picked:
    st.session_state["ov_sel_pick"] = picked
pick_col.selectbox(
    t("overview.pick_place"),
    list(options),
    index=None,
    format_func=options.__getitem__,
    placeholder=t("overview.pick_placeholder"),
    key="ov_sel_pick",
    on_change=on_pick_place,
)
if st.session_state.get("ov_shade") != shade:
    st.session_state["ov_shade"] = shade
shade_col.selectbox(
    t("overview.indicator"),
    query.INDICATORS,
    format_func={k: t(f"indicator.{k}") for k in query.INDICATORS}.__getitem__,
    key="ov_shade",
    on_change=on_indicator,
)
if st.session_state.get("ov_year") != year:
    st.session_state["ov_year"] = year
year_col.slider(
    t("overview.year"),
    min_value=limits.first_year,
    max_value=limits.last_year,
    step=1,
    key="ov_year",
    on_change=on_year,
)
with st.container(horizontal=True, key="ov-switches", gap="large"):
    show_ports = st.toggle(t("overview.show_ports"), value=True, key="ov_ports")
    show_trade = st.toggle(t("overview.show_trade_arcs"), value=True, key="ov_trade_arcs")
    show_inits = st.toggle(t("overview.show_initiative_arcs"), value=True, key="ov_initiative_arcs")

# --- the map's layers, legend, sources and table alternative
modes = (view.mode,) if view.mode else None
measure_label = i18n.label("measure", view.measure)
base, legend, table, sources, no_values = parts.shaded_part(
    lang, shade, year, view.measure, modes, view.border, view.sel, store
)
layers, sources, extra = [base], set(sources), []
focus = parts.arc_focus(view.sel, place_ids)
# Arcs under the ports: a port stays visible and clickable where links converge.
if show_trade and view.border != "US-Mexico":
    trade_layer, trade_sources = parts.trade_arcs_part(lang, focus, store)
    layers.append(trade_layer)
    sources |= trade_sources
    extra.append((palettes.ARC_TRADE, t("overview.legend_trade_arc")))
if show_inits:
    init_layer, init_sources = parts.initiative_arcs_part(
        lang, parts.signed_by(year), view.border, focus, store
    )
    layers.append(init_layer)
    sources |= init_sources
    extra.append((palettes.ARC_INITIATIVE, t("overview.legend_initiative_arc")))
if show_ports:
    ports_layers, port_sources = parts.ports_part(
        lang, year, view.measure, view.border, view.sel, store
    )
    layers.append(ports_layers)
    sources |= port_sources
    extra.append((palettes.PORT_FILL, t("overview.legend_ports", measure=measure_label, year=year)))
    if len(ports_layers) > 1:
        extra.append((palettes.SELECTED_OUTLINE, t("overview.legend_planned_port")))
if view.border:
    camera = regions.view_for(list(places.loc[places["border"] == view.border, "place_id"]))
else:
    camera = deckjson.DEFAULT_VIEW
if no_values:
    years = query.load(query.indicator_years, shade)["year"]
    st.info(
        t(
            "overview.no_year_data",
            indicator=t(f"indicator.{shade}"),
            year=year,
            first=int(years.min()) if len(years) else "–",
            last=int(years.max()) if len(years) else "–",
        ),
        icon=":material/info:",
    )
note = t(f"overview.note_{shade}")
if focus and (show_inits or (show_trade and view.border != "US-Mexico")):
    note = f"{note} {t('overview.arcs_focus_note')}"
# The map, its text alternative, then the details of the selection; its sources,
# downloads and data table after those (a click's answer is right under the map).
frame, details, extras = maplayout.map_frame(), st.container(), st.container()
with frame:
    maplayout.legend_overlay(legend, f"{t(f'indicator.{shade}')} — {year}", extra)
    mapframe.show_map(
        deckjson.make_deck(layers, camera),
        table,
        sorted(sources),
        key="overview-map",
        on_pick=on_map_pick,
        below=extras,
        note=note,
        summary_in_below=False,
    )
with details:
    st.subheader(t("overview.details"))
    ports = query.load(query.port_totals, year, view.measure, view.border)
    overview_details.show_details(view, year, place_ids, ports)
