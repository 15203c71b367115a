"""Build the store from the committed reference data in ``data/`` (``python -m ingest build``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.model import Batch

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def reference_batches(
    data_dir: Path = DATA_DIR, on_builder: Callable[[str], None] | None = None
) -> list[Batch]:
    """Every registered reference builder's batches, in registry order."""
    from ingest import registry

    batches: list[Batch] = []
    for name, builder in registry.REFERENCE_BUILDERS:
        if on_builder:
            on_builder(name)
        batches += builder(Path(data_dir))
    return batches


def build_store(
    db_path: Path,
    data_dir: Path = DATA_DIR,
    on_builder: Callable[[str], None] | None = None,
) -> list:
    """Write a brand-new store at ``db_path`` from ``data_dir``; return one Report per batch.

    The one build path of ``python -m ingest build`` and of the dashboard's first start.
    ``on_builder(name)`` is called before each reference builder, then with
    "writing store" (progress display). Raises LoadError on bad input (store unchanged).
    """
    from ingest import store

    batches = reference_batches(data_dir, on_builder)
    if on_builder:
        on_builder("writing store")
    return store.build(Path(db_path), batches)
