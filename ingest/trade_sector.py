"""U.S. exports to each Mexican state by commodity group, annual (BTS TransBorder aggregates).

``commodity_mexstate_trade.csv`` (unt-clscm/BTS-TransBorder-Dashboard) gives year x
Mexican state x commodity group (HS sections, named by the project) x mode, exports
only. For 2003 onward its sum over groups equals ``mexican_state_trade.csv`` exactly;
1994-2002 rows are about twice that file (double counted in the aggregation), so
they are kept out of the store and counted in the load report's note.
-> ``trade_sector_annual`` (sector = HS section number, data/codes/transborder_commodity_groups.csv).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ingest import transborder
from ingest import transborder_codes as codes
from ingest.model import Batch
from ingest.readers import (
    check_codes,
    parse_ints,
    parse_numbers,
    read_frame,
    read_mapping,
    refuse_where,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SHARED_FILE = f"{transborder.AGGREGATES_DIR}/commodity_mexstate_trade.csv"
GROUPS_FILE = "codes/transborder_commodity_groups.csv"
REQUIRED = ["Year", "MexState", "CommodityGroup", "Mode", "TradeType", "TradeValue"]
#: First year whose rows reconcile with mexican_state_trade.csv (see module doc).
FIRST_YEAR = 2003
SOURCE_ID = "transborder-mexican-state-sector"
COLUMNS = ["year", "us_state", "partner_country", "partner_place_id", "sector", "mode", "flow",
           "value_usd"]  # fmt: skip
SNAPSHOT_FILE = "trade_sector_annual.csv"
SNAPSHOT_COLUMNS = ["year", "partner_place_id", "sector", "export_usd"]


def sector_codes(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """{published commodity group name: HS section number} from the committed code table."""
    return read_mapping(Path(data_dir) / GROUPS_FILE, "name_published", "sector")


def source(file_name: str | None):
    """The ``sources`` row (the aggregates' publisher, as trade_annual's)."""
    return transborder.aggregate_source(
        SOURCE_ID, "Mexican state x commodity group (U.S. exports only, 2003 onward)", file_name
    )


def load_file(path: Path) -> list[Batch]:
    """Read ``commodity_mexstate_trade.csv`` -> one ``trade_sector_annual`` Batch (2003 on)."""
    f, df = read_frame(path, REQUIRED)
    year = parse_ints(f, df, "Year", 1993, date.today().year, "year")
    check_codes(f, df, "MexState", codes.MEXSTATE_NAME_ISO, "Mexican state name")
    groups = sector_codes()
    check_codes(f, df, "CommodityGroup", groups, "commodity group")
    check_codes(f, df, "Mode", codes.MODE_BY_LABEL, "mode")
    refuse_where(
        f, df, df["TradeType"].str.strip() != "Export", "TradeType",
        lambda r: "Mexican-state rows must be exports (BTS publishes no Mexican state of origin "
        f"for imports), got {r['TradeType']!r}",
    )  # fmt: skip
    value = parse_numbers(f, df, "TradeValue")
    frame = pd.DataFrame(
        {"year": year, "us_state": None, "partner_country": "MX",
         "partner_place_id": df["MexState"].str.strip().map(codes.MEXSTATE_NAME_ISO),
         "sector": df["CommodityGroup"].str.strip().map(groups),
         "mode": df["Mode"].str.strip().map(codes.MODE_BY_LABEL), "flow": "export",
         "value_usd": value.round(0)}
    )  # fmt: skip
    # 'Other' and 'Other/Unknown' both map to Other, and 'Baja California Norte' to
    # MX-BCN: sum such rows rather than keep two rows for one key.
    key = [c for c in COLUMNS if c != "value_usd"]
    kept = frame[frame["year"] >= FIRST_YEAR]
    out = kept.groupby(key, dropna=False, sort=True)["value_usd"].sum().reset_index()
    notes = []
    if len(kept) < len(frame):
        years = frame.loc[frame["year"] < FIRST_YEAR, "year"]
        notes.append(
            f"kept out {len(frame) - len(kept)} rows of {years.min()}-{years.max()}: double "
            f"counted in this aggregation before {FIRST_YEAR} (data/README.md)"
        )
    batch = Batch(source(f.name), "trade_sector_annual", out[COLUMNS], key=[],
                  rows_read=len(df), notes=notes)  # fmt: skip
    return [batch]


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``data/trade_sector_annual.csv``: year x Mexican state x sector, summed over modes.

    Mode detail doubles the file; the loader keeps it for a store loaded from the source.
    """
    (batch,) = load_file(Path(shared_dir) / SHARED_FILE)
    frame = batch.frame
    wide = (
        frame.groupby(["year", "partner_place_id", "sector"], sort=True)["value_usd"]
        .sum()
        .reset_index()
        .rename(columns={"value_usd": "export_usd"})
    )
    wide["export_usd"] = wide["export_usd"].round(0).astype("int64")
    wide = wide[wide["export_usd"] != 0]
    return [transborder.write_csv(wide[SNAPSHOT_COLUMNS], Path(out_dir) / SNAPSHOT_FILE)]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/trade_sector_annual.csv`` -> one Batch (mode NULL = all modes)."""
    data_dir = Path(data_dir)
    f, df = read_frame(data_dir / SNAPSHOT_FILE, SNAPSHOT_COLUMNS)
    check_codes(f, df, "partner_place_id", set(codes.MEXSTATE_NAME_ISO.values()), "Mexican state")
    check_codes(f, df, "sector", set(sector_codes(data_dir).values()), "sector")
    frame = pd.DataFrame(
        {"year": parse_ints(f, df, "year", FIRST_YEAR, date.today().year, "year"),
         "us_state": None, "partner_country": "MX", "partner_place_id": df["partner_place_id"],
         "sector": df["sector"], "mode": None, "flow": "export",
         "value_usd": parse_numbers(f, df, "export_usd")}
    )  # fmt: skip
    return [Batch(source(SNAPSHOT_FILE), "trade_sector_annual", frame[COLUMNS], key=[],
                  rows_read=len(frame))]  # fmt: skip
