"""FDI into Mexican states by SCIAN sector (Secretaría de Economía, ``fdi_sector``).

Same rules as ``fdi``: a year's total is the running total of its last quarter, or the
annual row where only the year is stored; NULL = confidential/unknown, never zero. The
table has one series per release; where two releases are loaded, each year uses the one
whose source has the newest ``as_of``.
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn


def fdi_sector_years(db, place_id: str, level: int = 2) -> pd.DataFrame:
    """FDI into ``place_id`` by SCIAN code of ``level`` (2 sector, 3 subsector, 4 rama).

    Out: year, scian_code, value_musd (US$ M; NULL = unknown), value (USD), quarters,
    confidential, source_id; largest first within a year.
    """
    if level not in (2, 3, 4):
        raise ValueError(f"SCIAN level must be 2, 3 or 4, not {level!r}")
    return conn.read_sql(
        db,
        """
        WITH v AS (SELECT DISTINCT f.year, f.source_id, s.as_of
                   FROM fdi_sector f JOIN sources s USING (source_id)
                   WHERE f.place_id = $place AND f.level = $level),
        pick AS (SELECT year, source_id FROM v
                 QUALIFY row_number() OVER (PARTITION BY year
                                            ORDER BY as_of DESC NULLS LAST, source_id) = 1),
        picked AS (SELECT f.* FROM fdi_sector f JOIN pick USING (year, source_id)
                   WHERE f.place_id = $place AND f.level = $level),
        q AS (SELECT source_id, scian_code, year, count(*) AS quarters,
                     bool_or(ytd_musd IS NOT NULL) AS has_ytd,
                     arg_max_null(ytd_musd, quarter) AS last_ytd,
                     CASE WHEN bool_and(value_musd IS NOT NULL) THEN sum(value_musd) END AS sum_q,
                     bool_or(confidential) AS any_confidential
              FROM picked WHERE quarter IS NOT NULL GROUP BY ALL),
        a AS (SELECT source_id, scian_code, year, 4 AS quarters, max(value_musd) AS value_musd,
                     bool_or(confidential) AS any_confidential
              FROM picked p WHERE quarter IS NULL
                AND NOT EXISTS (SELECT 1 FROM q WHERE q.scian_code = p.scian_code
                                AND q.year = p.year AND q.source_id = p.source_id)
              GROUP BY ALL),
        totals AS (
            SELECT source_id, scian_code, year, quarters,
                   CASE WHEN has_ytd THEN last_ytd ELSE sum_q END AS value_musd, any_confidential
            FROM q
            UNION ALL
            SELECT source_id, scian_code, year, quarters, value_musd, any_confidential FROM a)
        SELECT year, scian_code, value_musd, value_musd * 1e6 AS value, quarters,
               (value_musd IS NULL AND coalesce(any_confidential, false)) AS confidential,
               source_id
        FROM totals ORDER BY year, value DESC NULLS LAST, scian_code
        """,
        {"place": place_id, "level": level},
    )
