"""Statistics Canada travel tables: real files load, NULL stays NULL, bad input is refused.

Refusal tests use tiny SYNTHETIC files written to tmp_path (invented counts).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ingest import travel
from tests.conftest import refusal

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
FOLDER = SHARED / travel.SHARED_DIR
# The conftest fixture fails (never skips) when ../shared/data is missing.
needs_shared = pytest.mark.usefixtures("shared_data")

LONG_HEADER = "statcan_table,period,travellers,country,mode,province,trips"
T3 = "66-001-P 2020002 Table 3"
TRAVELLERS = "non-residents entering Canada (country = country of residence)"


def long_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "synthetic_travel.csv"
    path.write_text("\n".join([LONG_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def row(period="2019-01/2019-02", mode="All modes", province="Ontario", trips="10", table=T3):
    return f"{table},{period},{TRAVELLERS},United States,{mode},{province},{trips}"


def test_synthetic_long_rows_get_iso_ids_period_dates_and_null_for_not_applicable(tmp_path):
    path = long_file(
        tmp_path, [row(), row(province="Nunavut", trips=""), row(province="Canada", trips="0")]
    )
    (batch,) = travel.load_file(path)
    f = batch.frame.set_index("place_id")
    assert f.loc["CA-ON", "trips"] == 10
    assert pd.isna(f.loc["CA-NU", "trips"])  # empty = not applicable, not zero
    assert f.loc["CA", "trips"] == 0
    assert (f.loc["CA-ON", "period_start"], f.loc["CA-ON", "period_end"]) == (
        date(2019, 1, 1),
        date(2019, 2, 28),
    )
    assert f.loc["CA-ON", "travellers"] == "Non-residents entering Canada"
    assert batch.source.source_id == "statcan-66-001-p-2020002-t3"
    assert batch.source.url.startswith("https://www150.statcan.gc.ca/")


def test_single_month_period_covers_the_whole_month(tmp_path):
    (batch,) = travel.load_file(long_file(tmp_path, [row(period="2020-02")]))
    assert batch.frame["period_end"].iloc[0] == date(2020, 2, 29)


def test_synthetic_autos_table_is_stored_in_travellers_with_null_for_blank(tmp_path):
    path = tmp_path / "autos.csv"
    path.write_text(
        "province,aug_2019_thousands,aug_2020_thousands\nCanada,2049.7,72.8\nNunavut,,\n",
        encoding="utf-8",
    )
    (batch,) = travel.load_file(path)
    f = batch.frame.set_index(["place_id", "period_start"])
    assert f.loc[("CA", date(2019, 8, 1)), "trips"] == 2_049_700
    assert f.loc[("CA", date(2020, 8, 1)), "trips"] == 72_800
    assert f["trips"].isna().sum() == 2 and set(f["unit"]) == {"travellers"}


@pytest.mark.parametrize(
    ("bad", "column", "words"),
    [
        (row(province="Atlantis"), "province", "unknown province"),
        (row(mode="Bicycle"), "mode", "unknown mode"),
        (row(trips="12a"), "trips", "not a number"),
        (row(trips="-4"), "trips", "negative"),
        (row(trips="4.5"), "trips", "whole"),
        (row(period="2019-13"), "period", "not YYYY-MM"),
        (row(period="Jan 2019"), "period", "not YYYY-MM"),
        (row(table="66-001-P 1999001 Table 9"), "statcan_table", "unknown Statistics Canada table"),
    ],
)
def test_bad_cell_is_refused_naming_line_and_column(tmp_path, bad, column, words):
    error = refusal(travel.load_file, long_file(tmp_path, [row(), bad]))
    assert (error.line, error.column) == (3, column) and words in error.problem


def test_province_listed_twice_for_same_period_is_refused(tmp_path):
    error = refusal(travel.load_file, long_file(tmp_path, [row(), row(trips="11")]))
    assert error.line == 3 and "duplicate" in error.problem


def test_wrong_kind_of_table_is_refused(tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text(
        "Year,MexState,Mode,TradeType,TradeValue\n2001,Sonora,Truck,Export,1\n", encoding="utf-8"
    )
    assert "not a Statistics Canada travel table" in refusal(travel.load_file, path).problem


def test_missing_column_is_refused_naming_it(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        LONG_HEADER.replace(",mode", "") + f"\n{T3},2019-01,x,United States,Ontario,1\n",
        encoding="utf-8",
    )
    error = refusal(travel.load_file, path)
    assert (error.line, error.column) == (1, "mode")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in refusal(travel.load_file, path).problem


@needs_shared
@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.csv")), ids=lambda p: p.name[:40])
def test_every_real_travel_file_loads_with_every_row(path):
    batches = travel.load_file(path)
    rows = sum(len(b.frame) for b in batches)
    published = pd.read_csv(path, dtype=str, keep_default_na=False)
    expected = len(published) * (2 if "aug_2019_thousands" in published.columns else 1)
    assert rows == expected


@needs_shared
def test_real_provinces_sum_to_the_published_canada_total():
    for path in sorted(FOLDER.glob("*overnight*.csv")):
        for batch in travel.load_file(path):
            f = batch.frame
            groups = f.groupby(["period_start", "country", "mode"])
            for _, g in groups:
                total = g.loc[g["place_id"] == "CA", "trips"].item()
                assert g.loc[g["place_id"] != "CA", "trips"].sum() == total


@needs_shared
def test_covid_border_closure_shows_in_august_autos():
    (batch,) = travel.load_file(
        FOLDER / "us_residents_entering_canada_us_licensed_autos_aug_2019_2020.csv"
    )
    f = batch.frame[batch.frame["place_id"] == "CA"].set_index("period_start")["trips"]
    assert (f[date(2019, 8, 1)], f[date(2020, 8, 1)]) == (2_049_700, 72_800)


@needs_shared
def test_snapshot_regenerates_byte_identical_and_reference_matches_direct_load(tmp_path):
    (path,) = travel.write_snapshot(SHARED, tmp_path)
    assert path.read_bytes() == (REPO / "data" / travel.SNAPSHOT_FILE).read_bytes()
    reference = {b.source.source_id: b.frame for b in travel.reference_batches(REPO / "data")}
    for file in sorted(FOLDER.glob("*.csv")):
        for batch in travel.load_file(file):
            ref = reference[batch.source.source_id].sort_values(travel.KEY, ignore_index=True)
            direct = batch.frame.sort_values(travel.KEY, ignore_index=True)
            pd.testing.assert_frame_equal(ref, direct, check_dtype=False)
