"""Place profile: key figures, trade over time, ports, partners, initiatives, sources, small map."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from components import (
    brief,
    chartframe,
    citations,
    deckjson,
    fdi_text,
    figures,
    i18n,
    mapframe,
    palettes,
    place_mx,
    query,
    state,
    viewcache,
)
from components.figlocale import localise_figure
from components.i18n import t
from components.layers.arcs import arcs_layer, link_frame
from components.layers.base import tip_text
from components.layers.places import choropleth_layer
from components.layers.ports import ports_layer
from geo import boundaries, regions

view = state.current_view()
places = query.load(query.places)
place_ids = list(places["place_id"])

# The place comes from the sidebar's "State or province" (global, in the URL as ?place=):
# a second picker on the page showed the same choice twice.
place = view.place
if not place:
    st.title(t("place.title"))
    st.info(t("place.choose"), icon=":material/info:")
    st.stop()

row = places.set_index("place_id").loc[place]
country = row["country"]
name = i18n.place_name(place)
year = view.year
measure_label = i18n.label("measure", view.measure)
st.title(name)
kind = t(f"place.kind.{row['kind']}")
subtitle = f"{kind} · {t(f'country.{country}')}"
if bool(row["is_border"]) and row["border"]:
    subtitle += " · " + t("place.border_place", border=t(f"border.{row['border']}"))
st.caption(subtitle)
used_sources: set[str] = {row["source_id"]}


def profile_figure(figure) -> tuple[str, str, str | None] | None:
    """(label, value text, help) of a ``components.figures.Figure``; None when it has no
    year with data (the profile lists only figures it can date)."""
    if figure.key == "initiatives":
        return t("place.fig_initiatives"), i18n.fmt_int(figure.value), None
    if figure.year is None:
        return None
    if figure.key == "crossings":
        label = t("place.fig_crossings", measure=measure_label, year=figure.year)
        return label, i18n.fmt_int(figure.value), t("place.fig_crossings_help")
    if figure.key == "od_total":
        label = t("place.fig_od_total", first=figure.first_year, last=figure.year)
        return label, i18n.fmt_money(figure.value, short=True), t("place.fig_od_total_help")
    label = t(f"place.fig_{figure.key}", year=fdi_text.period_text(figure.year, figure.quarters))
    if figure.confidential:  # withheld by the source: the word, never 0 or '–'
        return label, t("fdi.confidential"), t("fdi.confidential_help")
    return label, i18n.fmt_money(figure.value, short=True), None


# --- key figures: the one rule of components.figures, shared with the overview and the brief
series = query.load(query.place_trade_series, place)
partners = query.load(query.place_partners, place, 10)
inits = query.load(query.place_initiatives, place)
modes = (view.mode,) if view.mode else None
place_figs = query.load(figures.place_figures, place, int(year), (view.measure,), modes)
shown = [f for f in (profile_figure(fig) for fig in place_figs) if f is not None]
used_sources.update(figures.figure_sources(place_figs))

st.subheader(t("place.key_figures"))
for start in range(0, len(shown), 3):
    cols = st.columns(3)
    for col, (label, value, help_text) in zip(cols, shown[start : start + 3], strict=False):
        col.metric(label, value, help=help_text)
st.caption(t("place.latest_note", year=year) + " " + citations.source_caption(sorted(used_sources)))

# --- PDF brief of the place (same figures as above)
brief.download_button(place, view.lang, key="pp-brief")

# --- small map: the place, its neighbours across the border, its ports and partners
neighbours = [n for n in regions.neighbours_across_border(place) if n in set(place_ids)]
place_fill, neighbour_fill = palettes.SEQUENTIAL[-2], palettes.SEQUENTIAL[1]


def place_map() -> tuple:
    """The small map's deck (frozen: its JSON is written once) and its table alternative."""
    shown = pd.DataFrame({"place_id": [place, *neighbours]})
    base, _ = choropleth_layer(
        boundaries.boundaries_geojson(view.lang),
        None,
        selected=place,
        highlight=set(neighbours),
        fills={place: place_fill, **dict.fromkeys(neighbours, neighbour_fill)},
    )
    layers = [base]
    if country == "US":
        ports_map = query.load(query.place_ports, place, year, view.measure).assign(place_id=place)
        layers.append(
            ports_layer(ports_map, measure_label, fmt=i18n.fmt_int, state_name=i18n.place_name)
        )
    map_partners = partners[partners["partner_id"].isin(place_ids)].head(5)
    if not map_partners.empty:
        xy = query.load(query.all_places)[["place_id", "lat", "lon"]]
        links = map_partners.assign(here=place, value=map_partners["value_usd"], kind="trade")
        links = links.assign(
            tip=[
                tip_text(f"{name} ↔ {i18n.place_name(p)}", [(t("col.value"), i18n.fmt_money(v))])
                for p, v in zip(map_partners["partner_id"], map_partners["value_usd"], strict=True)
            ],
        )
        layers.append(arcs_layer(link_frame(links, "here", "partner_id", xy)))
    camera = regions.view_for([place, *neighbours])
    map_table = pd.DataFrame(
        {
            t("col.place"): [i18n.place_name(p) for p in shown["place_id"]],
            "place_id": shown["place_id"],
            "source_id": row["source_id"],
        }
    )
    return deckjson.make_deck(layers, camera).freeze(), map_table


# One map per place, year and measure for every session in a language.
deck, map_table = viewcache.remember("place-map", (place, year, view.measure), place_map)
mapframe.show_legend(
    [(place_fill, name)]
    + ([(neighbour_fill, t("place.neighbours"))] if neighbours else [])
    + [(palettes.NO_DATA, t("place.other_places"))],
    t("place.map"),
    no_data=False,
)


def on_map_pick(sel_id: str) -> None:
    # A clicked state or province opens its profile (ports have their own page).
    if sel_id in set(place_ids):
        state.write_view(place=sel_id)


mapframe.show_map(
    deck,
    map_table.copy(deep=False),
    [row["source_id"]],
    key="place-map",
    on_pick=on_map_pick,
)

# --- trade over time
if series.empty:
    st.subheader(t("place.trade_chart"))
    chartframe.empty_state(t("place.no_trade_series") if country == "CA" else None)
else:

    def trade_chart() -> tuple:
        """The place's trade series -> (localised figure, the table it draws)."""
        chart = series.copy()
        if country == "MX":
            chart["series"] = t("place.series_mx_state")
        else:
            chart["series"] = [
                t("place.series_name", flow=t(f"flow.{f}"), partner=t(f"country.{p}"))
                for f, p in zip(chart["flow"], chart["partner"], strict=True)
            ]
        shown_chart = pd.DataFrame(
            {
                t("col.year"): chart["year"],
                t("place.series"): chart["series"],
                t("place.col_value_usd"): chart["value"],
                "source_id": chart["source_id"],
            }
        )
        fig = px.line(
            shown_chart,
            x=t("col.year"),
            y=t("place.col_value_usd"),
            color=t("place.series"),
            markers=True,
            color_discrete_sequence=["#0072B2", "#D55E00", "#009E73", "#CC79A7"],
        )
        fig.update_layout(legend_title_text="", margin={"l": 10, "r": 10, "t": 40, "b": 10})
        localise_figure(fig)
        return viewcache.share_figure(fig), shown_chart

    # Built once per place and language for every session: Plotly Express took longer
    # than the rest of the page.
    fig, shown_chart = viewcache.remember("place-trade-chart", place, trade_chart)
    chartframe.show_chart(
        fig, shown_chart.copy(deep=False), key="place-trade", title=t("place.trade_chart")
    )

# --- Mexican states: FDI by origin and sector, US exports by HS section (sector filter)
if country == "MX":
    used_sources.update(place_mx.show_investment(place, name, int(year)))
    used_sources.update(place_mx.show_export_sectors(place, name, int(year), view.sector))

# --- ports
if country == "US":
    ports = query.load(query.place_ports, place, year, view.measure)
    table = pd.DataFrame(
        {
            t("col.port"): ports["port_name"].map(i18n.port_name),
            t("col.port_code"): ports["port_code"],
            t("col.border"): [t(f"border.{b}") for b in ports["border"]],
            t("place.col_crossings", measure=measure_label, year=year): ports["value"],
            t("col.months"): ports["months"],
            "source_id": ports["source_id"],
        }
    )
    chartframe.show_table(table, key="place-ports", title=t("place.ports"))
else:
    st.subheader(t("place.ports"))
    st.caption(t("place.no_ports"))

# --- partners across the border
st.subheader(t("place.partners"))
if country == "MX":
    st.info(t("place.partners_mx"), icon=":material/info:")
else:
    if country == "US":
        st.caption(t("place.partners_us_mx"))
    if not partners.empty:
        st.caption(
            t(
                "place.partners_note",
                first=int(partners["first_year"].min()),
                last=int(partners["last_year"].max()),
            )
        )
    table = pd.DataFrame(
        {
            t("col.partner"): [i18n.place_name(p) for p in partners["partner_id"]],
            t("place.col_value_usd"): partners["value_usd"],
            "place_id": partners["partner_id"],
            "source_id": partners["source_id"],
        }
    )
    chartframe.show_table(table, key="place-partners")
    used_sources.update(partners["source_id"].dropna())

# --- initiatives
lang = view.lang
if inits.empty:
    st.subheader(t("place.initiatives"))
    st.caption(t("place.no_initiatives"))
else:
    table = pd.DataFrame(
        {
            t("place.col_initiative"): [i18n.in_lang(r, "name", lang) for _, r in inits.iterrows()],
            t("col.year"): inits["year"],
            t("col.status"): [i18n.label("place.status", s) for s in inits["status"]],
            t("place.col_partners"): [
                ", ".join(i18n.place_name(p.strip()) for p in ps.split(",") if p.strip())
                for ps in inits["partners"].fillna("")  # no partner listed: NULL -> NaN
            ],
            t("place.col_summary"): [i18n.in_lang(r, "summary", lang) for _, r in inits.iterrows()],
            t("place.col_link"): inits["source_url"].fillna(""),  # no URL: an empty cell
            "source_id": inits["source_id"],
        }
    )
    chartframe.show_table(
        table,
        key="place-initiatives",
        title=t("place.initiatives"),
        column_config={t("place.col_link"): st.column_config.LinkColumn()},
    )

# --- cited facts
facts = query.load(query.place_facts, place)
if not facts.empty:
    used_sources.update(facts["source_id"].dropna())
    table = pd.DataFrame(
        {
            t("place.col_fact"): [i18n.in_lang(r, "label", lang) for _, r in facts.iterrows()],
            t("col.year"): facts["year"],
            t("col.value"): facts["value"],
            t("place.col_unit"): facts["unit"].map(lambda u: i18n.label("jobs.unit", u)),
            t("ui.source"): facts["source_publisher"] + ", " + facts["source_title"],
            t("place.col_link"): facts["source_url"].fillna(""),
            "source_id": facts["source_id"],
        }
    )
    chartframe.show_table(
        table,
        key="place-facts",
        title=t("place.facts"),
        column_config={t("place.col_link"): st.column_config.LinkColumn()},
    )

# --- every source of the page
st.subheader(t("place.all_sources"))
src = query.load(query.sources_for, sorted(used_sources))
src_table = pd.DataFrame(
    {
        t("place.col_publisher"): src["publisher"],
        t("place.col_title"): src["title"],
        t("place.col_as_of"): [i18n.fmt_date(d) for d in src["as_of"]],
        t("place.col_link"): src["url"].fillna(""),
        "source_id": src["source_id"],
    }
)
chartframe.show_table(
    src_table,
    key="place-sources",
    column_config={
        t("place.col_link"): st.column_config.LinkColumn(),
        "source_id": st.column_config.TextColumn(t("col.source_id")),  # a list of sources
    },
)
