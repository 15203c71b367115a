"""Trade flows' annual sector view: US exports to Mexican states by HS section, 2003 onward
(``trade_sector_annual``), driven by the sidebar's sector filter all year round.

The sidebar picks an HS chapter ('87'); the annual data are by HS section, so the view
uses the chapter's section (XVII, chapters 86-89) and says so. Imports and trade with
Canada have no annual sector data: the view says that instead of showing nothing.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import chartframe, charts, i18n, query, safetext
from components.i18n import t
from components.place_mx import section_sentence, section_table
from components.sector_names import section_chapters, section_name, section_of_chapter

TOP_STATES = 15


def show_sector_trade(year: int, chapter: str | None, partner, flow, modes, name) -> None:
    """The annual sector chart of Trade flows for ``year`` and the sidebar's ``chapter``.

    With a chapter: its section's US exports to each Mexican state; without one: US
    exports to all Mexican states by section. ``name`` maps a place id to its name.
    """
    lang = i18n.lang()
    section = section_of_chapter().get(chapter) if chapter else None
    st.subheader(t("sector.trade_heading"))
    if partner == "CA" or flow == "import":
        chartframe.empty_state(t("sector.trade_scope_none"))
        return
    if section:
        st.caption(
            t(
                "sector.chapter_to_section",
                chapter=i18n.hs_chapter(chapter),
                section=section_name(section, lang),
                chapters=section_chapters(section),
            )
        )
        data = query.load(query.sector_exports_by_state, section, modes)
        rows = data[data["year"] == year]
        shown = rows.head(TOP_STATES).assign(label=lambda d: d["place_id"].map(name))
        fig = charts.ranked_bars(
            shown,
            "label",
            "value_usd",
            value_label=t("trade.col.value"),
            top_n=None,
            fmt=i18n.fmt_money,
            lang=lang,
        )
        table = pd.DataFrame(
            {
                t("col.state"): rows["place_id"].map(name),
                "place_id": rows["place_id"],
                t("sector.col.section"): section,
                t("trade.col.value"): rows["value_usd"].round(0),
                "source_id": rows["source_id"],
            }
        )
        title = t("sector.trade_section_title", section=section_name(section, lang), year=year)
    else:
        data = query.load(query.sector_exports_years, None, modes)
        rows = data[data["year"] == year]
        shown = rows.assign(label=rows["sector"].map(lambda s: section_name(s, lang)))
        fig = charts.ranked_bars(
            shown,
            "label",
            "value_usd",
            value_label=t("trade.col.value"),
            top_n=12,
            fmt=i18n.fmt_money,
            lang=lang,
        )
        table = section_table(rows, lang)
        title = t("sector.trade_all_title", year=year)
    if rows.empty:
        first, last = (
            (int(data["year"].min()), int(data["year"].max())) if not data.empty else ("–", "–")
        )
        message = (
            t("sector.no_mode", mode=i18n.label("mode", modes[0]))
            if modes
            else t("sector.no_year", year=year, first=first, last=last)
        )
        chartframe.empty_state(message)
        return
    chartframe.show_chart(fig, table, key="tf_sector_annual", title=title)
    st.caption(t("sector.granularity_note"))
    if section:
        totals = query.load(query.sector_exports_years, None, modes)
        of_year = totals[totals["year"] == year]
        st.markdown(
            safetext.md_text(section_sentence(of_year, section, chapter, t("sector.all_mx"), year))
        )
