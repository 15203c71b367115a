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


def refused(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        fdi.load_file(path)
    assert info.value.file == str(path)
    return info.value


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
    assert "binary" in refused(path).problem


def test_unknown_state_name_is_refused_naming_line(tmp_path):
    error = refused(synthetic(tmp_path, ["Sonora", "Atlantis"]))
    assert (error.line, error.column) == (3, "Entidad") and "Atlantis" in error.problem


def test_state_listed_twice_is_refused(tmp_path):
    error = refused(synthetic(tmp_path, ["Sonora", "Veracruz", "Sonora"]))
    assert error.line == 4 and "twice" in error.problem


def test_wrong_column_count_is_refused(tmp_path):
    header = "Entidad," + ",".join(["I", "II", "III", "IV"] * 18)
    path = tmp_path / "short.csv"
    path.write_text(header + "\nSonora" + ",1" * 72 + "\n", encoding="utf-8")
    error = refused(path)
    assert error.line == 1 and "expected 77 columns" in error.problem


def test_out_of_order_quarter_header_is_refused(tmp_path):
    header = HEADER.replace("I,II,III,IV", "II,I,III,IV", 1)
    error = refused(synthetic(tmp_path, ["Sonora"], header=header))
    assert error.line == 1 and "header cell #2" in error.problem


def test_non_numeric_value_is_refused_naming_line_and_column(tmp_path):
    values = ",".join(["1"] * 5 + ["n/d"] + ["1"] * 70)
    error = refused(synthetic(tmp_path, ["Sonora", f"Colima,{values}"]))
    assert (error.line, error.column) == (3, "II #2") and "not a number" in error.problem


def test_empty_value_is_refused(tmp_path):
    values = ",".join(["1"] * 75 + [""])
    error = refused(synthetic(tmp_path, [f"Colima,{values}"]))
    assert error.line == 2 and "not a number" in error.problem


def test_header_only_file_is_refused(tmp_path):
    assert "no data rows" in refused(synthetic(tmp_path, [])).problem


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
    (path,) = fdi.write_snapshot(SHARED, tmp_path)
    assert path.read_bytes() == (REPO / "data" / fdi.SNAPSHOT_FILE).read_bytes()
    (direct,) = fdi.load_file(REAL)
    (reference,) = fdi.reference_batches(REPO / "data")
    pd.testing.assert_frame_equal(reference.frame, direct.frame, check_dtype=False)
