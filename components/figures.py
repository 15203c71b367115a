"""A place's key figures for a view: the one source for the overview's detail panel, the
place profile and the PDF brief, so the screen and the printed page cannot disagree.

Plain Python (no Streamlit). ``place_figures(db, place_id, year, measures, modes)`` returns
one ``Figure`` per number, in display order, each with its key, value, unit, year and
source id. Consumers only choose the label text for ``key`` and format ``value``.

The rule, for every figure: **the latest year up to the view year that has data**.
- trade_ca / trade_mx (US state, exports + imports with Canada / Mexico), us_exports
  (US exports to a Mexican state), crossings (inbound, per measure, over the state's
  ports), fdi (inflow to a Mexican state, origin 'all'): the value of the latest year
  <= ``year`` with a row for the place; ``year`` of the figure says which year that is.
  No such year: value None, year None (shown as "–").
- initiatives: the initiatives the place (or one of its cities) signed up to ``year``
  (cumulative; a year past the inventory's last holds the last year's count).
- od_total (Canadian province): the published US-state x province trade over all years
  (TransBorder publishes it only cumulated); ``first_year``-``year`` is its span.
A value the source withholds (confidential FDI) is None with ``confidential`` True:
unknown, never zero; consumers show the word "confidential".

FDI by origin and by sector of a Mexican state (``fdi_origin_figures``,
``fdi_sector_figures``) follow the same rule: the latest year up to the view year with
by-origin (by-sector) rows; the largest first, then the withheld ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components import query
from components.query import connection as conn

# What each country's places show, in display order (crossings: once per measure).
KEYS_BY_COUNTRY = {
    "US": ("trade_ca", "trade_mx", "crossings", "initiatives"),
    "MX": ("us_exports", "fdi", "initiatives"),
    "CA": ("od_total", "initiatives"),
}


@dataclass(frozen=True)
class Figure:
    """One key figure of a place.

    key: 'trade_ca' | 'trade_mx' | 'us_exports' | 'crossings' | 'fdi' | 'od_total' |
    'initiatives' (label key; consumers map it to their text). value: None = unknown or
    no data. unit: 'USD' | 'count'. year: the year the value is for (the last year of a
    cumulative span). source_id: the ``sources`` row it comes from. measure: the BTS
    measure of a crossings figure. first_year: start of a cumulative span (od_total).
    """

    key: str
    value: float | None
    unit: str
    year: int | None
    source_id: str | None
    measure: str | None = None
    first_year: int | None = None
    confidential: bool = False
    code: str | None = None  # origin country (ISO) or SCIAN sector of a by-origin/sector figure
    share: float | None = None  # of the same release's all-origin total (by-origin figures)
    quarters: int = 4  # quarters the value covers (2 = January–June of a partial year)


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def latest_up_to(frame: pd.DataFrame, place_id: str, year: int) -> tuple:
    """(value, year, source_id) of ``place_id``'s row in an all-years frame (year, place_id,
    value, source_id) for the latest year <= ``year``; (None, None, None) when none."""
    rows = frame[(frame["place_id"] == place_id) & (frame["year"] <= year)]
    if rows.empty:
        return None, None, None
    row = rows.loc[rows["year"].idxmax()]
    return _number(row["value"]), int(row["year"]), row["source_id"]


def _yearly(key: str, unit: str, frame: pd.DataFrame, place_id: str, year: int, **extra):
    value, at, source = latest_up_to(frame, place_id, year)
    if at is not None and "confidential" in frame.columns:
        row = frame[(frame["place_id"] == place_id) & (frame["year"] == at)].iloc[0]
        extra["confidential"] = bool(row["confidential"]) and value is None
        extra["quarters"] = int(row["quarters"])
    return Figure(key, value, unit, at, source, **extra)


def _ranked(rows: pd.DataFrame, key: str, code_col: str, top: int, total=None) -> list[Figure]:
    """Figures of the ``top`` largest rows, then every withheld one (confidential)."""
    known = rows[rows["value"].notna()].nlargest(top, "value")
    withheld = rows[rows["value"].isna() & rows["confidential"]].sort_values(code_col)
    out = []
    for row in pd.concat([known, withheld]).itertuples(index=False):
        value = _number(row.value)
        share = value / total if value is not None and total else None
        out.append(
            Figure(
                key,
                value,
                "USD",
                int(row.year),
                row.source_id,
                confidential=value is None,
                code=getattr(row, code_col),
                share=share,
                quarters=int(row.quarters),
            )
        )
    return out


def fdi_origin_figures(db, place_id: str, year: int, top: int = 5) -> list[Figure]:
    """FDI into a Mexican state by origin country, for the latest year <= ``year`` with
    by-origin rows: the ``top`` largest, then the confidential ones. ``share`` divides by
    the same release's all-origin total. [] when the store has no by-origin rows."""
    frame = conn.cached(query.fdi_place_origins, db, place_id)
    frame = frame[frame["year"] <= int(year)]
    by_origin = frame[frame["origin"] != "all"]
    if by_origin.empty:
        return []
    at = int(by_origin["year"].max())
    total = frame.loc[(frame["year"] == at) & (frame["origin"] == "all"), "value"]
    total = _number(total.iloc[0]) if not total.empty else None
    return _ranked(by_origin[by_origin["year"] == at], "fdi_origin", "origin", top, total)


def fdi_sector_figures(db, place_id: str, year: int, top: int = 5) -> list[Figure]:
    """FDI into a Mexican state by SCIAN sector for the latest year <= ``year`` with sector
    rows: the ``top`` largest, then the confidential ones; [] when none."""
    frame = conn.cached(query.fdi_sector_years, db, place_id, 2)
    frame = frame[frame["year"] <= int(year)]
    if frame.empty:
        return []
    at = int(frame["year"].max())
    return _ranked(frame[frame["year"] == at], "fdi_sector", "scian_code", top)


def _od_total(db, place_id: str) -> Figure:
    pairs = conn.cached(query.trade_od_links, db, place_id, 10_000)
    if pairs.empty:
        return Figure("od_total", None, "USD", None, None)
    return Figure(
        "od_total",
        _number(pairs["value_usd"].sum(min_count=1)),
        "USD",
        int(pairs["last_year"].max()),
        pairs["source_id"].min(),
        first_year=int(pairs["first_year"].min()),
    )


def _initiatives(db, place_id: str, year: int) -> Figure:
    counts = query.initiative_counts(db, year, None)
    hit = counts[counts["place_id"] == place_id]
    if hit.empty:  # party to none: a true zero (the inventory is the whole list)
        return Figure("initiatives", 0.0, "count", year, None)
    return Figure(
        "initiatives", float(hit["value"].iloc[0]), "count", year, hit["source_id"].iloc[0]
    )


def place_figures(
    db,
    place_id: str,
    year: int,
    measures: tuple[str, ...] = (query.DEFAULT_MEASURE,),
    modes=None,
) -> list[Figure]:
    """Key figures of ``place_id`` (a state, province or city id) for the view ``year``.

    In: the store path, the place, the view year, the crossing measures to show (US
    states) and the trade modes (None = all). Out: Figures in display order, following
    the module's rule; [] for a place the store does not know.
    """
    if not place_id:
        raise ValueError("a place id is required")
    year = int(year)
    known = conn.cached(query.all_places, db)
    row = known[known["place_id"] == place_id]
    if row.empty:
        return []
    country = row["country"].iloc[0]
    modes = list(modes) if modes else None
    out: list[Figure] = []
    for key in KEYS_BY_COUNTRY.get(country, ("initiatives",)):
        if key in ("trade_ca", "trade_mx"):
            frame = conn.cached(query.state_trade_years, db, key[-2:].upper(), modes)
            out.append(_yearly(key, "USD", frame, place_id, year))
        elif key == "crossings":
            for measure in measures:
                frame = conn.cached(query.state_crossings_years, db, measure)
                out.append(_yearly(key, "count", frame, place_id, year, measure=measure))
        elif key == "us_exports":
            frame = conn.cached(query.mexican_state_exports_years, db, modes)
            out.append(_yearly(key, "USD", frame, place_id, year))
        elif key == "fdi":
            out.append(
                _yearly(key, "USD", conn.cached(query.fdi_by_state_years, db), place_id, year)
            )
        elif key == "od_total":
            out.append(_od_total(db, place_id))
        else:
            out.append(_initiatives(db, place_id, year))
    return out


def figure_sources(figures: list[Figure]) -> set[str]:
    """The source ids the figures cite (for the caption or the brief's source list)."""
    return {f.source_id for f in figures if f.source_id}
