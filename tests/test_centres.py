"""data/centres.csv: every state and province has an economic centre, inside it, sourced."""

from __future__ import annotations

import csv
import json

import pytest
from shapely.geometry import Point, shape

from geo import centres

ROWS = list(csv.DictReader(centres.CENTRES_CSV.open(encoding="utf-8")))
BY_ID = {row["place_id"]: row for row in ROWS}


def test_every_state_province_territory_and_district_has_one_centre():
    wanted = set(centres.read_place_ids())
    assert [row["place_id"] for row in ROWS] == sorted(wanted)
    countries = [pid[:2] for pid in wanted]
    # 50 states + DC, 10 provinces + 3 territories, 31 states + Mexico City.
    assert (countries.count("US"), countries.count("CA"), countries.count("MX")) == (51, 13, 32)


def test_committed_table_is_what_the_generator_writes(tmp_path):
    out = tmp_path / "centres.csv"
    centres.write_centres(centres.build_centres(centres.read_place_ids()), out)
    assert out.read_text(encoding="utf-8") == centres.CENTRES_CSV.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "place_id,city",
    [
        ("CA-QC", "Montréal"),
        ("CA-ON", "Toronto"),
        ("CA-AB", "Calgary"),
        ("CA-BC", "Vancouver"),
        ("US-AK", "Anchorage"),
        ("US-FL", "Miami"),  # the largest metro, not the largest city (Jacksonville)
        ("US-TX", "Dallas"),  # Dallas-Fort Worth outnumbers Houston's metro
        ("MX-NLE", "Monterrey"),
        ("MX-BCN", "Tijuana"),
        ("MX-CHH", "Ciudad Juárez"),
    ],
)
def test_known_centres_are_the_largest_metros(place_id, city):
    assert BY_ID[place_id]["centre_name"] == city


def test_each_centre_lies_inside_its_own_state_or_province():
    features = json.loads((centres.REPO / "data" / "boundaries.geojson").read_text())["features"]
    shapes = {f["properties"]["place_id"]: shape(f["geometry"]) for f in features}
    outside = []
    for row in ROWS:
        point = Point(float(row["lon"]), float(row["lat"]))
        # 0.1° (~10 km) of slack: generalised outlines cut coastal cities such as Miami.
        if row["place_id"] in shapes and shapes[row["place_id"]].distance(point) > 0.1:
            outside.append(f"{row['place_id']} {row['centre_name']}")
    assert set(shapes) >= set(BY_ID) - {"US-DC"}
    assert outside == []


def test_every_override_names_its_metro_and_an_official_source():
    for place_id in centres.OVERRIDES:
        row = BY_ID[place_id]
        assert row["metro"], place_id
        assert row["source"] in (centres.CENSUS, centres.STATCAN, centres.CONAPO), place_id
    assert all(row["source"] and row["geonames_id"].isdigit() for row in ROWS)


def test_an_override_city_missing_from_geonames_is_refused():
    cities = {
        "1": {
            "name": "Elsewhere",
            "countrycode": "US",
            "admin1code": "TX",
            "population": 5,
            "latitude": 30.0,
            "longitude": -97.0,
            "geonameid": 1,
        }
    }  # synthetic
    with pytest.raises(ValueError, match="Dallas"):
        centres.centre_row("US-TX", cities)
