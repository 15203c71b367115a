"""A load killed with SIGKILL mid-way leaves the old store intact and loadable.

Uses the real full 2025 BTS table (the load takes ~2 s, long enough to kill it
while its temp copy is being written).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from ingest import crossings, store
from tests.conftest import REPO, SAN_YSIDRO, sha256


def _start_load(path, db) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", "load", "bts-crossings", str(path), "--db", str(db)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_temp_copy(db, proc, limit_s: float = 60.0) -> bool:
    """True once the loader's temp copy exists next to the store (False if it finished)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and proc.poll() is None:
        if list(db.parent.glob(f"{db.name}.tmp-*")):
            return True
        time.sleep(0.005)
    return False


def test_sigkill_during_load_leaves_old_store_identical_and_next_load_works(
    full_2025, shared_data, tmp_store
):
    store.apply(tmp_store, crossings.load_file(shared_data / SAN_YSIDRO))
    before_bytes, before_rows = sha256(tmp_store), store.fingerprint(tmp_store)

    proc = _start_load(full_2025, tmp_store)
    try:
        caught = _wait_for_temp_copy(tmp_store, proc)
        time.sleep(0.05)  # let it get into the transaction on the copy
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert caught, "the load finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    assert sha256(tmp_store) == before_bytes
    assert store.fingerprint(tmp_store) == before_rows  # opens and reads fine

    # The next load cleans the dead process's temp copy and succeeds.
    report = store.apply(tmp_store, crossings.load_file(shared_data / SAN_YSIDRO))[0]
    assert report.unchanged == 3285
    assert not list(tmp_store.parent.glob(f"{tmp_store.name}.tmp-*"))


def test_sigkill_before_the_temp_copy_exists_leaves_store_identical(
    shared_data, full_2025, tmp_store
):
    store.apply(tmp_store, crossings.load_file(shared_data / SAN_YSIDRO))
    before = sha256(tmp_store)
    proc = _start_load(full_2025, tmp_store)
    time.sleep(0.3)  # still parsing the 46 MB file: no copy yet
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert sha256(tmp_store) == before
    assert store.fingerprint(tmp_store)["crossings"][0] == 3285
