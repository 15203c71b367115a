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


def _exports_sql(columns: str, scope: str, modes) -> tuple[str, dict]:
    """SQL selecting ``columns`` from the US-export rows to Mexico of ``trade_sector_annual``
    that count once (see the module docstring), narrowed by the condition ``scope``, and
    the $params of the ``modes`` filter (None/empty: all modes). The caller appends its
    GROUP BY / ORDER BY and adds the $params ``scope`` names."""
    where, params = conn.in_list("mode", modes, "mode")
    sql = f"""
        WITH r AS (
            SELECT *, bool_or(mode IS NULL) OVER (PARTITION BY year, source_id) AS has_total
            FROM trade_sector_annual
            WHERE flow = 'export' AND partner_country = 'MX' AND {scope})
        SELECT {columns}
        FROM r
        WHERE CASE WHEN $by_mode THEN mode IS NOT NULL AND {where}
                   ELSE (mode IS NULL) = has_total END
        """
    return sql, {**params, "by_mode": where != "TRUE"}


def sector_exports_years(db, place_id: str | None = None, modes=None) -> pd.DataFrame:
    """US exports to one Mexican state (None: all of them) by HS section, every year.

    Out: year, sector (Roman numeral 'I'..'XXII'), value_usd, source_id; largest first
    within a year.
    """
    sql, params = _exports_sql(
        "year, sector, sum(value_usd) AS value_usd, min(source_id) AS source_id",
        "($place IS NULL OR partner_place_id = $place)",
        modes,
    )
    return conn.read_sql(
        db,
        sql + "GROUP BY year, sector ORDER BY year, value_usd DESC, sector",
        {**params, "place": place_id},
    )


def sector_exports_by_state(db, sector: str, modes=None) -> pd.DataFrame:
    """US exports of one HS section to each Mexican state, every year.

    Out: year, place_id, value_usd, source_id; largest first within a year.
    """
    if not sector:
        raise ValueError("an HS section ('I'..'XXII') is required")
    sql, params = _exports_sql(
        "year, partner_place_id AS place_id, sum(value_usd) AS value_usd, "
        "min(source_id) AS source_id",
        "sector = $sector",
        modes,
    )
    return conn.read_sql(
        db,
        sql
        + "  AND partner_place_id IS NOT NULL\n"
        + "GROUP BY year, partner_place_id ORDER BY year, value_usd DESC, place_id",
        {**params, "sector": sector},
    )
