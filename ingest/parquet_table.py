"""Reading official Parquet files, refusing anything we cannot trust.

Parquet has no text lines: a refusal names the 1-based ROW number in the ``line``
slot of ``LoadError`` (``file:row: column 'c': problem``), as the CSV readers do.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingest.model import LoadError
from ingest.readers import refuse_where

PARQUET_MAGIC = b"PAR1"


def read_parquet_frame(path: Path, required: list[str]) -> pd.DataFrame:
    """Read a Parquet file -> DataFrame with a ``_line`` column (1-based row number).

    Refuses a missing file, a non-Parquet or cut file (signature at both ends),
    an unreadable one, an empty one and one lacking any of ``required``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "no such file")
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(size - 4, 0))
        tail = fh.read(4)
    # A Parquet file starts and ends with PAR1: a missing tail means a cut download.
    if head != PARQUET_MAGIC:
        raise LoadError(path, "not a Parquet file (no PAR1 signature at the start)")
    if tail != PARQUET_MAGIC or size < 12:
        raise LoadError(path, "Parquet file is cut short (no PAR1 signature at the end)")
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        raise LoadError(path, f"unreadable Parquet file: {first}") from None
    missing = [c for c in required if c not in table.column_names]
    if missing:
        raise LoadError(
            path,
            f"missing column(s) {', '.join(missing)}; columns are {', '.join(table.column_names)}",
            column=missing[0],
        )
    if table.num_rows == 0:
        raise LoadError(path, "no data rows")
    frame = table.select(required).to_pandas()
    frame["_line"] = range(1, len(frame) + 1)
    return frame


def whole_numbers(
    path: Path, frame: pd.DataFrame, column: str, low: int, high: int, what: str
) -> pd.Series:
    """``column`` as ints within [low, high]; refuse a missing, fractional or out-of-range cell."""
    values = pd.to_numeric(frame[column], errors="coerce")
    refuse_where(
        path, frame, values.isna() | (values % 1 != 0), column,
        lambda r: f"{what} is not a whole number: {r[column]!r}",
    )  # fmt: skip
    refuse_where(
        path, frame, (values < low) | (values > high), column,
        lambda r: f"impossible {what} {r[column]!r} (allowed {low}-{high})",
    )  # fmt: skip
    return values.astype(int)
