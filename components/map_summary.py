"""A map's short text alternative, written from the data it shades: what is shaded, the
three largest places and the selected one. Plain Python (no Streamlit): pages show it
under the map (screen readers and anyone who cannot read colours get the same facts).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from components.i18n import t


def map_summary(
    values: pd.DataFrame,
    what: str,
    fmt: Callable[[float], str],
    name: Callable[[str], str],
    selected: str | None = None,
    top: int = 3,
    unknown: dict[str, str] | None = None,
) -> str:
    """One paragraph describing a shaded map.

    In: values (place_id, value; NaN = unknown), ``what`` the map shades ('Foreign direct
    investment from the United States, 2024'), a value formatter, a place-name lookup, the
    selected place id, how many places to name, ``unknown`` {place_id: why} for places
    whose value is withheld ('confidential'). Out: the sentence(s), in the UI language.
    """
    known = values[values["value"].notna()].sort_values("value", ascending=False)
    parts = [t("mapsum.shaded", what=what, n=len(known))]
    if known.empty:
        parts.append(t("mapsum.none"))
    else:
        largest = [
            f"{name(p)} ({fmt(v)})" for p, v in zip(known["place_id"], known["value"], strict=True)
        ]
        parts.append(t("mapsum.top", n=min(top, len(largest)), places="; ".join(largest[:top])))
    if unknown:
        listed = ", ".join(sorted(name(p) for p in unknown))
        parts.append(t("mapsum.withheld", places=listed, why=next(iter(unknown.values()))))
    if selected:
        hit = values[values["place_id"] == selected]
        if selected in (unknown or {}):
            shown = unknown[selected]
        elif hit.empty or pd.isna(hit["value"].iloc[0]):
            shown = t("ui.no_data")
        else:
            shown = fmt(float(hit["value"].iloc[0]))
        parts.append(t("mapsum.selected", place=name(selected), value=shown))
    return " ".join(parts)
