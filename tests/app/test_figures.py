"""One source per figure: the overview's detail panel, the place profile and the PDF brief
show a place's key figures from ``components.figures`` under one rule (latest year up to
the view year), so the screen and the printed brief agree."""

from __future__ import annotations

import pandas as pd
import pytest

from components import brief, figures, i18n

MEASURE = "Trucks"  # the brief's first measure, so all three show its crossings
# Two view years the sidebar allows: a middle one and the default (latest) one.
YEARS = (2019, 2024)
PLACES = ("US-TX", "MX-NLE", "CA-QC")


def shown_metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.get("metric")}


def fmt(figure: figures.Figure, short: bool) -> str:
    if figure.unit == "USD":
        return i18n.fmt_money(figure.value, lang="en", short=short)
    return i18n.fmt_int(figure.value, lang="en")


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("place", PLACES)
def test_overview_profile_and_brief_show_the_same_figures(run_page, built_store, place, year):
    expected = figures.place_figures(built_store, place, year, (MEASURE,))
    assert expected, f"no figures for {place}"
    assert any(f.value is not None for f in expected if f.key != "initiatives")

    made = brief.collect(built_store, place, "en", year)
    in_brief = [f for f in made.key_figures if f.key != "crossings" or f.measure == MEASURE]
    assert in_brief == expected
    printed = dict(made.figures)
    for figure in expected:
        if figure.value is not None:
            assert fmt(figure, short=False) in printed.values(), (figure, printed)

    overview = shown_metrics(run_page("overview_map", sel=place, year=year, measure=MEASURE))
    profile = shown_metrics(run_page("place_profile", place=place, year=year, measure=MEASURE))
    for figure in expected:
        on_overview = [label for label, v in overview.items() if v == fmt(figure, short=False)]
        assert on_overview, (figure, overview)
        if figure.year is not None and figure.key != "initiatives":
            assert any(str(figure.year) in label for label in on_overview), (figure, overview)
            on_profile = [label for label, v in profile.items() if v == fmt(figure, short=True)]
            assert any(str(figure.year) in label for label in on_profile), (figure, profile)
        elif figure.key == "initiatives":
            assert fmt(figure, short=True) in profile.values(), (figure, profile)


def test_a_year_past_the_data_takes_the_latest_earlier_year(built_store):
    figs = {f.key: f for f in figures.place_figures(built_store, "US-TX", 2100, (MEASURE,))}
    later = {f.key: f for f in figures.place_figures(built_store, "US-TX", 2101, (MEASURE,))}
    assert figs["trade_ca"].year is not None and figs["trade_ca"].year < 2100
    assert figs["trade_ca"] == later["trade_ca"]


def test_a_year_before_the_data_has_no_value_rather_than_zero(built_store):
    figs = {f.key: f for f in figures.place_figures(built_store, "MX-NLE", 1900)}
    assert figs["us_exports"].value is None and figs["us_exports"].year is None
    assert figs["fdi"].value is None


def test_latest_up_to_never_looks_past_the_view_year_and_keeps_unknown_unknown():
    frame = pd.DataFrame(  # synthetic rows: a confidential (NULL) latest year
        {
            "year": [2018, 2019, 2021],
            "place_id": ["MX-NLE"] * 3,
            "value": [5.0, None, 9.0],
            "source_id": ["s"] * 3,
        }
    )
    assert figures.latest_up_to(frame, "MX-NLE", 2020) == (None, 2019, "s")
    assert figures.latest_up_to(frame, "MX-NLE", 2018) == (5.0, 2018, "s")
    assert figures.latest_up_to(frame, "MX-NLE", 2017) == (None, None, None)
    assert figures.latest_up_to(frame, "MX-SON", 2030) == (None, None, None)


def test_an_unknown_place_has_no_figures(built_store):
    assert figures.place_figures(built_store, "XX-ZZ", 2020) == []
