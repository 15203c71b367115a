"""TransBorder Freight code meanings and their ISO 3166-2 place ids.

BTS publishes its own 2-letter codes (CANPROV ``XO``, MEXSTATE ``NL``); the store
speaks ISO 3166-2 (``CA-ON``, ``MX-NLE``). The official code names come from the
BTS workbook (copied as CSVs under ../shared/data); the ISO column is ours and is
written next to them into ``data/codes/*.csv`` by ``write_code_lists``.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

TRADE_TYPE = {"1": "export", "2": "import"}
COUNTRY = {"1220": "CA", "2010": "MX"}

#: DISAGMOT code -> short mode name used in the store (schema comment of ``trade``).
MODE = {
    "1": "Vessel",
    "3": "Air",
    "4": "Mail",
    "5": "Truck",
    "6": "Rail",
    "7": "Pipeline",
    "8": "Other",
    "9": "FTZ",
}
#: Published mode label (code list and annual aggregates) -> store mode.
MODE_BY_LABEL = {
    "Vessel": "Vessel",
    "Air": "Air",
    "Mail (U.S. Postal Service)": "Mail",
    "Truck": "Truck",
    "Rail": "Rail",
    "Pipeline": "Pipeline",
    "Other": "Other",
    "Other/Unknown": "Other",
    "Foreign Trade Zones (FTZs)": "FTZ",
}

#: CANPROV -> ISO 3166-2:CA. 'OT' (province unknown) -> None.
CANPROV_ISO = {
    "XA": "CA-AB",
    "XB": "CA-NB",
    "XC": "CA-BC",
    "XM": "CA-MB",
    "XN": "CA-NS",
    "XO": "CA-ON",
    "XP": "CA-PE",
    "XQ": "CA-QC",
    "XS": "CA-SK",
    "XT": "CA-NT",
    "XV": "CA-NU",
    "XW": "CA-NL",
    "XY": "CA-YT",
    "OT": None,
}

#: MEXSTATE -> ISO 3166-2:MX. 'DF' (Distrito Federal) is today's Mexico City, MX-CMX.
#: 'BN' (Baja California Norte, an old name) is Baja California. 'NA' is Nayarit:
#: the BTS workbook leaves its code blank but the data files use 'NA'.
#: 'OT' and 'XX' mean state unknown -> None.
MEXSTATE_ISO = {
    "AG": "MX-AGU",
    "BC": "MX-BCN",
    "BN": "MX-BCN",
    "BS": "MX-BCS",
    "CH": "MX-CHH",
    "CL": "MX-COL",
    "CM": "MX-CAM",
    "CO": "MX-COA",
    "CS": "MX-CHP",
    "DF": "MX-CMX",
    "DG": "MX-DUR",
    "GR": "MX-GRO",
    "GT": "MX-GUA",
    "HG": "MX-HID",
    "JA": "MX-JAL",
    "MI": "MX-MIC",
    "MO": "MX-MOR",
    "MX": "MX-MEX",
    "NA": "MX-NAY",
    "NL": "MX-NLE",
    "OA": "MX-OAX",
    "PU": "MX-PUE",
    "QR": "MX-ROO",
    "QT": "MX-QUE",
    "SI": "MX-SIN",
    "SL": "MX-SLP",
    "SO": "MX-SON",
    "TB": "MX-TAB",
    "TL": "MX-TLA",
    "TM": "MX-TAM",
    "VE": "MX-VER",
    "YU": "MX-YUC",
    "ZA": "MX-ZAC",
    "OT": None,
    "XX": None,
}

#: USASTATE codes are USPS abbreviations, so ISO is 'US-' + code; 'DU' (unknown)
#: becomes 'US-XX' (the schema's marker for "US state unknown", kept so that
#: national totals still add up).
US_UNKNOWN = "US-XX"
US_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI"
).split()


def us_state_iso(code: str) -> str | None:
    """Return 'US-TX' for 'TX', 'US-XX' for 'DU', None for a code BTS does not use."""
    if code == "DU":
        return US_UNKNOWN
    return f"US-{code}" if code in US_STATE_CODES else None


#: Names used in the annual aggregates (no accents) -> ISO.
MEXSTATE_NAME_ISO = {
    "Aguascalientes": "MX-AGU",
    "Baja California": "MX-BCN",
    "Baja California Norte": "MX-BCN",
    "Baja California Sur": "MX-BCS",
    "Campeche": "MX-CAM",
    "Chiapas": "MX-CHP",
    "Chihuahua": "MX-CHH",
    "Coahuila": "MX-COA",
    "Colima": "MX-COL",
    "Distrito Federal": "MX-CMX",
    "Durango": "MX-DUR",
    "Estado de Mexico": "MX-MEX",
    "Guanajuato": "MX-GUA",
    "Guerrero": "MX-GRO",
    "Hidalgo": "MX-HID",
    "Jalisco": "MX-JAL",
    "Michoacan": "MX-MIC",
    "Morelos": "MX-MOR",
    "Nayarit": "MX-NAY",
    "Nuevo Leon": "MX-NLE",
    "Oaxaca": "MX-OAX",
    "Puebla": "MX-PUE",
    "Queretaro": "MX-QUE",
    "Quintana Roo": "MX-ROO",
    "San Luis Potosi": "MX-SLP",
    "Sinaloa": "MX-SIN",
    "Sonora": "MX-SON",
    "Tabasco": "MX-TAB",
    "Tamaulipas": "MX-TAM",
    "Tlaxcala": "MX-TLA",
    "Veracruz": "MX-VER",
    "Yucatan": "MX-YUC",
    "Zacatecas": "MX-ZAC",
}

#: Province names used in the aggregates and by Statistics Canada -> ISO.
PROVINCE_NAME_ISO = {
    "Alberta": "CA-AB",
    "British Columbia": "CA-BC",
    "Manitoba": "CA-MB",
    "New Brunswick": "CA-NB",
    "Newfoundland": "CA-NL",
    "Newfoundland and Labrador": "CA-NL",
    "Northwest Territories": "CA-NT",
    "Nova Scotia": "CA-NS",
    "Nunavut": "CA-NU",
    "Ontario": "CA-ON",
    "Prince Edward Island": "CA-PE",
    "Quebec": "CA-QC",
    "Saskatchewan": "CA-SK",
    "Yukon": "CA-YT",
    "Yukon Territory": "CA-YT",
}

#: Name of the raw code-list folder inside ../shared/data.
RAW_CODES_DIR = "transborder_freight_raw_2015_01/codes"
HS_CHAPTERS_FILE = "hs_chapters.csv"


def read_hs_chapters(codes_dir: Path) -> dict[str, str]:
    """Read ``data/codes/hs_chapters.csv`` -> {'01': 'Live animals', ...}."""
    with open(Path(codes_dir) / HS_CHAPTERS_FILE, encoding="utf-8", newline="") as f:
        return {row["hs2"]: row["name_en"] for row in csv.DictReader(f)}


#: Chapter titles in Spanish and French plus short labels (≤ 40 characters) in all three
#: languages, compiled by hand from the Mexican and Canadian tariffs (data/README.md).
HS_NAMES_FILE = "hs_chapters_i18n.csv"
HS_NAME_FIELDS = ("name_es", "name_fr", "name_short_en", "name_short_es", "name_short_fr")


def read_hs_chapter_names(codes_dir: Path) -> dict[str, dict[str, str]]:
    """Read the two HS chapter files -> {'87': {'name_en': ..., 'name_es': ..., ...}}.

    In: the ``data/codes`` folder. Out: one dict per chapter of ``hs_chapters.csv`` with
    ``name_en`` (BTS) and, where ``hs_chapters_i18n.csv`` has the chapter, its
    ``HS_NAME_FIELDS`` and ``source_es``/``source_fr``. A chapter missing from the second
    file keeps its English name only (the UI then falls back to English).
    """
    names = {code: {"name_en": name} for code, name in read_hs_chapters(codes_dir).items()}
    with open(Path(codes_dir) / HS_NAMES_FILE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["hs2"] in names:
                names[row["hs2"]].update({k: v for k, v in row.items() if k != "hs2" and v})
    return names


@lru_cache(maxsize=1)
def hs_chapter_names() -> dict[str, dict[str, str]]:
    """``read_hs_chapter_names`` of the committed ``data/codes`` folder, read once per process.

    The names are reference files, not store rows, so they do not change with the store.
    The dict is shared: treat it as read-only.
    """
    return read_hs_chapter_names(Path(__file__).resolve().parents[1] / "data" / "codes")


def _read_code_csv(path: Path) -> list[list[str]]:
    """Rows of an official code-list CSV (header dropped, cells stripped)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return [[cell.strip() for cell in row] for row in rows[1:] if any(c.strip() for c in row)]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """Write rows with '\\n' line ends so the output is byte-stable across OSes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def write_code_lists(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``out_dir/codes/*.csv``: official BTS code lists plus our ISO column.

    In: ../shared/data (reads ``RAW_CODES_DIR``). Out: the paths written.
    """
    src = Path(shared_dir) / RAW_CODES_DIR
    codes = Path(out_dir) / "codes"
    written = []

    hs = [[c.zfill(2), name] for c, name in _read_code_csv(src / "commodity_classification.csv")]
    written.append(_write_csv(codes / HS_CHAPTERS_FILE, ["hs2", "name_en"], sorted(hs)))

    modes = [[c, name, MODE[c]] for c, name in _read_code_csv(src / "mode_of_transportation.csv")]
    written.append(
        _write_csv(codes / "transborder_modes.csv", ["code", "name_published", "mode"], modes)
    )

    provs = [
        [c, name, CANPROV_ISO[c] or ""] for c, name in _read_code_csv(src / "canadian_province.csv")
    ]
    written.append(
        _write_csv(
            codes / "transborder_canadian_provinces.csv",
            ["code", "name_published", "place_id"],
            sorted(provs),
        )
    )

    mex = []
    for c, name in _read_code_csv(src / "mexican_state.csv"):
        code = c or ("NA" if name == "Nayarit" else c)  # blank in the workbook, 'NA' in data
        mex.append([code, name, MEXSTATE_ISO[code] or ""])
    mex.append(["XX", "Unknown (used in data, not in the workbook)", ""])
    written.append(
        _write_csv(
            codes / "transborder_mexican_states.csv",
            ["code", "name_published", "place_id"],
            sorted(mex),
        )
    )

    us = [[c, name, us_state_iso(c) or ""] for c, name in _read_code_csv(src / "us_state.csv")]
    written.append(
        _write_csv(
            codes / "transborder_us_states.csv",
            ["code", "name_published", "place_id"],
            sorted(us),
        )
    )
    return written
