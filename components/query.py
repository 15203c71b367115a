"""THE data module: every SQL statement of the dashboard lives here.

Plain functions take ``db`` (path of the DuckDB store) plus filter values and
return pandas DataFrames, so the CLI and the PDF brief can use them without
Streamlit. Frames meant for display carry a ``source_id`` column;
``sources_for(db, ids)`` turns those ids into publisher/title/url/as_of.

Each query opens the store read-only and closes it, so a load that swaps a new
file in is never seen half-written. In the app, call ``load(fn, *args)``: it
keeps ``fn(db_path(), *args)`` in one in-process cache shared by all sessions
(``cached``), keyed on (function, store path, store mtime_ns, arguments), so a
swapped store misses and its old entries are dropped. Series that change with
the year are fetched for every year at once and cut in pandas (``*_years``).

Other areas append their functions at the END of this file under a comment
header naming their area.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DB_ENV = "BORDERLINKS_DB"
COUNTRIES = ("US", "CA", "MX")
BORDERS = ("US-Canada", "US-Mexico")
# Choropleth indicators of the overview map (value per state/province).
INDICATORS = ("trade_ca", "trade_mx", "crossings", "initiatives", "fdi")
DEFAULT_MEASURE = "Trucks"


# ---------------------------------------------------------------- plumbing


def db_path() -> Path:
    """Store path: env ``BORDERLINKS_DB``, else ``data/borderlinks.duckdb`` in the repo."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    try:
        from ingest.store import default_db_path
    except ImportError:  # ingest.store not written yet on a fresh checkout
        return REPO / "data" / "borderlinks.duckdb"
    return Path(default_db_path())


def store_version(db) -> int:
    """mtime_ns of the store file (0 when missing): part of every cache key."""
    try:
        return Path(db).stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def read_sql(db, sql: str, params: Iterable | None = None) -> pd.DataFrame:
    """Run one read-only query on the store at ``db`` -> DataFrame."""
    # One connection per query, closed at once. DuckDB refuses a second handle on
    # a file already open in this process, and caches databases opened by path, so
    # a long-lived handle would block or mislead the upload's checks and
    # fingerprints. Opening costs ~30 ms; the cache in ``cached`` pays it once per
    # query and store version (the year-dependent series are fetched for all years).
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params or [])).df()
    finally:
        con.close()


def _hashable(value):
    """Lists/sets -> tuples so filter values can be part of a cache key."""
    if isinstance(value, list | set | frozenset):
        return tuple(sorted(value)) if isinstance(value, set | frozenset) else tuple(value)
    return value


# (function, db, store version, args, kwargs) -> result, least recently used first.
_MEMO: OrderedDict = OrderedDict()
_MEMO_LOCK = threading.Lock()
MEMO_ENTRIES = 1024


def load(fn: Callable[..., pd.DataFrame], *args, **kwargs):
    """``fn(db_path(), *args, **kwargs)``, computed once per store version for all sessions.

    ``fn`` is a function whose first parameter is ``db`` (the functions of this
    module, or a builder such as ``state.store_limits``'s). See ``cached``.
    """
    return cached(fn, db_path(), *args, **kwargs)


def cached(fn: Callable[..., pd.DataFrame], db, *args, **kwargs):
    """``fn(db, *args, **kwargs)`` kept in one in-process cache (app sessions, CLI, brief).

    The result is shared, not copied per caller: a DataFrame comes back as a
    shallow copy (pandas copy-on-write keeps the shared one intact if a caller
    changes its copy); other results must be treated as read-only. The key holds
    the store's version, so a swapped store misses and its older entries are dropped.
    """
    db = str(db)
    version = store_version(db)
    args = tuple(_hashable(a) for a in args)
    kwargs = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    key = (fn.__module__, fn.__qualname__, db, version, args, kwargs)
    with _MEMO_LOCK:
        found = key in _MEMO
        if found:
            _MEMO.move_to_end(key)
            value = _MEMO[key]
    if not found:
        value = fn(db, *args, **dict(kwargs))
        with _MEMO_LOCK:
            stale = [k for k in _MEMO if k[2] == db and k[3] != version]
            for k in stale:
                del _MEMO[k]
            _MEMO[key] = value
            while len(_MEMO) > MEMO_ENTRIES:
                _MEMO.popitem(last=False)
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value


def _in_list(column: str, values) -> tuple[str, list]:
    """SQL ``column IN (?, ...)`` and its params; ``TRUE`` when ``values`` is empty/None."""
    values = [v for v in (values or []) if v is not None]
    if not values:
        return "TRUE", []
    return f"{column} IN ({', '.join('?' * len(values))})", values


# ---------------------------------------------------------------- reference


def places(db) -> pd.DataFrame:
    """States, provinces, territories and districts (no cities, no countries), by country and name."""
    return read_sql(
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
    return read_sql(
        db,
        "SELECT place_id, country, kind, parent_id, name_en, name_es, name_fr, lat, lon, "
        "is_border, border, source_id FROM places ORDER BY place_id",
    )


def place_names(lang: str) -> dict[str, str]:
    """{place_id: name in ``lang``} for every place of the current store (cached in the app)."""
    column = {"en": "name_en", "es": "name_es", "fr": "name_fr"}.get(lang, "name_en")
    frame = load(all_places)
    return dict(zip(frame["place_id"], frame[column], strict=True))


def year_span(db) -> pd.DataFrame:
    """One row: first/last year of annual trade and of annual crossings (NULL if empty)."""
    return read_sql(
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
    return read_sql(db, "SELECT DISTINCT measure FROM crossings_annual ORDER BY measure")


def trade_modes(db) -> pd.DataFrame:
    """Distinct TransBorder modes (``mode``) of the annual trade table."""
    return read_sql(db, "SELECT DISTINCT mode FROM trade_annual ORDER BY mode")


def hs_chapters(db) -> pd.DataFrame:
    """Distinct 2-digit HS chapters (``hs2``) present in the raw trade table."""
    return read_sql(db, "SELECT DISTINCT hs2 FROM trade WHERE hs2 IS NOT NULL ORDER BY hs2")


def sources(db) -> pd.DataFrame:
    """The ``sources`` table with the number of stored rows per source across fact tables."""
    counts = " UNION ALL ".join(
        f"SELECT source_id, '{table}' AS tbl, count(*) AS n FROM {table} GROUP BY source_id"
        for table in (
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
    )
    return read_sql(
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
    where, params = _in_list("source_id", sorted(set(ids or [])))
    if not params:
        return pd.DataFrame(columns=["source_id", "publisher", "title", "url", "as_of"])
    return read_sql(
        db,
        f"SELECT source_id, publisher, title, url, as_of FROM sources WHERE {where} "
        "ORDER BY publisher, title",
        params,
    )


# ---------------------------------------------------------------- map indicators
#
# Each figure that changes with the year is computed for EVERY year in one query
# (``*_years``, cached per store version) and cut to one year in pandas: moving the
# year slider then costs no query at all. ``cached`` shares the all-years frame
# between the app's sessions and plain callers (CLI, PDF brief).


def _of_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows of ``year`` from an all-years frame, without the year column, renumbered."""
    rows = frame[frame["year"] == year]
    return rows.drop(columns="year").reset_index(drop=True)


def _up_to_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows of a cumulative all-years frame (one row set per year) as of ``year``.

    A year past the last one holds what the last year holds; a year before the
    first holds nothing.
    """
    years = frame["year"]
    if not years.empty and year > years.max():
        year = int(years.max())
    return _of_year(frame, year)


def state_trade_years(db, partner: str, modes=None) -> pd.DataFrame:
    """US-state trade with ``partner`` ('CA'|'MX') by year, both flows.

    Out: year, place_id, exports, imports, value (USD), source_id; largest first within a year.
    """
    where, params = _in_list("mode", modes)
    return read_sql(
        db,
        f"""
        SELECT year, us_state AS place_id,
               sum(CASE WHEN flow = 'export' THEN value_usd ELSE 0 END) AS exports,
               sum(CASE WHEN flow = 'import' THEN value_usd ELSE 0 END) AS imports,
               sum(value_usd) AS value, min(source_id) AS source_id
        FROM trade_annual
        WHERE partner_country = ? AND us_state IS NOT NULL
          AND us_state <> 'US-XX' AND {where}
        GROUP BY year, us_state ORDER BY year, value DESC, place_id
        """,
        [partner, *params],
    )


def state_trade(db, year: int, partner: str, modes=None) -> pd.DataFrame:
    """US-state trade with ``partner`` ('CA'|'MX') in ``year``, both flows.

    Out: place_id, exports, imports, value (= exports + imports, USD), source_id.
    ``modes`` (list of TransBorder modes) restricts the sum; None = all modes.
    """
    return _of_year(cached(state_trade_years, db, partner, modes), year)


def mexican_state_exports_years(db, modes=None) -> pd.DataFrame:
    """US exports to each Mexican state by year. Out: year, place_id, value (USD), source_id."""
    where, params = _in_list("mode", modes)
    return read_sql(
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
    return _of_year(cached(mexican_state_exports_years, db, modes), year)


def port_totals_years(db, measure: str, border: str | None = None) -> pd.DataFrame:
    """Inbound crossings of ``measure`` per port, for every port and every year with data.

    Out: year, port_code, port_name, place_id, border, lat, lon, status, value (NULL:
    no row that year), months, source_id; by year, then value (largest first, NULL
    last), then port name.
    """
    border_sql = "p.border = ?" if border else "TRUE"
    return read_sql(
        db,
        f"""
        WITH years AS (SELECT DISTINCT year FROM crossings_annual WHERE measure = ?)
        SELECT y.year, p.port_code, p.port_name, p.place_id, p.border, p.lat, p.lon, p.status,
               c.value, c.months, coalesce(c.source_id, p.source_id) AS source_id
        FROM ports p CROSS JOIN years y
        LEFT JOIN crossings_annual c
          ON c.port_code = p.port_code AND c.year = y.year AND c.measure = ?
        WHERE p.lat IS NOT NULL AND {border_sql}
        ORDER BY y.year, c.value DESC NULLS LAST, p.port_name
        """,
        [measure, measure, *([border] if border else [])],
    )


def port_places(db, border: str | None = None) -> pd.DataFrame:
    """Ports with coordinates: port_code, port_name, place_id, border, lat, lon, status, source_id."""
    border_sql = "border = ?" if border else "TRUE"
    return read_sql(
        db,
        f"""
        SELECT port_code, port_name, place_id, border, lat, lon, status, source_id
        FROM ports WHERE lat IS NOT NULL AND {border_sql} ORDER BY port_name
        """,
        [border] if border else [],
    )


def port_totals(db, year: int, measure: str, border: str | None = None) -> pd.DataFrame:
    """Inbound crossings per port in ``year`` for ``measure`` (BTS counts entries into the US).

    Out: port_code, port_name, place_id, border, lat, lon, status, value, months, source_id.
    Ports without a row that year get value NULL (so they still show, as 'no data').
    """
    frame = _of_year(cached(port_totals_years, db, measure, border), year)
    if frame.empty:  # a year without any data for the measure: every port, no values
        ports = cached(port_places, db, border).assign(value=float("nan"), months=float("nan"))
        frame = ports[[*frame.columns]].reset_index(drop=True)
    return frame


def state_crossings_years(db, measure: str) -> pd.DataFrame:
    """Inbound crossings summed over each US state's ports, by year.

    Out: year, place_id, value, ports, source_id.
    """
    return read_sql(
        db,
        """
        SELECT c.year, p.place_id, sum(c.value) AS value, count(DISTINCT p.port_code) AS ports,
               min(c.source_id) AS source_id
        FROM crossings_annual c JOIN ports p USING (port_code)
        WHERE c.measure = ?
        GROUP BY c.year, p.place_id ORDER BY c.year, value DESC, p.place_id
        """,
        [measure],
    )


def state_crossings(db, year: int, measure: str) -> pd.DataFrame:
    """Inbound crossings summed over each US state's ports. Out: place_id, value, ports, source_id."""
    return _of_year(cached(state_crossings_years, db, measure), year)


def _party_state_sql() -> str:
    # Cities count for their state/province: parties may be 'US-CA:los-angeles'.
    return """
        SELECT DISTINCT ip.initiative_id,
               coalesce(pl.parent_id, split_part(ip.place_id, ':', 1)) AS place_id
        FROM initiative_parties ip LEFT JOIN places pl
          ON pl.place_id = ip.place_id AND pl.kind = 'city'
    """


def _inventory_years_sql() -> str:
    # Every year from the first initiative to the last year of any series: the
    # cumulative figures are kept for each (a later year holds the last one's).
    return """
        SELECT range AS year FROM range(
            coalesce((SELECT min(year) FROM initiatives), 0),
            greatest(coalesce((SELECT max(year) FROM initiatives), 0),
                     coalesce((SELECT max(year) FROM trade_annual), 0),
                     coalesce((SELECT max(year) FROM crossings_annual), 0),
                     coalesce((SELECT max(year) FROM fdi), 0)) + 1)
    """


def initiative_counts_years(db, border: str | None = None) -> pd.DataFrame:
    """Number of initiatives each state/province is party to, signed up to each year.

    Out: year, place_id, value (count), source_id (one of them).
    """
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}), years AS ({_inventory_years_sql()})
        SELECT y.year, party.place_id, count(DISTINCT i.initiative_id) AS value,
               min(i.source_id) AS source_id
        FROM party JOIN initiatives i USING (initiative_id) JOIN years y ON i.year <= y.year
        WHERE (? IS NULL OR i.border = ? OR i.border = 'trilateral')
        GROUP BY y.year, party.place_id ORDER BY y.year, value DESC, party.place_id
        """,
        [border, border],
    )


def initiative_counts(db, year: int | None = None, border: str | None = None) -> pd.DataFrame:
    """Number of initiatives each state/province is party to (signed up to ``year``).

    Out: place_id, value (count), source_id (one of them).
    """
    if year is not None:
        return _up_to_year(cached(initiative_counts_years, db, border), year)
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()})
        SELECT party.place_id, count(DISTINCT i.initiative_id) AS value,
               min(i.source_id) AS source_id
        FROM party JOIN initiatives i USING (initiative_id)
        WHERE (? IS NULL OR i.border = ? OR i.border = 'trilateral')
        GROUP BY party.place_id ORDER BY value DESC, party.place_id
        """,
        [border, border],
    )


def fdi_by_state_years(db) -> pd.DataFrame:
    """FDI inflow to each Mexican state by year (quarters summed).

    Out: year, place_id, value (USD), quarters, source_id.
    """
    return read_sql(
        db,
        """
        SELECT year, place_id, sum(value_musd) * 1e6 AS value, count(*) AS quarters,
               min(source_id) AS source_id
        FROM fdi WHERE origin = 'all'
        GROUP BY year, place_id ORDER BY year, value DESC, place_id
        """,
    )


def fdi_by_state(db, year: int) -> pd.DataFrame:
    """FDI inflow to each Mexican state in ``year`` (quarters summed). Out: place_id, value (USD), quarters, source_id."""
    return _of_year(cached(fdi_by_state_years, db), year)


def indicator_values(
    db, indicator: str, year: int, measure: str = DEFAULT_MEASURE, modes=None, border=None
) -> pd.DataFrame:
    """Choropleth values for ``indicator`` (one of INDICATORS). Out: place_id, value, source_id."""
    if indicator not in INDICATORS:
        raise ValueError(f"unknown indicator {indicator!r}; expected one of {INDICATORS}")
    if indicator == "trade_ca":
        frame = state_trade(db, year, "CA", modes)
    elif indicator == "trade_mx":
        frame = pd.concat(
            [state_trade(db, year, "MX", modes), mexican_state_exports(db, year, modes)],
            ignore_index=True,
        )
    elif indicator == "crossings":
        frame = state_crossings(db, year, measure)
    elif indicator == "initiatives":
        frame = initiative_counts(db, year, border)
    else:
        frame = fdi_by_state(db, year)
    return frame[["place_id", "value", "source_id"]].reset_index(drop=True)


def indicator_years(db, indicator: str) -> pd.DataFrame:
    """Years that have data for ``indicator``. Out: one column ``year`` ascending."""
    sql = {
        "trade_ca": "SELECT DISTINCT year FROM trade_annual WHERE partner_country = 'CA'",
        "trade_mx": "SELECT DISTINCT year FROM trade_annual WHERE partner_country = 'MX'",
        "crossings": "SELECT DISTINCT year FROM crossings_annual",
        "initiatives": "SELECT DISTINCT year FROM initiatives",
        "fdi": "SELECT DISTINCT year FROM fdi",
    }[indicator]
    return read_sql(db, sql + " ORDER BY year")


# ---------------------------------------------------------------- links (arcs)


def trade_od_links(db, place_id: str | None = None, top: int = 40) -> pd.DataFrame:
    """Largest US-state <-> Canadian-province flows (cumulative, both directions, all ports).

    Out: us_state, partner_place_id, value_usd, first_year, last_year, source_id;
    restricted to links touching ``place_id`` when given.
    """
    return read_sql(
        db,
        """
        SELECT us_state, partner_place_id, sum(value_usd) AS value_usd,
               min(first_year) AS first_year, max(last_year) AS last_year,
               min(source_id) AS source_id
        FROM trade_od
        WHERE us_state <> 'US-XX' AND (? IS NULL OR us_state = ? OR partner_place_id = ?)
        GROUP BY us_state, partner_place_id
        ORDER BY value_usd DESC LIMIT ?
        """,
        [place_id, place_id, place_id, top],
    )


def initiative_links_years(db, border: str | None = None) -> pd.DataFrame:
    """Cross-border pairs of states/provinces sharing initiatives signed up to each year.

    Out: year, a_place, b_place (different countries, a < b), initiatives (count),
    names (en, '; '), source_id.
    """
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}), years AS ({_inventory_years_sql()}),
        pairs AS (
            SELECT a.place_id AS a_place, b.place_id AS b_place, i.initiative_id, i.name_en,
                   i.source_id, i.year
            FROM party a JOIN party b
              ON a.initiative_id = b.initiative_id AND a.place_id < b.place_id
             AND left(a.place_id, 2) <> left(b.place_id, 2)
            JOIN initiatives i ON i.initiative_id = a.initiative_id
            WHERE (? IS NULL OR i.border = ? OR i.border = 'trilateral'))
        SELECT y.year, a_place, b_place, count(DISTINCT initiative_id) AS initiatives,
               string_agg(DISTINCT name_en, '; ' ORDER BY name_en) AS names,
               min(source_id) AS source_id
        FROM pairs JOIN years y ON pairs.year <= y.year
        GROUP BY y.year, a_place, b_place
        ORDER BY y.year, initiatives DESC, a_place, b_place
        """,
        [border, border],
    )


def initiative_links(db, year: int | None = None, border: str | None = None) -> pd.DataFrame:
    """Cross-border pairs of states/provinces that share an initiative (signed up to ``year``).

    Out: a_place, b_place (different countries, a < b), initiatives (count), names (en, '; '),
    source_id.
    """
    if year is not None:
        return _up_to_year(cached(initiative_links_years, db, border), year)
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}),
        pairs AS (
            SELECT a.place_id AS a_place, b.place_id AS b_place, i.initiative_id, i.name_en,
                   i.source_id
            FROM party a JOIN party b
              ON a.initiative_id = b.initiative_id AND a.place_id < b.place_id
             AND left(a.place_id, 2) <> left(b.place_id, 2)
            JOIN initiatives i ON i.initiative_id = a.initiative_id
            WHERE (? IS NULL OR i.border = ? OR i.border = 'trilateral'))
        SELECT a_place, b_place, count(DISTINCT initiative_id) AS initiatives,
               string_agg(DISTINCT name_en, '; ' ORDER BY name_en) AS names,
               min(source_id) AS source_id
        FROM pairs GROUP BY a_place, b_place ORDER BY initiatives DESC, a_place, b_place
        """,
        [border, border],
    )


# ---------------------------------------------------------------- place profile


def place_trade_series(db, place_id: str) -> pd.DataFrame:
    """Annual trade of a place with the other countries: year, partner, flow, value, source_id.

    US state: its trade with CA and MX. Mexican state: US exports to it. Canadian
    province: empty (TransBorder has no province by year).
    """
    return read_sql(
        db,
        """
        SELECT year, partner_country AS partner, flow, sum(value_usd) AS value,
               min(source_id) AS source_id
        FROM trade_annual
        WHERE (us_state = ?) OR (us_state IS NULL AND partner_place_id = ?)
        GROUP BY year, partner_country, flow ORDER BY year, partner, flow
        """,
        [place_id, place_id],
    )


def place_ports(db, place_id: str, year: int, measure: str) -> pd.DataFrame:
    """Ports of entry in a US state with ``measure`` inbound crossings in ``year``.

    Out: port_code, port_name, border, status, lat, lon, value, months, source_id.
    """
    return read_sql(
        db,
        """
        SELECT p.port_code, p.port_name, p.border, p.status, p.lat, p.lon, c.value, c.months,
               coalesce(c.source_id, p.source_id) AS source_id
        FROM ports p LEFT JOIN crossings_annual c
          ON c.port_code = p.port_code AND c.year = ? AND c.measure = ?
        WHERE p.place_id = ?
        ORDER BY c.value DESC NULLS LAST, p.port_name
        """,
        [year, measure, place_id],
    )


def place_partners(db, place_id: str, top: int = 10) -> pd.DataFrame:
    """Top partners across the border from ``trade_od`` (US state <-> Canadian province).

    Out: partner_id, value_usd, first_year, last_year, source_id. Empty for Mexican states
    (TransBorder does not publish US origin for trade with a Mexican state).
    """
    return read_sql(
        db,
        """
        SELECT CASE WHEN us_state = ? THEN partner_place_id ELSE us_state END AS partner_id,
               sum(value_usd) AS value_usd, min(first_year) AS first_year,
               max(last_year) AS last_year, min(source_id) AS source_id
        FROM trade_od
        WHERE (us_state = ? OR partner_place_id = ?) AND us_state <> 'US-XX'
        GROUP BY partner_id ORDER BY value_usd DESC LIMIT ?
        """,
        [place_id, place_id, place_id, top],
    )


def place_initiatives(db, place_id: str) -> pd.DataFrame:
    """Initiatives the place (or one of its cities) is party to, newest first.

    Out: initiative_id, name_en/es/fr, kind, year, end_year, status, border, summary_en/es/fr,
    partners (other party place ids, ', '), source_url, source_title, source_publisher, source_id.
    """
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}),
        mine AS (SELECT DISTINCT initiative_id FROM party WHERE place_id = ?)
        SELECT i.initiative_id, i.name_en, i.name_es, i.name_fr, i.kind, i.year, i.end_year,
               i.status, i.border, i.summary_en, i.summary_es, i.summary_fr,
               (SELECT string_agg(DISTINCT p.place_id, ', ') FROM party p
                 WHERE p.initiative_id = i.initiative_id AND p.place_id <> ?) AS partners,
               i.source_url, i.source_title, i.source_publisher, i.source_id
        FROM initiatives i JOIN mine USING (initiative_id)
        ORDER BY i.year DESC, i.name_en
        """,
        [place_id, place_id],
    )


def place_facts(db, place_id: str) -> pd.DataFrame:
    """Cited facts about a place: fact_id, partner_place_id, year, value, unit, labels,
    topic, source_url, source_title, source_publisher, source_id."""
    return read_sql(
        db,
        """
        SELECT fact_id, partner_place_id, year, value, unit, label_en, label_es, label_fr, topic,
               source_url, source_title, source_publisher, source_id
        FROM facts WHERE place_id = ? ORDER BY topic, year DESC, fact_id
        """,
        [place_id],
    )


def place_fdi_series(db, place_id: str) -> pd.DataFrame:
    """Annual FDI inflow (USD) to a Mexican state: year, value, quarters, source_id."""
    return read_sql(
        db,
        """
        SELECT year, sum(value_musd) * 1e6 AS value, count(*) AS quarters,
               min(source_id) AS source_id
        FROM fdi WHERE place_id = ? AND origin = 'all' GROUP BY year ORDER BY year
        """,
        [place_id],
    )


def place_neighbours(db, place_id: str) -> pd.DataFrame:
    """Places across the border linked to ``place_id`` by trade_od or a shared initiative.

    Out: place_id (distinct, excludes the place itself).
    """
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}),
        linked AS (
            SELECT partner_place_id AS place_id FROM trade_od WHERE us_state = ?
            UNION SELECT us_state FROM trade_od WHERE partner_place_id = ? AND us_state <> 'US-XX'
            UNION SELECT b.place_id FROM party a JOIN party b USING (initiative_id)
                  WHERE a.place_id = ? AND left(b.place_id, 2) <> left(a.place_id, 2))
        SELECT DISTINCT place_id FROM linked WHERE place_id <> ? ORDER BY place_id
        """,
        [place_id, place_id, place_id, place_id],
    )


# --- presenter/brief (F) ---


def _figure_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Normalise a figure query result to one row: value, unit, first_year, last_year, source_id."""
    columns = ["value", "unit", "first_year", "last_year", "source_id", "cite"]
    if frame.empty or frame["value"].isna().all():
        return pd.DataFrame(columns=columns)
    for column in columns:
        if column not in frame.columns:
            frame[column] = None
    return frame[columns].head(1).reset_index(drop=True)


def scene_figure(db, kind: str, args: dict) -> pd.DataFrame:
    """One number quoted by a presenter scene (kinds in ``components.scenes.FIGURE_KINDS``).

    In: figure kind and its arguments. Out: one row (value, unit, first_year, last_year,
    source_id, cite) or an empty frame when the store has no such data. ``cite`` is the
    primary publication ('publisher, title url') for facts and initiatives, else NULL.
    """
    a = dict(args)
    if kind == "crossings":
        where, params = _in_list("port_code", a["ports"])
        sql = f"""SELECT sum(value) AS value, 'count' AS unit, min(year) AS first_year,
                         max(year) AS last_year, min(source_id) AS source_id
                  FROM crossings_annual WHERE year = ? AND measure = ? AND {where}"""
        frame = read_sql(db, sql, [a["year"], a["measure"], *params])
    elif kind == "border_crossings":
        sql = """SELECT sum(c.value) AS value, 'count' AS unit, min(c.year) AS first_year,
                        max(c.year) AS last_year, min(c.source_id) AS source_id
                 FROM crossings_annual c JOIN ports p USING (port_code)
                 WHERE c.year = ? AND c.measure = ? AND p.border = ?"""
        frame = read_sql(db, sql, [a["year"], a["measure"], a["border"]])
    elif kind == "state_trade":
        where, params = _in_list("us_state", a["places"])
        flow = a.get("flow")
        sql = f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(year) AS first_year,
                         max(year) AS last_year, min(source_id) AS source_id
                  FROM trade_annual WHERE year = ? AND partner_country = ? AND {where}
                    AND (? IS NULL OR flow = ?)"""
        frame = read_sql(db, sql, [a["year"], a["partner"], *params, flow, flow])
    elif kind == "mx_state_exports":
        where, params = _in_list("partner_place_id", a["places"])
        sql = f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(year) AS first_year,
                         max(year) AS last_year, min(source_id) AS source_id
                  FROM trade_annual WHERE year = ? AND us_state IS NULL AND flow = 'export'
                    AND {where}"""
        frame = read_sql(db, sql, [a["year"], *params])
    elif kind == "od_trade":
        where, params = _in_list("partner_place_id", a["partners"])
        sql = f"""SELECT sum(value_usd) AS value, 'USD' AS unit, min(first_year) AS first_year,
                         max(last_year) AS last_year, min(source_id) AS source_id
                  FROM trade_od WHERE us_state = ? AND {where}"""
        frame = read_sql(db, sql, [a["us_state"], *params])
    elif kind == "fdi":
        where, params = _in_list("place_id", a["places"])
        sql = f"""SELECT sum(value_musd) * 1e6 AS value, 'USD' AS unit, min(year) AS first_year,
                         max(year) AS last_year, min(source_id) AS source_id
                  FROM fdi WHERE year = ? AND origin = 'all' AND {where}"""
        frame = read_sql(db, sql, [a["year"], *params])
    elif kind == "travel":
        sql = """SELECT sum(trips) AS value, min(unit) AS unit,
                        min(year(period_start)) AS first_year, max(year(period_end)) AS last_year,
                        min(source_id) AS source_id
                 FROM travel
                 WHERE place_id = ? AND travellers ILIKE ? AND period_start = CAST(? AS DATE)
                   AND country ILIKE ? AND mode = ?"""
        params = [
            a["place"],
            f"%{a['travellers']}%",
            str(a["period_start"]),
            a.get("country") or "United States",
            a.get("mode") or "All modes",
        ]
        frame = read_sql(db, sql, params)
    elif kind == "fact":
        sql = """SELECT f.value, f.unit, f.year AS first_year, f.year AS last_year, f.source_id,
                        f.source_publisher || ', ' || f.source_title || ' ' || f.source_url AS cite
                 FROM facts f WHERE f.fact_id = ?"""
        frame = read_sql(db, sql, [a["fact_id"]])
    elif kind == "initiative":
        sql = """SELECT year AS value, 'year' AS unit, year AS first_year,
                        coalesce(end_year, year) AS last_year, source_id,
                        source_publisher || ', ' || source_title || ' ' || source_url AS cite
                 FROM initiatives WHERE initiative_id = ?"""
        frame = read_sql(db, sql, [a["initiative_id"]])
    else:
        raise ValueError(f"unknown scene figure kind {kind!r}")
    return _figure_frame(frame)


def brief_summary(db, place_id: str) -> pd.DataFrame:
    """Identity of a place for the brief: place_id, country, kind, names, parent_id, border,
    lat, lon, source_id (one row, empty when unknown)."""
    return read_sql(
        db,
        "SELECT place_id, country, kind, name_en, name_es, name_fr, parent_id, border, "
        "lat, lon, source_id FROM places WHERE place_id = ?",
        [place_id],
    )


# --- analysis pages (E2) ---
# Ports/crossings, trade flows, jobs/investment, initiatives inventory, stock-taking.

# Crossing measure groups (BTS counts inbound crossings): people = every person entering,
# vehicles = road vehicles. Raw BTS measure names are accepted as well.
PEOPLE_MEASURES = (
    "Personal Vehicle Passengers",
    "Bus Passengers",
    "Train Passengers",
    "Pedestrians",
)
VEHICLE_MEASURES = ("Personal Vehicles", "Buses", "Trucks")
CROSSING_GROUPS = {"people": PEOPLE_MEASURES, "vehicles": VEHICLE_MEASURES}

# US-Mexico neighbouring state pairs (land border), for the stock-taking gaps: TransBorder
# publishes no US-state x Mexican-state value, so these pairs are ranked by the US
# state's trade with Mexico.
US_MX_NEIGHBOURS = (
    ("US-CA", "MX-BCN"),
    ("US-AZ", "MX-BCN"),
    ("US-AZ", "MX-SON"),
    ("US-NM", "MX-SON"),
    ("US-NM", "MX-CHH"),
    ("US-TX", "MX-CHH"),
    ("US-TX", "MX-COA"),
    ("US-TX", "MX-NLE"),
    ("US-TX", "MX-TAM"),
)


def crossing_measure_parts(measure: str) -> list[str]:
    """BTS measures summed for ``measure`` (a group key 'people'/'vehicles' or one BTS name)."""
    if not measure:
        raise ValueError("a crossing measure is required")
    return list(CROSSING_GROUPS.get(measure, (measure,)))


# Annual crossings per (port, year, measure): computed from the monthly rows where
# monthly rows are loaded for that key, else the snapshot's crossings_annual row.
def _crossings_yearly_sql(cond: str) -> str:
    """SQL of annual crossings rows (port_code, year, measure, value, months, source_id,
    from_monthly) that satisfy ``cond``, a condition on port_code/year/measure.

    ``cond`` filters both sources BEFORE grouping (the full monthly table is 400k rows),
    so its ``?`` params must be passed twice.
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


def _port_filter(port_code=None, place_id=None, border=None) -> tuple[str, list]:
    """SQL condition on ports ``p`` for one port, a US state or a border (all None = every port)."""
    parts, params = [], []
    for column, value in (
        ("p.port_code", port_code),
        ("p.place_id", place_id),
        ("p.border", border),
    ):
        if value:
            parts.append(f"{column} = ?")
            params.append(value)
    return (" AND ".join(parts) or "TRUE"), params


def port_ranking(db, year: int, measure: str, border: str | None = None) -> pd.DataFrame:
    """Ports with their ``measure`` crossings in ``year`` (monthly rows win over the snapshot).

    Out: port_code, port_name, place_id, border, status, lat, lon, value, months,
    from_monthly, source_id; ports without data that year (e.g. planned ones) have value NULL.
    """
    where, params = _in_list("measure", crossing_measure_parts(measure))
    cond, cond_params = f"year = ? AND {where}", [year, *params]
    border_sql = "p.border = ?" if border else "TRUE"
    return read_sql(
        db,
        f"""
        WITH y AS ({_crossings_yearly_sql(cond)}),
        v AS (SELECT port_code, sum(value)::BIGINT AS value, max(months) AS months,
                     bool_or(from_monthly) AS from_monthly, min(source_id) AS source_id
              FROM y GROUP BY port_code)
        SELECT p.port_code, p.port_name, p.place_id, p.border, p.status, p.lat, p.lon,
               v.value, v.months, coalesce(v.from_monthly, FALSE) AS from_monthly,
               coalesce(v.source_id, p.source_id) AS source_id
        FROM ports p LEFT JOIN v USING (port_code)
        WHERE {border_sql} AND (v.value IS NOT NULL OR p.status = 'planned')
        ORDER BY v.value DESC NULLS LAST, p.port_name
        """,
        [*cond_params, *cond_params, *([border] if border else [])],
    )


def crossings_yearly(db, measure: str, port_code=None, place_id=None, border=None) -> pd.DataFrame:
    """Annual ``measure`` crossings for one port, a US state's ports, a border, or all ports.

    Out: year, value, months (max over ports), ports (count), from_monthly, source_id.
    """
    where, params = _in_list("measure", crossing_measure_parts(measure))
    ports_sql, port_params = _port_filter(port_code, place_id, border)
    cond = f"{where} AND port_code IN (SELECT p.port_code FROM ports p WHERE {ports_sql})"
    cond_params = [*params, *port_params]
    return read_sql(
        db,
        f"""
        WITH y AS ({_crossings_yearly_sql(cond)})
        SELECT y.year, sum(y.value)::BIGINT AS value, max(y.months) AS months,
               count(DISTINCT y.port_code) AS ports, bool_or(y.from_monthly) AS from_monthly,
               min(y.source_id) AS source_id
        FROM y GROUP BY y.year ORDER BY y.year
        """,
        [*cond_params, *cond_params],
    )


def crossings_monthly(db, measure: str, port_code=None, place_id=None, border=None) -> pd.DataFrame:
    """Monthly ``measure`` crossings (only where monthly rows are loaded; else empty).

    Out: month (date), value, source_id.
    """
    where, params = _in_list("c.measure", crossing_measure_parts(measure))
    ports_sql, port_params = _port_filter(port_code, place_id, border)
    return read_sql(
        db,
        f"""
        SELECT c.month, sum(c.value)::BIGINT AS value, min(c.source_id) AS source_id
        FROM crossings c JOIN ports p USING (port_code)
        WHERE {where} AND {ports_sql}
        GROUP BY c.month ORDER BY c.month
        """,
        [*params, *port_params],
    )


def ports_catalogue(db) -> pd.DataFrame:
    """Every port: port_code, port_name, place_id, border, status, lat, lon, first_month,
    last_month, source_id, and its source's publisher, title, url, as_of, notes."""
    return read_sql(
        db,
        """
        SELECT p.port_code, p.port_name, p.place_id, p.border, p.status, p.lat, p.lon,
               p.first_month, p.last_month, p.source_id,
               s.publisher, s.title, s.url, s.as_of, s.notes
        FROM ports p LEFT JOIN sources s USING (source_id)
        ORDER BY p.border, p.port_name, p.port_code
        """,
    )


def trade_by_mode(
    db, year: int, partner: str | None = None, flow: str | None = None, modes=None
) -> pd.DataFrame:
    """US-state trade with Canada/Mexico by mode in ``year``.

    Out: us_state, partner_country, mode, value_usd, source_id (``flow`` None = both flows).
    """
    where, params = _in_list("mode", modes)
    return read_sql(
        db,
        f"""
        SELECT us_state, partner_country, mode, sum(value_usd) AS value_usd,
               min(source_id) AS source_id
        FROM trade_annual
        WHERE year = ? AND us_state IS NOT NULL AND us_state <> 'US-XX'
          AND (? IS NULL OR partner_country = ?) AND (? IS NULL OR flow = ?) AND {where}
        GROUP BY us_state, partner_country, mode
        HAVING sum(value_usd) > 0
        ORDER BY value_usd DESC
        """,
        [year, partner, partner, flow, flow, *params],
    )


def trade_pairs(
    db, us_state: str | None = None, partner_place_id: str | None = None, top: int = 25
) -> pd.DataFrame:
    """Top US-state <-> Canadian-province pairs (trade_od: cumulative, both flows, all ports).

    Out: us_state, partner_place_id, value_usd, ports, first_year, last_year, source_id.
    """
    return read_sql(
        db,
        """
        SELECT us_state, partner_place_id, sum(value_usd) AS value_usd,
               count(DISTINCT port_code) AS ports, min(first_year) AS first_year,
               max(last_year) AS last_year, min(source_id) AS source_id
        FROM trade_od
        WHERE us_state <> 'US-XX' AND (? IS NULL OR us_state = ?)
          AND (? IS NULL OR partner_place_id = ?)
        GROUP BY us_state, partner_place_id
        ORDER BY value_usd DESC LIMIT ?
        """,
        [us_state, us_state, partner_place_id, partner_place_id, top],
    )


def state_trade_series(db, us_state: str, modes=None) -> pd.DataFrame:
    """A US state's annual trade with Canada and Mexico. Out: year, partner_country, flow,
    value_usd, source_id."""
    where, params = _in_list("mode", modes)
    return read_sql(
        db,
        f"""
        SELECT year, partner_country, flow, sum(value_usd) AS value_usd,
               min(source_id) AS source_id
        FROM trade_annual WHERE us_state = ? AND {where}
        GROUP BY year, partner_country, flow ORDER BY year, partner_country, flow
        """,
        [us_state, *params],
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
    return read_sql(
        db,
        f"""
        WITH hs AS ({_hs_rows_sql()} AND t.year = ?),
        pick AS (
            SELECT CASE WHEN bool_or(table_type = 'DOT2') THEN 'DOT2'
                        WHEN ? IS NULL THEN 'DOT3' END AS table_type
            FROM hs)
        SELECT hs2, sum(value_usd) AS value_usd, count(DISTINCT month) AS months,
               min(table_type) AS table_type, min(source_id) AS source_id
        FROM hs JOIN pick USING (table_type)
        WHERE (? IS NULL OR us_state = ?) AND (? IS NULL OR partner_country = ?)
          AND (? IS NULL OR flow = ?)
        GROUP BY hs2 ORDER BY value_usd DESC, hs2
        """,
        [year, us_state, us_state, us_state, partner, partner, flow, flow],
    )


def commodity_months(db) -> pd.DataFrame:
    """Months with trade by HS chapter in the store. Out: table_type, year, month (sorted)."""
    return read_sql(
        db,
        "SELECT DISTINCT table_type, year, month FROM trade WHERE hs2 IS NOT NULL "
        "ORDER BY year, month, table_type",
    )


def fdi_yearly(db, place_ids=None) -> pd.DataFrame:
    """Annual FDI inflow (US$ M) per Mexican state: quarters summed; annual rows where no quarters.

    Out: place_id, year, value_musd, quarters (count; 0 = published as annual), source_id.
    No origin split is published: only origin 'all' is used.
    """
    where, params = _in_list("place_id", place_ids)
    return read_sql(
        db,
        f"""
        WITH q AS (
            SELECT place_id, year, sum(value_musd) AS value_musd, count(*) AS quarters,
                   min(source_id) AS source_id
            FROM fdi WHERE origin = 'all' AND quarter IS NOT NULL GROUP BY place_id, year),
        a AS (
            SELECT place_id, year, sum(value_musd) AS value_musd, 0 AS quarters,
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
    where, params = _in_list("topic", topics)
    return read_sql(
        db,
        f"""
        SELECT fact_id, place_id, partner_place_id, year, value, qualifier, unit, label_en,
               label_es, label_fr, topic, source_url, source_title, source_publisher, source_id
        FROM facts
        WHERE {where} AND (? IS NULL OR place_id = ? OR partner_place_id = ?)
        ORDER BY topic, year DESC NULLS LAST, fact_id
        """,
        [*params, place_id, place_id, place_id],
    )


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
    lo, hi = years if years else (None, None)
    return read_sql(
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
        WHERE (? IS NULL OR EXISTS (
                  SELECT 1 FROM initiative_parties ip WHERE ip.initiative_id = i.initiative_id
                  AND (ip.place_id = ? OR split_part(ip.place_id, ':', 1) = ?)))
          AND (? IS NULL OR i.kind = ?) AND (? IS NULL OR list_contains(i.sectors, ?))
          AND (? IS NULL OR i.status = ?) AND (? IS NULL OR i.year >= ?)
          AND (? IS NULL OR i.year <= ?) AND (? IS NULL OR i.border = ?)
        ORDER BY i.year DESC, i.name_en
        """,
        [
            party,
            party,
            party,
            kind,
            kind,
            sector,
            sector,
            status,
            status,
            lo,
            lo,
            hi,
            hi,
            border,
            border,
        ],
    )


def initiative_facets(db) -> pd.DataFrame:
    """Distinct filter values of the inventory. Out: facet ('kind'|'sector'|'status'|'border'), value."""
    return read_sql(
        db,
        """
        SELECT 'kind' AS facet, kind AS value FROM initiatives
        UNION SELECT 'status', status FROM initiatives
        UNION SELECT 'border', border FROM initiatives WHERE border IS NOT NULL
        UNION SELECT 'sector', unnest(sectors) FROM initiatives
        ORDER BY facet, value
        """,
    )


def initiative_geometry(db, ids) -> pd.DataFrame:
    """Arcs between parties' places in different countries; points for the parties of
    initiatives without such a pair (one party, or all in one country).

    Out: initiative_id, name_en, a_place, b_place (NULL for points), a_lat, a_lon, b_lat,
    b_lon, source_id. Parties without coordinates are skipped.
    """
    where, params = _in_list("ip.initiative_id", ids)
    if not params:
        return pd.DataFrame(
            columns=[
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
        )
    return read_sql(
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


def initiative_counts_by(db, by: str) -> pd.DataFrame:
    """Initiatives started per year and ``by`` ('kind' | 'sector' | 'state').

    Out: year, key, initiatives (count), source_id. 'state' counts each state/province
    party (cities count for their state) once per initiative.
    """
    keys = {
        "kind": "SELECT initiative_id, year, kind AS key, source_id FROM initiatives",
        "sector": "SELECT initiative_id, year, unnest(sectors) AS key, source_id FROM initiatives",
        "state": f"""SELECT i.initiative_id, i.year, party.place_id AS key, i.source_id
                     FROM ({_party_state_sql()}) party JOIN initiatives i USING (initiative_id)""",
    }
    if by not in keys:
        raise ValueError(f"unknown grouping {by!r}; expected one of {sorted(keys)}")
    return read_sql(
        db,
        f"""
        SELECT year, key, count(DISTINCT initiative_id) AS initiatives, min(source_id) AS source_id
        FROM ({keys[by]}) WHERE key IS NOT NULL
        GROUP BY year, key ORDER BY year, key
        """,
    )


def trade_gaps(db, year: int, top: int = 20) -> pd.DataFrame:
    """Cross-border pairs that trade heavily but share no initiative ("gaps worth a conversation").

    US-Canada: state-province pairs from trade_od (cumulative value, both flows).
    US-Mexico: neighbouring state pairs (US_MX_NEIGHBOURS) valued by the US state's
    trade with Mexico in ``year`` (no pair value is published); mx_exports_usd = US exports
    to the Mexican state that year. Out: border, us_state, partner_place_id, value_usd,
    mx_exports_usd, first_year, last_year, source_id; top ``top`` per border.
    """
    pairs_sql = " UNION ALL ".join(
        "SELECT ? AS us_state, ? AS partner_place_id" for _ in US_MX_NEIGHBOURS
    )
    pair_params = [v for pair in US_MX_NEIGHBOURS for v in pair]
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()}),
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
                   (SELECT sum(value_usd) FROM trade_annual t WHERE t.year = ?
                      AND t.us_state = n.us_state AND t.partner_country = 'MX') AS value_usd,
                   (SELECT sum(value_usd) FROM trade_annual t WHERE t.year = ?
                      AND t.us_state IS NULL AND t.partner_place_id = n.partner_place_id
                      AND t.flow = 'export') AS mx_exports_usd,
                   ? AS first_year, ? AS last_year,
                   (SELECT min(source_id) FROM trade_annual t WHERE t.year = ?
                      AND t.us_state = n.us_state) AS source_id
            FROM neighbours n),
        gaps AS (
            SELECT * FROM (SELECT * FROM ca UNION ALL SELECT * FROM mx) g
            WHERE g.value_usd IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM linked l WHERE l.x = g.us_state AND l.y = g.partner_place_id))
        SELECT border, us_state, partner_place_id, value_usd, mx_exports_usd, first_year,
               last_year, source_id
        FROM gaps
        QUALIFY row_number() OVER (PARTITION BY border ORDER BY value_usd DESC) <= ?
        ORDER BY border, value_usd DESC
        """,
        [*pair_params, year, year, year, year, year, top],
    )


def parse_leaders(raw) -> list[dict]:
    """Parse the ``leaders`` JSON text (list of {name, role, party, place_id}); [] if unusable."""
    import json

    if raw is None or (isinstance(raw, float) and pd.isna(raw)) or raw == "":
        return []
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def initiative_parties_of(db, initiative_id: str) -> pd.DataFrame:
    """Parties of one initiative: place_id, organisation, role (as listed)."""
    return read_sql(
        db,
        "SELECT place_id, organisation, role FROM initiative_parties "
        "WHERE initiative_id = ? ORDER BY place_id, organisation NULLS FIRST",
        [initiative_id],
    )


def leader_parties(db) -> pd.DataFrame:
    """One row per (initiative, leader) with a party. Out: initiative_id, name_en, year, border,
    leader, role, party, place_id, source_id."""
    frame = read_sql(
        db, "SELECT initiative_id, name_en, year, border, leaders, source_id FROM initiatives"
    )
    rows = []
    for rec in frame.to_dict("records"):
        for leader in parse_leaders(rec["leaders"]):
            party = (leader.get("party") or "").strip()
            if not party:
                continue
            rows.append(
                {
                    "initiative_id": rec["initiative_id"],
                    "name_en": rec["name_en"],
                    "year": rec["year"],
                    "border": rec["border"],
                    "leader": leader.get("name"),
                    "role": leader.get("role"),
                    "party": party,
                    "place_id": leader.get("place_id") or leader.get("place"),
                    "source_id": rec["source_id"],
                }
            )
    columns = [
        "initiative_id",
        "name_en",
        "year",
        "border",
        "leader",
        "role",
        "party",
        "place_id",
        "source_id",
    ]
    return pd.DataFrame(rows, columns=columns)


def party_spread(db) -> pd.DataFrame:
    """Per initiative with known leader parties: initiative_id, name_en, year, parties
    (count of distinct parties), party_list ('; '), cross_party (parties > 1), source_id."""
    long = leader_parties(db)
    columns = [
        "initiative_id",
        "name_en",
        "year",
        "parties",
        "party_list",
        "cross_party",
        "source_id",
    ]
    if long.empty:
        return pd.DataFrame(columns=columns)
    grouped = (
        long.groupby(["initiative_id", "name_en", "year", "source_id"])["party"]
        .agg(lambda s: sorted(set(s)))
        .reset_index()
    )
    grouped["parties"] = grouped["party"].map(len)
    grouped["party_list"] = grouped["party"].map("; ".join)
    grouped["cross_party"] = grouped["parties"] > 1
    return grouped[columns].sort_values(["parties", "year"], ascending=[False, False])


# ---------------------------------------------------------------- one cross-border pair


def pair_initiatives(
    db, a: str, b: str, year: int | None = None, border: str | None = None
) -> pd.DataFrame:
    """Initiatives both places ``a`` and ``b`` are party to (their cities count for them),
    signed up to ``year`` and on ``border`` (trilateral ones too), as ``initiative_links``
    counts them.

    Out: initiative_id, name_en, name_es, name_fr, year, border, source_url, source_title,
    source_publisher (the record's own source), source_id (the inventory's); newest first.
    """
    return read_sql(
        db,
        f"""
        WITH party AS ({_party_state_sql()})
        SELECT i.initiative_id, i.name_en, i.name_es, i.name_fr, i.year, i.border,
               i.source_url, i.source_title, i.source_publisher, i.source_id
        FROM initiatives i
        WHERE i.initiative_id IN (SELECT initiative_id FROM party WHERE place_id = ?)
          AND i.initiative_id IN (SELECT initiative_id FROM party WHERE place_id = ?)
          AND (? IS NULL OR i.year <= ?)
          AND (? IS NULL OR i.border = ? OR i.border = 'trilateral')
        ORDER BY i.year DESC, i.name_en
        """,
        [a, b, year, year, border, border],
    )


# ---------------------------------------------------------------- HS chapter names (trade)

# Set on first use: the names are committed reference files (data/codes), not store rows,
# so they do not change with the store and are read once per process.
_HS_NAMES: dict[str, dict[str, str]] = {}
_HS_NAMES_LOCK = threading.Lock()


def hs_chapter_names() -> dict[str, dict[str, str]]:
    """{hs2: {'name_en', 'name_es', 'name_fr', 'name_short_en', ...}} for every HS chapter.

    Full official titles (``name_*``) and our short labels (``name_short_*``), read from
    ``data/codes/hs_chapters.csv`` + ``hs_chapters_i18n.csv`` once and shared: read-only.
    """
    if not _HS_NAMES:
        from ingest import transborder_codes  # plain python; keeps query's import light

        names = transborder_codes.read_hs_chapter_names(REPO / "data" / "codes")
        with _HS_NAMES_LOCK:
            _HS_NAMES.update(names)
    return _HS_NAMES
