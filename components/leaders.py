"""Leaders of initiatives and their parties: parsing the inventory's ``leaders`` JSON and the
per-initiative party counts of the stock-taking page.

In: the store (through ``components.query``). The ``leaders`` column holds a JSON list of
{name, role, party, place_id} written by ``ingest.inventory``; anything else reads as no leaders.
"""

from __future__ import annotations

import json

import pandas as pd

from components import query

LEADER_COLUMNS = [
    "initiative_id",
    "name_en",
    "year",
    "border",
    "leader",
    "role",
    "party",
    "place_id",
    "source_id",
]
SPREAD_COLUMNS = [
    "initiative_id",
    "name_en",
    "year",
    "parties",
    "party_list",
    "cross_party",
    "source_id",
]


def parse_leaders(raw) -> list[dict]:
    """Parse the ``leaders`` JSON text (list of {name, role, party, place_id}); [] if unusable."""
    if raw is None or (isinstance(raw, float) and pd.isna(raw)) or raw == "":
        return []
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def leader_parties(db) -> pd.DataFrame:
    """One row per (initiative, leader) with a party. Out: initiative_id, name_en, year, border,
    leader, role, party, place_id, source_id."""
    rows = []
    for rec in query.initiative_leaders(db).to_dict("records"):
        for leader in parse_leaders(rec["leaders"]):
            party = (leader.get("party") or "").strip()
            if not party:
                continue
            rows.append(
                {
                    "initiative_id": rec["initiative_id"],
                    "name_en": rec["name_en"],
                    "year": rec["year"],
                    "border": rec["border"],
                    "leader": leader.get("name"),
                    "role": leader.get("role"),
                    "party": party,
                    "place_id": leader.get("place_id") or leader.get("place"),
                    "source_id": rec["source_id"],
                }
            )
    return pd.DataFrame(rows, columns=LEADER_COLUMNS)


def party_spread(db) -> pd.DataFrame:
    """Per initiative with known leader parties: initiative_id, name_en, year, parties
    (count of distinct parties), party_list ('; '), cross_party (parties > 1), source_id."""
    long = leader_parties(db)
    if long.empty:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    grouped = (
        long.groupby(["initiative_id", "name_en", "year", "source_id"])["party"]
        .agg(lambda s: sorted(set(s)))
        .reset_index()
    )
    grouped["parties"] = grouped["party"].map(len)
    grouped["party_list"] = grouped["party"].map("; ".join)
    grouped["cross_party"] = grouped["parties"] > 1
    return grouped[SPREAD_COLUMNS].sort_values(["parties", "year"], ascending=[False, False])
