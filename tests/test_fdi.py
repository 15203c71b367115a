"""Mexican FDI by state: the real file loads, national totals hold, bad input is refused.

Refusal tests use tiny SYNTHETIC wide tables written to tmp_path (invented values).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from ingest import fdi
from ingest.model import LoadError
from tests.conftest import refusal

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
REAL = SHARED / fdi.SHARED_FILE
# The conftest fixture fails (never skips) when ../shared/data is missing.
needs_shared = pytest.mark.usefixtures("shared_data")

HEADER = "Entidad," + ",".join(["I", "II", "III", "IV"] * 19)


def synthetic(tmp_path: Path, rows: list[str], header: str = HEADER, bom: bool = True) -> Path:
    """A synthetic fdi_mex-like table; each row gets 76 values unless given in full."""
    lines = [header]
    for row in rows:
        lines.append(row if row.count(",") >= 76 else row + ",1.5" * 76)
    path = tmp_path / "synthetic_fdi.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + "\n".join(lines).encode() + b"\n")
    return path


def test_synthetic_table_maps_accented_names_to_iso_and_quarters_to_years(tmp_path):
    values = ",".join(str(i) for i in range(76))
    # Accents, case and spacing are ignored: 'michoacan  de ocampo' is Michoacán de Ocampo.
    path = synthetic(tmp_path, [f"Ciudad de México,{values}", "Nuevo León", "michoacan  de ocampo"])
    (batch,) = fdi.load_file(path)
    f = batch.frame.set_index(["place_id", "year", "quarter"])
    assert f.loc[("MX-CMX", 1999, 1), "value_musd"] == 0
    assert f.loc[("MX-CMX", 2017, 4), "value_musd"] == 75
    assert f.loc[("MX-CMX", 2003, 2), "value_musd"] == 17
    assert {"MX-NLE", "MX-MIC"} <= set(batch.frame["place_id"])
    assert set(batch.frame["origin"]) == {"all"} and batch.key == fdi.KEY


def test_negative_value_is_kept_as_disinvestment(tmp_path):
    values = ",".join(["-3.25"] + ["1"] * 75)
    (batch,) = fdi.load_file(synthetic(tmp_path, [f"Campeche,{values}"]))
    assert batch.frame["value_musd"].iloc[0] == -3.25


def test_file_without_bom_and_gzipped_file_load_the_same(tmp_path):
    plain = synthetic(tmp_path, ["Sonora"], bom=False)
    zipped = tmp_path / "fdi.csv.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    assert fdi.load_file(plain)[0].frame.equals(fdi.load_file(zipped)[0].frame)


def test_windows_1252_file_loads_like_the_utf8_one(tmp_path):
    utf8 = synthetic(tmp_path, ["Nuevo León", "Querétaro"], bom=False)
    cp1252 = tmp_path / "cp1252.csv"
    cp1252.write_bytes(utf8.read_text(encoding="utf-8").encode("cp1252"))
    pd.testing.assert_frame_equal(fdi.load_file(cp1252)[0].frame, fdi.load_file(utf8)[0].frame)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in refusal(fdi.load_file, path).problem


def test_unknown_state_name_is_refused_naming_line(tmp_path):
    error = refusal(fdi.load_file, synthetic(tmp_path, ["Sonora", "Atlantis"]))
    assert (error.line, error.column) == (3, "Entidad") and "Atlantis" in error.problem


def test_state_listed_twice_is_refused(tmp_path):
    error = refusal(fdi.load_file, synthetic(tmp_path, ["Sonora", "Veracruz", "Sonora"]))
    assert error.line == 4 and "twice" in error.problem


def test_wrong_column_count_is_refused(tmp_path):
    header = "Entidad," + ",".join(["I", "II", "III", "IV"] * 18)
    path = tmp_path / "short.csv"
    path.write_text(header + "\nSonora" + ",1" * 72 + "\n", encoding="utf-8")
    error = refusal(fdi.load_file, path)
    assert error.line == 1 and "expected 77 columns" in error.problem


def test_out_of_order_quarter_header_is_refused(tmp_path):
    header = HEADER.replace("I,II,III,IV", "II,I,III,IV", 1)
    error = refusal(fdi.load_file, synthetic(tmp_path, ["Sonora"], header=header))
    assert error.line == 1 and "header cell #2" in error.problem


def test_non_numeric_value_is_refused_naming_line_and_column(tmp_path):
    values = ",".join(["1"] * 5 + ["n/d"] + ["1"] * 70)
    error = refusal(fdi.load_file, synthetic(tmp_path, ["Sonora", f"Colima,{values}"]))
    assert (error.line, error.column) == (3, "II #2") and "not a number" in error.problem


def test_empty_value_is_refused(tmp_path):
    values = ",".join(["1"] * 75 + [""])
    error = refusal(fdi.load_file, synthetic(tmp_path, [f"Colima,{values}"]))
    assert error.line == 2 and "not a number" in error.problem


def test_header_only_file_is_refused(tmp_path):
    assert "no data rows" in refusal(fdi.load_file, synthetic(tmp_path, [])).problem


@needs_shared
def test_real_file_loads_all_32_states_and_76_quarters():
    (batch,) = fdi.load_file(REAL)
    assert batch.frame["place_id"].nunique() == 32 and len(batch.frame) == 32 * 76
    assert (batch.frame["value_musd"] < 0).any()  # disinvestment quarters exist


@needs_shared
def test_national_annual_totals_match_published_figures():
    (batch,) = fdi.load_file(REAL)
    totals = batch.frame.groupby("year")["value_musd"].sum().round(2)
    assert (totals[1999], totals[2013], totals[2017]) == (13943.60, 48491.72, 29695.01)


@needs_shared
def test_snapshot_regenerates_byte_identical_and_reads_back_exactly(tmp_path):
    paths = fdi.write_snapshot(SHARED, tmp_path)
    assert [p.name for p in paths] == [fdi.SNAPSHOT_FILE, fdi.DATAMEXICO_SNAPSHOT]
    for path in paths:
        assert path.read_bytes() == (REPO / "data" / path.name).read_bytes()
    (direct,) = fdi.load_file(REAL)
    reference, datamexico = fdi.reference_batches(REPO / "data")
    pd.testing.assert_frame_equal(reference.frame, direct.frame, check_dtype=False)
    (dm,) = fdi.load_datamexico(SHARED / fdi.DATAMEXICO_FILE)
    assert datamexico.source.source_id == "mx-fdi-state-datamexico"
    assert (datamexico.frame.value_musd - dm.frame.value_musd).abs().max() < 1e-6


# ---------------------------------------------------------------- Data México vintage (1999-2024)

DM_HEADER = "Quarter ID,Quarter,State ID,State,Investment"


def dm_file(tmp_path: Path, rows: list[str]) -> Path:
    """A SYNTHETIC ied_raw.csv-like file."""
    path = tmp_path / "ied_synthetic.csv"
    path.write_text("\n".join([DM_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def dm_refused(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        fdi.load_datamexico(path)
    assert info.value.file == str(path)
    return info.value


@needs_shared
def test_datamexico_vintage_runs_to_2024_and_nuevo_leon_2017_matches_provenance():
    (batch,) = fdi.load_datamexico(SHARED / fdi.DATAMEXICO_FILE)
    f = batch.frame
    assert len(f) == 3328 and f.year.max() == 2024 and f.place_id.nunique() == 32
    nl = f[(f.place_id == "MX-NLE") & (f.year == 2017)].value_musd.round(2).tolist()
    assert nl == [1374.07, -182.22, -71.78, 876.16]  # PROVENANCE: single-quarter flows
    assert not f.confidential.any() and set(f.origin) == {"all"}


def test_datamexico_state_id_disagreeing_with_its_name_is_refused(tmp_path):
    error = dm_refused(dm_file(tmp_path, ["20201,2020-Q1,19,Nuevo León,1.5",
                                          "20201,2020-Q1,18,Sonora,1.5"]))  # fmt: skip
    assert (error.line, error.column) == (3, "State")


def test_datamexico_quarter_label_disagreeing_with_its_id_is_refused(tmp_path):
    error = dm_refused(dm_file(tmp_path, ["20201,2020-Q2,19,Nuevo León,1.5"]))
    assert (error.line, error.column) == (2, "Quarter")


def test_datamexico_repeated_state_quarter_is_refused(tmp_path):
    row = "20201,2020-Q1,19,Nuevo León,1.5"
    error = dm_refused(dm_file(tmp_path, [row, row]))
    assert error.line == 3 and "second row" in error.problem


def test_datamexico_non_numeric_investment_is_refused(tmp_path):
    error = dm_refused(dm_file(tmp_path, ["20201,2020-Q1,19,Nuevo León,C"]))
    assert (error.line, error.column) == (2, "Investment")
