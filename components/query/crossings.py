"""Border-crossing queries (BTS counts inbound crossings into the US): ports, states, series.

Each map figure that changes with the year is computed for every year in one query
(``*_years``, cached per store version) and cut to one year in pandas, so moving the
year slider costs no query.
"""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn

DEFAULT_MEASURE = "Trucks"
# Crossing measure groups: people = every person entering, vehicles = road vehicles.
# Raw BTS measure names are accepted as well.
PEOPLE_MEASURES = (
    "Personal Vehicle Passengers",
    "Bus Passengers",
    "Train Passengers",
    "Pedestrians",
)
VEHICLE_MEASURES = ("Personal Vehicles", "Buses", "Trucks")
CROSSING_GROUPS = {"people": PEOPLE_MEASURES, "vehicles": VEHICLE_MEASURES}


def crossing_measure_parts(measure: str) -> list[str]:
    """BTS measures summed for ``measure`` (a group key 'people'/'vehicles' or one BTS name)."""
    if not measure:
        raise ValueError("a crossing measure is required")
    return list(CROSSING_GROUPS.get(measure, (measure,)))


def port_totals_years(db, measure: str, border: str | None = None) -> pd.DataFrame:
    """Inbound crossings of ``measure`` per port, for every port and every year with data.

    Out: year, port_code, port_name, place_id, border, lat, lon, status, value (NULL:
    no row that year), months, source_id; by year, then value (largest first, NULL
    last), then port name.
    """
    return conn.read_sql(
        db,
        """
        WITH years AS (SELECT DISTINCT year FROM crossings_annual WHERE measure = $measure)
        SELECT y.year, p.port_code, p.port_name, p.place_id, p.border, p.lat, p.lon, p.status,
               c.value, c.months, coalesce(c.source_id, p.source_id) AS source_id
        FROM ports p CROSS JOIN years y
        LEFT JOIN crossings_annual c
          ON c.port_code = p.port_code AND c.year = y.year AND c.measure = $measure
        WHERE p.lat IS NOT NULL AND ($border IS NULL OR p.border = $border)
        ORDER BY y.year, c.value DESC NULLS LAST, p.port_name
        """,
        {"measure": measure, "border": border or None},
    )


def port_places(db, border: str | None = None) -> pd.DataFrame:
    """Ports with coordinates: port_code, port_name, place_id, border, lat, lon, status, source_id."""
    return conn.read_sql(
        db,
        """
        SELECT port_code, port_name, place_id, border, lat, lon, status, source_id
        FROM ports WHERE lat IS NOT NULL AND ($border IS NULL OR border = $border)
        ORDER BY port_name
        """,
        {"border": border or None},
    )


def port_totals(db, year: int, measure: str, border: str | None = None) -> pd.DataFrame:
    """Inbound crossings per port in ``year`` for ``measure`` (BTS counts entries into the US).

    Out: port_code, port_name, place_id, border, lat, lon, status, value, months, source_id.
    Ports without a row that year get value NULL (so they still show, as 'no data').
    """
    frame = conn.of_year(conn.cached(port_totals_years, db, measure, border), year)
    if frame.empty:  # a year without any data for the measure: every port, no values
        ports = conn.cached(port_places, db, border).assign(value=float("nan"), months=float("nan"))
        frame = ports[[*frame.columns]].reset_index(drop=True)
    return frame


def state_crossings_years(db, measure: str) -> pd.DataFrame:
    """Inbound crossings summed over each US state's ports, by year.

    Out: year, place_id, value, ports, source_id.
    """
    return conn.read_sql(
        db,
        """
        SELECT c.year, p.place_id, sum(c.value) AS value, count(DISTINCT p.port_code) AS ports,
               min(c.source_id) AS source_id
        FROM crossings_annual c JOIN ports p USING (port_code)
        WHERE c.measure = $measure
        GROUP BY c.year, p.place_id ORDER BY c.year, value DESC, p.place_id
        """,
        {"measure": measure},
    )


def state_crossings(db, year: int, measure: str) -> pd.DataFrame:
    """Inbound crossings summed over each US state's ports. Out: place_id, value, ports, source_id."""
    return conn.of_year(conn.cached(state_crossings_years, db, measure), year)


def place_ports(db, place_id: str, year: int, measure: str) -> pd.DataFrame:
    """Ports of entry in a US state with ``measure`` inbound crossings in ``year``.

    Out: port_code, port_name, border, status, lat, lon, value, months, source_id.
    """
    return conn.read_sql(
        db,
        """
        SELECT p.port_code, p.port_name, p.border, p.status, p.lat, p.lon, c.value, c.months,
               coalesce(c.source_id, p.source_id) AS source_id
        FROM ports p LEFT JOIN crossings_annual c
          ON c.port_code = p.port_code AND c.year = $year AND c.measure = $measure
        WHERE p.place_id = $place
        ORDER BY c.value DESC NULLS LAST, p.port_name
        """,
        {"year": year, "measure": measure, "place": place_id},
    )


def _crossings_yearly_sql(cond: str) -> str:
    """SQL of annual crossings rows (port_code, year, measure, value, months, source_id,
    from_monthly) that satisfy ``cond``, a condition on port_code/year/measure.

    Monthly rows win where they are loaded for a (port, year, measure), else the
    snapshot's crossings_annual row counts. ``cond`` filters both sources BEFORE
    grouping: the full monthly table is 400k rows.
    """
    return f"""
    WITH m_rows AS (
        SELECT port_code, year(month)::INTEGER AS year, month, measure, value, source_id
        FROM crossings),
    monthly AS (
        SELECT port_code, year, measure, sum(value)::BIGINT AS value,
               count(DISTINCT month)::INTEGER AS months, min(source_id) AS source_id,
               TRUE AS from_monthly
        FROM m_rows WHERE {cond} GROUP BY port_code, year, measure)
    SELECT * FROM monthly
    UNION ALL
    SELECT a.port_code, a.year, a.measure, a.value, a.months, a.source_id, FALSE
    FROM crossings_annual a
    WHERE ({cond}) AND NOT EXISTS (SELECT 1 FROM monthly m WHERE m.port_code = a.port_code
                                   AND m.year = a.year AND m.measure = a.measure)
    """


_PORT_FILTER = """($port_code IS NULL OR p.port_code = $port_code)
    AND ($place IS NULL OR p.place_id = $place) AND ($border IS NULL OR p.border = $border)"""


def port_ranking(db, year: int, measure: str, border: str | None = None) -> pd.DataFrame:
    """Ports with their ``measure`` crossings in ``year`` (monthly rows win over the snapshot).

    Out: port_code, port_name, place_id, border, status, lat, lon, value, months,
    from_monthly, source_id; ports without data that year (e.g. planned ones) have value NULL.
    """
    where, params = conn.in_list("measure", crossing_measure_parts(measure), "measure")
    return conn.read_sql(
        db,
        f"""
        WITH y AS ({_crossings_yearly_sql(f"year = $year AND {where}")}),
        v AS (SELECT port_code, sum(value)::BIGINT AS value, max(months) AS months,
                     bool_or(from_monthly) AS from_monthly, min(source_id) AS source_id
              FROM y GROUP BY port_code)
        SELECT p.port_code, p.port_name, p.place_id, p.border, p.status, p.lat, p.lon,
               v.value, v.months, coalesce(v.from_monthly, FALSE) AS from_monthly,
               coalesce(v.source_id, p.source_id) AS source_id
        FROM ports p LEFT JOIN v USING (port_code)
        WHERE ($border IS NULL OR p.border = $border)
          AND (v.value IS NOT NULL OR p.status = 'planned')
        ORDER BY v.value DESC NULLS LAST, p.port_name
        """,
        {**params, "year": year, "border": border or None},
    )


def crossings_yearly(db, measure: str, port_code=None, place_id=None, border=None) -> pd.DataFrame:
    """Annual ``measure`` crossings for one port, a US state's ports, a border, or all ports.

    Out: year, value, months (max over ports), ports (count), from_monthly, source_id.
    """
    where, params = conn.in_list("measure", crossing_measure_parts(measure), "measure")
    cond = f"{where} AND port_code IN (SELECT p.port_code FROM ports p WHERE {_PORT_FILTER})"
    return conn.read_sql(
        db,
        f"""
        WITH y AS ({_crossings_yearly_sql(cond)})
        SELECT y.year, sum(y.value)::BIGINT AS value, max(y.months) AS months,
               count(DISTINCT y.port_code) AS ports, bool_or(y.from_monthly) AS from_monthly,
               min(y.source_id) AS source_id
        FROM y GROUP BY y.year ORDER BY y.year
        """,
        {
            **params,
            "port_code": port_code or None,
            "place": place_id or None,
            "border": border or None,
        },
    )


def crossings_monthly(db, measure: str, port_code=None, place_id=None, border=None) -> pd.DataFrame:
    """Monthly ``measure`` crossings (only where monthly rows are loaded; else empty).

    Out: month (date), value, source_id.
    """
    where, params = conn.in_list("c.measure", crossing_measure_parts(measure), "measure")
    return conn.read_sql(
        db,
        f"""
        SELECT c.month, sum(c.value)::BIGINT AS value, min(c.source_id) AS source_id
        FROM crossings c JOIN ports p USING (port_code)
        WHERE {where} AND {_PORT_FILTER}
        GROUP BY c.month ORDER BY c.month
        """,
        {
            **params,
            "port_code": port_code or None,
            "place": place_id or None,
            "border": border or None,
        },
    )


def ports_catalogue(db) -> pd.DataFrame:
    """Every port: port_code, port_name, place_id, border, status, lat, lon, first_month,
    last_month, source_id, and its source's publisher, title, url, as_of, notes."""
    return conn.read_sql(
        db,
        """
        SELECT p.port_code, p.port_name, p.place_id, p.border, p.status, p.lat, p.lon,
               p.first_month, p.last_month, p.source_id,
               s.publisher, s.title, s.url, s.as_of, s.notes
        FROM ports p LEFT JOIN sources s USING (source_id)
        ORDER BY p.border, p.port_name, p.port_code
        """,
    )
