"""Ingest speed: loading the full BTS crossings table vs a bare DuckDB read of the same file.

Prints markdown rows ``| name | figure | baseline | ratio | target |`` (collected by
bench/run_all.py). Every figure is the median of 3 runs, measured beside its
baseline in the same process, so the ratio is what matters, not the seconds.

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

RUNS = 3
TARGET = 1.5


CPU = {}  # name -> median CPU seconds (all threads), less sensitive to a busy machine


def timed(fn, name: str = "") -> float:
    """Median wall time of RUNS calls of ``fn`` (median CPU time kept in CPU[name])."""
    walls, cpus = [], []
    for _ in range(RUNS):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    CPU[name] = median(cpus)
    return median(walls)


def bare_arrow() -> None:
    duckdb.read_csv(str(FULL_2025)).to_arrow_table()


def bare_ctas() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [str(FULL_2025)])
    con.close()


def main() -> int:
    if not FULL_2025.is_file():
        print(f"missing {FULL_2025}", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        bare_arrow()  # warm the page cache and DuckDB once before measuring
        arrow_s = timed(bare_arrow, "arrow")
        ctas_s = timed(bare_ctas, "ctas")
        parse_s = timed(lambda: crossings.load_file(FULL_2025), "parse")

        fresh = iter(range(RUNS))
        new_store_s = timed(
            lambda: store.apply(tmp / f"new{next(fresh)}.duckdb", crossings.load_file(FULL_2025)),
            "new",
        )
        again = tmp / "again.duckdb"
        shutil.copyfile(tmp / "new0.duckdb", again)
        reload_s = timed(lambda: store.apply(again, crossings.load_file(FULL_2025)), "reload")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"full 2025 table: {FULL_2025.stat().st_size:,} bytes gz, 399,406 rows; median of {RUNS}")
    print(f"bare read_csv -> arrow {arrow_s:.2f} s; CTAS read_csv {ctas_s:.2f} s")
    cpu = ", ".join(f"{k} {v:.2f}" for k, v in CPU.items())
    print(f"median CPU seconds (all threads): {cpu}")
    for name, secs in (
        ("ingest: parse+validate full BTS table", parse_s),
        ("ingest: load full BTS table into new store", new_store_s),
        ("ingest: reload full BTS table (replace 399k keys)", reload_s),
    ):
        print(row(name, f"{secs:.2f} s", f"read_csv->arrow {arrow_s:.2f} s", f"{secs / arrow_s:.2f}x", f"<= {TARGET}x"))  # fmt: skip
        print(row(name + " (vs CTAS)", f"{secs:.2f} s", f"CTAS read_csv {ctas_s:.2f} s", f"{secs / ctas_s:.2f}x", "info"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
