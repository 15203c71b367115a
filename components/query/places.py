"""Reference queries: places, the years and filter values the store holds, and sources."""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn

COUNTRIES = ("US", "CA", "MX")
BORDERS = ("US-Canada", "US-Mexico")
# Tables whose rows carry a source_id, counted per source on the data-sources page.
FACT_TABLES = (
    "places",
    "ports",
    "crossings",
    "crossings_annual",
    "trade",
    "trade_annual",
    "trade_od",
    "fdi",
    "travel",
    "initiatives",
    "facts",
)


def places(db) -> pd.DataFrame:
    """States, provinces, territories and districts (no cities, no countries), by country and name."""
    return conn.read_sql(
        db,
        """
        SELECT place_id, country, kind, name_en, name_es, name_fr, parent_id, postal,
               is_border, border, lat, lon, source_id
        FROM places WHERE kind NOT IN ('city', 'country')
        ORDER BY CASE country WHEN 'US' THEN 0 WHEN 'CA' THEN 1 ELSE 2 END, name_en
        """,
    )


def all_places(db) -> pd.DataFrame:
    """Every place incl. cities: place_id, country, kind, parent_id, names, lat, lon."""
    return conn.read_sql(
        db,
        "SELECT place_id, country, kind, parent_id, name_en, name_es, name_fr, lat, lon, "
        "is_border, border, source_id FROM places ORDER BY place_id",
    )


def place_names(lang: str) -> dict[str, str]:
    """{place_id: name in ``lang``} for every place of the current store (cached in the app)."""
    column = {"en": "name_en", "es": "name_es", "fr": "name_fr"}.get(lang, "name_en")
    frame = conn.load(all_places)
    return dict(zip(frame["place_id"], frame[column], strict=True))


def brief_summary(db, place_id: str) -> pd.DataFrame:
    """Identity of a place for the brief: place_id, country, kind, names, parent_id, border,
    lat, lon, source_id (one row, empty when unknown)."""
    return conn.read_sql(
        db,
        "SELECT place_id, country, kind, name_en, name_es, name_fr, parent_id, border, "
        "lat, lon, source_id FROM places WHERE place_id = $place",
        {"place": place_id},
    )


def year_span(db) -> pd.DataFrame:
    """One row: first/last year of annual trade and of annual crossings (NULL if empty)."""
    return conn.read_sql(
        db,
        """
        SELECT (SELECT min(year) FROM trade_annual) AS trade_first,
               (SELECT max(year) FROM trade_annual) AS trade_last,
               (SELECT min(year) FROM crossings_annual) AS crossings_first,
               (SELECT max(year) FROM crossings_annual) AS crossings_last,
               (SELECT max(year) FROM crossings_annual WHERE months = 12) AS crossings_last_full
        """,
    )


def crossing_measures(db) -> pd.DataFrame:
    """Distinct BTS crossing measures (``measure``), alphabetical."""
    return conn.read_sql(db, "SELECT DISTINCT measure FROM crossings_annual ORDER BY measure")


def trade_modes(db) -> pd.DataFrame:
    """Distinct TransBorder modes (``mode``) of the annual trade table."""
    return conn.read_sql(db, "SELECT DISTINCT mode FROM trade_annual ORDER BY mode")


def hs_chapters(db) -> pd.DataFrame:
    """Distinct 2-digit HS chapters (``hs2``) present in the raw trade table."""
    return conn.read_sql(db, "SELECT DISTINCT hs2 FROM trade WHERE hs2 IS NOT NULL ORDER BY hs2")


def sources(db) -> pd.DataFrame:
    """The ``sources`` table with the number of stored rows per source across fact tables."""
    # Table names come from FACT_TABLES (code, not input): safe to splice in.
    counts = " UNION ALL ".join(
        f"SELECT source_id, '{table}' AS tbl, count(*) AS n FROM {table} GROUP BY source_id"
        for table in FACT_TABLES
    )
    return conn.read_sql(
        db,
        f"""
        WITH counts AS ({counts}),
        per_source AS (
            SELECT source_id, sum(n)::BIGINT AS rows,
                   string_agg(tbl || ' ' || n::VARCHAR, ', ' ORDER BY tbl) AS tables
            FROM counts GROUP BY source_id)
        SELECT s.source_id, s.publisher, s.title, s.url, s.as_of, s.license, s.notes,
               s.loaded_at, s.file_name, coalesce(p.rows, 0) AS rows, p.tables
        FROM sources s LEFT JOIN per_source p USING (source_id)
        ORDER BY s.publisher, s.title
        """,
    )


def sources_for(db, ids) -> pd.DataFrame:
    """Rows of ``sources`` for the given ids: source_id, publisher, title, url, as_of."""
    where, params = conn.in_list("source_id", sorted(set(ids or [])), "id")
    if not params:
        return pd.DataFrame(columns=["source_id", "publisher", "title", "url", "as_of"])
    return conn.read_sql(
        db,
        f"SELECT source_id, publisher, title, url, as_of FROM sources WHERE {where} "
        "ORDER BY publisher, title",
        params,
    )
