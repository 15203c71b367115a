"""TransBorder trade by HS chapter: the committed ``data/trade_hs2.csv`` and how it loads.

The raw monthly DOT2 (U.S. state x HS chapter) and DOT3 (port x HS chapter) files
in ../shared/data are too big to commit (3 MB for one month of DOT2).
``write_snapshot`` reads them with the validating loader
(``ingest.transborder.load_file``) and sums them to one row per table type x year x
month x U.S. state x partner country x HS chapter, the two flows side by side.
``reference_batches`` turns that table back into ``trade`` rows, so a store built
from ``data/`` can filter trade by sector.

Summed away: the transport mode and the Canadian province / Mexican state (DOT2),
the port (DOT3). The stored rows therefore have ``mode``, ``partner_place_id`` and
``port_code`` NULL. Loading a raw file later (``python -m ingest load transborder``)
adds that detail for its month; ``components.query`` then reads the loaded rows for
that month instead of these, so the month is never counted twice.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ingest import transborder
from ingest import transborder_codes as codes
from ingest.model import Batch, LoadError, Source
from ingest.readers import (
    check_codes,
    first_bad,
    parse_ints,
    parse_numbers,
    read_table,
    require_columns,
)

SNAPSHOT_FILE = "trade_hs2.csv"
TABLE_TYPES = ("DOT2", "DOT3")
#: What one summary row is about; DOT3 rows have no U.S. state (empty cell, NULL in store).
SUMMARY_KEY = ["table_type", "year", "month", "us_state", "partner_country", "hs2"]
FLOWS = ("export", "import")
SNAPSHOT_COLUMNS = [
    *SUMMARY_KEY,
    "export_usd",
    "import_usd",
    "export_kg",
    "import_kg",
]


@dataclass(frozen=True)
class RawMonth:
    """One month of raw files we summarise, and which copy of BTS's release they are."""

    folder: str  # under ../shared/data
    files: tuple[str, ...]  # only DOT2/DOT3 layouts (checked from the header, not the name)
    as_of: date  # date of the copy (PROVENANCE.md): BTS had published the month by then
    copy: str  # where the copy came from, for the sources notes


_RAW_2015 = "transborder_freight_raw_2015_01"
_SAMPLE = "transborder_freight_port_commodity_2020_2022_sample"
_TUANHT = "repository tuanht/north-american-transborder-freight, commit 2823cffd (2015-04-14)"
_TAPJI = "repository tapji/data, commit 8a28d3b8 (2024-05-21)"
#: (year, month) -> its raw files. The 2020-2022 samples are all DOT3 whatever their
#: names say. dot1_0115.csv (state x port) has no HS chapter and is not summarised.
RAW_MONTHS = {
    (2015, 1): RawMonth(_RAW_2015, ("dot2_0115.csv", "dot3_0115.csv"), date(2015, 4, 14), _TUANHT),
    (2020, 1): RawMonth(_SAMPLE, ("dot1_0120.csv",), date(2024, 5, 21), _TAPJI),
    (2021, 1): RawMonth(_SAMPLE, ("dot2_0121.csv",), date(2024, 5, 21), _TAPJI),
    (2022, 1): RawMonth(_SAMPLE, ("dot3_0122.csv",), date(2024, 5, 21), _TAPJI),
}


# --------------------------------------------------------------------- summary
def summarise(trade: pd.DataFrame) -> pd.DataFrame:
    """Loader ``trade`` rows -> one row per SUMMARY_KEY x flow: value_usd, weight_kg.

    The weight is summed only where every summed row records one: BTS records no
    weight for exports by land, and a partial sum would pass for the whole.
    """
    rows = trade[trade["hs2"].notna()]
    groups = rows.groupby([*SUMMARY_KEY, "flow"], dropna=False, sort=True)
    out = groups.agg(
        value_usd=("value_usd", "sum"),
        weight_kg=("weight_kg", "sum"),
        weighed=("weight_kg", "count"),
        rows=("value_usd", "size"),
    )
    out["weight_kg"] = out["weight_kg"].where(out["weighed"] == out["rows"])
    return out[["value_usd", "weight_kg"]].reset_index()


def read_raw_months(shared_dir: Path) -> pd.DataFrame:
    """Load every file of RAW_MONTHS with the TransBorder loader -> summarised rows.

    Refuses a file whose layout has no HS chapter or whose rows are not the month
    it is listed under (the sample files' names lie about their layout).
    """
    parts = []
    for (year, month), raw in RAW_MONTHS.items():
        for name in raw.files:
            path = Path(shared_dir) / raw.folder / name
            (batch,) = transborder.load_file(path)
            frame = batch.frame
            kinds = set(frame["table_type"])
            if not kinds <= set(TABLE_TYPES):
                raise LoadError(path, f"{'/'.join(sorted(kinds))} has no HS chapter to summarise")
            periods = set(zip(frame["year"], frame["month"], strict=True))
            if periods != {(year, month)}:
                raise LoadError(
                    path, f"rows are for {sorted(periods)}, listed as {year}-{month:02d}"
                )
            parts.append(summarise(frame))
    return pd.concat(parts, ignore_index=True)


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``data/trade_hs2.csv`` from the raw files in ``shared_dir``.

    Out: the path written. Rows sorted, whole dollars and kilograms, flows side by
    side, empty cell = no row for that flow (or no complete weight): byte-identical reruns.
    """
    long = read_raw_months(Path(shared_dir)).fillna({"us_state": ""})
    wide = long.set_index([*SUMMARY_KEY, "flow"])[["value_usd", "weight_kg"]].unstack("flow")
    wide = wide.reindex(columns=pd.MultiIndex.from_product([["value_usd", "weight_kg"], FLOWS]))
    wide.columns = [f"{flow}_{'usd' if v == 'value_usd' else 'kg'}" for v, flow in wide.columns]
    for column in wide.columns:
        wide[column] = wide[column].round(0).astype("Int64")
    wide = wide.reset_index().sort_values(SUMMARY_KEY)
    return [transborder.write_csv(wide[SNAPSHOT_COLUMNS], Path(out_dir) / SNAPSHOT_FILE)]


# --------------------------------------------------------------------- store
def month_source(table_type: str, year: int, month: int) -> Source:
    """The ``sources`` row of one summarised raw table (one table type, one month)."""
    raw = RAW_MONTHS[(year, month)]
    when = f"{calendar.month_name[month]} {year}"
    what = {"DOT2": "U.S. state x HS chapter", "DOT3": "port x HS chapter"}[table_type]
    summed = {
        "DOT2": "modes and Canadian provinces / Mexican states",
        "DOT3": "ports and modes (DOT3 has no U.S. state)",
    }[table_type]
    return Source(
        source_id=f"transborder-hs2-{table_type.lower()}-{year}-{month:02d}",
        publisher=transborder.BTS,
        title=f"North American TransBorder Freight Data, raw {table_type} table ({what}), {when}",
        url=transborder.RAW_URL,
        as_of=raw.as_of,
        license=transborder.PUBLIC_DOMAIN,
        notes=(
            f"{when} only: one month, not an annual total. Summed over {summed} by "
            f"Borderlinks from the raw file ({raw.copy}); weight only where every summed row "
            "records one (BTS records none for exports by land). Loading the raw file with "
            "'python -m ingest load transborder' adds that detail; the dashboard then reads "
            "the loaded rows for that month."
        ),
        file_name=SNAPSHOT_FILE,
    )


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/trade_hs2.csv`` -> one ``trade`` Batch per table and month."""
    table = read_table(Path(data_dir) / SNAPSHOT_FILE)
    require_columns(table, SNAPSHOT_COLUMNS)
    f, df = table.file, table.frame()
    check_codes(f, df, "table_type", TABLE_TYPES, "table type")
    check_codes(f, df, "partner_country", transborder.COUNTRY_BY_NAME.values(), "country")
    check_codes(f, df, "hs2", codes.read_hs_chapters(transborder.DATA_DIR / "codes"), "HS chapter")
    states = {codes.us_state_iso(c) for c in [*codes.US_STATE_CODES, "DU"]}
    check_codes(f, df, "us_state", states, "U.S. state", allow_blank=True)
    # DOT2 is by U.S. state, DOT3 by port: a state on a DOT3 row would be invented.
    row = first_bad(df, (df["us_state"] == "") != (df["table_type"] == "DOT3"))
    if row is not None:
        raise LoadError(
            f, "DOT2 rows need a U.S. state, DOT3 rows have none", int(row["_line"]), "us_state"
        )
    year = parse_ints(f, df, "year", 1993, date.today().year, "year")
    month = parse_ints(f, df, "month", 1, 12, "month")
    row = first_bad(df, ~pd.Series(list(zip(year, month, strict=True))).isin(set(RAW_MONTHS)))
    if row is not None:
        raise LoadError(f, "month has no provenance in RAW_MONTHS", int(row["_line"]), "month")
    base = pd.DataFrame(
        {
            "table_type": df["table_type"],
            "year": year,
            "month": month,
            "us_state": df["us_state"].replace("", None),
            "partner_country": df["partner_country"],
            "partner_place_id": None,
            "port_code": None,
            "mode": None,
            "hs2": df["hs2"],
        }
    )
    parts = []
    for flow in FLOWS:
        value = parse_numbers(f, df, f"{flow}_usd", allow_blank=True)
        weight = parse_numbers(f, df, f"{flow}_kg", allow_blank=True)
        part = base.assign(flow=flow, value_usd=value, weight_kg=weight)
        parts.append(part[value.notna()])
    rows = pd.concat(parts, ignore_index=True)[[*transborder.TRADE_KEY, "value_usd", "weight_kg"]]
    return [
        Batch(
            month_source(table_type, int(y), int(m)),
            "trade",
            part.reset_index(drop=True),
            key=[],
            rows_read=len(part),
        )
        for (table_type, y, m), part in rows.groupby(["table_type", "year", "month"], sort=True)
    ]
