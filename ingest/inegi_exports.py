"""Exports of each Mexican state by SCIAN subsector, annual 2007-2018 (INEGI, EAEF).

``exportations_activity_rows.csv`` (tidied by teoten108/INEGI-export from INEGI's
``EAEF_Entidad_Subsector.xlsx``): ``Código, Descripción, state, year, USD`` with USD in
THOUSANDS of dollars, to all destinations, oil excluded. Two rows carry ``NA`` for
a code: the state's total ('Exportaciones totales' -> ``total``) and exports INEGI
could not assign to a subsector ('Subsectores no especificados' -> ``unspecified``).
-> ``state_exports_subsector`` in US dollars.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ingest.fdi import STATE_ISO, name_key
from ingest.model import Batch, LoadError, Source
from ingest.readers import first_bad, parse_ints, parse_numbers, read_table, require_columns

SHARED_FILE = "inegi_state_exports_by_subsector_2007_2018/exportations_activity_rows.csv"
REQUIRED = ["Código", "Descripción", "state", "year", "USD"]
COLUMNS = ["place_id", "year", "scian_code", "value_usd"]
KEY = ["place_id", "year", "scian_code"]
#: Rows published without a code, told apart by their description.
UNCODED = {"exportaciones totales": "total", "subsectores no especificados": "unspecified"}
#: Spellings in this copy that are not official names ('Quinta Roo' is a typo).
ALIASES = {"quinta roo": "MX-ROO"}
SNAPSHOT_FILE = "state_exports_subsector.csv"

SOURCE = Source(
    source_id="inegi-state-exports",
    publisher="Instituto Nacional de Estadística y Geografía (INEGI)",
    title="Exportaciones por entidad federativa (EAEF): exportaciones por subsector SCIAN, "
    "2007-2018 (miles de dólares)",
    url="https://www.inegi.org.mx/temas/exportacionesef/",
    as_of=date(2018, 12, 31),
    license="INEGI open data (Términos de libre uso de la información del INEGI)",
    notes=(
        "Exports to all destinations, oil excluded; published in thousands of US$, stored in "
        "US$. Tidied by github.com/teoten108/INEGI-export (commit a10efd3, no license file; "
        "figures are INEGI's). Code 'total' = Exportaciones totales, 'unspecified' = "
        "Subsectores no especificados."
    ),
)

_ISO_BY_KEY = {**{name_key(k): v for k, v in STATE_ISO.items()}, **ALIASES}


def load_file(path: Path) -> list[Batch]:
    """Read ``exportations_activity_rows.csv`` -> one ``state_exports_subsector`` Batch."""
    path = Path(path)
    table = read_table(path, fallback_encoding="cp1252")
    require_columns(table, REQUIRED)
    f, df = table.file, table.frame()
    place = df["state"].map(name_key).map(_ISO_BY_KEY)
    row = first_bad(df, place.isna())
    if row is not None:
        raise LoadError(f, f"unknown Mexican state name {row['state']!r}",
                        line=int(row["_line"]), column="state")  # fmt: skip
    code = df["Código"].str.strip()
    uncoded = code.str.upper().isin(["NA", ""])
    named = df["Descripción"].map(name_key).map(UNCODED)
    row = first_bad(df, uncoded & named.isna())
    if row is not None:
        raise LoadError(f, f"row without a SCIAN code is neither a total nor unspecified: "
                        f"{row['Descripción']!r}", line=int(row["_line"]), column="Código")  # fmt: skip
    row = first_bad(df, ~uncoded & ~code.str.fullmatch(r"[1-9]\d\d"))
    if row is not None:
        raise LoadError(f, f"not a 3-digit SCIAN subsector: {row['Código']!r}",
                        line=int(row["_line"]), column="Código")  # fmt: skip
    frame = pd.DataFrame(
        {"place_id": place, "year": parse_ints(f, df, "year", 1990, date.today().year, "year"),
         "scian_code": code.where(~uncoded, named),
         "value_usd": parse_numbers(f, df, "USD", allow_negative=False) * 1000}
    )  # fmt: skip
    row = first_bad(df, frame.duplicated(KEY))
    if row is not None:
        raise LoadError(f, f"a second row for {row['state']} {row['year']} {row['Descripción']!r}",
                        line=int(row["_line"]), column="Código")  # fmt: skip
    frame = frame.sort_values(KEY, ignore_index=True)
    source = Source(**{**SOURCE.__dict__, "file_name": path.name})
    return [Batch(source, "state_exports_subsector", frame[COLUMNS], key=list(KEY),
                  rows_read=len(df))]  # fmt: skip


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``data/state_exports_subsector.csv`` (whole dollars, sorted)."""
    (batch,) = load_file(Path(shared_dir) / SHARED_FILE)
    frame = batch.frame.copy()
    frame["value_usd"] = frame["value_usd"].round(0).astype("int64")
    path = Path(out_dir) / SNAPSHOT_FILE
    frame.to_csv(path, index=False, lineterminator="\n")
    return [path]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/state_exports_subsector.csv`` -> one Batch."""
    from ingest.readers import check_codes

    table = read_table(Path(data_dir) / SNAPSHOT_FILE)
    require_columns(table, COLUMNS)
    f, df = table.file, table.frame()
    check_codes(f, df, "place_id", set(STATE_ISO.values()), "Mexican state (ISO)")
    frame = pd.DataFrame(
        {"place_id": df["place_id"], "year": parse_ints(f, df, "year", 1990, 2100, "year"),
         "scian_code": df["scian_code"], "value_usd": parse_numbers(f, df, "value_usd")}
    )  # fmt: skip
    source = Source(**{**SOURCE.__dict__, "file_name": SNAPSHOT_FILE})
    return [Batch(source, "state_exports_subsector", frame, key=list(KEY), rows_read=len(frame))]
