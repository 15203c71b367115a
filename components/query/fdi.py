"""Jobs and investment queries: foreign direct investment into Mexican states (Secretaría de
Economía) and cited facts.

FDI: only origin 'all' is summed (a per-country split, where loaded, would count twice).
A confidential cell is stored as NULL, which means unknown, not zero: a year with any
unknown quarter has an unknown (NULL) total rather than a sum of the known quarters.
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn

# Sum of value_musd that stays NULL when any summed row is NULL (confidential).
_KNOWN_SUM = "CASE WHEN bool_and(value_musd IS NOT NULL) THEN sum(value_musd) END"


def fdi_by_state_years(db) -> pd.DataFrame:
    """FDI inflow to each Mexican state by year (quarters summed).

    Out: year, place_id, value (USD; NULL when a quarter is confidential), quarters, source_id.
    """
    return conn.read_sql(
        db,
        f"""
        SELECT year, place_id, {_KNOWN_SUM} * 1e6 AS value, count(*) AS quarters,
               min(source_id) AS source_id
        FROM fdi WHERE origin = 'all'
        GROUP BY year, place_id ORDER BY year, value DESC NULLS LAST, place_id
        """,
    )


def fdi_by_state(db, year: int) -> pd.DataFrame:
    """FDI inflow to each Mexican state in ``year`` (quarters summed).

    Out: place_id, value (USD), quarters, source_id.
    """
    return conn.of_year(conn.cached(fdi_by_state_years, db), year)


def place_fdi_series(db, place_id: str) -> pd.DataFrame:
    """Annual FDI inflow (USD) to a Mexican state: year, value (NULL: confidential), quarters,
    source_id."""
    return conn.read_sql(
        db,
        f"""
        SELECT year, {_KNOWN_SUM} * 1e6 AS value, count(*) AS quarters,
               min(source_id) AS source_id
        FROM fdi WHERE place_id = $place AND origin = 'all' GROUP BY year ORDER BY year
        """,
        {"place": place_id},
    )


def fdi_yearly(db, place_ids=None) -> pd.DataFrame:
    """Annual FDI inflow (US$ M) per Mexican state: quarters summed; annual rows where no quarters.

    Out: place_id, year, value_musd (NULL: confidential), quarters (count; 0 = published
    as annual), source_id.
    """
    where, params = conn.in_list("place_id", place_ids, "place")
    return conn.read_sql(
        db,
        f"""
        WITH q AS (
            SELECT place_id, year, {_KNOWN_SUM} AS value_musd, count(*) AS quarters,
                   min(source_id) AS source_id
            FROM fdi WHERE origin = 'all' AND quarter IS NOT NULL GROUP BY place_id, year),
        a AS (
            SELECT place_id, year, {_KNOWN_SUM} AS value_musd, 0 AS quarters,
                   min(source_id) AS source_id
            FROM fdi f WHERE origin = 'all' AND quarter IS NULL
              AND NOT EXISTS (SELECT 1 FROM q WHERE q.place_id = f.place_id AND q.year = f.year)
            GROUP BY place_id, year)
        SELECT * FROM (SELECT * FROM q UNION ALL SELECT * FROM a)
        WHERE {where} ORDER BY place_id, year
        """,
        params,
    )


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
