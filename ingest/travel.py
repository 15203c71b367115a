"""Statistics Canada cross-border travel by province (transcribed published tables).

Two layouts, recognised by header:

- long: ``statcan_table,period,travellers,country,mode,province,trips`` (one
  StatCan table per value of ``statcan_table``; trips empty = not applicable);
- the August autos table: ``province,aug_2019_thousands,aug_2020_thousands``.

Empty cells mean "not applicable" (no road crossing) and become NULL, never 0.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.model import Batch, LoadError, Source
from ingest.readers import (
    Table,
    check_codes,
    first_bad,
    parse_numbers,
    read_table,
    require_columns,
)
from ingest.transborder_codes import PROVINCE_NAME_ISO

SHARED_DIR = "statcan_cross_border_travel_by_province"
SNAPSHOT_FILE = "travel.csv"
COLUMNS = [
    "place_id",
    "period_start",
    "period_end",
    "travellers",
    "country",
    "mode",
    "trips",
    "unit",
]
KEY = ["place_id", "period_start", "period_end", "travellers", "country", "mode"]
LONG_COLUMNS = ["statcan_table", "period", "travellers", "country", "mode", "province", "trips"]
AUTOS_COLUMNS = ["province", "aug_2019_thousands", "aug_2020_thousands"]
MODES = {"All modes", "Automobile", "Non-automobile"}
PLACE_BY_NAME = {**PROVINCE_NAME_ISO, "Canada": "CA"}

STATCAN = "Statistics Canada"
LICENCE = "Statistics Canada Open Licence (attribution: Source: Statistics Canada)"

#: statcan_table value -> Source. Titles and URLs as in the dataset's PROVENANCE.md.
SOURCES = {
    "66-001-P 2020002 Table 3": Source(
        source_id="statcan-66-001-p-2020002-t3",
        publisher=STATCAN,
        title="International Travel: Advance Information (66-001-P, issue 2020002), Table 3: "
        "Trips of one or more nights by non-residents to Canada, by province of entry, "
        "year to date",
        url="https://www150.statcan.gc.ca/n1/pub/66-001-p/2020002/tbl/tbl-3-eng.htm",
        as_of=date(2020, 2, 29),
        license=LICENCE,
        notes="Data from CBSA entry records. 'country' = travellers' country of residence.",
    ),
    "66-001-P 2019009 Table 5": Source(
        source_id="statcan-66-001-p-2019009-t5",
        publisher=STATCAN,
        title="International Travel: Advance Information (66-001-P, issue 2019009), Table 5: "
        "Trips of one or more nights by residents returning to Canada, by province of "
        "re-entry, current month",
        url="https://www150.statcan.gc.ca/n1/pub/66-001-p/2019009/tbl/tbl-5-eng.htm",
        as_of=date(2019, 9, 30),
        license=LICENCE,
        notes="Data from CBSA entry records. 'country' = country visited.",
    ),
    "The Daily 2020-09-11 Table 1": Source(
        source_id="statcan-daily-200911-t1",
        publisher=STATCAN,
        title="The Daily (released 2020-09-11), Table 1: United States residents entering Canada "
        "in US-licensed automobiles",
        url="https://www150.statcan.gc.ca/n1/daily-quotidien/200911/t001c-eng.htm",
        as_of=date(2020, 8, 31),
        license=LICENCE,
        notes=(
            "Published in thousands of travellers with one decimal; stored as travellers "
            "(x 1,000, unit 'travellers'). Counts Canada-U.S. land/ferry crossings by "
            "automobile (CBSA Integrated Primary Inspection Line)."
        ),
    ),
}
AUTOS_TABLE = "The Daily 2020-09-11 Table 1"
SOURCE_BY_ID = {s.source_id: s for s in SOURCES.values()}


def month_span(text: str) -> tuple[date, date] | None:
    """'2019-01/2019-02' -> (2019-01-01, 2019-02-28); '2018-09' -> whole month; else None."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:/(\d{4})-(\d{2}))?", text.strip())
    if not m:
        return None
    y1, m1 = int(m[1]), int(m[2])
    y2, m2 = (int(m[3]), int(m[4])) if m[3] else (y1, m1)
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
        return None
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


def load_file(path: Path) -> list[Batch]:
    """Read one StatCan travel file (plain or gzip) -> ``travel`` Batches (one per table)."""
    path = Path(path)
    table = read_table(path)
    have = set(table.header)
    if have >= set(AUTOS_COLUMNS) or (
        "province" in have and "statcan_table" not in have and len(have & set(AUTOS_COLUMNS)) > 1
    ):
        return [autos_batch(table)]
    if len(have & set(LONG_COLUMNS)) <= len(LONG_COLUMNS) // 2:
        raise LoadError(
            path,
            "not a Statistics Canada travel table; header is " + ",".join(table.header)[:150],
            line=1,
        )
    return long_batches(table)


def travellers_label(text: str) -> str:
    """'non-residents entering Canada (country = ...)' -> 'Non-residents entering Canada'.

    The parenthesis only explains what 'country' means; that goes to the source notes.
    """
    label = text.split(" (", 1)[0].strip()
    return label[:1].upper() + label[1:]


def places(table: Table, df: pd.DataFrame) -> pd.Series:
    """Province names -> ISO ids ('Canada' -> 'CA'); refuse unknown names."""
    check_codes(table.file, df, "province", PLACE_BY_NAME, "province name")
    return df["province"].str.strip().map(PLACE_BY_NAME)


def long_batches(table: Table) -> list[Batch]:
    """Long-format table -> one Batch per ``statcan_table`` value."""
    require_columns(table, LONG_COLUMNS)
    f, df = table.file, table.frame()
    check_codes(f, df, "statcan_table", SOURCES, "Statistics Canada table")
    check_codes(f, df, "mode", MODES, "mode")
    spans = df["period"].map(month_span)
    row = first_bad(df, spans.isna())
    if row is not None:
        raise LoadError(
            f,
            f"period {row['period']!r} is not YYYY-MM or YYYY-MM/YYYY-MM",
            line=int(row["_line"]),
            column="period",
        )
    for column in ("travellers", "country"):
        row = first_bad(df, df[column].str.strip() == "")
        if row is not None:
            raise LoadError(f, "empty value", line=int(row["_line"]), column=column)
    trips = parse_numbers(f, df, "trips", allow_blank=True)
    row = first_bad(df, trips.notna() & (trips % 1 != 0))
    if row is not None:
        raise LoadError(
            f, f"trips must be whole: {row['trips']!r}", line=int(row["_line"]), column="trips"
        )
    frame = pd.DataFrame(
        {
            "place_id": places(table, df),
            "period_start": spans.map(lambda s: s[0]),
            "period_end": spans.map(lambda s: s[1]),
            "travellers": df["travellers"].map(travellers_label),
            "country": df["country"].str.strip(),
            "mode": df["mode"].str.strip(),
            "trips": trips.astype("Int64"),
            "unit": "trips",
        }
    )
    refuse_duplicates(table, df, frame)
    batches = []
    for name, part in frame.groupby(df["statcan_table"].str.strip(), sort=True):
        source = Source(**{**SOURCES[name].__dict__, "file_name": f.name})
        batches.append(
            Batch(source, "travel", part.reset_index(drop=True), key=list(KEY), rows_read=len(part))
        )
    return batches


def autos_batch(table: Table) -> Batch:
    """August US-licensed autos table (thousands) -> one Batch, trips in travellers."""
    require_columns(table, AUTOS_COLUMNS)
    f, df = table.file, table.frame()
    place = places(table, df)
    parts = []
    for column, year in (("aug_2019_thousands", 2019), ("aug_2020_thousands", 2020)):
        thousands = parse_numbers(f, df, column, allow_blank=True)
        parts.append(
            pd.DataFrame(
                {
                    "place_id": place,
                    "period_start": date(year, 8, 1),
                    "period_end": date(year, 8, 31),
                    "travellers": "US residents entering Canada in US-licensed automobiles",
                    "country": "United States",
                    "mode": "Automobile",
                    # round() first: 2049.7 * 1000 is 2049699.9999... in binary floats.
                    "trips": (thousands * 1000).round(0).astype("Int64"),
                    "unit": "travellers",
                    "_line": df["_line"],
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    refuse_duplicates(table, frame, frame)
    source = Source(**{**SOURCES[AUTOS_TABLE].__dict__, "file_name": f.name})
    return Batch(source, "travel", frame[COLUMNS], key=list(KEY), rows_read=len(df))


def refuse_duplicates(table: Table, df: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Refuse two rows with the same key (a province listed twice, say)."""
    dup = frame.duplicated(KEY)
    row = first_bad(df, dup)
    if row is not None:
        raise LoadError(table.file, "duplicate row for the same key", line=int(row["_line"]))


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``data/travel.csv`` (all three files, sorted, with source_id)."""
    folder = Path(shared_dir) / SHARED_DIR
    frames = []
    for path in sorted(folder.glob("*.csv")):
        for batch in load_file(path):
            frames.append(batch.frame.assign(source_id=batch.source.source_id))
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.sort_values(["source_id", *KEY], ignore_index=True)
    out = Path(out_dir) / SNAPSHOT_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    frame[[*COLUMNS, "source_id"]].to_csv(out, index=False, lineterminator="\n")
    return [out]


def reference_batches(data_dir: Path) -> list[Batch]:
    """Read the committed ``data/travel.csv`` -> one Batch per source."""
    table = read_table(Path(data_dir) / SNAPSHOT_FILE)
    require_columns(table, [*COLUMNS, "source_id"])
    f, df = table.file, table.frame()
    check_codes(f, df, "source_id", SOURCE_BY_ID, "source id")
    check_codes(f, df, "place_id", set(PLACE_BY_NAME.values()), "place id")
    check_codes(f, df, "mode", MODES, "mode")
    for column in ("period_start", "period_end"):
        ok = df[column].str.fullmatch(r"\d{4}-\d{2}-\d{2}")
        row = first_bad(df, ~ok)
        if row is not None:
            raise LoadError(f, "not a date", line=int(row["_line"]), column=column)
    frame = pd.DataFrame(
        {
            "place_id": df["place_id"],
            "period_start": df["period_start"].map(date.fromisoformat),
            "period_end": df["period_end"].map(date.fromisoformat),
            "travellers": df["travellers"],
            "country": df["country"],
            "mode": df["mode"],
            "trips": parse_numbers(f, df, "trips", allow_blank=True).astype("Int64"),
            "unit": df["unit"],
        }
    )
    batches = []
    for source_id, part in frame.groupby(df["source_id"], sort=True):
        source = Source(**{**SOURCE_BY_ID[source_id].__dict__, "file_name": SNAPSHOT_FILE})
        batches.append(
            Batch(source, "travel", part.reset_index(drop=True), key=list(KEY), rows_read=len(part))
        )
    return batches
