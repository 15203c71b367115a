"""Regenerate the committed snapshot files from ``../shared/data`` (``python -m ingest snapshot``)."""

from __future__ import annotations

from pathlib import Path

from ingest.model import LoadError

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"


def write_snapshots(
    shared_dir: Path = SHARED_DIR, out_dir: Path | None = None, only: list[str] | None = None
) -> list[tuple[str, Path]]:
    """Run the registered snapshot writers (all, or those named in ``only``).

    Out: (writer name, written path) pairs. LoadError if the shared folder is missing
    or ``only`` names an unknown writer.
    """
    from ingest import registry

    shared_dir = Path(shared_dir)
    out_dir = Path(out_dir) if out_dir else Path(__file__).resolve().parents[1] / "data"
    if not shared_dir.is_dir():
        raise LoadError(shared_dir, "shared data folder not found")
    names = [name for name, _ in registry.SNAPSHOTS]
    unknown = sorted(set(only or []) - set(names))
    if unknown:
        raise LoadError("snapshot", f"unknown snapshot '{unknown[0]}' (known: {', '.join(names)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in registry.SNAPSHOTS:
        if only and name not in only:
            continue
        written += [(name, Path(p)) for p in writer(shared_dir, out_dir)]
    return written
