"""Regions: neighbours across the border, border of a place, camera views, border distance."""

from __future__ import annotations

import pytest

from geo import regions


def test_texas_meets_the_four_mexican_border_states():
    assert regions.neighbours_across_border("US-TX") == ["MX-CHH", "MX-COA", "MX-NLE", "MX-TAM"]


def test_river_borders_count_vermont_quebec_and_michigan_ontario():
    assert regions.neighbours_across_border("US-VT") == ["CA-QC"]
    assert regions.neighbours_across_border("US-MI") == ["CA-ON"]
    assert "US-NY" in regions.neighbours_across_border("CA-ON")


def test_neighbours_are_symmetric_and_inland_places_have_none():
    for partner in regions.neighbours_across_border("US-MT"):
        assert "US-MT" in regions.neighbours_across_border(partner)
    assert regions.neighbours_across_border("US-OH") == []
    assert regions.neighbours_across_border("MX-JAL") == []


def test_border_of_names_the_border_or_none():
    assert regions.border_of("US-MI") == "US-Canada"
    assert regions.border_of("MX-NLE") == "US-Mexico"
    assert regions.border_of("US-KS") is None
    assert regions.border_of("US-TX:laredo") == "US-Mexico"


def test_view_for_texas_is_centred_inside_texas_at_state_zoom():
    minx, miny, maxx, maxy = regions.bbox_of(["US-TX"])
    view = regions.view_for(["US-TX"])
    assert minx < view["longitude"] < maxx and miny < view["latitude"] < maxy
    assert 3.5 < view["zoom"] < 6.5


def test_a_wider_set_of_places_gets_a_smaller_zoom():
    one = regions.view_for(["US-VT"])["zoom"]
    many = regions.view_for(["US-VT", "CA-QC", "US-TX"])["zoom"]
    whole = regions.view_for(["US", "CA", "MX"])["zoom"]
    assert one > many > whole


def test_unknown_place_ids_are_named_in_the_error():
    with pytest.raises(ValueError, match="XX-NOPE"):
        regions.view_for(["US-TX", "XX-NOPE"])


def test_border_distance_is_small_on_the_rio_grande_and_large_inland():
    km, border = regions.border_distance_km(27.50, -99.50)  # Laredo
    assert km < 10 and border == "US-Mexico"
    km, border = regions.border_distance_km(42.33, -83.05)  # Detroit, on the Detroit River
    assert km < 10 and border == "US-Canada"
    km, _ = regions.border_distance_km(39.1, -94.6)  # Kansas City
    assert km > 500


def test_border_distance_refuses_an_impossible_point():
    with pytest.raises(ValueError):
        regions.border_distance_km(95.0, 0.0)
