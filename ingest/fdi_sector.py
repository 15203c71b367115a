"""FDI into each Mexican state by SCIAN sector, subsector and branch, quarterly 2006-2025.

Secretaría de Economía, release 2025 3T (``sector_by_state.parquet``): one row per
state x SCIAN code x quarter, year-to-date like every table of the release (see
``ingest.fdi_ytd``). ``Nivel`` 2 = sector, 3 = subsector, 4 = rama (branch); the
codes come as floats, and the two sectors SCIAN spans over several 2-digit codes
(31-33 manufacturing, 48-49 transport) come without one: we name them by title.
-> ``fdi_sector`` rows (``scian_code`` text: '11', '31-33', '336', '3361').
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ingest import fdi_ytd
from ingest.fdi import check_state_ids
from ingest.model import Batch
from ingest.parquet_table import read_parquet_frame, whole_numbers
from ingest.readers import check_codes, parse_ints, read_frame, refuse_where

SOURCE_ID = "mx-fdi-sector"
REQUIRED = ["Concepto", "Estado", "Nivel", "Sector", "Subsector", "Rama", "IED", "Fecha",
            "Year", "Q", "is_confidential"]  # fmt: skip
COLUMNS = ["place_id", "year", "quarter", "scian_code", "level", "value_musd", "confidential",
           "ytd_musd"]  # fmt: skip
LEVEL_COLUMN = {2: "Sector", 3: "Subsector", 4: "Rama"}
#: SCIAN sectors spanning several 2-digit codes, published without a code.
SPANNING_SECTORS = {
    "Industrias manufactureras": "31-33",
    "Transportes, correos y almacenamiento": "48-49",
}
SNAPSHOT_FILE = "fdi_sector.csv"
SNAPSHOT_COLUMNS = ["place_id", "year", "quarter", "scian_code", "ytd_musd"]
NAMES_FILE = "codes/scian_fdi_sectors.csv"


def load_file(path: Path) -> list[Batch]:
    """Read ``sector_by_state.parquet`` -> one ``fdi_sector`` Batch (all three levels)."""
    return [parse(Path(path))[0]]


def parse(path: Path) -> tuple[Batch, pd.DataFrame]:
    """The ``fdi_sector`` Batch and SE's titles (scian_code, level, name_es) of the file."""
    df = read_parquet_frame(path, REQUIRED)
    level = whole_numbers(path, df, "Nivel", 2, 4, "SCIAN level (Nivel)")
    code = pd.Series(None, index=df.index, dtype=object)
    for n, column in LEVEL_COLUMN.items():
        values = pd.to_numeric(df[column], errors="coerce")
        at = level == n
        digits = values.where(at).dropna()
        bad = at & values.notna() & ((values % 1 != 0) | (values < 10**n / 10) | (values >= 10**n))
        refuse_where(
            path, df, bad, column, lambda r, c=column: f"not a {len(c)}-digit SCIAN code: {r[c]!r}"
        )
        code[digits.index] = digits.astype(int).astype(str)
    spanning = (level == 2) & code.isna()
    code[spanning] = df.loc[spanning, "Concepto"].map(SPANNING_SECTORS)
    refuse_where(
        path, df, code.isna(), LEVEL_COLUMN[2],
        lambda r: f"no SCIAN code for {r['Concepto']!r} at level {r['Nivel']}",
    )  # fmt: skip
    place = fdi_ytd.state_ids(path, df, "Estado")
    year, quarter = fdi_ytd.year_quarter(path, df)
    ytd, secret = fdi_ytd.published_values(path, df, df["is_confidential"])
    rows = pd.DataFrame(
        {"place_id": place, "year": year, "quarter": quarter, "scian_code": code,
         "level": level, "ytd_musd": ytd, "confidential": secret, "_line": df["_line"]}
    )  # fmt: skip
    rows = fdi_ytd.single_quarters(path, rows, ["place_id", "scian_code"])
    frame = rows[COLUMNS].reset_index(drop=True)
    frame.attrs["unique_on_key"] = True
    source = fdi_ytd.se_source(SOURCE_ID, "por entidad federativa y sector SCIAN", path.name)
    batch = Batch(source, "fdi_sector", frame, key=[], rows_read=len(df))
    return batch, _names(df, code, level)


def _names(df: pd.DataFrame, code: pd.Series, level: pd.Series) -> pd.DataFrame:
    """scian_code, level, name_es (SE's title) - one row per code, sorted."""
    names = pd.DataFrame({"scian_code": code, "level": level, "name_es": df["Concepto"]})
    return names.drop_duplicates("scian_code").sort_values(["scian_code"]).reset_index(drop=True)


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``data/fdi_sector.csv`` (sectors, level 2) and ``data/codes/scian_fdi_sectors.csv``.

    Subsectors and branches (5x the rows) stay out of the repo: load the file with
    ``python -m ingest load mx-fdi-sector`` for them.
    """
    batch, names = parse(Path(shared_dir) / fdi_ytd.SHARED_DIR / "sector_by_state.parquet")
    frame = batch.frame
    sectors = frame[frame["level"] == 2]
    rows = fdi_ytd.snapshot_rows(sectors, ["place_id", "scian_code"])
    out_dir = Path(out_dir)
    path = out_dir / SNAPSHOT_FILE
    rows[SNAPSHOT_COLUMNS].to_csv(path, index=False, lineterminator="\n")
    names_path = out_dir / NAMES_FILE
    names_path.parent.mkdir(parents=True, exist_ok=True)
    names.to_csv(names_path, index=False, lineterminator="\n")
    return [path, names_path]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/fdi_sector.csv`` -> one ``fdi_sector`` Batch."""
    data_dir = Path(data_dir)
    names_file, ndf = read_frame(data_dir / NAMES_FILE, ["scian_code", "level", "name_es"])
    levels = parse_ints(names_file, ndf, "level", 2, 4, "SCIAN level")
    level_of = dict(zip(ndf["scian_code"], levels, strict=True))

    def checks(f, df):
        check_state_ids(f, df)
        check_codes(f, df, "scian_code", set(level_of), "SCIAN")

    path = data_dir / SNAPSHOT_FILE
    rows = fdi_ytd.read_committed(path, ["place_id", "scian_code"], checks)
    out = fdi_ytd.expand_snapshot(path, rows, ["place_id", "scian_code"])
    out["level"] = out["scian_code"].map(level_of).astype(np.int64)
    source = fdi_ytd.se_source(SOURCE_ID, "por entidad federativa y sector SCIAN", SNAPSHOT_FILE)
    return [Batch(source, "fdi_sector", out[COLUMNS].reset_index(drop=True), key=[],
                  rows_read=len(out))]  # fmt: skip
