"""The store: replace-by-key, reports, atomic swap, schema upgrades, read-only readers.

All frames here are SYNTHETIC (invented rows shaped like the real tables).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from ingest import store
from ingest.model import Batch, LoadError, Source


def src(source_id: str = "synthetic-src", as_of: date | None = date(2024, 1, 1)) -> Source:
    return Source(source_id, "Synthetic publisher", "Synthetic title", None, as_of)


def fdi_batch(rows: list[tuple], source_id: str = "synthetic-src", key=None, notes=None) -> Batch:
    """SYNTHETIC fdi rows (place_id, year, quarter, origin, value_musd)."""
    frame = pd.DataFrame(rows, columns=["place_id", "year", "quarter", "origin", "value_musd"])
    return Batch(
        src(source_id),
        "fdi",
        frame,
        ["place_id", "year", "quarter", "origin"] if key is None else key,
        rows_read=len(frame),
        notes=notes or [],
    )


def fdi_rows(db) -> list[tuple]:
    con = store.connect_readonly(db)
    try:
        return [
            list(r)
            for r in con.execute(
                "SELECT place_id, year, quarter, value_musd, source_id FROM fdi ORDER BY ALL"
            ).fetchall()
        ]
    finally:
        con.close()


def test_apply_creates_the_store_with_every_schema_table(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])])
    con = duckdb.connect(str(tmp_store), read_only=True)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    assert {"sources", "ports", "crossings", "crossings_annual", "fdi", "state_exports"} <= tables


def test_exact_duplicates_are_dropped_and_counted(tmp_store):
    row = ("MX-NLE", 2020, 1, "all", 5.0)
    (report,) = store.apply(tmp_store, [fdi_batch([row, row, row])])
    assert (report.rows_read, report.loaded, report.duplicates_dropped) == (3, 1, 2)


def test_conflicting_key_without_loader_rule_keeps_first_and_reports_it(tmp_store):
    rows = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-NLE", 2020, 1, "all", 9.0)]
    (report,) = store.apply(tmp_store, [fdi_batch(rows)])
    assert fdi_rows(tmp_store) == [["MX-NLE", 2020, 1, 5.0, "synthetic-src"]]
    assert len(report.conflicts) == 1 and "kept the first" in report.conflicts[0]


def test_loader_notes_about_conflicts_appear_in_the_report(tmp_store):
    batch = fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)], notes=["conflict: kept 5 because x"])
    (report,) = store.apply(tmp_store, [batch])
    assert report.conflicts == ["conflict: kept 5 because x"]
    assert "kept 5 because x" in report.one_line()


def test_replace_by_key_overwrites_only_matching_keys_of_the_same_source(tmp_store):
    store.apply(
        tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 2.0)])]
    )
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 1.0)], source_id="other-src")])
    (report,) = store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 7.0)])])
    assert report.replaced == 1 and report.changed_columns == {"value_musd": 1}
    assert fdi_rows(tmp_store) == [
        ["MX-NLE", 2020, 1, 1.0, "other-src"],
        ["MX-NLE", 2020, 1, 7.0, "synthetic-src"],
        ["MX-SON", 2020, 1, 2.0, "synthetic-src"],
    ]  # fmt: skip


def test_null_key_parts_match_each_other_when_replacing(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, None, "all", 5.0)])])
    (report,) = store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, None, "all", 6.0)])])
    assert report.replaced == 1
    assert fdi_rows(tmp_store) == [["MX-NLE", 2020, None, 6.0, "synthetic-src"]]


def test_empty_key_replaces_every_row_of_that_source_only(tmp_store):
    store.apply(
        tmp_store,
        [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2021, 1, "all", 2.0)], key=[])],
    )
    store.apply(
        tmp_store, [fdi_batch([("MX-BCN", 2019, 1, "all", 3.0)], source_id="other-src", key=[])]
    )
    (report,) = store.apply(tmp_store, [fdi_batch([("MX-JAL", 2022, 2, "all", 4.0)], key=[])])
    assert report.removed == 2
    assert [r[0] for r in fdi_rows(tmp_store)] == ["MX-BCN", "MX-JAL"]


def test_refused_batch_rolls_back_every_batch_and_keeps_the_file(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])])
    before = tmp_store.read_bytes()
    bad = Batch(src(), "fdi", pd.DataFrame({"no_such_column": [1]}), [])
    with pytest.raises(LoadError):
        store.apply(tmp_store, [fdi_batch([("MX-SON", 2020, 1, "all", 1.0)]), bad])
    assert tmp_store.read_bytes() == before
    assert not list(tmp_store.parent.glob("*.tmp-*"))


def test_sources_row_is_upserted_with_loaded_at_and_file_name(tmp_store):
    batch = fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])
    batch.source = Source(
        "synthetic-src", "P", "T", "https://example.org", date(2024, 1, 1), file_name="f.csv"
    )
    store.apply(tmp_store, [batch])
    store.apply(tmp_store, [batch])
    rows = store.frame_of(tmp_store, "SELECT source_id, file_name, loaded_at FROM sources")
    assert len(rows) == 1 and rows["file_name"].item() == "f.csv"
    assert rows["loaded_at"].notna().all()


def test_build_starts_from_an_empty_store(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)], source_id="old-src")])
    store.build(tmp_store, [fdi_batch([("MX-SON", 2020, 1, "all", 1.0)])])
    assert fdi_rows(tmp_store) == [["MX-SON", 2020, 1, 1.0, "synthetic-src"]]
    assert store.frame_of(tmp_store, "SELECT source_id FROM sources")["source_id"].tolist() == [
        "synthetic-src"
    ]


def test_open_reader_keeps_reading_the_old_store_after_a_swap(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])])
    reader = store.connect_readonly(tmp_store)
    try:
        store.apply(tmp_store, [fdi_batch([("MX-SON", 2020, 1, "all", 1.0)])])
        assert reader.execute("SELECT count(*) FROM fdi").fetchone()[0] == 1
    finally:
        reader.close()
    assert len(fdi_rows(tmp_store)) == 2


def test_old_store_missing_a_new_schema_column_is_upgraded_on_load(tmp_store):
    tmp_store.parent.mkdir(parents=True)
    con = duckdb.connect(str(tmp_store))
    con.execute(
        "CREATE TABLE crossings (port_code VARCHAR NOT NULL, month DATE NOT NULL, "
        "measure VARCHAR NOT NULL, value BIGINT NOT NULL, source_id VARCHAR NOT NULL)"
    )  # the shape before port_name was added
    con.close()
    frame = pd.DataFrame({"port_code": ["2304"], "port_name": ["Synthport"], "month": [date(2024, 1, 1)],
                          "measure": ["Trucks"], "value": [5]})  # fmt: skip
    store.apply(tmp_store, [Batch(src(), "crossings", frame, ["port_code", "month", "measure"])])
    assert store.frame_of(tmp_store, "SELECT port_name FROM crossings")["port_name"].tolist() == [
        "Synthport"
    ]


def test_stale_temp_file_of_a_dead_process_is_removed(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])])
    stale = tmp_store.parent / f"{tmp_store.name}.tmp-999999999-abc"
    stale.write_bytes(b"half-written")
    store.apply(tmp_store, [fdi_batch([("MX-SON", 2020, 1, "all", 1.0)])])
    assert not stale.exists()


def test_default_db_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERLINKS_DB", str(tmp_path / "x.duckdb"))
    assert store.default_db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("BORDERLINKS_DB")
    assert store.default_db_path().name == "borderlinks.duckdb"
    assert store.default_db_path().parent.name == "data"


def test_readonly_connection_to_a_missing_store_is_a_load_error(tmp_store):
    with pytest.raises(LoadError, match="no store"):
        store.connect_readonly(tmp_store)


def test_source_summary_counts_rows_per_table(tmp_store):
    store.apply(
        tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 1.0)])]
    )
    (summary,) = store.source_summary(tmp_store)
    assert summary["source_id"] == "synthetic-src" and summary["rows"] == {"fdi": 2}


def test_concurrent_writers_are_serialised_so_no_load_is_lost(tmp_store):
    import threading

    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2000, 1, "all", 1.0)])])
    errors = []

    def load(year):
        try:
            store.apply(tmp_store, [fdi_batch([("MX-NLE", year, 1, "all", 1.0)])])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(2001 + i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [r[1] for r in fdi_rows(tmp_store)] == [2000, 2001, 2002, 2003, 2004]


def test_loader_that_deduplicated_itself_has_its_count_reported(tmp_store):
    batch = fdi_batch([("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 1.0)])
    batch.frame.attrs.update(unique_on_key=True, duplicates_dropped=3)
    (report,) = store.apply(tmp_store, [batch])
    assert (report.loaded, report.duplicates_dropped) == (2, 3)
    assert len(fdi_rows(tmp_store)) == 2
