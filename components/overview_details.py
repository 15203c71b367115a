"""The overview map's details panel: what a click on the map (or the keyboard picker)
selected -- a state or province, a port, a planned port or a cross-border pair -- with
its figures, each cited, and links to the pages that say more.
"""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from components import chartframe, citations, figures, i18n, query, safetext, state
from components.i18n import t


def pair_labels(
    db, lang: str, signed: int, border: str | None, inits: bool, trade: bool
) -> dict[str, str]:
    """{pair selection id: 'A ↔ B'} of the arcs on the map, by label: initiative pairs
    signed up to ``signed`` (if ``inits``) and trade pairs (if ``trade``). Call it through
    ``query.load`` (once per store version and arguments: a rerun does not relabel ~300
    pairs); ``db`` is a cache key only."""
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


def _figure_label(figure, year: int, measure_label: str) -> str:
    """The panel's label of a ``components.figures.Figure`` (its year when it has one)."""
    at = figure.year if figure.year is not None else year
    if figure.key == "crossings":
        return t("overview.fig_crossings", measure=measure_label, year=at)
    if figure.key == "initiatives":
        return t("overview.fig_initiatives")
    if figure.key == "od_total":
        return t("place.fig_od_total", first=figure.first_year or "–", last=figure.year or "–")
    return t(f"overview.fig_{figure.key}", year=at)


def _figure_value(figure) -> str:
    """The panel's text of a figure's value ('–' when unknown)."""
    if figure.unit == "USD":
        return i18n.fmt_money(figure.value)
    return i18n.fmt_int(figure.value)


def _profile_link(place_id: str, lang: str) -> None:
    st.page_link(
        "pages/place_profile.py",
        label=t("overview.open_profile", name=i18n.place_name(place_id)),
        icon=":material/arrow_forward:",
        query_params={"place": place_id, "lang": lang},
    )


def show_pair(a: str, b: str, view: state.View, year: int) -> None:
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


def show_port(port, view: state.View, year: int, measure_label: str) -> None:
    """Details of a port (a ``port_totals`` row): its state and crossings, or, for a
    planned port, its status and the Ports page's note that it is not open yet."""
    name = i18n.port_name(port.port_name)
    chartframe.show_name(name, port.port_code)
    cols = st.columns(2)
    cols[0].metric(t("overview.port_state"), i18n.place_name(port.place_id))
    if port.status == "planned":
        cols[1].metric(t("col.status"), t("ports.status.planned"))
        note = t(
            "ports.planned_note",
            name=name,
            state=i18n.place_name(port.place_id),
            source=citations.source_caption([port.source_id]),
        )
        st.info(note, icon=":material/construction:")
    else:
        cols[1].metric(
            t("overview.port_value", measure=measure_label, year=year), i18n.fmt_int(port.value)
        )
        st.caption(citations.source_caption([port.source_id]))
        if pd.notna(port.months) and int(port.months) < 12:
            st.caption(t("overview.months_partial", months=int(port.months)))
    _profile_link(port.place_id, view.lang)


def show_place(place_id: str, view: state.View, year: int, measure_label: str) -> None:
    """Details of a state or province: its figures under the one rule of
    ``components.figures`` (latest year up to the view year, shared with the place
    profile and the PDF brief), cited, and a link to its profile."""
    st.markdown(f"**{safetext.md_text(i18n.place_name(place_id))}**")
    modes = (view.mode,) if view.mode else None
    place_figs = query.load(figures.place_figures, place_id, int(year), (view.measure,), modes)
    shown = [(_figure_label(f, year, measure_label), _figure_value(f)) for f in place_figs]
    cols = st.columns(len(shown))
    for col, (label, value) in zip(cols, shown, strict=True):
        col.metric(label, value)
    st.caption(citations.source_caption(figures.figure_sources(place_figs)))
    _profile_link(place_id, view.lang)


def show_details(view: state.View, year: int, places: set[str], ports: pd.DataFrame) -> None:
    """The panel for ``view.sel`` (a hint when nothing is selected) and a 'clear' button.

    ``places``: the state/province ids; ``ports``: this year's ``port_totals``.
    """
    sel = view.sel
    measure_label = i18n.label("measure", view.measure)
    if not sel:
        st.caption(t("overview.details_hint"))
        return
    pair = state.parse_pair(sel)
    row = ports[ports["port_code"] == sel.split(":", 1)[1]] if sel.startswith("port:") else None
    if pair:
        show_pair(*pair, view, year)
    elif row is not None and not row.empty:
        show_port(row.iloc[0], view, year, measure_label)
    elif sel in places:
        show_place(sel, view, year, measure_label)
    else:
        st.info(t("overview.unknown_selection"), icon=":material/info:")
    st.button(
        t("overview.clear_selection"),
        key="ov_clear",
        on_click=state.write_view,
        kwargs={"sel": None},
    )
