"""Ports and crossings page (AppTest on the store built from committed data) and its queries.

The query tests at the bottom use a tiny SYNTHETIC store (made-up ports and counts).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from components import query
from tests.app.conftest import texts

REPO = Path(__file__).resolve().parents[2]
PAGE = "ports_crossings"


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def ranked_ports(at) -> list[str]:
    """Bar labels of the 'top ports' chart (the first horizontal bar chart)."""
    for spec in charts(at):
        for trace in spec["data"]:
            if trace.get("type") == "bar" and trace.get("orientation") == "h":
                return list(trace["y"])
    return []


@pytest.mark.parametrize(
    "lang,title",
    [
        ("en", "Ports of entry and border crossings"),
        ("es", "Puertos de entrada y cruces fronterizos"),
        ("fr", "Points d’entrée et passages frontaliers"),
    ],
)
def test_ports_page_renders_in_each_language_with_map_and_charts(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.get("plotly_chart")) >= 2


def test_otay_mesa_east_is_shown_as_planned_with_a_note_and_its_source(run_page):
    at = run_page(PAGE)
    notes = [i.value for i in at.info if "Otay Mesa East" in i.value]
    assert notes and "planned port of entry" in notes[0] and "Source" in notes[0]
    planned_layer = [layer for layer in deck(at)["layers"] if layer["id"] == "planned_ports"]
    assert planned_layer and "planned" in planned_layer[0]["data"][0]["tip"]
    table = at.dataframe[0].value
    row = table[table["Port of entry"] == "Otay Mesa East"]
    assert list(row["Status"]) == ["planned"]


def test_otay_mesa_east_is_planned_in_spanish_too(run_page):
    at = run_page(PAGE, lang="es")
    assert any("Otay Mesa Este" in i.value and "planeado" in i.value for i in at.info)


@pytest.mark.parametrize("lang,label", [("es", "Conteo de"), ("fr", "Nombre de")])
def test_count_choice_is_labelled_with_a_noun_not_a_verb(run_page, lang, label):
    # "Count" here names what is counted; "Contar"/"Compter" read as an order to count.
    at = run_page(PAGE, lang=lang)
    assert at.radio(key="pc_count").label == label


def test_border_filter_changes_the_ranked_ports(run_page):
    mexico = ranked_ports(run_page(PAGE, border="US-Mexico"))
    canada = ranked_ports(run_page(PAGE, border="US-Canada"))
    assert "Laredo (TX)" in mexico and "Laredo (TX)" not in canada
    assert "Detroit (MI)" in canada and "Detroit (MI)" not in mexico


def test_people_count_ranks_by_the_sum_of_passenger_measures(run_page, built_store):
    at = run_page(PAGE, year=2024, border="US-Mexico")
    at.radio(key="pc_count").set_value("people").run()
    assert not at.exception
    assert "People (all modes) by port, 2024" in texts(at)
    ranking = query.port_ranking(built_store, 2024, "people", "US-Mexico")
    expected = query.read_sql(
        built_store,
        "SELECT sum(value) FROM crossings_annual JOIN ports USING (port_code) "
        "WHERE year = 2024 AND port_name = 'San Ysidro' AND measure IN (?, ?, ?, ?)",
        list(query.PEOPLE_MEASURES),
    ).iloc[0, 0]
    assert ranking.loc[ranking["port_name"] == "San Ysidro", "value"].iloc[0] == expected


def test_choosing_a_port_shows_its_own_yearly_series(run_page):
    at = run_page(PAGE, sel="port:2304")
    assert not at.exception
    assert "Trucks per year — Laredo (TX)" in texts(at)


def test_a_year_before_the_first_crossings_shows_the_empty_state_sentence(run_page):
    at = run_page(PAGE, year=1993)
    assert not at.exception
    assert "No port has data for 1993 in this selection (Trucks)." in texts(at)


def test_state_scope_without_a_state_asks_for_one_instead_of_a_blank_chart(run_page):
    at = run_page(PAGE)
    at.radio(key="pc_scope").set_value("state").run()
    assert "Choose a port or a state above to see its series." in texts(at)


# ---- queries on a SYNTHETIC store -------------------------------------------------------


@pytest.fixture
def tiny_store(tmp_path) -> Path:
    """A store with the real schema and made-up ports/crossings (synthetic)."""
    path = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(path))
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        "INSERT INTO ports (port_code, port_name, place_id, border, lat, lon, status, "
        "first_month, last_month, source_id) VALUES "
        "('9001', 'Synthetic A', 'US-TX', 'US-Mexico', 27.0, -99.0, 'open', NULL, NULL, 's'),"
        "('9002', 'Synthetic B', 'US-MI', 'US-Canada', 42.0, -83.0, 'open', NULL, NULL, 's'),"
        "('P999', 'Synthetic Planned', 'US-CA', 'US-Mexico', 32.5, -117.0, 'planned', NULL, NULL, 's')"
    )
    con.execute(
        "INSERT INTO crossings_annual (port_code, year, measure, value, months, source_id) VALUES "
        "('9001', 2020, 'Trucks', 100, 12, 'snap'), ('9001', 2021, 'Trucks', 200, 12, 'snap'),"
        "('9002', 2021, 'Trucks', 50, 12, 'snap'), ('9001', 2021, 'Pedestrians', 7, 12, 'snap'),"
        "('9001', 2021, 'Bus Passengers', 3, 12, 'snap')"
    )
    con.close()
    return path


def test_annual_crossings_come_from_the_snapshot_until_monthly_rows_are_loaded(tiny_store):
    before = query.crossings_yearly(tiny_store, "Trucks", port_code="9001")
    assert list(before["value"]) == [100, 200]
    con = duckdb.connect(str(tiny_store))
    con.execute(
        "INSERT INTO crossings (port_code, month, measure, value, source_id) VALUES ('9001', DATE '2021-01-01', 'Trucks', 30, 'monthly'),"
        "('9001', DATE '2021-02-01', 'Trucks', 40, 'monthly')"
    )
    con.close()
    after = query.crossings_yearly(tiny_store, "Trucks", port_code="9001")
    # 2021 is now the sum of its monthly rows (2 months), 2020 still the snapshot's.
    assert list(after["value"]) == [100, 70]
    assert list(after["months"]) == [12, 2]
    assert list(after["from_monthly"]) == [False, True]
    monthly = query.crossings_monthly(tiny_store, "Trucks", port_code="9001")
    assert list(monthly["value"]) == [30, 40]


def test_port_ranking_keeps_planned_ports_without_a_value(tiny_store):
    ranking = query.port_ranking(tiny_store, 2021, "Trucks")
    assert list(ranking["port_code"]) == ["9001", "9002", "P999"]
    planned = ranking[ranking["status"] == "planned"]
    assert planned["value"].isna().all()


def test_people_group_sums_its_measures_and_border_filter_applies(tiny_store):
    people = query.port_ranking(tiny_store, 2021, "people", border="US-Mexico")
    assert people.loc[people["port_code"] == "9001", "value"].iloc[0] == 10
    assert "9002" not in set(people["port_code"])


def test_an_empty_measure_is_refused():
    with pytest.raises(ValueError):
        query.crossing_measure_parts("")


def test_page_switches_to_monthly_rows_once_they_are_loaded(
    run_page, built_store, tmp_path, monkeypatch
):
    # A copy of the built store plus two SYNTHETIC monthly rows for Laredo trucks in 2024.
    import shutil

    store = tmp_path / "with_monthly.duckdb"
    shutil.copy(built_store, store)
    con = duckdb.connect(str(store))
    con.execute(
        "INSERT INTO crossings (port_code, month, measure, value, source_id) VALUES "
        "('2304', DATE '2024-01-01', 'Trucks', 111, 'synthetic'),"
        "('2304', DATE '2024-02-01', 'Trucks', 222, 'synthetic')"
    )
    con.close()
    monkeypatch.setenv("BORDERLINKS_DB", str(store))
    at = run_page(PAGE, sel="port:2304", year=2024)
    assert not at.exception
    assert "Trucks per month — Laredo (TX)" in texts(at)
    yearly = next(d.value for d in at.dataframe if "Ports" in d.value.columns)
    row = yearly[yearly["Year"] == 2024]
    assert list(row["Trucks"]) == [333] and list(row["Months reported"]) == [2]
