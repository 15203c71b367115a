"""Initiative inventory queries: filters, facets, parties, leaders, geometry, counts by year.

Cities count for their state or province wherever initiatives are counted per place
(``PARTY_STATE_SQL``); figures per place and pairs of places are in ``links``.
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn

# Initiative parties as states/provinces: a city party ('US-CA:los-angeles') counts for
# its state, through the places table or, for an unknown city, its id's prefix.
PARTY_STATE_SQL = """
    SELECT DISTINCT ip.initiative_id,
           coalesce(pl.parent_id, split_part(ip.place_id, ':', 1)) AS place_id
    FROM initiative_parties ip LEFT JOIN places pl
      ON pl.place_id = ip.place_id AND pl.kind = 'city'
"""


def initiatives_filtered(
    db,
    party: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    status: str | None = None,
    years: tuple[int, int] | None = None,
    border: str | None = None,
) -> pd.DataFrame:
    """Initiatives matching every given filter (None = any); ``party`` matches a place or its cities.

    Out: initiative_id, name_en/es/fr, kind, year, date, end_year, status, border, sectors
    (list), leaders (JSON text), summary_en/es/fr, parties (', '-joined place ids as listed),
    source_url, source_title, source_publisher, source_id.
    """
    first, last = years if years else (None, None)
    return conn.read_sql(
        db,
        """
        WITH parties AS (
            SELECT initiative_id, string_agg(DISTINCT place_id, ', ' ORDER BY place_id) AS parties
            FROM initiative_parties GROUP BY initiative_id)
        SELECT i.initiative_id, i.name_en, i.name_es, i.name_fr, i.kind, i.year, i.date,
               i.end_year, i.status, i.border, i.sectors, i.leaders, i.summary_en,
               i.summary_es, i.summary_fr, coalesce(p.parties, '') AS parties,
               i.source_url, i.source_title, i.source_publisher, i.source_id
        FROM initiatives i LEFT JOIN parties p USING (initiative_id)
        WHERE ($party IS NULL OR EXISTS (
                  SELECT 1 FROM initiative_parties ip WHERE ip.initiative_id = i.initiative_id
                  AND (ip.place_id = $party OR split_part(ip.place_id, ':', 1) = $party)))
          AND ($kind IS NULL OR i.kind = $kind)
          AND ($sector IS NULL OR list_contains(i.sectors, $sector))
          AND ($status IS NULL OR i.status = $status)
          AND ($first IS NULL OR i.year >= $first) AND ($last IS NULL OR i.year <= $last)
          AND ($border IS NULL OR i.border = $border)
        ORDER BY i.year DESC, i.name_en
        """,
        {
            "party": party,
            "kind": kind,
            "sector": sector,
            "status": status,
            "first": first,
            "last": last,
            "border": border,
        },
    )


def initiative_facets(db) -> pd.DataFrame:
    """Distinct filter values of the inventory. Out: facet ('kind'|'sector'|'status'|'border'), value."""
    return conn.read_sql(
        db,
        """
        SELECT 'kind' AS facet, kind AS value FROM initiatives
        UNION SELECT 'status', status FROM initiatives
        UNION SELECT 'border', border FROM initiatives WHERE border IS NOT NULL
        UNION SELECT 'sector', unnest(sectors) FROM initiatives
        ORDER BY facet, value
        """,
    )


GEOMETRY_COLUMNS = [
    "initiative_id",
    "name_en",
    "a_place",
    "b_place",
    "a_lat",
    "a_lon",
    "b_lat",
    "b_lon",
    "source_id",
]


def initiative_geometry(db, ids) -> pd.DataFrame:
    """Arcs between parties' places in different countries; points for the parties of
    initiatives without such a pair (one party, or all in one country).

    Out: initiative_id, name_en, a_place, b_place (NULL for points), a_lat, a_lon, b_lat,
    b_lon (the places' own points; ``geo.links.pair_ends_at_centres`` moves arc ends to
    economic centres), source_id. Parties without coordinates are skipped.
    """
    where, params = conn.in_list("ip.initiative_id", ids, "id")
    if not params:
        return pd.DataFrame(columns=GEOMETRY_COLUMNS)
    frame = conn.read_sql(
        db,
        f"""
        WITH located AS (
            SELECT DISTINCT ip.initiative_id, ip.place_id, pl.lat, pl.lon
            FROM initiative_parties ip JOIN places pl USING (place_id)
            WHERE {where} AND pl.lat IS NOT NULL AND pl.lon IS NOT NULL),
        arcs AS (
            SELECT a.initiative_id, a.place_id AS a_place, b.place_id AS b_place,
                   a.lat AS a_lat, a.lon AS a_lon, b.lat AS b_lat, b.lon AS b_lon
            FROM located a JOIN located b
              ON a.initiative_id = b.initiative_id AND a.place_id < b.place_id
             AND left(a.place_id, 2) <> left(b.place_id, 2)),
        pairs AS (
            SELECT * FROM arcs
            UNION ALL
            SELECT l.initiative_id, l.place_id, NULL, l.lat, l.lon, NULL, NULL
            FROM located l
            WHERE l.initiative_id NOT IN (SELECT initiative_id FROM arcs))
        SELECT pairs.*, i.name_en, i.source_id
        FROM pairs JOIN initiatives i USING (initiative_id)
        ORDER BY initiative_id, a_place, b_place
        """,
        params,
    )
    return frame


def initiative_counts_by(db, by: str) -> pd.DataFrame:
    """Initiatives started per year and ``by`` ('kind' | 'sector' | 'state').

    Out: year, key, initiatives (count), source_id. 'state' counts each state/province
    party (cities count for their state) once per initiative.
    """
    keys = {
        "kind": "SELECT initiative_id, year, kind AS key, source_id FROM initiatives",
        "sector": "SELECT initiative_id, year, unnest(sectors) AS key, source_id FROM initiatives",
        "state": f"""SELECT i.initiative_id, i.year, party.place_id AS key, i.source_id
                     FROM ({PARTY_STATE_SQL}) party JOIN initiatives i USING (initiative_id)""",
    }
    if by not in keys:
        raise ValueError(f"unknown grouping {by!r}; expected one of {sorted(keys)}")
    return conn.read_sql(
        db,
        f"""
        SELECT year, key, count(DISTINCT initiative_id) AS initiatives, min(source_id) AS source_id
        FROM ({keys[by]}) WHERE key IS NOT NULL
        GROUP BY year, key ORDER BY year, key
        """,
    )


def initiative_parties_of(db, initiative_id: str) -> pd.DataFrame:
    """Parties of one initiative: place_id, organisation, role (as listed)."""
    return conn.read_sql(
        db,
        "SELECT place_id, organisation, role FROM initiative_parties "
        "WHERE initiative_id = $id ORDER BY place_id, organisation NULLS FIRST",
        {"id": initiative_id},
    )


def initiative_leaders(db) -> pd.DataFrame:
    """Every initiative's leaders as stored: initiative_id, name_en, year, border,
    leaders (JSON text, see ``components.leaders``), source_id."""
    return conn.read_sql(
        db, "SELECT initiative_id, name_en, year, border, leaders, source_id FROM initiatives"
    )
