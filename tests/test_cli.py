"""`python -m ingest`: exit codes, one-line errors, light imports, sources, build, snapshot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ingest import cli, store
from tests.conftest import REPO, SAN_YSIDRO, sha256


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m ingest ...` in a subprocess from the repo root."""
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_load_prints_report_and_exits_0(shared_data, tmp_store):
    res = run("load", "bts-crossings", str(shared_data / SAN_YSIDRO), "--db", str(tmp_store))
    assert res.returncode == 0, res.stderr
    assert "bts-crossings -> crossings: read 3285, loaded 3285" in res.stdout
    assert res.stderr == ""  # no progress bar when stderr is not a terminal


def test_refused_file_exits_2_with_one_line_and_no_traceback(tmp_path, small_store):
    bad = tmp_path / "bad.csv"
    bad.write_text("Port Name,State,Port Code,Border,Date,Measure,Value\nX,Texas,2304,US-Mexico Border,Jan 2024,Trucks,abc\n")  # fmt: skip  # SYNTHETIC
    before = sha256(small_store)
    res = run("load", "bts-crossings", str(bad), "--db", str(small_store))
    assert res.returncode == 2
    assert res.stderr == f"error: {bad}:2: column 'Value': value is not a whole number ('abc')\n"
    assert sha256(small_store) == before


def test_unknown_source_exits_2_listing_known_ones(tmp_path, tmp_store):
    res = run("load", "no-such-source", str(tmp_path / "x.csv"), "--db", str(tmp_store))
    assert res.returncode == 2 and "known: " in res.stderr and "bts-crossings" in res.stderr
    assert res.stderr.count("\n") == 1


def test_missing_file_exits_2_with_one_line(tmp_path, tmp_store):
    res = run("load", "bts-crossings", str(tmp_path / "nope.csv"), "--db", str(tmp_store))
    assert res.returncode == 2 and "no such file" in res.stderr and "Traceback" not in res.stderr


def test_unexpected_error_exits_1_with_one_line(shared_data, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    db = blocker / "store.duckdb"  # parent is a file: the store cannot be written
    res = run("load", "bts-crossings", str(shared_data / SAN_YSIDRO), "--db", str(db))
    assert res.returncode == 1
    assert res.stderr.startswith("error: ") and res.stderr.count("\n") == 1
    assert "Traceback" not in res.stderr


def test_load_imports_neither_geopandas_nor_streamlit(shared_data, tmp_store):
    code = (
        "import sys; from ingest import cli; "
        f"rc = cli.main(['load', 'bts-crossings', {str(shared_data / SAN_YSIDRO)!r}, '--db', {str(tmp_store)!r}]); "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('geopandas', 'streamlit', 'shapely', 'pydeck')); "
        "print(rc, heavy)"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert res.stdout.strip().splitlines()[-1] == "0 []", res.stdout + res.stderr


def test_sources_lists_id_publisher_as_of_and_row_counts(small_store):
    res = run("sources", "--db", str(small_store))
    assert res.returncode == 0
    line = res.stdout.strip()
    assert line == (
        "bts-crossings\tU.S. DOT Bureau of Transportation Statistics\tas of 2021-12-01\tcrossings=3285"
    )


def test_sources_on_a_missing_store_exits_2(tmp_store):
    res = run("sources", "--db", str(tmp_store))
    assert res.returncode == 2 and "no store" in res.stderr


def test_build_from_committed_reference_data_registers_ports_and_annual_crossings(tmp_store):
    res = run("build", "--db", str(tmp_store))
    assert res.returncode == 0, res.stderr
    ports = store.frame_of(tmp_store, "SELECT port_code, status, source_id FROM ports")
    assert len(ports) >= 118 and "OME1" in set(ports["port_code"])
    assert set(ports["status"]) == {"open", "closed", "planned"}
    # The planned port cites its project pages, not BTS.
    planned = ports[ports["status"] == "planned"]
    assert set(planned["source_id"]) == {"ports-planned"}
    assert "ports-planned" not in set(ports[ports["status"] != "planned"]["source_id"])
    annual = store.frame_of(tmp_store, "SELECT count(*) AS n, max(year) AS y FROM crossings_annual")
    assert annual["n"].item() > 20_000 and annual["y"].item() == 2024


def test_build_twice_gives_identical_contents(tmp_store):
    assert run("build", "--db", str(tmp_store)).returncode == 0
    first = store.fingerprint(tmp_store)
    assert run("build", "--db", str(tmp_store)).returncode == 0
    assert store.fingerprint(tmp_store) == first


def test_snapshot_regenerates_committed_ports_and_annual_files_exactly(
    shared_data, tmp_path, capsys
):
    out = tmp_path / "data"
    out.mkdir()
    (out / "ports_planned.csv").write_bytes((REPO / "data" / "ports_planned.csv").read_bytes())
    rc = cli.main(["snapshot", "--shared", str(shared_data), "--out", str(out), "--only", "ports", "crossings_annual"])  # fmt: skip
    assert rc == 0, capsys.readouterr().err
    for name in ("ports.csv", "crossings_annual.csv"):
        assert (out / name).read_bytes() == (REPO / "data" / name).read_bytes(), name


def test_snapshot_with_missing_shared_folder_exits_2(tmp_path, capsys):
    rc = cli.main(["snapshot", "--shared", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert rc == 2 and "shared data folder not found" in capsys.readouterr().err


def test_snapshot_with_unknown_name_exits_2_listing_known_ones(shared_data, tmp_path, capsys):
    rc = cli.main(
        ["snapshot", "--shared", str(shared_data), "--out", str(tmp_path), "--only", "nope"]
    )
    err = capsys.readouterr().err
    assert rc == 2 and "unknown snapshot 'nope'" in err and "crossings_annual" in err


@pytest.mark.parametrize("argv", [["--help"], ["load", "--help"]])
def test_help_exits_0(argv):
    res = run(*argv)
    assert res.returncode == 0 and "usage:" in res.stdout


class FakeTty:
    """A stream that says it is a terminal and records what is written."""

    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_progress_bar_draws_on_a_terminal_only():
    from ingest.progress import Progress

    for tty in (True, False):
        stream = FakeTty(tty)
        bar = Progress("load", 2, stream=stream, width=4)
        bar.step("reading")
        bar.step("writing")
        bar.close()
        assert ("[####] 2/2" in stream.text) is tty
        assert (stream.text == "") is (not tty)
