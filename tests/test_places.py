"""Places table: committed data/places.csv, its builder, and the ingest reference batches."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import places
from ingest import places as ingest_places
from ingest.model import LoadError

US_CANADA = {
    "US-AK", "US-WA", "US-ID", "US-MT", "US-ND", "US-MN", "US-MI", "US-NY", "US-VT", "US-NH",
    "US-ME", "CA-YT", "CA-BC", "CA-AB", "CA-SK", "CA-MB", "CA-ON", "CA-QC", "CA-NB",
}  # fmt: skip
US_MEXICO = {
    "US-CA", "US-AZ", "US-NM", "US-TX", "MX-BCN", "MX-SON", "MX-CHH", "MX-COA", "MX-NLE", "MX-TAM",
}  # fmt: skip


@pytest.fixture(scope="module")
def table():
    return places.load_places()


def test_committed_places_have_96_subdivisions_and_3_countries(table):
    assert len(table) == 99 and table["place_id"].is_unique
    assert sorted(table.loc[table["kind"] == "country", "place_id"]) == ["CA", "MX", "US"]
    assert sorted(table.loc[table["kind"] == "district", "place_id"]) == ["MX-CMX", "US-DC"]
    assert set(table.loc[table["kind"] == "territory", "place_id"]) == {"CA-NT", "CA-NU", "CA-YT"}


def test_border_places_are_exactly_the_known_border_states(table):
    got = table.set_index("place_id")
    assert set(got.index[got["border"] == "US-Canada"]) == US_CANADA
    assert set(got.index[got["border"] == "US-Mexico"]) == US_MEXICO
    assert set(got.index[got["is_border"]]) == US_CANADA | US_MEXICO
    assert not got.loc["US-OH", "is_border"] and not got.loc["US-PA", "is_border"]


def test_names_are_fixed_and_accented_in_three_languages(table):
    t = table.set_index("place_id")
    assert t.loc["US-DC", ["name_en", "name_fr"]].tolist() == [
        "District of Columbia",
        "District de Columbia",
    ]
    assert t.loc["CA-QC", "name_fr"] == "Québec"
    assert t.loc["MX-NLE", "name_es"] == "Nuevo León"
    assert t.loc["CA-BC", "name_fr"] == "Colombie-Britannique"
    assert t.loc["CA-NL", "name_fr"] == "Terre-Neuve-et-Labrador"
    assert t.loc["US-NM", ["name_es", "name_fr"]].tolist() == ["Nuevo México", "Nouveau-Mexique"]
    assert t.loc["MX-CMX", "postal"] == "CMX"
    assert table[["name_en", "name_es", "name_fr"]].notna().all().all()


def test_place_name_falls_back_to_the_id_when_unknown():
    assert places.place_name("MX-CMX", "es") == "Ciudad de México"
    assert places.place_name("XX-YY", "fr") == "XX-YY"


def _synthetic_admin1(rows):
    cols = ["iso_3166_2", "adm0_a3", "type_en", "name_en", "name_es", "name_fr", "postal"]
    return pd.DataFrame(rows, columns=cols)


def test_tidy_admin1_renames_dif_drops_unnamed_island_and_uses_iso_postal_for_mexico():
    raw = _synthetic_admin1(  # synthetic rows shaped like Natural Earth's
        [
            ["MX-DIF", "MEX", "Federal District", "Mexico", "México", "Mexico", "DF"],
            ["MX-X01~", "MEX", "", "", "", "", ""],
            ["MX-NLE", "MEX", "State", "Nuevo León", "Nuevo León", "Nuevo León", "NL"],
        ]
    )
    out = places.tidy_admin1(raw)
    assert out["place_id"].tolist() == ["MX-CMX", "MX-NLE"]
    assert out["kind"].tolist() == ["district", "state"]
    assert out["postal"].tolist() == ["CMX", "NLE"]
    assert out.loc[0, "name_en"] == "Mexico City"


def test_tidy_admin1_refuses_an_unknown_subdivision_type():
    raw = _synthetic_admin1([["US-ZZ", "USA", "Parish", "Z", "Z", "Z", "ZZ"]])  # synthetic
    with pytest.raises(ValueError, match="Parish"):
        places.tidy_admin1(raw)


def _two_squares_with_a_line():
    """Synthetic: a US square and a CA square meeting along lon 0 (degrees, near 45N)."""
    admin1 = gpd.GeoDataFrame(
        {"place_id": ["US-AA", "CA-BB"], "country": ["US", "CA"]},
        geometry=[shapely.box(-1, 45, 0, 46), shapely.box(0, 45, 1, 46)],
        crs="EPSG:4326",
    )
    lines = gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 45), (0, 46)])], crs="EPSG:4326")
    return admin1, lines


def test_places_meeting_on_a_land_line_are_a_border_pair():
    admin1, lines = _two_squares_with_a_line()
    pairs = places.border_pairs(admin1, lines)
    assert pairs[["us_place", "partner_place", "border", "how"]].values.tolist() == [
        ["US-AA", "CA-BB", "US-Canada", "land"]
    ]


def test_places_meeting_only_mid_lake_are_not_a_border_pair():
    admin1, lines = _two_squares_with_a_line()
    lake = shapely.box(-0.5, 44.9, 0.5, 46.1)  # synthetic lake over the whole line
    assert places.border_pairs(admin1, lines, water=lake).empty


def _write_data_dir(tmp_path, places_rows, cities_rows=None):
    pd.DataFrame(places_rows, columns=places.COLUMNS).to_csv(tmp_path / "places.csv", index=False)
    if cities_rows is not None:
        cols = ["place_id", "name_en", "name_es", "name_fr", "country", "parent_id", "lat", "lon"]
        pd.DataFrame(cities_rows, columns=cols).to_csv(tmp_path / "cities.csv", index=False)
    return tmp_path


SYNTH_STATE = [
    "US-TX",
    "US",
    "state",
    "Texas",
    "Texas",
    "Texas",
    "US",
    "TX",
    True,
    "US-Mexico",
    31.1,
    -98.8,
]


def test_reference_batches_give_one_places_batch_per_source(tmp_path):
    data = _write_data_dir(
        tmp_path,
        [SYNTH_STATE],
        [["US-TX:synthville", "Synthville", "", "", "US", "US-TX", 31.0, -99.0]],  # synthetic city
    )
    batches = ingest_places.reference_batches(data)
    assert [(b.table, b.source.source_id, len(b.frame)) for b in batches] == [
        ("places", "naturalearth-admin1", 1),
        ("places", "geonames-cities", 1),
    ]
    city = batches[1].frame.iloc[0]
    assert city["kind"] == "city" and city["name_fr"] == "Synthville"  # falls back to English
    assert batches[0].frame["is_border"].dtype == bool


def test_without_cities_file_only_the_natural_earth_batch_is_built(tmp_path):
    data = _write_data_dir(tmp_path, [SYNTH_STATE])
    assert [b.source.source_id for b in ingest_places.reference_batches(data)] == [
        "naturalearth-admin1"
    ]


def test_bad_kind_is_refused_with_line_and_column(tmp_path):
    bad = SYNTH_STATE.copy()
    bad[2] = "county"
    data = _write_data_dir(tmp_path, [SYNTH_STATE, bad])
    with pytest.raises(LoadError) as err:
        ingest_places.reference_batches(data)
    assert (err.value.line, err.value.column) == (3, "kind")
    assert "county" in err.value.one_line()


def test_missing_places_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="not found"):
        ingest_places.reference_batches(tmp_path)


def test_cities_near_the_line_are_border_cities_on_the_committed_map(tmp_path):
    # synthetic city rows at real coordinates: one on the Rio Grande, one far inland
    frame = pd.DataFrame(
        [
            ["US-TX:synth-border", "B", "B", "B", "US", "US-TX", 27.50, -99.50],
            ["US-TX:synth-inland", "I", "I", "I", "US", "US-TX", 32.78, -96.80],
        ],
        columns=ingest_places.CITY_COLUMNS,
    )
    frame.to_csv(tmp_path / "cities.csv", index=False)
    out = ingest_places.read_cities(tmp_path / "cities.csv", places.DATA / "boundaries.geojson")
    assert out["is_border"].tolist() == [True, False]
    assert out["border"].tolist()[0] == "US-Mexico"


def test_us_mexico_land_pairs_come_from_the_committed_pairs_file():
    pairs = places.land_pairs("US-Mexico")
    assert ("US-TX", "MX-NLE") in pairs and ("US-CA", "MX-BCN") in pairs
    assert {p for pair in pairs for p in pair} == US_MEXICO
    assert all(a.startswith("US-") and b.startswith("MX-") for a, b in pairs)


def test_land_pairs_refuse_an_unknown_border():
    with pytest.raises(ValueError, match="US-Canada or US-Mexico"):
        places.land_pairs("US-Cuba")
