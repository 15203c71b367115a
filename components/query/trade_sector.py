"""US exports to Mexican states by commodity group (HS section), annual, from
``trade_sector_annual`` (BTS TransBorder, 2003 onward).

The committed store holds one row per year × state × section summed over modes
(``mode`` NULL); a store loaded from the source file also holds the mode split. So that
no year is counted twice, a query without a mode filter reads the mode-NULL rows of a year
where there are any, and the per-mode rows only where there are none; a mode filter reads
per-mode rows only (a year without them has no data for that mode).
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn


def sector_exports_years(db, place_id: str | None = None, modes=None) -> pd.DataFrame:
    """US exports to one Mexican state (None: all of them) by HS section, every year.

    Out: year, sector (Roman numeral 'I'..'XXII'), value_usd, source_id; largest first
    within a year.
    """
    where, params = conn.in_list("mode", modes, "mode")
    by_mode = where != "TRUE"
    return conn.read_sql(
        db,
        f"""
        WITH r AS (
            SELECT *, bool_or(mode IS NULL) OVER (PARTITION BY year, source_id) AS has_total
            FROM trade_sector_annual
            WHERE flow = 'export' AND partner_country = 'MX'
              AND ($place IS NULL OR partner_place_id = $place))
        SELECT year, sector, sum(value_usd) AS value_usd, min(source_id) AS source_id
        FROM r
        WHERE CASE WHEN $by_mode THEN mode IS NOT NULL AND {where}
                   ELSE (mode IS NULL) = has_total END
        GROUP BY year, sector ORDER BY year, value_usd DESC, sector
        """,
        {**params, "place": place_id, "by_mode": by_mode},
    )


def sector_exports_by_state(db, sector: str, modes=None) -> pd.DataFrame:
    """US exports of one HS section to each Mexican state, every year.

    Out: year, place_id, value_usd, source_id; largest first within a year.
    """
    if not sector:
        raise ValueError("an HS section ('I'..'XXII') is required")
    where, params = conn.in_list("mode", modes, "mode")
    by_mode = where != "TRUE"
    return conn.read_sql(
        db,
        f"""
        WITH r AS (
            SELECT *, bool_or(mode IS NULL) OVER (PARTITION BY year, source_id) AS has_total
            FROM trade_sector_annual
            WHERE flow = 'export' AND partner_country = 'MX' AND sector = $sector)
        SELECT year, partner_place_id AS place_id, sum(value_usd) AS value_usd,
               min(source_id) AS source_id
        FROM r
        WHERE partner_place_id IS NOT NULL
          AND CASE WHEN $by_mode THEN mode IS NOT NULL AND {where}
                   ELSE (mode IS NULL) = has_total END
        GROUP BY year, partner_place_id ORDER BY year, value_usd DESC, place_id
        """,
        {**params, "sector": sector, "by_mode": by_mode},
    )
