"""Trade flows: US state <-> Canada/Mexico by mode and year, state <-> province pairs, series."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components import chartframe, charts, i18n, query, safetext, sankey_chart, sector_trade, state
from components.i18n import t

view = state.current_view()
lang = i18n.lang()
place_name = i18n.place_name  # cached per language and store version


limits = state.store_limits()
TOP_STATES = 15
TOP_CHAPTERS = 20

st.title(t("trade.title"))
st.caption(t("trade.intro"))

span = query.load(query.year_span).iloc[0]
first = int(span["trade_first"]) if pd.notna(span["trade_first"]) else limits.first_year
last = int(span["trade_last"]) if pd.notna(span["trade_last"]) else limits.last_year
years = list(range(last, first - 1, -1))
year = (
    view.year
    if view.year in years
    else (limits.default_year if limits.default_year in years else last)
)


def _set_year() -> None:
    state.write_view(year=int(st.session_state["tf_year"]))


if st.session_state.get("tf_year") != year:
    st.session_state["tf_year"] = year
partner_for_border = {"US-Canada": "CA", "US-Mexico": "MX"}
c1, c2, c3 = st.columns(3)
with c1:
    st.selectbox(t("col.year"), years, key="tf_year", on_change=_set_year)
with c2:
    partners = ["both", "CA", "MX"]
    default_partner = partner_for_border.get(view.border, "both")
    partner_choice = st.radio(
        t("trade.partner"),
        partners,
        index=partners.index(default_partner),
        format_func={
            p: t("trade.both_partners") if p == "both" else t(f"country.{p}") for p in partners
        }.__getitem__,
        horizontal=True,
        key=f"tf_partner_{default_partner}",
    )
with c3:
    flows = ["both", "export", "import"]
    flow_choice = st.radio(
        t("trade.flow"),
        flows,
        format_func={
            f: t("trade.both_flows") if f == "both" else t(f"flow.{f}") for f in flows
        }.__getitem__,
        horizontal=True,
        key="tf_flow",
    )
partner = None if partner_choice == "both" else partner_choice
flow = None if flow_choice == "both" else flow_choice
modes = [view.mode] if view.mode else None
mode_text = i18n.label("mode", view.mode) if view.mode else t("trade.all_modes")
flow_text = t("trade.both_flows") if flow is None else t(f"flow.{flow}")
money = lambda v: i18n.fmt_money(v)  # noqa: E731 - formatter handed to chart builders
if year == last:
    st.caption(t("trade.partial_year", year=year))
if view.sector:
    st.caption(t("trade.sector_scope", chapter=i18n.hs_chapter(view.sector)))

# ---- Sankey 1: US states -> Canada / Mexico, split by mode
by_mode = query.load(query.trade_by_mode, year, partner, flow, modes)
state_totals = by_mode.groupby("us_state")["value_usd"].sum().sort_values(ascending=False)
keep = set(state_totals.head(TOP_STATES).index)
other = t("trade.other_states")
flows_df = by_mode.assign(
    origin=[s if s in keep else "__other__" for s in by_mode["us_state"]],
    target=[
        f"{t(f'country.{c}')} · {i18n.label('mode', m)}"
        for c, m in zip(by_mode["partner_country"], by_mode["mode"], strict=True)
    ],
)
flows_df = flows_df.groupby(["origin", "target"], as_index=False).agg(
    value_usd=("value_usd", "sum"), source_id=("source_id", "min")
)
labels = {s: place_name(s) for s in keep} | {"__other__": other}
fig = sankey_chart.sankey(
    flows_df, "origin", "target", "value_usd", node_labels=labels, fmt=money, lang=lang
)
chartframe.show_chart(
    fig,
    pd.DataFrame(
        {
            t("trade.col.origin"): flows_df["origin"].map(labels),
            t("trade.col.destination"): flows_df["target"],
            t("trade.col.value"): flows_df["value_usd"].round(0),
            "source_id": flows_df["source_id"],
        }
    ).sort_values(t("trade.col.value"), ascending=False),
    key="tf_sankey_mode",
    title=t(
        "trade.sankey_mode_title",
        year=year,
        partner=t("trade.both_partners") if partner is None else t(f"country.{partner}"),
        flow=flow_text,
        mode=mode_text,
    ),
    empty_message=t("trade.empty", year=year),
)
st.caption(t("trade.sankey_mode_note", n=TOP_STATES))

# ---- Sankey 2 + top pairs: US states <-> Canadian provinces (cumulative, from trade_od)
if partner != "MX":
    pairs = query.load(query.trade_pairs, view.place if view.place else None, None, 25)
    if view.place and pairs.empty:
        pairs = query.load(query.trade_pairs, None, view.place, 25)
    scope = place_name(view.place) if view.place else t("trade.all_states")
    if not pairs.empty:
        span_text = f"{int(pairs['first_year'].min())}–{int(pairs['last_year'].max())}"
    else:
        span_text = "–"
    fig = sankey_chart.sankey(
        pairs,
        "us_state",
        "partner_place_id",
        "value_usd",
        node_labels={
            p: place_name(p) for p in set(pairs["us_state"]) | set(pairs["partner_place_id"])
        },
        fmt=money,
        lang=lang,
    )
    # trade_od rows without a port code (aggregated over ports) count 0 ports: hide the column.
    show_ports = bool(pairs["ports"].max() > 0) if not pairs.empty else False
    table = pd.DataFrame(
        {
            t("col.state"): pairs["us_state"].map(place_name),
            t("trade.col.province"): pairs["partner_place_id"].map(place_name),
            t("trade.col.value"): pairs["value_usd"].round(0),
            t("trade.col.value_text"): pairs["value_usd"].map(money),
            **({t("ports.col.ports"): pairs["ports"]} if show_ports else {}),
            t("col.period"): [
                f"{a}–{b}" for a, b in zip(pairs["first_year"], pairs["last_year"], strict=True)
            ],
            "source_id": pairs["source_id"],
        }
    )
    chartframe.show_chart(
        fig,
        table,
        key="tf_sankey_od",
        title=t("trade.sankey_od_title", scope=scope, period=span_text),
        empty_message=t("trade.empty_pairs", scope=scope),
    )
    st.caption(t("trade.od_note"))
    chartframe.show_table(
        table,
        key="tf_pairs",
        title=t("trade.pairs_title", scope=scope),
        empty_message=t("trade.empty_pairs", scope=scope),
    )

# ---- each state's trade with Canada and Mexico over time
st.subheader(t("trade.series_heading"))
us_states = [p for p in query.load(query.places)["place_id"] if p.startswith("US-")]
# Follow the view's place when it changes (sidebar, link); Texas until a state is chosen.
wanted = view.place if view.place in us_states else None
if st.session_state.get("tf_state_from") != wanted:
    st.session_state["tf_state_from"] = wanted
    if wanted:
        st.session_state["tf_state"] = wanted
if st.session_state.get("tf_state") not in us_states and us_states:
    st.session_state["tf_state"] = "US-TX" if "US-TX" in us_states else us_states[0]
chosen = st.selectbox(
    t("col.state"),
    us_states,
    format_func=place_name,
    placeholder=t("trade.state_placeholder"),
    key="tf_state",
)
if chosen:
    series = query.load(query.state_trade_series, chosen, modes)
    lo, hi = view.years or (first, last)
    series = series[(series["year"] >= lo) & (series["year"] <= hi)]
    if partner:
        series = series[series["partner_country"] == partner]
    if flow:
        series = series[series["flow"] == flow]
    series = series.assign(line=series["partner_country"] + "|" + series["flow"])
    line_names = {
        f"{c}|{f}": f"{t(f'country.{c}')} — {t(f'flow.{f}')}"
        for c in ("CA", "MX")
        for f in ("export", "import")
    }
    fig = charts.line_series(
        series,
        "year",
        "value_usd",
        "line",
        x_label=t("col.year"),
        y_label=t("trade.col.value"),
        series_labels=line_names,
        fmt=money,
        lang=lang,
    )
    chartframe.show_chart(
        fig,
        pd.DataFrame(
            {
                t("col.year"): series["year"],
                t("col.partner"): series["partner_country"].map(lambda c: t(f"country.{c}")),
                t("trade.flow"): series["flow"].map(lambda f: t(f"flow.{f}")),
                t("trade.col.value"): series["value_usd"].round(0),
                "source_id": series["source_id"],
            }
        ),
        key="tf_series",
        title=t("trade.series_title", state=place_name(chosen), mode=mode_text),
        empty_message=t("trade.empty_series", state=place_name(chosen)),
    )


# ---- sectors all year: US exports to Mexican states by HS section (annual, 2003 onward)
sector_trade.show_sector_trade(year, view.sector, partner, flow, modes, place_name)


# ---- commodities (HS chapters): single months of raw TransBorder data, the sector filter
def _months_text(months: pd.DataFrame) -> str:
    """Distinct (year, month) rows -> 'January 2015' / 'enero de 2015, …' in the UI language."""
    pairs = sorted(set(zip(months["year"], months["month"], strict=True)))
    return ", ".join(i18n.fmt_month(dt.date(int(y), int(m), 1)) for y, m in pairs)


def _share_text(share: float) -> str:
    """A share as a percentage; '<0.1%' rather than a '0.0%' that reads as none."""
    return f"<{i18n.fmt_pct(0.001)}" if 0 < share < 0.0005 else i18n.fmt_pct(share)


hs_months = query.load(query.commodity_months)
commodities = query.load(query.trade_commodities, year, chosen, partner, flow)
hs_scope = place_name(chosen) if chosen else t("trade.all_states")
all_ports = False  # True when a chosen state's chart had to fall back to all U.S. ports
if commodities.empty and chosen:
    # DOT3 (port x chapter) has no U.S. state: all U.S. ports beat an empty chart.
    national = query.load(query.trade_commodities, year, None, partner, flow)
    if not national.empty and set(national["table_type"]) == {"DOT3"}:
        commodities, hs_scope, all_ports = national, t("trade.hs2_all_ports"), True
chapter = i18n.hs_chapter  # '87 · Vehicles (not railway)': code and short label
of_year = hs_months[hs_months["year"] == year]
if commodities.empty:
    if hs_months.empty:
        message = t("trade.no_commodities_store")
    elif of_year.empty:
        message = t("trade.no_commodities", year=year, available=_months_text(hs_months))
    else:
        message = t("trade.hs2_empty", scope=hs_scope, months=_months_text(of_year))
    chartframe.empty_state(message)
else:
    months_text = _months_text(of_year[of_year["table_type"] == commodities["table_type"].iloc[0]])
    # The selected chapter stays on the chart even when it is not among the largest.
    shown = commodities.head(TOP_CHAPTERS)
    if view.sector and view.sector not in set(shown["hs2"]):
        shown = pd.concat([shown, commodities[commodities["hs2"] == view.sector]])
    shown = shown.assign(label=shown["hs2"].map(chapter))
    highlight = {chapter(view.sector): t("trade.selected")} if view.sector else None
    fig = charts.ranked_bars(
        shown,
        "label",
        "value_usd",
        value_label=t("trade.col.value"),
        top_n=None,
        highlight=highlight,
        fmt=money,
        lang=lang,
        hover={chapter(c): i18n.hs_chapter(c, full=True) for c in shown["hs2"]},
    )
    chartframe.show_chart(
        fig,
        pd.DataFrame(
            {
                t("sidebar.sector"): commodities["hs2"],
                t("trade.col.hs2_title"): commodities["hs2"].map(i18n.hs_chapter_title),
                t("trade.col.value"): commodities["value_usd"].round(0),
                t("col.months"): commodities["months"],
                "source_id": commodities["source_id"],
            }
        ),
        key="tf_hs2",
        title=t("trade.hs2_title", state=hs_scope, months=months_text, flow=flow_text),
    )
    st.caption(t("trade.hs2_note", months=months_text))
    st.caption(t("trade.hs2_names_source"))
    if all_ports:
        st.caption(t("trade.hs2_no_state", months=months_text))
    if view.sector:
        picked = commodities.loc[commodities["hs2"] == view.sector, "value_usd"]
        if picked.empty:
            sentence = t(
                "trade.sector_none",
                chapter=chapter(view.sector),
                scope=hs_scope,
                months=months_text,
            )
        else:
            sentence = t(
                "trade.sector_share",
                chapter=chapter(view.sector),
                value=safetext.md_text(money(picked.sum())),
                share=safetext.md_text(_share_text(picked.sum() / commodities["value_usd"].sum())),
                scope=hs_scope,
                months=months_text,
            )
        st.markdown(sentence)
