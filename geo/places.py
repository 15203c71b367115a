"""The 96 states/provinces (+3 countries) as a table: ids, names in EN/ES/FR, border flags.

Built from Natural Earth admin-1 by ``python -m geo.boundaries`` into the committed
``data/places.csv`` and ``data/border_pairs.csv``; read back with ``load_places()`` /
``load_border_pairs()``. Plain Python (no streamlit).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ingest.places import PLACE_COLUMNS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
PLACES_CSV = DATA / "places.csv"
PAIRS_CSV = DATA / "border_pairs.csv"

# The places table's columns, as the store schema declares them (one list, kept by ingest).
COLUMNS = PLACE_COLUMNS
COUNTRY_OF_ADM0 = {"USA": "US", "CAN": "CA", "MEX": "MX"}
KIND_OF_TYPE = {
    "State": "state",
    "Province": "province",
    "Territory": "territory",
    "Federal District": "district",
}
# Natural Earth still uses the pre-2016 code for Mexico City.
CODE_FIXES = {"MX-DIF": "MX-CMX"}
# Only values that are wrong or ambiguous in Natural Earth; everything else is kept.
NAME_FIXES = {
    # NE gives the city name; the federal district is what the data describe.
    "US-DC": {
        "name_en": "District of Columbia",
        "name_es": "Distrito de Columbia",
        "name_fr": "District de Columbia",
    },
    # NE name_en/name_fr read "Mexico", which collides with the country.
    "MX-CMX": {
        "name_en": "Mexico City",
        "name_es": "Ciudad de México",
        "name_fr": "Ville de Mexico",
    },
    # Official long forms; short forms match how every other state is named.
    "MX-COA": {"name_es": "Coahuila"},
    "MX-VER": {"name_es": "Veracruz"},
}
COUNTRY_ROWS = [
    ("US", "United States", "Estados Unidos", "États-Unis", 39.8, -98.6),
    ("CA", "Canada", "Canadá", "Canada", 56.1, -106.3),
    ("MX", "Mexico", "México", "Mexique", 23.6, -102.6),
]
# Distance from the international land boundary within which a subdivision counts
# as a border place (absorbs the 1:10m generalisation of both layers).
BORDER_DISTANCE_M = 5_000
# Borders that run through rivers, with bridges and ports of entry: declared so they
# stay border pairs whatever the line data do (Natural Earth's "land" lines do run
# along these rivers today, so they come out as 'land').
# Ohio and Pennsylvania meet Ontario only mid-Lake Erie, with no land port: not listed.
WATER_BORDER_PAIRS = [
    (
        "US-MI",
        "CA-ON",
    ),  # St. Marys, St. Clair and Detroit rivers (Sault Ste. Marie, Port Huron, Detroit)
    ("US-NY", "CA-ON"),  # Niagara and St. Lawrence rivers (Buffalo, Lewiston, Ogdensburg ...)
    ("US-MN", "CA-ON"),  # Rainy River and Lake of the Woods (International Falls, Baudette)
]
EQUAL_AREA = "ESRI:102008"  # North America Albers equal-area conic, metres


def tidy_admin1(raw) -> pd.DataFrame:
    """Natural Earth admin-1 GeoDataFrame -> same rows with our ids, names, kind, postal.

    Drops features without an ISO code (the unnamed island ``MX-X01~``); renames
    ``MX-DIF`` to ``MX-CMX``; adds ``place_id``, ``country``, ``kind``.
    """
    needed = {"iso_3166_2", "adm0_a3", "type_en", "name_en", "name_es", "name_fr", "postal"}
    missing = needed - set(raw.columns)
    if missing:
        raise ValueError(f"admin-1 frame lacks columns {sorted(missing)}")
    df = raw[raw["adm0_a3"].isin(COUNTRY_OF_ADM0) & ~raw["iso_3166_2"].str.endswith("~")].copy()
    df["place_id"] = df["iso_3166_2"].replace(CODE_FIXES)
    df["country"] = df["adm0_a3"].map(COUNTRY_OF_ADM0)
    df["kind"] = df["type_en"].map(KIND_OF_TYPE)
    if df["kind"].isna().any():
        odd = sorted(df.loc[df["kind"].isna(), "type_en"].unique())
        raise ValueError(f"unknown admin-1 type(s): {odd}")
    for place_id, fixes in NAME_FIXES.items():
        for col, value in fixes.items():
            df.loc[df["place_id"] == place_id, col] = value
    # Mexican 2-letter postals (BC, MI, CO, NL ...) collide with US/Canadian ones on a
    # trilateral map; the ISO suffix (BCN, MIC, COA, NLE) is unambiguous.
    mx = df["country"] == "MX"
    df.loc[mx, "postal"] = df.loc[mx, "place_id"].str[3:]
    return df.sort_values("place_id").reset_index(drop=True)


def _cross_border_pairs(admin1, border_lines, water=None) -> pd.DataFrame:
    """Pairs (US place, partner place) within BORDER_DISTANCE_M of each other and of a land line.

    ``water`` (EPSG:4326 polygon, optional): line stretches inside it do not count,
    so places meeting only mid-lake (Ohio and Pennsylvania with Ontario in Lake Erie)
    are not border places.
    """
    import geopandas as gpd
    import shapely

    geoms = admin1.to_crs(EQUAL_AREA).geometry.values
    lines = border_lines.geometry.values
    if water is not None:
        lines = shapely.difference(lines, water)
        lines = lines[~shapely.is_empty(lines)]
    lines = gpd.GeoSeries(lines, crs=border_lines.crs).to_crs(EQUAL_AREA).values
    ids = admin1["place_id"].tolist()
    countries = admin1["country"].tolist()
    shapely.prepare(geoms)
    rows = []
    us = [i for i, c in enumerate(countries) if c == "US"]
    foreign = [i for i, c in enumerate(countries) if c != "US"]
    for i in us:
        for j in foreign:
            if not shapely.dwithin(geoms[i], geoms[j], BORDER_DISTANCE_M):
                continue
            # The meeting zone of the two places must lie on a land boundary line.
            zone = shapely.intersection(
                shapely.buffer(geoms[i], BORDER_DISTANCE_M, quad_segs=2),
                shapely.buffer(geoms[j], BORDER_DISTANCE_M, quad_segs=2),
            )
            if shapely.dwithin(zone, lines, 1.0).any():
                border = "US-Canada" if countries[j] == "CA" else "US-Mexico"
                rows.append((ids[i], ids[j], border, "land"))
    return pd.DataFrame(rows, columns=["us_place", "partner_place", "border", "how"])


def border_pairs(admin1, border_lines, water=None) -> pd.DataFrame:
    """Every (US place, partner place, border, how) pair meeting across the border.

    ``how`` is 'land' (computed from Natural Earth land boundary lines outside
    ``water``) or 'water' (declared in WATER_BORDER_PAIRS, not found on land).
    """
    land = _cross_border_pairs(admin1, border_lines, water)
    known = set(zip(land["us_place"], land["partner_place"], strict=True))
    present = set(admin1["place_id"])
    water = [
        (us, other, "US-Canada" if other.startswith("CA-") else "US-Mexico", "water")
        for us, other in WATER_BORDER_PAIRS
        if (us, other) not in known and {us, other} <= present
    ]
    pairs = pd.concat([land, pd.DataFrame(water, columns=land.columns)], ignore_index=True)
    return pairs.sort_values(["us_place", "partner_place"]).reset_index(drop=True)


def build_places(admin1, pairs: pd.DataFrame) -> pd.DataFrame:
    """Tidied admin-1 frame + border pairs -> the places table (96 subdivisions + 3 countries)."""
    border_of = {}
    for row in pairs.itertuples():
        border_of[row.us_place] = row.border
        border_of[row.partner_place] = row.border
    df = pd.DataFrame(
        {
            "place_id": admin1["place_id"],
            "country": admin1["country"],
            "kind": admin1["kind"],
            "name_en": admin1["name_en"],
            "name_es": admin1["name_es"],
            "name_fr": admin1["name_fr"],
            "parent_id": admin1["country"],
            "postal": admin1["postal"],
            "is_border": admin1["place_id"].isin(border_of),
            "border": admin1["place_id"].map(border_of),
            "lat": admin1["latitude"].astype(float).round(4),
            "lon": admin1["longitude"].astype(float).round(4),
        }
    )
    countries = pd.DataFrame(
        [
            {
                "place_id": cid,
                "country": cid,
                "kind": "country",
                "name_en": en,
                "name_es": es,
                "name_fr": fr,
                "parent_id": None,
                "postal": cid,
                # Country rows carry national figures; "border place" means a subdivision.
                "is_border": False,
                "border": None,
                "lat": lat,
                "lon": lon,
            }
            for cid, en, es, fr, lat, lon in COUNTRY_ROWS
        ]
    )
    return pd.concat([countries, df], ignore_index=True)[COLUMNS]


@lru_cache(maxsize=4)
def _read_places(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"postal": str, "border": str, "parent_id": str})


def load_places(path: Path | str | None = None) -> pd.DataFrame:
    """The committed places table (data/places.csv) -> DataFrame (a fresh copy)."""
    return _read_places(str(path or PLACES_CSV)).copy()


@lru_cache(maxsize=4)
def _read_pairs(path: str) -> pd.DataFrame:
    return pd.read_csv(path)


def load_border_pairs(path: Path | str | None = None) -> pd.DataFrame:
    """The committed cross-border neighbour pairs (data/border_pairs.csv) -> DataFrame."""
    return _read_pairs(str(path or PAIRS_CSV)).copy()


def land_pairs(border: str) -> tuple[tuple[str, str], ...]:
    """``border`` ('US-Canada' | 'US-Mexico') -> its (US place, partner place) pairs that
    meet on land, from data/border_pairs.csv, sorted."""
    if border not in ("US-Canada", "US-Mexico"):
        raise ValueError(f"border must be US-Canada or US-Mexico, not {border!r}")
    pairs = _read_pairs(str(PAIRS_CSV))
    hit = pairs[(pairs["border"] == border) & (pairs["how"] == "land")]
    return tuple(sorted(zip(hit["us_place"], hit["partner_place"], strict=True)))


def place_name(place_id: str, lang: str = "en", path: Path | str | None = None) -> str:
    """A place id -> its name in 'en' | 'es' | 'fr' (the id itself when unknown)."""
    if lang not in ("en", "es", "fr"):
        raise ValueError(f"lang must be en, es or fr, not {lang!r}")
    df = _read_places(str(path or PLACES_CSV))
    hit = df.loc[df["place_id"] == place_id, f"name_{lang}"]
    return str(hit.iloc[0]) if len(hit) else place_id
