"""Jobs and investment: cited facts; FDI into Mexican states by origin (map, ranked bars),
the origin mix and sectors of a chosen state; FDI over time."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import chartframe, charts, fdi_text, fdi_views, i18n, query, safetext, state
from components.i18n import t

view = state.current_view()
lang = i18n.lang()
# One name lookup table per run: i18n.place_name re-reads the cached frame on every call.
_PLACE_NAMES = query.place_names(lang)


def place_name(place_id) -> str:
    """Name of a place in the current language; the id itself when unknown."""
    return _PLACE_NAMES.get(place_id, place_id) if place_id else "–"


# The six Mexican states on the US border: the default comparison set.
MX_BORDER_STATES = ["MX-BCN", "MX-SON", "MX-CHH", "MX-COA", "MX-NLE", "MX-TAM"]

st.title(t("jobs.title"))
st.caption(t("jobs.intro"))


# ---- cited facts as callout cards
st.subheader(t("jobs.facts_heading"))
facts = query.load(query.facts_list, ["jobs", "investment"], view.place)
if facts.empty and view.place:
    st.caption(t("jobs.no_facts_place", place=place_name(view.place)))
    facts = query.load(query.facts_list, ["jobs", "investment"], None)
# One card per figure: a page cited both as "about 70%" and "73.3%" is one fact, shown
# with its exact wording.
facts = facts.assign(_exact=facts["qualifier"].eq("exactly")).sort_values("_exact", ascending=False)
facts = facts.drop_duplicates(
    ["place_id", "partner_place_id", "year", "unit", "topic", "source_url"]
)
facts = facts.sort_index().drop(columns="_exact")


def _fact_value(value: float, unit: str, pct_digits: int = 1) -> str:
    """A cited figure as text in its unit; ``pct_digits`` decimals for a share."""
    if unit == "USD":
        return i18n.fmt_money(value)
    if unit == "share":
        return i18n.fmt_pct(value, digits=pct_digits)
    return f"{i18n.fmt_int(value)} {i18n.label('jobs.unit', unit)}"


cards = charts.callout_cards(
    facts,
    lang=lang,
    fmt_value=_fact_value,
    # 'about 70%': an approximate share is shown without decimals.
    fmt_approx=lambda value, unit: _fact_value(value, unit, pct_digits=0),
    qualify=lambda q, text: (
        t(f"jobs.qualifier.{q}", value=text) if i18n.has(f"jobs.qualifier.{q}") else f"{q} {text}"
    ),
)
if not cards:
    chartframe.empty_state(t("jobs.no_facts"))
else:
    columns = st.columns(min(3, len(cards)))
    for i, card in enumerate(cards):
        with columns[i % len(columns)].container(border=True):
            # A heading, not st.metric: metric values are cut to one line ('nearly 10,000 …').
            st.markdown(f"### {safetext.md_text(card['value_text'])}")
            st.markdown(safetext.md_text(card["label"]))
            year = f" ({card['year']})" if card["year"] else ""
            st.caption(
                f"{t('ui.source')}{i18n.colon()}[{safetext.md_text(card['source'])}]({card['url']}){year}"
            )
    chartframe.show_table(
        pd.DataFrame(
            {
                t("jobs.col.fact"): [c["label"] for c in cards],
                t("col.value"): [c["value_text"] for c in cards],
                t("col.year"): [c["year"] for c in cards],
                t("col.source"): [c["source"] for c in cards],
                t("jobs.col.url"): [c["url"] for c in cards],
                "source_id": facts["source_id"].tolist(),
            }
        ),
        key="ji_facts",
        column_config={t("jobs.col.url"): st.column_config.LinkColumn()},
    )

# ---- FDI by origin: map, ranked bars; the chosen state's origin mix and sectors
st.subheader(t("fdi.heading"))
st.caption(t("fdi.intro"))
money_m = fdi_text.money_m
c1, c2, c3 = st.columns(3)
origin = view.origin
if st.session_state.get("ji_origin") != origin:  # the view (link) is the truth
    st.session_state["ji_origin"] = origin
c1.selectbox(
    t("fdi.origin_pick"),
    fdi_views.ORIGINS,
    format_func={o: fdi_text.origin_name(o) for o in fdi_views.ORIGINS}.__getitem__,
    key="ji_origin",
    on_change=lambda: state.write_view(origin=st.session_state["ji_origin"]),
)
by_origin = query.load(query.fdi_origin_years, origin)
origin_years = sorted(set(by_origin["year"]), reverse=True)
if not origin_years:
    chartframe.empty_state(t("jobs.fdi_none"))
    st.stop()
# The view's year when the origin has it; else the last full year (the last is partial).
full = sorted(set(by_origin.loc[by_origin["quarters"] == 4, "year"]), reverse=True)
year = view.year if view.year in origin_years else (full or origin_years)[0]
if view.year and view.year not in origin_years:
    st.caption(t("jobs.year_outside", year=view.year, first=origin_years[-1], last=origin_years[0]))
if st.session_state.get("ji_year") not in origin_years:
    st.session_state["ji_year"] = year
year = c2.selectbox(t("col.year"), origin_years, key="ji_year")
one_year = by_origin[by_origin["year"] == year].reset_index(drop=True)
mx_places = sorted(one_year["place_id"], key=place_name)
# The chosen state: the view's place (sidebar, link, map click) when it is a Mexican state.
picked = view.place if view.place in mx_places else None


def _pick_state() -> None:
    state.write_view(place=st.session_state["ji_state"])


if st.session_state.get("ji_state") != picked:
    st.session_state["ji_state"] = picked
c3.selectbox(
    t("fdi.state_pick"),
    mx_places,
    index=None,
    format_func={p: place_name(p) for p in mx_places}.__getitem__,
    placeholder=t("fdi.state_placeholder"),
    key="ji_state",
    on_change=_pick_state,
    help=t("fdi.state_pick_help"),
)


def _on_map_pick(sel_id: str) -> None:
    # A clicked Mexican state becomes the view's place (the selectbox above does the same).
    if sel_id.startswith("MX-"):
        state.write_view(place=sel_id)


if year == origin_years[0] and int(one_year["quarters"].max()) < 4:
    st.caption(t("fdi.partial_note", year=year))
fdi_views.show_origin_map(one_year, origin, year, picked, place_name, _on_map_pick)
fdi_views.show_state_ranking(one_year, origin, year, picked, place_name)
focus = picked or (one_year.dropna(subset=["value_musd"]).iloc[0]["place_id"])
if not picked:
    st.caption(t("fdi.focus_default", place=place_name(focus)))
sentence = fdi_views.share_sentence(focus, place_name, year)
if sentence:
    st.markdown(safetext.md_text(sentence))
fdi_views.show_origin_mix(focus, place_name, None)
fdi_views.show_sectors(focus, place_name, year)

# ---- FDI into Mexican states over time
st.subheader(t("jobs.fdi_heading"))
st.caption(t("jobs.fdi_note"))
fdi = query.load(query.fdi_yearly)
mx_states = sorted(set(fdi["place_id"]), key=place_name)
# Follow the view's place when it changes (sidebar, link); the border states until then.
wanted = view.place if view.place in mx_states else None
if st.session_state.get("ji_states_from") != wanted:
    st.session_state["ji_states_from"] = wanted
    if wanted:
        st.session_state["ji_states"] = [wanted]
if "ji_states" not in st.session_state:
    st.session_state["ji_states"] = [p for p in MX_BORDER_STATES if p in mx_states]
chosen = st.multiselect(
    t("jobs.states"),
    mx_states,
    format_func=place_name,
    placeholder=t("jobs.states_placeholder"),
    key="ji_states",
)
# All published years (1999-2017 in the snapshot) unless the link chose a range: the
# sidebar's default range would otherwise cut the series to its last few years.
series = fdi[fdi["place_id"].isin(chosen)]
if not fdi.empty:
    first, last = int(fdi["year"].min()), int(fdi["year"].max())
    span = state.range_within(view, first, last, explicit="years" in st.query_params)
    if span is None:
        st.info(
            t("common.range_outside", lo=view.years[0], hi=view.years[1], first=first, last=last),
            icon=":material/date_range:",
        )
        st.button(
            t("common.range_show_all", first=first, last=last),
            key="ji_all_years",
            on_click=state.write_view,
            kwargs={"years": (first, last)},
        )
        series = series.iloc[0:0]
    else:
        series = series[series["year"].between(*span)]
        if span != (first, last):
            st.caption(t("common.range_cut", lo=span[0], hi=span[1], first=first, last=last))
fig = charts.line_series(
    series,
    "year",
    "value_musd",
    "place_id",
    x_label=t("col.year"),
    y_label=t("jobs.col.fdi"),
    series_labels={p: place_name(p) for p in chosen},
    fmt=money_m,
    lang=lang,
)
chartframe.show_chart(
    fig,
    pd.DataFrame(
        {
            t("col.state"): series["place_id"].map(place_name),
            t("col.year"): series["year"],
            t("jobs.col.fdi"): series["value_musd"].round(2),
            t("fdi.col.note"): series["confidential"].map(fdi_text.marker),
            t("jobs.col.quarters"): series["quarters"],
            "source_id": series["source_id"],
        }
    ),
    key="ji_fdi_series",
    title=t("jobs.fdi_series_title"),
    empty_message=t("jobs.fdi_empty_series"),
)
partial = series.loc[series["quarters"] < 4, "year"]
if not partial.empty:  # the last point is January-June: not a fall in the year's flow
    st.caption(t("fdi.partial_note", year=int(partial.max())))
