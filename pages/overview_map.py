"""Overview map: states/provinces shaded by an indicator, ports sized by crossings, link arcs."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from components import (
    chartframe,
    citations,
    deckjson,
    figures,
    i18n,
    mapframe,
    palettes,
    query,
    safetext,
    state,
)
from components.i18n import t
from components.layers.arcs import pair_arcs_layer
from components.layers.base import TRADE_ARCS_LAYER_ID, LayerGroup, tip_text
from components.layers.places import choropleth_layer
from components.layers.ports import planned_ports_layer, ports_layer
from geo import boundaries, regions

view = state.current_view()
limits = state.store_limits()
st.title(t("overview.title"))
st.caption(t("overview.intro"))


def on_indicator() -> None:
    state.write_view(shade=st.session_state["ov_shade"], sel=None)


def on_year() -> None:
    state.write_view(year=int(st.session_state["ov_year"]))


def fmt_for(indicator: str):
    """Number formatter of an indicator's values."""
    if indicator in ("trade_ca", "trade_mx", "fdi"):
        return i18n.fmt_money
    return i18n.fmt_int


left, right = st.columns([2, 3])
if st.session_state.get("ov_shade") != view.shade:
    st.session_state["ov_shade"] = view.shade
left.selectbox(
    t("overview.indicator"),
    query.INDICATORS,
    format_func={k: t(f"indicator.{k}") for k in query.INDICATORS}.__getitem__,
    key="ov_shade",
    on_change=on_indicator,
)
year = view.year or limits.default_year
if st.session_state.get("ov_year") != year:
    st.session_state["ov_year"] = year
right.slider(
    t("overview.year"),
    min_value=limits.first_year,
    max_value=limits.last_year,
    step=1,
    key="ov_year",
    on_change=on_year,
)
toggles = st.columns(3)
show_ports = toggles[0].toggle(t("overview.show_ports"), value=True, key="ov_ports")
show_trade = toggles[1].toggle(t("overview.show_trade_arcs"), value=True, key="ov_trade_arcs")
show_inits = toggles[2].toggle(
    t("overview.show_initiative_arcs"), value=True, key="ov_initiative_arcs"
)

# --- layers, legend and table alternative. Each part is built once per filter state
# and store version and shared by all sessions, so a year change rebuilds the shading,
# the ports and the initiative arcs but not the trade arcs (their JSON is kept too).


@st.cache_resource(max_entries=128, show_spinner=False)
def shaded_part(
    lang: str,
    shade: str,
    year: int,
    measure: str,
    modes: tuple | None,
    border: str | None,
    sel: str | None,
    store: tuple,
):
    """Filter values -> (base layer, legend entries, table alternative, source ids, empty?).

    ``lang`` and ``store`` (path, version) are cache keys only: every label is
    translated and query.load reads the same store. Callers must not mutate the
    results (they are shared).
    """
    del lang, store
    values = query.load(
        query.indicator_values, shade, year, measure, list(modes or []) or None, border
    )
    places = query.load(query.places)
    if border:
        values = values[values["place_id"].isin(places.loc[places["border"] == border, "place_id"])]
    base, legend = choropleth_layer(
        boundaries.boundaries_geojson(i18n.lang()),
        values,
        fmt=fmt_for(shade),
        label=f"{t(f'indicator.{shade}')} ({year})",
        selected=state.parse_pair(sel) or sel,  # a pair: both its places
    )
    table = values.merge(places[["place_id", "country"]], on="place_id", how="left")
    table = pd.DataFrame(
        {
            t("col.place"): [i18n.place_name(p) for p in table["place_id"]],
            t("col.country"): [t(f"country.{c}") for c in table["country"].fillna("US")],
            f"{t(f'indicator.{shade}')} ({year})": table["value"],
            "place_id": table["place_id"],
            "source_id": table["source_id"],
        }
    )
    # The base geometry's own source (Natural Earth) is cited with the figures.
    sources = set(values["source_id"].dropna()) | set(places["source_id"].dropna())
    return deckjson.frozen(base), legend, table, sources, values.empty


@st.cache_resource(max_entries=128, show_spinner=False)
def ports_part(
    lang: str, year: int, measure: str, border: str | None, sel: str | None, store: tuple
):
    """Ports sized by ``measure`` in ``year``, and planned ports as rings -> (layers, source
    ids). Shared; do not mutate."""
    del lang, store
    ports = query.load(query.port_totals, year, measure, border)
    planned = ports["status"] == "planned"
    layers = LayerGroup(
        [
            ports_layer(
                ports[~planned],
                i18n.label("measure", measure),
                fmt=i18n.fmt_int,
                state_name=i18n.place_name,
                selected=sel,
            )
        ]
    )
    if planned.any():
        layers.append(planned_ports_layer(ports[planned], i18n.place_name, sel))
    return deckjson.frozen(layers), set(ports["source_id"].dropna())


# Initiative links are many (over a hundred pairs, most with one or two initiatives):
# drawn thin, translucent and low they no longer hide the shading and the ports.
# Trade links are straight lines: the two kinds differ by shape, not only by colour.
INITIATIVE_ARC_STYLE = {"alpha": 110, "height": 0.2, "max_px": 7}
TRADE_ARC_STYLE = {"height": 0.0}


@st.cache_resource(max_entries=64, show_spinner=False)
def trade_arcs_part(lang: str, focus: str | None, store: tuple):
    """The largest state <-> province trade flows (all years) -> (layer, source ids).

    ``focus``: the selected place or pair, whose arcs stand out (see ``arc_focus``).
    """
    del lang, store
    od = query.load(query.trade_od_links, None, 30)
    name_of = i18n.place_name

    def tip(r) -> str:
        title = t(
            "overview.arc_trade_tip",
            a=name_of(r.us_state),
            b=name_of(r.partner_place_id),
            first=r.first_year,
            last=r.last_year,
        )
        return tip_text(title, [(t("col.value"), i18n.fmt_money(r.value_usd))])

    layer = pair_arcs_layer(
        od,
        ("us_state", "partner_place_id"),
        query.load(query.all_places)[["place_id", "lat", "lon"]],
        kind="trade",
        value="value_usd",
        tip=tip,
        layer_id=TRADE_ARCS,
        focus=focus,
        **TRADE_ARC_STYLE,
    )
    return deckjson.frozen(layer), set(od["source_id"].dropna()) if layer.data else set()


@st.cache_resource(max_entries=64, show_spinner=False)
def initiative_arcs_part(lang: str, year: int, border: str | None, focus: str | None, store: tuple):
    """Pairs of places sharing initiatives signed up to ``year`` -> (layer, source ids).

    ``focus``: the selected place or pair, whose arcs stand out (see ``arc_focus``).
    """
    del lang, store
    inits = query.load(query.initiative_links, year, border)
    name_of = i18n.place_name

    def tip(r) -> str:
        title = t(
            "overview.arc_initiative_tip",
            n=r.initiatives,
            a=name_of(r.a_place),
            b=name_of(r.b_place),
        )
        return tip_text(title, [("", r.names)])

    layer = pair_arcs_layer(
        inits,
        ("a_place", "b_place"),
        query.load(query.all_places)[["place_id", "lat", "lon"]],
        kind="initiative",
        value="initiatives",
        tip=tip,
        focus=focus,
        **INITIATIVE_ARC_STYLE,
    )
    return deckjson.frozen(layer), set(inits["source_id"].dropna()) if layer.data else set()


TRADE_ARCS = TRADE_ARCS_LAYER_ID


def signed_by(year: int) -> int:
    """The last year up to ``year`` in which an initiative was signed: the initiative arcs
    only change in those years, so the years between share one cached layer."""
    years = [int(y) for y in query.load(query.indicator_years, "initiatives")["year"].dropna()]
    earlier = [y for y in years if y <= year]
    return max(earlier) if earlier else min(years, default=year) - 1


def arc_focus(sel: str | None, places: set[str]) -> str | None:
    """The selection whose links the arcs pick out: a pair, or a state/province of
    ``places``; None for nothing, a port or an unknown id (arcs as usual)."""
    if sel and (state.parse_pair(sel) or sel in places):
        return sel
    return None


shade = view.shade
modes = tuple([view.mode]) if view.mode else None
measure_label = i18n.label("measure", view.measure)
db = str(query.db_path())
store = (db, query.store_version(db))
lang = i18n.lang()
base, legend, table, sources, no_values = shaded_part(
    lang, shade, int(year), view.measure, modes, view.border, view.sel, store
)
layers = [base]
sources = set(sources)
extra = []
focus = arc_focus(view.sel, set(query.load(query.places)["place_id"]))
# Arcs under the ports: a port stays visible and clickable where links converge.
if show_trade and view.border != "US-Mexico":
    trade_layer, trade_sources = trade_arcs_part(lang, focus, store)
    layers.append(trade_layer)
    sources |= trade_sources
    extra.append((palettes.ARC_TRADE, t("overview.legend_trade_arc")))
if show_inits:
    init_layer, init_sources = initiative_arcs_part(
        lang, signed_by(int(year)), view.border, focus, store
    )
    layers.append(init_layer)
    sources |= init_sources
    extra.append((palettes.ARC_INITIATIVE, t("overview.legend_initiative_arc")))
if show_ports:
    ports_layers, port_sources = ports_part(
        lang, int(year), view.measure, view.border, view.sel, store
    )
    layers.append(ports_layers)
    sources |= port_sources
    extra.append((palettes.PORT_FILL, t("overview.legend_ports", measure=measure_label, year=year)))
    if len(ports_layers) > 1:
        extra.append((palettes.SELECTED_OUTLINE, t("overview.legend_planned_port")))
if view.border:
    border_places = query.load(query.places)
    camera = regions.view_for(
        list(border_places.loc[border_places["border"] == view.border, "place_id"])
    )
else:
    camera = deckjson.DEFAULT_VIEW
deck = deckjson.make_deck(layers, camera)
sources = sorted(sources)
places = query.load(query.places)
ports = query.load(query.port_totals, year, view.measure, view.border)
names = places.set_index("place_id")
st.caption(t(f"overview.note_{shade}"))
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
mapframe.show_legend(legend, f"{t(f'indicator.{shade}')} — {year}", extra)
if focus and (show_inits or (show_trade and view.border != "US-Mexico")):
    st.caption(t("overview.arcs_focus_note"))


def overview_label(figure) -> str:
    """The detail panel's label of a ``components.figures.Figure`` (its year when it has one)."""
    at = figure.year if figure.year is not None else year
    if figure.key == "crossings":
        return t("overview.fig_crossings", measure=measure_label, year=at)
    if figure.key == "initiatives":
        return t("overview.fig_initiatives")
    if figure.key == "od_total":
        return t("place.fig_od_total", first=figure.first_year or "–", last=figure.year or "–")
    return t(f"overview.fig_{figure.key}", year=at)


def overview_value(figure) -> str:
    """The detail panel's text of a figure's value ('–' when unknown)."""
    if figure.unit == "USD":
        return i18n.fmt_money(figure.value)
    return i18n.fmt_int(figure.value)


def on_map_pick(sel_id: str) -> None:
    # The map's selection callback (before the run): this run draws the new selection.
    state.write_view(sel=sel_id)


mapframe.show_map(deck, table, sources, key="overview-map", on_pick=on_map_pick)

# --- details panel of the selection
st.subheader(t("overview.details"))


def on_pick_place() -> None:
    state.write_view(sel=st.session_state["ov_sel_pick"])


def arc_pair_labels(
    db, lang: str, signed: int, border: str | None, inits: bool, trade: bool
) -> dict[str, str]:
    """{pair selection id: 'A ↔ B'} of the arcs on the map, by label: initiative pairs
    signed up to ``signed`` (if ``inits``) and trade pairs (if ``trade``). Built once per
    store version and arguments (``query.load``): a rerun does not relabel ~300 pairs."""
    del db  # the store's version is in query.load's key
    known = set(query.load(query.places)["place_id"]) | set(query.COUNTRIES)
    pairs = []
    if inits:
        links = query.load(query.initiative_links, signed, border)
        pairs += list(zip(links["a_place"], links["b_place"], strict=True))
    if trade and border != "US-Mexico":
        od = query.load(query.trade_od_links, None, 30)
        pairs += list(zip(od["us_state"], od["partner_place_id"], strict=True))
    name = functools.partial(i18n.place_name, lang=lang)
    labels = {
        state.pair_id(a, b): f"{name(min(a, b))} ↔ {name(max(a, b))}"
        for a, b in pairs
        if {a, b} <= known  # national governments are parties too
    }
    return dict(sorted(labels.items(), key=lambda item: item[1]))


def show_pair(a: str, b: str) -> None:
    """Details of the cross-border pair ``a``-``b``: their shared initiatives (each with
    its year, source and a link to its record) and their trade, each figure cited."""
    st.markdown(
        f"**{safetext.md_text(i18n.place_name(a))} ↔ {safetext.md_text(i18n.place_name(b))}**"
    )
    inits = query.load(query.pair_initiatives, a, b, int(year), view.border)
    cols = st.columns(2)
    cols[0].metric(t("overview.pair_initiatives", year=year), i18n.fmt_int(len(inits)))
    us, other = (a, b) if a.startswith("US") else (b, a)
    od = query.load(query.trade_od_links, us, 1000) if us.startswith("US") else None
    hit = od[od["partner_place_id"] == other] if od is not None else None
    if hit is None or hit.empty:
        cols[1].caption(t("overview.pair_no_trade"))
    else:
        flow = hit.iloc[0]
        cols[1].metric(
            t("overview.pair_trade", first=flow.first_year, last=flow.last_year),
            i18n.fmt_money(flow.value_usd),
        )
        cols[1].caption(citations.source_caption([flow.source_id]))
    if inits.empty:
        st.caption(t("overview.pair_no_initiatives", year=year))
    for rec in inits.itertuples(index=False):
        name = getattr(rec, f"name_{view.lang}", None) or rec.name_en
        st.page_link(
            "pages/initiatives.py",
            label=f"{safetext.md_text(name)} ({int(rec.year)})",
            icon=":material/handshake:",
            help=t("overview.open_initiative"),
            query_params={"sel": f"initiative:{rec.initiative_id}", "lang": view.lang},
        )
        st.caption(
            f"{t('ui.source')}{i18n.colon()}[{safetext.md_text(rec.source_publisher)} — "
            f"{safetext.md_text(rec.source_title)}]({safetext.md_url(rec.source_url)})"
        )
    if not inits.empty:
        st.caption(citations.source_caption(set(inits["source_id"])))  # the inventory itself


def show_planned_port(port) -> None:
    """Details of a planned port (a ``port_totals`` row): its state, its status and the
    Ports page's note saying it is not open yet, with its source."""
    name = i18n.port_name(port.port_name)
    chartframe.show_name(name, port.port_code)
    cols = st.columns(2)
    cols[0].metric(t("overview.port_state"), i18n.place_name(port.place_id))
    cols[1].metric(t("col.status"), t("ports.status.planned"))
    note = t(
        "ports.planned_note",
        name=name,
        state=i18n.place_name(port.place_id),
        source=citations.source_caption([port.source_id]),
    )
    st.info(note, icon=":material/construction:")
    st.page_link(
        "pages/place_profile.py",
        label=t("overview.open_profile", name=i18n.place_name(port.place_id)),
        icon=":material/arrow_forward:",
        query_params={"place": port.place_id, "lang": view.lang},
    )


# Keyboard/screen-reader alternative to clicking the map: a place or an arc's pair.
pair_labels = query.load(
    arc_pair_labels, lang, signed_by(int(year)), view.border, show_inits, show_trade
)
options = {p: i18n.place_name(p) for p in names.index} | pair_labels
picked_place = view.sel if view.sel in options else None
if st.session_state.get("ov_sel_pick") != picked_place:
    st.session_state["ov_sel_pick"] = picked_place
st.selectbox(
    t("overview.pick_place"),
    list(options),
    index=None,
    format_func=options.__getitem__,
    placeholder=t("overview.pick_placeholder"),
    key="ov_sel_pick",
    on_change=on_pick_place,
)
sel = view.sel
if not sel:
    st.caption(t("overview.details_hint"))
elif state.parse_pair(sel):
    show_pair(*state.parse_pair(sel))
elif sel.startswith("port:"):
    code = sel.split(":", 1)[1]
    row = ports[ports["port_code"] == code]
    if row.empty:
        st.info(t("overview.unknown_selection"), icon=":material/info:")
    elif row.iloc[0].status == "planned":
        show_planned_port(row.iloc[0])
    else:
        port = row.iloc[0]
        chartframe.show_name(i18n.port_name(port.port_name), code)
        cols = st.columns(2)
        cols[0].metric(t("overview.port_state"), i18n.place_name(port.place_id))
        cols[1].metric(
            t("overview.port_value", measure=measure_label, year=year),
            i18n.fmt_int(port.value),
        )
        st.caption(citations.source_caption([port.source_id]))
        if pd.notna(port.months) and int(port.months) < 12:
            st.caption(t("overview.months_partial", months=int(port.months)))
        st.page_link(
            "pages/place_profile.py",
            label=t("overview.open_profile", name=i18n.place_name(port.place_id)),
            icon=":material/arrow_forward:",
            query_params={"place": port.place_id, "lang": view.lang},
        )
elif sel in set(names.index):
    st.markdown(f"**{safetext.md_text(i18n.place_name(sel))}**")
    # The place's figures under the one rule of components.figures (latest year up to
    # the view year), shared with the place profile and the PDF brief.
    place_figs = query.load(figures.place_figures, sel, int(year), (view.measure,), modes)
    shown = [(overview_label(f), overview_value(f)) for f in place_figs]
    fig_sources = figures.figure_sources(place_figs)
    cols = st.columns(len(shown))
    for col, (label, value) in zip(cols, shown, strict=True):
        col.metric(label, value)
    st.caption(citations.source_caption(fig_sources))
    st.page_link(
        "pages/place_profile.py",
        label=t("overview.open_profile", name=i18n.place_name(sel)),
        icon=":material/arrow_forward:",
        query_params={"place": sel, "lang": view.lang},
    )
else:
    st.info(t("overview.unknown_selection"), icon=":material/info:")
if sel:
    st.button(
        t("overview.clear_selection"),
        key="ov_clear",
        on_click=state.write_view,
        kwargs={"sel": None},
    )
