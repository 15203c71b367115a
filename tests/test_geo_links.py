"""Links: arcs between places and port points (synthetic frames)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import links

PLACES = pd.DataFrame(  # synthetic places
    {"place_id": ["A", "B", "C"], "lat": [10.0, 20.123456, None], "lon": [-100.0, -90.5, -80.0]}
)


def test_arcs_add_source_and_target_positions_without_touching_the_input():
    df = pd.DataFrame({"src": ["A", "B"], "dst": ["B", "A"], "value": [1, 2]})
    out = links.arcs(df, "src", "dst", PLACES)
    assert out["source_position"].tolist() == [[-100.0, 10.0], [-90.5, 20.1235]]
    assert out["target_lon"].tolist() == [-90.5, -100.0]
    assert list(df.columns) == ["src", "dst", "value"]


def test_arcs_name_every_unknown_or_unplaced_id():
    df = pd.DataFrame({"src": ["A", "Z"], "dst": ["C", "B"]})
    with pytest.raises(ValueError, match=r"\['C', 'Z'\]"):
        links.arcs(df, "src", "dst", PLACES)


def test_arcs_refuse_a_missing_column():
    with pytest.raises(ValueError, match="nope"):
        links.arcs(pd.DataFrame({"src": ["A"]}), "src", "nope", PLACES)


def test_port_points_drop_ports_without_coordinates_and_add_positions():
    ports = pd.DataFrame(  # synthetic ports
        {
            "port_code": ["0001", "P001"],
            "port_name": ["Synth", "Planned"],
            "lat": [32.54321, None],
            "lon": [-117.03, None],
        }
    )
    out = links.port_points(ports)
    assert out["port_code"].tolist() == ["0001"]
    assert out["position"].tolist() == [[-117.03, 32.5432]]


def test_port_points_refuse_impossible_coordinates():
    ports = pd.DataFrame({"port_code": ["9"], "port_name": ["X"], "lat": [132.0], "lon": [0.0]})
    with pytest.raises(ValueError, match="9"):
        links.port_points(ports)


def test_great_circle_of_one_degree_of_latitude_is_about_111_km():
    assert math.isclose(links.great_circle_km((0, 0), (0, 1)), 111.2, abs_tol=0.2)
