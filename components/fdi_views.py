"""Investment (FDI) views of Jobs and investment: the map by origin with its ranked bars,
the origin mix over time of one state, and FDI by sector of one state.

Every figure shows its source and as-of date (``chartframe``/``mapframe`` captions), and a
confidential cell reads "confidential" in the chart, the table and the CSV (a text
column beside an empty value), never 0.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import chartframe, deckjson, fdi_charts, fdi_map, i18n, mapframe, query, state
from components.fdi_text import marker, money_m, origin_name, period_text
from components.i18n import t
from components.sector_names import scian_name
from geo import boundaries
from geo.centres import centre_positions

ORIGINS = state.FDI_ORIGINS  # the map's choice; the mix chart names every stored origin
MIX_SERIES = ("US", "CA", "rest")


def state_table(frame: pd.DataFrame, name) -> pd.DataFrame:
    """The table (and CSV) of a by-state frame: value in US$ M, a 'confidential' marker."""
    return pd.DataFrame(
        {
            t("col.state"): frame["place_id"].map(name),
            "place_id": frame["place_id"],
            t("jobs.col.fdi"): frame["value_musd"].round(2),
            t("fdi.col.note"): frame["confidential"].map(marker),
            t("jobs.col.quarters"): frame["quarters"],
            "source_id": frame["source_id"],
        }
    )


def fdi_bars(frame: pd.DataFrame, highlight=None, lang: str | None = None):
    """Ranked bars of FDI in US$ M, one per ``label`` of ``frame`` (``value_musd``,
    ``confidential``), a withheld value written "confidential"; ``highlight`` maps a
    label to its note. Out: the Plotly figure, in ``lang`` (None: the current language)."""
    return fdi_charts.ranked_with_confidential(
        frame,
        "label",
        "value_musd",
        confidential_text=t("fdi.confidential"),
        value_label=t("jobs.col.fdi"),
        fmt=money_m,
        lang=lang or i18n.lang(),
        highlight=highlight,
    )


def show_origin_map(frame: pd.DataFrame, origin: str, year: int, place, name, on_pick) -> None:
    """The map of Mexican states shaded by FDI from ``origin`` in ``year``, its legend,
    arcs from the origin country, the text alternative, source, CSV and table."""
    what = t("fdi.map_what", origin=origin_name(origin), year=period_text(year, _q(frame)))
    label = t("jobs.col.fdi")

    def tip(place_id, value):
        return f"{origin_name(origin)} → {name(place_id)}\n{label}: {i18n.fmt_money(value)}"

    arcs = fdi_map.origin_arcs(frame, origin, centre_positions(), tip)
    layers, legend = fdi_map.fdi_layers(
        boundaries.boundaries_geojson(i18n.lang()),
        frame,
        label=label,
        fmt=i18n.fmt_money,
        selected=place,
        arcs=arcs,
    )
    mapframe.show_legend(legend, what)
    withheld = frame.loc[frame["confidential"], "place_id"]
    summary = fdi_map.summary_text(
        frame,
        what,
        i18n.fmt_money,
        name,
        selected=place,
        unknown=dict.fromkeys(withheld, t("fdi.confidential")),
    )
    mapframe.show_map(
        deckjson.make_deck(layers, fdi_map.CAMERA.get(origin, fdi_map.CAMERA["all"])),
        state_table(frame, name),
        key="ji-fdi-map",
        on_pick=on_pick,
        summary=summary,
    )
    if origin in fdi_map.origin_points():
        point = fdi_map.origin_points()[origin]
        st.caption(
            t("fdi.arcs_note", n=min(fdi_map.MAX_ARCS, len(arcs)), point=point["point_name"])
            + " "
            + t("fdi.arcs_point_source", source=point["source"])
        )
    else:
        st.caption(t("fdi.arcs_none_all"))


def _q(frame: pd.DataFrame) -> int:
    return int(frame["quarters"].max()) if not frame.empty else 4


def show_state_ranking(frame: pd.DataFrame, origin: str, year: int, place, name) -> None:
    """Ranked bars of every state's FDI from ``origin`` in ``year`` (confidential listed)."""
    shown = frame.assign(label=frame["place_id"].map(name))
    period = period_text(year, _q(frame))
    title = (
        t("jobs.fdi_rank_title", year=period)
        if origin == "all"
        else t("fdi.rank_origin_title", origin=origin_name(origin), year=period)
    )
    fig = fdi_bars(shown, highlight={name(place): t("jobs.chosen")} if place else None)
    chartframe.show_chart(
        fig,
        state_table(frame, name),
        key="ji_fdi_rank",
        title=title,
        empty_message=t("jobs.fdi_empty_year", year=year),
    )
    st.caption(t("jobs.fdi_negative"))


def mix_frame(origins: pd.DataFrame) -> pd.DataFrame:
    """One state's by-origin frame -> year, series ('US' | 'CA' | 'rest'), value_musd,
    confidential, source_id. 'rest' = the all-origin total minus the US and Canada,
    unknown in a year where either is withheld."""
    rows = []
    for year, part in origins.groupby("year"):
        by = part.set_index("origin")
        if len(by.index.difference(["all"])) == 0 or "all" not in by.index:
            continue  # no by-origin rows that year (before 2006), or no total to split
        known = {o: by.loc[o, "value_musd"] if o in by.index else 0.0 for o in ("US", "CA")}
        for o in ("US", "CA"):
            if o in by.index:
                rows.append(
                    (year, o, known[o], bool(by.loc[o, "confidential"]), by.loc[o, "source_id"])
                )
        rest = by.loc["all", "value_musd"] - known["US"] - known["CA"]
        # Unknown when a part is withheld: flagged so the chart names it, never drops it.
        rows.append((year, "rest", rest, bool(pd.isna(rest)), by.loc["all", "source_id"]))
    return pd.DataFrame(rows, columns=["year", "series", "value_musd", "confidential", "source_id"])


def show_origin_mix(place: str, name, span: tuple[int, int] | None) -> None:
    """The origin mix of ``place`` over time: United States, Canada, all other origins."""
    origins = query.load(query.fdi_place_origins, place)
    if span:
        origins = origins[origins["year"].between(*span)]
    mix = mix_frame(origins)
    labels = {s: origin_name(s) for s in MIX_SERIES}
    fig = fdi_charts.origin_mix_bars(
        mix,
        series_labels=labels,
        confidential_text=t("fdi.confidential"),
        y_label=t("jobs.col.fdi"),
        fmt=money_m,
        lang=i18n.lang(),
    )
    listed = origins[origins["origin"] != "all"].sort_values(["year", "value_musd"])
    table = pd.DataFrame(
        {
            t("col.year"): listed["year"],
            t("fdi.col.origin"): listed["origin"].map(origin_name),
            t("jobs.col.fdi"): listed["value_musd"].round(2),
            t("fdi.col.note"): listed["confidential"].map(marker),
            t("jobs.col.quarters"): listed["quarters"],
            "source_id": listed["source_id"],
        }
    )
    shown = chartframe.show_chart(
        fig,
        table if not mix.empty else mix,
        # The years drawn only (by-origin data start in 2006; older totals are not shown).
        sources=sorted(set(origins.loc[origins["year"].isin(mix["year"]), "source_id"].dropna())),
        key="ji_fdi_mix",
        title=t("fdi.mix_title", place=name(place)),
        empty_message=t("fdi.mix_empty", place=name(place)),
    )
    if shown:
        partial = origins.loc[origins["quarters"] < 4, "year"]
        note = t("fdi.mix_note")
        if not partial.empty:  # a year-to-date bar next to full years: say so
            note += " " + t("fdi.partial_note", year=int(partial.max()))
        st.caption(note)


def share_sentence(place: str, name, year: int) -> str | None:
    """'In 2022, 72.5 % of Baja California's FDI came from the United States …' or None."""
    origins = query.load(query.fdi_place_origins, place)
    rows = origins[origins["year"] == year].set_index("origin")
    if "all" not in rows.index or "US" not in rows.index:
        return None
    total, us = rows.loc["all", "value_musd"], rows.loc["US", "value_musd"]
    if pd.isna(total) or pd.isna(us) or total <= 0:
        return None
    return t(
        "fdi.us_share",
        year=period_text(year, int(rows.loc["all", "quarters"])),
        place=name(place),
        share=i18n.fmt_pct(us / total),
        us=money_m(us),
        total=money_m(total),
    )


def show_sectors(place: str, name, year: int) -> None:
    """FDI into ``place`` by SCIAN sector in ``year`` (the latest year up to it with data)."""
    sectors = query.load(query.fdi_sector_years, place, 2)
    years = sorted(set(sectors.loc[sectors["year"] <= year, "year"]))
    at = years[-1] if years else year
    rows = sectors[sectors["year"] == at]
    lang = i18n.lang()
    shown = rows.assign(label=rows["scian_code"].map(lambda c: scian_name(c, lang)))
    fig = fdi_bars(shown, lang=lang)
    table = pd.DataFrame(
        {
            t("fdi.col.scian"): rows["scian_code"],
            t("fdi.col.sector"): rows["scian_code"].map(lambda c: scian_name(c, lang, False)),
            t("jobs.col.fdi"): rows["value_musd"].round(2),
            t("fdi.col.note"): rows["confidential"].map(marker),
            t("jobs.col.quarters"): rows["quarters"],
            "source_id": rows["source_id"],
        }
    )
    period = period_text(at, _q(rows)) if not rows.empty else str(year)
    shown_ok = chartframe.show_chart(
        fig,
        table,
        key="ji_fdi_sector",
        title=t("fdi.sector_title", place=name(place), year=period),
        empty_message=t("fdi.sector_empty", place=name(place), year=year),
    )
    if shown_ok:
        st.caption(t("fdi.sector_names_source"))
