"""Ingest speed: loading the full BTS crossings table vs a bare DuckDB read of the same file.

Prints markdown rows ``| name | figure | baseline | ratio | target |`` (collected by
bench/run_all.py). The candidates and their baselines run interleaved, one of each
per round, so a busy machine slows them alike; each figure is the median over the
rounds, for wall time and for CPU time (all threads of this process).

Candidates: ``parse`` (read and validate only), ``new`` (load into a new store),
``reload`` (load over a store already holding the same rows: nothing changed) and
``revise`` (load over a store where every stored value differs from the file, so all
399k rows are replaced; each round starts from a fresh copy made before the clock starts).

Baselines (both read the same .csv.gz, no validation, no store):
- ``read_csv -> arrow``: ``duckdb.read_csv(path).to_arrow_table()`` (sniffing + typed read)
- ``CTAS read_csv``: ``CREATE TABLE t AS SELECT * FROM read_csv(path)`` in memory
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import FULL_2025, median, row  # noqa: E402
from ingest import crossings, store  # noqa: E402

ROUNDS = 5
TARGET = 1.5


def bare_arrow() -> None:
    duckdb.read_csv(str(FULL_2025)).to_arrow_table()


def bare_ctas() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [str(FULL_2025)])
    con.close()


def revised_store(path: Path) -> None:
    """Write a store holding the full table with every value off by one."""
    (batch,) = crossings.load_file(FULL_2025)
    batch.frame["value"] += 1
    store.apply(path, [batch])


def measure(tmp: Path) -> dict[str, tuple[float, float]]:
    """{name: (median wall s, median CPU s)} over ROUNDS interleaved rounds."""
    again = tmp / "again.duckdb"
    store.apply(again, crossings.load_file(FULL_2025))  # the store that reloads replace
    revised, revise = tmp / "revised.duckdb", tmp / "revise.duckdb"
    revised_store(revised)
    cases = {
        "arrow": bare_arrow,
        "ctas": bare_ctas,
        "parse": lambda: crossings.load_file(FULL_2025),
        "new": lambda: store.apply(
            tmp / f"new{time.monotonic_ns()}.duckdb", crossings.load_file(FULL_2025)
        ),  # fmt: skip
        "reload": lambda: store.apply(again, crossings.load_file(FULL_2025)),
        "revise": lambda: store.apply(revise, crossings.load_file(FULL_2025)),
    }
    # Untimed per-round preparation: a revise must find the revised values again.
    prepare = {"revise": lambda: shutil.copyfile(revised, revise)}
    walls = {k: [] for k in cases}
    cpus = {k: [] for k in cases}
    bare_arrow()  # warm the page cache and DuckDB once before measuring
    for _ in range(ROUNDS):
        for name, fn in cases.items():
            prepare.get(name, lambda: None)()
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            walls[name].append(time.perf_counter() - t0)
            cpus[name].append(time.process_time() - c0)
    return {k: (median(walls[k]), median(cpus[k])) for k in cases}


def main() -> int:
    if not FULL_2025.is_file():
        print(f"missing {FULL_2025}", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        m = measure(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"full 2025 table: {FULL_2025.stat().st_size:,} bytes gz, 399,406 rows; {ROUNDS} rounds")
    for k, (wall, cpu) in m.items():
        print(f"{k}: median wall {wall:.2f} s, median CPU {cpu:.2f} s")
    labels = {
        "parse": "ingest: parse+validate full BTS table",
        "new": "ingest: load full BTS table into a new store",
        "reload": "ingest: reload full BTS table over itself (399k keys, none changed)",
        "revise": "ingest: reload full BTS table, every value revised (replace 399k keys)",
    }
    arrow_w, arrow_c = m["arrow"]
    ctas_w, ctas_c = m["ctas"]
    for key, label in labels.items():
        wall, cpu = m[key]
        print(row(label + " (wall)", f"{wall:.2f} s", f"read_csv->arrow {arrow_w:.2f} s", f"{wall / arrow_w:.2f}x", f"<= {TARGET}x"))  # fmt: skip
        print(row(label + " (CPU)", f"{cpu:.2f} s", f"read_csv->arrow {arrow_c:.2f} s", f"{cpu / arrow_c:.2f}x", f"<= {TARGET}x"))  # fmt: skip
        print(row(label + " (wall, vs CTAS)", f"{wall:.2f} s", f"CTAS read_csv {ctas_w:.2f} s", f"{wall / ctas_w:.2f}x", "info"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
