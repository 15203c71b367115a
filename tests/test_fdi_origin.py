"""FDI by state x country of origin and by SCIAN sector (SE release 2025 3T).

Known answers come from the REAL shared files (PROVENANCE.md of
mexico_fdi_by_state_origin_sector_2006_2025). Refusal tests use tiny SYNTHETIC
Parquet tables written to tmp_path (invented values).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ingest import fdi_origin, fdi_sector, fdi_ytd, store
from tests.conftest import build_reference_store, refusal, refusal_keeps_store

REPO = Path(__file__).resolve().parents[1]
needs_shared = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def se_dir(shared_data) -> Path:
    return shared_data / fdi_ytd.SHARED_DIR


@pytest.fixture(scope="module")
def by_origin(se_dir) -> pd.DataFrame:
    return fdi_origin.load_file(se_dir / "country_by_state.parquet")[0].frame


@pytest.fixture(scope="module")
def totals(se_dir) -> pd.DataFrame:
    return fdi_origin.load_file(se_dir / "investment_by_state.parquet")[0].frame


def synthetic_origin(tmp_path: Path, rows: list[tuple], name="synthetic_origin.parquet") -> Path:
    """SYNTHETIC country_by_state rows: (origin, state, year, q, value, confidential)."""
    frame = pd.DataFrame(
        rows, columns=["País_origen", "Estado", "Year", "Q", "IED", "is_confidential"]
    )
    frame["Fecha"] = pd.to_datetime(
        [
            f"{y}-{q * 3:02d}-{[31, 30, 30, 31][q - 1]}"
            for y, q in zip(frame.Year, frame.Q, strict=True)
        ]
    )
    frame["Year"], frame["Q"] = frame["Year"].astype("int32"), frame["Q"].astype("int32")
    path = tmp_path / name
    frame.to_parquet(path, index=False)
    return path


US, NL = "Estados Unidos de América", "Nuevo León"


# ------------------------------------------------------------ known answers (real files)


def test_nuevo_leon_from_the_us_in_2024_sums_to_758_58(by_origin):
    rows = by_origin[(by_origin.place_id == "MX-NLE") & (by_origin.origin == "US")
                     & (by_origin.year == 2024)]  # fmt: skip
    assert list(rows.quarter) == [1, 2, 3, 4] and not rows.confidential.any()
    assert round(rows.value_musd.sum(), 2) == 758.58
    # Single quarters, not the running totals: Q2 alone is 706.82 - 521.66.
    assert round(rows.value_musd.iloc[1], 2) == 185.16 and round(rows.ytd_musd.iloc[1], 2) == 706.82


def q4(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year's Q4 rows: their running total is the year, known even when a quarter is not."""
    return frame[(frame.year == year) & (frame.quarter == 4)]


def test_baja_california_2022_us_share_is_72_6_percent_of_disclosed_origins(by_origin, totals):
    bc = q4(by_origin, 2022)[lambda f: f.place_id == "MX-BCN"]
    us = bc.loc[bc.origin == "US", "ytd_musd"].sum()
    assert round(us, 1) == 1361.3
    # PROVENANCE's 72.6 % divides by the sum over origins whose cells are published
    # (1875.0); SE's all-origin state total (1877.0) also holds the 12 confidential ones.
    assert round(bc["ytd_musd"].sum(), 1) == 1875.0 and bc["ytd_musd"].isna().sum() == 12
    assert round(100 * us / bc["ytd_musd"].sum(), 1) == 72.6
    total = q4(totals, 2022)[lambda f: f.place_id == "MX-BCN"].ytd_musd.sum()
    assert round(total, 1) == 1877.0 and round(100 * us / total, 1) == 72.5


def test_2024_totals_from_the_us_and_canada_match_provenance(by_origin):
    year = q4(by_origin, 2024).groupby("origin").ytd_musd.sum()
    assert (round(year["US"], 1), round(year["CA"], 1)) == (16653.7, 3611.5)
    # Summing single quarters instead loses every quarter next to a confidential cell.
    quarters = by_origin[by_origin.year == 2024].groupby("origin").value_musd.sum()
    assert round(quarters["US"], 1) == 16653.7 and quarters["CA"] < year["CA"] - 100


def test_confidential_cells_are_null_never_zero(by_origin):
    secret = by_origin[by_origin.confidential]
    assert len(secret) > 20_000 and secret.value_musd.isna().all()
    assert by_origin.loc[~by_origin.confidential, "value_musd"].notna().all()


def test_every_origin_is_an_iso_code_and_all_151_are_present(by_origin):
    origins = set(by_origin.origin)
    assert len(origins) == 151 and {"US", "CA", "GB-SCT", "other"} <= origins
    assert all(o in ("GB-SCT", "other") or (len(o) == 2 and o.isupper()) for o in origins)


def test_2025_stops_at_the_second_quarter(by_origin, totals):
    assert set(by_origin[by_origin.year == 2025].quarter) == {1, 2}
    assert set(totals[totals.year == 2025].quarter) == {1, 2} and set(totals.origin) == {"all"}


def test_sector_flows_sum_to_state_totals_within_confidential_cells(se_dir, totals):
    (batch,) = fdi_sector.load_file(se_dir / "sector_by_state.parquet")
    f = batch.frame
    assert set(f.level) == {2, 3, 4} and {"31-33", "48-49", "336", "3361"} <= set(f.scian_code)
    nl = f[(f.place_id == "MX-NLE") & (f.year == 2017) & (f.level == 2)]
    total = totals[(totals.place_id == "MX-NLE") & (totals.year == 2017)].value_musd.sum()
    assert round(total, 2) == 1996.24  # PROVENANCE: Nuevo León 2017 Q4 running total
    disclosed = nl.loc[~nl.confidential, "value_musd"].sum()
    assert nl.confidential.any() or abs(disclosed - total) < 0.01
    assert f.loc[f.confidential, "value_musd"].isna().all()


# ------------------------------------------------------------ committed snapshot


@needs_shared
def test_snapshots_regenerate_byte_identical(tmp_path, shared_data):
    for writer in (fdi_origin.write_snapshot, fdi_sector.write_snapshot):
        for path in writer(shared_data, tmp_path):
            committed = REPO / "data" / path.relative_to(tmp_path)
            assert path.read_bytes() == committed.read_bytes(), committed


def test_reference_rows_keep_full_years_as_annual_and_2025_as_quarters():
    batches = {b.source.source_id: b.frame for b in fdi_origin.reference_batches(REPO / "data")}
    origin, totals = batches["mx-fdi-origin"], batches["mx-fdi-state-se"]
    nl = origin[(origin.place_id == "MX-NLE") & (origin.origin == "US") & (origin.year == 2024)]
    assert len(nl) == 1 and nl.quarter.isna().all() and round(nl.value_musd.iloc[0], 2) == 758.58
    assert set(totals.loc[totals.year == 2025, "quarter"]) == {1, 2}
    assert {"US", "CA"} <= set(origin.origin) and "all" not in set(origin.origin)
    (sector,) = fdi_sector.reference_batches(REPO / "data")
    assert set(sector.frame.level) == {2} and sector.frame.loc[sector.frame.confidential,
                                                                "value_musd"].isna().all()  # fmt: skip


# ------------------------------------------------------------ derivation and refusals (synthetic)


def test_difference_next_to_a_confidential_cell_is_unknown(tmp_path):
    path = synthetic_origin(tmp_path, [
        (US, NL, 2020, 1, 10.0, False), (US, NL, 2020, 2, None, True),
        (US, NL, 2020, 3, 25.0, False), (US, NL, 2020, 4, 30.0, False),
    ])  # fmt: skip
    (batch,) = fdi_origin.load_file(path)
    f = batch.frame.set_index("quarter")
    assert f.loc[1, "value_musd"] == 10.0 and f.loc[4, "value_musd"] == 5.0
    assert f.loc[[2, 3], "value_musd"].isna().all() and f.loc[[2, 3], "confidential"].all()
    assert f.loc[3, "ytd_musd"] == 25.0 and not f.loc[4, "confidential"]


def test_a_year_missing_a_quarter_is_refused_naming_the_row(tmp_path):
    path = synthetic_origin(
        tmp_path, [(US, NL, 2020, 1, 1.0, False), (US, NL, 2020, 3, 2.0, False)]
    )
    error = refusal(fdi_origin.load_file, path)
    assert error.line == 2 and error.column == "Q" and "Q2 was due" in error.problem


def test_unknown_origin_is_refused(tmp_path):
    error = refusal(
        fdi_origin.load_file, synthetic_origin(tmp_path, [("Atlántida", NL, 2020, 1, 1.0, False)])
    )
    assert (error.line, error.column) == (1, "País_origen") and "Atlántida" in error.problem


def test_unknown_state_is_refused(tmp_path):
    error = refusal(
        fdi_origin.load_file, synthetic_origin(tmp_path, [(US, "Narnia", 2020, 1, 1.0, False)])
    )
    assert error.column == "Estado" and "Narnia" in error.problem


def test_empty_value_not_flagged_confidential_is_refused(tmp_path):
    error = refusal(
        fdi_origin.load_file, synthetic_origin(tmp_path, [(US, NL, 2020, 1, None, False)])
    )
    assert error.column == "IED" and "not flagged confidential" in error.problem


def test_quarter_end_date_disagreeing_with_the_quarter_is_refused(tmp_path):
    path = synthetic_origin(tmp_path, [(US, NL, 2020, 1, 1.0, False)])
    frame = pd.read_parquet(path)
    frame["Fecha"] = pd.to_datetime(["2020-06-30"])
    frame.to_parquet(path, index=False)
    assert refusal(fdi_origin.load_file, path).column == "Fecha"


def test_csv_renamed_parquet_and_cut_file_are_refused(tmp_path):
    fake = tmp_path / "fake.parquet"
    fake.write_text("País_origen,Estado\nx,y\n", encoding="utf-8")
    assert "not a Parquet file" in refusal(fdi_origin.load_file, fake).problem
    good = synthetic_origin(tmp_path, [(US, NL, 2020, 1, 1.0, False)])
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(good.read_bytes()[:-10])
    assert "cut short" in refusal(fdi_origin.load_file, cut).problem


def test_parquet_of_another_table_is_refused(tmp_path):
    path = tmp_path / "other.parquet"
    pd.DataFrame({"a": [1]}).to_parquet(path)
    assert "not an SE FDI table" in refusal(fdi_origin.load_file, path).problem


def test_bad_sector_code_is_refused(tmp_path):
    frame = pd.DataFrame({"Concepto": ["Minería"], "Estado": [NL], "Nivel": [2], "Sector": [2.5],
                          "Subsector": [None], "Rama": [None], "IED": [1.0],
                          "Fecha": pd.to_datetime(["2020-03-31"]), "Year": [2020], "Q": [1],
                          "is_confidential": [False]})  # fmt: skip
    path = tmp_path / "sector.parquet"
    frame.to_parquet(path, index=False)
    error = refusal(fdi_sector.load_file, path)
    assert (error.line, error.column) == (1, "Sector")


def test_refused_load_leaves_the_store_unchanged(tmp_path):
    good = synthetic_origin(tmp_path, [(US, NL, 2020, 1, 1.0, False)])
    bad = synthetic_origin(tmp_path, [(US, "Narnia", 2020, 1, 1.0, False)], "bad.parquet")
    refusal_keeps_store("mx-fdi-origin", good, bad, tmp_path / "store.duckdb")


def test_old_store_gains_confidential_false_and_nullable_value(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE fdi (place_id VARCHAR NOT NULL, year INTEGER NOT NULL, quarter "
                "INTEGER, origin VARCHAR NOT NULL, value_musd DOUBLE NOT NULL, source_id VARCHAR "
                "NOT NULL)")  # fmt: skip
    con.execute("INSERT INTO fdi VALUES ('MX-NLE', 2017, 1, 'all', 1.5, 'mx-fdi-state')")
    con.close()
    path = synthetic_origin(tmp_path, [(US, NL, 2020, 1, None, True)])
    store.apply(db, fdi_origin.load_file(path))
    rows = store.frame_of(db, "SELECT origin, value_musd, confidential FROM fdi ORDER BY origin")
    assert rows.values.tolist()[0] == ["US", None, True] or rows.isna().iloc[0, 1]
    assert rows.values.tolist()[1] == ["all", 1.5, False]


# ------------------------------------------------------------ the reference store


HEADLINE_SQL = """
WITH v AS (SELECT DISTINCT f.year, f.source_id, s.as_of FROM fdi f JOIN sources s USING (source_id)
           WHERE f.origin = 'all'),
pick AS (SELECT year, source_id FROM v
         QUALIFY row_number() OVER (PARTITION BY year ORDER BY as_of DESC NULLS LAST, source_id) = 1)
SELECT f.* FROM fdi f JOIN pick USING (year, source_id) WHERE f.origin = 'all'
"""  # the rule documented in data/README.md ("Which FDI series a headline uses")


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory) -> Path:
    return build_reference_store(tmp_path_factory.mktemp("ref") / "store.duckdb")


def test_reference_store_has_the_new_tables_and_series(reference_store):
    counts = store.frame_of(
        reference_store,
        "SELECT 'fdi_sector' t, count(*) n FROM fdi_sector UNION ALL "
        "SELECT 'trade_sector_annual', count(*) FROM trade_sector_annual UNION ALL "
        "SELECT 'port_trade_annual', count(*) FROM port_trade_annual UNION ALL "
        "SELECT 'state_exports_subsector', count(*) FROM state_exports_subsector",
    ).set_index("t")["n"]
    assert (counts > 1000).all()
    series = set(store.frame_of(reference_store, "SELECT DISTINCT source_id FROM fdi")["source_id"])
    assert series == {"mx-fdi-state", "mx-fdi-state-datamexico", "mx-fdi-state-se", "mx-fdi-origin"}


def test_headline_rule_picks_one_series_per_year_newest_vintage_first(reference_store):
    rows = store.frame_of(reference_store, HEADLINE_SQL)
    per_year = rows.groupby("year")["source_id"].agg(["nunique", "first"])
    assert (per_year["nunique"] == 1).all()
    assert set(per_year.loc[1999:2005, "first"]) == {"mx-fdi-state-datamexico"}
    assert set(per_year.loc[2006:2025, "first"]) == {"mx-fdi-state-se"}
    assert not rows.duplicated(["place_id", "year", "quarter"]).any()
    nl = rows[(rows.place_id == "MX-NLE") & (rows.year == 2017)]
    assert round(nl.value_musd.sum(), 2) == 1996.24  # SE 2025 3T: NL 2017 Q4 running total


def test_us_share_of_baja_california_2022_in_the_reference_store(reference_store):
    share = store.frame_of(
        reference_store,
        "SELECT sum(value_musd) FILTER (WHERE origin = 'US' AND source_id = 'mx-fdi-origin') / "
        "sum(value_musd) FILTER (WHERE origin = 'all' AND source_id = 'mx-fdi-state-se') AS s "
        "FROM fdi WHERE place_id = 'MX-BCN' AND year = 2022",
    )["s"].iloc[0]
    assert round(100 * share, 1) == 72.5  # of SE's all-origin total; 72.6 % of disclosed origins
