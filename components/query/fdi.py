"""Jobs and investment queries: foreign direct investment into Mexican states (Secretaría de
Economía) by year and origin, and cited facts.

The ``fdi`` table holds several vintages of the same figures, one ``source_id`` each
(data/README.md, *Which FDI series a headline uses*). Adding two vintages would count a
year twice, so every query here picks, **for each year and origin, the one series whose
source has the newest ``as_of``** and never sums across ``source_id``s.

A year's total: the running total of its last quarter (``ytd_musd``, SE's release), the
sum of its single quarters where the series has no running totals (the older all-origin
tables), or the annual row (``quarter`` NULL) where only the year is stored. A NULL total
means confidential/unknown, never zero: ``confidential`` says the source withheld it.
``quarters`` is how many quarters the total covers (4 for an annual row; 2 for
January–June).
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn

# One row per (source, place, origin, year) of the rows in ``picked``: the year's total
# under the module's rule. ``picked`` is a CTE the caller defines over ``fdi``.
_TOTALS = """
    q AS (
        SELECT source_id, place_id, origin, year,
               count(*) AS quarters,
               bool_or(ytd_musd IS NOT NULL) AS has_ytd,
               arg_max_null(ytd_musd, quarter) AS last_ytd,
               CASE WHEN bool_and(value_musd IS NOT NULL) THEN sum(value_musd) END AS sum_q,
               bool_or(confidential) AS any_confidential
        FROM picked WHERE quarter IS NOT NULL GROUP BY ALL),
    a AS (
        SELECT source_id, place_id, origin, year, 4 AS quarters,
               max(value_musd) AS value_musd, bool_or(confidential) AS any_confidential
        FROM picked p WHERE quarter IS NULL
          AND NOT EXISTS (SELECT 1 FROM q WHERE q.source_id = p.source_id
                          AND q.place_id = p.place_id AND q.origin = p.origin
                          AND q.year = p.year)
        GROUP BY ALL),
    totals AS (
        SELECT source_id, place_id, origin, year, quarters,
               CASE WHEN has_ytd THEN last_ytd ELSE sum_q END AS value_musd, any_confidential
        FROM q
        UNION ALL
        SELECT source_id, place_id, origin, year, quarters, value_musd, any_confidential FROM a)
"""

# For each (year, origin): the series with the newest sources.as_of that has rows for it.
_PICK = """
    v AS (SELECT DISTINCT f.year, f.origin, f.source_id, s.as_of
          FROM fdi f JOIN sources s USING (source_id) WHERE {where}),
    pick AS (SELECT year, origin, source_id FROM v
             QUALIFY row_number() OVER (PARTITION BY year, origin
                                        ORDER BY as_of DESC NULLS LAST, source_id) = 1),
    picked AS (SELECT f.* FROM fdi f JOIN pick USING (year, origin, source_id))
"""

_OUT = """
    SELECT year, place_id, origin, value_musd, value_musd * 1e6 AS value, quarters,
           (value_musd IS NULL AND coalesce(any_confidential, false)) AS confidential,
           source_id
    FROM totals
"""


def totals_cte(where: str) -> str:
    """CTEs ending in ``totals`` (source_id, place_id, origin, year, quarters, value_musd,
    any_confidential): one series per year and origin (the newest) among ``fdi`` rows
    matching ``where`` (a fixed SQL condition on alias ``f``, values as ``$params``)."""
    return f"{_PICK.format(where=where)}, {_TOTALS}"


def fdi_origin_years(db, origin: str = "all") -> pd.DataFrame:
    """FDI into every Mexican state from ``origin`` ('all', 'US', 'CA', ...), every year.

    Out: year, place_id, origin, value_musd (US$ M; NULL = unknown), value (USD),
    quarters (how many the total covers), confidential (the source withheld it),
    source_id; one series per year (the newest), largest first within a year.
    """
    if not origin:
        raise ValueError("an origin code ('all', 'US', 'CA', ...) is required")
    return conn.read_sql(
        db,
        f"WITH {totals_cte('f.origin = $origin')} {_OUT}"
        " ORDER BY year, value DESC NULLS LAST, place_id",
        {"origin": origin},
    )


def fdi_place_origins(db, place_id: str) -> pd.DataFrame:
    """FDI into one Mexican state by origin (every origin stored, 'all' included), every year.

    Out: as ``fdi_origin_years``, one row per year and origin. The 'all' row of a year is
    the same release's all-origin total wherever by-origin rows exist (both newest).
    """
    return conn.read_sql(
        db,
        f"WITH {totals_cte('f.place_id = $place')} {_OUT}"
        " WHERE place_id = $place ORDER BY year, origin",
        {"place": place_id},
    )


def fdi_by_state_years(db) -> pd.DataFrame:
    """FDI inflow (all origins) to each Mexican state by year: the headline series.

    Out: year, place_id, value (USD; NULL when unknown), value_musd, quarters,
    confidential, source_id.
    """
    frame = conn.cached(fdi_origin_years, db, "all")
    return frame.drop(columns="origin")


def fdi_by_state(db, year: int) -> pd.DataFrame:
    """FDI inflow (all origins) to each Mexican state in ``year``.

    Out: place_id, value (USD), value_musd, quarters, confidential, source_id.
    """
    return conn.of_year(fdi_by_state_years(db), year)


def place_fdi_series(db, place_id: str) -> pd.DataFrame:
    """Annual FDI inflow (all origins) to a Mexican state: year, value (USD; NULL: unknown),
    quarters, confidential, source_id."""
    frame = fdi_by_state_years(db)
    rows = frame[frame["place_id"] == place_id]
    return rows[["year", "value", "quarters", "confidential", "source_id"]].reset_index(drop=True)


def fdi_yearly(db, place_ids=None) -> pd.DataFrame:
    """Annual FDI inflow (all origins, US$ M) per Mexican state, optionally for some states.

    Out: place_id, year, value_musd (NULL: unknown), quarters, confidential, source_id.
    """
    frame = fdi_by_state_years(db)
    if place_ids:
        frame = frame[frame["place_id"].isin(list(place_ids))]
    columns = ["place_id", "year", "value_musd", "quarters", "confidential", "source_id"]
    return frame.sort_values(["place_id", "year"])[columns].reset_index(drop=True)


def facts_list(db, topics=None, place_id: str | None = None) -> pd.DataFrame:
    """Cited facts (jobs, investment, ...) with their sources, optionally for a place/topics.

    Out: fact_id, place_id, partner_place_id, year, value, qualifier ('nearly' | 'about' |
    'over' | 'exactly' | NULL, as the source words it), unit, label_en/es/fr, topic,
    source_url, source_title, source_publisher, source_id.
    """
    where, params = conn.in_list("topic", topics, "topic")
    return conn.read_sql(
        db,
        f"""
        SELECT fact_id, place_id, partner_place_id, year, value, qualifier, unit, label_en,
               label_es, label_fr, topic, source_url, source_title, source_publisher, source_id
        FROM facts
        WHERE {where} AND ($place IS NULL OR place_id = $place OR partner_place_id = $place)
        ORDER BY topic, year DESC NULLS LAST, fact_id
        """,
        {**params, "place": place_id},
    )


def place_facts(db, place_id: str) -> pd.DataFrame:
    """Cited facts about a place: fact_id, partner_place_id, year, value, unit, labels,
    topic, source_url, source_title, source_publisher, source_id."""
    return conn.read_sql(
        db,
        """
        SELECT fact_id, partner_place_id, year, value, unit, label_en, label_es, label_fr, topic,
               source_url, source_title, source_publisher, source_id
        FROM facts WHERE place_id = $place ORDER BY topic, year DESC, fact_id
        """,
        {"place": place_id},
    )
