"""Trade queries (BTS TransBorder): US states with Canada and Mexico, Mexican states, pairs.

``trade_annual`` holds yearly sums by US state (or, for US exports to Mexico, by
Mexican state with no US state); ``trade_od`` holds cumulative US-state x
Canadian-province values. 'US-XX' is TransBorder's "state unknown" and is left out.
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn


def state_trade_years(db, partner: str, modes=None) -> pd.DataFrame:
    """US-state trade with ``partner`` ('CA'|'MX') by year, both flows.

    Out: year, place_id, exports, imports, value (USD), source_id; largest first within a year.
    """
    where, params = conn.in_list("mode", modes, "mode")
    return conn.read_sql(
        db,
        f"""
        SELECT year, us_state AS place_id,
               sum(CASE WHEN flow = 'export' THEN value_usd ELSE 0 END) AS exports,
               sum(CASE WHEN flow = 'import' THEN value_usd ELSE 0 END) AS imports,
               sum(value_usd) AS value, min(source_id) AS source_id
        FROM trade_annual
        WHERE partner_country = $partner AND us_state IS NOT NULL
          AND us_state <> 'US-XX' AND {where}
        GROUP BY year, us_state ORDER BY year, value DESC, place_id
        """,
        {**params, "partner": partner},
    )


def state_trade(db, year: int, partner: str, modes=None) -> pd.DataFrame:
    """US-state trade with ``partner`` ('CA'|'MX') in ``year``, both flows.

    Out: place_id, exports, imports, value (= exports + imports, USD), source_id.
    ``modes`` (list of TransBorder modes) restricts the sum; None = all modes.
    """
    return conn.of_year(conn.cached(state_trade_years, db, partner, modes), year)


def mexican_state_exports_years(db, modes=None) -> pd.DataFrame:
    """US exports to each Mexican state by year. Out: year, place_id, value (USD), source_id."""
    where, params = conn.in_list("mode", modes, "mode")
    return conn.read_sql(
        db,
        f"""
        SELECT year, partner_place_id AS place_id, sum(value_usd) AS value,
               min(source_id) AS source_id
        FROM trade_annual
        WHERE us_state IS NULL AND partner_place_id LIKE 'MX-%'
          AND flow = 'export' AND {where}
        GROUP BY year, partner_place_id ORDER BY year, value DESC, place_id
        """,
        params,
    )


def mexican_state_exports(db, year: int, modes=None) -> pd.DataFrame:
    """US exports to each Mexican state in ``year`` (TransBorder has no MX state for imports).

    Out: place_id, value (USD), source_id.
    """
    return conn.of_year(conn.cached(mexican_state_exports_years, db, modes), year)


def trade_od_links(db, place_id: str | None = None, top: int = 40) -> pd.DataFrame:
    """Largest US-state <-> Canadian-province flows (cumulative, both directions, all ports).

    Out: us_state, partner_place_id, value_usd, first_year, last_year, source_id;
    restricted to links touching ``place_id`` when given.
    """
    return conn.read_sql(
        db,
        """
        SELECT us_state, partner_place_id, sum(value_usd) AS value_usd,
               min(first_year) AS first_year, max(last_year) AS last_year,
               min(source_id) AS source_id
        FROM trade_od
        WHERE us_state <> 'US-XX'
          AND ($place IS NULL OR us_state = $place OR partner_place_id = $place)
        GROUP BY us_state, partner_place_id
        ORDER BY value_usd DESC LIMIT $top
        """,
        {"place": place_id, "top": top},
    )


def place_trade_series(db, place_id: str, modes=None) -> pd.DataFrame:
    """Annual trade of a place with the other countries: year, partner, flow, value, source_id.

    US state: its trade with CA and MX. Mexican state: US exports to it. Canadian
    province: empty (TransBorder has no province by year). ``modes`` None = all modes.
    """
    where, params = conn.in_list("mode", modes, "mode")
    return conn.read_sql(
        db,
        f"""
        SELECT year, partner_country AS partner, flow, sum(value_usd) AS value,
               min(source_id) AS source_id
        FROM trade_annual
        WHERE ((us_state = $place) OR (us_state IS NULL AND partner_place_id = $place))
          AND {where}
        GROUP BY year, partner_country, flow ORDER BY year, partner, flow
        """,
        {**params, "place": place_id},
    )


def place_partners(db, place_id: str, top: int = 10) -> pd.DataFrame:
    """Top partners across the border from ``trade_od`` (US state <-> Canadian province).

    Out: partner_id, value_usd, first_year, last_year, source_id. Empty for Mexican states
    (TransBorder does not publish US origin for trade with a Mexican state).
    """
    return conn.read_sql(
        db,
        """
        SELECT CASE WHEN us_state = $place THEN partner_place_id ELSE us_state END AS partner_id,
               sum(value_usd) AS value_usd, min(first_year) AS first_year,
               max(last_year) AS last_year, min(source_id) AS source_id
        FROM trade_od
        WHERE (us_state = $place OR partner_place_id = $place) AND us_state <> 'US-XX'
        GROUP BY partner_id ORDER BY value_usd DESC LIMIT $top
        """,
        {"place": place_id, "top": top},
    )


def trade_by_mode(
    db, year: int, partner: str | None = None, flow: str | None = None, modes=None
) -> pd.DataFrame:
    """US-state trade with Canada/Mexico by mode in ``year``.

    Out: us_state, partner_country, mode, value_usd, source_id (``flow`` None = both flows).
    """
    where, params = conn.in_list("mode", modes, "mode")
    return conn.read_sql(
        db,
        f"""
        SELECT us_state, partner_country, mode, sum(value_usd) AS value_usd,
               min(source_id) AS source_id
        FROM trade_annual
        WHERE year = $year AND us_state IS NOT NULL AND us_state <> 'US-XX'
          AND ($partner IS NULL OR partner_country = $partner)
          AND ($flow IS NULL OR flow = $flow) AND {where}
        GROUP BY us_state, partner_country, mode
        HAVING sum(value_usd) > 0
        ORDER BY value_usd DESC
        """,
        {**params, "year": year, "partner": partner, "flow": flow},
    )


def trade_pairs(
    db, us_state: str | None = None, partner_place_id: str | None = None, top: int = 25
) -> pd.DataFrame:
    """Top US-state <-> Canadian-province pairs (trade_od: cumulative, both flows, all ports).

    Out: us_state, partner_place_id, value_usd, ports, first_year, last_year, source_id.
    """
    return conn.read_sql(
        db,
        """
        SELECT us_state, partner_place_id, sum(value_usd) AS value_usd,
               count(DISTINCT port_code) AS ports, min(first_year) AS first_year,
               max(last_year) AS last_year, min(source_id) AS source_id
        FROM trade_od
        WHERE us_state <> 'US-XX' AND ($us_state IS NULL OR us_state = $us_state)
          AND ($partner IS NULL OR partner_place_id = $partner)
        GROUP BY us_state, partner_place_id
        ORDER BY value_usd DESC LIMIT $top
        """,
        {"us_state": us_state, "partner": partner_place_id, "top": top},
    )


def state_trade_series(db, us_state: str, modes=None) -> pd.DataFrame:
    """A US state's annual trade with Canada and Mexico. Out: year, partner_country, flow,
    value_usd, source_id."""
    where, params = conn.in_list("mode", modes, "mode")
    return conn.read_sql(
        db,
        f"""
        SELECT year, partner_country, flow, sum(value_usd) AS value_usd,
               min(source_id) AS source_id
        FROM trade_annual WHERE us_state = $us_state AND {where}
        GROUP BY year, partner_country, flow ORDER BY year, partner_country, flow
        """,
        {**params, "us_state": us_state},
    )


def _hs_rows_sql() -> str:
    """SQL of the ``trade`` rows by HS chapter (alias ``t``), without double-counted months.

    The committed summary (data/trade_hs2.csv, ``mode`` NULL) stands in for a month only
    until that month's raw file is loaded with its modes: counting both would double it.
    """
    return """
        SELECT * FROM trade t
        WHERE t.hs2 IS NOT NULL
          AND (t.mode IS NOT NULL OR NOT EXISTS (
              SELECT 1 FROM trade d
              WHERE d.table_type = t.table_type AND d.year = t.year
                AND d.month IS NOT DISTINCT FROM t.month AND d.mode IS NOT NULL))
    """


def trade_commodities(
    db,
    year: int,
    us_state: str | None = None,
    partner: str | None = None,
    flow: str | None = None,
) -> pd.DataFrame:
    """Trade by 2-digit HS chapter in ``year``, from raw monthly TransBorder rows.

    One table only, as DOT2 and DOT3 hold the same dollars: DOT2 (by U.S. state) when
    the year has it, else DOT3 (by port, no state) when no ``us_state`` is asked for.
    Out: hs2, value_usd, months (distinct months summed), table_type, source_id;
    empty when the year has no such rows.
    """
    return conn.read_sql(
        db,
        f"""
        WITH hs AS ({_hs_rows_sql()} AND t.year = $year),
        pick AS (
            SELECT CASE WHEN bool_or(table_type = 'DOT2') THEN 'DOT2'
                        WHEN $us_state IS NULL THEN 'DOT3' END AS table_type
            FROM hs)
        SELECT hs2, sum(value_usd) AS value_usd, count(DISTINCT month) AS months,
               min(table_type) AS table_type, min(source_id) AS source_id
        FROM hs JOIN pick USING (table_type)
        WHERE ($us_state IS NULL OR us_state = $us_state)
          AND ($partner IS NULL OR partner_country = $partner)
          AND ($flow IS NULL OR flow = $flow)
        GROUP BY hs2 ORDER BY value_usd DESC, hs2
        """,
        {"year": year, "us_state": us_state, "partner": partner, "flow": flow},
    )


def commodity_months(db) -> pd.DataFrame:
    """Months with trade by HS chapter in the store. Out: table_type, year, month (sorted)."""
    return conn.read_sql(
        db,
        "SELECT DISTINCT table_type, year, month FROM trade WHERE hs2 IS NOT NULL "
        "ORDER BY year, month, table_type",
    )
