"""The overview map's choropleth indicators: one value per state/province for a year."""

from __future__ import annotations

import pandas as pd

from components.query import connection as conn
from components.query.crossings import DEFAULT_MEASURE, state_crossings
from components.query.fdi import fdi_by_state
from components.query.links import initiative_counts
from components.query.trade import mexican_state_exports, state_trade

INDICATORS = ("trade_ca", "trade_mx", "crossings", "initiatives", "fdi")
# Years that have data, per indicator (fixed SQL, no input spliced in).
_YEARS_SQL = {
    "trade_ca": "SELECT DISTINCT year FROM trade_annual WHERE partner_country = 'CA'",
    "trade_mx": "SELECT DISTINCT year FROM trade_annual WHERE partner_country = 'MX'",
    "crossings": "SELECT DISTINCT year FROM crossings_annual",
    "initiatives": "SELECT DISTINCT year FROM initiatives",
    "fdi": "SELECT DISTINCT year FROM fdi",
}


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
    if indicator not in _YEARS_SQL:
        raise ValueError(f"unknown indicator {indicator!r}; expected one of {INDICATORS}")
    return conn.read_sql(db, _YEARS_SQL[indicator] + " ORDER BY year")
