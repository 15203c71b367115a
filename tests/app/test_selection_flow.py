"""A click or a choice changes the view in the run it starts: the link, the map and the panels.

Clicks on maps are injected as the chart's widget value (``click_map``), so the
chart's selection callback runs as after a real click in the browser.
"""

from __future__ import annotations

from components import query, safetext, state
from components.i18n import place_name
from tests.app.conftest import click_map, deck_spec, texts

TX_NLE = "pair:MX-NLE~US-TX"
ON_MI = "pair:CA-ON~US-MI"


def layer_rows(at, layer_id: str) -> list[dict]:
    return next(item for item in deck_spec(at)["layers"] if item["id"] == layer_id)["data"]


def outlined_places(at) -> set[str]:
    """Places drawn with the thick 'selected' outline on the overview map."""
    return {row["place_id"] for row in layer_rows(at, "places") if row["width"] >= 3}


def record_links(at) -> dict[str, str]:
    """{query string: label} of the links to Initiatives page records."""
    return {
        link.proto.query_string: link.proto.label
        for link in at.get("page_link")
        if link.proto.page == "initiatives"
    }


# ---- overview map: states and ports


def test_clicked_state_is_in_the_link_the_outline_and_the_details_of_the_same_run(run_page):
    at = run_page("overview_map")
    click_map(at, "places", {"place_id": "US-TX", "sel_id": "US-TX"})
    assert not at.exception
    assert at.query_params.get("sel") == "US-TX"
    assert outlined_places(at) == {"US-TX"}  # not one click late
    assert any("Texas" in m.value for m in at.markdown)


def test_a_second_click_replaces_the_first_everywhere(run_page):
    at = run_page("overview_map")
    click_map(at, "places", {"place_id": "US-TX", "sel_id": "US-TX"})
    click_map(at, "ports", {"port_code": "0901", "sel_id": "port:0901"})
    assert at.query_params.get("sel") == "port:0901"
    ports = {row["sel_id"]: row["line"] for row in layer_rows(at, "ports")}
    assert ports["port:0901"] != ports["port:2304"]  # the clicked port is outlined
    assert outlined_places(at) == set()
    names = " ".join(h.proto.body for h in at.get("html") if "bl-name" in h.proto.body)
    assert "Buffalo" in names  # the port's own name line (chartframe.show_name)


def test_clear_selection_empties_the_link_and_the_panel(run_page):
    at = run_page("overview_map", sel="US-TX")
    at.button(key="ov_clear").click().run()
    assert "sel" not in at.query_params
    assert outlined_places(at) == set()
    assert "ov_clear" not in [button.key for button in at.button]


# ---- overview map: arcs select the pair they join


def test_every_arc_is_clickable_and_selects_its_pair(run_page):
    at = run_page("overview_map")
    for layer_id in ("arcs", "trade-arcs"):
        layer = next(item for item in deck_spec(at)["layers"] if item["id"] == layer_id)
        assert layer["pickable"] is True
        assert layer["data"]
        assert all(state.parse_pair(row["sel_id"]) for row in layer["data"])


def test_clicked_initiative_arc_lists_the_pairs_initiatives_with_sources_and_records(
    run_page, built_store
):
    at = run_page("overview_map", year="2024")
    click_map(at, "arcs", {"sel_id": TX_NLE})
    assert not at.exception
    assert at.query_params.get("sel") == TX_NLE
    expected = query.pair_initiatives(str(built_store), "MX-NLE", "US-TX", 2024)
    assert len(expected) >= 2
    counts = {m.label: m.value for m in at.metric}
    assert counts["Shared initiatives signed up to 2024"] == str(len(expected))
    links = record_links(at)
    for rec in expected.itertuples(index=False):
        query_string = f"sel=initiative%3A{rec.initiative_id}&lang=en"
        assert query_string in links, rec.initiative_id
        assert f"({rec.year})" in links[query_string]
        assert any(f"]({safetext.md_url(rec.source_url)})" in c.value for c in at.caption), rec
    # US-Mexico pairs have no state-to-state trade figure, and say so.
    assert "TransBorder publishes trade between US states and Canadian provinces only" in texts(at)


def test_clicked_trade_arc_shows_the_pairs_trade_with_its_source(run_page):
    at = run_page("overview_map")
    click_map(at, "trade-arcs", {"sel_id": ON_MI})
    assert at.query_params.get("sel") == ON_MI
    column = next(c for c in at.columns if any(m.label.startswith("Trade ") for m in c.metric))
    assert column.metric[0].value.startswith("$")
    assert any("TransBorder" in c.value for c in column.caption)  # the figure's own source
    assert "Ontario ↔ Michigan" in texts(at)


def test_pair_link_opens_on_the_pair_in_either_order_and_in_spanish(run_page):
    at = run_page("overview_map", sel="pair:US-MI~CA-ON", lang="es")
    assert not at.exception and not at.info
    assert at.query_params.get("sel") == ON_MI  # one pair, one id
    assert f"Ontario ↔ {place_name('US-MI', 'es')}" in texts(at)
    assert any(m.label.startswith("Iniciativas compartidas") for m in at.metric)
    assert all(q.endswith("lang=es") for q in record_links(at))


def test_pair_can_be_chosen_without_the_mouse(run_page):
    at = run_page("overview_map")
    box = at.selectbox(key="ov_sel_pick")
    assert "Nuevo León ↔ Texas" in box.options  # the arcs' pairs are offered with the places
    box.set_value(TX_NLE).run()
    assert at.query_params.get("sel") == TX_NLE
    assert record_links(at)


def test_bad_pair_in_a_link_falls_back_with_a_note():
    from components.state import Limits, View, parse_params

    limits = Limits(frozenset({"US-TX", "US-NM", "MX-NLE"}), 1993, 2025, 2024, ("Trucks",), ())
    for bad in (
        "pair:US-TX~US-NM",  # one country
        "pair:US~US-TX",
        "pair:US-TX~MX-ZZZ",  # unknown place
        "pair:US-TX",
        "pair:us-tx~mx-nle",
        "pair:US-TX~MX-NLE~CA-ON",
    ):
        view, notes = parse_params({"sel": bad}, limits, View())
        assert view.sel is None and notes == [("sel", bad)], bad
    for good, canonical in (("pair:US-TX~MX-NLE", TX_NLE), ("pair:US-TX~MX", "pair:MX~US-TX")):
        view, notes = parse_params({"sel": good}, limits, View())
        assert view.sel == canonical and notes == [], good


# ---- ports page: the series' subject round-trips through the link


def test_ports_series_for_a_state_comes_back_from_its_link(run_page):
    at = run_page("ports_crossings", series="state", place="US-MI")
    assert not at.exception
    assert at.radio(key="pc_scope").value == "state"
    assert at.selectbox(key="pc_state").value == "US-MI"
    assert "Michigan" in texts(at)
    assert at.query_params.get("series") == "state"
    assert at.query_params.get("place") == "US-MI"


def test_ports_series_for_a_port_and_for_a_border_come_back_from_their_links(run_page):
    at = run_page("ports_crossings", series="port", sel="port:3801")
    assert at.radio(key="pc_scope").value == "port"
    assert at.selectbox(key="pc_port").value == "3801"
    at = run_page("ports_crossings", series="border", border="US-Mexico")
    assert at.radio(key="pc_scope").value == "border"
    assert any("US–Mexico" in s.value for s in at.subheader)


def test_bad_series_value_falls_back_with_a_visible_note(run_page):
    at = run_page("ports_crossings", series="everything")
    assert not at.exception
    assert any("series" in i.value and "everything" in i.value for i in at.info)
    assert at.radio(key="pc_scope").value == "all"
    assert "series" not in at.query_params


def test_ports_scope_and_state_choices_are_written_to_the_link(run_page):
    at = run_page("ports_crossings")
    at.radio(key="pc_scope").set_value("port").run()
    assert at.query_params.get("series") == "port"
    at.radio(key="pc_scope").set_value("state").run()
    at.selectbox(key="pc_state").set_value("US-NY").run()
    assert at.query_params.get("series") == "state"
    assert at.query_params.get("place") == "US-NY"


def test_each_port_choice_reaches_the_link_not_every_other_one(run_page):
    # When the page wrote the view after its widgets, the port box followed the stale
    # view on the next run and undid every second choice (the link one step behind).
    at = run_page("ports_crossings", sel="port:2506")
    assert at.radio(key="pc_scope").value == "port"
    for code in ("2304", "3801", "0901"):
        at.selectbox(key="pc_port").set_value(code).run()
        assert at.query_params.get("sel") == f"port:{code}"
        assert at.selectbox(key="pc_port").value == code


def test_clicked_port_on_the_ports_map_becomes_the_series_subject(run_page):
    at = run_page("ports_crossings")
    click_map(at, "ports", {"port_code": "2304", "sel_id": "port:2304"})
    assert at.query_params.get("sel") == "port:2304"
    assert at.query_params.get("series") == "port"
    assert at.radio(key="pc_scope").value == "port"
    assert at.selectbox(key="pc_port").value == "2304"
    lines = {row["sel_id"]: row["line"] for row in layer_rows(at, "ports")}
    assert lines["port:2304"] != lines["port:0901"]  # outlined in this same run


# ---- place profile and initiatives maps


def test_clicked_neighbour_on_the_profile_map_opens_its_profile(run_page):
    at = run_page("place_profile", place="US-TX")
    click_map(at, "places", {"place_id": "US-NM", "sel_id": "US-NM"})
    assert at.query_params.get("place") == "US-NM"
    assert any("New Mexico" in t.value for t in at.title)


def test_clicked_initiative_on_the_initiatives_map_opens_its_record(run_page):
    at = run_page("initiatives")
    rows = layer_rows(at, "arcs")
    chosen = rows[0]["sel_id"]
    click_map(at, "arcs", {"sel_id": chosen})
    assert at.query_params.get("sel") == chosen
    assert at.selectbox(key="in_record").value == chosen.split(":", 1)[1]
