"""Jobs and investment page (AppTest on the store built from committed data) and its queries.

The FDI aggregation test uses a tiny SYNTHETIC store (made-up quarterly values).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from components import query
from tests.app.conftest import texts

REPO = Path(__file__).resolve().parents[2]
PAGE = "jobs_investment"


def card_values(at) -> list[str]:
    """The big figures of the fact cards (markdown headings '### ...')."""
    return [m.value[4:] for m in at.markdown if m.value.startswith("### ")]


def chart_spec(at, key: str) -> dict:
    """The Plotly spec of the chart shown with ``key``."""
    for chart in at.get("plotly_chart"):
        if key in chart.proto.id:
            return json.loads(chart.proto.spec)
    raise AssertionError(f"no chart {key!r}")


def line_names(at, key: str) -> list[str]:
    return [t["name"] for t in chart_spec(at, key)["data"] if t.get("type") == "scatter"]


@pytest.mark.parametrize(
    "lang,title",
    [
        ("en", "Jobs and investment"),
        ("es", "Empleo e inversión"),
        ("fr", "Emplois et investissement"),
    ],
)
def test_jobs_page_renders_in_each_language_with_cited_facts(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    cards = card_values(at)
    assert len(cards) >= 3
    # every card carries a source link
    assert sum("](http" in c.value for c in at.caption) >= len(cards)


def test_fdi_series_defaults_to_the_six_border_states(run_page):
    at = run_page(PAGE)
    names = line_names(at, "ji_fdi_series")
    assert {"Nuevo León", "Baja California", "Chihuahua"} <= set(names)
    assert len(names) == 6


def test_choosing_a_mexican_state_in_the_sidebar_narrows_the_series(run_page):
    at = run_page(PAGE, place="MX-NLE", lang="es")
    assert line_names(at, "ji_fdi_series") == ["Nuevo León"]


def test_year_sets_the_state_comparison_and_out_of_range_years_say_so(run_page):
    at = run_page(PAGE, year=2010)
    assert "Foreign direct investment by Mexican state, 2010 (origin: United States)" in texts(at)
    # By-origin data start in 2006 and trade (the view's range) in 1993: 1995 is a year the
    # view allows that has no investment from the United States.
    at = run_page(PAGE, year=1995)
    assert "Investment data cover 2006–2025; 1995 is outside that range." in texts(at)


def test_clearing_every_state_shows_the_empty_state_sentence(run_page):
    at = run_page(PAGE)
    at.multiselect(key="ji_states").set_value([]).run()
    assert not at.exception
    assert "Choose at least one Mexican state with investment data" in texts(at)


def test_approximate_facts_keep_the_source_wording_in_spanish(run_page, built_store):
    facts = query.facts_list(built_store, ["jobs", "investment"])
    if not (facts["qualifier"] == "nearly").any():
        pytest.skip("no 'nearly' fact in the committed facts")
    at = run_page(PAGE, lang="es")
    assert any(value.startswith("casi ") for value in card_values(at))


# ---- queries on a SYNTHETIC store -------------------------------------------------------


def synthetic_store(tmp_path, rows: str) -> Path:
    """A SYNTHETIC store (made-up values) holding the given fdi rows and two sources."""
    path = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(path))
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        "INSERT INTO sources (source_id, publisher, title, as_of) VALUES "
        "('old', 'p', 'old vintage', DATE '2017-12-31'), ('new', 'p', 'new', DATE '2025-06-30')"
    )
    con.execute(
        "INSERT INTO fdi (place_id, year, quarter, origin, value_musd, source_id, confidential,"
        f" ytd_musd) VALUES {rows}"
    )
    con.close()
    return path


def test_fdi_yearly_sums_quarters_and_uses_annual_rows_only_where_no_quarters(tmp_path):
    path = synthetic_store(
        tmp_path,
        "('MX-AAA', 2000, 1, 'all', 1.5, 'old', false, NULL),"
        "('MX-AAA', 2000, 2, 'all', -0.5, 'old', false, NULL),"
        "('MX-AAA', 2000, NULL, 'all', 99, 'old', false, NULL),"
        "('MX-AAA', 2001, NULL, 'all', 7, 'old', false, 7),"
        "('MX-BBB', 2000, 1, 'all', 4, 'old', false, NULL)",
    )
    frame = query.fdi_yearly(path, ["MX-AAA"])
    assert list(frame["year"]) == [2000, 2001]
    assert list(frame["value_musd"]) == [1.0, 7.0]
    assert list(frame["quarters"]) == [2, 4]  # an annual row covers the whole year


def test_two_vintages_of_a_year_are_never_added_the_newest_is_used(tmp_path):
    path = synthetic_store(
        tmp_path,
        "('MX-AAA', 2010, 1, 'all', 10, 'old', false, NULL),"
        "('MX-AAA', 2010, 2, 'all', 10, 'old', false, NULL),"
        "('MX-AAA', 2010, NULL, 'all', 25, 'new', false, 25),"
        "('MX-AAA', 2005, 1, 'all', 3, 'old', false, NULL)",
    )
    frame = query.fdi_by_state_years(path)
    assert frame.set_index("year")["value_musd"].to_dict() == {2005: 3.0, 2010: 25.0}
    assert frame.set_index("year")["source_id"].to_dict() == {2005: "old", 2010: "new"}


def test_a_year_total_is_the_last_running_total_and_unknown_when_it_is_withheld(tmp_path):
    # Q2 is confidential, so Q2 and Q3 single quarters are unknown, but the Q4 running
    # total is published: the year is known. MX-BBB's Q2 running total itself is withheld.
    path = synthetic_store(
        tmp_path,
        "('MX-AAA', 2024, 1, 'US', 5, 'new', false, 5),"
        "('MX-AAA', 2024, 2, 'US', NULL, 'new', true, NULL),"
        "('MX-AAA', 2024, 3, 'US', NULL, 'new', true, 9),"
        "('MX-AAA', 2024, 4, 'US', 3, 'new', false, 12),"
        "('MX-BBB', 2025, 1, 'US', 2, 'new', false, 2),"
        "('MX-BBB', 2025, 2, 'US', NULL, 'new', true, NULL)",
    )
    frame = query.fdi_origin_years(path, "US").set_index("place_id")
    assert frame.loc["MX-AAA", "value_musd"] == 12.0
    assert not frame.loc["MX-AAA", "confidential"]
    assert pd.isna(frame.loc["MX-BBB", "value_musd"])  # unknown, not 2 and not 0
    assert frame.loc["MX-BBB", "confidential"]
    assert frame.loc["MX-BBB", "quarters"] == 2


# ---- known answers on the store built from the committed data -------------------------


def test_each_year_counts_one_series_the_newest(built_store):
    frame = query.fdi_by_state_years(built_store)
    assert not frame.duplicated(["year", "place_id"]).any()
    sources = frame.groupby("year")["source_id"].agg(set)
    assert sources[2005] == {"mx-fdi-state-datamexico"}
    assert all(sources[y] == {"mx-fdi-state-se"} for y in range(2006, 2026))
    # SE's 2025 3T release, national total 2010 (the three vintages would sum to ~3x).
    assert frame.loc[frame["year"] == 2010, "value_musd"].sum() == pytest.approx(27199.0, abs=0.5)


def test_known_answers_by_origin(built_store):
    us = query.fdi_origin_years(built_store, "US")
    us24 = us[us["year"] == 2024]
    assert us24.set_index("place_id").loc["MX-NLE", "value_musd"] == pytest.approx(758.58, abs=0.01)
    assert us24["value_musd"].sum() == pytest.approx(16653.7, abs=0.05)
    ca24 = query.fdi_origin_years(built_store, "CA").query("year == 2024")
    assert ca24["value_musd"].sum() == pytest.approx(3611.5, abs=0.05)
    assert set(ca24.loc[ca24["confidential"], "place_id"]) == {"MX-CHP", "MX-MIC", "MX-TLA"}
    # Baja California 2022: US over SE's all-origin state total of the same release. The
    # committed snapshot has only the 10 largest origins, so the 72.6 % "of published
    # origins" (all 151) cannot be formed from it; 72.5 % of the state's total can.
    bcn = query.fdi_place_origins(built_store, "MX-BCN").query("year == 2022")
    bcn = bcn.set_index("origin")["value_musd"]
    assert bcn["US"] / bcn["all"] == pytest.approx(0.725, abs=0.0005)
    share = query.scene_figure(
        built_store, "fdi_share", {"places": ["MX-BCN"], "year": 2022, "origin": "US"}
    )
    assert share["value"].iloc[0] == pytest.approx(0.7253, abs=0.0001)


# ---- the investment map and charts ---------------------------------------------------


def deck_spec(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def table_with(at, column: str, value) -> pd.DataFrame:
    """The first data table of a run whose ``column`` holds ``value``."""
    for frame in at.dataframe:
        df = frame.value
        if column in df.columns and (df[column] == value).any():
            return df
    raise AssertionError(f"no table with {column} = {value!r}")


def test_map_shades_the_states_from_the_us_in_2024_with_arcs_from_the_us(run_page):
    at = run_page(PAGE, year=2024)
    assert not at.exception
    spec = deck_spec(at)
    places = next(layer for layer in spec["layers"] if layer["id"] == "places")["data"]
    fills = {row["place_id"]: tuple(row["fill"][:3]) for row in places}
    land = (246, 243, 236)
    mexican = {p for p in fills if p.startswith("MX-")}
    assert len(mexican) == 32 and all(fills[p] != land for p in mexican)
    assert fills["US-TX"] == land and fills["CA-ON"] == land  # context only
    # The darkest class goes to the largest recipient, Mexico City.
    assert fills["MX-CMX"] != fills["MX-TLA"]
    tips = {row["place_id"]: row["tip"] for row in places}
    assert "$758.6M" in tips["MX-NLE"]
    table = table_with(at, "place_id", "MX-NLE")
    nle = table.loc[table["place_id"] == "MX-NLE"].iloc[0]
    assert nle["FDI inflow (US$ M)"] == pytest.approx(758.58, abs=0.01)
    arcs = next(layer for layer in spec["layers"] if layer["id"] == "arcs")["data"]
    assert len(arcs) == 10
    assert {(a["source_lon"], a["source_lat"]) for a in arcs} == {(-92.346525, 37.415725)}


def test_a_confidential_cell_reads_confidential_never_zero(run_page):
    from components.safetext import csv_bytes

    at = run_page(PAGE, year=2024, place="MX-MIC")
    at.selectbox(key="ji_origin").set_value("CA").run()
    assert not at.exception
    assert at.query_params["origin"] in ("CA", ["CA"])  # a copied link keeps the origin
    table = table_with(at, "place_id", "MX-MIC")
    mic = table.loc[table["place_id"] == "MX-MIC"].iloc[0]
    assert pd.isna(mic["FDI inflow (US$ M)"]) and mic["Note"] == "confidential"
    csv = csv_bytes(table).decode("utf-8-sig")
    line = next(row for row in csv.splitlines() if "MX-MIC" in row)
    assert "confidential" in line and ",0," not in line and ",0.0," not in line
    spec = deck_spec(at)
    places = next(layer for layer in spec["layers"] if layer["id"] == "places")["data"]
    tip = next(row["tip"] for row in places if row["place_id"] == "MX-MIC")
    assert tip.endswith(": confidential")
    bars = chart_spec(at, "ji_fdi_rank")
    words = [t for trace in bars["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert words == ["confidential"] * 3  # Chiapas, Michoacán, Tlaxcala: no bar, the word
    assert "Shown as confidential: Chiapas, Michoacán, Tlaxcala." in texts(at).replace("\\", "")


def test_confidential_is_translated_and_the_origin_comes_from_the_link(run_page):
    at = run_page(PAGE, year=2024, place="MX-MIC", lang="es", origin="CA")
    assert at.selectbox(key="ji_origin").value == "CA"
    table = table_with(at, "place_id", "MX-MIC")
    assert table.loc[table["place_id"] == "MX-MIC", "Nota"].iloc[0] == "confidencial"


def test_choosing_a_state_shows_its_origin_mix_and_sectors(run_page):
    at = run_page(PAGE, year=2022, place="MX-BCN")
    assert not at.exception
    shown = texts(at)
    assert "Where Baja California's investment comes from, by year" in shown
    assert "Foreign direct investment in Baja California by sector, 2022" in shown
    assert "72.5%" in shown  # the US share of SE's all-origin total, 2022
    mix = chart_spec(at, "ji_fdi_mix")
    names = {trace["name"] for trace in mix["data"] if trace.get("type") == "bar"}
    assert names == {"United States", "Canada", "All other origins"}


def test_the_state_picker_does_what_a_map_click_does(run_page):
    at = run_page(PAGE, year=2024)
    at.selectbox(key="ji_state").set_value("MX-NLE").run()
    assert not at.exception
    assert at.query_params["place"] == ["MX-NLE"] or at.query_params["place"] == "MX-NLE"
    assert "Where Nuevo León's investment comes from, by year" in texts(at)


def test_the_baja_california_scene_quotes_the_cited_and_the_data_s_own_us_share(run_page):
    at = run_page("presenter", scene="california-baja-investment")
    assert not at.exception
    caption = next(m.value for m in at.markdown if "Baja California received" in m.value)
    assert "cites 73.3% of it from the United States in 2022" in caption
    assert "latest release gives 72.5% for that year" in caption


def test_clicking_a_state_on_the_map_picks_it_like_the_selectbox(run_page):
    from tests.app.conftest import click_map

    at = run_page(PAGE, year=2024)
    click_map(at, "places", {"sel_id": "MX-CHH", "place_id": "MX-CHH"})
    assert not at.exception
    assert at.query_params["place"] in ("MX-CHH", ["MX-CHH"])
    assert at.selectbox(key="ji_state").value == "MX-CHH"
    assert "Where Chihuahua's investment comes from, by year" in texts(at)


def test_other_origins_are_confidential_when_a_part_is_withheld():
    from components.fdi_views import mix_frame

    # Synthetic rows: Canada withheld in 2020, so "all other origins" cannot be known.
    origins = pd.DataFrame(
        {
            "year": [2020, 2020, 2020, 2021, 2021, 2021],
            "origin": ["all", "US", "CA", "all", "US", "CA"],
            "value_musd": [100.0, 60.0, None, 100.0, 60.0, 10.0],
            "confidential": [False, False, True, False, False, False],
            "source_id": ["s"] * 6,
        }
    )
    rest = mix_frame(origins).set_index(["year", "series"]).loc[(slice(None), "rest"), :]
    assert rest.loc[(2020, "rest"), "confidential"]
    assert pd.isna(rest.loc[(2020, "rest"), "value_musd"])
    assert not rest.loc[(2021, "rest"), "confidential"]
    assert rest.loc[(2021, "rest"), "value_musd"] == 30.0
