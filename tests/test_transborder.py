"""TransBorder Freight loader: real files load, golden values hold, bad input is refused.

Refusal tests write tiny SYNTHETIC files to tmp_path (made-up values, real layouts).
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from ingest import transborder
from ingest.model import LoadError
from tests.conftest import refusal

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
RAW = SHARED / "transborder_freight_raw_2015_01"
SAMPLE = SHARED / "transborder_freight_port_commodity_2020_2022_sample"
AGG = SHARED / "transborder_aggregates_1993_2025"

# The conftest fixture fails (never skips) when ../shared/data is missing.
needs_shared = pytest.mark.usefixtures("shared_data")

DOT1_HEADER = "TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,VALUE,SHIPWT,FREIGHT_CHARGES,DF,CONTCODE,MONTH,YEAR"
DOT2_HEADER = "TRDTYPE,USASTATE,COMMODITY2,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,VALUE,SHIPWT,FREIGHT_CHARGES,DF,CONTCODE,MONTH,YEAR"
# Synthetic rows (invented values, valid codes).
DOT1_ROWS = [
    "1,VT,0201,5,,XQ,1220,1000,0,10,1,X,01,2015",
    "1,VT,0201,5,,XQ,1220,500,0,5,2,X,01,2015",  # same key, other DF: summed
    "2,VT,0201,5,,XQ,1220,700,90,0,,X,01,2015",
    "1,TX,2304,5,DF,,2010,300,0,0,1,X,01,2015",
    "1,TX,2304,5,NA,,2010,200,0,0,1,X,01,2015",
    "2,TX,2304,5,,,2010,400,50,0,,X,01,2015",
    "1,DU,23XX,6,OT,,2010,100,0,0,1,X,01,2015",
]


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def synthetic_dot1(tmp_path: Path, rows: list[str] | None = None, name="synthetic.csv") -> Path:
    return write(tmp_path, name, "\n".join([DOT1_HEADER, *(rows or DOT1_ROWS)]) + "\n")


def million(frame: pd.DataFrame, **where) -> float:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    return frame.loc[mask, "value_usd"].sum() / 1e6


# ----------------------------------------------------------------- decoding (synthetic)
def test_synthetic_dot1_codes_become_iso_place_ids_and_df_split_is_summed(tmp_path):
    (batch,) = transborder.load_file(synthetic_dot1(tmp_path))
    f = batch.frame.set_index(["us_state", "partner_place_id", "flow"], drop=False)
    assert batch.table == "trade" and batch.key == transborder.TRADE_KEY
    assert f.loc[("US-VT", "CA-QC", "export"), "value_usd"].item() == 1500
    assert f.loc[("US-TX", "MX-CMX", "export"), "value_usd"].item() == 300  # DF = Mexico City
    assert f.loc[("US-TX", "MX-NAY", "export"), "value_usd"].item() == 200  # 'NA' is Nayarit
    unknown = batch.frame[batch.frame["us_state"] == "US-XX"]  # DU = unknown state
    assert unknown["partner_place_id"].isna().all() and unknown["port_code"].tolist() == ["23XX"]
    mx_import = batch.frame[
        (batch.frame["flow"] == "import") & (batch.frame["partner_country"] == "MX")
    ]
    assert mx_import["partner_place_id"].isna().all()


def test_land_export_weight_is_null_but_import_weight_is_kept(tmp_path):
    (batch,) = transborder.load_file(synthetic_dot1(tmp_path))
    f = batch.frame
    assert f.loc[f["flow"] == "export", "weight_kg"].isna().all()
    assert f.loc[(f["flow"] == "import") & (f["us_state"] == "US-VT"), "weight_kg"].item() == 90


def test_gzipped_file_loads_like_the_plain_one(tmp_path):
    plain = synthetic_dot1(tmp_path)
    zipped = write(tmp_path, "synthetic.csv.gz", gzip.compress(plain.read_bytes()))
    (a,) = transborder.load_file(plain)
    (b,) = transborder.load_file(zipped)
    pd.testing.assert_frame_equal(a.frame, b.frame)


def test_unpadded_commodity_code_is_padded_before_lookup(tmp_path):
    path = write(tmp_path, "dot2.csv", DOT2_HEADER + "\n1,VT,3,5,,XQ,1220,10,0,0,1,X,02,2016\n")
    (batch,) = transborder.load_file(path)
    assert batch.frame["hs2"].tolist() == ["03"]
    assert batch.source.source_id == "transborder-dot2-2016-02"


# ----------------------------------------------------------------- refusals (synthetic)
@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("1,VT,0201,5,,XQ,1220,12x,0,0,1,X,01,2015", "VALUE", "not a number"),
        ("1,VT,0201,5,,XQ,1220,,0,0,1,X,01,2015", "VALUE", "not a number"),
        ("1,VT,0201,5,,XQ,1220,-5,0,0,1,X,01,2015", "VALUE", "negative"),
        ("1,ZZ,0201,5,,XQ,1220,5,0,0,1,X,01,2015", "USASTATE", "unknown U.S. state"),
        ("1,VT,0201,5,,XZ,1220,5,0,0,1,X,01,2015", "CANPROV", "unknown Canadian province"),
        ("1,TX,2304,5,QQ,,2010,5,0,0,1,X,01,2015", "MEXSTATE", "unknown Mexican state"),
        ("1,VT,0201,2,,XQ,1220,5,0,0,1,X,01,2015", "DISAGMOT", "unknown mode"),
        ("1,VT,0201,5,,XQ,1234,5,0,0,1,X,01,2015", "COUNTRY", "unknown country"),
        ("3,VT,0201,5,,XQ,1220,5,0,0,1,X,01,2015", "TRDTYPE", "unknown trade type"),
        ("1,VT,0201,5,,XQ,1220,5,0,0,1,X,13,2015", "MONTH", "impossible month"),
        ("1,VT,0201,5,,XQ,1220,5,0,0,1,X,00,2015", "MONTH", "impossible month"),
        ("1,VT,0201,5,,XQ,1220,5,0,0,1,X,01,1850", "YEAR", "impossible year"),
        ("1,VT,0201,5,,XQ,1220,5,0,0,1,X,1.5,2015", "MONTH", "not a whole number"),
        ("1,VT,02011,5,,XQ,1220,5,0,0,1,X,01,2015", "DEPE", "Schedule-D"),
        ("1,VT,0201,5,NL,,1220,5,0,0,1,X,01,2015", "MEXSTATE", "COUNTRY is 1220"),
    ],
)
def test_bad_cell_in_synthetic_dot1_is_refused_naming_line_and_column(tmp_path, row, column, words):
    error = refusal(
        transborder.load_file, synthetic_dot1(tmp_path, [DOT1_ROWS[0], DOT1_ROWS[2], row])
    )
    assert (error.line, error.column) == (4, column)
    assert words in error.problem


def test_unknown_hs_chapter_in_synthetic_dot2_is_refused(tmp_path):
    path = write(tmp_path, "dot2.csv", DOT2_HEADER + "\n1,VT,00,5,,XQ,1220,10,0,0,1,X,02,2016\n")
    error = refusal(transborder.load_file, path)
    assert (error.line, error.column) == (2, "COMMODITY2") and "HS chapter" in error.problem


def test_bts_crossings_file_is_refused_as_wrong_kind_of_table(tmp_path):
    path = write(
        tmp_path,
        "crossings.csv",
        "Port Name,State,Port Code,Border,Date,Measure,Value\n"
        "Synthetic,VT,0201,US-Canada Border,Jan 2015,Trucks,10\n",
    )
    error = refusal(transborder.load_file, path)
    assert error.line == 1 and "not a TransBorder" in error.problem


def test_raw_table_missing_a_column_is_refused_naming_it(tmp_path):
    header = DOT1_HEADER.replace("CANPROV,", "")
    path = write(tmp_path, "dot1.csv", header + "\n1,VT,0201,5,,1220,5,0,0,1,X,01,2015\n")
    error = refusal(transborder.load_file, path)
    assert (error.line, error.column) == (1, "CANPROV") and "missing column" in error.problem


def test_empty_file_is_refused(tmp_path):
    assert "empty" in refusal(transborder.load_file, write(tmp_path, "empty.csv", b"")).problem


def test_header_without_rows_is_refused(tmp_path):
    error = refusal(transborder.load_file, write(tmp_path, "header.csv", DOT1_HEADER + "\n"))
    assert "no data rows" in error.problem


def test_binary_file_is_refused(tmp_path):
    error = refusal(
        transborder.load_file, write(tmp_path, "binary.csv", b"PK\x03\x04\x00\x00garbage\x00\xff")
    )
    assert "binary" in error.problem and error.line == 1


def test_garbled_non_utf8_bytes_are_refused_with_their_line(tmp_path):
    text = (DOT1_HEADER + "\n" + DOT1_ROWS[0] + "\n").encode() + b"1,VT,\xff\xfe,5\n"
    error = refusal(transborder.load_file, write(tmp_path, "garbled.csv", text))
    assert error.line == 3 and "UTF-8" in error.problem


def test_truncated_gzip_is_refused(tmp_path):
    whole = gzip.compress(synthetic_dot1(tmp_path).read_bytes())
    error = refusal(transborder.load_file, write(tmp_path, "cut.csv.gz", whole[: len(whole) // 2]))
    assert "gzip" in error.problem and "truncated" in error.problem


def test_field_longer_than_200_characters_is_refused(tmp_path):
    row = "1,VT,0201,5,,XQ,1220,5,0,0,1," + "X" * 201 + ",01,2015"
    error = refusal(transborder.load_file, synthetic_dot1(tmp_path, [DOT1_ROWS[0], row]))
    assert (error.line, error.column) == (3, "CONTCODE") and "200" in error.problem


def test_row_with_wrong_field_count_is_refused(tmp_path):
    error = refusal(transborder.load_file, synthetic_dot1(tmp_path, [DOT1_ROWS[0], "1,VT,0201,5"]))
    assert error.line == 3 and "fields" in error.problem


def test_mexican_state_import_row_in_aggregate_is_refused(tmp_path):
    path = write(
        tmp_path,
        "mexican_state_trade.csv",
        "Year,MexState,Mode,TradeType,TradeValue,Weight,WeightLb\n"
        "2001,Sonora,Truck,Export,10.0,,\n2001,Sonora,Truck,Import,5.0,,\n",
    )
    error = refusal(transborder.load_file, path)
    assert (error.line, error.column) == (3, "TradeType")


def test_unknown_mexican_state_name_in_aggregate_is_refused(tmp_path):
    path = write(
        tmp_path,
        "mexican_state_trade.csv",
        "Year,MexState,Mode,TradeType,TradeValue,Weight,WeightLb\n2001,Atlantis,Truck,Export,10,,\n",
    )
    error = refusal(transborder.load_file, path)
    assert (error.line, error.column) == (2, "MexState")


# ----------------------------------------------------------------- real files
@cache
def load_real(path: Path):
    """Load a real shared file once per test session (several tests read the same months)."""
    return transborder.load_file(path)


RAW_FILES = [RAW / "dot1_0115.csv", RAW / "dot2_0115.csv", RAW / "dot3_0115.csv"]
SAMPLE_FILES = [SAMPLE / "dot1_0120.csv", SAMPLE / "dot2_0121.csv", SAMPLE / "dot3_0122.csv"]
AGG_TABLES = {
    "us_state_trade.csv": "trade_annual",
    "mexican_state_trade.csv": "trade_annual",
    "od_canada_prov_flows.csv": "trade_od",
}


@needs_shared
@pytest.mark.parametrize(
    "path", RAW_FILES + SAMPLE_FILES, ids=lambda p: f"{p.parent.name[:24]}/{p.name}"
)
def test_every_raw_transborder_file_loads_and_keeps_every_dollar(path):
    (batch,) = load_real(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert batch.rows_read == len(raw)
    assert batch.frame["value_usd"].sum() == raw["VALUE"].astype(float).sum()
    assert not batch.frame.duplicated(transborder.TRADE_KEY).any()


@needs_shared
def test_misnamed_2020_2022_samples_are_detected_as_dot3_from_their_header():
    types = {p.name: load_real(p)[0].frame["table_type"].unique().tolist() for p in SAMPLE_FILES}
    assert types == {p.name: ["DOT3"] for p in SAMPLE_FILES}


@needs_shared
@pytest.mark.parametrize("name", sorted(AGG_TABLES))
def test_every_annual_aggregate_file_loads(name):
    (batch,) = load_real(AGG / name)
    raw = pd.read_csv(AGG / name, dtype=str, keep_default_na=False)
    assert batch.table == AGG_TABLES[name] and batch.rows_read == len(raw)
    assert batch.frame["value_usd"].sum() == raw["TradeValue"].astype(float).sum()


@needs_shared
def test_national_totals_and_texas_ports_files_are_refused_with_a_reason():
    assert (
        "double-count"
        in pytest.raises(LoadError, transborder.load_file, AGG / "us_transborder.csv").value.problem
    )
    assert (
        "not a TransBorder"
        in pytest.raises(LoadError, transborder.load_file, AGG / "Texas_Ports.csv").value.problem
    )


@needs_shared
@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.name)
def test_jan_2015_totals_match_published_figures(path):
    (batch,) = load_real(path)
    f = batch.frame
    billions = {
        (c, fl): round(million(f, partner_country=c, flow=fl) / 1e3, 2)
        for c in ("CA", "MX")
        for fl in ("export", "import")
    }
    assert billions == {
        ("CA", "export"): 22.65,
        ("CA", "import"): 25.40,
        ("MX", "export"): 19.14,
        ("MX", "import"): 22.06,
    }


@needs_shared
@pytest.mark.parametrize("path", RAW_FILES[:2], ids=lambda p: p.name)
def test_vermont_quebec_jan_2015_matches_published_figures(path):
    (batch,) = load_real(path)
    f = batch.frame
    assert round(million(f, us_state="US-VT", partner_place_id="CA-QC", flow="export"), 1) == 101.1
    assert round(million(f, us_state="US-VT", partner_place_id="CA-QC", flow="import"), 1) == 209.7


# ----------------------------------------------------------------- golden state tables
def state_iso() -> dict[str, str]:
    names = transborder.us_state_names(REPO / "data" / "codes")
    return {**names, "US State Unknown": "US-XX", "All U.S. states": "ALL"}


def annual_from_aggregates() -> pd.DataFrame:
    (batch,) = load_real(AGG / "us_state_trade.csv")
    return batch.frame


def annual_from_snapshot() -> pd.DataFrame:
    batches = transborder.reference_batches(REPO / "data")
    return next(b.frame for b in batches if b.source.source_id == "transborder-us-state-trade")


ANNUAL_SOURCES = {"aggregates": annual_from_aggregates, "snapshot": annual_from_snapshot}


@needs_shared
@pytest.mark.parametrize("origin", sorted(ANNUAL_SOURCES))
def test_state_surface_trade_2003_reproduces_bts_table_3_10_exactly(origin):
    annual = ANNUAL_SOURCES[origin]()
    surface = annual[(annual["year"] == 2003) & ~annual["mode"].isin(["Air", "Vessel"])]
    got = (
        surface.groupby(["us_state", "partner_country", "flow"])["value_usd"].sum() / 1e6
    ).round()
    published = pd.read_csv(
        SHARED / "bts_state_surface_trade_canada_mexico_2003/surface_trade_by_state_2003.csv"
    )
    published = published[published["state"] != "United States, total"]
    iso = state_iso()
    columns = {
        "exports_to_canada_musd": ("CA", "export"),
        "exports_to_mexico_musd": ("MX", "export"),
        "imports_from_canada_musd": ("CA", "import"),
        "imports_from_mexico_musd": ("MX", "import"),
    }
    mismatches = [
        (r["state"], column, r[column], got.get((iso[r["state"]], *key)))
        for _, r in published.iterrows()
        for column, key in columns.items()
        if got.get((iso[r["state"]], *key)) != r[column]
    ]
    assert len(published) == 51 and mismatches == []


@needs_shared
@pytest.mark.parametrize("origin", sorted(ANNUAL_SOURCES))
def test_nafta_trade_by_state_2006_2007_reproduces_bts_special_report_exactly(origin):
    annual = ANNUAL_SOURCES[origin]()
    published = pd.read_csv(
        SHARED / "bts_nafta_trade_by_state_2006_2007/nafta_trade_all_modes_by_state_2006_2007.csv"
    )
    iso = state_iso()
    for year in (2006, 2007):
        by_state = annual[annual["year"] == year].groupby("us_state")["value_usd"].sum() / 1e6
        by_state["ALL"] = by_state.sum()
        got = {r["state"]: round(by_state[iso[r["state"]]]) for _, r in published.iterrows()}
        assert got == dict(zip(published["state"], published[f"trade_{year}_musd"], strict=True))


@needs_shared
def test_2024_national_totals_match_provenance_figures():
    f = annual_from_aggregates()
    f = f[f["year"] == 2024]
    got = {
        (c, fl): round(million(f, partner_country=c, flow=fl) / 1e3, 1)
        for c in ("CA", "MX")
        for fl in ("export", "import")
    }
    assert got == {
        ("CA", "export"): 348.5,
        ("CA", "import"): 412.7,
        ("MX", "export"): 334.0,
        ("MX", "import"): 505.9,
    }


# ----------------------------------------------------------------- snapshot
@needs_shared
def test_snapshot_regenerates_byte_identical_committed_files(tmp_path):
    written = transborder.write_snapshot(SHARED, tmp_path)
    assert {p.name for p in written} >= {"trade_annual.csv", "trade_od.csv", "hs_chapters.csv"}
    for path in written:
        committed = REPO / "data" / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), path.name


def test_reference_batches_give_both_flows_and_mexican_state_rows_from_committed_snapshot():
    batches = {b.source.source_id: b for b in transborder.reference_batches(REPO / "data")}
    us = batches["transborder-us-state-trade"].frame
    mx = batches["transborder-mexican-state-trade"].frame
    od = batches["transborder-od-province"].frame
    assert set(us["flow"]) == {"export", "import"} and us["us_state"].notna().all()
    assert set(mx["flow"]) == {"export"} and mx["partner_place_id"].str.startswith("MX-").all()
    assert mx["us_state"].isna().all() and "MX-CMX" in set(mx["partner_place_id"])
    assert od["partner_place_id"].str.startswith("CA-").all() and od["port_code"].isna().all()
    assert (us["value_usd"] > 0).all() and set(us["year"]) == set(range(1993, 2026))


def test_committed_trade_files_stay_under_size_budget():
    names = ["trade_annual.csv", "trade_od.csv", "fdi_quarterly.csv", "travel.csv"]
    total = sum((REPO / "data" / n).stat().st_size for n in names)
    total += sum(p.stat().st_size for p in (REPO / "data" / "codes").glob("*.csv"))
    assert total < 1_500_000


def test_committed_snapshot_builds_into_store_and_answers_2007_nafta_total(tmp_path):
    from ingest import store

    db = tmp_path / "synthetic_store.duckdb"
    store.build(db, transborder.reference_batches(REPO / "data"))
    total = store.frame_of(
        db,
        "SELECT round(sum(value_usd) / 1e6) AS m FROM trade_annual WHERE year = 2007 AND us_state IS NOT NULL",
    )["m"].item()
    assert total == 908_888  # BTS Special Report 2009-02-11, Table 3, all U.S. states
    mx = store.frame_of(
        db, "SELECT count(*) AS n FROM trade_annual WHERE us_state IS NULL AND flow = 'import'"
    )
    assert mx["n"].item() == 0
