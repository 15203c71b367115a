"""BTS Border Crossing Entry Data loader: every real layout, known answers, refusals.

Real files come from ../shared/data (``shared_data``); tiny inline CSVs are
SYNTHETIC (invented rows in the official layout) and labelled as such.
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ingest import cli, crossings, store
from ingest.model import LoadError
from tests.conftest import SMALL_BTS, sha256

HEADER_10 = "Port Name,State,Port Code,Border,Date,Measure,Value,Latitude,Longitude,Point"
HEADER_7 = "Port Name,State,Port Code,Border,Date,Measure,Value"
# SYNTHETIC rows in the official 10-column layout (values invented).
GOOD_ROWS = [
    "Testport,Texas,2304,US-Mexico Border,Jan 2024,Trucks,100,27.500,-99.507,POINT (-99.5 27.5)",
    "Testport,Texas,2304,US-Mexico Border,Jan 2024,Buses,7,27.500,-99.507,POINT (-99.5 27.5)",
    "Otherport,Maine,104,US-Canada Border,Feb 2024,Pedestrians,0,45.806,-70.397,POINT (-70.4 45.8)",
]


def write_csv(tmp_path: Path, lines: list[str], name: str = "synthetic.csv") -> Path:
    """Write SYNTHETIC CSV lines to a file and return its path."""
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_rows(path: Path) -> pd.DataFrame:
    frame, _ = crossings.read_file(path)
    return frame


# ---------------------------------------------------------------- real layouts


@pytest.mark.parametrize("rel", SMALL_BTS)
def test_every_small_bts_layout_loads_with_padded_codes_and_current_measures(shared_data, rel):
    frame = load_rows(shared_data / rel)
    assert len(frame) > 1000
    assert frame["port_code"].str.fullmatch(r"\d{4}").all()
    assert set(frame["measure"]) <= set(crossings.MEASURES)
    assert frame["month"].dt.day.eq(1).all()


def test_full_2025_load_drops_10_exact_duplicates_and_keeps_0_for_sasabe(full_2025_loaded):
    db, reports = full_2025_loaded
    (report,) = reports
    assert report.rows_read == 399_406
    assert report.duplicates_dropped == 10
    assert report.loaded == 399_406 - 10 - 1
    assert len(report.conflicts) == 1 and "2606" in report.conflicts[0]
    assert "kept 0" in report.conflicts[0]
    kept = store.frame_of(
        db,
        "SELECT value FROM crossings WHERE port_code='2606' AND month='2021-02-01' "
        "AND measure='Bus Passengers'",
    )
    assert kept["value"].tolist() == [0]


def test_full_2025_keys_are_unique_after_load(full_2025_loaded):
    db, _ = full_2025_loaded
    dup = store.frame_of(
        db, "SELECT count(*) - count(DISTINCT (port_code, month, measure)) AS d FROM crossings"
    )
    assert dup["d"].item() == 0


@pytest.mark.parametrize("rel", SMALL_BTS)
def test_small_bts_files_agree_value_for_value_with_the_full_2025_table(
    shared_data, full_2025_loaded, rel
):
    db, _ = full_2025_loaded
    small = load_rows(shared_data / rel)
    small = small[small["port_code"] != "4105"]  # Toledo-Sandusky (Ohio): absent in 2025
    small = small.drop_duplicates(subset=["port_code", "month", "measure"])
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.register("small", small)
        mismatch = con.execute(
            """SELECT count(*) FILTER (WHERE c.value IS NULL),
                      count(*) FILTER (WHERE c.value <> s.value)
               FROM small s LEFT JOIN crossings c
                 ON c.port_code = s.port_code AND c.month = s.month::DATE
                AND c.measure = s.measure"""
        ).fetchone()
    finally:
        con.close()
    assert mismatch == (0, 0)


def test_old_full_measure_names_become_loaded(shared_data):
    raw = (shared_data / SMALL_BTS[0]).read_text()
    assert "Truck Containers Full" in raw
    frame = load_rows(shared_data / SMALL_BTS[0])
    assert "Truck Containers Loaded" in set(frame["measure"])
    assert not frame["measure"].str.endswith("Full").any()


def test_headerless_file_keeps_its_first_row(shared_data):
    frame = load_rows(shared_data / SMALL_BTS[1])
    assert len(frame) == 16_913 - 1  # every line is data; minus the discarded Sasabe conflict
    first = frame[
        (frame.port_code == "3323") & (frame.measure == "Trucks") & (frame.month == "2020-01-01")
    ]
    assert first["value"].tolist() == [83]


# ---------------------------------------------------------------- synthetic layouts


@pytest.mark.parametrize(
    "date_text, expected",
    [
        ("Jan 2024", date(2024, 1, 1)),
        ("03/01/2019 12:00:00 AM", date(2019, 3, 1)),
        ("2020-01-01", date(2020, 1, 1)),
        ("2/1/20 0:00", date(2020, 2, 1)),
        ("2024-01-01T00:00:00.000", date(2024, 1, 1)),
    ],
)
def test_every_published_date_format_is_read_as_first_of_month(tmp_path, date_text, expected):
    path = write_csv(
        tmp_path, [HEADER_7, f"Synthport,TX,2304,US-Mexico Border,{date_text},Trucks,5"]
    )
    assert load_rows(path)["month"].dt.date.tolist() == [expected]


def test_socrata_lower_snake_header_with_quotes_loads(tmp_path):
    lines = [
        '"port_name","state","port_code","border","date","measure","value","latitude","longitude","point"',
        '"Synthport","Texas","2304","US-Mexico Border","2024-01-01T00:00:00.000","Trucks","12","27.5","-99.5","POINT (-99.5 27.5)"',
    ]  # SYNTHETIC
    frame = load_rows(write_csv(tmp_path, lines))
    assert frame[["port_code", "measure", "value"]].values.tolist() == [["2304", "Trucks", 12]]


def test_location_column_layout_loads(tmp_path):
    lines = [HEADER_7 + ",Location", "Synthport,Vermont,209,US-Canada Border,03/01/2019 12:00:00 AM,Trains,19,POINT (-72.1 45.0)"]  # fmt: skip
    assert load_rows(write_csv(tmp_path, lines))["port_code"].tolist() == ["0209"]


def test_crlf_line_ends_and_utf8_bom_are_accepted(tmp_path):
    path = tmp_path / "windows.csv"  # SYNTHETIC, as saved by a spreadsheet on Windows
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join([HEADER_10, *GOOD_ROWS]) + "\r\n").encode())
    assert sorted(load_rows(path)["value"]) == [0, 7, 100]


def test_gzip_is_detected_by_magic_bytes_without_gz_suffix(tmp_path):
    path = tmp_path / "synthetic.csv"  # gzip content, plain name
    path.write_bytes(gzip.compress(("\n".join([HEADER_10, *GOOD_ROWS]) + "\n").encode()))
    assert len(load_rows(path)) == 3


def test_hostile_text_is_stored_exactly_as_published(tmp_path, tmp_store):
    lines = [
        HEADER_7,
        "<script>alert(1)</script>,Texas,2304,US-Mexico Border,Jan 2024,Trucks,1",
        '"=HYPERLINK(""http://x"",""y"")",Texas,2305,US-Mexico Border,Jan 2024,Trucks,2',
    ]  # SYNTHETIC hostile names
    store.apply(tmp_store, crossings.load_file(write_csv(tmp_path, lines)))
    names = store.frame_of(tmp_store, "SELECT port_name FROM crossings ORDER BY port_code")
    assert names["port_name"].tolist() == [
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x","y")',
    ]


# ---------------------------------------------------------------- refusals


def refuse(tmp_path, store_path: Path, path: Path, capsys) -> str:
    """Run `load bts-crossings` on a bad file; assert exit 2 and byte-identical store."""
    before_bytes, before_rows = sha256(store_path), store.fingerprint(store_path)
    rc = cli.main(["load", "bts-crossings", str(path), "--db", str(store_path)])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert sha256(store_path) == before_bytes
    assert store.fingerprint(store_path) == before_rows
    assert not list(store_path.parent.glob("*.tmp-*"))
    return err.strip()


BAD_ROWS = {
    # name: (SYNTHETIC bad line placed as line 3, expected column, words in the problem)
    "non_numeric_value": ("X,Texas,2304,US-Mexico Border,Jan 2024,Trucks,12a", "Value", "whole number"),
    "negative_value": ("X,Texas,2304,US-Mexico Border,Jan 2024,Trucks,-5", "Value", "negative"),
    "feb_30": ("X,Texas,2304,US-Mexico Border,02/30/2019 12:00:00 AM,Trucks,5", "Date", "impossible date"),
    "month_13": ("X,Texas,2304,US-Mexico Border,2019-13-01,Trucks,5", "Date", "impossible date"),
    "year_1850": ("X,Texas,2304,US-Mexico Border,Jan 1850,Trucks,5", "Date", "before 1990"),
    "future": ("X,Texas,2304,US-Mexico Border,Jan 2199,Trucks,5", "Date", "future"),
    "unknown_measure": ("X,Texas,2304,US-Mexico Border,Jan 2024,Hovercraft,5", "Measure", "unknown measure"),
    "long_name": ("N" * 201 + ",Texas,2304,US-Mexico Border,Jan 2024,Trucks,5", "Port Name", "longer than 200"),
    "bad_port_code": ("X,Texas,23A4,US-Mexico Border,Jan 2024,Trucks,5", "Port Code", "1-4 digits"),
    "unknown_state": ("X,Atlantis,2304,US-Mexico Border,Jan 2024,Trucks,5", "State", "unknown"),
    "empty_value": ("X,Texas,2304,US-Mexico Border,Jan 2024,Trucks,", "Value", "empty field"),
    "blank_row": (",,,,,,", "Port Name", "empty field"),
    "too_few_fields": ("X,Texas,2304,US-Mexico Border,Jan 2024,Trucks", "Value", "6 fields"),
    "too_many_fields": ("X,Texas,2304,US-Mexico Border,Jan 2024,Trucks,5,9", "(field 8)", "8 fields"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_bad_row_is_refused_naming_file_line_column_and_store_unchanged(
    tmp_path, small_store, capsys, case
):
    bad, column, words = BAD_ROWS[case]
    good = "Y,Texas,2304,US-Mexico Border,Jan 2024,Buses,1"
    path = write_csv(tmp_path, [HEADER_7, good, bad, good.replace("Buses", "Trucks")])
    err = refuse(tmp_path, small_store, path, capsys)
    assert f"{path}:3: column '{column}':" in err
    assert words in err


def test_first_bad_line_is_reported_when_many_dates_are_bad(tmp_path, small_store, capsys):
    lines = [HEADER_7] + [f"Y,Texas,2304,US-Mexico Border,Jan 2024,Trucks,{i}" for i in range(50)]
    lines[30] = lines[30].replace("Jan 2024", "Feb 30 2019")
    lines[40] = lines[40].replace("Jan 2024", "13/01/2019")
    err = refuse(tmp_path, small_store, write_csv(tmp_path, lines), capsys)
    assert ":31: column 'Date':" in err


def test_line_number_counts_blank_lines_and_multi_line_quoted_names(tmp_path):
    good = "Y,Texas,2304,US-Mexico Border,Jan 2024,Trucks,1"
    bad = "Y,Texas,2304,US-Mexico Border,Jan 2024,Buses,-6"
    lines = [HEADER_7, good, "", '"Two\nline name",Texas,2305,US-Mexico Border,Jan 2024,Trucks,1', bad]  # fmt: skip
    with pytest.raises(LoadError) as info:
        crossings.load_file(write_csv(tmp_path, lines))  # SYNTHETIC
    assert info.value.line == 6 and "'-6'" in info.value.problem


def test_empty_file_is_refused_and_store_unchanged(tmp_path, small_store, capsys):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty file" in refuse(tmp_path, small_store, path, capsys)


def test_header_without_rows_is_refused_and_store_unchanged(tmp_path, small_store, capsys):
    err = refuse(tmp_path, small_store, write_csv(tmp_path, [HEADER_10]), capsys)
    assert ":2:" in err and "no data rows" in err


def test_missing_column_is_refused_naming_it(tmp_path, small_store, capsys):
    lines = ["Port Name,State,Port Code,Border,Date,Measure", "X,Texas,2304,US-Mexico Border,Jan 2024,Trucks"]  # fmt: skip
    err = refuse(tmp_path, small_store, write_csv(tmp_path, lines), capsys)
    assert ":1: column 'Value': missing column" in err


def test_transborder_file_given_as_crossings_is_refused_saying_what_it_looks_like(
    shared_data, tmp_path, small_store, capsys
):
    path = shared_data / "transborder_freight_raw_2015_01/dot1_0115.csv"
    err = refuse(tmp_path, small_store, path, capsys)
    assert ":1:" in err and "TransBorder" in err


def test_binary_file_is_refused_and_store_unchanged(tmp_path, small_store, capsys):
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 40)  # SYNTHETIC binary noise
    assert "binary" in refuse(tmp_path, small_store, path, capsys)


def test_non_utf8_bytes_mid_file_are_refused_with_their_line(tmp_path, small_store, capsys):
    path = tmp_path / "latin1.csv"
    good = "Y,Texas,2304,US-Mexico Border,Jan 2024,Trucks,1\n"
    path.write_bytes((HEADER_7 + "\n" + good).encode() + "Caf\xe9,Texas,2304,US-Mexico Border,Jan 2024,Buses,1\n".encode("latin-1"))  # fmt: skip
    err = refuse(tmp_path, small_store, path, capsys)
    assert ":3:" in err and "UTF-8" in err


def test_gzip_truncated_is_refused_even_when_its_first_half_parses(
    shared_data, tmp_path, small_store, capsys
):
    whole = gzip.compress((shared_data / SMALL_BTS[3]).read_bytes())
    path = tmp_path / "truncated.csv.gz"
    path.write_bytes(whole[: len(whole) // 2])
    assert "gzip" in refuse(tmp_path, small_store, path, capsys)


def test_load_error_carries_file_line_and_column(tmp_path):
    path = write_csv(tmp_path, [HEADER_7, "X,Texas,2304,US-Mexico Border,Jan 2024,Trucks,-1"])
    with pytest.raises(LoadError) as info:
        crossings.load_file(path)
    assert (info.value.line, info.value.column) == (2, "Value")
    assert info.value.file == str(path)


# ---------------------------------------------------------------- idempotence and revisions


def test_loading_the_same_file_twice_changes_nothing(shared_data, tmp_store):
    path = shared_data / SMALL_BTS[3]
    first = store.apply(tmp_store, crossings.load_file(path))[0]
    before = store.fingerprint(tmp_store)
    second = store.apply(tmp_store, crossings.load_file(path))[0]
    assert store.fingerprint(tmp_store) == before
    assert (second.replaced, second.unchanged, second.loaded) == (0, first.loaded, first.loaded)


def test_revised_value_replaces_the_stored_one(tmp_path, tmp_store):
    store.apply(tmp_store, crossings.load_file(write_csv(tmp_path, [HEADER_10, *GOOD_ROWS])))
    revised = [HEADER_10, GOOD_ROWS[0].replace(",100,", ",150,")]
    report = store.apply(tmp_store, crossings.load_file(write_csv(tmp_path, revised, "rev.csv")))[0]
    assert report.replaced == 1 and report.unchanged == 0
    values = store.frame_of(tmp_store, "SELECT measure, value FROM crossings ORDER BY measure")
    assert values.values.tolist() == [["Buses", 7], ["Pedestrians", 0], ["Trucks", 150]]


def test_small_old_file_after_full_table_does_not_make_the_source_older(tmp_path, tmp_store):
    store.apply(tmp_store, crossings.load_file(write_csv(tmp_path, [HEADER_10, *GOOD_ROWS])))
    old = [HEADER_7, "Synthport,TX,2304,US-Mexico Border,Jan 2001,Trucks,5"]
    store.apply(tmp_store, crossings.load_file(write_csv(tmp_path, old, "old.csv")))
    as_of = store.frame_of(tmp_store, "SELECT as_of FROM sources WHERE source_id='bts-crossings'")
    assert as_of["as_of"].dt.date.tolist() == [date(2024, 2, 1)]
