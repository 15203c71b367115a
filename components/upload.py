"""Load an uploaded official file through the same path as ``python -m ingest load``.

Plain Python (no Streamlit): the page passes the bytes; this writes them to a
private temp folder under the uploaded name (so a refusal names the user's
file), runs ``ingest.registry.LOADERS[source]`` and ``ingest.store.apply``.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class UploadResult:
    """Outcome of one upload: ``ok`` and either report lines or the one-line refusal."""

    ok: bool
    message: str
    report: list[str] = field(default_factory=list)


def safe_name(name: str) -> str:
    """Uploaded file name reduced to a plain base name (no path, no odd characters)."""
    base = Path(str(name).replace("\\", "/")).name
    base = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")
    return base[:120] or "upload.csv"


def known_sources() -> list[str]:
    """Source ids accepted by ``python -m ingest load``."""
    from ingest import registry

    return sorted(registry.LOADERS)


def load_upload(
    source: str, name: str, data: bytes, db, max_bytes: int | None = None
) -> UploadResult:
    """Validate ``data`` as an official ``source`` file and apply it to the store at ``db``.

    ``max_bytes`` (the page passes ``server.maxUploadSize``) refuses a larger
    upload before anything is written, in case a client got past Streamlit's own
    check. Returns ``UploadResult(ok=False, message=<one line>)`` on refusal; the
    store is then unchanged (``ingest.store.apply`` swaps a finished copy in).
    """
    from ingest import registry
    from ingest.archive import sniff, verify_gzip
    from ingest.cli import load_path
    from ingest.model import LoadError

    if source not in registry.LOADERS:
        return UploadResult(
            False, f"unknown source '{source}' (known: {', '.join(known_sources())})"
        )
    if not data:
        return UploadResult(False, f"{safe_name(name)}: the file is empty")
    if max_bytes is not None and len(data) > max_bytes:
        return UploadResult(
            False,
            f"{safe_name(name)}: {len(data):,} bytes is over the upload limit of "
            f"{max_bytes:,} bytes; load it with `python -m ingest load` instead",
        )
    with tempfile.TemporaryDirectory(prefix="borderlinks-upload-") as tmp:
        path = Path(tmp) / safe_name(name)
        path.write_bytes(data)
        try:
            if sniff(path) == "gzip":
                # Streamed check first: a bomb is refused by its ratio without the
                # loaders holding up to MAX_INPUT_BYTES in this (shared) server's memory.
                verify_gzip(path)
            reports = load_path(source, path, Path(db))
        except LoadError as exc:
            return UploadResult(False, exc.one_line().replace(str(path), path.name))
        except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            text = f"{path.name}: unexpected {type(exc).__name__}: {first}"
            return UploadResult(False, text.replace(str(path), path.name))
    return UploadResult(True, safe_name(name), [r.one_line() for r in reports])
