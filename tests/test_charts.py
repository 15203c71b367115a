"""components.charts as plain functions. All frames here are SYNTHETIC (made-up values)."""

from __future__ import annotations

import pandas as pd
import pytest

from components import charts, figlocale, i18n, palettes, sankey_chart


def _synthetic_series() -> pd.DataFrame:
    # synthetic: two flows over three years
    return pd.DataFrame(
        {
            "year": [2020, 2021, 2022, 2020, 2021, 2022],
            "flow": ["export"] * 3 + ["import"] * 3,
            "value": [10.0, 20.0, 30.0, 5.0, 6.0, 7.0],
        }
    )


def test_line_series_draws_one_trace_per_series_with_translated_legend_names():
    fig = charts.line_series(
        _synthetic_series(),
        "year",
        "value",
        "flow",
        title="Commerce",
        series_labels={"export": "Exportations", "import": "Importations"},
        lang="fr",
    )
    assert [t.name for t in fig.data] == ["Exportations", "Importations"]
    assert fig.layout.title.text == "Commerce"
    assert fig.layout.separators == ",\u00a0"


def test_line_series_distinguishes_series_by_marker_symbol_not_colour_alone():
    fig = charts.line_series(_synthetic_series(), "year", "value", "flow")
    symbols = {t.marker.symbol for t in fig.data}
    assert len(symbols) == 2


def test_line_series_sorts_points_by_x_so_lines_do_not_zigzag():
    df = _synthetic_series().iloc[[2, 0, 1]]
    fig = charts.line_series(df, "year", "value")
    assert list(fig.data[0].x) == [2020, 2021, 2022]


def test_line_series_refuses_a_frame_missing_the_value_column():
    with pytest.raises(ValueError, match="lacks columns"):
        charts.line_series(_synthetic_series(), "year", "amount")


def test_ranked_bars_puts_largest_on_top_and_keeps_only_top_n():
    # synthetic ports
    df = pd.DataFrame({"port": ["A", "B", "C", "D"], "v": [5, 50, 20, 1]})
    fig = charts.ranked_bars(df, "port", "v", top_n=3)
    # plotly draws the last category on top
    assert list(fig.data[0].y) == ["A", "C", "B"]
    assert "D" not in list(fig.data[0].y)


def test_ranked_bars_marks_highlighted_bars_by_pattern_and_text():
    df = pd.DataFrame({"port": ["Open", "Planned"], "v": [10, 0]})  # synthetic
    fig = charts.ranked_bars(
        df, "port", "v", highlight={"Planned": "planned"}, fmt=lambda v: str(int(v))
    )
    bar = fig.data[0]
    by_port = dict(zip(bar.y, bar.text, strict=True))
    assert by_port["Planned"] == "0 (planned)"
    shapes = dict(zip(bar.y, bar.marker.pattern.shape, strict=True))
    assert shapes["Planned"] == "/" and shapes["Open"] == ""


def test_ranked_bars_hatch_is_faint_enough_to_read_the_value_over_it():
    df = pd.DataFrame({"port": ["Open", "Planned"], "v": [10, 8]})  # synthetic
    fig = charts.ranked_bars(df, "port", "v", highlight={"Planned": "chosen"})
    pattern = fig.data[0].marker.pattern
    # Plotly's default hatch is opaque and 30% solid: it crossed the '(chosen)' text.
    assert pattern.fgopacity is not None and pattern.fgopacity <= 0.5
    assert pattern.solidity is not None and pattern.solidity <= 0.2


def test_sankey_keeps_origin_and_destination_nodes_separate_and_sums_match():
    # synthetic flows; 'X' appears on both sides on purpose
    df = pd.DataFrame(
        {"src": ["US-TX", "US-TX", "X"], "dst": ["CA-ON", "X", "CA-QC"], "v": [3, 4, 5]}
    )
    fig = sankey_chart.sankey(df, "src", "dst", "v", node_labels={"US-TX": "Texas"})
    s = fig.data[0]
    # each column largest first: Texas 7, X 5 | CA-QC 5, X 4, CA-ON 3
    assert list(s.node.label) == ["Texas", "X", "CA-QC", "X", "CA-ON"]
    assert sum(s.link.value) == 12
    # no link goes from a node to itself
    assert all(a != b for a, b in zip(s.link.source, s.link.target, strict=True))


def _synthetic_mode_flows() -> pd.DataFrame:
    # synthetic: states -> 'country · mode' destinations, interleaved on purpose
    return pd.DataFrame(
        {
            "src": ["S1", "S1", "S2", "S2", "S3", "__other__"],
            "dst": ["Mexico · Truck", "Canada · Rail", "Canada · Truck", "Mexico · Rail"]
            + ["Canada · Truck", "Mexico · Truck"],
            "v": [50.0, 5.0, 20.0, 8.0, 3.0, 30.0],
        }
    )


def test_sankey_groups_destinations_by_country_each_in_its_own_colour():
    fig = sankey_chart.sankey(_synthetic_mode_flows(), "src", "dst", "v")
    s = fig.data[0]
    right = list(s.node.label)[4:]
    assert right == ["Canada · Truck", "Canada · Rail", "Mexico · Truck", "Mexico · Rail"]
    colours = list(s.node.color)[4:]
    assert colours[0] == colours[1] != colours[2] == colours[3]
    # bands take the colour of their destination's country
    link_colour = dict(zip(s.link.target, s.link.color, strict=True))
    assert link_colour[4] == link_colour[5] != link_colour[6] == link_colour[7]
    # a gap between the countries: wider than between two nodes of one country
    y = list(s.node.y)[4:]
    assert y[2] - y[1] > y[1] - y[0]


def test_sankey_puts_the_other_bucket_last_and_states_largest_first():
    s = sankey_chart.sankey(_synthetic_mode_flows(), "src", "dst", "v").data[0]
    assert list(s.node.label)[:4] == ["S1", "S2", "S3", "__other__"]


def test_sankey_writes_names_outside_the_columns_level_with_their_nodes():
    fig = sankey_chart.sankey(_synthetic_mode_flows(), "src", "dst", "v", title="Flows")
    s = fig.data[0]
    notes = fig.layout.annotations
    assert [a.text for a in notes] == list(s.node.label)
    for note, x, y in zip(notes, s.node.x, s.node.y, strict=True):
        assert note.font.size >= 14
        assert (note.x, note.xanchor) == ((0, "right") if x < 0.5 else (1, "left"))
        assert note.yanchor == "middle" and note.y == pytest.approx(1 - y)
    # Plotly's own labels (drawn over the bands) are invisible; hover still names nodes
    assert s.textfont.color == "rgba(0,0,0,0)"
    assert fig.layout.margin.l > 20 and fig.layout.margin.r > 20


def test_sankey_nodes_with_their_gaps_fit_the_plot_height():
    fig = sankey_chart.sankey(_synthetic_mode_flows(), "src", "dst", "v")
    s = fig.data[0]
    plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert all(0 < y < 1 for y in s.node.y)
    # Plotly's scale (px per unit) with its pad leaves room for our group gap
    fullest = 4
    scale = (plot - (fullest - 1) * s.node.pad) / sum(_synthetic_mode_flows()["v"])
    right_extent = (
        scale * 116
        + 2 * sankey_chart.SANKEY_PAD
        + sankey_chart.SANKEY_GROUP_GAP
        + sankey_chart.SANKEY_PAD
    )
    assert right_extent <= plot + 1e-6


def test_small_multiples_makes_one_titled_panel_per_facet():
    df = pd.DataFrame(  # synthetic
        {"year": [1, 2, 1, 2, 1, 2], "state": list("aabbcc"), "v": [1, 2, 3, 4, 5, 6]}
    )
    fig = charts.small_multiples(df, "year", "v", "state", facet_labels={"a": "Alpha"}, columns=2)
    assert len(fig.data) == 3
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["Alpha", "b", "c"]


def test_small_multiples_of_an_empty_frame_is_an_empty_figure():
    df = pd.DataFrame({"year": [], "state": [], "v": []})
    assert len(charts.small_multiples(df, "year", "v", "state").data) == 0


def test_stacked_bars_give_each_series_its_own_pattern():
    df = pd.DataFrame(  # synthetic
        {"year": [2020, 2020, 2021], "kind": ["agreement", "summit", "agreement"], "n": [1, 2, 3]}
    )
    fig = charts.stacked_bars(df, "year", "n", "kind", series_labels={"summit": "Cumbre"})
    assert [t.name for t in fig.data] == ["agreement", "Cumbre"]
    assert fig.data[0].marker.pattern.shape != fig.data[1].marker.pattern.shape
    assert fig.layout.barmode == "stack"


def test_callout_cards_use_the_label_in_the_language_and_fall_back_to_english():
    facts = pd.DataFrame(  # synthetic facts
        {
            "fact_id": ["f1", "f2"],
            "value": [1500.0, 2.5],
            "unit": ["jobs", "USD"],
            "label_en": ["Jobs", "Investment"],
            "label_es": ["Empleos", None],
            "label_fr": [None, None],
            "year": [2020, None],
            "source_publisher": ["Pub A", "Pub B"],
            "source_title": ["Report", ""],
            "source_url": ["https://example.org/a", "https://example.org/b"],
        }
    )
    cards = charts.callout_cards(facts, lang="es")
    assert [c["label"] for c in cards] == ["Empleos", "Investment"]
    assert cards[0]["value_text"] == "1,500 jobs"
    assert cards[0]["year"] == 2020 and cards[1]["year"] is None
    assert cards[0]["source"] == "Pub A — Report" and cards[1]["source"] == "Pub B"


def test_separators_follow_the_language_with_english_as_default():
    assert figlocale.separators_for("fr") == ",\u00a0"  # fr_CA groups with a no-break space
    assert figlocale.separators_for("es") == ".,"  # Mexico writes 1,234.5
    assert figlocale.separators_for("xx") == ".,"


def test_chart_numbers_use_the_same_separators_as_table_numbers():
    # One table for Plotly, read from the Babel locales that format every other number.
    for code in ("en", "es", "fr"):
        decimal, group = figlocale.SEPARATORS[code]
        assert i18n.fmt_num(1234.5, lang=code, digits=1) == f"1{group}234{decimal}5"


def test_charts_draw_categories_in_the_one_okabe_ito_order():
    fig = charts.line_series(_synthetic_series(), "year", "value", "flow")
    assert [t.line.color for t in fig.data] == palettes.OKABE_ITO[:2]
    assert palettes.OKABE_ITO[:2] == ["#0072B2", "#E69F00"]  # blue, then orange


def test_callout_cards_keep_the_source_wording_of_approximate_figures():
    facts = pd.DataFrame(  # synthetic facts
        {
            "fact_id": ["a", "b", "c"],
            "value": [7000.0, 10.0, 3.0],
            "qualifier": ["nearly", "exactly", None],
            "unit": ["jobs", "jobs", "jobs"],
            "label_en": ["A", "B", "C"],
            "source_publisher": ["P", "P", "P"],
            "source_url": ["u", "u", "u"],
        }
    )
    default = [c["value_text"] for c in charts.callout_cards(facts)]
    assert default == ["nearly 7,000 jobs", "10 jobs", "3 jobs"]
    spanish = charts.callout_cards(facts, qualify=lambda q, text: f"casi {text}")
    assert spanish[0]["value_text"] == "casi 7,000 jobs"


def test_callout_cards_render_approximate_figures_with_fmt_approx_only():
    facts = pd.DataFrame(  # synthetic facts: an approximate share and an exact one
        {
            "fact_id": ["a", "b"],
            "value": [0.70, 0.733],
            "qualifier": ["about", None],
            "unit": ["share", "share"],
            "label_en": ["A", "B"],
            "source_publisher": ["P", "P"],
            "source_url": ["u", "u"],
        }
    )
    cards = charts.callout_cards(
        facts,
        fmt_value=lambda v, u: f"{v * 100:.1f}%",
        fmt_approx=lambda v, u: f"{v * 100:.0f}%",
    )
    assert [c["value_text"] for c in cards] == ["about 70%", "73.3%"]
