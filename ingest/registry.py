"""Where every loader, reference builder and snapshot writer is listed.

The CLI (``python -m ingest``) only knows what is registered here.

How to add yours (one import + one entry line each, keep alphabetical-ish order):

    from ingest import transborder
    REFERENCE_BUILDERS.append(("trade_annual", transborder.reference_batches))
    LOADERS["transborder"] = transborder.load_file
    SNAPSHOTS.append(("transborder", transborder.write_snapshot))

or add the tuple / dict entry directly in the literals below.

Signatures:
- reference builder: ``callable(data_dir: Path) -> list[Batch]``  (used by ``build``)
- loader:            ``callable(path: Path) -> list[Batch]``      (used by ``load``/``fetch``)
- snapshot writer:   ``callable(shared_dir: Path, out_dir: Path) -> list[Path]`` (``snapshot``)

Keep imports here light: ``python -m ingest load`` must not import geopandas or
streamlit, so modules listed here import heavy libraries inside functions only.
"""

from __future__ import annotations

from ingest import crossings, fdi, inventory, places, ports, transborder, transborder_hs2, travel

REFERENCE_BUILDERS = [
    ("places", places.reference_batches),
    ("ports", ports.reference_batches),
    ("crossings_annual", crossings.reference_batches),
    ("initiatives", inventory.reference_batches),
    ("trade_annual", transborder.reference_batches),
    ("trade_hs2", transborder_hs2.reference_batches),
    ("fdi", fdi.reference_batches),
    ("travel", travel.reference_batches),
]

LOADERS = {
    "bts-crossings": crossings.load_file,
    "transborder": transborder.load_file,
    "mx-fdi-state": fdi.load_file,
    "statcan-travel": travel.load_file,
}

SNAPSHOTS = [
    ("ports", ports.write_snapshot),
    ("crossings_annual", crossings.write_snapshot),
    ("trade_annual", transborder.write_snapshot),
    ("trade_hs2", transborder_hs2.write_snapshot),
    ("fdi", fdi.write_snapshot),
    ("travel", travel.write_snapshot),
]
