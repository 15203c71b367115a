"""Trade flows page (AppTest on the store built from committed data) and its queries."""

from __future__ import annotations

import json

import pytest

from components import query

PAGE = "trade_flows"


def texts(at) -> str:
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning"):
        parts += [str(el.value) for el in at.get(kind)]
    return "\n".join(parts)


def sankeys(at) -> list[dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [t for s in specs for t in s["data"] if t.get("type") == "sankey"]


@pytest.mark.parametrize(
    "lang,title", [("en", "Trade flows"), ("es", "Flujos comerciales"), ("fr", "Flux commerciaux")]
)
def test_trade_page_renders_in_each_language_with_two_sankeys_and_a_series(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert len(sankeys(at)) == 2
    assert len(at.get("plotly_chart")) >= 3


def test_mode_sankey_labels_follow_the_language(run_page):
    at = run_page(PAGE, lang="es", year=2024)
    labels = sankeys(at)[0]["node"]["label"]
    assert "México · Camión" in labels and "Texas" in labels


def test_mexico_border_shows_only_mexico_targets_and_hides_the_province_pairs(run_page):
    at = run_page(PAGE, border="US-Mexico", year=2024)
    assert not at.exception
    mode_sankey = sankeys(at)[0]
    targets = [lab for lab in mode_sankey["node"]["label"] if "·" in lab]
    assert targets and all(lab.startswith("Mexico ·") for lab in targets)
    assert len(sankeys(at)) == 1  # the state-province Sankey is US-Canada only


def test_transport_mode_filter_keeps_only_that_mode(run_page):
    at = run_page(PAGE, mode="Pipeline", year=2024)
    targets = [lab for lab in sankeys(at)[0]["node"]["label"] if "·" in lab]
    assert targets and all(lab.endswith("· Pipeline") for lab in targets)


def test_place_filter_restricts_the_top_pairs_to_that_state(run_page):
    at = run_page(PAGE, place="US-MI")
    pairs = next(d.value for d in at.dataframe if "Province or territory" in d.value.columns)
    assert set(pairs["State"]) == {"Michigan"}
    assert "Ontario" in set(pairs["Province or territory"])
    assert "Michigan: exports and imports with Canada and Mexico (all modes)" in texts(at)


def test_a_place_without_province_trade_shows_the_empty_state_sentence(run_page):
    at = run_page(PAGE, place="MX-NLE")
    assert not at.exception
    assert "No state–province trade is recorded for Nuevo León." in texts(at)


def test_state_series_has_exports_and_imports_with_each_partner(run_page):
    at = run_page(PAGE, place="US-TX")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    names = {t.get("name") for s in specs for t in s["data"] if t.get("type") == "scatter"}
    assert {"Canada — US exports", "Mexico — US imports"} <= names


def test_trade_by_mode_excludes_the_unknown_state_bucket(built_store):
    frame = query.trade_by_mode(built_store, 2024)
    assert not frame.empty and "US-XX" not in set(frame["us_state"])
    exports = query.trade_by_mode(built_store, 2024, "CA", "export")
    assert set(exports["partner_country"]) == {"CA"}
    assert exports["value_usd"].sum() < frame["value_usd"].sum()


def test_mode_sankey_bands_add_up_to_the_published_total(run_page, built_store):
    at = run_page(PAGE, year=2024, border="US-Canada")
    shown = sum(sankeys(at)[0]["link"]["value"])
    total = query.trade_by_mode(built_store, 2024, "CA")["value_usd"].sum()
    assert shown == pytest.approx(total, rel=1e-9)
    assert "Other states" in sankeys(at)[0]["node"]["label"]


def test_commodities_sum_dot2_rows_by_chapter_for_the_state_and_partner(tmp_path):
    import duckdb

    from components.query import trade_commodities

    path = tmp_path / "synthetic.duckdb"  # SYNTHETIC raw TransBorder rows
    con = duckdb.connect(str(path))
    con.execute((query.REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        "INSERT INTO trade (table_type, year, month, us_state, partner_country, mode, hs2, flow, "
        "value_usd, source_id) VALUES "
        "('DOT2', 2015, 1, 'US-TX', 'MX', 'Truck', '87', 'export', 10, 's'),"
        "('DOT2', 2015, 2, 'US-TX', 'MX', 'Rail', '87', 'import', 5, 's'),"
        "('DOT2', 2015, 1, 'US-TX', 'CA', 'Truck', '84', 'export', 99, 's'),"
        "('DOT1', 2015, 1, 'US-TX', 'MX', 'Truck', NULL, 'export', 1000, 's')"
    )
    con.close()
    frame = trade_commodities(path, 2015, "US-TX", "MX")
    assert list(frame["hs2"]) == ["87"]
    assert frame["value_usd"].iloc[0] == 15 and frame["months"].iloc[0] == 2
    assert list(trade_commodities(path, 2015, "US-TX")["hs2"]) == ["84", "87"]
    assert trade_commodities(path, 2016).empty
