"""Trade through each Texas-Mexico port of entry by mode and direction, 1993-2025 (BTS TransBorder).

``texas_mexico_ports.csv`` (unt-clscm/BTS-TransBorder-Dashboard, aggregated from
BTS TransBorder DOT1/DOT2 files): ``Year, PortCode, Port, Mode, TradeType,
TradeValue, Weight, FreightCharges, Region, Lat, Lon, WeightLb``. Values in US$;
the weight unit is ambiguous in that aggregation (see PROVENANCE), so it is not stored.
-> ``port_trade_annual``. 2025 is a partial year, as in every file of the aggregation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ingest import transborder
from ingest import transborder_codes as codes
from ingest.model import Batch
from ingest.readers import check_codes, parse_ints, parse_numbers, read_frame, refuse_where

SHARED_FILE = f"{transborder.AGGREGATES_DIR}/texas_mexico_ports.csv"
REQUIRED = ["Year", "PortCode", "Port", "Mode", "TradeType", "TradeValue", "FreightCharges"]
SOURCE_ID = "transborder-texas-ports"
COLUMNS = ["year", "port_code", "mode", "flow", "value_usd", "freight_charges_usd"]
KEY = ["year", "port_code", "mode", "flow"]
SNAPSHOT_FILE = "port_trade_annual.csv"


def source(file_name: str | None):
    """The ``sources`` row (the aggregates' publisher, as trade_annual's)."""
    return transborder.aggregate_source(
        SOURCE_ID, "Texas-Mexico ports of entry x mode x direction", file_name
    )


def load_file(path: Path) -> list[Batch]:
    """Read ``texas_mexico_ports.csv`` -> one ``port_trade_annual`` Batch."""
    f, df = read_frame(path, REQUIRED)
    year = parse_ints(f, df, "Year", 1993, date.today().year, "year")
    port = df["PortCode"].str.strip()
    refuse_where(f, df, ~port.str.fullmatch(r"\d{4}"), "PortCode",
                 lambda r: f"port code {r['PortCode']!r} is not 4 digits")  # fmt: skip
    # Texas ports are Schedule-D district 23 (Laredo) or 24 (El Paso).
    refuse_where(f, df, ~port.str[:2].isin(["23", "24"]), "PortCode",
                 lambda r: f"port {r['PortCode']} {r['Port']!r} is not a Texas port "
                 "(districts 23 and 24)")  # fmt: skip
    check_codes(f, df, "Mode", codes.MODE_BY_LABEL, "mode")
    check_codes(f, df, "TradeType", transborder.FLOW_BY_NAME, "trade type")
    frame = pd.DataFrame(
        {"year": year, "port_code": port, "mode": df["Mode"].str.strip().map(codes.MODE_BY_LABEL),
         "flow": df["TradeType"].str.strip().map(transborder.FLOW_BY_NAME),
         "value_usd": parse_numbers(f, df, "TradeValue").round(0),
         "freight_charges_usd": parse_numbers(f, df, "FreightCharges", allow_blank=True)}
    )  # fmt: skip
    refuse_where(f, df, frame.duplicated(KEY), "Mode",
                 lambda r: f"a second row for {r['Year']} port {r['PortCode']} {r['Mode']} "
                 f"{r['TradeType']}")  # fmt: skip
    frame = frame.sort_values(KEY, ignore_index=True)
    return [Batch(source(f.name), "port_trade_annual", frame, key=[], rows_read=len(df))]


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``data/port_trade_annual.csv`` (whole dollars; empty = freight not published)."""
    (batch,) = load_file(Path(shared_dir) / SHARED_FILE)
    frame = batch.frame.copy()
    frame["value_usd"] = frame["value_usd"].astype("int64")
    frame["freight_charges_usd"] = frame["freight_charges_usd"].round(0).astype("Int64")
    return [transborder.write_csv(frame[COLUMNS], Path(out_dir) / SNAPSHOT_FILE)]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/port_trade_annual.csv`` -> one Batch."""
    f, df = read_frame(Path(data_dir) / SNAPSHOT_FILE, COLUMNS)
    check_codes(f, df, "mode", set(codes.MODE.values()), "mode")
    check_codes(f, df, "flow", set(transborder.FLOW_BY_NAME.values()), "flow")
    frame = pd.DataFrame(
        {"year": parse_ints(f, df, "year", 1993, 2100, "year"), "port_code": df["port_code"],
         "mode": df["mode"], "flow": df["flow"], "value_usd": parse_numbers(f, df, "value_usd"),
         "freight_charges_usd": parse_numbers(f, df, "freight_charges_usd", allow_blank=True)}
    )  # fmt: skip
    return [Batch(source(SNAPSHOT_FILE), "port_trade_annual", frame, key=[], rows_read=len(frame))]
