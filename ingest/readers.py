"""Low-level reading of official CSV files, refusing anything we cannot trust.

Every refusal is a ``LoadError`` naming the file, the line (1-based, as an
editor shows it) and, where it applies, the column. Loaders build on
``read_table`` and the ``check_*`` helpers; none of this touches the store.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ingest.archive import gunzip_bounded
from ingest.model import LoadError

#: Longest field we accept. Official tables hold codes, names and numbers; a
#: longer cell means a garbled file or a wrong delimiter, not data.
MAX_FIELD_CHARS = 200
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class Table:
    """A parsed CSV: the header, the data rows as strings, each row's line number."""

    file: Path
    header: list[str]
    rows: list[list[str]]
    lines: list[int]

    def frame(self) -> pd.DataFrame:
        """Rows as a string DataFrame; duplicate header names get ' #2'... suffixes.

        A ``_line`` column keeps each row's line number for error messages.
        """
        cols, seen = [], {}
        for name in self.header:
            seen[name] = seen.get(name, 0) + 1
            cols.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
        df = pd.DataFrame(self.rows, columns=cols, dtype=object)
        df["_line"] = self.lines
        return df


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes, gunzipped when it is gzip; refuse empty or cut files."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise LoadError(path, f"cannot read file: {e.strerror or e}") from None
    if not raw:
        raise LoadError(path, "file is empty")
    if raw[:2] == _GZIP_MAGIC:
        raw = gunzip_bounded(path)
        if not raw:
            raise LoadError(path, "file is empty (inside gzip)")
    return raw


def decode_text(path: Path, raw: bytes, fallback: str | None = None) -> str:
    """Decode UTF-8 (a BOM is dropped); refuse binary or garbled bytes with their line.

    ``fallback`` (e.g. 'cp1252') is tried only when the bytes are not UTF-8: some
    Mexican government exports are Windows-1252. Callers using it must validate
    the decoded text (names against a list) because most bytes decode in cp1252.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise LoadError(path, "binary content (NUL byte): not a CSV text file", line=line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = None
        if fallback:
            try:
                text = raw.decode(fallback)
            except UnicodeDecodeError:
                pass
        if text is None:
            line = raw.count(b"\n", 0, e.start) + 1
            raise LoadError(
                path,
                f"not valid UTF-8 text (byte 0x{raw[e.start]:02x}): garbled or binary",
                line=line,
            ) from None
    if not text.strip():
        raise LoadError(path, "file is empty (only whitespace)")
    return text


def read_table(path: Path, fallback_encoding: str | None = None) -> Table:
    """Parse a CSV file into a ``Table``.

    Refuses: empty files, header without rows, rows whose field count differs
    from the header, fields longer than ``MAX_FIELD_CHARS``, blank header names.
    Blank lines are skipped. Cells keep their text exactly (no NA guessing:
    'NA' is Nayarit in TransBorder). ``fallback_encoding``: see ``decode_text``.
    """
    path = Path(path)
    text = decode_text(path, read_bytes(path), fallback_encoding)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            line = start
            start = reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            # max() first: the per-cell loop only runs on the rare offending row.
            if max(map(len, row)) > MAX_FIELD_CHARS:
                for i, cell in enumerate(row):
                    if len(cell) > MAX_FIELD_CHARS:
                        col = header[i] if header and i < len(header) else f"#{i + 1}"
                        raise LoadError(
                            path,
                            f"field of {len(cell)} characters is longer than {MAX_FIELD_CHARS}",
                            line=line,
                            column=col,
                        )
            if header is None:
                header = [cell.strip() for cell in row]
                for i, name in enumerate(header):
                    if not name and i > 0:
                        raise LoadError(path, f"header column #{i + 1} has no name", line=line)
                continue
            if len(row) != len(header):
                raise LoadError(
                    path, f"row has {len(row)} fields, header has {len(header)}", line=line
                )
            rows.append(row)
            lines.append(line)
    except csv.Error as e:
        raise LoadError(path, f"malformed CSV: {e}", line=reader.line_num) from None
    if header is None:
        raise LoadError(path, "file has no header")
    if not rows:
        raise LoadError(path, "header but no data rows", line=1)
    return Table(path, header, rows, lines)


def require_columns(table: Table, required: list[str] | tuple[str, ...]) -> None:
    """Refuse a table lacking any of ``required`` (names the first missing one)."""
    missing = [c for c in required if c not in table.header]
    if missing:
        raise LoadError(
            table.file,
            f"missing column(s) {', '.join(missing)}; header is {','.join(table.header)}",
            line=1,
            column=missing[0],
        )


def read_frame(
    path: Path, required: list[str] | tuple[str, ...], fallback_encoding: str | None = None
) -> tuple[Path, pd.DataFrame]:
    """Read a CSV that must have the ``required`` columns -> (its path, ``Table.frame()``).

    Every refusal of ``read_table`` and ``require_columns`` applies.
    """
    table = read_table(path, fallback_encoding)
    require_columns(table, required)
    return table.file, table.frame()


def read_mapping(path: Path, key: str, value: str) -> dict[str, str]:
    """Read a two-column code table (a committed CSV) -> {``key`` cell: ``value`` cell}."""
    _, df = read_frame(path, [key, value])
    return dict(zip(df[key], df[value], strict=True))


def first_bad(df: pd.DataFrame, bad: pd.Series) -> pd.Series | None:
    """Return the first row where ``bad`` is True, or None.

    A missing (NA) test counts as bad: a check that could not be made is not passed.
    """
    bad = bad.fillna(True).astype(bool)
    if not bad.any():
        return None
    return df.loc[bad[bad].index[0]]


def refuse_where(file: Path, df: pd.DataFrame, bad: pd.Series, column: str, problem) -> None:
    """Raise LoadError for the first row where ``bad``; ``problem(row) -> str`` words it.

    ``df`` needs a ``_line`` column (the line, or for Parquet the row, the error names).
    """
    row = first_bad(df, bad)
    if row is not None:
        raise LoadError(file, problem(row), line=int(row["_line"]), column=column)


def check_codes(
    file: Path, df: pd.DataFrame, column: str, allowed, what: str, allow_blank: bool = False
) -> None:
    """Refuse the first row whose ``column`` value is not in ``allowed``."""
    values = df[column].str.strip()
    ok = values.isin(set(allowed))
    if allow_blank:
        ok |= values == ""
    refuse_where(file, df, ~ok, column, lambda r: f"unknown {what} code {r[column]!r}")


def parse_numbers(
    file: Path,
    df: pd.DataFrame,
    column: str,
    allow_negative: bool = False,
    allow_blank: bool = False,
) -> pd.Series:
    """Return ``column`` as floats; refuse the first non-numeric (or negative) cell.

    Blank cells become NaN when ``allow_blank``. Thousands separators are refused
    (official files do not use them; a comma would mean a shifted column).
    """
    text = df[column].str.strip()
    blank = text == ""
    values = pd.to_numeric(text.where(~blank, None), errors="coerce").astype(float)
    # to_numeric accepts 'inf'/'nan' spelled out; an official table never does.
    bad = (values.isna() & ~blank) | text.str.lower().str.contains("inf|nan", regex=True)
    if not allow_blank:
        bad |= blank
    refuse_where(
        file, df, bad, column,
        lambda r: f"not a number: {(r[column] if r[column].strip() else '(empty)')!r}",
    )  # fmt: skip
    if not allow_negative:
        refuse_where(file, df, values < 0, column, lambda r: f"negative value {r[column]!r}")
    return values


def parse_ints(
    file: Path, df: pd.DataFrame, column: str, low: int, high: int, what: str
) -> pd.Series:
    """Return ``column`` as ints within [low, high]; refuse anything else."""
    text = df[column].str.strip()
    ok = text.str.fullmatch(r"\d{1,4}")
    refuse_where(file, df, ~ok, column, lambda r: f"{what} is not a whole number: {r[column]!r}")
    values = text.astype(int)
    refuse_where(
        file, df, (values < low) | (values > high), column,
        lambda r: f"impossible {what} {r[column]!r} (allowed {low}-{high})",
    )  # fmt: skip
    return values
