"""Hostile files on the Data & sources upload form: one clear line, no traceback, store unchanged.

The page is driven through ``dashboard.py`` with AppTest (selectbox + file uploader +
submit). Every file here is SYNTHETIC, written by the test: none is official data.
"""

from __future__ import annotations

import gzip
import io
import re
import shutil
import tomllib
import zipfile

import pytest

from components import upload
from ingest.store import fingerprint
from tests.app.conftest import REPO, page_test

HEADER = b"Port Name,State,Port Code,Border,Date,Measure,Value\n"
ROW = b"Laredo,Texas,2304,US-Mexico Border,Jan 2024,Trucks,5\n"  # synthetic values


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as f:
        f.write(data)
    return buf.getvalue()


def _zip(member: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(member, data)
    return buf.getvalue()


def _truncated_gzip() -> bytes:
    whole = _gzip(HEADER + ROW * 500)
    return whole[: len(whole) // 2]


def _bomb() -> bytes:
    # 60 MB of zeros packs into ~60 KB: the ratio gives it away before any parsing.
    return _gzip(HEADER + b"0" * 60_000_000)


# (file name, bytes, words the one-line refusal must contain)
HOSTILE = {
    "truncated_gzip": ("cut.csv.gz", _truncated_gzip, ["cut.csv.gz", "truncated"]),
    "garbled_binary": ("garbled.csv", lambda: bytes(range(256)) * 40, ["garbled.csv:1", "binary"]),
    "gzip_bomb": ("bomb.csv.gz", _bomb, ["bomb.csv.gz", "bomb"]),
    "zip_escaping_folder": (
        "evil.zip",
        lambda: _zip("../escape.csv", HEADER + ROW),
        ["evil.zip", "../escape.csv", "escape"],
    ),
    "huge_field": (
        "huge.csv",
        lambda: HEADER + b"A" * 300 + ROW[len(b"Laredo") :],
        ["huge.csv:2", "column 'Port Name'", "200 characters"],
    ),
    "wrong_kind_csv": (
        "fdi.csv",
        lambda: b"Entidad federativa,1999,2000\nAguascalientes,1.0,2.0\n",
        ["fdi.csv:1", "not BTS Border Crossing Entry Data"],
    ),
    "png_named_csv": ("photo.csv", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, ["photo.csv:1"]),
}


@pytest.fixture
def store_copy(built_store, tmp_path, monkeypatch):
    """A private copy of the built store, which the app (BORDERLINKS_DB) uses for this test."""
    db = tmp_path / "store.duckdb"
    shutil.copy(built_store, db)
    monkeypatch.setenv("BORDERLINKS_DB", str(db))
    monkeypatch.chdir(REPO)
    return db


def submit_upload(name: str, data: bytes, source: str = "bts-crossings"):
    """The AppTest after choosing ``source``, attaching ``name``/``data`` and pressing Load."""
    at = page_test("data_sources")
    at.run()
    at.selectbox(key="data_upload_source").set_value(source)
    at.file_uploader(key="data_upload").upload(name, data, "application/octet-stream")
    at.button[0].click()
    at.run()
    return at


def refusal_line(at) -> str:
    """The one error shown by the page, as the user reads it (the problem is a code span)."""
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1, [e.value for e in at.error]
    body = at.error[0].value
    assert "\n" not in body and "Traceback" not in body
    m = re.fullmatch(r"(.*?)(`+) (.*) \2", body)
    assert m, body
    return m.group(1) + m.group(3)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_upload_is_refused_in_one_line_and_store_unchanged(store_copy, case):
    name, make, words = HOSTILE[case]
    before = fingerprint(store_copy)
    at = submit_upload(name, make())
    line = refusal_line(at)
    assert line.startswith("Refused, nothing was changed: ")
    for word in words:
        assert word in line, line
    assert str(store_copy.parent) not in line  # no temp or store path leaks to the screen
    assert not at.success
    assert fingerprint(store_copy) == before


def test_valid_synthetic_upload_through_the_page_is_loaded(store_copy):
    before = fingerprint(store_copy)
    at = submit_upload("ok.csv", HEADER + ROW)
    assert not at.exception and not at.error
    assert len(at.success) == 1 and "ok.csv" in at.success[0].value
    assert fingerprint(store_copy)["crossings"] != before["crossings"]


def test_refusal_quoting_markdown_is_shown_literally(store_copy, monkeypatch):
    # A cell like ![p](http://...) quoted in a refusal must not become an image, a link
    # (GFM autolinks bare URLs even when backslash-escaped) or HTML: it is one code span.
    hostile = "x.csv:2: column 'Value': not a number ('![p](http://evil.example/p.png) <b>`x`</b>')"
    monkeypatch.setattr(upload, "load_upload", lambda *a, **k: upload.UploadResult(False, hostile))
    at = submit_upload("x.csv", HEADER + ROW)
    assert at.error[0].value == f"Refused, nothing was changed: `` {hostile} ``"
    assert refusal_line(at) == f"Refused, nothing was changed: {hostile}"


def test_upload_size_limit_is_configured_and_passed_to_the_loader(store_copy, monkeypatch):
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    limit_mb = config["server"]["maxUploadSize"]
    assert 0 < limit_mb <= 200
    seen = {}

    def fake(source, name, data, db, max_bytes=None):
        seen["max_bytes"] = max_bytes
        return upload.UploadResult(False, f"{name}: stub")

    monkeypatch.setattr(upload, "load_upload", fake)
    submit_upload("x.csv", HEADER + ROW)
    assert seen["max_bytes"] == limit_mb * 1024 * 1024


def test_file_over_the_size_limit_is_refused_before_loading_and_store_unchanged(store_copy):
    before = fingerprint(store_copy)
    data = HEADER + ROW * 100
    result = upload.load_upload("bts-crossings", "big.csv", data, store_copy, max_bytes=1000)
    assert not result.ok
    assert "\n" not in result.message
    assert result.message.startswith("big.csv:") and "upload limit of 1,000 bytes" in result.message
    assert fingerprint(store_copy) == before


def test_uploader_accepts_only_the_kinds_the_loaders_read(store_copy):
    at = page_test("data_sources")
    at.run()
    kinds = set(at.file_uploader(key="data_upload").allowed_type)
    assert kinds == {".csv", ".gz", ".txt", ".zip"}
