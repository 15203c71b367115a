"""Hostile inputs through the CLI's one load path: archives, bombs, wrong kinds.

Every archive and file here is synthetic, written by the test into tmp_path,
except the real TransBorder month used to prove that a good zip loads.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest.store import fingerprint

REPO = Path(__file__).resolve().parents[1]


def run_load(source: str, path: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ingest", "load", source, str(path), "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused_unchanged(proc, db, before, *needles):
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    for n in needles:
        assert n in lines[0]
    assert fingerprint(db) == before


def test_zip_of_an_official_month_loads_every_member(small_store, shared_data, tmp_path):
    z = tmp_path / "TransBorder_2015_01.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(shared_data / "transborder_freight_raw_2015_01" / "dot3_0115.csv", "dot3_0115.csv")
    proc = run_load("transborder", z, small_store)
    assert proc.returncode == 0, proc.stderr
    assert "trade" in proc.stdout


@pytest.mark.parametrize("member", ["../escape.csv", "/tmp/escape.csv", "ok/../../escape.csv"])
def test_zip_escaping_its_folder_is_refused_and_store_unchanged(small_store, tmp_path, member):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(member, "TRDTYPE,DEPE\n1,0101\n")
    before = fingerprint(small_store)
    proc = run_load("transborder", z, small_store)
    assert_refused_unchanged(proc, small_store, before, "escape")


def test_gzip_bomb_is_refused_and_store_unchanged(small_store, tmp_path):
    bomb = tmp_path / "bomb.csv.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        f.write(b"Port Name,State,Port Code,Border,Date,Measure,Value\n")
        f.write(b"0" * 60_000_000)
    before = fingerprint(small_store)
    proc = run_load("transborder", bomb, small_store)
    assert_refused_unchanged(proc, small_store, before, "bomb.csv.gz")


def test_truncated_gzip_of_real_crossings_is_refused_and_store_unchanged(
    small_store, full_2025, tmp_path
):
    cut = tmp_path / "cut.csv.gz"
    raw = full_2025.read_bytes()
    cut.write_bytes(raw[: len(raw) // 2])
    before = fingerprint(small_store)
    proc = run_load("bts-crossings", cut, small_store)
    assert_refused_unchanged(proc, small_store, before, "cut.csv.gz")


def test_file_of_the_wrong_kind_is_refused_and_store_unchanged(small_store, shared_data):
    wrong = shared_data / "mexico_fdi_by_state_1999_2017" / "fdi_mex.csv"
    before = fingerprint(small_store)
    proc = run_load("bts-crossings", wrong, small_store)
    assert_refused_unchanged(proc, small_store, before, "fdi_mex.csv")


def test_huge_field_is_refused_and_store_unchanged(small_store, tmp_path):
    f = tmp_path / "huge.csv"
    f.write_text(
        "Port Name,State,Port Code,Border,Date,Measure,Value\n"
        f"{'A' * 100_000},Texas,2304,US-Mexico Border,Jan 2024,Trucks,5\n"
    )
    before = fingerprint(small_store)
    proc = run_load("bts-crossings", f, small_store)
    assert_refused_unchanged(proc, small_store, before, "huge.csv", "Port Name")


def test_hostile_but_valid_names_are_stored_verbatim(small_store, tmp_path):
    f = tmp_path / "hostile.csv"
    f.write_text(
        "Port Name,State,Port Code,Border,Date,Measure,Value\n"
        '"<script>alert(1)</script>",Texas,2304,US-Mexico Border,Jan 2024,Trucks,5\n'
        '"=HYPERLINK(""http://x"")",Texas,2304,US-Mexico Border,Jan 2024,Buses,7\n'
    )
    proc = run_load("bts-crossings", f, small_store)
    assert proc.returncode == 0, proc.stderr
    import duckdb

    con = duckdb.connect(str(small_store), read_only=True)
    names = {
        r[0]
        for r in con.execute("SELECT port_name FROM crossings WHERE port_code='2304'").fetchall()
    }
    con.close()
    assert "<script>alert(1)</script>" in names
    assert '=HYPERLINK("http://x")' in names
