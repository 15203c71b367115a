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


# ---- arcs join economic centres (data/centres.csv), labels keep their points

LABELS = pd.DataFrame(  # Québec's and Vermont's label points, and a city of Québec
    {
        "place_id": ["CA-QC", "US-VT", "CA-QC:quebec-city"],
        "lat": [52.3, 44.07, 46.81],
        "lon": [-71.8, -72.66, -71.21],
    }
)
MONTREAL = (-73.5878, 45.5088)


def test_a_province_end_is_its_largest_metro_not_its_label_point():
    df = pd.DataFrame({"a": ["US-VT"], "b": ["CA-QC"]})
    out = links.arcs(df, "a", "b", LABELS)
    assert links.great_circle_km(tuple(out["target_position"][0]), MONTREAL) < 1
    assert out["source_position"][0] == [-73.2121, 44.4759]  # Burlington, VT


def test_a_city_named_by_a_link_keeps_its_own_point():
    df = pd.DataFrame({"a": ["US-VT"], "b": ["CA-QC:quebec-city"]})
    assert links.arcs(df, "a", "b", LABELS)["target_position"][0] == [-71.21, 46.81]


def test_label_points_are_kept_when_centres_are_off():
    df = pd.DataFrame({"a": ["US-VT"], "b": ["CA-QC"]})
    assert links.arcs(df, "a", "b", LABELS, centres=False)["target_position"][0] == [-71.8, 52.3]


def test_centre_columns_move_state_rows_only():
    df = pd.DataFrame(
        {"id": ["CA-QC", "CA-QC:quebec-city", None], "x": [1.0, 2.0, 3.0], "y": [4.0] * 3}
    )
    out = links.centre_columns(df, "id", "x", "y")
    assert out["x"].tolist() == [MONTREAL[0], 2.0, 3.0]
    assert df["x"].tolist() == [1.0, 2.0, 3.0]


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory):
    from tests.conftest import build_reference_store

    return build_reference_store(tmp_path_factory.mktemp("arcs") / "borderlinks.duckdb")


def _far_ends(frame, ends, targets) -> tuple[list[str], int]:
    """Arc ends (id columns ``ends`` of the lon/lat column prefixes) farther than 150 km
    from ``targets[id]`` -> (descriptions, number of ends checked)."""
    far, checked = [], 0
    for id_col, prefix in ends:
        for pid, lon, lat in zip(
            frame[id_col], frame[f"{prefix}_lon"], frame[f"{prefix}_lat"], strict=True
        ):
            if pid in targets:
                checked += 1
                km = links.great_circle_km((lon, lat), targets[pid])
                if km > 150:
                    far.append(f"{pid} end {km:.0f} km from its centre")
    return far, checked


def test_every_arc_end_of_a_state_or_province_is_within_150_km_of_its_centre(reference_store):
    from components import query
    from components.layers.arcs import link_frame
    from geo.centres import centre_positions

    places = query.all_places(reference_store)
    kinds = dict(zip(places["place_id"], places["kind"], strict=True))
    # The 50 states and 10 provinces (not DC, the territories or Mexican states).
    states = {
        pid: xy
        for pid, xy in centre_positions().items()
        if (pid[:2] == "US" and kinds.get(pid) == "state") or kinds.get(pid) == "province"
    }
    assert len(states) == 60
    cities = places[places["kind"] == "city"]
    named = dict(
        zip(cities["place_id"], zip(cities["lon"], cities["lat"], strict=True), strict=True)
    )
    xy = places[["place_id", "lat", "lon"]]

    # The app's arcs: trade (overview, presenter), initiative pairs (overview, presenter)
    # through link_frame, and the initiatives page's party-to-party arcs.
    trade = query.trade_od_links(reference_store, None, 10_000)
    pairs = query.initiative_links(reference_store)
    geometry = links.pair_ends_at_centres(  # as the initiatives page draws them
        query.initiative_geometry(
            reference_store, list(query.initiatives_filtered(reference_store)["initiative_id"])
        )
    )
    geometry = geometry[geometry["b_place"].notna()]
    frames = [
        (
            link_frame(trade, "us_state", "partner_place_id", xy),
            [("us_state", "source"), ("partner_place_id", "target")],
        ),
        (
            link_frame(pairs, "a_place", "b_place", xy),
            [("a_place", "source"), ("b_place", "target")],
        ),
        (geometry, [("a_place", "a"), ("b_place", "b")]),
    ]
    far, checked, seen = [], 0, set()
    for frame, ends in frames:
        assert not frame.empty
        f, n = _far_ends(frame, ends, states | named)
        far += f
        checked += n
        seen |= {pid for col, _ in ends for pid in frame[col]}
    assert far == []
    # Not a vacuous pass: arcs reach many states and provinces, and named cities.
    assert checked > 200 and len(seen & set(states)) >= 40 and seen & set(named)


def test_initiative_link_ends_move_to_centres_but_a_single_partys_point_stays():
    from geo.centres import centre_positions

    frame = pd.DataFrame(  # synthetic rows: label points far from Montréal
        {
            "a_place": ["CA-QC", "CA-QC"],
            "b_place": ["US-VT", None],
            "a_lon": [-71.0, -71.0],
            "a_lat": [52.3, 52.3],
            "b_lon": [-72.7, None],
            "b_lat": [44.0, None],
        }
    )
    out = links.pair_ends_at_centres(frame)
    qc, vt = centre_positions()["CA-QC"], centre_positions()["US-VT"]
    assert math.isclose(out.loc[0, "a_lon"], qc[0], abs_tol=1e-3)
    assert math.isclose(out.loc[0, "a_lat"], qc[1], abs_tol=1e-3)
    assert math.isclose(out.loc[0, "b_lat"], vt[1], abs_tol=1e-3)
    assert (out.loc[1, "a_lon"], out.loc[1, "a_lat"]) == (-71.0, 52.3)  # a point stays
    assert frame.loc[0, "a_lat"] == 52.3  # the input is not modified
    with pytest.raises(ValueError, match="b_place"):
        links.pair_ends_at_centres(frame.drop(columns="b_place"))
