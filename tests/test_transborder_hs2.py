"""Trade by HS chapter from the committed ``data/trade_hs2.csv``: same dollars as the raw files.

Real-file tests read the raw TransBorder months in ../shared/data; refusal tests
write tiny SYNTHETIC tables to tmp_path (made-up values, real layout).
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from ingest import store, transborder, transborder_hs2
from ingest.model import LoadError

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
RAW_2015 = SHARED / "transborder_freight_raw_2015_01"
needs_shared = pytest.mark.usefixtures("shared_data")

RAW_FILES = [
    SHARED / raw.folder / name for raw in transborder_hs2.RAW_MONTHS.values() for name in raw.files
]
GROUP = [*transborder_hs2.SUMMARY_KEY, "flow"]


@cache
def loaded(path: Path) -> pd.DataFrame:
    """The loader's ``trade`` rows of one raw file (read once per session)."""
    (batch,) = transborder.load_file(path)
    return batch.frame


@pytest.fixture(scope="module")
def hs_store(tmp_path_factory) -> Path:
    """A store holding only the committed trade_hs2.csv, built through ``store.build``."""
    db = tmp_path_factory.mktemp("hs2") / "hs2.duckdb"
    store.build(db, transborder_hs2.reference_batches(REPO / "data"))
    return db


def stored_sums(db: Path) -> pd.DataFrame:
    """Value and weight per summary key and flow, as the built store holds them."""
    return store.frame_of(
        db,
        "SELECT table_type, year, month, us_state, partner_country, hs2, flow, "
        "sum(value_usd) AS value_usd, sum(weight_kg) AS weight_kg FROM trade "
        "GROUP BY ALL ORDER BY ALL",
    )


# ----------------------------------------------------------------- the committed file
@needs_shared
def test_snapshot_regenerates_the_committed_file_byte_identical(tmp_path):
    (written,) = transborder_hs2.write_snapshot(SHARED, tmp_path)
    assert written.read_bytes() == (REPO / "data" / transborder_hs2.SNAPSHOT_FILE).read_bytes()


def test_committed_table_stays_under_400_kb():
    assert (REPO / "data" / transborder_hs2.SNAPSHOT_FILE).stat().st_size < 400_000


@needs_shared
@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.name)
def test_built_store_holds_exactly_the_loader_rows_of_each_raw_file_summed(hs_store, path):
    raw = loaded(path)
    want = transborder_hs2.summarise(raw)
    got = stored_sums(hs_store)
    kind, year, month = raw["table_type"].iloc[0], raw["year"].iloc[0], raw["month"].iloc[0]
    got = got[(got["table_type"] == kind) & (got["year"] == year) & (got["month"] == month)]
    # DOT3 has no state: NULL on both sides, keyed as '' so the merge can match it.
    want, got = (f.assign(us_state=f["us_state"].astype(object).fillna("")) for f in (want, got))
    merged = want.merge(got, on=GROUP, how="outer", suffixes=("_raw", "_store"), indicator=True)
    assert set(merged["_merge"]) == {"both"}
    for column in ("value_usd", "weight_kg"):  # NULL weights must be NULL on both sides
        pd.testing.assert_series_equal(
            merged[f"{column}_raw"], merged[f"{column}_store"], check_names=False
        )
    # Every dollar of the raw file is in the store.
    assert got["value_usd"].sum() == raw["value_usd"].sum()


def test_fresh_store_reproduces_the_published_jan_2015_totals_from_dot2_and_dot3(hs_store):
    totals = store.frame_of(
        hs_store,
        "SELECT table_type, partner_country, flow, round(sum(value_usd) / 1e9, 2) AS bn "
        "FROM trade WHERE year = 2015 AND month = 1 GROUP BY ALL",
    )
    for kind in ("DOT2", "DOT3"):
        rows = totals[totals["table_type"] == kind]
        got = {(r.partner_country, r.flow): r.bn for r in rows.itertuples()}
        assert got == {
            ("CA", "export"): 22.65,
            ("CA", "import"): 25.40,
            ("MX", "export"): 19.14,
            ("MX", "import"): 22.06,
        }, kind


def test_jan_2015_dot2_by_state_and_dot3_by_port_agree_chapter_by_chapter(hs_store):
    by_table = store.frame_of(
        hs_store,
        "SELECT hs2, table_type, sum(value_usd) AS v FROM trade WHERE year = 2015 GROUP BY ALL",
    ).pivot(index="hs2", columns="table_type", values="v")
    assert len(by_table) == 98 and (by_table["DOT2"] == by_table["DOT3"]).all()


def test_summary_rows_carry_no_mode_province_or_port_and_cite_their_month(hs_store):
    detail = store.frame_of(
        hs_store,
        "SELECT count(*) FILTER (WHERE mode IS NOT NULL OR partner_place_id IS NOT NULL "
        "OR port_code IS NOT NULL) AS detailed, count(*) FILTER (WHERE table_type = 'DOT3' "
        "AND us_state IS NOT NULL) AS dot3_states FROM trade",
    ).iloc[0]
    assert detail["detailed"] == 0 and detail["dot3_states"] == 0
    sources = store.frame_of(hs_store, "SELECT source_id, title, as_of, notes FROM sources")
    jan15 = sources.set_index("source_id").loc["transborder-hs2-dot2-2015-01"]
    assert "January 2015" in jan15["title"] and "not an annual total" in jan15["notes"]
    assert str(jan15["as_of"])[:10] == "2015-04-14"  # date of the copy (PROVENANCE.md)
    assert set(sources["source_id"]) == {
        "transborder-hs2-dot2-2015-01",
        "transborder-hs2-dot3-2015-01",
        "transborder-hs2-dot3-2020-01",
        "transborder-hs2-dot3-2021-01",
        "transborder-hs2-dot3-2022-01",
    }


@needs_shared
def test_loading_the_raw_month_takes_over_from_the_summary_without_counting_it_twice(
    hs_store, tmp_path
):
    from components import query

    db = tmp_path / "loaded.duckdb"
    shutil.copyfile(hs_store, db)
    before = query.trade_commodities(db, 2015, "US-VT", "CA")
    store.apply(db, transborder.load_file(RAW_2015 / "dot2_0115.csv"))
    after = query.trade_commodities(db, 2015, "US-VT", "CA")
    pd.testing.assert_frame_equal(before[["hs2", "value_usd"]], after[["hs2", "value_usd"]])
    assert set(after["source_id"]) == {"transborder-dot2-2015-01"}  # the loaded file's rows
    everything = query.trade_commodities(db, 2015)["value_usd"].sum()
    assert everything == loaded(RAW_2015 / "dot2_0115.csv")["value_usd"].sum()
    # Years still covered only by the summary keep it.
    assert set(query.trade_commodities(db, 2021)["table_type"]) == {"DOT3"}


# ----------------------------------------------------------------- summing rules (synthetic)
def test_weight_is_summed_only_where_every_summed_row_records_one():
    rows = pd.DataFrame(  # SYNTHETIC loader rows: two modes per chapter
        {
            "table_type": "DOT2",
            "year": 2015,
            "month": 1,
            "us_state": "US-TX",
            "partner_country": "MX",
            "hs2": ["87", "87", "84", "84"],
            "flow": "export",
            "value_usd": [10.0, 5.0, 7.0, 3.0],
            "weight_kg": [2.0, None, 4.0, 1.0],  # Truck export: no weight recorded
        }
    )
    out = transborder_hs2.summarise(rows).set_index("hs2")
    assert out.loc["87", "value_usd"] == 15 and pd.isna(out.loc["87", "weight_kg"])
    assert out.loc["84", "value_usd"] == 10 and out.loc["84", "weight_kg"] == 5


HEADER = ",".join(transborder_hs2.SNAPSHOT_COLUMNS)


def synthetic_table(tmp_path: Path, *rows: str) -> Path:
    (tmp_path / transborder_hs2.SNAPSHOT_FILE).write_text("\n".join([HEADER, *rows]) + "\n")
    return tmp_path


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("DOT3,2015,1,US-TX,MX,87,10,,,", "us_state", "DOT3 rows have none"),
        ("DOT2,2015,1,,MX,87,10,,,", "us_state", "need a U.S. state"),
        ("DOT2,2016,3,US-TX,MX,87,10,,,", "month", "no provenance"),
        ("DOT1,2015,1,US-TX,MX,87,10,,,", "table_type", "unknown table type"),
        ("DOT2,2015,1,US-TX,MX,00,10,,,", "hs2", "unknown HS chapter"),
        ("DOT2,2015,1,US-TX,MX,87,ten,,,", "export_usd", "not a number"),
    ],
)
def test_bad_row_in_synthetic_committed_table_is_refused(tmp_path, row, column, words):
    data = synthetic_table(tmp_path, "DOT2,2015,1,US-VT,CA,84,1,2,,3", row)
    with pytest.raises(LoadError) as info:
        transborder_hs2.reference_batches(data)
    assert (info.value.line, info.value.column) == (3, column)
    assert words in info.value.problem


def test_synthetic_committed_row_becomes_one_trade_row_per_flow(tmp_path):
    data = synthetic_table(tmp_path, "DOT2,2015,1,US-VT,CA,84,1,2,,3")
    (batch,) = transborder_hs2.reference_batches(data)
    frame = batch.frame.set_index("flow")
    assert batch.table == "trade" and list(frame.index) == ["export", "import"]
    assert frame.loc["export", "value_usd"] == 1 and pd.isna(frame.loc["export", "weight_kg"])
    assert frame.loc["import", "weight_kg"] == 3 and frame["mode"].isna().all()


# ---- chapter names in English, Spanish and French (data/codes/hs_chapters_i18n.csv)
def test_every_chapter_of_the_committed_table_has_full_and_short_names_in_en_es_fr():
    from ingest import transborder_codes as codes

    names = codes.read_hs_chapter_names(REPO / "data" / "codes")
    chapters = set(pd.read_csv(REPO / "data" / "trade_hs2.csv", dtype=str)["hs2"])
    fields = ["name_en", *codes.HS_NAME_FIELDS]
    missing = {
        (code, field)
        for code in chapters
        for field in fields
        if not names.get(code, {}).get(field, "").strip()
    }
    assert not missing, sorted(missing)
    assert all(len(names[c][f]) <= 40 for c in chapters for f in fields if "short" in f)
    # every title names where it comes from: the official tariff or our own translation
    sources = {names[c][f"source_{lang}"] for c in chapters for lang in ("es", "fr")}
    assert sources == {"LIGIE 2022", "Tarif des douanes (SH 2022)", "Borderlinks translation"}


def test_reserved_chapter_77_has_its_official_reserved_titles():
    from ingest import transborder_codes as codes

    names = codes.read_hs_chapter_names(REPO / "data" / "codes")["77"]
    assert names["name_es"] == "(Reservado para una futura utilización en el Sistema Armonizado)"
    assert names["name_short_fr"] == "Réservé"
