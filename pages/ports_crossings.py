"""Ports and crossings: ports ranked and mapped by a measure, series for a port/state/border."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import (
    chartframe,
    charts,
    citations,
    deckjson,
    i18n,
    mapframe,
    maplayout,
    query,
    state,
)
from components.i18n import t
from components.layers.places import land_layer
from components.layers.ports import planned_ports_layer, ports_layer
from geo import regions

view = state.current_view()
lang = i18n.lang()
place_name = i18n.place_name  # cached per language and store version


limits = state.store_limits()

maplayout.header(t("ports.title"), t("ports.intro"))


def measure_label(measure: str) -> str:
    """Translated name of a BTS measure or of a measure group ('people', 'vehicles')."""
    if measure in query.CROSSING_GROUPS:
        return t(f"ports.group.{measure}")
    return i18n.label("measure", measure)


def follow_view(key: str, value) -> None:
    """Put the view's ``value`` into widget ``key`` before the widget is drawn.

    The view (the link) is the truth: a link, the sidebar or a map click may have
    changed it since the last run. Widgets change the view only in their callbacks,
    so by now it already holds the user's latest choice.
    """
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def _set_year() -> None:
    state.write_view(year=int(st.session_state["pc_year"]))


# Controls: what to count (the sidebar's measure, or all people / all road vehicles) and the year.
measure_choices = {"sidebar": view.measure, "people": "people", "vehicles": "vehicles"}


def _set_count() -> None:
    choice = st.session_state["pc_count"]
    state.write_view(count=None if choice == "sidebar" else choice)


# The choice is in the link (``count=people``); the view is the truth for the widget.
count = view.count if view.count in measure_choices else "sidebar"
if st.session_state.get("pc_count") != count:
    st.session_state["pc_count"] = count
left, right = st.columns([3, 1])
with left:
    choice = st.radio(
        t("ports.count"),
        list(measure_choices),
        format_func={c: measure_label(m) for c, m in measure_choices.items()}.__getitem__,
        horizontal=True,
        key="pc_count",
        help=t("ports.count_help"),
        on_change=_set_count,
    )
measure = measure_choices[choice]
years = list(range(limits.last_year, limits.first_year - 1, -1))
year = view.year if view.year in years else limits.default_year
if st.session_state.get("pc_year") != year:
    st.session_state["pc_year"] = year
with right:
    st.selectbox(t("col.year"), years, key="pc_year", on_change=_set_year)

m_label = measure_label(measure)
border_text = t(f"border.{view.border}") if view.border else t("ports.all_borders")
ranking = query.load(query.port_ranking, year, measure, view.border)
planned = ranking[ranking["status"] == "planned"]
measured = ranking[ranking["value"].notna()]

# ---- map: ports sized by the measure; planned ports drawn as hollow rings with their status.
st.subheader(t("ports.map_title", measure=m_label, year=year, border=border_text))
fmt = lambda v: i18n.fmt_int(v)  # noqa: E731 - one-line formatter passed to layer builders
layers = [
    land_layer(lang),
    ports_layer(
        measured,
        m_label,
        fmt=fmt,
        state_name=place_name,
        selected=view.sel,
    ),
]
if not planned.empty:
    layers.append(planned_ports_layer(planned, place_name, selected=view.sel))
map_table = pd.DataFrame(
    {
        t("col.port"): ranking["port_name"].map(i18n.port_name),
        t("col.port_code"): ranking["port_code"],
        t("col.state"): ranking["place_id"].map(place_name),
        t("col.border"): ranking["border"].map(lambda b: t(f"border.{b}")),
        t("col.status"): ranking["status"].map(lambda s: i18n.label("ports.status", s)),
        m_label: ranking["value"],
        t("col.months"): ranking["months"],
        "source_id": ranking["source_id"],
    }
)
if ranking.empty:
    chartframe.empty_state(t("ports.empty_year", measure=m_label, year=year))
else:
    # Frame the chosen border (its states and provinces on both sides); else the continent.
    framed = None
    if view.border:
        border_places = query.load(query.places)
        ids = set(border_places.loc[border_places["border"] == view.border, "place_id"])
        framed = regions.view_for(sorted(ids)) if ids else None
    deck = deckjson.make_deck(layers, framed)

    def on_map_pick(sel_id: str) -> None:
        # A clicked port is selected and becomes the subject of the series below.
        if sel_id.startswith("port:"):
            state.write_view(sel=sel_id, series="port")

    with maplayout.map_frame():
        mapframe.show_map(
            deck, map_table, key="pc_map", on_pick=on_map_pick, note=t("ports.map_note")
        )

for row in planned.itertuples(index=False):
    st.info(
        t(
            "ports.planned_note",
            name=i18n.port_name(row.port_name),
            state=place_name(row.place_id),
            source=citations.source_caption([row.source_id]),
        ),
        icon=":material/construction:",
    )

# ---- ranking
top = measured.head(20)
fig = charts.ranked_bars(
    top.assign(label=top["port_name"].map(i18n.port_name) + " (" + top["place_id"].str[3:] + ")"),
    "label",
    "value",
    value_label=m_label,
    fmt=fmt,
    lang=lang,
)
chartframe.show_chart(
    fig,
    map_table[map_table[m_label].notna()].head(20),
    key="pc_rank",
    title=t("ports.rank_title", measure=m_label, year=year, border=border_text),
    empty_message=t("ports.empty_year", measure=m_label, year=year),
)

# ---- series for a port, a state or a border
st.subheader(t("ports.series_heading"))
ports = query.load(query.ports_catalogue)
port_codes = list(ports.loc[ports["status"] != "planned", "port_code"])
names = dict(
    zip(
        ports["port_code"],
        ports["port_name"].map(i18n.port_name) + " (" + ports["place_id"].str[3:] + ")",
        strict=True,
    )
)
sel_port = view.sel[5:] if view.sel and view.sel.startswith("port:") else None
us_states = sorted(set(ports["place_id"]), key=place_name)


def series_scope() -> str:
    """What the series is for: the link's ``series``, else what its sel and place imply
    (links made before ``series`` existed keep working)."""
    if view.series:
        return view.series
    return "port" if sel_port in port_codes else ("state" if view.place in us_states else "all")


def _set_scope() -> None:
    state.write_view(series=st.session_state["pc_scope"])


def _set_port() -> None:
    code = st.session_state["pc_port"]
    state.write_view(sel=f"port:{code}" if code else None, series="port")


def _set_state() -> None:
    state.write_view(place=st.session_state["pc_state"], series="state")


# The choice round-trips through the link: series=port&sel=port:<code>,
# series=state&place=<state>, series=border&border=<border>, series=all.
scope = series_scope()
follow_view("pc_scope", scope)
st.radio(
    t("ports.scope"),
    state.SERIES,
    format_func={s: t(f"ports.scope.{s}") for s in state.SERIES}.__getitem__,
    horizontal=True,
    key="pc_scope",
    on_change=_set_scope,
)
kwargs: dict = {}
subject = t("ports.scope.all")
if scope == "port":
    follow_view("pc_port", sel_port if sel_port in port_codes else None)
    code = st.selectbox(
        t("col.port"),
        port_codes,
        index=None,
        format_func={c: names.get(c, c) for c in port_codes}.__getitem__,
        placeholder=t("ports.port_placeholder"),
        key="pc_port",
        on_change=_set_port,
    )
    if code:
        kwargs["port_code"] = code
        subject = names.get(code, code)
elif scope == "state":
    follow_view("pc_state", view.place if view.place in us_states else None)
    place = st.selectbox(
        t("col.state"),
        us_states,
        index=None,
        format_func=place_name,
        placeholder=t("ports.state_placeholder"),
        key="pc_state",
        on_change=_set_state,
    )
    if place:
        kwargs["place_id"] = place
        subject = place_name(place)
elif scope == "border":
    border = view.border or query.BORDERS[0]
    kwargs["border"] = border
    subject = t(f"border.{border}")
    if not view.border:
        st.caption(t("ports.border_hint"))

if scope in ("port", "state") and not kwargs:
    chartframe.empty_state(t("ports.choose_first"))
else:
    yearly = query.load(query.crossings_yearly, measure, **kwargs)
    lo, hi = view.years or (limits.first_year, limits.last_year)
    yearly = yearly[(yearly["year"] >= lo) & (yearly["year"] <= hi)]
    fig = charts.line_series(
        yearly, "year", "value", x_label=t("col.year"), y_label=m_label, fmt=fmt, lang=lang
    )
    shown = pd.DataFrame(
        {
            t("col.year"): yearly["year"],
            m_label: yearly["value"],
            t("col.months"): yearly["months"],
            t("ports.col.ports"): yearly["ports"],
            "source_id": yearly["source_id"],
        }
    )
    chartframe.show_chart(
        fig,
        shown,
        key="pc_yearly",
        title=t("ports.yearly_title", measure=m_label, subject=subject),
        empty_message=t("ports.empty_series", measure=m_label, subject=subject),
    )
    if not yearly.empty and int(yearly["months"].min()) < 12:
        st.caption(t("ports.partial_years"))
    monthly = query.load(query.crossings_monthly, measure, **kwargs)
    if not monthly.empty:
        monthly = monthly[
            (pd.to_datetime(monthly["month"]).dt.year >= lo)
            & (pd.to_datetime(monthly["month"]).dt.year <= hi)
        ]
        fig = charts.line_series(
            monthly,
            "month",
            "value",
            x_label=t("ports.col.month"),
            y_label=m_label,
            fmt=fmt,
            lang=lang,
        )
        chartframe.show_chart(
            fig,
            pd.DataFrame(
                {
                    t("ports.col.month"): monthly["month"].map(lambda m: i18n.fmt_month(m)),
                    m_label: monthly["value"],
                    "source_id": monthly["source_id"],
                }
            ),
            key="pc_monthly",
            title=t("ports.monthly_title", measure=m_label, subject=subject),
            empty_message=t("ports.empty_series", measure=m_label, subject=subject),
        )
    else:
        st.caption(t("ports.no_monthly"))
