"""Safe opening of compressed inputs: gzip streams and zip archives.

Official files arrive compressed (BTS TransBorder months are ZIPs, big CSVs are
gzipped). Before a loader parses one, this module proves it is whole and small
enough: a truncated gzip is refused even when its first half parses, a
"compression bomb" is stopped at a documented ceiling, and zip members whose
paths would escape the extraction folder are refused.
"""

from __future__ import annotations

import gzip
import os
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from ingest.model import LoadError

#: Largest decompressed size we accept for one input (the full BTS crossings
#: table is 46 MB raw). Override with BORDERLINKS_MAX_INPUT_BYTES.
MAX_INPUT_BYTES = int(os.environ.get("BORDERLINKS_MAX_INPUT_BYTES", 1_000_000_000))
#: A compression ratio above this on a large input is treated as a bomb.
MAX_RATIO = 200
MAX_ZIP_MEMBERS = 200
_CHUNK = 1 << 20


def sniff(path: Path) -> str:
    """Return 'gzip', 'zip', 'empty' or 'plain' from the file's first bytes."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as e:
        raise LoadError(path, f"cannot read file: {e.strerror or e}") from None
    if not head:
        return "empty"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head == b"PK\x03\x04" or head == b"PK\x05\x06":
        return "zip"
    return "plain"


def _gunzip(path: Path, limit: int, keep: bool) -> tuple[int, list[bytes]]:
    """Stream-decompress ``path``; return (size, chunks if ``keep``) or raise LoadError."""
    parts: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise LoadError(
                        path,
                        f"decompresses to more than {limit:,} bytes (limit); refused as a possible compression bomb",
                    )
                if keep:
                    parts.append(chunk)
    except EOFError:
        raise LoadError(
            path, f"gzip stream is truncated (ends after {total:,} decompressed bytes)"
        ) from None
    except (OSError, zlib.error) as e:
        raise LoadError(path, f"not a valid gzip file: {e}") from None
    return total, parts


def verify_gzip(path: Path, max_bytes: int | None = None) -> int:
    """Decompress ``path`` to nowhere, checking it is complete and not a bomb.

    Returns the decompressed size in bytes; raises LoadError otherwise.
    """
    path = Path(path)
    total, _ = _gunzip(path, MAX_INPUT_BYTES if max_bytes is None else max_bytes, keep=False)
    packed = path.stat().st_size
    if total > 10 * _CHUNK and total / max(packed, 1) > MAX_RATIO:
        raise LoadError(
            path,
            f"compression ratio {total // max(packed, 1)}:1 exceeds {MAX_RATIO}:1; refused as a possible compression bomb",
        )
    return total


def _safe_member_path(dest: Path, name: str, archive: Path) -> Path:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
        raise LoadError(archive, f"archive member '{name}' would escape the target folder; refused")
    target = (dest / pure).resolve()
    if not target.is_relative_to(dest.resolve()):
        raise LoadError(archive, f"archive member '{name}' would escape the target folder; refused")
    return target


def extract_zip(path: Path, dest: Path, max_bytes: int | None = None) -> list[Path]:
    """Extract the regular files of zip ``path`` into ``dest``; return their paths.

    Refuses path traversal, symlinks, too many members, and archives whose
    declared or actual decompressed size exceeds the limit.
    """
    path, dest = Path(path), Path(dest)
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise LoadError(path, f"not a valid zip archive: {e}") from None
    out: list[Path] = []
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if not members:
            raise LoadError(path, "zip archive holds no files")
        if len(members) > MAX_ZIP_MEMBERS:
            raise LoadError(
                path, f"zip archive holds {len(members)} files (limit {MAX_ZIP_MEMBERS})"
            )
        declared = sum(m.file_size for m in members)
        if declared > limit:
            raise LoadError(path, f"zip declares {declared:,} bytes uncompressed (limit {limit:,})")
        total = 0
        for m in members:
            target = _safe_member_path(dest, m.filename, path)
            if (m.external_attr >> 16) & 0o170000 == 0o120000:
                raise LoadError(path, f"archive member '{m.filename}' is a symbolic link; refused")
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(m) as src, open(target, "wb") as dst:
                    while chunk := src.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise LoadError(
                                path,
                                f"archive decompresses to more than {limit:,} bytes; refused as a possible compression bomb",
                            )
                        dst.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError) as e:
                raise LoadError(path, f"archive member '{m.filename}' is corrupt: {e}") from None
            out.append(target)
    return out


def gunzip_bounded(path: Path, max_bytes: int | None = None) -> bytes:
    """Return the decompressed bytes of gzip ``path``, refusing cut streams and bombs."""
    path = Path(path)
    _, parts = _gunzip(path, MAX_INPUT_BYTES if max_bytes is None else max_bytes, keep=True)
    return b"".join(parts)


def expand_inputs(path: Path, workdir: Path) -> list[Path]:
    """The files to load for ``path``: the members of a zip (extracted safely), else itself."""
    path = Path(path)
    if sniff(path) == "zip":
        members = extract_zip(path, Path(workdir))
        return sorted(m for m in members if not m.name.startswith("."))
    return [path]
