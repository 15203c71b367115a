"""BTS Border Crossing Entry Data (source id ``bts-crossings``): loader and snapshot.

``load_file(path) -> list[Batch]`` reads any published layout of the BTS table
(header or headerless, 7/8/10 columns, any of the known date formats, full or
2-letter state names, unpadded port codes, old ``... Full`` measure names,
plain or gzip) and returns one ``crossings`` batch keyed on
(port_code, month, measure). Parsing and validation run inside DuckDB
(set-based, one pass over the file) because a pandas row loop is ~20x slower.

The loader never touches ``ports``: the port gazetteer comes from the committed
``data/ports.csv`` (``ingest.ports``), and first/last month for a port is
computed from ``crossings`` by the dashboard. So a small file cannot shrink a
port's date range.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
import zlib
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from ingest.model import Batch, LoadError, Source

SOURCE_ID = "bts-crossings"
PUBLISHER = "U.S. DOT Bureau of Transportation Statistics"
TITLE = "Border Crossing Entry Data"
URL = "https://data.bts.gov/Research-and-Statistics/Border-Crossing-Entry-Data/keg4-3bc2"
LICENSE = "Public domain (U.S. federal government work)"

MAX_TEXT = 200  # longest accepted text field; real names are <= 42 chars
FIRST_YEAR = 1990  # the table starts in 1996; anything before 1990 is a typo

MEASURES = (
    "Bus Passengers",
    "Buses",
    "Pedestrians",
    "Personal Vehicle Passengers",
    "Personal Vehicles",
    "Rail Containers Empty",
    "Rail Containers Loaded",
    "Train Passengers",
    "Trains",
    "Truck Containers Empty",
    "Truck Containers Loaded",
    "Trucks",
)
# Older vintages (before ~2020) name loaded containers "Full".
OLD_MEASURES = {
    "Rail Containers Full": "Rail Containers Loaded",
    "Truck Containers Full": "Truck Containers Loaded",
}

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip

BORDERS = {
    "US-Canada Border": "US-Canada",
    "US-Mexico Border": "US-Mexico",
    "US-Canada": "US-Canada",
    "US-Mexico": "US-Mexico",
}

# Date layouts seen across vintages, tried in order by DuckDB's try_strptime.
DATE_FORMATS = (
    "%b %Y",  # Jan 2024 (2022+ vintages)
    "%m/%d/%Y %I:%M:%S %p",  # 03/01/2019 12:00:00 AM (2019-2020 vintages)
    "%Y-%m-%d",  # 2020-01-01
    "%Y-%m-%dT%H:%M:%S.%g",  # 2024-01-01T00:00:00.000 (Socrata API)
    "%m/%d/%y %H:%M",  # 2/1/20 0:00 (spreadsheet re-saves)
    "%m/%d/%Y",
)

# Canonical column -> accepted header spellings (compared lower-case, '_' = ' ').
REQUIRED = ("port name", "state", "port code", "border", "date", "measure", "value")
OPTIONAL = ("latitude", "longitude", "point", "location")
DISPLAY = {
    "port name": "Port Name",
    "state": "State",
    "port code": "Port Code",
    "border": "Border",
    "date": "Date",
    "measure": "Measure",
    "value": "Value",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "point": "Point",
    "location": "Location",
}
HEADERLESS = {
    7: REQUIRED,
    8: (*REQUIRED, "location"),
    10: (*REQUIRED, "latitude", "longitude", "point"),
}

# One documented within-file conflict in the official table (2019+ vintages):
# Sasabe (2606), Feb 2021, Bus Passengers is published twice, as 0 and 2175.
# We keep 0: Sasabe published 0 buses and 0 bus passengers every month 1996-2016
# and no bus rows at all after mid-2016; in Feb 2021 there is no Buses row (2175
# passengers with no bus is impossible), and 2175 would be 59% of that month's
# 3,659 personal-vehicle passengers, more than Lukeville or Douglas carried by bus.
KNOWN_CONFLICTS = {
    ("2606", date(2021, 2, 1), "Bus Passengers"): (
        0,
        "Sasabe reported 0 bus passengers 1996-2016 and no bus rows since; Feb 2021 "
        "has no Buses row, so 2175 passengers without a bus is taken as mis-keyed",
    ),
}


def source(as_of: date | None, file_name: str | None = None, notes: str | None = None) -> Source:
    """The ``sources`` row for BTS crossings, as of the vintage's last month."""
    return Source(
        source_id=SOURCE_ID,
        publisher=PUBLISHER,
        title=TITLE,
        url=URL,
        as_of=as_of,
        license=LICENSE,
        notes=notes
        or (
            "Monthly inbound crossings per port and measure as published; port codes "
            "zero-padded to 4; 'Containers Full' renamed 'Containers Loaded'; exact "
            "duplicate rows dropped; conflicting keys resolved as documented in "
            "data/README.md."
        ),
        file_name=file_name,
    )


# ---------------------------------------------------------------- file sniffing


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _head_bytes(path: Path, gz: bool, size: int = 65536) -> bytes:
    """First ``size`` bytes of the (decompressed) file; LoadError if unreadable."""
    try:
        if gz:
            with gzip.open(path, "rb") as fh:
                return fh.read(size)
        with open(path, "rb") as fh:
            return fh.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise LoadError(path, f"cannot read file: {exc}", line=1) from None


def _first_line(path: Path, head: bytes) -> list[str]:
    """Fields of the first line; refuses empty, binary and non-UTF-8 files."""
    if not head.strip():
        raise LoadError(path, "empty file (no header and no rows)", line=1)
    if b"\x00" in head:
        raise LoadError(path, "binary data, not a CSV text file", line=1)
    line = head.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LoadError(path, "not UTF-8 text (garbled or binary file)", line=1) from None
    return next(csv.reader(io.StringIO(text)), [])


def _norm(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name.strip().lower())


def _looks_like(fields: list[str]) -> str:
    """A short human description of a table that is not BTS crossings."""
    upper = {f.strip().upper() for f in fields}
    if "TRDTYPE" in upper or {"DEPE", "DISAGMOT"} & upper:
        return "it looks like a BTS TransBorder freight file (TRDTYPE/DEPE/DISAGMOT columns)"
    shown = ",".join(fields[:5])[:80]
    return f"first line has {len(fields)} fields starting '{shown}'"


def _is_data_row(fields: list[str]) -> bool:
    known = set(MEASURES) | set(OLD_MEASURES)
    return len(fields) in HEADERLESS and fields[2].strip().isdigit() and fields[5].strip() in known


def detect_layout(path: Path, fields: list[str]) -> tuple[bool, list[str]]:
    """(has_header, canonical column names in file order); LoadError if not BTS crossings."""
    names = [_norm(f) for f in fields]
    if "measure" in names or "port code" in names or "port name" in names:
        missing = [c for c in REQUIRED if c not in names]
        if missing:
            raise LoadError(path, "missing column in header", line=1, column=DISPLAY[missing[0]])
        return True, [
            n if n in REQUIRED or n in OPTIONAL else f"extra {i}" for i, n in enumerate(names)
        ]
    if _is_data_row(fields):
        return False, list(HEADERLESS[len(fields)])
    raise LoadError(
        path,
        f"not BTS Border Crossing Entry Data: {_looks_like(fields)}",
        line=1,
    )


# ---------------------------------------------------------------- parsing in DuckDB


_CSV_ERROR = re.compile(r"CSV Error on Line: (\d+)")
_FOUND = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _csv_error(path: Path, exc: Exception, columns: list[str]) -> LoadError:
    """Turn a DuckDB CSV reader error into a one-line LoadError."""
    msg = str(exc)
    m = _CSV_ERROR.search(msg)
    line = int(m.group(1)) if m else None
    if "Unexpected end of GZIP" in msg or "GZIP" in msg.upper() and "error" in msg.lower():
        return LoadError(path, "truncated or corrupt gzip stream", line=line)
    found = _FOUND.search(msg)
    if found:
        want, got = int(found.group(1)), int(found.group(2))
        col = DISPLAY.get(columns[got], columns[got]) if got < want else f"(field {want + 1})"
        return LoadError(path, f"row has {got} fields, expected {want}", line=line, column=col)
    if "unicode" in msg.lower() or "utf-8" in msg.lower():
        return LoadError(path, "not UTF-8 text (garbled or binary data)", line=line)
    if "quote" in msg.lower():
        return LoadError(path, "unterminated or misplaced quote", line=line)
    first = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
    return LoadError(path, f"unreadable CSV: {first[:160]}", line=line)


def _col(columns: list[str], name: str) -> str:
    return f"c{columns.index(name)}" if name in columns else "NULL"


def _alias(name: str) -> str:
    return "f_" + name.replace(" ", "_")


def _checks(columns: list[str]) -> list[tuple[str, str, str]]:
    """(column, SQL condition TRUE for a bad row, problem), in the order they are tested.

    Conditions refer to the trimmed fields ``f_<column>`` and parsed date ``ts``
    built in ``_read``; the length checks use the untrimmed ``c<i>`` fields.
    """
    f = {n: _alias(n) for n in (*REQUIRED, *OPTIONAL)}
    measures = ", ".join(f"'{m}'" for m in (*MEASURES, *OLD_MEASURES))
    states = ", ".join(f"'{s}'" for s in (*US_STATES, *US_STATES.values()))
    borders = ", ".join(f"'{b}'" for b in BORDERS)
    out = [
        (
            name,
            f"length({_col(columns, name)}) > {MAX_TEXT}",
            f"text longer than {MAX_TEXT} characters",
        )
        for name in _present(columns)
    ]
    out += [(name, f"{f[name]} IS NULL", "empty field") for name in REQUIRED]
    out += [
        ("port code", f"NOT regexp_full_match({f['port code']}, '[0-9]{{1,4}}')",
         "port code must be 1-4 digits"),
        ("state", f"{f['state']} NOT IN ({states})", "unknown U.S. state"),
        ("border", f"{f['border']} NOT IN ({borders})",
         "border must be 'US-Canada Border' or 'US-Mexico Border'"),
        ("date", "ts IS NULL", "unreadable or impossible date"),
        ("date", f"year(ts) < {FIRST_YEAR} OR ts > current_date", "date before 1990 or in the future"),
        ("measure", f"{f['measure']} NOT IN ({measures})", "unknown measure"),
        ("value", f"regexp_full_match({f['value']}, '-[0-9]+')", "negative value"),
        ("value", f"NOT regexp_full_match({f['value']}, '[0-9]{{1,15}}')", "value is not a whole number"),
    ]  # fmt: skip
    for name in ("latitude", "longitude"):
        if name in columns:
            out.append(
                (name, f"{f[name]} IS NOT NULL AND TRY_CAST({f[name]} AS DOUBLE) IS NULL", "not a number")
            )  # fmt: skip
    return out


def _present(columns: list[str]) -> list[str]:
    return [n for n in (*REQUIRED, *OPTIONAL) if n in columns]


def _read(con, path: Path, gz: bool, header: bool, columns: list[str]) -> None:
    """Parse, normalise and check every row in one DuckDB pass into table ``rows``.

    ``problem`` holds the index of the first failed check (NULL = good row);
    rowid keeps file order, so the first bad line is min(rowid) where problem is set.
    """
    cols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(columns)))
    fmts = ", ".join(f"'{f}'" for f in DATE_FORMATS)
    renames = " ".join(f"WHEN '{old}' THEN '{new}'" for old, new in OLD_MEASURES.items())
    checks = _checks(columns)
    n_len = len(_present(columns))
    n_empty = n_len + len(REQUIRED)
    # Length and emptiness checks hide behind one test each, so good rows pay little.
    longest = ", ".join(f"length({_col(columns, n)})" for n in _present(columns))
    by_length = " ".join(f"WHEN {cond} THEN {i}" for i, (_, cond, _) in enumerate(checks[:n_len]))
    any_empty = " OR ".join(cond for _, cond, _ in checks[n_len:n_empty])
    by_empty = " ".join(
        f"WHEN {cond} THEN {i}" for i, (_, cond, _) in enumerate(checks[n_len:n_empty], start=n_len)
    )
    rest = " ".join(
        f"WHEN coalesce({cond}, true) THEN {i}"
        for i, (_, cond, _) in enumerate(checks[n_empty:], start=n_empty)
    )
    # Blank fields become NULL, so "empty" is one IS NULL test.
    trimmed = ", ".join(
        f"nullif(trim({_col(columns, n)}), '') AS {_alias(n)}" for n in _present(columns)
    )
    sql = f"""
        CREATE OR REPLACE TEMP TABLE rows AS
        SELECT lpad(f_port_code, 4, '0') AS port_code,
               f_port_name AS port_name,
               date_trunc('month', ts)::DATE AS month,
               CASE f_measure {renames} ELSE f_measure END AS measure,
               TRY_CAST(f_value AS BIGINT) AS value,
               (CASE WHEN greatest({longest}) > {MAX_TEXT} THEN CASE {by_length} END
                     WHEN {any_empty} THEN CASE {by_empty} END
                     {rest} ELSE NULL END)::UTINYINT AS problem
        FROM (
            SELECT *, {trimmed}, try_strptime(trim({_col(columns, "date")}), [{fmts}]) AS ts
            FROM read_csv(?, delim=',', quote='"', escape='"', header=false,
                skip={int(header)}, auto_detect=false, strict_mode=true,
                null_padding=false, compression='{"gzip" if gz else "none"}',
                columns={{{cols}}}, all_varchar=true)
        )
    """
    try:
        con.execute(sql, [str(path)])
    except (duckdb.Error, OSError) as exc:
        raise _csv_error(path, exc, columns) from None


def _first_problem(con, path: Path, columns: list[str], header: bool) -> None:
    """Raise LoadError for the earliest bad row (by file line), if any."""
    hit = con.execute(
        "SELECT rowid, problem FROM rows WHERE problem IS NOT NULL ORDER BY rowid LIMIT 1"
    ).fetchone()
    if hit is None:
        return
    rn, i = hit
    name, _, problem = _checks(columns)[i]
    line, fields = _locate(path, rn, header)
    quiet = problem.startswith("text longer") or problem == "empty field"
    index = columns.index(name)
    shown = "" if quiet or index >= len(fields) else f" ({fields[index][:40]!r})"
    raise LoadError(path, f"{problem}{shown}", line=line, column=DISPLAY[name])


def _locate(path: Path, record: int, header: bool) -> tuple[int, list[str]]:
    """(first physical line, fields) of data record number ``record`` (0-based).

    DuckDB numbers records, not lines: blank lines are skipped and a quoted field
    may span lines. Re-reading with the csv module (error path only) gives the
    line a person sees in an editor.
    """
    opener = gzip.open if _is_gzip(path) else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            if header:
                next(reader, None)
            seen, start = -1, reader.line_num + 1
            for fields in reader:
                if fields and any(f.strip() for f in fields) or len(fields) > 1:
                    seen += 1
                    if seen == record:
                        return start, fields
                start = reader.line_num + 1
    except (OSError, EOFError, UnicodeDecodeError, zlib.error, csv.Error):
        pass
    return record + 1 + int(header), []  # fall back to "one record per line"


def _repeated_keys(con) -> tuple[list[str], list[int], int]:
    """Resolve keys that appear more than once: (notes, rowids to drop, exact duplicates).

    Exact repeats (same key and value) keep their first row. For a conflicting key
    (same key, different values) the value in ``KNOWN_CONFLICTS`` is kept, else the
    first value in file order, and a note says which and why. Repeated keys are rare
    (11 in 399,406 rows), so one aggregate finds them and Python decides on the few.
    """
    repeated = con.execute(
        """SELECT port_code, month, measure, list(value ORDER BY rowid), list(rowid ORDER BY rowid)
           FROM rows SEMI JOIN (SELECT port_code, month, measure FROM rows
                                GROUP BY ALL HAVING count(*) > 1)
                USING (port_code, month, measure)
           GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    notes, drop, exact = [], [], 0
    for port, month, measure, values, rowids in repeated:
        distinct = list(dict.fromkeys(values))  # first-seen order
        kept = distinct[0]
        if len(distinct) > 1:
            known = KNOWN_CONFLICTS.get((port, month, measure))
            if known and known[0] in distinct:
                kept, why = known
            else:
                why = "no documented rule for this key: kept the first in file order"
            notes.append(
                f"conflict: port {port} {month:%Y-%m} {measure} published as {distinct}; "
                f"kept {kept} ({why})"
            )
        keep_row = rowids[values.index(kept)]
        exact += sum(1 for v in values if v == kept) - 1
        drop += [r for r in rowids if r != keep_row]
    return notes, drop, exact


def _frame(con, drop: list[int]) -> pd.DataFrame:
    """Good rows, one per key (``drop`` rowids removed), as a pandas frame."""
    sql = "SELECT port_code, port_name, month, measure, value FROM rows"
    if drop:
        con.execute("CREATE OR REPLACE TEMP TABLE drop_rows (rid BIGINT)")
        con.executemany("INSERT INTO drop_rows VALUES (?)", [(r,) for r in drop])
        sql += " WHERE rowid NOT IN (SELECT rid FROM drop_rows)"
    # No ORDER BY: keys are unique by now, so row order carries no meaning downstream,
    # and sorting 400k rows would cost ~10% of the load.
    table = con.sql(sql).to_arrow_table()
    # Arrow -> pandas keeps strings Arrow-backed (10x faster than DuckDB's .df()).
    return table.to_pandas(date_as_object=False)


# ---------------------------------------------------------------- public API


def read_file(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """(validated rows, conflict notes) of one BTS file.

    Rows: port_code, port_name, month, measure, value; one per (port_code, month,
    measure): exact duplicates and conflicting values are dropped here. ``frame.attrs``
    carries ``rows_read``, ``duplicates_dropped`` and ``unique_on_key`` (which lets the
    store skip its own duplicate scan). Raises LoadError(file, problem, line, column)
    on the first bad input.
    """
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "no such file")
    gz = _is_gzip(path)
    fields = _first_line(path, _head_bytes(path, gz))
    header, columns = detect_layout(path, fields)
    con = duckdb.connect()
    try:
        _read(con, path, gz, header, columns)
        if con.execute("SELECT count(*) FROM rows").fetchone()[0] == 0:
            raise LoadError(path, "header but no data rows", line=2)
        _first_problem(con, path, columns, header)
        notes, drop, exact = _repeated_keys(con)
        frame = _frame(con, drop)
        frame.attrs["rows_read"] = con.execute("SELECT count(*) FROM rows").fetchone()[0]
        frame.attrs["duplicates_dropped"] = exact
        frame.attrs["unique_on_key"] = True
        return frame, notes
    finally:
        con.close()


def load_file(path: str | Path) -> list[Batch]:
    """Loader for ``python -m ingest load bts-crossings FILE``: one ``crossings`` batch."""
    path = Path(path)
    frame, notes = read_file(path)
    as_of = frame["month"].max().date()
    batch = Batch(
        source=source(as_of, file_name=path.name),
        table="crossings",
        frame=frame,
        key=["port_code", "month", "measure"],
        rows_read=frame.attrs.get("rows_read", len(frame)),
        notes=notes,
    )
    return [batch]


# ---------------------------------------------------------------- snapshot + reference


FULL_VINTAGE = "bts_border_crossing_entry_full_2025/Border_Crossing_Entry_Data.csv.gz"
ANNUAL_CSV = "crossings_annual.csv"


def deduplicated(path: Path) -> pd.DataFrame:
    """The vintage's rows with exact duplicates dropped and conflicts resolved.

    Cached per (path, size, mtime): ``snapshot`` asks for the same 46 MB table twice
    (ports and annual sums). Callers must not modify the returned frame.
    """
    stat = Path(path).stat()
    return _deduplicated(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _deduplicated(path: str, size: int, mtime_ns: int) -> pd.DataFrame:
    frame, _ = read_file(path)
    return frame.drop_duplicates(subset=["port_code", "month", "measure"])


def annual_sums(frame: pd.DataFrame, last_full_year: int) -> pd.DataFrame:
    """Sum months to (port_code, year, measure, value, months); all-zero years dropped."""
    con = duckdb.connect()
    try:
        con.register("f", frame)
        return con.execute(
            """SELECT port_code, year(month)::INTEGER AS year, measure,
                      sum(value)::BIGINT AS value, count(*)::INTEGER AS months
               FROM f WHERE year(month) <= ?
               GROUP BY ALL HAVING sum(value) > 0
               ORDER BY port_code, year, measure""",
            [last_full_year],
        ).df()
    finally:
        con.close()


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write data/crossings_annual.csv from the full 2025 vintage; return written paths."""
    frame = deduplicated(Path(shared_dir) / FULL_VINTAGE)
    last = frame["month"].max()
    # Only complete calendar years: the vintage ends Feb 2025, so 2025 is left out.
    last_full_year = last.year if last.month == 12 else last.year - 1
    annual = annual_sums(frame, last_full_year)
    out = Path(out_dir) / ANNUAL_CSV
    annual.to_csv(out, index=False, lineterminator="\n")
    return [out]


def reference_batches(data_dir: Path) -> list[Batch]:
    """``crossings_annual`` batch from data/crossings_annual.csv (for ``build``)."""
    path = Path(data_dir) / ANNUAL_CSV
    if not path.is_file():
        raise LoadError(path, "missing reference file; run `python -m ingest snapshot`")
    frame = pd.read_csv(
        path,
        dtype={
            "port_code": str,
            "year": "int32",
            "measure": str,
            "value": "int64",
            "months": "int32",
        },
        keep_default_na=False,
    )
    as_of = _as_of_from_ports(Path(data_dir))
    vintage = f" (vintage ending {as_of:%b %Y})" if as_of else ""
    notes = (
        f"Annual sums per port and measure of the monthly BTS table{vintage}: complete "
        "calendar years only; 10 exact duplicate rows dropped; the conflicting key Sasabe "
        "(2606) Feb 2021 Bus Passengers kept as 0 (see data/README.md); port-years whose "
        "sum is 0 are omitted; months = number of monthly rows summed. "
        "Built by `python -m ingest snapshot`."
    )
    src = Source(
        source_id="bts-crossings-annual",
        publisher=PUBLISHER,
        title=TITLE,  # the derivation is in notes; the citation stays the official title
        url=URL,
        as_of=as_of,
        license=LICENSE,
        notes=notes,
        file_name=ANNUAL_CSV,
    )
    return [
        Batch(
            source=src,
            table="crossings_annual",
            frame=frame,
            key=[],
            rows_read=len(frame),
        )
    ]


def _as_of_from_ports(data_dir: Path) -> date | None:
    """Latest last_month in data/ports.csv = the vintage's as-of month."""
    ports_csv = data_dir / "ports.csv"
    if not ports_csv.is_file():
        return None
    last = pd.read_csv(ports_csv, dtype=str, keep_default_na=False)["last_month"]
    last = [v for v in last if v]
    return date.fromisoformat(max(last)) if last else None
