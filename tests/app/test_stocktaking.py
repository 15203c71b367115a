"""Stock-taking page (AppTest on the store built from committed data) and its queries.

The gap and party-spread query tests use a tiny SYNTHETIC store (made-up places, trade,
initiatives and leaders).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from components import leaders, query
from tests.app.conftest import texts

REPO = Path(__file__).resolve().parents[2]
PAGE = "stocktaking"


def legend_names(at, index: int = 0) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[index].proto.spec)
    return [t["name"] for t in spec["data"]]


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.mark.parametrize(
    "lang,title",
    [
        ("en", "Stocktaking: what exists, and where the gaps are"),
        ("es", "Balance: lo que existe y dónde están los vacíos"),
        ("fr", "Bilan\u202f: ce qui existe et où sont les lacunes"),
    ],
)
def test_stocktaking_page_renders_in_each_language(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert len(at.get("plotly_chart")) >= 3
    assert len(at.get("metric")) == 2


def test_grouping_switches_the_counted_categories(run_page):
    at = run_page(PAGE)
    assert "Agreement" in legend_names(at)
    at.radio(key="st_by").set_value("sector").run()
    assert "Trade" in legend_names(at) and "Agreement" not in legend_names(at)
    assert "Initiatives started per decade, by sector" in texts(at)


def test_pairs_already_linked_by_an_initiative_are_not_listed_as_gaps(run_page):
    at = run_page(PAGE)
    gaps = table_with(at, "Province or territory")
    pairs = set(zip(gaps["State"], gaps["Province or territory"], strict=True))
    # Michigan-Ontario trade most, but they signed MOUs (on-mi-mou-2018): not a gap.
    assert ("Michigan", "Ontario") not in pairs
    # California-Ontario linked their carbon markets in 2017 (ca-qc-on-cap-and-trade-link-2017);
    # no New York-Alberta initiative was found, so that pair is still listed.
    assert ("California", "Ontario") not in pairs
    assert ("New York", "Alberta") in pairs


def test_border_filter_keeps_only_that_borders_gaps(run_page):
    at = run_page(PAGE, border="US-Mexico")
    assert not any("Province or territory" in d.value.columns for d in at.dataframe)
    assert "Neighbouring US–Mexican state pairs without an initiative" in texts(at)


def test_cross_party_count_matches_the_recorded_leaders(run_page, built_store):
    spread = leaders.party_spread(built_store)
    at = run_page(PAGE)
    metrics = {m.label: m.value for m in at.get("metric")}
    assert metrics["…signed by leaders of more than one party"] == str(
        int(spread["cross_party"].sum())
    )


def test_generic_party_names_are_translated_and_proper_names_kept(run_page):
    at = run_page(PAGE, lang="fr")
    by_party = table_with(at, "Parti")
    parties = set(by_party["Parti"])
    assert {"Républicain", "Démocrate", "Progressiste-conservateur"} <= parties
    assert {"PAN", "Movimiento Ciudadano", "Parti Québécois"} <= parties
    assert not {"Republican", "Democratic", "Progressive Conservative"} & parties
    spread = table_with(at, "Partis des dirigeants")
    assert not any("Republican" in ps for ps in spread["Partis des dirigeants"])


def test_progressive_conservative_reads_in_spanish_word_order(run_page):
    at = run_page(PAGE, lang="es")
    parties = set(table_with(at, "Partido")["Partido"])
    # Spanish puts the adjective after: "Partido Conservador Progresista".
    assert "Conservador Progresista" in parties
    assert "Progresista Conservador" not in parties


# ---- queries on a SYNTHETIC store -------------------------------------------------------


@pytest.fixture
def tiny_store(tmp_path) -> Path:
    """Synthetic: two state-province pairs (one linked by an initiative) and two leaders."""
    path = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(path))
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        "INSERT INTO trade_od (us_state, partner_place_id, port_code, first_year, last_year, "
        "value_usd, source_id) VALUES ('US-AA', 'CA-BB', NULL, 2000, 2020, 500, 'od'),"
        "('US-AA', 'CA-CC', NULL, 2000, 2020, 900, 'od'), ('US-XX', 'CA-CC', NULL, 2000, 2020, 1e9, 'od')"
    )
    con.execute(
        "INSERT INTO trade_annual (year, us_state, partner_country, partner_place_id, mode, flow, "
        "value_usd, source_id) VALUES (2020, 'US-TX', 'MX', NULL, 'Truck', 'export', 10, 'ta'),"
        "(2020, 'US-TX', 'MX', NULL, 'Truck', 'import', 5, 'ta'),"
        "(2020, NULL, 'MX', 'MX-NLE', 'Truck', 'export', 3, 'ta')"
    )
    leaders = json.dumps(
        [
            {"name": "A", "role": "Governor", "party": "Party One", "place_id": "US-AA"},
            {"name": "B", "role": "Premier", "party": "Party Two", "place_id": "CA-CC"},
        ]
    )
    con.execute(
        "INSERT INTO initiatives (initiative_id, name_en, kind, year, status, sectors, leaders, "
        "summary_en, source_url, source_title, source_publisher, source_id) VALUES "
        "('syn-1', 'Synthetic accord', 'agreement', 2010, 'active', ['trade'], ?, 's', 'u', 't', "
        "'p', 'inv'), ('syn-2', 'Synthetic solo', 'program', 2015, 'active', ['health'], NULL, "
        "'s', 'u', 't', 'p', 'inv')",
        [leaders],
    )
    con.execute(
        "INSERT INTO initiative_parties (initiative_id, place_id, organisation, role) VALUES "
        "('syn-1', 'US-AA:some-city', NULL, 'signatory'), ('syn-1', 'CA-CC', NULL, 'signatory'),"
        "('syn-2', 'US-AA', NULL, 'host')"
    )
    con.close()
    return path


def test_trade_gaps_skip_pairs_linked_through_a_city_and_the_unknown_state(tiny_store):
    gaps = query.trade_gaps(tiny_store, 2020)
    canada = gaps[gaps["border"] == "US-Canada"]
    # US-AA / CA-CC trade more but are linked (via a city of US-AA); US-XX is not a state.
    assert list(zip(canada["us_state"], canada["partner_place_id"], strict=True)) == [
        ("US-AA", "CA-BB")
    ]


def test_us_mexico_gaps_use_the_us_states_trade_with_mexico(tiny_store):
    mexico = query.trade_gaps(tiny_store, 2020)
    mexico = mexico[mexico["border"] == "US-Mexico"].set_index("partner_place_id")
    assert mexico.loc["MX-NLE", "value_usd"] == 15
    assert mexico.loc["MX-NLE", "mx_exports_usd"] == 3
    assert set(mexico["us_state"]) == {"US-TX"}  # only neighbours with trade rows


def test_party_spread_counts_distinct_parties_per_initiative(tiny_store):
    spread = leaders.party_spread(tiny_store)
    assert list(spread["initiative_id"]) == ["syn-1"]  # syn-2 has no recorded leaders
    assert spread["parties"].iloc[0] == 2 and bool(spread["cross_party"].iloc[0])
    assert spread["party_list"].iloc[0] == "Party One; Party Two"


def test_counts_by_state_count_a_city_for_its_state(tiny_store):
    by_state = query.initiative_counts_by(tiny_store, "state")
    assert set(by_state["key"]) == {"US-AA", "CA-CC"}
    with pytest.raises(ValueError):
        query.initiative_counts_by(tiny_store, "colour")


def test_unusable_leader_json_is_treated_as_no_leaders():
    assert leaders.parse_leaders("not json") == []
    assert leaders.parse_leaders(None) == []
    assert leaders.parse_leaders('{"name": "x"}') == []


def test_decade_labels_follow_the_language(run_page):
    spec = json.loads(run_page(PAGE, lang="fr").get("plotly_chart")[0].proto.spec)
    periods = {x for trace in spec["data"] for x in trace["x"]}
    assert "années 2010" in periods and "Avant 1970" in periods
