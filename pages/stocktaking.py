"""Stock-taking: initiatives counted over time, trade ties without an initiative, party spread."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import chartframe, charts, i18n, leaders, query, state
from components.i18n import t

view = state.current_view()
lang = i18n.lang()
place_name = i18n.place_name  # cached per language and store version


limits = state.store_limits()
TOP_KEYS = 8

st.title(t("stock.title"))
st.caption(t("stock.intro"))


def period_of(year: int) -> str:
    """Decade label ('1990s'); everything before 1970 in one bucket (few, old records)."""
    return t("stock.before_1970") if year < 1970 else t("stock.decade", decade=year // 10 * 10)


def key_label(by: str, key: str) -> str:
    if by == "state":
        return place_name(key)
    return i18n.label(f"initiatives.{by}", key)


# ---- counts by kind / sector / state over time
st.subheader(t("stock.counts_heading"))
by = st.radio(
    t("stock.group_by"),
    ["kind", "sector", "state"],
    format_func={b: t(f"stock.by.{b}") for b in ("kind", "sector", "state")}.__getitem__,
    horizontal=True,
    key="st_by",
)
counts = query.load(query.initiative_counts_by, by)
if not counts.empty:
    totals = counts.groupby("key")["initiatives"].sum().sort_values(ascending=False)
    top = list(totals.head(TOP_KEYS).index)
    counts = counts.assign(
        period=counts["year"].map(period_of),
        series=[k if k in top else "__other__" for k in counts["key"]],
        first_year=counts["year"],
    )
    per_period = (
        counts.groupby(["period", "series"], as_index=False)
        .agg(
            initiatives=("initiatives", "sum"),
            first_year=("first_year", "min"),
            source_id=("source_id", "min"),
        )
        .sort_values(["first_year", "series"])
    )
else:
    top, per_period = [], pd.DataFrame(columns=["period", "series", "initiatives", "source_id"])
labels = {k: key_label(by, k) for k in top} | {"__other__": t("stock.other")}
fig = charts.stacked_bars(
    per_period,
    "period",
    "initiatives",
    "series",
    x_label=t("stock.period"),
    y_label=t("stock.col.initiatives"),
    series_labels=labels,
    lang=lang,
)
if not per_period.empty:
    order = list(dict.fromkeys(per_period.sort_values("first_year")["period"]))
    fig.update_xaxes(categoryorder="array", categoryarray=order)
chartframe.show_chart(
    fig,
    pd.DataFrame(
        {
            t("stock.period"): per_period["period"],
            t(f"stock.by.{by}"): per_period["series"].map(labels),
            t("stock.col.initiatives"): per_period["initiatives"],
            "source_id": per_period["source_id"],
        }
    ),
    key="st_counts",
    title=t("stock.counts_title", by=t(f"stock.by.{by}").lower()),
    empty_message=t("stock.no_initiatives"),
)
st.caption(t("stock.counts_note", n=TOP_KEYS))

# ---- gaps worth a conversation
st.subheader(t("stock.gaps_heading"))
st.caption(t("stock.gaps_intro"))
span = query.load(query.year_span).iloc[0]
trade_years = (
    list(range(int(span["trade_last"]), int(span["trade_first"]) - 1, -1))
    if pd.notna(span["trade_last"])
    else []
)
gap_year = (
    view.year if view.year in trade_years else (trade_years[1] if len(trade_years) > 1 else None)
)
if gap_year is None:
    chartframe.empty_state(t("stock.no_trade"))
else:
    gap_year = st.selectbox(
        t("stock.gap_year"), trade_years, index=trade_years.index(gap_year), key="st_gap_year"
    )
    gaps = query.load(query.trade_gaps, gap_year, 15)
    if view.border:
        gaps = gaps[gaps["border"] == view.border]
    money = lambda v: i18n.fmt_money(v)  # noqa: E731 - formatter handed to chart builders
    ca = gaps[gaps["border"] == "US-Canada"]
    mx = gaps[gaps["border"] == "US-Mexico"]
    if view.border != "US-Mexico":
        ca_named = ca.assign(
            pair=[
                f"{place_name(a)} – {place_name(b)}"
                for a, b in zip(ca["us_state"], ca["partner_place_id"], strict=True)
            ]
        )
        fig = charts.ranked_bars(
            ca_named,
            "pair",
            "value_usd",
            value_label=t("stock.col.trade_cumulative"),
            fmt=money,
            lang=lang,
        )
        period = (
            f"{int(ca['first_year'].min())}–{int(ca['last_year'].max())}" if not ca.empty else "–"
        )
        chartframe.show_chart(
            fig,
            pd.DataFrame(
                {
                    t("col.state"): ca["us_state"].map(place_name),
                    t("trade.col.province"): ca["partner_place_id"].map(place_name),
                    t("stock.col.trade_cumulative"): ca["value_usd"].round(0),
                    t("col.period"): period,
                    "source_id": ca["source_id"],
                }
            ),
            key="st_gaps_ca",
            title=t("stock.gaps_ca_title", period=period),
            empty_message=t("stock.no_gaps"),
        )
    if view.border != "US-Canada":
        chartframe.show_table(
            pd.DataFrame(
                {
                    t("col.state"): mx["us_state"].map(place_name),
                    t("stock.col.mx_state"): mx["partner_place_id"].map(place_name),
                    t("stock.col.us_trade_mx", year=gap_year): mx["value_usd"].round(0),
                    t("stock.col.mx_exports", year=gap_year): mx["mx_exports_usd"].round(0),
                    "source_id": mx["source_id"],
                }
            ),
            key="st_gaps_mx",
            title=t("stock.gaps_mx_title", year=gap_year),
            empty_message=t("stock.no_gaps"),
        )
        st.caption(t("stock.gaps_mx_note"))

# ---- bipartisan spread


def party_label(party: str) -> str:
    """A party name as published -> its name in the page language (proper names unchanged)."""
    return i18n.label("stock.party", party, lang=lang)


st.subheader(t("stock.party_heading"))
spread = query.load(leaders.party_spread)
leader_rows = query.load(leaders.leader_parties)
if spread.empty:
    chartframe.empty_state(t("stock.no_parties"))
else:
    inventory = query.load(query.initiatives_filtered)
    name_col = f"name_{lang}" if f"name_{lang}" in inventory.columns else "name_en"
    names = dict(
        zip(
            inventory["initiative_id"],
            inventory[name_col].fillna(inventory["name_en"]),
            strict=True,
        )
    )
    cross = int(spread["cross_party"].sum())
    c1, c2 = st.columns(2)
    c1.metric(t("stock.with_parties"), i18n.fmt_int(len(spread)))
    c2.metric(
        t("stock.cross_party"),
        i18n.fmt_int(cross),
        help=t("stock.cross_party_help"),
    )
    st.caption(t("stock.cross_party_share", share=i18n.fmt_pct(cross / len(spread))))
    by_party = (
        leader_rows.groupby("party", as_index=False)
        .agg(initiatives=("initiative_id", "nunique"), source_id=("source_id", "min"))
        .sort_values("initiatives", ascending=False)
    )
    # Party names as published, translated where generic ("Republican"), kept where proper.
    by_party["party"] = by_party["party"].map(party_label)
    fig = charts.ranked_bars(
        by_party,
        "party",
        "initiatives",
        value_label=t("stock.col.initiatives"),
        top_n=None,
        fmt=lambda v: i18n.fmt_int(v),
        lang=lang,
    )
    chartframe.show_chart(
        fig,
        pd.DataFrame(
            {
                t("stock.col.party"): by_party["party"],
                t("stock.col.initiatives"): by_party["initiatives"],
                "source_id": by_party["source_id"],
            }
        ),
        key="st_parties",
        title=t("stock.party_title"),
    )
    chartframe.show_table(
        pd.DataFrame(
            {
                t("col.name"): spread["initiative_id"].map(names).fillna(spread["name_en"]),
                t("col.year"): spread["year"],
                t("stock.col.parties"): spread["party_list"].map(
                    lambda ps: i18n.punct(";", lang).join(party_label(p) for p in ps.split("; "))
                ),
                t("stock.col.cross"): spread["cross_party"].map(
                    lambda b: t("stock.yes") if b else t("stock.no")
                ),
                "source_id": spread["source_id"],
            }
        ),
        key="st_spread",
        title=t("stock.spread_title"),
    )
    st.caption(t("stock.party_note"))
