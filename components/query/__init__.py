"""The query package: every SQL statement of the dashboard, by domain, and the one cache.

Plain functions take ``db`` (path of the DuckDB store) plus filter values and return
pandas DataFrames, so the CLI and the PDF brief use them without Streamlit. Frames meant
for display carry a ``source_id`` column; ``sources_for(db, ids)`` turns those ids into
publisher/title/url/as_of. In the app, call ``query.load(fn, *args)`` (see ``connection``).

Modules: ``connection`` (store path, read_sql, cache), ``places`` (reference tables,
sources), ``crossings``, ``trade``, ``initiatives`` (inventory), ``links`` (initiatives per
place and pair, trade gaps), ``fdi`` (investment by origin, one series per year, and
facts), ``fdi_sector`` (investment by SCIAN sector), ``trade_sector`` (US exports to
Mexican states by HS section, annual), ``indicators`` (map
choropleth), ``scene_figures`` (figures quoted by presenter scenes). Callers use the
names re-exported here (``from components import query``; ``query.places(db)``). A new
query goes in the module of its domain and is added to this list.
"""

from __future__ import annotations

from components.query import connection
from components.query.connection import (
    DB_ENV,
    MEMO_ENTRIES,
    REPO,
    cached,
    db_path,
    load,
    read_sql,
    store_version,
)
from components.query.crossings import (
    CROSSING_GROUPS,
    DEFAULT_MEASURE,
    PEOPLE_MEASURES,
    VEHICLE_MEASURES,
    crossing_measure_parts,
    crossings_monthly,
    crossings_yearly,
    place_ports,
    port_places,
    port_ranking,
    port_totals,
    port_totals_years,
    ports_catalogue,
    state_crossings,
    state_crossings_years,
)
from components.query.fdi import (
    facts_list,
    fdi_by_state,
    fdi_by_state_years,
    fdi_origin_years,
    fdi_place_origins,
    fdi_yearly,
    place_facts,
    place_fdi_series,
)
from components.query.fdi_sector import fdi_sector_years
from components.query.indicators import INDICATORS, indicator_values, indicator_years
from components.query.initiatives import (
    initiative_counts_by,
    initiative_facets,
    initiative_geometry,
    initiative_leaders,
    initiative_parties_of,
    initiatives_filtered,
)
from components.query.links import (
    initiative_counts,
    initiative_counts_years,
    initiative_links,
    initiative_links_years,
    pair_initiatives,
    place_initiatives,
    trade_gaps,
)
from components.query.places import (
    BORDERS,
    COUNTRIES,
    all_places,
    brief_summary,
    crossing_measures,
    hs_chapters,
    place_names,
    places,
    sources,
    sources_for,
    trade_modes,
    year_span,
)
from components.query.scene_figures import FIGURE_KINDS, FigureKind, scene_figure
from components.query.trade import (
    commodity_months,
    mexican_state_exports,
    mexican_state_exports_years,
    place_partners,
    place_trade_series,
    state_trade,
    state_trade_series,
    state_trade_years,
    trade_by_mode,
    trade_commodities,
    trade_od_links,
    trade_pairs,
)
from components.query.trade_sector import sector_exports_by_state, sector_exports_years

__all__ = [
    "BORDERS",
    "COUNTRIES",
    "CROSSING_GROUPS",
    "DB_ENV",
    "DEFAULT_MEASURE",
    "FIGURE_KINDS",
    "INDICATORS",
    "MEMO_ENTRIES",
    "PEOPLE_MEASURES",
    "REPO",
    "VEHICLE_MEASURES",
    "FigureKind",
    "all_places",
    "brief_summary",
    "cached",
    "commodity_months",
    "connection",
    "crossing_measure_parts",
    "crossing_measures",
    "crossings_monthly",
    "crossings_yearly",
    "db_path",
    "facts_list",
    "fdi_by_state",
    "fdi_by_state_years",
    "fdi_origin_years",
    "fdi_place_origins",
    "fdi_sector_years",
    "fdi_yearly",
    "hs_chapters",
    "indicator_values",
    "indicator_years",
    "initiative_counts",
    "initiative_counts_by",
    "initiative_counts_years",
    "initiative_facets",
    "initiative_geometry",
    "initiative_leaders",
    "initiative_links",
    "initiative_links_years",
    "initiative_parties_of",
    "initiatives_filtered",
    "load",
    "mexican_state_exports",
    "mexican_state_exports_years",
    "pair_initiatives",
    "place_facts",
    "place_fdi_series",
    "place_initiatives",
    "place_names",
    "place_partners",
    "place_ports",
    "place_trade_series",
    "places",
    "port_places",
    "port_ranking",
    "port_totals",
    "port_totals_years",
    "ports_catalogue",
    "read_sql",
    "scene_figure",
    "sector_exports_by_state",
    "sector_exports_years",
    "sources",
    "sources_for",
    "state_crossings",
    "state_crossings_years",
    "state_trade",
    "state_trade_series",
    "state_trade_years",
    "store_version",
    "trade_by_mode",
    "trade_commodities",
    "trade_gaps",
    "trade_modes",
    "trade_od_links",
    "trade_pairs",
    "year_span",
]
