"""Data and sources: what is loaded, caveats, and loading an official file from the page."""

from __future__ import annotations

import hashlib
import shutil

import duckdb

from components import query, upload

# Synthetic BTS crossings rows in the official modern layout (values invented for the test).
SYNTHETIC_CROSSINGS = (
    "Port Name,State,Port Code,Border,Date,Measure,Value,Latitude,Longitude,Point\n"
    "Laredo,Texas,2304,US-Mexico Border,Jan 2019,Trucks,12345,27.5,-99.5,POINT (-99.5 27.5)\n"
)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_page_lists_every_loaded_source_with_its_row_count(run_page, built_store):
    at = run_page("data_sources")
    table = at.dataframe[0].value
    stored = query.sources(built_store)
    assert len(table) == len(stored)
    assert set(table["source_id"]) == set(stored["source_id"])
    assert table["Rows"].sum() == stored["rows"].sum() > 0


def test_page_states_the_caveats_users_trip_on(run_page):
    text = " ".join(m.value for m in run_page("data_sources").markdown)
    assert "inbound traffic into the US only" in text
    assert "Mexican state only for US exports" in text
    assert "origin of movement" in text


def test_caveats_are_translated(run_page):
    text = " ".join(m.value for m in run_page("data_sources", lang="fr").markdown)
    assert "entrées aux États-Unis" in text


def test_upload_form_offers_the_ingest_loaders(run_page):
    at = run_page("data_sources")
    options = at.selectbox(key="data_upload_source").options
    assert "BTS Border Crossing Entry Data (bts-crossings)" in options


def test_refused_upload_gives_one_line_and_leaves_store_unchanged(built_store, tmp_path):
    db = tmp_path / "store.duckdb"
    shutil.copy(built_store, db)
    before = digest(db)
    result = upload.load_upload("bts-crossings", "../../etc/bad file.csv", b"a,b\n1,2\n", db)
    assert not result.ok
    assert "\n" not in result.message and "bad_file.csv" in result.message
    assert str(tmp_path) not in result.message  # the temp path never reaches the user
    assert digest(db) == before


def test_unknown_source_and_empty_file_are_refused(built_store, tmp_path):
    assert not upload.load_upload("no-such-source", "x.csv", b"a\n", built_store).ok
    assert not upload.load_upload("bts-crossings", "x.csv", b"", built_store).ok


def test_valid_upload_is_loaded_and_reported(built_store, tmp_path):
    db = tmp_path / "store.duckdb"
    shutil.copy(built_store, db)
    result = upload.load_upload("bts-crossings", "crossings.csv", SYNTHETIC_CROSSINGS.encode(), db)
    assert result.ok, result.message
    assert any("crossings" in line for line in result.report)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT value FROM crossings WHERE port_code = '2304' AND year(month) = 2019"
        ).fetchall()
    finally:
        con.close()
    assert rows == [(12345,)]


def test_uploaded_file_name_cannot_escape_the_temp_folder():
    assert upload.safe_name("../../etc/passwd") == "passwd"
    assert upload.safe_name("C:\\x\\..\\evil name.csv") == "evil_name.csv"
    assert upload.safe_name("...") == "upload.csv"
