"""Base map (data/boundaries.geojson): ids, topology, lakes, budget, languages."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
import shapely

from geo import boundaries
from geo.boundaries import boundaries_geojson, load_boundaries
from geo.convert import payload_bytes

SHARED = Path(__file__).resolve().parents[1] / "../shared/data"
ISO_ID = re.compile(r"^(US-[A-Z]{2}|CA-[A-Z]{2}|MX-[A-Z]{3})$")


@pytest.fixture(scope="module")
def base():
    return load_boundaries()


def test_base_map_has_96_valid_iso_ids_51_us_13_ca_32_mx(base):
    ids = base["place_id"].tolist()
    assert len(ids) == len(set(ids)) == 96
    assert all(ISO_ID.match(i) for i in ids), [i for i in ids if not ISO_ID.match(i)]
    assert base["country"].value_counts().to_dict() == {"US": 51, "MX": 32, "CA": 13}
    assert "MX-CMX" in ids and "MX-DIF" not in ids and "US-DC" in ids


def test_neighbours_neither_overlap_nor_leave_gaps(base):
    geoms = base.geometry.values
    assert shapely.is_valid(geoms).all()
    # gap_width: slivers narrower than ~100 m between neighbours would be flagged.
    assert shapely.coverage_is_valid(geoms, gap_width=0.001)
    overlap = sum(a.intersection(b).area for a, b in combinations(geoms, 2) if a.intersects(b))
    total = sum(g.area for g in geoms)
    assert overlap < 1e-6 * total
    assert shapely.union_all(geoms).area == pytest.approx(total, rel=1e-6)


def test_land_neighbours_share_an_edge_not_just_a_point(base):
    by_id = dict(zip(base["place_id"], base.geometry, strict=True))
    for a, b in [("US-MI", "US-WI"), ("US-TX", "MX-TAM"), ("US-VT", "CA-QC"), ("CA-AB", "CA-BC")]:
        assert by_id[a].intersection(by_id[b]).length > 0.1, (a, b)


def test_great_lakes_and_large_lakes_are_in_no_polygon(base):
    water = {
        "Lake Michigan": (-87.1, 43.9),
        "Lake Superior": (-88.2, 47.7),
        "Lake Erie": (-81.0, 42.2),
        "Lake Huron": (-82.3, 44.7),
        "Lake Ontario": (-77.8, 43.7),
        "Great Salt Lake": (-112.6, 41.1),
        "Lake Winnipeg": (-97.5, 52.4),
        "Lake Chapala": (-103.0, 20.22),
    }
    for lake, (lon, lat) in water.items():
        hits = base[base.contains(shapely.Point(lon, lat))]["place_id"].tolist()
        assert hits == [], f"{lake} is inside {hits}"


def test_michigan_keeps_its_two_peninsulas(base):
    mi = base.loc[base["place_id"] == "US-MI"].geometry.iloc[0]
    big = [p for p in shapely.get_parts(mi) if p.area > 1.0]  # square degrees
    assert len(big) >= 2


def test_every_longitude_is_west_of_greenwich(base):
    # Aleutian islands past 180 degrees would wrap a polygon across the whole map.
    assert base.total_bounds[2] < 0


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_base_layer_fits_the_browser_budget_in_every_language(lang):
    assert payload_bytes(boundaries_geojson(lang)) <= boundaries.BUDGET_BYTES


def test_names_follow_the_chosen_language():
    def name(lang, pid):
        fc = boundaries_geojson(lang)
        return next(
            f["properties"]["name"] for f in fc["features"] if f["properties"]["place_id"] == pid
        )

    assert name("fr", "US-DC") == "District de Columbia"
    assert name("es", "MX-CMX") == "Ciudad de México"
    assert name("en", "MX-CMX") == "Mexico City"
    assert name("fr", "CA-QC") == "Québec"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        boundaries_geojson("de")


def test_properties_added_by_a_caller_do_not_leak_into_the_next_call():
    first = boundaries_geojson("en")
    first["features"][0]["properties"]["value"] = 123
    assert "value" not in boundaries_geojson("en")["features"][0]["properties"]


def test_drop_small_parts_keeps_big_islands_and_always_the_largest():
    # synthetic squares, metres
    big, small = shapely.box(0, 0, 100, 100), shapely.box(200, 0, 201, 1)
    assert (
        shapely.get_num_geometries(boundaries.drop_small_parts(shapely.union(big, small), 50)) == 1
    )
    assert boundaries.drop_small_parts(small, 50).area == 1.0


def test_missing_shared_folder_is_one_line_error_and_exit_1(tmp_path, capsys):
    assert boundaries.main(["--shared", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "\n" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data not present")
def test_rebuild_from_shared_data_reproduces_the_committed_files(tmp_path):
    paths = boundaries.build(SHARED, tmp_path)
    for p in paths:
        assert p.read_bytes() == (boundaries.DATA / p.name).read_bytes(), p.name
