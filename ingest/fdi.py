"""Foreign direct investment into Mexico by state, quarterly 1999-2017 (Secretaría de Economía).

The published wide table has one row per state (Spanish names with accents) and
the quarter labels ``I,II,III,IV`` repeated once per year, 1999 first, with no
year in the header: the column count is therefore part of the contract.
Negative values are disinvestment and are kept.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.model import Batch, LoadError, Source
from ingest.readers import check_codes, parse_ints, parse_numbers, read_table, require_columns

FIRST_YEAR, LAST_YEAR = 1999, 2017
QUARTERS = ["I", "II", "III", "IV"]
STATE_COLUMN = "Entidad"
SHARED_FILE = "mexico_fdi_by_state_1999_2017/fdi_mex.csv"
SNAPSHOT_FILE = "fdi_quarterly.csv"
SNAPSHOT_COLUMNS = ["place_id", "year", "quarter", "origin", "value_musd"]
KEY = ["place_id", "year", "quarter", "origin"]

SOURCE = Source(
    source_id="mx-fdi-state",
    publisher="Secretaría de Economía (Mexico)",
    title="Inversión extranjera directa (IED) por entidad federativa, trimestral, "
    "1999-2017 (millones de dólares)",
    url="https://datos.gob.mx/busca/dataset/inversion-extranjera-directa/resource/"
    "caca107b-ad92-4e2e-b862-3d9b3e4050eb",
    as_of=date(2017, 12, 31),
    license="Libre Uso MX (datos.gob.mx open-data terms)",
    notes=(
        "FDI flows in US$ millions, all countries of origin combined; negative = "
        "disinvestment. Reshaped wide by P. R. Estévez Soto (github.com/prestevez/IED_CDMX); "
        "state names mapped to ISO 3166-2 by Borderlinks."
    ),
)

#: Official state names (INEGI) and common short forms -> ISO 3166-2:MX.
#: Looked up accent- and case-insensitively (see ``name_key``).
STATE_ISO = {
    "Aguascalientes": "MX-AGU",
    "Baja California": "MX-BCN",
    "Baja California Sur": "MX-BCS",
    "Campeche": "MX-CAM",
    "Chiapas": "MX-CHP",
    "Chihuahua": "MX-CHH",
    "Ciudad de México": "MX-CMX",
    "Distrito Federal": "MX-CMX",
    "Coahuila de Zaragoza": "MX-COA",
    "Coahuila": "MX-COA",
    "Colima": "MX-COL",
    "Durango": "MX-DUR",
    "Estado de México": "MX-MEX",
    "México": "MX-MEX",
    "Guanajuato": "MX-GUA",
    "Guerrero": "MX-GRO",
    "Hidalgo": "MX-HID",
    "Jalisco": "MX-JAL",
    "Michoacán de Ocampo": "MX-MIC",
    "Michoacán": "MX-MIC",
    "Morelos": "MX-MOR",
    "Nayarit": "MX-NAY",
    "Nuevo León": "MX-NLE",
    "Oaxaca": "MX-OAX",
    "Puebla": "MX-PUE",
    "Querétaro": "MX-QUE",
    "Querétaro de Arteaga": "MX-QUE",
    "Quintana Roo": "MX-ROO",
    "San Luis Potosí": "MX-SLP",
    "Sinaloa": "MX-SIN",
    "Sonora": "MX-SON",
    "Tabasco": "MX-TAB",
    "Tamaulipas": "MX-TAM",
    "Tlaxcala": "MX-TLA",
    "Veracruz de Ignacio de la Llave": "MX-VER",
    "Veracruz": "MX-VER",
    "Yucatán": "MX-YUC",
    "Zacatecas": "MX-ZAC",
}


def name_key(name: str) -> str:
    """'Nuevo León ' -> 'nuevo leon' (accents, case and spacing ignored)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


_ISO_BY_KEY = {name_key(k): v for k, v in STATE_ISO.items()}


def load_file(path: Path) -> list[Batch]:
    """Read ``fdi_mex.csv`` (plain or gzip) -> one ``fdi`` Batch of quarterly rows."""
    path = Path(path)
    # Windows-1252 is accepted too: every state name is then checked against our list.
    table = read_table(path, fallback_encoding="cp1252")
    require_columns(table, [STATE_COLUMN])
    expected = [STATE_COLUMN] + QUARTERS * (LAST_YEAR - FIRST_YEAR + 1)
    if table.header[0] != STATE_COLUMN or len(table.header) != len(expected):
        raise LoadError(
            path,
            f"expected {len(expected)} columns ('{STATE_COLUMN}' then I,II,III,IV for each "
            f"year {FIRST_YEAR}-{LAST_YEAR}), found {len(table.header)}",
            line=1,
        )
    for i, (got, want) in enumerate(zip(table.header, expected, strict=True)):
        if got != want:
            raise LoadError(
                path, f"header cell #{i + 1} is {got!r}, expected {want!r}", line=1, column=got
            )
    df = table.frame()
    place = df[STATE_COLUMN].map(name_key).map(_ISO_BY_KEY)
    unknown = place.isna()
    if unknown.any():
        row = df[unknown].iloc[0]
        raise LoadError(
            path,
            f"unknown Mexican state name {row[STATE_COLUMN]!r}",
            line=int(row["_line"]),
            column=STATE_COLUMN,
        )
    dup = place.duplicated()
    if dup.any():
        row = df[dup].iloc[0]
        raise LoadError(
            path,
            f"state {row[STATE_COLUMN]!r} appears twice",
            line=int(row["_line"]),
            column=STATE_COLUMN,
        )
    parts = []
    value_columns = [c for c in df.columns if c not in (STATE_COLUMN, "_line")]
    for i, column in enumerate(value_columns):
        values = parse_numbers(path, df, column, allow_negative=True)
        parts.append(
            pd.DataFrame(
                {
                    "place_id": place,
                    "year": FIRST_YEAR + i // 4,
                    "quarter": i % 4 + 1,
                    "origin": "all",
                    "value_musd": values,
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True).sort_values(KEY, ignore_index=True)
    source = Source(**{**SOURCE.__dict__, "file_name": path.name})
    return [Batch(source, "fdi", frame, key=list(KEY), rows_read=len(df))]


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``data/fdi_quarterly.csv`` (long, sorted) from ../shared/data."""
    (batch,) = load_file(Path(shared_dir) / SHARED_FILE)
    frame = batch.frame.copy()
    # repr() is the shortest text that reads back to the same float: the published
    # digits survive and reruns are byte-identical.
    frame["value_musd"] = frame["value_musd"].map(repr)
    path = Path(out_dir) / SNAPSHOT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    frame[SNAPSHOT_COLUMNS].to_csv(path, index=False, lineterminator="\n")
    return [path]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/fdi_quarterly.csv`` -> one ``fdi`` Batch."""
    table = read_table(Path(data_dir) / SNAPSHOT_FILE)
    require_columns(table, SNAPSHOT_COLUMNS)
    f, df = table.file, table.frame()
    check_codes(f, df, "place_id", set(STATE_ISO.values()), "Mexican state (ISO)")
    frame = pd.DataFrame(
        {
            "place_id": df["place_id"],
            "year": parse_ints(f, df, "year", FIRST_YEAR, date.today().year, "year"),
            "quarter": parse_ints(f, df, "quarter", 1, 4, "quarter"),
            "origin": df["origin"],
            "value_musd": parse_numbers(f, df, "value_musd", allow_negative=True),
        }
    )
    source = Source(**{**SOURCE.__dict__, "file_name": SNAPSHOT_FILE})
    return [Batch(source, "fdi", frame, key=list(KEY), rows_read=len(frame))]
