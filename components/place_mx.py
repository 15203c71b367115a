"""The Mexican-state parts of a place profile: FDI by origin and by sector (the figures of
``components.figures``, latest year up to the view year) and US exports to the state by
HS section (annual, 2003 onward), which the sidebar's sector filter drives.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import chartframe, charts, fdi_text, fdi_views, figures, i18n, query, safetext
from components.i18n import t
from components.sector_names import scian_name, section_chapters, section_name, section_of_chapter

TOP = 5  # origins and sectors listed on a profile


def _figure_frame(figs: list, name_of) -> pd.DataFrame:
    """Figures -> the chart/table frame: label, value_musd, confidential, share, code, ..."""
    return pd.DataFrame(
        {
            "label": [name_of(f.code) for f in figs],
            "code": [f.code for f in figs],
            "value_musd": [None if f.value is None else f.value / 1e6 for f in figs],
            "confidential": [f.confidential for f in figs],
            "share": [f.share for f in figs],
            "quarters": [f.quarters for f in figs],
            "source_id": [f.source_id for f in figs],
        }
    )


def _show_ranked(frame: pd.DataFrame, key: str, title: str, code_title: str, name_title: str):
    fig = fdi_views.fdi_bars(frame)
    table = {
        code_title: frame["code"],
        name_title: frame["label"],
        t("jobs.col.fdi"): frame["value_musd"].round(2),
        t("fdi.col.note"): frame["confidential"].map(fdi_text.marker),
    }
    if frame["share"].notna().any():
        table[t("fdi.col.share")] = (frame["share"] * 100).round(1)
    table["source_id"] = frame["source_id"]
    chartframe.show_chart(fig, pd.DataFrame(table), key=key, title=title)


def show_investment(place: str, name: str, year: int) -> set[str]:
    """FDI into ``place`` by origin and by sector (latest year <= ``year``); the source ids
    shown."""
    used: set[str] = set()
    lang = i18n.lang()
    origins = query.load(figures.fdi_origin_figures, place, int(year), TOP)
    if origins:
        at = fdi_text.period_text(origins[0].year, origins[0].quarters)
        frame = _figure_frame(origins, fdi_text.origin_name)
        _show_ranked(
            frame,
            "place-fdi-origin",
            t("place.fdi_origin_title", place=name, year=at),
            t("fdi.col.code"),
            t("fdi.col.origin"),
        )
        st.caption(t("place.fdi_origin_note", n=TOP))
        used.update(frame["source_id"].dropna())
    else:
        st.subheader(t("place.fdi_origin_heading"))
        chartframe.empty_state(t("place.fdi_origin_none", place=name, year=year))
    sectors = query.load(figures.fdi_sector_figures, place, int(year), TOP)
    if sectors:
        at = fdi_text.period_text(sectors[0].year, sectors[0].quarters)
        frame = _figure_frame(sectors, lambda c: scian_name(c, lang))
        _show_ranked(
            frame,
            "place-fdi-sector",
            t("place.fdi_sector_title", place=name, year=at),
            t("fdi.col.scian"),
            t("fdi.col.sector"),
        )
        st.caption(t("fdi.sector_names_source"))
        used.update(frame["source_id"].dropna())
    return used


def show_export_sectors(place: str, name: str, year: int, chapter: str | None) -> set[str]:
    """US exports to ``place`` by HS section in the latest year <= ``year`` (annual data,
    2003 onward), the section of the sidebar's chapter highlighted and quoted; the source
    ids shown."""
    data = query.load(query.sector_exports_years, place)
    years = sorted(set(data.loc[data["year"] <= year, "year"]))
    st.subheader(t("sector.profile_heading"))
    if not years:
        chartframe.empty_state(t("sector.none_place", place=name, year=year))
        return set()
    at = years[-1]
    rows = data[data["year"] == at]
    lang = i18n.lang()
    section = section_of_chapter().get(chapter) if chapter else None
    labels = rows["sector"].map(lambda s: section_name(s, lang))
    fig = charts.ranked_bars(
        rows.assign(label=labels),
        "label",
        "value_usd",
        value_label=t("trade.col.value"),
        top_n=10,
        highlight={section_name(section, lang): t("trade.selected")} if section else None,
        fmt=i18n.fmt_money,
        lang=lang,
    )
    table = section_table(rows, lang)
    chartframe.show_chart(
        fig, table, key="place-export-sectors", title=t("sector.profile_title", place=name, year=at)
    )
    st.caption(t("sector.granularity_note"))
    if section:
        st.markdown(safetext.md_text(section_sentence(rows, section, chapter, name, at)))
    return set(rows["source_id"].dropna())


def section_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table (and CSV) of exports by HS section: ``rows`` (sector, value_usd,
    source_id) -> section, its name in ``lang``, its chapters, value in US$, source_id."""
    return pd.DataFrame(
        {
            t("sector.col.section"): rows["sector"],
            t("sector.col.name"): rows["sector"].map(lambda s: section_name(s, lang, False)),
            t("sector.col.chapters"): rows["sector"].map(section_chapters),
            t("trade.col.value"): rows["value_usd"].round(0),
            "source_id": rows["source_id"],
        }
    )


def section_sentence(rows: pd.DataFrame, section: str, chapter: str, scope: str, year) -> str:
    """'Chapter 87 is in section XVII …: US$x, y % of US exports to <scope> in <year>.'"""
    lang = i18n.lang()
    picked = rows.loc[rows["sector"] == section, "value_usd"]
    total = rows["value_usd"].sum()
    if picked.empty or not total:
        return t(
            "sector.section_none",
            chapter=i18n.hs_chapter(chapter),
            section=section_name(section, lang),
            scope=scope,
            year=year,
        )
    return t(
        "sector.section_share",
        chapter=i18n.hs_chapter(chapter),
        section=section_name(section, lang),
        chapters=section_chapters(section),
        value=i18n.fmt_money(float(picked.sum())),
        share=i18n.fmt_pct(float(picked.sum()) / float(total)),
        scope=scope,
        year=year,
    )
