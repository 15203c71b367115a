"""Initiatives per place and per pair of places: counts and links by year, a place's or a
pair's initiatives, and trade pairs that share none (gaps)."""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn
from components.query.initiatives import PARTY_STATE_SQL
from geo import places as geo_places

# Every year from the first initiative to the last year of any series: the cumulative
# figures are kept for each (a later year holds the last one's).
INVENTORY_YEARS_SQL = """
    SELECT range AS year FROM range(
        coalesce((SELECT min(year) FROM initiatives), 0),
        greatest(coalesce((SELECT max(year) FROM initiatives), 0),
                 coalesce((SELECT max(year) FROM trade_annual), 0),
                 coalesce((SELECT max(year) FROM crossings_annual), 0),
                 coalesce((SELECT max(year) FROM fdi), 0)) + 1)
"""
# Cross-border pairs of states/provinces (a < b, different countries) sharing an initiative.
_PAIRS_SQL = f"""
    WITH party AS ({PARTY_STATE_SQL}),
    pairs AS (
        SELECT a.place_id AS a_place, b.place_id AS b_place, i.initiative_id, i.name_en,
               i.source_id, i.year
        FROM party a JOIN party b
          ON a.initiative_id = b.initiative_id AND a.place_id < b.place_id
         AND left(a.place_id, 2) <> left(b.place_id, 2)
        JOIN initiatives i ON i.initiative_id = a.initiative_id
        WHERE ($border IS NULL OR i.border = $border OR i.border = 'trilateral'))
"""


def initiative_counts_years(db, border: str | None = None) -> pd.DataFrame:
    """Number of initiatives each state/province is party to, signed up to each year.

    Out: year, place_id, value (count), source_id (one of them).
    """
    return conn.read_sql(
        db,
        f"""
        WITH party AS ({PARTY_STATE_SQL}), years AS ({INVENTORY_YEARS_SQL})
        SELECT y.year, party.place_id, count(DISTINCT i.initiative_id) AS value,
               min(i.source_id) AS source_id
        FROM party JOIN initiatives i USING (initiative_id) JOIN years y ON i.year <= y.year
        WHERE ($border IS NULL OR i.border = $border OR i.border = 'trilateral')
        GROUP BY y.year, party.place_id ORDER BY y.year, value DESC, party.place_id
        """,
        {"border": border},
    )


def initiative_counts(db, year: int | None = None, border: str | None = None) -> pd.DataFrame:
    """Number of initiatives each state/province is party to (signed up to ``year``).

    Out: place_id, value (count), source_id (one of them).
    """
    if year is not None:
        return conn.up_to_year(conn.cached(initiative_counts_years, db, border), year)
    return conn.read_sql(
        db,
        f"""
        WITH party AS ({PARTY_STATE_SQL})
        SELECT party.place_id, count(DISTINCT i.initiative_id) AS value,
               min(i.source_id) AS source_id
        FROM party JOIN initiatives i USING (initiative_id)
        WHERE ($border IS NULL OR i.border = $border OR i.border = 'trilateral')
        GROUP BY party.place_id ORDER BY value DESC, party.place_id
        """,
        {"border": border},
    )


def initiative_links_years(db, border: str | None = None) -> pd.DataFrame:
    """Cross-border pairs of states/provinces sharing initiatives signed up to each year.

    Out: year, a_place, b_place (different countries, a < b), initiatives (count),
    names (en, '; '), source_id.
    """
    return conn.read_sql(
        db,
        f"""
        {_PAIRS_SQL}, years AS ({INVENTORY_YEARS_SQL})
        SELECT y.year, a_place, b_place, count(DISTINCT initiative_id) AS initiatives,
               string_agg(DISTINCT name_en, '; ' ORDER BY name_en) AS names,
               min(source_id) AS source_id
        FROM pairs JOIN years y ON pairs.year <= y.year
        GROUP BY y.year, a_place, b_place
        ORDER BY y.year, initiatives DESC, a_place, b_place
        """,
        {"border": border},
    )


def initiative_links(db, year: int | None = None, border: str | None = None) -> pd.DataFrame:
    """Cross-border pairs of states/provinces that share an initiative (signed up to ``year``).

    Out: a_place, b_place (different countries, a < b), initiatives (count), names (en, '; '),
    source_id.
    """
    if year is not None:
        return conn.up_to_year(conn.cached(initiative_links_years, db, border), year)
    return conn.read_sql(
        db,
        f"""
        {_PAIRS_SQL}
        SELECT a_place, b_place, count(DISTINCT initiative_id) AS initiatives,
               string_agg(DISTINCT name_en, '; ' ORDER BY name_en) AS names,
               min(source_id) AS source_id
        FROM pairs GROUP BY a_place, b_place ORDER BY initiatives DESC, a_place, b_place
        """,
        {"border": border},
    )


def place_initiatives(db, place_id: str) -> pd.DataFrame:
    """Initiatives the place (or one of its cities) is party to, newest first.

    Out: initiative_id, name_en/es/fr, kind, year, end_year, status, border, summary_en/es/fr,
    partners (other party place ids, ', '), source_url, source_title, source_publisher, source_id.
    """
    return conn.read_sql(
        db,
        f"""
        WITH party AS ({PARTY_STATE_SQL}),
        mine AS (SELECT DISTINCT initiative_id FROM party WHERE place_id = $place)
        SELECT i.initiative_id, i.name_en, i.name_es, i.name_fr, i.kind, i.year, i.end_year,
               i.status, i.border, i.summary_en, i.summary_es, i.summary_fr,
               (SELECT string_agg(DISTINCT p.place_id, ', ' ORDER BY p.place_id) FROM party p
                 WHERE p.initiative_id = i.initiative_id AND p.place_id <> $place) AS partners,
               i.source_url, i.source_title, i.source_publisher, i.source_id
        FROM initiatives i JOIN mine USING (initiative_id)
        ORDER BY i.year DESC, i.name_en
        """,
        {"place": place_id},
    )


def pair_initiatives(
    db, a: str, b: str, year: int | None = None, border: str | None = None
) -> pd.DataFrame:
    """Initiatives both places ``a`` and ``b`` are party to (their cities count for them),
    signed up to ``year`` and on ``border`` (trilateral ones too), as ``initiative_links``
    counts them.

    Out: initiative_id, name_en, name_es, name_fr, year, border, source_url, source_title,
    source_publisher (the record's own source), source_id (the inventory's); newest first.
    """
    return conn.read_sql(
        db,
        f"""
        WITH party AS ({PARTY_STATE_SQL})
        SELECT i.initiative_id, i.name_en, i.name_es, i.name_fr, i.year, i.border,
               i.source_url, i.source_title, i.source_publisher, i.source_id
        FROM initiatives i
        WHERE i.initiative_id IN (SELECT initiative_id FROM party WHERE place_id = $a)
          AND i.initiative_id IN (SELECT initiative_id FROM party WHERE place_id = $b)
          AND ($year IS NULL OR i.year <= $year)
          AND ($border IS NULL OR i.border = $border OR i.border = 'trilateral')
        ORDER BY i.year DESC, i.name_en
        """,
        {"a": a, "b": b, "year": year, "border": border},
    )


def trade_gaps(db, year: int, top: int = 20) -> pd.DataFrame:
    """Cross-border pairs that trade heavily but share no initiative ("gaps worth a conversation").

    US-Canada: state-province pairs from trade_od (cumulative value, both flows).
    US-Mexico: neighbouring state pairs (land pairs of data/border_pairs.csv) valued by the
    US state's trade with Mexico in ``year``, as TransBorder publishes no US-state x
    Mexican-state value; mx_exports_usd = US exports to the Mexican state that year.
    Out: border, us_state, partner_place_id, value_usd, mx_exports_usd, first_year,
    last_year, source_id; top ``top`` per border.
    """
    neighbours = geo_places.land_pairs("US-Mexico")
    params: dict = {"year": year, "top": top}
    rows = []
    for i, (us_state, partner) in enumerate(neighbours):
        rows.append(f"($us_{i}, $mx_{i})")
        params |= {f"us_{i}": us_state, f"mx_{i}": partner}
    pairs_sql = (
        f"SELECT * FROM (VALUES {', '.join(rows)}) AS n(us_state, partner_place_id)"
        if rows
        else "SELECT NULL::VARCHAR AS us_state, NULL::VARCHAR AS partner_place_id WHERE FALSE"
    )
    return conn.read_sql(
        db,
        f"""
        WITH party AS ({PARTY_STATE_SQL}),
        linked AS (SELECT DISTINCT a.place_id AS x, b.place_id AS y
                   FROM party a JOIN party b USING (initiative_id) WHERE a.place_id <> b.place_id),
        ca AS (
            SELECT 'US-Canada' AS border, us_state, partner_place_id, sum(value_usd) AS value_usd,
                   NULL::DOUBLE AS mx_exports_usd, min(first_year) AS first_year,
                   max(last_year) AS last_year, min(source_id) AS source_id
            FROM trade_od WHERE us_state <> 'US-XX'
            GROUP BY us_state, partner_place_id),
        neighbours AS ({pairs_sql}),
        mx AS (
            SELECT 'US-Mexico' AS border, n.us_state, n.partner_place_id,
                   (SELECT sum(value_usd) FROM trade_annual t WHERE t.year = $year
                      AND t.us_state = n.us_state AND t.partner_country = 'MX') AS value_usd,
                   (SELECT sum(value_usd) FROM trade_annual t WHERE t.year = $year
                      AND t.us_state IS NULL AND t.partner_place_id = n.partner_place_id
                      AND t.flow = 'export') AS mx_exports_usd,
                   $year AS first_year, $year AS last_year,
                   (SELECT min(source_id) FROM trade_annual t WHERE t.year = $year
                      AND t.us_state = n.us_state) AS source_id
            FROM neighbours n),
        gaps AS (
            SELECT * FROM (SELECT * FROM ca UNION ALL SELECT * FROM mx) g
            WHERE g.value_usd IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM linked l WHERE l.x = g.us_state AND l.y = g.partner_place_id))
        SELECT border, us_state, partner_place_id, value_usd, mx_exports_usd, first_year,
               last_year, source_id
        FROM gaps
        QUALIFY row_number() OVER (PARTITION BY border ORDER BY value_usd DESC) <= $top
        ORDER BY border, value_usd DESC
        """,
        params,
    )
