"""Shared fixtures: the real public datasets in ../shared/data, and throwaway stores.

``shared_data`` never skips: the datasets are part of the test setup, so a missing
folder is a clear failure, not a silently smaller test run.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared" / "data").resolve()
FULL_2025 = "bts_border_crossing_entry_full_2025/Border_Crossing_Entry_Data.csv.gz"
SMALL_BTS = (
    "bts_border_crossing_entry_2018_subset/Border_Crossing_Entry_Data.csv",
    "bts_border_crossing_entry_2020_2021_headerless/Border_Crossing_Entry_Data.csv",
    "bts_border_crossing_entry_insight_sample/Border_Crossing_Entry_Data.csv",
    "bts_border_crossing_entry_san_ysidro_1996_2021/Border_Crossing_Entry_Data.csv",
)
SAN_YSIDRO = SMALL_BTS[3]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of <repo>/../shared/data; fails (never skips) when it is missing."""
    if not (SHARED / "README.md").is_file():
        pytest.fail(f"shared datasets not found at {SHARED}; the tests need ../shared/data")
    return SHARED


@pytest.fixture(scope="session")
def full_2025(shared_data) -> Path:
    """The full BTS crossings table (2025 vintage, 399,406 rows, gzip)."""
    return shared_data / FULL_2025


@pytest.fixture(scope="session")
def full_2025_loaded(full_2025, tmp_path_factory):
    """(store path, reports) after loading the full 2025 table once per session.

    Tests must not modify this store: copy it first (``store_copy``).
    """
    from ingest import crossings, store

    db = tmp_path_factory.mktemp("full-store") / "full.duckdb"
    reports = store.apply(db, crossings.load_file(full_2025))
    return db, reports


@pytest.fixture
def build_closed_tables(monkeypatch):
    """Build the tables behind closed 'Data table' expanders, which the app builds only once
    opened, so a page test can read every table (for this test only)."""
    from components import tables

    monkeypatch.setattr(tables, "BUILD_CLOSED_TABLES", True)


@pytest.fixture
def tmp_store(tmp_path) -> Path:
    """Path for a fresh store in a per-test folder (the file does not exist yet)."""
    return tmp_path / "store" / "borderlinks.duckdb"


@pytest.fixture(scope="session")
def small_store_template(shared_data, tmp_path_factory) -> Path:
    """A store holding the San Ysidro BTS file (3,285 real rows), built once per session."""
    from ingest import crossings, store

    db = tmp_path_factory.mktemp("small-store") / "small.duckdb"
    store.apply(db, crossings.load_file(shared_data / SAN_YSIDRO))
    return db


@pytest.fixture
def small_store(tmp_store, small_store_template) -> Path:
    """A private copy of the San Ysidro store: cheap to refuse loads against."""
    tmp_store.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(small_store_template, tmp_store)
    return tmp_store


def sha256(path: Path) -> str:
    """Hex digest of a file's bytes (to prove a store file is byte-identical)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# One Playwright Chromium per test worker, shared by every test that drives a browser:
# two sync_playwright instances in one worker clash over the event loop.
@pytest.fixture(scope="session")
def browser():
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: browser tests cannot run. "
            "Install it with `apt-get install -y chromium` (make test does this)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def refusal(load, path: Path):
    """The ``ingest.model.LoadError`` that ``load(path)`` raises -> that error.

    Fails the test when ``load`` accepts the file, or when the error names another file:
    a refused file is always named in the one line the user reads.
    """
    from ingest.model import LoadError

    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.file == str(path)
    return info.value


def refusal_keeps_store(source_id: str, good: Path, bad: Path, db: Path):
    """Load ``good`` as ``source_id`` into the store ``db``, then ``bad`` -> its LoadError.

    Fails the test when ``bad`` is accepted or when the refusal changed any stored row.
    """
    from ingest import store
    from ingest.cli import load_path
    from ingest.model import LoadError

    load_path(source_id, good, db)
    before = store.fingerprint(db)
    with pytest.raises(LoadError) as info:
        load_path(source_id, bad, db)
    assert store.fingerprint(db) == before
    return info.value


def build_reference_store(path: Path) -> Path:
    """Build a store at ``path`` from the committed data, as `make run` does -> ``path``.

    Fails the test with the command's error output if the build fails.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "build", "--db", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0 or not path.exists():
        pytest.fail(f"python -m ingest build failed ({result.returncode}): {result.stderr}")
    return path
