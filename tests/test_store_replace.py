"""Replace-by-key rewrites only what changed, and still ends exactly as delete-then-insert.

All frames here are SYNTHETIC (invented rows shaped like the real tables).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ingest import store
from ingest.model import Batch
from tests.test_store import fdi_batch, fdi_rows, src


def test_reloading_identical_rows_deletes_nothing_and_changes_nothing(tmp_store):
    rows = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 2.0)]
    store.apply(tmp_store, [fdi_batch(rows)])
    before = store.fingerprint(tmp_store)
    (report,) = store.apply(tmp_store, [fdi_batch(rows)])
    assert (report.removed, report.unchanged, report.replaced, report.loaded) == (0, 2, 0, 2)
    assert store.fingerprint(tmp_store) == before


def test_mixed_reload_deletes_changed_keeps_same_and_adds_new_rows(tmp_store):
    stored = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 2.0),
              ("MX-BCN", 2020, 1, "all", 3.0)]  # fmt: skip
    loaded = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 9.0),
              ("MX-JAL", 2020, 1, "all", 4.0)]  # fmt: skip
    store.apply(tmp_store, [fdi_batch(stored)])
    (report,) = store.apply(tmp_store, [fdi_batch(loaded)])
    assert (report.unchanged, report.replaced, report.removed, report.loaded) == (1, 1, 1, 3)
    assert fdi_rows(tmp_store) == [
        ["MX-BCN", 2020, 1, 3.0, "synthetic-src"],
        ["MX-JAL", 2020, 1, 4.0, "synthetic-src"],
        ["MX-NLE", 2020, 1, 5.0, "synthetic-src"],
        ["MX-SON", 2020, 1, 9.0, "synthetic-src"],
    ]


def test_trusted_batch_reload_keeps_identical_rows_and_replaces_changed_ones(tmp_store):
    def trusted(rows):
        batch = fdi_batch(rows)
        batch.frame.attrs["unique_on_key"] = True
        return batch

    stored = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 2.0)]
    loaded = [("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, "all", 7.0),
              ("MX-JAL", 2020, 1, "all", 4.0)]  # fmt: skip
    store.apply(tmp_store, [trusted(stored)])
    (report,) = store.apply(tmp_store, [trusted(loaded)])
    assert (report.unchanged, report.replaced, report.removed, report.loaded) == (1, 1, 1, 3)
    assert [r[3] for r in fdi_rows(tmp_store)] == [4.0, 5.0, 7.0]


def test_row_is_replaced_when_the_batch_lacks_a_column_the_stored_row_filled(tmp_store):
    def crossing(**extra):
        frame = pd.DataFrame({"port_code": ["2304"], "month": [date(2024, 1, 1)],
                              "measure": ["Trucks"], "value": [5], **extra})  # fmt: skip
        return Batch(src(), "crossings", frame, ["port_code", "month", "measure"])

    store.apply(tmp_store, [crossing(port_name=["Synthport"])])
    (report,) = store.apply(tmp_store, [crossing()])  # same values, no port_name column
    assert report.removed == 1
    assert store.frame_of(tmp_store, "SELECT port_name FROM crossings")["port_name"].isna().all()


def test_stored_duplicate_rows_of_a_key_collapse_to_the_loaded_one(tmp_store):
    row = ("MX-NLE", 2020, 1, "all", 5.0)
    store.apply(tmp_store, [fdi_batch([row])])
    con = duckdb.connect(str(tmp_store))  # a store written by some other tool
    con.execute("INSERT INTO fdi SELECT * FROM fdi")
    con.close()
    store.apply(tmp_store, [fdi_batch([row, ("MX-SON", 2020, 1, "all", 2.0)])])
    assert fdi_rows(tmp_store) == [
        ["MX-NLE", 2020, 1, 5.0, "synthetic-src"],
        ["MX-SON", 2020, 1, 2.0, "synthetic-src"],
    ]


def test_table_without_source_id_is_replaced_by_key(tmp_store):
    def parties(rows):
        frame = pd.DataFrame(rows, columns=["initiative_id", "place_id", "role"])
        return Batch(src(), "initiative_parties", frame, ["initiative_id", "place_id"])

    store.apply(tmp_store, [parties([("i1", "US-TX", "member"), ("i1", "MX-NLE", "member")])])
    loaded = [("i1", "US-TX", "member"), ("i1", "MX-NLE", "host"), ("i2", "CA-QC", "member")]
    (report,) = store.apply(tmp_store, [parties(loaded)])
    assert (report.unchanged, report.replaced, report.removed) == (1, 1, 1)
    got = store.frame_of(
        tmp_store, "SELECT initiative_id, place_id, role FROM initiative_parties ORDER BY ALL"
    )
    assert got.values.tolist() == [
        ["i1", "MX-NLE", "host"], ["i1", "US-TX", "member"], ["i2", "CA-QC", "member"]
    ]  # fmt: skip


def test_trusted_batch_with_a_column_arrow_cannot_hold_still_loads(tmp_store):
    batch = fdi_batch([("MX-NLE", 2020, 1, "all", 5.0), ("MX-SON", 2020, 1, 7, 2.0)])
    batch.frame.attrs["unique_on_key"] = True  # 'origin' mixes str and int: pandas only
    (report,) = store.apply(tmp_store, [batch])
    assert report.loaded == 2
    origins = store.frame_of(tmp_store, "SELECT origin FROM fdi ORDER BY 1")["origin"].tolist()
    assert origins == ["7", "all"]


def test_reload_changing_every_row_of_a_source_leaves_other_sources_alone(tmp_store):
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 5.0)])])
    store.apply(tmp_store, [fdi_batch([("MX-NLE", 2020, 1, "all", 1.0)], source_id="other-src")])
    loaded = [("MX-NLE", 2020, 1, "all", 7.0), ("MX-SON", 2020, 1, "all", 2.0)]
    (report,) = store.apply(tmp_store, [fdi_batch(loaded)])
    assert (report.replaced, report.removed, report.loaded) == (1, 1, 2)
    assert fdi_rows(tmp_store) == [
        ["MX-NLE", 2020, 1, 1.0, "other-src"],
        ["MX-NLE", 2020, 1, 7.0, "synthetic-src"],
        ["MX-SON", 2020, 1, 2.0, "synthetic-src"],
    ]
