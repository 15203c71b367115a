"""The DuckDB store: apply batches atomically, build from scratch, open read-only.

Every write goes to a copy next to the store, in one transaction, which is then
fsynced and ``os.replace``d onto the store. So a refused, crashed or killed load
leaves the old file byte-identical, and a reader holding the old file open keeps
reading the old (complete) version. Within the copy a keyed batch deletes and inserts
only the rows whose values changed, so reloading an unchanged table rewrites nothing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ingest.model import Batch, LoadError

SCHEMA = Path(__file__).with_name("schema.sql")
REPO = Path(__file__).resolve().parents[1]
ENV_DB = "BORDERLINKS_DB"
TMP_TAG = ".tmp-"  # temp copies are "<store>.tmp-<pid>-<random>"


@dataclass
class Report:
    """What one batch did to the store."""

    source_id: str
    table: str
    rows_read: int
    loaded: int  # rows in the table for this batch after the load
    replaced: int  # stored keys whose values changed
    unchanged: int  # stored keys re-loaded with identical values
    duplicates_dropped: int  # exact duplicate rows in the batch
    conflicts: list[str] = field(default_factory=list)  # kept value + why, per key
    removed: int = 0  # stored rows deleted: changed ones (empty key: all rows of the source)
    changed_columns: dict[str, int] = field(default_factory=dict)  # among replaced rows

    def _changed(self) -> str:
        if not self.changed_columns:
            return ""
        return " (" + ", ".join(f"{c} {n}" for c, n in self.changed_columns.items()) + " changed)"

    def one_line(self) -> str:
        text = (
            f"{self.source_id} -> {self.table}: read {self.rows_read}, loaded {self.loaded}, "
            f"replaced {self.replaced}{self._changed()}, unchanged {self.unchanged}, "
            f"duplicates dropped {self.duplicates_dropped}, conflicts {len(self.conflicts)}"
        )
        return "\n".join([text, *(f"  {c}" for c in self.conflicts)])


def default_db_path() -> Path:
    """$BORDERLINKS_DB if set, else <repo>/data/borderlinks.duckdb."""
    env = os.environ.get(ENV_DB)
    return Path(env) if env else REPO / "data" / "borderlinks.duckdb"


def connect_readonly(db_path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection (what the dashboard should use)."""
    path = Path(db_path) if db_path else default_db_path()
    if not path.is_file():
        raise LoadError(path, "no store here; run `python -m ingest build`")
    return duckdb.connect(str(path), read_only=True)


# ---------------------------------------------------------------- schema


def _schema_sql() -> str:
    return SCHEMA.read_text(encoding="utf-8")


REF_DB = "borderlinks_schema_ref"  # in-memory catalog holding schema.sql as written


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and add columns that schema.sql gained since the store was made."""
    con.execute(_schema_sql())
    # The reference schema goes into an in-memory catalog ATTACHed to this connection:
    # a second database instance would cost more than the rest of this check.
    store_db = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH ':memory:' AS {REF_DB}")
    try:
        con.execute(f"USE {REF_DB}")
        try:
            con.execute(_schema_sql())
        finally:
            con.execute(f"USE {_q(store_db)}")
        wanted = con.execute(
            "SELECT table_name, column_name, data_type, column_default, is_nullable "
            "FROM duckdb_columns() WHERE database_name = ? ORDER BY table_name, column_index",
            [REF_DB],
        ).fetchall()
        have = {
            (t, c): nullable
            for t, c, nullable in con.execute(
                "SELECT table_name, column_name, is_nullable FROM duckdb_columns() "
                "WHERE database_name = ?",
                [store_db],
            ).fetchall()
        }
    finally:
        con.execute(f"DETACH {REF_DB}")
    for table, column, dtype, default, nullable in wanted:
        if (table, column) not in have:
            # The default fills the rows already stored (e.g. fdi.confidential = false).
            with_default = f" DEFAULT {default}" if default is not None else ""
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {dtype}{with_default}')
        elif nullable and not have[(table, column)]:
            # schema.sql relaxed a NOT NULL (fdi.value_musd: confidential cells are NULL).
            con.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" DROP NOT NULL')


def _column_defaults(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """{column: default SQL expression} of a store table's columns that have one."""
    return dict(
        con.execute(
            "SELECT column_name, column_default FROM duckdb_columns() WHERE table_name = ? "
            "AND database_name = current_database() AND column_default IS NOT NULL",
            [table],
        ).fetchall()
    )


def table_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """{column: DuckDB type} of a store table, in column order; LoadError if the table is unknown."""
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
            "AND database_name = current_database() ORDER BY column_index",
            [table],
        ).fetchall()
    )
    if not types:
        raise LoadError(SCHEMA, f"unknown store table '{table}'")
    return types


# ---------------------------------------------------------------- applying batches


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_batch(batch: Batch, types: dict[str, str]) -> list[str]:
    """Validate a batch against its table's {column: type}; return the value columns it provides."""
    frame_cols = list(batch.frame.columns)
    unknown = [c for c in frame_cols if c not in types or c == "source_id"]
    if unknown:
        raise LoadError(
            batch.source.file_name or batch.source.source_id,
            f"batch for '{batch.table}' has a column the store does not know",
            column=unknown[0],
        )
    missing_key = [k for k in batch.key if k not in frame_cols]
    if missing_key:
        raise LoadError(
            batch.source.file_name or batch.source.source_id,
            f"key column missing from the batch for '{batch.table}'",
            column=missing_key[0],
        )
    return frame_cols


def _as_arrow(frame: pd.DataFrame):
    """The frame as an Arrow table (DuckDB scans it ~40% cheaper than pandas), else the frame.

    Falls back to the frame itself when Arrow cannot hold a column (e.g. mixed types).
    """
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        return frame


def _stage(con, batch: Batch, cols: list[str], types: dict[str, str], trusted: bool) -> str:
    """Expose the batch as ``incoming`` (seq = input row number, then the typed columns).

    Out: "VIEW" or "TABLE", what ``incoming`` is (for dropping it). A loader that made
    its rows unique on the key gets a view over its Arrow rows (nothing copied); other
    batches get a temp table with exact duplicates folded into their first row.
    """
    # The frame's row number is `seq` (first-wins for duplicates), without a window function.
    frame = batch.frame.reset_index(drop=True).assign(_seq=range(len(batch.frame)))
    typed = ", ".join(f"CAST({_q(c)} AS {types[c]}) AS {_q(c)}" for c in cols)
    if trusted:
        con.register("incoming_frame", _as_arrow(frame))
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW incoming AS SELECT _seq AS seq, {typed} FROM incoming_frame"
        )
        return "VIEW"
    con.register("incoming_frame", frame)
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE incoming AS "
            f"SELECT min(_seq) AS seq, {typed} FROM incoming_frame GROUP BY ALL"
        )
    finally:
        con.unregister("incoming_frame")
    return "TABLE"


def _unstage(con, kind: str) -> None:
    """Drop ``incoming`` (kind "VIEW" or "TABLE", as ``_stage`` said) and its registered rows."""
    con.execute(f"DROP {kind} IF EXISTS incoming")
    if kind == "VIEW":
        con.unregister("incoming_frame")


def _count_incoming(con) -> int:
    """Rows now in ``incoming``."""
    return con.execute("SELECT count(*) FROM incoming").fetchone()[0]


def _apply_one(con, batch: Batch) -> Report:
    """Replace-by-key one batch inside the caller's transaction (set-based)."""
    types = table_types(con, batch.table)
    cols = _check_batch(batch, types)
    sid = batch.source.source_id
    # Tables without source_id (initiative_parties) are replaced as a whole / by key.
    of_source = "s.source_id = ?" if "source_id" in types else "? IS NOT NULL"
    n_in = len(batch.frame)
    # A loader that already made its rows unique on the key (and counted what it dropped)
    # says so in frame.attrs; the store then skips its own full-table duplicate scan.
    trusted = bool(batch.key) and bool(batch.frame.attrs.get("unique_on_key"))
    pre_dropped = int(batch.frame.attrs.get("duplicates_dropped", 0))
    kind = _stage(con, batch, cols, types, trusted)
    n_distinct = n_in if trusted else _count_incoming(con)
    conflicts = list(batch.notes)
    if batch.key and not trusted:
        conflicts += _drop_key_conflicts(con, batch.key)
    n_new = n_distinct if trusted else _count_incoming(con)
    if batch.key:
        matched, unchanged, changed, removed = _replace_by_key(
            con, batch, cols, types, of_source, n_new
        )
    else:
        matched = unchanged = 0
        changed = {}
        removed = con.execute(
            f"DELETE FROM {_q(batch.table)} s WHERE {of_source}", [sid]
        ).fetchone()[0]
        _insert(con, batch.table, cols, types, sid)
    _upsert_source(con, batch)
    _unstage(con, kind)
    return Report(
        source_id=sid,
        table=batch.table,
        rows_read=batch.rows_read or n_in,
        loaded=n_new,
        replaced=matched - unchanged,
        unchanged=unchanged,
        duplicates_dropped=pre_dropped + n_in - n_distinct,
        conflicts=conflicts,
        removed=removed,
        changed_columns=changed,
    )


def _replace_by_key(con, batch, cols, types, of_source, n_new) -> tuple[int, int, dict, int]:
    """Make the source's rows for the keys in ``incoming`` equal to ``incoming``.

    In: the connection with ``incoming`` staged (unique on ``batch.key``, ``n_new`` rows),
    the batch's value columns, the table's {column: type}, the SQL picking the source's
    rows (one ``?`` = source id). Out: (stored rows matched by key, of which unchanged, {column: rows changed},
    stored rows deleted). Stored rows identical to their incoming row stay where they
    are; only changed rows are deleted and only rows not already stored are inserted,
    so reloading an unchanged table writes nothing but its ``sources`` row.
    """
    t, sid = _q(batch.table), batch.source.source_id
    on = " AND ".join(f"s.{_q(k)} IS NOT DISTINCT FROM i.{_q(k)}" for k in batch.key)
    others = [c for c in cols if c not in batch.key]
    diff = [f"count(*) FILTER (WHERE s.{_q(c)} IS DISTINCT FROM i.{_q(c)})" for c in others]
    same = " AND ".join(f"s.{_q(c)} IS NOT DISTINCT FROM i.{_q(c)}" for c in others) or "true"
    # A row kept in place must equal what inserting the batch would store, where the
    # columns the batch does not carry get their default (NULL unless schema.sql says).
    absent = [c for c in types if c not in cols and c != "source_id"]
    defaults = _column_defaults(con, batch.table)
    identical = " AND ".join(
        [
            f"({same})",
            *(f"s.{_q(c)} IS NOT DISTINCT FROM {defaults.get(c) or 'NULL'}" for c in absent),
        ]
    )
    # Incoming rows hit = set bits of a bitmap over seq (0..len(frame)-1): exact, and
    # about half the cost of count(DISTINCT i.seq) on 400k rows.
    top = max(len(batch.frame) - 1, 0)
    hits = con.execute(
        f"SELECT count(*), coalesce(bit_count(bitstring_agg(i.seq, 0, {top})), 0), "
        f"count(*) FILTER (WHERE {same}), count(*) FILTER (WHERE {identical}) "
        f"{''.join(', ' + d for d in diff)} FROM {t} s JOIN incoming i ON {on} WHERE {of_source}",
        [sid],
    ).fetchone()
    matched, keys_matched, unchanged, kept = hits[:4]
    changed = {c: n for c, n in zip(others, hits[4:], strict=True) if n}
    if matched != keys_matched:
        # Some stored key repeats (not written by this code): replace all matched rows.
        kept, identical = 0, "false"
    removed = _delete_changed(con, t, sid, of_source, f"{on} AND NOT ({identical})", matched - kept)
    if kept == 0:
        _insert(con, batch.table, cols, types, sid)
    elif kept < n_new:
        # The matched rows left after the DELETE are the identical ones: skip their keys.
        skip_kept = f"WHERE NOT EXISTS (SELECT 1 FROM {t} s WHERE {of_source} AND {on})"
        _insert(con, batch.table, cols, types, sid, skip_kept, (sid,))
    return matched, unchanged, changed, removed


def _delete_changed(con, t: str, sid: str, of_source: str, hit: str, n_changed: int) -> int:
    """Delete the source's stored rows meeting an incoming row by ``hit``; return how many.

    ``n_changed`` is how many there are (from the join counts).
    """
    if n_changed == 0:
        return 0
    stored = con.execute(f"SELECT count(*) FROM {t} s WHERE {of_source}", [sid]).fetchone()[0]
    if n_changed == stored:
        # incoming is unique on the key, so each stored row meets at most one incoming row:
        # when every row of the source goes, no join is needed (30x cheaper on 400k rows).
        return con.execute(f"DELETE FROM {t} s WHERE {of_source}", [sid]).fetchone()[0]
    return con.execute(
        f"DELETE FROM {t} s USING incoming i WHERE {of_source} AND {hit}", [sid]
    ).fetchone()[0]


def _insert(
    con,
    table: str,
    cols: list[str],
    types: dict[str, str],
    sid: str,
    where: str = "",
    where_params: tuple = (),
) -> None:
    """Append the ``incoming`` rows (alias ``i``) passing ``where`` to ``table``."""
    col_list = ", ".join(_q(c) for c in cols)
    if "source_id" in types:
        target, values, params = f"{col_list}, source_id", f"{col_list}, ?", [sid]
    else:
        target, values, params = col_list, col_list, []
    con.execute(
        f"INSERT INTO {_q(table)} ({target}) SELECT {values} FROM incoming i {where}",
        [*params, *where_params],
    )


def _drop_key_conflicts(con, key: list[str]) -> list[str]:
    """Same key, different values left in ``incoming``: keep the first row, say so."""
    keys = ", ".join(_q(k) for k in key)
    dup = con.execute(
        f"SELECT {keys}, count(*) FROM incoming GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL"
    ).fetchall()
    if not dup:
        return []
    con.execute(
        f"DELETE FROM incoming WHERE seq NOT IN (SELECT min(seq) FROM incoming GROUP BY {keys})"
    )
    return [
        f"conflict: key {dict(zip(key, row[:-1], strict=True))} had {row[-1]} different rows; "
        "kept the first in input order (the loader gave no rule)"
        for row in dup
    ]


def _upsert_source(con, batch: Batch) -> None:
    """Replace the source's row; as_of never moves backwards (a small old file
    loaded after the full table does not make the source look older)."""
    s = batch.source
    old = con.execute(
        "SELECT max(as_of) FROM sources WHERE source_id = ?", [s.source_id]
    ).fetchone()[0]
    as_of = max(d for d in (old, s.as_of) if d is not None) if (old or s.as_of) else None
    con.execute("DELETE FROM sources WHERE source_id = ?", [s.source_id])
    con.execute(
        "INSERT INTO sources (source_id, publisher, title, url, as_of, license, notes, "
        "loaded_at, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            s.source_id,
            s.publisher,
            s.title,
            s.url,
            as_of,
            s.license,
            s.notes,
            datetime.now().replace(microsecond=0),
            s.file_name,
        ],
    )


# ---------------------------------------------------------------- atomic file swap


def _temp_path(db_path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f"{db_path.name}{TMP_TAG}{os.getpid()}-", dir=db_path.parent)
    os.close(fd)
    os.unlink(name)  # DuckDB must create the file itself
    return Path(name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(db_path: Path) -> list[Path]:
    """Delete temp copies left by killed loads (their pid is gone); return them."""
    removed = []
    for p in db_path.parent.glob(f"{db_path.name}{TMP_TAG}*"):
        pid_text = p.name[len(db_path.name) + len(TMP_TAG) :].split("-", 1)[0]
        pid = int(pid_text) if pid_text.isdigit() else None
        if pid is not None and pid != os.getpid() and _alive(pid):
            continue
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def writer_lock(db_path: Path):
    """Serialise writers of one store (CLI, dashboard upload) so no load is lost.

    An flock on ``<store>.lock``: the kernel drops it when the holder dies, so a
    killed load never leaves the store locked. Readers never take it.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _write_and_swap(db_path: Path, batches: list[Batch], start_from_copy: bool) -> list[Report]:
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(db_path):
        return _write_and_swap_locked(db_path, batches, start_from_copy)


def _write_and_swap_locked(
    db_path: Path, batches: list[Batch], start_from_copy: bool
) -> list[Report]:
    remove_stale_temps(db_path)
    tmp = _temp_path(db_path)
    try:
        if start_from_copy and db_path.exists():
            shutil.copyfile(db_path, tmp)
        # Row order in the store carries no meaning (batches are hash-grouped or in loader
        # order), so DuckDB may insert in parallel: about a third less CPU for 400k rows.
        con = duckdb.connect(str(tmp), config={"preserve_insertion_order": False})
        try:
            ensure_schema(con)
            con.execute("BEGIN TRANSACTION")
            reports = [_apply_one(con, b) for b in batches]
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        wal = tmp.with_name(tmp.name + ".wal")
        if wal.exists():  # close() checkpoints; a leftover WAL would be lost by the rename
            raise LoadError(db_path, "internal: write-ahead log not checkpointed")
        _fsync(tmp)
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
        return reports
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def apply(db_path: str | Path, batches: list[Batch]) -> list[Report]:
    """Load batches into a copy of the store in one transaction, then swap it in.

    In: store path (created if absent), batches. Out: one Report per batch.
    On any error the store file is untouched.
    """
    return _write_and_swap(Path(db_path), batches, start_from_copy=True)


def build(db_path: str | Path, batches: list[Batch]) -> list[Report]:
    """Write a brand-new store holding only ``batches`` and swap it in."""
    return _write_and_swap(Path(db_path), batches, start_from_copy=False)


# ---------------------------------------------------------------- inspection


def fact_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables carrying a source_id column (everything except ``sources``)."""
    return [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT table_name FROM duckdb_columns() WHERE column_name = 'source_id' "
            "AND table_name <> 'sources' AND database_name = current_database() ORDER BY 1"
        ).fetchall()
    ]


def source_summary(db_path: str | Path) -> list[dict]:
    """Per source: id, publisher, title, as_of, loaded_at, file_name, {table: rows}."""
    con = connect_readonly(db_path)
    try:
        counts: dict[str, dict[str, int]] = {}
        for table in fact_tables(con):
            for sid, n in con.execute(
                f"SELECT source_id, count(*) FROM {_q(table)} GROUP BY 1"
            ).fetchall():
                counts.setdefault(sid, {})[table] = n
        rows = con.execute(
            "SELECT source_id, publisher, title, as_of, loaded_at, file_name "
            "FROM sources ORDER BY source_id"
        ).fetchall()
    finally:
        con.close()
    out = []
    for sid, publisher, title, as_of, loaded_at, file_name in rows:
        out.append(
            {
                "source_id": sid,
                "publisher": publisher,
                "title": title,
                "as_of": as_of,
                "loaded_at": loaded_at,
                "file_name": file_name,
                "rows": counts.pop(sid, {}),
            }
        )
    for sid, tables in sorted(counts.items()):  # rows whose source has no sources row
        out.append({"source_id": sid, "publisher": None, "title": None, "as_of": None,
                    "loaded_at": None, "file_name": None, "rows": tables})  # fmt: skip
    return out


def fingerprint(db_path: str | Path) -> dict[str, tuple[int, int]]:
    """{table: (rows, order-independent hash of all values)}; sources ignore loaded_at.

    Cheap enough to compare a 400k-row store before/after an operation in tests.
    """
    con = connect_readonly(db_path)
    try:
        out = {}
        for (table,) in con.execute("SHOW TABLES").fetchall():
            rows = (
                f"(SELECT * EXCLUDE (loaded_at) FROM {_q(table)})"
                if table == "sources"
                else _q(table)
            )
            out[table] = con.execute(
                f"SELECT count(*), coalesce(sum(hash(r))::HUGEINT, 0) FROM {rows} AS r"
            ).fetchone()
        return out
    finally:
        con.close()


def frame_of(db_path: str | Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one read-only query against the store and return a DataFrame."""
    con = connect_readonly(db_path)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()
