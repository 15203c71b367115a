"""Sector and port tables: TransBorder commodity groups by Mexican state, Texas-Mexico
ports, INEGI state exports by subsector.

Known answers from the REAL shared files; refusal tests use tiny SYNTHETIC CSVs
written to tmp_path (invented values).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from ingest import inegi_exports, texas_ports, trade_sector, transborder
from tests.conftest import refusal, refusal_keeps_store

REPO = Path(__file__).resolve().parents[1]
needs_shared = pytest.mark.usefixtures("shared_data")


def write_csv(tmp_path: Path, header: str, rows: list[str], name="synthetic.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------ commodity groups x Mexican state


@pytest.fixture(scope="module")
def sectors(shared_data):
    return trade_sector.load_file(shared_data / trade_sector.SHARED_FILE)[0]


def test_2024_sums_over_sectors_equal_trade_annual_mexican_state_exports(sectors, shared_data):
    (annual,) = transborder.load_file(
        shared_data / transborder.AGGREGATES_DIR / "mexican_state_trade.csv"
    )
    a = annual.frame[annual.frame.year == 2024].groupby("partner_place_id").value_usd.sum()
    f = sectors.frame
    s = f[f.year == 2024].groupby("partner_place_id").value_usd.sum()
    pd.testing.assert_series_equal(s, a, check_names=False)
    assert round(s.sum() / 1e9, 2) == 258.27


def test_every_year_from_2003_reconciles_and_earlier_years_are_kept_out(sectors, shared_data):
    (annual,) = transborder.load_file(
        shared_data / transborder.AGGREGATES_DIR / "mexican_state_trade.csv"
    )
    a = annual.frame.groupby("year").value_usd.sum()
    s = sectors.frame.groupby("year").value_usd.sum()
    assert s.index.min() == 2003 and (s - a[s.index]).abs().max() < 1
    assert "1994-2002" in sectors.notes[0] and "double counted" in sectors.notes[0]


def test_committed_sector_snapshot_matches_the_source_summed_over_modes(sectors):
    (ref,) = trade_sector.reference_batches(REPO / "data")
    assert ref.frame["mode"].isna().all()
    want = sectors.frame.groupby(["year", "partner_place_id", "sector"]).value_usd.sum()
    got = ref.frame.groupby(["year", "partner_place_id", "sector"]).value_usd.sum()
    pd.testing.assert_series_equal(got, want[want != 0], check_names=False)


def test_sector_code_table_has_every_group_in_three_languages():
    with open(REPO / "data" / trade_sector.GROUPS_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 22 and all(r["name_en"] and r["name_es"] and r["name_fr"] for r in rows)


SECTOR_HEADER = "Year,MexState,CommodityGroup,Mode,TradeType,TradeValue,Weight,WeightLb"


def test_unknown_commodity_group_is_refused_naming_line(tmp_path):
    path = write_csv(tmp_path, SECTOR_HEADER, ["2010,Sonora,Plastics & Rubber,Truck,Export,5,,",
                                               "2010,Sonora,Unobtainium,Truck,Export,5,,"])  # fmt: skip
    error = refusal(trade_sector.load_file, path)
    assert (error.line, error.column) == (3, "CommodityGroup")


def test_import_row_for_a_mexican_state_is_refused(tmp_path):
    path = write_csv(tmp_path, SECTOR_HEADER, ["2010,Sonora,Plastics & Rubber,Truck,Import,5,,"])
    assert refusal(trade_sector.load_file, path).column == "TradeType"


def test_negative_trade_value_is_refused(tmp_path):
    path = write_csv(tmp_path, SECTOR_HEADER, ["2010,Sonora,Plastics & Rubber,Truck,Export,-5,,"])
    error = refusal(trade_sector.load_file, path)
    assert (error.line, error.column) == (2, "TradeValue")


def test_refused_sector_load_leaves_the_store_unchanged(tmp_path):
    good = write_csv(tmp_path, SECTOR_HEADER, ["2010,Sonora,Plastics & Rubber,Truck,Export,5,,"])
    bad = write_csv(tmp_path, SECTOR_HEADER, ["2010,Atlantis,Plastics & Rubber,Truck,Export,5,,"],
                    "bad.csv")  # fmt: skip
    refusal_keeps_store("transborder-sector", good, bad, tmp_path / "store.duckdb")


# ------------------------------------------------------------ Texas-Mexico ports


@needs_shared
def test_laredo_2024_trade_and_snapshot_round_trip(shared_data):
    (batch,) = texas_ports.load_file(shared_data / texas_ports.SHARED_FILE)
    f = batch.frame
    laredo = f[(f.year == 2024) & (f.port_code == "2304")].groupby("flow").value_usd.sum()
    assert (round(laredo["export"] / 1e9, 1), round(laredo["import"] / 1e9, 1)) == (128.3, 202.9)
    assert f.port_code.str[:2].isin(["23", "24"]).all() and len(f) == 2335
    (ref,) = texas_ports.reference_batches(REPO / "data")
    assert ref.frame.value_usd.sum() == f.value_usd.sum()


PORT_HEADER = (
    "Year,PortCode,Port,Mode,TradeType,TradeValue,Weight,FreightCharges,Region,Lat,Lon,WeightLb"
)


def test_port_outside_texas_is_refused(tmp_path):
    path = write_csv(tmp_path, PORT_HEADER, ["2020,2506,Otay Mesa,Truck,Export,5,,,x,1,1,"])
    error = refusal(texas_ports.load_file, path)
    assert (error.line, error.column) == (2, "PortCode") and "not a Texas port" in error.problem


def test_repeated_port_mode_flow_row_is_refused(tmp_path):
    row = "2020,2304,Laredo,Truck,Export,5,,,Laredo,1,1,"
    error = refusal(texas_ports.load_file, write_csv(tmp_path, PORT_HEADER, [row, row]))
    assert error.line == 3 and "second row" in error.problem


# ------------------------------------------------------------ INEGI exports by subsector


@needs_shared
def test_inegi_2018_national_non_oil_total_is_about_387_billion(shared_data):
    (batch,) = inegi_exports.load_file(shared_data / inegi_exports.SHARED_FILE)
    f = batch.frame
    total = f[(f.year == 2018) & (f.scian_code == "total")].value_usd.sum()
    assert round(total / 1e9) == 387  # PROVENANCE: 2018 national total about US$387 bn
    assert f.place_id.nunique() == 32 and {"total", "unspecified", "336"} <= set(f.scian_code)
    (ref,) = inegi_exports.reference_batches(REPO / "data")
    assert len(ref.frame) == len(f)


INEGI_HEADER = "Código,Descripción,state,year,USD"


def test_uncoded_row_that_is_not_a_total_is_refused(tmp_path):
    path = write_csv(tmp_path, INEGI_HEADER, ["NA,Otra cosa,Sonora,2010,5"])
    assert refusal(inegi_exports.load_file, path).column == "Código"


def test_thousands_are_stored_as_dollars(tmp_path):
    path = write_csv(tmp_path, INEGI_HEADER, ['336,"Fabricación de equipo de transporte",Sonora,2010,5',
                                              "NA,Exportaciones totales,Quinta Roo,2010,7"])  # fmt: skip
    (batch,) = inegi_exports.load_file(path)
    assert batch.frame.set_index("scian_code").value_usd.to_dict() == {
        "336": 5000.0,
        "total": 7000.0,
    }
    assert set(batch.frame.place_id) == {"MX-SON", "MX-ROO"}


@needs_shared
def test_snapshots_regenerate_byte_identical(tmp_path, shared_data):
    for writer in (trade_sector.write_snapshot, texas_ports.write_snapshot,
                   inegi_exports.write_snapshot):  # fmt: skip
        for path in writer(shared_data, tmp_path):
            assert path.read_bytes() == (REPO / "data" / path.name).read_bytes(), path.name
