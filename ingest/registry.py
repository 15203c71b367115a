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

from ingest import (
    crossings,
    fdi,
    fdi_origin,
    fdi_sector,
    inegi_exports,
    inventory,
    places,
    ports,
    texas_ports,
    trade_sector,
    transborder,
    transborder_hs2,
    travel,
)

REFERENCE_BUILDERS = [
    ("places", places.reference_batches),
    ("ports", ports.reference_batches),
    ("crossings_annual", crossings.reference_batches),
    ("initiatives", inventory.reference_batches),
    ("trade_annual", transborder.reference_batches),
    ("trade_hs2", transborder_hs2.reference_batches),
    ("fdi", fdi.reference_batches),
    ("fdi_origin", fdi_origin.reference_batches),
    ("fdi_sector", fdi_sector.reference_batches),
    ("trade_sector_annual", trade_sector.reference_batches),
    ("port_trade_annual", texas_ports.reference_batches),
    ("state_exports_subsector", inegi_exports.reference_batches),
    ("travel", travel.reference_batches),
]

LOADERS = {
    "bts-crossings": crossings.load_file,
    "transborder": transborder.load_file,
    "mx-fdi-state": fdi.load_file,
    "mx-fdi-state-datamexico": fdi.load_datamexico,
    "mx-fdi-origin": fdi_origin.load_file,
    "mx-fdi-sector": fdi_sector.load_file,
    "transborder-sector": trade_sector.load_file,
    "texas-ports-trade": texas_ports.load_file,
    "inegi-state-exports": inegi_exports.load_file,
    "statcan-travel": travel.load_file,
}

SNAPSHOTS = [
    ("ports", ports.write_snapshot),
    ("crossings_annual", crossings.write_snapshot),
    ("trade_annual", transborder.write_snapshot),
    ("trade_hs2", transborder_hs2.write_snapshot),
    ("fdi", fdi.write_snapshot),
    ("fdi_origin", fdi_origin.write_snapshot),
    ("fdi_sector", fdi_sector.write_snapshot),
    ("trade_sector_annual", trade_sector.write_snapshot),
    ("port_trade_annual", texas_ports.write_snapshot),
    ("state_exports_subsector", inegi_exports.write_snapshot),
    ("travel", travel.write_snapshot),
]
