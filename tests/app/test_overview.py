"""Overview map: deck layers, local basemap, escaped tooltips, selection, filters."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.elements.deck_gl_json_chart import PydeckSelectionSerde

from components import deckjson, mapframe
from components.layers.arcs import pair_arcs_layer
from components.layers.base import tip_text
from components.layers.ports import ports_layer
from tests.app.conftest import deck_spec


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def test_map_has_base_layer_ports_and_arcs_over_the_local_style(run_page):
    at = run_page("overview_map")
    spec = deck_spec(at)
    ids = [item["id"] for item in spec["layers"]]
    # Ports on top; each arc layer has its invisible pick band right under it.
    assert ids == [
        "places",
        "trade-arcs-pick",
        "trade-arcs",
        "arcs-pick",
        "arcs",
        "ports",
        "planned_ports",
    ]
    assert spec["mapStyle"] == "/app/static/basemap.json"
    assert len({row["place_id"] for row in layer(spec, "places")["data"]}) == 96
    assert len(layer(spec, "ports")["data"]) > 50
    assert len(layer(spec, "arcs")["data"]) > 0
    assert len(layer(spec, "trade-arcs")["data"]) > 0


def test_map_spec_is_compact_json(run_page):
    # pydeck indents by default: ~5x the bytes on every rerun.
    raw = run_page("overview_map").get("deck_gl_json_chart")[0].proto.json
    assert "\n  " not in raw  # no indentation
    assert len(raw) < 600_000


def test_shading_follows_the_chosen_indicator_and_year(run_page):
    trade = deck_spec(run_page("overview_map", shade="trade_ca", year="2024"))
    fdi = deck_spec(run_page("overview_map", shade="fdi", year="2015"))

    def tip_of(spec, place_id):
        rows = layer(spec, "places")["data"]
        return next(row["tip"] for row in rows if row["place_id"] == place_id)

    assert "$" in tip_of(trade, "US-TX") and "no data" in tip_of(trade, "MX-NLE")
    assert "$" in tip_of(fdi, "MX-NLE") and "no data" in tip_of(fdi, "US-TX")


def test_year_without_data_for_the_indicator_says_so(run_page):
    # FDI starts in 1999 (Data México's copy) while trade starts in 1993: 1995 is a year
    # the view allows that has no investment data at all.
    at = run_page("overview_map", shade="fdi", year="1995")
    assert any(
        i.value.startswith("No Foreign direct investment") and "1995" in i.value for i in at.info
    )


def test_mode_filter_changes_the_values_on_the_map(run_page):
    all_modes = run_page("overview_map", shade="trade_mx").dataframe[0].value
    rail = run_page("overview_map", shade="trade_mx", mode="Rail").dataframe[0].value
    value_col = all_modes.columns[2]
    tx_all = all_modes.loc[all_modes["place_id"] == "US-TX", value_col].iloc[0]
    tx_rail = rail.loc[rail["place_id"] == "US-TX", value_col].iloc[0]
    assert 0 < tx_rail < tx_all


def test_border_filter_keeps_only_that_border(run_page):
    table = run_page("overview_map", shade="trade_mx", border="US-Mexico").dataframe[0].value
    assert set(table["place_id"]) <= {
        "US-CA",
        "US-AZ",
        "US-NM",
        "US-TX",
        "MX-BCN",
        "MX-SON",
        "MX-CHH",
        "MX-COA",
        "MX-NLE",
        "MX-TAM",
    }
    assert "US-TX" in set(table["place_id"])


def test_selected_state_shows_details_and_a_link_to_its_profile(run_page):
    at = run_page("overview_map", sel="US-TX")
    assert any("Texas" in m.value for m in at.markdown)
    labels = [m.label for m in at.metric]
    assert any("Trade with Mexico" in label for label in labels)
    links = at.get("page_link")
    assert links and "Texas" in links[0].proto.label
    assert "place=US-TX" in links[0].proto.page or "US-TX" in str(links[0].proto)


def test_selected_port_shows_its_crossings(run_page):
    at = run_page("overview_map", sel="port:2304", measure="Trucks")
    names = [h.proto.body for h in at.get("html") if "bl-name" in h.proto.body]
    assert any("Laredo" in body and "(2304)" in body and "`" not in body for body in names)
    assert any("Trucks" in m.label for m in at.metric)


def test_selected_state_is_outlined_on_the_map(run_page):
    spec = deck_spec(run_page("overview_map", sel="US-MI"))
    widths = {row["place_id"]: row["width"] for row in layer(spec, "places")["data"]}
    assert widths["US-MI"] > widths["US-OH"]


def test_indicator_choice_is_written_to_the_url(run_page):
    at = run_page("overview_map")
    at.selectbox(key="ov_shade").set_value("initiatives").run()
    assert at.query_params.get("shade") == "initiatives"


# --- selection handler and layers (no Streamlit run; synthetic rows)


def event_from(payload: dict):
    """A selection event exactly as st.pydeck_chart returns it (real deserializer)."""
    return PydeckSelectionSerde().deserialize(json.dumps(payload))


def test_click_on_a_state_selects_its_place_id():
    event = event_from(
        {
            "selection": {
                "indices": {"places": [3]},
                "objects": {"places": [{"place_id": "US-TX", "sel_id": "US-TX"}]},
            }
        }
    )
    assert mapframe.selection_from_event(event) == "US-TX"


def test_click_on_a_port_wins_over_the_state_below_it():
    event = event_from(
        {
            "selection": {
                "indices": {"places": [3], "ports": [0]},
                "objects": {
                    "places": [{"sel_id": "US-TX"}],
                    "ports": [{"sel_id": "port:2304"}],
                },
            }
        }
    )
    assert mapframe.selection_from_event(event) == "port:2304"


def test_empty_or_arc_only_selection_selects_nothing():
    assert (
        mapframe.selection_from_event(event_from({"selection": {"indices": {}, "objects": {}}}))
        is None
    )
    arc_only = event_from(
        {"selection": {"indices": {"arcs": [0]}, "objects": {"arcs": [{"tip": "x"}]}}}
    )
    assert mapframe.selection_from_event(arc_only) is None
    assert mapframe.selection_from_event(None) is None


def test_hostile_port_name_reaches_the_tooltip_only_as_a_plain_text_field():
    # Streamlit's deck.gl frontend HTML-escapes every {field} it substitutes into the
    # tooltip template (checked in a browser: '<i>' shows as text); so names go in as
    # plain text fields and only our fixed template is HTML.
    ports = pd.DataFrame(  # synthetic row
        {
            "port_code": ["9999"],
            "port_name": ["<script>alert(1)</script>"],
            "place_id": ["US-TX"],
            "lat": [27.5],
            "lon": [-99.5],
            "value": [10.0],
        }
    )
    record = ports_layer(ports, "Trucks").data[0]
    assert record["tip"].startswith("<script>alert(1)</script> (9999)")
    assert deckjson.TOOLTIP["html"] == "{tip}"
    assert "<" not in tip_text("Texas", [("Trucks", "1")])


def test_port_circle_area_grows_with_the_value():
    ports = pd.DataFrame(  # synthetic rows
        {
            "port_code": ["1", "2", "3"],
            "port_name": ["a", "b", "c"],
            "place_id": ["US-TX"] * 3,
            "lat": [27.0] * 3,
            "lon": [-99.0] * 3,
            "value": [100.0, 25.0, None],
        }
    )
    radii = [row["radius"] for row in ports_layer(ports, "Trucks").data]
    assert radii[0] == 2 * radii[1]  # area ~ value: 4x the value, 2x the radius
    assert radii[2] < radii[1]  # no data: a small grey dot, still shown


def test_details_can_be_chosen_without_the_mouse(run_page):
    at = run_page("overview_map")
    at.selectbox(key="ov_sel_pick").set_value("CA-ON").run()
    assert not at.exception
    assert at.query_params.get("sel") == "CA-ON"
    assert any("Ontario" in m.value for m in at.markdown)


def test_moving_the_year_slider_runs_no_query(run_page, monkeypatch):
    # Year-dependent series are fetched for every year at once (query.*_years), so
    # after the first visit a year change is served from the shared cache.
    from components import query

    at = run_page("overview_map", year="2015")
    at.slider(key="ov_year").set_value(2012).run()  # the first change may fill caches
    calls = []
    real = query.read_sql
    # Every query module reads through query.connection.read_sql.
    monkeypatch.setattr(
        query.connection, "read_sql", lambda *a, **k: calls.append(a[1]) or real(*a, **k)
    )
    for year in (2005, 2018, 2021):
        at.slider(key="ov_year").set_value(year).run()
        assert not at.exception
        tips = [row["tip"] for row in layer(deck_spec(at), "places")["data"]]
        assert any(f"({year})" in tip for tip in tips)
    assert calls == []


# --- links: readable widths, a selection picked out, planned ports


def arc_rows(spec: dict, layer_id: str) -> list[dict]:
    return layer(spec, layer_id)["data"]


def test_arc_width_grows_with_the_initiatives_of_the_pair_from_a_thin_minimum():
    pairs = pd.DataFrame(  # synthetic rows
        {"a": ["CA-ON", "CA-QC", "CA-BC"], "b": ["US-MI", "US-NY", "US-WA"], "n": [1, 6, 12]}
    )
    places = pd.DataFrame(  # synthetic coordinates
        {
            "place_id": ["CA-ON", "CA-QC", "CA-BC", "US-MI", "US-NY", "US-WA"],
            "lat": [50.0, 52.0, 54.0, 44.0, 43.0, 47.0],
            "lon": [-85.0, -72.0, -125.0, -85.0, -75.0, -120.0],
        }
    )
    layer_ = pair_arcs_layer(
        pairs, ("a", "b"), places, kind="initiative", value="n", tip=lambda r: r.a, max_px=6
    )
    widths = [row["width"] for row in layer_.data]
    assert widths == [1.0, 3.0, 6.0]  # 1 initiative: the 1 px minimum; 12 (the most): 6 px
    assert [row["sel_id"] for row in layer_.data] == [
        "pair:CA-ON~US-MI",
        "pair:CA-QC~US-NY",
        "pair:CA-BC~US-WA",
    ]
    assert layer_.pickable is True


def test_arc_builder_leaves_out_pairs_with_an_unknown_place():
    pairs = pd.DataFrame({"a": ["CA-ON", "CA-XX"], "b": ["US-MI", "US-MI"], "v": [1.0, 2.0]})
    places = pd.DataFrame({"place_id": ["CA-ON", "US-MI"], "lat": [50.0, 44.0], "lon": [-85, -85]})
    layer_ = pair_arcs_layer(
        pairs, ("a", "b"), places, kind="trade", value="v", tip=str, layer_id="trade-arcs"
    )
    assert [row["sel_id"] for row in layer_.data] == ["pair:CA-ON~US-MI"]


def test_legend_says_what_an_arc_width_means(run_page):
    legend = " ".join(str(el.proto.body) for el in run_page("overview_map").get("html"))
    assert "Shared initiatives (line width: number per pair)" in legend
    assert "Trade link (line width: cumulative value)" in legend
    assert "Ring: planned port (not yet open)" in legend


def test_initiative_arcs_are_translucent_and_drawn_under_the_ports(run_page):
    spec = deck_spec(run_page("overview_map"))
    ids = [item["id"] for item in spec["layers"]]
    assert ids.index("arcs") < ids.index("ports")
    assert all(row["colour"][3] <= 128 for row in arc_rows(spec, "arcs"))


def test_selected_place_picks_out_its_links_and_fades_the_others(run_page):
    spec = deck_spec(run_page("overview_map", sel="US-TX"))
    rows = arc_rows(spec, "arcs") + arc_rows(spec, "trade-arcs")
    mine = [row for row in rows if "US-TX" in row["sel_id"]]
    others = [row for row in rows if "US-TX" not in row["sel_id"]]
    assert mine and others
    assert min(row["colour"][3] for row in mine) > max(row["colour"][3] for row in others)
    assert "US-TX" in arc_rows(spec, "arcs")[-1]["sel_id"]  # drawn on top


def test_selected_pair_outlines_both_places_and_emphasises_its_arcs(run_page):
    spec = deck_spec(run_page("overview_map", sel="pair:CA-ON~US-MI"))
    widths = {row["place_id"]: row["width"] for row in layer(spec, "places")["data"]}
    assert widths["CA-ON"] == widths["US-MI"] > widths["US-OH"]
    for layer_id in ("arcs", "trade-arcs"):
        rows = arc_rows(spec, layer_id)
        pair = [row for row in rows if row["sel_id"] == "pair:CA-ON~US-MI"]
        others = [row for row in rows if row["sel_id"] != "pair:CA-ON~US-MI"]
        assert pair and rows[-1]["sel_id"] == "pair:CA-ON~US-MI"  # drawn on top
        assert all(row["colour"][3] == 255 for row in pair)
        assert all(row["colour"][3] < 64 for row in others)
    # The pair's initiative arc: wider than any other pair of as many initiatives.
    rows = arc_rows(spec, "arcs")
    assert rows[-1]["width"] > max(row["width"] for row in rows[:-1])


def test_planned_port_is_a_clickable_ring_on_the_overview(run_page):
    spec = deck_spec(run_page("overview_map"))
    rings = layer(spec, "planned_ports")
    assert rings["pickable"] is True
    assert [row["sel_id"] for row in rings["data"]] == ["port:OME1"]
    assert "planned" in rings["data"][0]["tip"]
    assert "port:OME1" not in {row["sel_id"] for row in arc_rows(spec, "ports")}  # no grey dot


def test_clicked_planned_port_shows_its_status_and_source(run_page):
    from tests.app.conftest import click_map

    at = run_page("overview_map")
    click_map(at, "planned_ports", {"sel_id": "port:OME1"})
    assert not at.exception
    assert at.query_params.get("sel") == "port:OME1"
    assert {m.label: m.value for m in at.metric}.get("Status") == "planned"
    note = " ".join(i.value for i in at.info)
    assert "Otay Mesa East (California) is a planned port of entry" in note
    assert "Source" in note
    names = [h.proto.body for h in at.get("html") if "bl-name" in h.proto.body]
    assert any("Otay Mesa East (OME1)" in body for body in names)


# --- the map's text alternative and its pick bands


def elements_in_order(node) -> list:
    """The elements under an AppTest node, depth-first in page order."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [leaf for key in sorted(children) for leaf in elements_in_order(children[key])]


@pytest.mark.parametrize(
    ("lang", "title", "shaded"),
    [
        ("en", "Map summary", "States and provinces shaded by"),
        ("es", "Resumen del mapa", "Estados y provincias sombreados según"),
        ("fr", "Résumé de la carte", "États et provinces colorés selon"),
    ],
)
def test_text_alternative_right_under_the_map_names_the_top_places(run_page, lang, title, shaded):
    at = run_page("overview_map", lang=lang, shade="trade_mx", year="2024", sel="US-TX")
    leaves = elements_in_order(at.main)
    kinds = [leaf.type for leaf in leaves]
    after_map = leaves[kinds.index("deck_gl_json_chart") + 1]
    assert after_map.type == "caption"  # the next thing a screen reader reaches
    text = after_map.value.replace("\\", "")  # markdown escapes
    assert text.startswith(f"**{title}**") and shaded in text
    # The three largest values of the map's own table, by name, largest first.
    table = at.dataframe[0].value
    top = table.sort_values(table.columns[2], ascending=False)[table.columns[0]].head(3)
    positions = [text.index(name) for name in top]
    assert positions == sorted(positions)
    assert text.split("\n")[0].rstrip().endswith("Texas.")  # the selection, last


def test_a_pick_on_an_arcs_invisible_band_selects_the_arcs_pair():
    event = event_from(
        {
            "selection": {
                "indices": {"trade-arcs-pick": [0]},
                "objects": {"trade-arcs-pick": [{"sel_id": "pair:CA-ON~US-CA"}]},
            }
        }
    )
    assert mapframe.selection_from_event(event) == "pair:CA-ON~US-CA"
