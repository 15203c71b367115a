"""FDI into each Mexican state by country of origin, quarterly 2006-2025 (SE release 2025 3T).

``load_file`` takes either table of the release (told apart by their columns):

- ``country_by_state.parquet`` -> ``fdi`` rows with ``origin`` = ISO 3166-1 code of
  the investor's country (``US``, ``CA``, ...; Scotland ``GB-SCT``, SE's "Otro origen"
  ``other``), source ``mx-fdi-origin``;
- ``investment_by_state.parquet`` -> the same release's all-origin state totals,
  ``origin`` = ``all``, source ``mx-fdi-state-se``.

Each is one series of one vintage, loaded whole (key ``[]``: a reload replaces the
source's rows). Year-to-date rows become single quarters in ``ingest.fdi_ytd``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingest import fdi_ytd
from ingest.fdi import check_state_ids
from ingest.model import Batch, LoadError
from ingest.parquet_table import read_parquet_frame
from ingest.readers import check_codes, read_mapping, refuse_where

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ORIGINS_FILE = "codes/se_fdi_origins.csv"
ORIGIN_SOURCE_ID = "mx-fdi-origin"
TOTAL_SOURCE_ID = "mx-fdi-state-se"
BY_ORIGIN = ["País_origen", "Estado", "IED", "Fecha", "Year", "Q", "is_confidential"]
BY_STATE = ["Entidad federativa", "IED", "Fecha", "Year", "Q"]
COLUMNS = ["place_id", "year", "quarter", "origin", "value_musd", "confidential", "ytd_musd"]
SNAPSHOT_FILE = "fdi_origin.csv"
SNAPSHOT_COLUMNS = ["place_id", "year", "quarter", "origin", "ytd_musd"]
#: Origins written to the committed snapshot besides 'all': the ten largest over
#: 2006-2025 (Q4 rows summed over states) - 85 % of the by-origin total - so the
#: origin mix has its real shape without committing 151 origins.
SNAPSHOT_TOP = 10


def origin_codes(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """{SE's Spanish origin name: ISO code} from data/codes/se_fdi_origins.csv."""
    return read_mapping(Path(data_dir) / ORIGINS_FILE, "name_published", "origin")


def load_file(path: Path) -> list[Batch]:
    """Read one table of SE's release -> one ``fdi`` Batch (see the module doc)."""
    import pyarrow.parquet as pq

    path = Path(path)
    try:
        names = set(pq.read_schema(path).names)
    except Exception:  # noqa: BLE001 - read_parquet_frame words the refusal
        names = set()
    if "País_origen" in names:
        return [_by_origin(path)]
    if "Entidad federativa" in names:
        return [_state_totals(path)]
    read_parquet_frame(path, [])  # refuses files that are not Parquet at all
    raise LoadError(
        path,
        "not an SE FDI table: expected columns País_origen, Estado, ... (by origin) or "
        "Entidad federativa, ... (state totals)",
        column="País_origen",
    )


def _by_origin(path: Path) -> Batch:
    df = read_parquet_frame(path, BY_ORIGIN)
    codes = origin_codes()
    origin = df["País_origen"].map(codes)
    refuse_where(
        path, df, origin.isna(), "País_origen",
        lambda r: f"unknown country of origin {r['País_origen']!r} (not in data/{ORIGINS_FILE})",
    )  # fmt: skip
    df["origin"] = origin
    return _batch(path, df, "Estado", ORIGIN_SOURCE_ID, "por entidad federativa y país de origen")


def _state_totals(path: Path) -> Batch:
    df = read_parquet_frame(path, BY_STATE)
    df["origin"] = "all"
    df["is_confidential"] = False
    return _batch(path, df, "Entidad federativa", TOTAL_SOURCE_ID, "por entidad federativa")


def _batch(path: Path, df: pd.DataFrame, state_column: str, source_id: str, what: str) -> Batch:
    place = fdi_ytd.state_ids(path, df, state_column)
    year, quarter = fdi_ytd.year_quarter(path, df)
    ytd, secret = fdi_ytd.published_values(path, df, df["is_confidential"])
    rows = pd.DataFrame(
        {"place_id": place, "year": year, "quarter": quarter, "origin": df["origin"],
         "ytd_musd": ytd, "confidential": secret, "_line": df["_line"]}
    )  # fmt: skip
    rows = fdi_ytd.single_quarters(path, rows, ["place_id", "origin"])
    frame = rows[COLUMNS].reset_index(drop=True)
    frame.attrs["unique_on_key"] = True
    source = fdi_ytd.se_source(source_id, what, path.name)
    return Batch(source, "fdi", frame, key=[], rows_read=len(df))


# ---------------------------------------------------------------- snapshot


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``data/fdi_origin.csv``: 'all' and the top origins, as ``fdi_ytd.snapshot_rows``."""
    folder = Path(shared_dir) / fdi_ytd.SHARED_DIR
    (by_origin,) = load_file(folder / "country_by_state.parquet")
    (totals,) = load_file(folder / "investment_by_state.parquet")
    o = by_origin.frame
    full_years = o[o["quarter"] == 4]
    ranked = full_years.groupby("origin")["ytd_musd"].sum().sort_values(ascending=False)
    top = [c for c in ranked.index if c != "other"][:SNAPSHOT_TOP]
    frame = pd.concat([totals.frame, o[o["origin"].isin(top)]], ignore_index=True)
    rows = fdi_ytd.snapshot_rows(frame, ["place_id", "origin"])
    path = Path(out_dir) / SNAPSHOT_FILE
    rows[SNAPSHOT_COLUMNS].sort_values(["place_id", "origin", "year", "quarter"]).to_csv(
        path, index=False, lineterminator="\n"
    )
    return [path]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/fdi_origin.csv`` -> two ``fdi`` Batches (totals, by origin)."""
    data_dir = Path(data_dir)
    known = set(origin_codes(data_dir).values()) | {"all"}

    def checks(f, df):
        check_state_ids(f, df)
        check_codes(f, df, "origin", known, "origin")

    path = data_dir / SNAPSHOT_FILE
    rows = fdi_ytd.read_committed(path, ["place_id", "origin"], checks)
    out = fdi_ytd.expand_snapshot(path, rows, ["place_id", "origin"])
    batches = []
    for source_id, what, mask in (
        (TOTAL_SOURCE_ID, "por entidad federativa", out["origin"] == "all"),
        (ORIGIN_SOURCE_ID, "por entidad federativa y país de origen", out["origin"] != "all"),
    ):
        frame = out.loc[mask, COLUMNS].reset_index(drop=True)
        source = fdi_ytd.se_source(source_id, what, SNAPSHOT_FILE)
        batches.append(Batch(source, "fdi", frame, key=[], rows_read=len(frame)))
    return batches
