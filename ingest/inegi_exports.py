"""Exports of each Mexican state by SCIAN subsector, annual 2007-2018 (INEGI, EAEF).

``exportations_activity_rows.csv`` (tidied by teoten108/INEGI-export from INEGI's
``EAEF_Entidad_Subsector.xlsx``): ``Código, Descripción, state, year, USD`` with USD in
THOUSANDS of dollars, to all destinations, oil excluded. Two rows carry ``NA`` for
a code: the state's total ('Exportaciones totales' -> ``total``) and exports INEGI
could not assign to a subsector ('Subsectores no especificados' -> ``unspecified``).
-> ``state_exports_subsector`` in US dollars.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.fdi import ISO_BY_NAME_KEY, check_state_ids, name_key
from ingest.model import Batch, Source
from ingest.readers import parse_ints, parse_numbers, read_frame, refuse_where

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

_ISO_BY_KEY = {**ISO_BY_NAME_KEY, **ALIASES}


def load_file(path: Path) -> list[Batch]:
    """Read ``exportations_activity_rows.csv`` -> one ``state_exports_subsector`` Batch."""
    f, df = read_frame(path, REQUIRED, fallback_encoding="cp1252")
    place = df["state"].map(name_key).map(_ISO_BY_KEY)
    refuse_where(f, df, place.isna(), "state",
                 lambda r: f"unknown Mexican state name {r['state']!r}")  # fmt: skip
    code = df["Código"].str.strip()
    uncoded = code.str.upper().isin(["NA", ""])
    named = df["Descripción"].map(name_key).map(UNCODED)
    refuse_where(f, df, uncoded & named.isna(), "Código",
                 lambda r: "row without a SCIAN code is neither a total nor unspecified: "
                 f"{r['Descripción']!r}")  # fmt: skip
    refuse_where(f, df, ~uncoded & ~code.str.fullmatch(r"[1-9]\d\d"), "Código",
                 lambda r: f"not a 3-digit SCIAN subsector: {r['Código']!r}")  # fmt: skip
    frame = pd.DataFrame(
        {"place_id": place, "year": parse_ints(f, df, "year", 1990, date.today().year, "year"),
         "scian_code": code.where(~uncoded, named),
         "value_usd": parse_numbers(f, df, "USD", allow_negative=False) * 1000}
    )  # fmt: skip
    refuse_where(f, df, frame.duplicated(KEY), "Código",
                 lambda r: f"a second row for {r['state']} {r['year']} {r['Descripción']!r}")  # fmt: skip
    frame = frame.sort_values(KEY, ignore_index=True)
    return [Batch(replace(SOURCE, file_name=f.name), "state_exports_subsector", frame[COLUMNS],
                  key=list(KEY), rows_read=len(df))]  # fmt: skip


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
    f, df = read_frame(Path(data_dir) / SNAPSHOT_FILE, COLUMNS)
    check_state_ids(f, df)
    frame = pd.DataFrame(
        {"place_id": df["place_id"], "year": parse_ints(f, df, "year", 1990, 2100, "year"),
         "scian_code": df["scian_code"], "value_usd": parse_numbers(f, df, "value_usd")}
    )  # fmt: skip
    return [Batch(replace(SOURCE, file_name=SNAPSHOT_FILE), "state_exports_subsector", frame,
                  key=list(KEY), rows_read=len(frame))]  # fmt: skip
