"""Every page's link round-trips: URL params -> widgets show them -> the same params written back.

Invalid values fall back to the default with a visible note, never an exception.
"""

from __future__ import annotations

import pytest

from components import state

# One link per page, using controls of that page (values exist in the committed data).
LINKS = {
    "overview_map": {"shade": "initiatives", "year": "2019", "mode": "Rail", "sel": "US-MI"},
    "place_profile": {"place": "MX-NLE", "lang": "es", "year": "2020"},
    "ports_crossings": {
        "count": "people",
        "year": "2019",
        "border": "US-Mexico",
        "series": "port",
        "sel": "port:2304",
    },
    "trade_flows": {"year": "2020", "sector": "87", "mode": "Truck", "place": "US-TX"},
    "jobs_investment": {"place": "MX-NLE", "lang": "fr"},
    "initiatives": {
        "kind": "summit",
        "sector": "energy",
        "status": "ended",
        "sel": "initiative:neg-ecp-conference-2023",
        "years": "2000-2024",
    },
    "stocktaking": {"border": "US-Canada", "year": "2019"},
    "data_sources": {"lang": "fr", "years": "2005-2015"},
}

# The widget of each page that must show a link's value: (page, key, expected value).
WIDGETS = [
    ("overview_map", "ov_shade", "initiatives"),
    ("overview_map", "ov_year", 2019),
    ("overview_map", "ov_sel_pick", "US-MI"),
    ("overview_map", "sb_mode", "Rail"),
    ("place_profile", "sb_lang", "es"),
    ("place_profile", "sb_place", "MX-NLE"),
    ("ports_crossings", "pc_count", "people"),
    ("ports_crossings", "pc_year", 2019),
    ("ports_crossings", "sb_border", "US-Mexico"),
    ("ports_crossings", "pc_scope", "port"),
    ("ports_crossings", "pc_port", "2304"),
    ("trade_flows", "sb_mode", "Truck"),
    ("initiatives", "in_kind", "summit"),
    ("initiatives", "in_sector", "energy"),
    ("initiatives", "in_status", "ended"),
    ("initiatives", "in_record", "neg-ecp-conference-2023"),
    ("initiatives", "in_years", (2000, 2024)),
    ("data_sources", "sb_years", (2005, 2015)),
]


def _params(at) -> dict[str, str]:
    return {
        key: at.query_params[key][-1]
        if isinstance(at.query_params[key], list)
        else at.query_params[key]
        for key in at.query_params
    }


@pytest.mark.parametrize("page", sorted(LINKS))
def test_link_params_are_written_back_unchanged(run_page, page):
    at = run_page(page, **LINKS[page])
    assert not at.exception, [e.value for e in at.exception]
    assert not at.info or all("not valid" not in i.value for i in at.info)
    assert _params(at) == LINKS[page]


@pytest.mark.parametrize("page,key,expected", WIDGETS)
def test_widgets_show_the_values_of_the_link(run_page, page, key, expected):
    at = run_page(page, **LINKS[page])
    assert not at.exception, [e.value for e in at.exception]
    value = at.session_state[key]
    assert (tuple(value) if isinstance(value, list | tuple) else value) == expected


def test_ports_count_choice_is_written_to_the_link(run_page):
    at = run_page("ports_crossings")
    at.radio(key="pc_count").set_value("vehicles").run()
    assert not at.exception
    assert _params(at).get("count") == "vehicles"
    at.radio(key="pc_count").set_value("sidebar").run()
    assert "count" not in _params(at)


def test_initiatives_filters_and_record_are_written_to_the_link(run_page):
    at = run_page("initiatives")
    at.selectbox(key="in_sector").set_value("energy").run()
    at.selectbox(key="in_record").set_value("neg-ecp-conference-2023").run()
    assert not at.exception, [e.value for e in at.exception]
    params = _params(at)
    assert params["sector"] == "energy"
    assert params["sel"] == "initiative:neg-ecp-conference-2023"


@pytest.mark.parametrize(
    "page,name,value",
    [
        ("ports_crossings", "count", "everyone"),
        ("ports_crossings", "series", "everything"),
        ("overview_map", "sel", "pair:US-TX~US-NM"),
        ("initiatives", "sector", "astrology"),
        ("initiatives", "sel", "initiative:no-such-record"),
        ("initiatives", "kind", "<b>treaty</b>"),
        ("overview_map", "shade", "gdp"),
    ],
)
def test_invalid_value_falls_back_with_a_visible_note(run_page, page, name, value):
    at = run_page(page, **{name: value})
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"`{name}`" in i.value or name in i.value for i in at.info)
    assert name not in _params(at)


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_sidebar_reruns_in_other_languages(run_page, lang):
    at = run_page("overview_map", lang=lang)
    at.sidebar.selectbox(key="sb_border").set_value("US-Mexico").run()
    at.sidebar.selectbox(key="sb_mode").set_value("Truck").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _params(at) == {"lang": lang, "border": "US-Mexico", "mode": "Truck"}


LIMITS = state.Limits(
    place_ids=frozenset({"US-TX"}),
    first_year=1993,
    last_year=2025,
    default_year=2024,
    measures=("Trucks",),
    modes=("Truck",),
    init_sectors=frozenset({"energy"}),
    init_ids=frozenset({"a-b"}),
    init_first_year=1930,
    init_last_year=2025,
)


def test_sector_accepts_hs_chapters_and_initiative_sectors_only():
    base = state.default_view(LIMITS)
    assert state.parse_params({"sector": "87"}, LIMITS, base)[0].sector == "87"
    assert state.parse_params({"sector": "energy"}, LIMITS, base)[0].sector == "energy"
    assert state.parse_params({"sector": "cars"}, LIMITS, base)[1] == [("sector", "cars")]


def test_years_may_reach_back_to_the_inventory_but_not_further():
    base = state.default_view(LIMITS)
    assert state.parse_params({"years": "1950-2000"}, LIMITS, base)[0].years == (1950, 2000)
    assert state.parse_params({"years": "1900-2000"}, LIMITS, base)[1] == [("years", "1900-2000")]


def test_initiative_selection_must_name_a_known_record():
    base = state.default_view(LIMITS)
    assert state.parse_params({"sel": "initiative:a-b"}, LIMITS, base)[0].sel == "initiative:a-b"
    assert state.parse_params({"sel": "initiative:x"}, LIMITS, base)[1] == [("sel", "initiative:x")]


def test_fdi_series_respects_a_chosen_year_range(run_page):
    at = run_page("jobs_investment", years="2010-2015")
    assert not at.exception, [e.value for e in at.exception]
    assert "2010–2015" in " ".join(c.value for c in at.caption)


def test_fdi_range_without_data_says_so_and_offers_the_span(run_page):
    # FDI runs 1999-2025 (Data México's copy, then SE's 2025 release); trade from 1993.
    at = run_page("jobs_investment", years="1993-1998")
    assert not at.exception, [e.value for e in at.exception]
    assert any("1993–1998" in i.value and "1999" in i.value for i in at.info)
    at.button(key="ji_all_years").click().run()
    assert not at.exception
    assert at.query_params["years"] in ("1999-2025", ["1999-2025"])


def test_range_within_cuts_to_the_span_and_reports_no_overlap():
    view = state.View(years=(2015, 2024))
    assert state.range_within(view, 1999, 2017, explicit=True) == (2015, 2017)
    assert state.range_within(view, 1999, 2017, explicit=False) == (1999, 2017)
    assert state.range_within(state.View(years=(2019, 2024)), 1999, 2017, explicit=True) is None
