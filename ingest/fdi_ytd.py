"""Secretaría de Economía FDI workbooks of release 2025 3T: year-to-date rows -> quarters.

SE publishes each quarter as the running total since January (Q1 = Jan-Mar, Q2 =
Jan-Jun, ...). The store holds single-quarter flows, so a quarter is its row minus
the previous row of the same year. A confidential cell ("C") is unknown, and so is
any difference that needs it: both get ``value_musd`` NULL and ``confidential`` true,
never 0. ``ytd_musd`` keeps the published running total, so a year's total stays
known (its Q4 row) even when a quarter inside it is confidential.

Shared by ``ingest.fdi_origin`` and ``ingest.fdi_sector``, which also share the
committed snapshot layout: published running totals with an empty cell where SE
wrote "C", every quarter for a partial year and only the Q4 row for a full year.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from ingest.fdi import ISO_BY_NAME_KEY, name_key
from ingest.model import LoadError, Source
from ingest.parquet_table import whole_numbers
from ingest.readers import parse_ints, parse_numbers, read_frame, refuse_where

SHARED_DIR = "mexico_fdi_by_state_origin_sector_2006_2025"
FIRST_YEAR = 2006
#: Last quarter of the release: 2025 stops at Q2 (January-June).
AS_OF = date(2025, 6, 30)
SE_PUBLISHER = "Secretaría de Economía (Mexico), Dirección General de Inversión Extranjera"
#: SE's open-data listing of its FDI statistics (the workbooks of each release).
SE_URL = "https://datos.gob.mx/busca/dataset/inversion-extranjera-directa"
SE_LICENSE = "Libre Uso MX (Mexican federal open data)"
CONVERSION = (
    "Quarters published year-to-date (cumulative since January); stored as single-quarter "
    "flows (Q1 as published, then differences) with the running total in ytd_musd. "
    "Confidential cells ('C') and differences involving them are NULL with confidential = "
    "true, never 0. Workbooks converted to Parquet by github.com/AdnachielBismarck/IED "
    "(commit 3b29701, third-party conversion; figures are SE's)."
)


def se_source(source_id: str, what: str, file_name: str | None) -> Source:
    """The ``sources`` row of one table of SE's release 2025 3T."""
    return Source(
        source_id=source_id,
        publisher=SE_PUBLISHER,
        title=f"Flujos de inversión extranjera directa {what}, trimestral, 2006 T1 - 2025 T2 "
        "(millones de dólares; publicación 2025 3T)",
        url=SE_URL,
        as_of=AS_OF,
        license=SE_LICENSE,
        notes=CONVERSION,
        file_name=file_name,
    )


def state_ids(path: Path, frame: pd.DataFrame, column: str) -> pd.Series:
    """Mexican state names (accents, case, spacing ignored) -> ISO 3166-2; refuse unknown ones."""
    place = frame[column].astype(str).map(name_key).map(ISO_BY_NAME_KEY)
    refuse_where(
        path, frame, place.isna(), column, lambda r: f"unknown Mexican state name {r[column]!r}"
    )
    return place


def year_quarter(path: Path, frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Checked ``Year`` and ``Q`` columns; ``Fecha`` (quarter end) must agree when present."""
    year = whole_numbers(path, frame, "Year", FIRST_YEAR, date.today().year, "year")
    quarter = whole_numbers(path, frame, "Q", 1, 4, "quarter")
    if "Fecha" in frame.columns:
        fecha = pd.to_datetime(frame["Fecha"], errors="coerce")
        # A quarter-end date that disagrees with Year/Q means shifted or mislabelled columns.
        bad = fecha.isna() | (fecha.dt.year != year) | (fecha.dt.month != quarter * 3)
        refuse_where(
            path, frame, bad, "Fecha",
            lambda r: f"quarter end {r['Fecha']!s} does not match Year {r['Year']} Q{r['Q']}",
        )  # fmt: skip
    return year, quarter


def published_values(
    path: Path, frame: pd.DataFrame, confidential: pd.Series | None
) -> tuple[pd.Series, pd.Series]:
    """(running total in US$ M with NaN where confidential, confidential flag).

    An empty value must be flagged confidential; a confidential cell's number (SE's
    workbooks leave 0 or nothing) is discarded.
    """
    value = pd.to_numeric(frame["IED"], errors="coerce").astype(float)
    if confidential is None:
        confidential = pd.Series(False, index=frame.index)
    else:
        flags = frame["is_confidential"]
        ok = flags.map(lambda v: isinstance(v, (bool, np.bool_)))
        refuse_where(
            path, frame, ~ok, "is_confidential",
            lambda r: f"is_confidential must be true or false, got {r['is_confidential']!r}",
        )  # fmt: skip
        confidential = flags.astype(bool)
    refuse_where(
        path, frame, value.isna() & ~confidential, "IED",
        lambda r: f"empty or non-numeric value {r['IED']!r} on a row not flagged confidential",
    )  # fmt: skip
    refuse_where(
        path, frame, ~np.isfinite(value.fillna(0)), "IED", lambda r: f"not a number: {r['IED']!r}"
    )
    return value.where(~confidential), confidential


def single_quarters(path: Path, rows: pd.DataFrame, group: list[str]) -> pd.DataFrame:
    """Year-to-date rows -> single-quarter flows.

    In: ``group`` columns, year, quarter, ytd_musd (NaN = confidential),
    confidential, _line; each group-year's quarters must run 1, 2, ... without gaps
    or repeats. Out: the rows sorted, with ``value_musd`` (this row minus the
    previous one; NaN and confidential when either is confidential).
    """
    key = [*group, "year"]
    rows = rows.sort_values([*key, "quarter", "_line"], kind="stable").reset_index(drop=True)
    dup = rows.duplicated([*key, "quarter"], keep="first")
    refuse_where(
        path, rows, dup, "Q",
        lambda r: f"a second row for {', '.join(str(r[c]) for c in key)} Q{r['quarter']}",
    )  # fmt: skip
    due = rows.groupby(key, sort=False).cumcount() + 1
    refuse_where(
        path, rows, rows["quarter"] != due, "Q",
        lambda r: f"year-to-date rows of {', '.join(str(r[c]) for c in key)} skip a quarter: "
        f"Q{r['quarter']} found where Q{due[r.name]} was due",
    )  # fmt: skip
    by = rows.groupby(key, sort=False)
    previous = by["ytd_musd"].shift(1)
    previous_secret = by["confidential"].shift(1, fill_value=False).astype(bool)
    first = rows["quarter"] == 1
    secret = rows["confidential"] | (~first & previous_secret)
    value = rows["ytd_musd"].where(first, rows["ytd_musd"] - previous)
    rows["value_musd"] = value.where(~secret)
    rows["confidential"] = secret
    return rows


# ------------------------------------------------------------------ snapshot layout


def snapshot_rows(frame: pd.DataFrame, group: list[str], digits: int = 3) -> pd.DataFrame:
    """Rows to commit: a full year's Q4 running total, every quarter of a partial year.

    In: loader rows (group columns, year, quarter, ytd_musd, confidential). Out:
    group columns, year, quarter, ytd_musd as text rounded to ``digits`` (empty =
    confidential). Groups whose running totals are all a published 0 are dropped
    (nothing invested, nothing to show); confidential ones are kept.
    """
    key = [*group, "year"]
    last = frame.groupby(key)["quarter"].transform("max")
    keep = (last < 4) | (frame["quarter"] == 4)
    live = ~(frame["ytd_musd"].fillna(1) == 0)
    keep &= live.groupby([frame[c] for c in key]).transform("any")
    out = frame.loc[keep, [*key, "quarter", "ytd_musd"]].sort_values([*key, "quarter"])
    out["ytd_musd"] = out["ytd_musd"].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
    return out.reset_index(drop=True)


def expand_snapshot(path: Path, frame: pd.DataFrame, group: list[str]) -> pd.DataFrame:
    """Committed rows -> store rows: Q4-only years become annual rows (quarter NULL).

    In: group columns, year, quarter (int), ytd_musd (NaN = confidential), _line.
    Out: group columns, year, quarter (NA for annual rows), value_musd,
    confidential, ytd_musd. Partial years go through ``single_quarters``.
    """
    frame = frame.assign(confidential=frame["ytd_musd"].isna())
    key = [*group, "year"]
    quarters = frame.groupby(key)["quarter"].transform("size")
    annual = (quarters == 1) & (frame["quarter"] == 4)
    whole = frame[annual].assign(value_musd=frame["ytd_musd"], quarter=pd.NA)
    parts = single_quarters(path, frame[~annual], group) if (~annual).any() else None
    out = pd.concat([whole, parts], ignore_index=True) if parts is not None else whole
    out["quarter"] = out["quarter"].astype("Int64")
    return out


def read_committed(path: Path, group: list[str], checks) -> pd.DataFrame:
    """Read a committed YTD snapshot CSV -> typed rows (group, year, quarter, ytd_musd, _line).

    ``checks(file, df)`` validates the group columns (codes) and may raise LoadError.
    """
    f, df = read_frame(path, [*group, "year", "quarter", "ytd_musd"])
    checks(f, df)
    rows = df[group].copy()
    rows["year"] = parse_ints(f, df, "year", FIRST_YEAR, date.today().year, "year")
    rows["quarter"] = parse_ints(f, df, "quarter", 1, 4, "quarter")
    rows["ytd_musd"] = parse_numbers(f, df, "ytd_musd", allow_negative=True, allow_blank=True)
    rows["_line"] = df["_line"]
    if rows.empty:
        raise LoadError(f, "no data rows")
    return rows
