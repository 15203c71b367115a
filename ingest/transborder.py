"""BTS TransBorder Freight: raw monthly tables and the 1993-2025 annual aggregates.

``load_file(path)`` recognises the table from its HEADER (file names lie: the
2020-2022 sample files are all DOT3 whatever they are called):

- raw DOT1 (state x port), DOT2 (state x commodity), DOT3 (port x commodity)
  -> ``trade`` rows, decoded to ISO place ids and store mode names;
- ``us_state_trade.csv`` and ``mexican_state_trade.csv`` -> ``trade_annual``;
- ``od_canada_prov_flows.csv`` -> ``trade_od``.

``write_snapshot`` derives the committed ``data/trade_annual.csv`` and
``data/trade_od.csv`` (+ code lists); ``reference_batches`` loads them back.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd

from ingest import transborder_codes as codes
from ingest.model import Batch, LoadError, Source
from ingest.readers import (
    Table,
    check_codes,
    parse_ints,
    parse_numbers,
    read_table,
    require_columns,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
AGGREGATES_DIR = "transborder_aggregates_1993_2025"

BTS = "U.S. Department of Transportation, Bureau of Transportation Statistics (BTS)"
PUBLIC_DOMAIN = "Public domain (U.S. federal government work)"
RAW_URL = "https://www.bts.gov/topics/transborder-raw-data"
AGG_URL = "https://github.com/unt-clscm/BTS-TransBorder-Dashboard"
#: Commit date of the aggregate CSVs in that repository (see PROVENANCE.md).
AGG_AS_OF = date(2026, 3, 30)
#: The state x province x port file has no year column; its publisher states it
#: sums 1993-2025, both directions.
OD_FIRST_YEAR, OD_LAST_YEAR = 1993, 2025
#: 2025 is called partial in the aggregates' documentation; the file has no month column.
PARTIAL_YEAR = 2025

# Columns that identify each layout, and the columns we need from it.
RAW_REQUIRED = {
    "DOT1": ["TRDTYPE", "USASTATE", "DEPE", "DISAGMOT", "MEXSTATE", "CANPROV", "COUNTRY"],
    "DOT2": ["TRDTYPE", "USASTATE", "COMMODITY2", "DISAGMOT", "MEXSTATE", "CANPROV", "COUNTRY"],
    "DOT3": ["TRDTYPE", "DEPE", "COMMODITY2", "DISAGMOT", "COUNTRY"],
}
RAW_COMMON = ["VALUE", "SHIPWT", "MONTH", "YEAR"]
AGG_REQUIRED = {
    "us_state_trade": ["Year", "StateCode", "State", "Country", "Mode", "TradeType", "TradeValue"],
    "mexican_state_trade": ["Year", "MexState", "Mode", "TradeType", "TradeValue"],
    "od_canada_prov_flows": ["State", "CanProv", "PortCode", "TradeValue"],
}
NATIONAL_TOTALS = ["Year", "Country", "Mode", "TradeType", "TradeValue"]
LAYOUTS = {**{k: v + RAW_COMMON for k, v in RAW_REQUIRED.items()}, **AGG_REQUIRED}

TRADE_KEY = [
    "table_type",
    "year",
    "month",
    "us_state",
    "partner_country",
    "partner_place_id",
    "port_code",
    "mode",
    "hs2",
    "flow",
]
TRADE_ANNUAL_COLUMNS = [
    "year",
    "us_state",
    "partner_country",
    "partner_place_id",
    "mode",
    "flow",
    "value_usd",
    "weight_kg",
]
TRADE_OD_COLUMNS = [
    "us_state",
    "partner_place_id",
    "port_code",
    "first_year",
    "last_year",
    "value_usd",
]
LAND_MODES_WITHOUT_EXPORT_WEIGHT = {"Truck", "Rail", "Pipeline", "Mail", "Other", "FTZ"}
COUNTRY_BY_NAME = {"Canada": "CA", "Mexico": "MX"}
FLOW_BY_NAME = {"Export": "export", "Import": "import"}
PORT_PATTERN = r"\d{2}(\d{2}|XX)"  # Schedule-D port '2304' or district-only '23XX'


# --------------------------------------------------------------------- detection
def detect_layout(table: Table) -> str:
    """Return 'DOT1'|'DOT2'|'DOT3'|'us_state_trade'|... from the header, or refuse.

    The layout sharing the largest share of its required columns with the header
    wins; half or less is "not a TransBorder table", a near miss is refused
    naming the missing column. The national-totals file is refused with a reason.
    """
    have = set(table.header)
    scored = []
    for name, cols in LAYOUTS.items():
        share = len(have & set(cols)) / len(cols)
        # Among equal scores prefer the layout needing more columns (DOT1 over DOT3).
        scored.append((share, len(cols), name))
    share, _, best = max(scored)
    if set(NATIONAL_TOTALS) <= have and "StateCode" not in have and "MexState" not in have:
        raise LoadError(
            table.file,
            "national totals (us_transborder.csv) are not loaded: they have no state or "
            "province and would double-count the state rows",
            line=1,
        )
    if share <= 0.5:
        raise LoadError(
            table.file,
            "not a TransBorder Freight table (raw DOT1/DOT2/DOT3 or annual aggregate); "
            f"header is {','.join(table.header)[:150]}",
            line=1,
        )
    require_columns(table, LAYOUTS[best])
    return best


def load_file(path: Path) -> list[Batch]:
    """Read one TransBorder file (plain or gzip) -> Batches for trade/trade_annual/trade_od."""
    path = Path(path)
    table = read_table(path)
    layout = detect_layout(table)
    if layout in RAW_REQUIRED:
        return [raw_batch(table, layout)]
    if layout == "od_canada_prov_flows":
        return [od_batch(table)]
    return [annual_batch(table, layout)]


# --------------------------------------------------------------------- raw DOT1-3
def raw_batch(table: Table, table_type: str, hs_codes: dict[str, str] | None = None) -> Batch:
    """Validate and decode a raw DOT1/DOT2/DOT3 table -> one ``trade`` Batch."""
    f, df = table.file, table.frame()
    hs_codes = hs_codes or codes.read_hs_chapters(DATA_DIR / "codes")
    has_state = "USASTATE" in RAW_REQUIRED[table_type]
    has_port = "DEPE" in RAW_REQUIRED[table_type]
    has_hs = "COMMODITY2" in RAW_REQUIRED[table_type]

    check_codes(f, df, "TRDTYPE", codes.TRADE_TYPE, "trade type (TRDTYPE)")
    check_codes(f, df, "COUNTRY", codes.COUNTRY, "country")
    check_codes(f, df, "DISAGMOT", codes.MODE, "mode (DISAGMOT)")
    year = parse_ints(f, df, "YEAR", 1993, date.today().year, "year")
    month = parse_ints(f, df, "MONTH", 1, 12, "month")
    value = parse_numbers(f, df, "VALUE")
    weight = parse_numbers(f, df, "SHIPWT", allow_blank=True)

    country = df["COUNTRY"].str.strip().map(codes.COUNTRY)
    out = pd.DataFrame(
        {
            "table_type": table_type,
            "year": year,
            "month": month,
            "partner_country": country,
            "mode": df["DISAGMOT"].str.strip().map(codes.MODE),
            "flow": df["TRDTYPE"].str.strip().map(codes.TRADE_TYPE),
        }
    )
    if has_state:
        states = df["USASTATE"].str.strip()
        iso = states.map(codes.us_state_iso)
        check_codes(f, df, "USASTATE", states[iso.notna()].unique(), "U.S. state")
        out["us_state"] = iso
        out["partner_place_id"] = partner_places(table, df, country)
    else:
        out["us_state"] = None
        out["partner_place_id"] = None
    if has_port:
        port = df["DEPE"].str.strip()
        bad = ~port.str.fullmatch(PORT_PATTERN)
        if bad.any():
            row = df[bad].iloc[0]
            raise LoadError(
                f,
                f"port code {row['DEPE']!r} is not a 4-character Schedule-D code",
                line=int(row["_line"]),
                column="DEPE",
            )
        out["port_code"] = port
    else:
        out["port_code"] = None
    if has_hs:
        # COMMODITY2 is zero-padded in data ('03') but not in BTS's code list ('3').
        df["COMMODITY2"] = df["COMMODITY2"].str.strip().str.zfill(2)
        check_codes(f, df, "COMMODITY2", hs_codes, "HS chapter (COMMODITY2)")
        out["hs2"] = df["COMMODITY2"]
    else:
        out["hs2"] = None
    out["value_usd"] = value
    # BTS records no shipment weight for exports by land modes: a 0 there means
    # "not recorded", so it must not be summed as a real zero.
    unknown_weight = (out["flow"] == "export") & out["mode"].isin(LAND_MODES_WITHOUT_EXPORT_WEIGHT)
    out["weight_kg"] = weight.where(~unknown_weight)

    # DF (domestic/foreign) and CONTCODE split rows further than our key: sum them.
    frame = (
        out.groupby(TRADE_KEY, dropna=False, sort=True)[["value_usd", "weight_kg"]]
        .sum(min_count=1)
        .reset_index()
    )
    periods = sorted(set(zip(year, month, strict=True)))
    first, last = periods[0], periods[-1]
    span = f"{first[0]}-{first[1]:02d}"
    if last != first:
        span += f"-to-{last[0]}-{last[1]:02d}"
    source = Source(
        source_id=f"transborder-{table_type.lower()}-{span}",
        publisher=BTS,
        title=f"North American TransBorder Freight Data, raw {table_type} table, {span}",
        url=RAW_URL,
        as_of=date(last[0], last[1], 1),
        license=PUBLIC_DOMAIN,
        notes=(
            f"{table_type}: "
            + {
                "DOT1": "U.S. state x port x mode",
                "DOT2": "U.S. state x HS chapter x mode",
                "DOT3": "port x HS chapter x mode (no state)",
            }[table_type]
            + ". Rows summed over DF and CONTCODE. USASTATE DU -> US-XX; unknown province/"
            "Mexican state -> NULL; Mexican state published for exports only; "
            "export weight of land modes not recorded -> NULL."
        ),
        file_name=table.file.name,
    )
    return Batch(source, "trade", frame, key=list(TRADE_KEY), rows_read=len(df))


def partner_places(table: Table, df: pd.DataFrame, country: pd.Series) -> pd.Series:
    """ISO id of the Canadian province / Mexican state of each raw row (None if unknown)."""
    f = table.file
    check_codes(f, df, "CANPROV", codes.CANPROV_ISO, "Canadian province (CANPROV)", True)
    check_codes(f, df, "MEXSTATE", codes.MEXSTATE_ISO, "Mexican state (MEXSTATE)", True)
    prov, mex = df["CANPROV"].str.strip(), df["MEXSTATE"].str.strip()
    for column, values, other in (("CANPROV", prov, "MX"), ("MEXSTATE", mex, "CA")):
        bad = (values != "") & (country == other)
        if bad.any():
            row = df[bad].iloc[0]
            raise LoadError(
                f,
                f"{column} {row[column]!r} filled on a row whose COUNTRY is {row['COUNTRY']}",
                line=int(row["_line"]),
                column=column,
            )
    place = prov.map(codes.CANPROV_ISO).where(country == "CA")
    return place.fillna(mex.map(codes.MEXSTATE_ISO).where(country == "MX")).astype(object)


# --------------------------------------------------------------------- aggregates
def annual_batch(table: Table, layout: str) -> Batch:
    """``us_state_trade`` / ``mexican_state_trade`` -> one ``trade_annual`` Batch."""
    f, df = table.file, table.frame()
    year = parse_ints(f, df, "Year", 1993, date.today().year, "year")
    check_codes(f, df, "Mode", codes.MODE_BY_LABEL, "mode")
    check_codes(f, df, "TradeType", FLOW_BY_NAME, "trade type")
    value = parse_numbers(f, df, "TradeValue")
    out = pd.DataFrame({"year": year})
    if layout == "us_state_trade":
        states = df["StateCode"].str.strip()
        iso = states.map(codes.us_state_iso)
        check_codes(f, df, "StateCode", states[iso.notna()].unique(), "U.S. state")
        check_codes(f, df, "Country", COUNTRY_BY_NAME, "country")
        out["us_state"] = iso
        out["partner_country"] = df["Country"].str.strip().map(COUNTRY_BY_NAME)
        out["partner_place_id"] = None
        source_id, what = "transborder-us-state-trade", "U.S. state x partner country"
    else:
        check_codes(f, df, "MexState", codes.MEXSTATE_NAME_ISO, "Mexican state name")
        imports = df["TradeType"].str.strip() != "Export"
        if imports.any():
            row = df[imports].iloc[0]
            raise LoadError(
                f,
                "Mexican-state rows must be exports (BTS publishes no Mexican state of "
                f"origin for imports), got {row['TradeType']!r}",
                line=int(row["_line"]),
                column="TradeType",
            )
        out["us_state"] = None
        out["partner_country"] = "MX"
        out["partner_place_id"] = df["MexState"].str.strip().map(codes.MEXSTATE_NAME_ISO)
        source_id, what = "transborder-mexican-state-trade", "Mexican state (U.S. exports only)"
    out["mode"] = df["Mode"].str.strip().map(codes.MODE_BY_LABEL)
    out["flow"] = df["TradeType"].str.strip().map(FLOW_BY_NAME)
    out["value_usd"] = value.round(0)
    # The aggregates' Weight unit is ambiguous (short tons or kg, see PROVENANCE).
    out["weight_kg"] = float("nan")
    frame = (
        out.groupby(TRADE_ANNUAL_COLUMNS[:6], dropna=False, sort=True)
        .agg(value_usd=("value_usd", "sum"), weight_kg=("weight_kg", "first"))
        .reset_index()
    )
    frame = frame[frame["value_usd"] != 0].reset_index(drop=True)
    return Batch(
        aggregate_source(source_id, what, table.file.name),
        "trade_annual",
        frame[TRADE_ANNUAL_COLUMNS],
        key=[],
        rows_read=len(df),
    )


def od_batch(table: Table, us_names: dict[str, str] | None = None) -> Batch:
    """``od_canada_prov_flows`` -> one ``trade_od`` Batch (state x province x port)."""
    f, df = table.file, table.frame()
    us_names = us_names or us_state_names(DATA_DIR / "codes")
    check_codes(f, df, "State", us_names, "U.S. state name")
    check_codes(f, df, "CanProv", codes.PROVINCE_NAME_ISO, "Canadian province name")
    port = df["PortCode"].str.strip()
    bad = ~port.str.fullmatch(PORT_PATTERN)
    if bad.any():
        row = df[bad].iloc[0]
        raise LoadError(
            f,
            f"port code {row['PortCode']!r} is not a 4-character Schedule-D code",
            line=int(row["_line"]),
            column="PortCode",
        )
    value = parse_numbers(f, df, "TradeValue")
    out = pd.DataFrame(
        {
            "us_state": df["State"].str.strip().map(us_names),
            "partner_place_id": df["CanProv"].str.strip().map(codes.PROVINCE_NAME_ISO),
            "port_code": port,
            "first_year": OD_FIRST_YEAR,
            "last_year": OD_LAST_YEAR,
            "value_usd": value.round(0),
        }
    )
    frame = out.groupby(TRADE_OD_COLUMNS[:5], sort=True).agg(value_usd=("value_usd", "sum"))
    frame = frame.reset_index()
    frame = frame[frame["value_usd"] != 0].reset_index(drop=True)
    return Batch(
        aggregate_source(
            "transborder-od-province", "U.S. state x Canadian province x port", table.file.name
        ),
        "trade_od",
        frame[TRADE_OD_COLUMNS],
        key=[],
        rows_read=len(df),
    )


def us_state_names(codes_dir: Path) -> dict[str, str]:
    """Published U.S. state name -> ISO id, from ``data/codes/transborder_us_states.csv``."""
    with open(Path(codes_dir) / "transborder_us_states.csv", encoding="utf-8", newline="") as fh:
        return {r["name_published"]: r["place_id"] for r in csv.DictReader(fh) if r["place_id"]}


def aggregate_source(source_id: str, what: str, file_name: str | None) -> Source:
    """The ``sources`` row for one of the UNT-aggregated TransBorder tables."""
    return Source(
        source_id=source_id,
        publisher=BTS + "; annual aggregation by the University of North Texas "
        "BTS-TransBorder-Dashboard project",
        title=f"North American TransBorder Freight Data, annual aggregates 1993-2025: {what}",
        url=AGG_URL,
        as_of=AGG_AS_OF,
        license=PUBLIC_DOMAIN + " for the BTS data; the aggregating repository has no license file",
        notes=(
            f"{PARTIAL_YEAR} is partial/provisional: the file does not say which months it "
            "covers (the same project's monthly file, at a later commit, runs to December "
            f"{PARTIAL_YEAR}). "
            "Values in current U.S. dollars, rounded to whole dollars; zero rows dropped; "
            "weights dropped (unit ambiguous in the source). State 'Unknown' -> US-XX."
        ),
        file_name=file_name,
    )


# --------------------------------------------------------------------- snapshot
TRADE_ANNUAL_FILE = "trade_annual.csv"
TRADE_OD_FILE = "trade_od.csv"
#: Committed layout: one line per year x state x partner x mode with the two
#: flows side by side (half the lines of the long form; keeps the repo small).
#: An empty cell = no row published for that flow. Weight is not written.
SNAPSHOT_ANNUAL_COLUMNS = [
    "year",
    "us_state",
    "partner_country",
    "partner_place_id",
    "mode",
    "export_usd",
    "import_usd",
]
SNAPSHOT_OD_COLUMNS = ["us_state", "partner_place_id", "first_year", "last_year", "value_usd"]
ANNUAL_ID = ["year", "us_state", "partner_country", "partner_place_id", "mode"]


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``data/codes/*.csv``, ``data/trade_annual.csv``, ``data/trade_od.csv``.

    In: ../shared/data and the output folder. Out: the paths written. Rows are
    sorted and values written as whole dollars so reruns are byte-identical.
    """
    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    written = codes.write_code_lists(shared_dir, out_dir)
    agg = shared_dir / AGGREGATES_DIR
    frames = []
    for name in ("us_state_trade.csv", "mexican_state_trade.csv"):
        (batch,) = load_file(agg / name)
        frames.append(batch.frame)
    written.append(write_annual(pd.concat(frames, ignore_index=True), out_dir / TRADE_ANNUAL_FILE))

    (od,) = load_file(agg / "od_canada_prov_flows.csv")
    # Port detail (49k rows) would not fit the repo's size budget: sum over ports.
    totals = (
        od.frame.groupby(["us_state", "partner_place_id", "first_year", "last_year"], sort=True)
        .agg(value_usd=("value_usd", "sum"))
        .reset_index()
    )
    totals["value_usd"] = totals["value_usd"].round(0).astype("int64")
    written.append(write_csv(totals[SNAPSHOT_OD_COLUMNS], out_dir / TRADE_OD_FILE))
    return written


def write_annual(long: pd.DataFrame, path: Path) -> Path:
    """Pivot long ``trade_annual`` rows to export/import columns and write them sorted."""
    keyed = long.fillna({"us_state": "", "partner_place_id": ""})
    wide = keyed.pivot(index=ANNUAL_ID, columns="flow", values="value_usd")
    wide = wide.reindex(columns=["export", "import"]).round(0).astype("Int64")
    wide.columns = ["export_usd", "import_usd"]
    wide = wide.reset_index().sort_values(ANNUAL_ID)
    return write_csv(wide[SNAPSHOT_ANNUAL_COLUMNS], path)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a snapshot CSV with '\\n' line ends and empty cells for NULL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``trade_annual.csv`` and ``trade_od.csv`` -> Batches.

    trade_annual gives two Batches (U.S.-state rows, Mexican-state rows) with the
    same source ids as loading the aggregates directly; trade_od gives one.
    """
    data_dir = Path(data_dir)
    table = read_table(data_dir / TRADE_ANNUAL_FILE)
    require_columns(table, SNAPSHOT_ANNUAL_COLUMNS)
    f, df = table.file, table.frame()
    check_codes(f, df, "mode", set(codes.MODE.values()), "mode")
    check_codes(f, df, "partner_country", COUNTRY_BY_NAME.values(), "country")
    base = pd.DataFrame(
        {
            "year": parse_ints(f, df, "year", 1993, date.today().year, "year"),
            "us_state": df["us_state"].replace("", None),
            "partner_country": df["partner_country"],
            "partner_place_id": df["partner_place_id"].replace("", None),
            "mode": df["mode"],
        }
    )
    parts = []
    for flow in ("export", "import"):
        value = parse_numbers(f, df, f"{flow}_usd", allow_blank=True)
        part = base.assign(flow=flow, value_usd=value, weight_kg=float("nan"))
        parts.append(part[value.notna()])
    annual = pd.concat(parts, ignore_index=True)[TRADE_ANNUAL_COLUMNS]
    us_rows = annual["us_state"].notna()
    batches = [
        Batch(
            aggregate_source(source_id, what, TRADE_ANNUAL_FILE),
            "trade_annual",
            annual[mask].reset_index(drop=True),
            key=[],
            rows_read=int(mask.sum()),
        )
        for source_id, what, mask in (
            ("transborder-us-state-trade", "U.S. state x partner country", us_rows),
            ("transborder-mexican-state-trade", "Mexican state (U.S. exports only)", ~us_rows),
        )
    ]

    od_table = read_table(data_dir / TRADE_OD_FILE)
    require_columns(od_table, SNAPSHOT_OD_COLUMNS)
    f, odf = od_table.file, od_table.frame()
    od = pd.DataFrame(
        {
            "us_state": odf["us_state"],
            "partner_place_id": odf["partner_place_id"],
            "port_code": None,
            "first_year": parse_ints(f, odf, "first_year", 1993, 2100, "year"),
            "last_year": parse_ints(f, odf, "last_year", 1993, 2100, "year"),
            "value_usd": parse_numbers(f, odf, "value_usd"),
        }
    )
    batches.append(
        Batch(
            aggregate_source(
                "transborder-od-province",
                "U.S. state x Canadian province (summed over ports)",
                TRADE_OD_FILE,
            ),
            "trade_od",
            od,
            key=[],
            rows_read=len(od),
        )
    )
    return batches
