"""Jobs and investment page (AppTest on the store built from committed data) and its queries.

The FDI aggregation test uses a tiny SYNTHETIC store (made-up quarterly values).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from components import query
from tests.app.conftest import texts

REPO = Path(__file__).resolve().parents[2]
PAGE = "jobs_investment"


def card_values(at) -> list[str]:
    """The big figures of the fact cards (markdown headings '### ...')."""
    return [m.value[4:] for m in at.markdown if m.value.startswith("### ")]


def line_names(at) -> list[str]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [t["name"] for s in specs for t in s["data"] if t.get("type") == "scatter"]


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
    names = line_names(at)
    assert {"Nuevo León", "Baja California", "Chihuahua"} <= set(names)
    assert len(names) == 6


def test_choosing_a_mexican_state_in_the_sidebar_narrows_the_series(run_page):
    at = run_page(PAGE, place="MX-NLE", lang="es")
    assert line_names(at) == ["Nuevo León"]


def test_year_sets_the_state_comparison_and_out_of_range_years_say_so(run_page):
    at = run_page(PAGE, year=2010)
    assert "Foreign direct investment by Mexican state, 2010" in texts(at)
    at = run_page(PAGE, year=2024)
    assert "Investment data cover 1999–2017; 2024 is outside that range." in texts(at)


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


def test_fdi_yearly_sums_quarters_and_uses_annual_rows_only_where_no_quarters(tmp_path):
    path = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(path))
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    con.execute(
        "INSERT INTO fdi (place_id, year, quarter, origin, value_musd, source_id) VALUES "
        "('MX-AAA', 2000, 1, 'all', 1.5, 's'), ('MX-AAA', 2000, 2, 'all', -0.5, 's'),"
        "('MX-AAA', 2000, NULL, 'all', 99, 's'), ('MX-AAA', 2001, NULL, 'all', 7, 's'),"
        "('MX-BBB', 2000, 1, 'all', 4, 's')"
    )
    con.close()
    frame = query.fdi_yearly(path, ["MX-AAA"])
    assert list(frame["year"]) == [2000, 2001]
    assert list(frame["value_musd"]) == [1.0, 7.0]
    assert list(frame["quarters"]) == [2, 0]
