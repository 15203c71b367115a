"""Land-port gazetteer: ``data/ports.csv`` (snapshot) and the ``ports`` batch.

The snapshot joins the BTS port reference in ``../shared/data/bts_land_ports_of_entry``
(names, states, borders, BTS coordinates) with first/last month observed in the
full 2025 crossings vintage, and appends planned ports from ``data/ports_planned.csv``.
Keyed on port code: the name "Eastport" is both Idaho 3302 and Maine 0103.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ingest.crossings import BORDERS, FULL_VINTAGE, LICENSE, PUBLISHER, TITLE, URL, US_STATES
from ingest.model import Batch, LoadError, Source

SOURCE_ID = "bts-ports"
PLANNED_SOURCE_ID = "ports-planned"
GAZETTEER = "bts_land_ports_of_entry/ports.csv"
PORTS_CSV = "ports.csv"
PLANNED_CSV = "ports_planned.csv"
REPO_DATA = Path(__file__).resolve().parents[1] / "data"
COLUMNS = [
    "port_code",
    "port_name",
    "place_id",
    "border",
    "lat",
    "lon",
    "status",
    "first_month",
    "last_month",
]
OPEN_WINDOW_MONTHS = 4  # reporting within 4 months of the vintage end = open; 4 (not 3) so
# seasonal ferries (Bar Harbor, Cape Vincent: last row Oct, vintage ends Feb) are not "closed"

_STATE_IDS = {name: f"US-{code}" for code, name in US_STATES.items()}


def _months_before(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def port_table(gazetteer: pd.DataFrame, monthly: pd.DataFrame) -> pd.DataFrame:
    """Gazetteer rows + first/last month from ``monthly`` (port_code, month) -> COLUMNS.

    status is 'open' when the port's last month is within OPEN_WINDOW_MONTHS of
    the latest month in ``monthly``, else 'closed'.
    """
    months = pd.to_datetime(monthly["month"]).dt.date
    span = months.groupby(monthly["port_code"]).agg(["min", "max"])
    latest = months.max()
    cutoff = _months_before(latest, OPEN_WINDOW_MONTHS)
    out = pd.DataFrame(
        {
            "port_code": gazetteer["Port Code"].str.zfill(4),
            "port_name": gazetteer["Port Name"],
            "place_id": gazetteer["State"].map(_STATE_IDS),
            "border": gazetteer["Border"].map(BORDERS),
            "lat": gazetteer["lat_precise"].astype(float),
            "lon": gazetteer["lon_precise"].astype(float),
        }
    )
    out["first_month"] = out["port_code"].map(span["min"])
    out["last_month"] = out["port_code"].map(span["max"])
    out["status"] = ["open" if m >= cutoff else "closed" for m in out["last_month"]]
    return out[COLUMNS].sort_values("port_code").reset_index(drop=True)


def write_snapshot(shared_dir: Path, out_dir: Path) -> list[Path]:
    """Write data/ports.csv from the shared gazetteer + full vintage (+ planned ports)."""
    from ingest.crossings import deduplicated  # heavy read; only for the snapshot

    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    gazetteer = pd.read_csv(shared_dir / GAZETTEER, dtype=str, keep_default_na=False)
    monthly = deduplicated(shared_dir / FULL_VINTAGE)
    table = port_table(gazetteer, monthly)
    # Planned ports are hand-curated input kept in the repo's data/ (an --out elsewhere
    # may carry its own copy).
    planned_csv = out_dir / PLANNED_CSV
    planned = _read_planned(planned_csv if planned_csv.is_file() else REPO_DATA / PLANNED_CSV)
    table = pd.concat([table, planned], ignore_index=True) if len(planned) else table
    out = out_dir / PORTS_CSV
    table.to_csv(out, index=False, lineterminator="\n")
    return [out]


def _read_planned(path: Path) -> pd.DataFrame:
    """Planned ports (hand-curated with cited sources) in COLUMNS order."""
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    planned = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in planned.columns]
    if missing:
        raise LoadError(path, "missing column", line=1, column=missing[0])
    return planned[COLUMNS]


def read_ports(path: Path) -> pd.DataFrame:
    """data/ports.csv as a ``ports`` frame (typed: floats, dates, NULL for empty)."""
    if not path.is_file():
        raise LoadError(path, "missing reference file; run `python -m ingest snapshot`")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise LoadError(path, "missing column", line=1, column=missing[0])
    frame = raw[COLUMNS].copy()
    for col in ("lat", "lon"):
        frame[col] = pd.to_numeric(frame[col].replace("", None)).astype("float64")
    for col in ("first_month", "last_month"):
        frame[col] = [date.fromisoformat(v) if v else None for v in frame[col]]
    return frame


def reference_batches(data_dir: Path) -> list[Batch]:
    """``ports`` batches from data/ports.csv: BTS ports (source ``bts-ports``) and
    planned ports (source ``ports-planned``, cited from data/ports_planned.csv)."""
    frame = read_ports(Path(data_dir) / PORTS_CSV)
    planned = frame["status"] == "planned"
    bts, future = frame[~planned].reset_index(drop=True), frame[planned].reset_index(drop=True)
    lasts = [m for m in bts["last_month"] if m is not None]
    src = Source(
        source_id=SOURCE_ID,
        publisher=PUBLISHER,
        title=TITLE,  # the derivation is in notes; the citation stays the official title
        url=URL,
        as_of=max(lasts) if lasts else None,
        license=LICENSE,
        notes=(
            "One row per CBP port code in the BTS table: BTS name, state, border and "
            "coordinates (parsed from the published Point), first/last month with a "
            f"published row; status 'open' if reporting within {OPEN_WINDOW_MONTHS} months "
            "of the vintage's last month, else 'closed'."
        ),
        file_name=PORTS_CSV,
    )
    batches = [Batch(source=src, table="ports", frame=bts, key=[], rows_read=len(bts))]
    if len(future):
        batches.append(
            Batch(
                source=planned_source(Path(data_dir)),
                table="ports",
                frame=future,
                key=[],
                rows_read=len(future),
            )
        )
    return batches


def planned_source(data_dir: Path) -> Source:
    """The ``sources`` row for planned ports: the cited project pages, location approximate."""
    path = data_dir / PLANNED_CSV
    if not path.is_file():
        path = REPO_DATA / PLANNED_CSV
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    urls = sorted({u for u in rows.get("source_url", []) if u})
    notes = " | ".join(
        f"{r['port_code']} {r['port_name']}: {r.get('note', '')}" for _, r in rows.iterrows()
    )
    return Source(
        source_id=PLANNED_SOURCE_ID,
        publisher="SANDAG and Caltrans (project sponsors); compiled by Borderlinks",
        title="Planned land ports of entry (State Route 11 / Otay Mesa East Port of Entry)",
        url=urls[0] if urls else None,
        as_of=None,
        license=None,
        notes=notes,
        file_name=PLANNED_CSV,
    )
