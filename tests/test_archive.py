"""Compressed inputs are proven whole and bounded before any loader parses them.

All archives here are synthetic, made in tmp_path by the tests themselves.
"""

import gzip
import io
import zipfile

import pytest

from ingest.archive import extract_zip, sniff, verify_gzip
from ingest.model import LoadError


def write_gzip(path, payload: bytes):
    path.write_bytes(gzip.compress(payload))
    return path


def test_sniff_tells_gzip_zip_plain_and_empty(tmp_path):
    g = write_gzip(tmp_path / "a.gz", b"x,y\n1,2\n")
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.csv", "x\n1\n")
    p = tmp_path / "a.csv"
    p.write_text("x\n1\n")
    e = tmp_path / "empty.csv"
    e.write_bytes(b"")
    assert [sniff(f) for f in (g, z, p, e)] == ["gzip", "zip", "plain", "empty"]


def test_whole_gzip_reports_its_decompressed_size(tmp_path):
    g = write_gzip(tmp_path / "ok.csv.gz", b"a,b\n" * 1000)
    assert verify_gzip(g) == 4000


def test_truncated_gzip_is_refused_even_if_first_half_parses(tmp_path):
    full = gzip.compress(b"Port Name,Value\n" + b"Blaine,1\n" * 50_000)
    g = tmp_path / "cut.csv.gz"
    g.write_bytes(full[: len(full) // 2])
    with pytest.raises(LoadError, match="truncated"):
        verify_gzip(g)


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    g = write_gzip(tmp_path / "bomb.csv.gz", b"\0" * 5_000_000)
    with pytest.raises(LoadError, match="compression bomb"):
        verify_gzip(g, max_bytes=1_000_000)


def test_high_ratio_gzip_is_refused_as_bomb(tmp_path):
    g = write_gzip(tmp_path / "ratio.csv.gz", b"\0" * 50_000_000)
    with pytest.raises(LoadError, match="ratio"):
        verify_gzip(g)


def test_garbage_named_gz_is_refused(tmp_path):
    g = tmp_path / "junk.csv.gz"
    g.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    with pytest.raises(LoadError):
        verify_gzip(g)


@pytest.mark.parametrize(
    "name", ["../evil.csv", "/etc/evil.csv", "a/../../evil.csv", "..\\evil.csv"]
)
def test_zip_member_escaping_target_is_refused_and_nothing_written(tmp_path, name):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(name, "x\n1\n")
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(LoadError, match="escape"):
        extract_zip(z, dest)
    assert not (tmp_path / "evil.csv").exists()
    assert list(dest.rglob("*")) == []


def test_zip_bomb_is_refused_by_declared_size(tmp_path):
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.csv", b"\0" * 3_000_000)
    with pytest.raises(LoadError, match="bytes"):
        extract_zip(z, tmp_path / "out", max_bytes=1_000_000)


def test_zip_extracts_regular_members(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("dot1_0115.csv", "TRDTYPE\n1\n")
        zf.writestr("sub/dot2_0115.csv", "TRDTYPE\n2\n")
    z = tmp_path / "month.zip"
    z.write_bytes(buf.getvalue())
    got = extract_zip(z, tmp_path / "out")
    assert sorted(p.name for p in got) == ["dot1_0115.csv", "dot2_0115.csv"]


def test_not_a_zip_is_refused(tmp_path):
    z = tmp_path / "fake.zip"
    z.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(LoadError, match="zip"):
        extract_zip(z, tmp_path / "out")
