"""The overview map's layers: states and provinces shaded by an indicator, ports sized by
crossings, trade and initiative links. Each part is built once per filter state and store
version and shared by all sessions (``st.cache_resource``), so a year change rebuilds the
shading, the ports and the initiative arcs but not the trade arcs (their JSON is kept
too). Callers must not mutate what these return.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import deckjson, i18n, query, state
from components.i18n import t
from components.layers.arcs import pair_arcs_layer
from components.layers.base import TRADE_ARCS_LAYER_ID, LayerGroup, tip_text
from components.layers.places import choropleth_layer
from components.layers.ports import planned_ports_layer, ports_layer
from geo import boundaries

# Initiative links are many (over a hundred pairs, most with one or two initiatives):
# drawn thin, translucent and low they no longer hide the shading and the ports.
# Trade links are straight lines: the two kinds differ by shape, not only by colour.
INITIATIVE_ARC_STYLE = {"alpha": 110, "height": 0.2, "max_px": 7}
TRADE_ARC_STYLE = {"height": 0.0}
TRADE_LINKS = 30  # the largest state <-> province trade flows drawn


def fmt_for(indicator: str):
    """Number formatter of an indicator's values."""
    if indicator in ("trade_ca", "trade_mx", "fdi"):
        return i18n.fmt_money
    return i18n.fmt_int


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
    translated and query.load reads the same store.
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
    ids)."""
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


@st.cache_resource(max_entries=64, show_spinner=False)
def trade_arcs_part(lang: str, focus: str | None, store: tuple):
    """The largest state <-> province trade flows (all years) -> (layer, source ids).

    ``focus``: the selected place or pair, whose arcs stand out (see ``arc_focus``).
    """
    del lang, store
    od = query.load(query.trade_od_links, None, TRADE_LINKS)
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

    return _frozen_arcs(
        od,
        ("us_state", "partner_place_id"),
        kind="trade",
        value="value_usd",
        tip=tip,
        layer_id=TRADE_ARCS_LAYER_ID,
        focus=focus,
        fmt=i18n.fmt_money,
        **TRADE_ARC_STYLE,
    )


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

    return _frozen_arcs(
        inits,
        ("a_place", "b_place"),
        kind="initiative",
        value="initiatives",
        tip=tip,
        focus=focus,
        fmt=i18n.fmt_int,
        **INITIATIVE_ARC_STYLE,
    )


def _frozen_arcs(links, ends: tuple[str, str], **style):
    """Arcs between the places in the ``ends`` columns of ``links`` (placed at their
    centres, named in the current language) -> (frozen layer, source ids of the links;
    none when no arc is drawn). ``style``: the rest of ``pair_arcs_layer``'s arguments."""
    layer = pair_arcs_layer(
        links,
        ends,
        query.load(query.all_places)[["place_id", "lat", "lon"]],
        name_of=i18n.place_name,
        **style,
    )
    return deckjson.frozen(layer), set(links["source_id"].dropna()) if layer.data else set()


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
