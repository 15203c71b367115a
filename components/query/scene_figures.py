"""Figures quoted by presenter scenes: the one registry of figure kinds and their SQL.

``FIGURE_KINDS`` maps each kind to the arguments it needs and the query that answers it;
``components.scenes`` validates data/scenes.yaml against the same registry, so a kind
the YAML may name is always a kind ``scene_figure`` can compute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from components.query import connection as conn
from components.query.fdi import totals_cte

_ROW_COLUMNS = ["value", "unit", "first_year", "last_year", "source_id", "cite"]


@dataclass(frozen=True)
class FigureKind:
    """A figure kind: required and optional argument names, and ``sql(args) -> (sql, params)``."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    sql: Callable[[dict], tuple[str, dict]]


def _crossings(a: dict) -> tuple[str, dict]:
    where, params = conn.in_list("port_code", a["ports"], "port")
    return (
        f"""SELECT sum(value) AS value, 'count' AS unit, min(year) AS first_year,
                   max(year) AS last_year, min(source_id) AS source_id
            FROM crossings_annual WHERE year = $year AND measure = $measure AND {where}""",
        {**params, "year": a["year"], "measure": a["measure"]},
    )


def _border_crossings(a: dict) -> tuple[str, dict]:
    return (
        """SELECT sum(c.value) AS value, 'count' AS unit, min(c.year) AS first_year,
                  max(c.year) AS last_year, min(c.source_id) AS source_id
           FROM crossings_annual c JOIN ports p USING (port_code)
           WHERE c.year = $year AND c.measure = $measure AND p.border = $border""",
        {"year": a["year"], "measure": a["measure"], "border": a["border"]},
    )


def _state_trade(a: dict) -> tuple[str, dict]:
    where, params = conn.in_list("us_state", a["places"], "place")
    return (
        f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(year) AS first_year,
                   max(year) AS last_year, min(source_id) AS source_id
            FROM trade_annual WHERE year = $year AND partner_country = $partner AND {where}
              AND ($flow IS NULL OR flow = $flow)""",
        {**params, "year": a["year"], "partner": a["partner"], "flow": a.get("flow")},
    )


def _mx_state_exports(a: dict) -> tuple[str, dict]:
    where, params = conn.in_list("partner_place_id", a["places"], "place")
    return (
        f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(year) AS first_year,
                   max(year) AS last_year, min(source_id) AS source_id
            FROM trade_annual WHERE year = $year AND us_state IS NULL AND flow = 'export'
              AND {where}""",
        {**params, "year": a["year"]},
    )


def _od_trade(a: dict) -> tuple[str, dict]:
    where, params = conn.in_list("partner_place_id", a["partners"], "partner")
    return (
        f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(first_year) AS first_year,
                   max(last_year) AS last_year, min(source_id) AS source_id
            FROM trade_od WHERE us_state = $us_state AND {where}""",
        {**params, "us_state": a["us_state"]},
    )


def _fdi(a: dict) -> tuple[str, dict]:
    # One series per year (the newest vintage; several overlap, never added together);
    # a confidential (NULL) total makes the sum unknown, not smaller.
    where, params = conn.in_list("place_id", a["places"], "place")
    return (
        f"""WITH {totals_cte("f.origin = $origin")}
            SELECT CASE WHEN bool_and(value_musd IS NOT NULL) THEN sum(value_musd) END * 1e6
                   AS value, 'USD' AS unit, min(year) AS first_year,
                   max(year) AS last_year, min(source_id) AS source_id
            FROM totals WHERE year = $year AND {where}""",
        {**params, "year": a["year"], "origin": a.get("origin") or "all"},
    )


def _fdi_share(a: dict) -> tuple[str, dict]:
    # The origin's share of the same release's all-origin total (both the newest series).
    where, params = conn.in_list("place_id", a["places"], "place")
    return (
        f"""WITH {totals_cte("f.origin IN ($origin, 'all')")}
            SELECT CASE WHEN bool_and(value_musd IS NOT NULL)
                        THEN sum(value_musd) FILTER (WHERE origin = $origin)
                             / sum(value_musd) FILTER (WHERE origin = 'all') END AS value,
                   'share' AS unit, min(year) AS first_year, max(year) AS last_year,
                   min(source_id) FILTER (WHERE origin = $origin) AS source_id
            FROM totals WHERE year = $year AND {where}""",
        {**params, "year": a["year"], "origin": a["origin"]},
    )


def _travel(a: dict) -> tuple[str, dict]:
    return (
        """SELECT sum(trips) AS value, min(unit) AS unit,
                  min(year(period_start)) AS first_year, max(year(period_end)) AS last_year,
                  min(source_id) AS source_id
           FROM travel
           WHERE place_id = $place AND travellers ILIKE $travellers
             AND period_start = CAST($period_start AS DATE)
             AND country ILIKE $country AND mode = $mode""",
        {
            "place": a["place"],
            "travellers": f"%{a['travellers']}%",
            "period_start": str(a["period_start"]),
            "country": a.get("country") or "United States",
            "mode": a.get("mode") or "All modes",
        },
    )


def _fact(a: dict) -> tuple[str, dict]:
    return (
        """SELECT f.value, f.unit, f.year AS first_year, f.year AS last_year, f.source_id,
                  f.source_publisher || ', ' || f.source_title || ' ' || f.source_url AS cite
           FROM facts f WHERE f.fact_id = $fact_id""",
        {"fact_id": a["fact_id"]},
    )


def _initiative(a: dict) -> tuple[str, dict]:
    return (
        """SELECT year AS value, 'year' AS unit, year AS first_year,
                  coalesce(end_year, year) AS last_year, source_id,
                  source_publisher || ', ' || source_title || ' ' || source_url AS cite
           FROM initiatives WHERE initiative_id = $initiative_id""",
        {"initiative_id": a["initiative_id"]},
    )


FIGURE_KINDS: dict[str, FigureKind] = {
    "crossings": FigureKind(("ports", "year", "measure"), (), _crossings),
    "border_crossings": FigureKind(("border", "year", "measure"), (), _border_crossings),
    "state_trade": FigureKind(("places", "partner", "year"), ("flow",), _state_trade),
    "mx_state_exports": FigureKind(("places", "year"), (), _mx_state_exports),
    "od_trade": FigureKind(("us_state", "partners"), (), _od_trade),
    "fdi": FigureKind(("places", "year"), ("origin",), _fdi),
    "fdi_share": FigureKind(("places", "year", "origin"), (), _fdi_share),
    "travel": FigureKind(("place", "travellers", "period_start"), ("country", "mode"), _travel),
    "fact": FigureKind(("fact_id",), (), _fact),
    "initiative": FigureKind(("initiative_id",), (), _initiative),
}


def _figure_row(frame: pd.DataFrame) -> pd.DataFrame:
    """A figure query result -> one row (value, unit, first_year, last_year, source_id, cite),
    or an empty frame when the store has no value."""
    if frame.empty or frame["value"].isna().all():
        return pd.DataFrame(columns=_ROW_COLUMNS)
    for column in _ROW_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    return frame[_ROW_COLUMNS].head(1).reset_index(drop=True)


def scene_figure(db, kind: str, args: dict) -> pd.DataFrame:
    """One number quoted by a presenter scene (a kind of ``FIGURE_KINDS``).

    In: figure kind and its arguments. Out: one row (value, unit, first_year, last_year,
    source_id, cite) or an empty frame when the store has no such data. ``cite`` is the
    primary publication ('publisher, title url') for facts and initiatives, else NULL.
    """
    if kind not in FIGURE_KINDS:
        raise ValueError(f"unknown scene figure kind {kind!r}")
    sql, params = FIGURE_KINDS[kind].sql(dict(args))
    return _figure_row(conn.read_sql(db, sql, params))
