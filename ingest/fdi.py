"""Foreign direct investment into Mexico by state, all origins, single quarters (Secretaría de Economía).

Two vintages of the same all-origin series, each its own source in ``sources``:

- ``mx-fdi-state``: datos.gob.mx table of 2018, 1999-2017 (``load_file``);
- ``mx-fdi-state-datamexico``: the Data México copy, 1999-2024 (``load_datamexico``).
  SE revises past quarters in every release, so the two differ (up to US$0.9 bn in a
  state-quarter); neither replaces the other in the store.

The 2018 wide table has one row per state (Spanish names with accents) and
the quarter labels ``I,II,III,IV`` repeated once per year, 1999 first, with no
year in the header: the column count is therefore part of the contract.
Negative values are disinvestment and are kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.model import Batch, LoadError, Source
from ingest.readers import (
    check_codes,
    parse_ints,
    parse_numbers,
    read_frame,
    read_table,
    refuse_where,
    require_columns,
)

FIRST_YEAR, LAST_YEAR = 1999, 2017
QUARTERS = ["I", "II", "III", "IV"]
STATE_COLUMN = "Entidad"
SHARED_FILE = "mexico_fdi_by_state_1999_2017/fdi_mex.csv"
SNAPSHOT_FILE = "fdi_quarterly.csv"
SNAPSHOT_COLUMNS = ["place_id", "year", "quarter", "origin", "value_musd"]
KEY = ["place_id", "year", "quarter", "origin"]
DATAMEXICO_FILE = "mexico_fdi_by_state_1999_2024_datamexico/ied_raw.csv"
DATAMEXICO_SNAPSHOT = "fdi_quarterly_datamexico.csv"
DATAMEXICO_COLUMNS = ["Quarter ID", "Quarter", "State ID", "State", "Investment"]

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

SOURCE_DATAMEXICO = Source(
    source_id="mx-fdi-state-datamexico",
    publisher="Secretaría de Economía (Mexico), via Data México",
    title="Inversión extranjera directa por entidad federativa, trimestral, 1999-2024 "
    "(millones de dólares; cubo fdi_2_state_investment)",
    url="https://datamexico.org",
    as_of=date(2024, 12, 31),
    license="Libre Uso MX (SE figures); copy from github.com/Equipo-seguridad-y-desarrollo/"
    "seguridadDesarrollo (MIT)",
    notes=(
        "Single-quarter FDI flows in US$ millions, all countries of origin combined; negative "
        "= disinvestment. An older vintage than SE's release 2025 3T (mx-fdi-state-se) and a "
        "newer one than mx-fdi-state; INEGI state ids mapped to ISO 3166-2 by Borderlinks."
    ),
)

#: INEGI's state number (1-32, alphabetical by official name) -> ISO 3166-2:MX.
INEGI_ISO = {
    1: "MX-AGU", 2: "MX-BCN", 3: "MX-BCS", 4: "MX-CAM", 5: "MX-COA", 6: "MX-COL",
    7: "MX-CHP", 8: "MX-CHH", 9: "MX-CMX", 10: "MX-DUR", 11: "MX-GUA", 12: "MX-GRO",
    13: "MX-HID", 14: "MX-JAL", 15: "MX-MEX", 16: "MX-MIC", 17: "MX-MOR", 18: "MX-NAY",
    19: "MX-NLE", 20: "MX-OAX", 21: "MX-PUE", 22: "MX-QUE", 23: "MX-ROO", 24: "MX-SLP",
    25: "MX-SIN", 26: "MX-SON", 27: "MX-TAB", 28: "MX-TAM", 29: "MX-TLA", 30: "MX-VER",
    31: "MX-YUC", 32: "MX-ZAC",
}  # fmt: skip

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


#: ``name_key`` of each name in STATE_ISO -> ISO 3166-2:MX (the lookup every SE/INEGI loader uses).
ISO_BY_NAME_KEY = {name_key(k): v for k, v in STATE_ISO.items()}


def check_state_ids(file: Path, df, column: str = "place_id") -> None:
    """Refuse the first row whose ``column`` is not a Mexican state's ISO 3166-2 code."""
    check_codes(file, df, column, set(STATE_ISO.values()), "Mexican state (ISO)")


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
    place = df[STATE_COLUMN].map(name_key).map(ISO_BY_NAME_KEY)
    refuse_where(
        path, df, place.isna(), STATE_COLUMN,
        lambda r: f"unknown Mexican state name {r[STATE_COLUMN]!r}",
    )  # fmt: skip
    refuse_where(
        path, df, place.duplicated(), STATE_COLUMN,
        lambda r: f"state {r[STATE_COLUMN]!r} appears twice",
    )  # fmt: skip
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
                    "confidential": False,
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True).sort_values(KEY, ignore_index=True)
    return [Batch(replace(SOURCE, file_name=path.name), "fdi", frame, key=list(KEY),
                  rows_read=len(df))]  # fmt: skip


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``data/fdi_quarterly.csv`` and ``data/fdi_quarterly_datamexico.csv``.

    In: the shared-data folder and the output folder. Out: the two paths written.
    """
    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (batch,) = load_file(shared_dir / SHARED_FILE)
    (datamexico,) = load_datamexico(shared_dir / DATAMEXICO_FILE)
    return [
        write_published(batch, out_dir / SNAPSHOT_FILE),
        write_published(datamexico, out_dir / DATAMEXICO_SNAPSHOT),
    ]


def write_published(batch: Batch, path: Path) -> Path:
    """Write a loaded ``fdi`` Batch as a long, sorted snapshot CSV -> ``path``.

    The values keep their published digits (see the comment inside).
    """
    frame = batch.frame.copy()
    # repr() is the shortest text that reads back to the same float: the published
    # digits survive and reruns are byte-identical.
    frame["value_musd"] = frame["value_musd"].map(repr)
    frame[SNAPSHOT_COLUMNS].to_csv(path, index=False, lineterminator="\n")
    return path


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/fdi_quarterly*.csv`` -> one ``fdi`` Batch per vintage."""
    data_dir = Path(data_dir)
    return [
        read_published(data_dir / SNAPSHOT_FILE, SOURCE),
        read_published(data_dir / DATAMEXICO_SNAPSHOT, SOURCE_DATAMEXICO),
    ]


def read_published(path: Path, source: Source) -> Batch:
    """Read a committed all-origin snapshot (``write_published``) -> one ``fdi`` Batch of ``source``.

    Refuses an unknown state, an origin other than 'all', a year or quarter out of range
    and a non-numeric value.
    """
    f, df = read_frame(path, SNAPSHOT_COLUMNS)
    check_state_ids(f, df)
    check_codes(f, df, "origin", {"all"}, "origin")
    frame = pd.DataFrame(
        {"place_id": df["place_id"],
         "year": parse_ints(f, df, "year", FIRST_YEAR, date.today().year, "year"),
         "quarter": parse_ints(f, df, "quarter", 1, 4, "quarter"),
         "origin": df["origin"],
         "value_musd": parse_numbers(f, df, "value_musd", allow_negative=True),
         "confidential": False}
    )  # fmt: skip
    return Batch(replace(source, file_name=f.name), "fdi", frame, key=list(KEY),
                 rows_read=len(frame))  # fmt: skip


# ---------------------------------------------------------------- Data México vintage


def load_datamexico(path: Path) -> list[Batch]:
    """Read Data México's ``ied_raw.csv`` (single quarters, 1999-2024) -> one ``fdi`` Batch.

    Refuses a quarter id that disagrees with its label, a state id that disagrees
    with its name, a repeated state-quarter and non-numeric values.
    """
    f, df = read_frame(path, DATAMEXICO_COLUMNS, fallback_encoding="cp1252")
    qid = df["Quarter ID"].str.strip()
    refuse_where(f, df, ~qid.str.fullmatch(r"(19|20)\d\d[1-4]"), "Quarter ID",
                 lambda r: f"quarter id {r['Quarter ID']!r} is not YYYYQ")  # fmt: skip
    year, quarter = qid.str[:4].astype(int), qid.str[4].astype(int)
    label = year.astype(str) + "-Q" + quarter.astype(str)
    refuse_where(f, df, df["Quarter"].str.strip() != label, "Quarter",
                 lambda r: f"quarter {r['Quarter']!r} does not match its id {r['Quarter ID']!r}")  # fmt: skip
    state_no = parse_ints(f, df, "State ID", 1, 32, "INEGI state id")
    place = state_no.map(INEGI_ISO)
    named = df["State"].map(name_key).map(ISO_BY_NAME_KEY)
    refuse_where(f, df, named != place, "State",
                 lambda r: f"state {r['State']!r} does not match INEGI id {r['State ID']}")  # fmt: skip
    frame = pd.DataFrame(
        {"place_id": place, "year": year, "quarter": quarter, "origin": "all",
         "value_musd": parse_numbers(f, df, "Investment", allow_negative=True),
         "confidential": False}
    )  # fmt: skip
    refuse_where(f, df, frame.duplicated(KEY), "Quarter ID",
                 lambda r: f"a second row for {r['State']} {r['Quarter']}")  # fmt: skip
    frame = frame.sort_values(KEY, ignore_index=True)
    return [Batch(replace(SOURCE_DATAMEXICO, file_name=f.name), "fdi", frame, key=list(KEY),
                  rows_read=len(df))]  # fmt: skip
