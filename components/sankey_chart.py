"""Sankey chart of flows between two sets of places (trade by mode, state to partner).

A pandas DataFrame in, a plotly Figure out; no streamlit. Left nodes are one colour;
right nodes get a colour per group (country), and every node is also named in text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.chartbase import Formatter, base_layout, plain_number, require_columns
from components.palettes import OKABE_ITO

# Sankey layout: label size, the gap between nodes and between groups of nodes (px).
SANKEY_FONT = 14
SANKEY_PAD = 18
SANKEY_GROUP_GAP = 40
SANKEY_THICKNESS = 16


def sankey(
    df: pd.DataFrame,
    source: str,
    target: str,
    value: str,
    *,
    title: str = "",
    node_labels: Mapping[str, str] | None = None,
    fmt: Formatter = plain_number,
    lang: str = "en",
) -> go.Figure:
    """A two-column Sankey from rows (source, target, value); node names shown as text.

    A node id present on both sides stays two nodes (left/right), because a flow
    diagram of origin -> destination must not loop back. For reading: each column
    runs largest first; ids 'A · B' are grouped by 'A' (destinations 'Canada · Truck',
    'Mexico · Rail' by country), groups apart and in their own colour; ids starting
    with '__' (an 'other' bucket) come last. Names are written outside the columns
    (left of the origins, right of the destinations) in 14 px text, so no band runs
    through a name.
    """
    require_columns(df, [source, target, value])
    names = node_labels or {}
    amounts = df[value].astype(float)
    left = _sankey_order(df[source].astype(str), amounts)
    right = _sankey_order(df[target].astype(str), amounts)
    index = {("L", n): i for i, n in enumerate(left)}
    index.update({("R", n): len(left) + i for i, n in enumerate(right)})
    labels = [names.get(n, n) for n in left] + [names.get(n, n) for n in right]
    groups = list(dict.fromkeys(_sankey_group(n) for n in right))
    right_colour = {g: OKABE_ITO[1 + i % (len(OKABE_ITO) - 1)] for i, g in enumerate(groups)}
    colours = [OKABE_ITO[0]] * len(left) + [right_colour[_sankey_group(n)] for n in right]
    totals = [
        *(amounts[df[source].astype(str) == n].sum() for n in left),
        *(amounts[df[target].astype(str) == n].sum() for n in right),
    ]
    height = max(400, (SANKEY_PAD + SANKEY_FONT) * max(len(left), len(right)) + 140)
    top, bottom = (60 if title else 16), 16  # room for a title, else none
    y, pad = _sankey_rows([left, right], totals, height - top - bottom)
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed",  # our rows, not the solver's: groups stay together
            node={
                "label": labels,
                "color": colours,
                "pad": pad,
                "thickness": SANKEY_THICKNESS,
                # x/y of 0 are ignored by Plotly: the columns sit just inside the edges.
                "x": [0.001] * len(left) + [0.999] * len(right),
                "y": y,
                "customdata": [fmt(v) for v in totals],
                "hovertemplate": "%{label}: %{customdata}<extra></extra>",
            },
            link={
                "source": [index[("L", str(s))] for s in df[source]],
                "target": [index[("R", str(t))] for t in df[target]],
                "value": amounts.tolist(),
                "customdata": [fmt(v) for v in df[value]],
                "hovertemplate": "%{source.label} → %{target.label}: %{customdata}<extra></extra>",
                "color": [_rgba(right_colour[_sankey_group(str(t))], 0.35) for t in df[target]],
            },
            # The names are drawn as annotations outside the columns (below).
            textfont={"color": "rgba(0,0,0,0)", "size": 1, "shadow": "none"},
        )
    )
    fig.update_layout(height=height, font={"size": SANKEY_FONT})
    base_layout(fig, title, lang)
    fig.update_layout(
        margin={
            "l": _label_width(labels[: len(left)]),
            "r": _label_width(labels[len(left) :]),
            "t": top,
            "b": bottom,
        },
        annotations=[
            _sankey_label(text, 0 if i < len(left) else 1, 1 - y[i])
            for i, text in enumerate(labels)
        ],
    )
    return fig


def _sankey_group(node_id: str) -> str:
    """Group of a node id: the text before ' · ' ('Canada · Truck' -> 'Canada'), else ''."""
    return node_id.split(" · ", 1)[0] if " · " in node_id else ""


def _sankey_order(ids: pd.Series, amounts: pd.Series) -> list[str]:
    """Distinct node ids by group name (a stable order from year to year), then largest
    first; ids starting with '__' (an 'other' bucket) last."""
    size = amounts.groupby(ids.to_numpy()).sum()
    return sorted(size.index, key=lambda n: (n.startswith("__"), _sankey_group(n), -size[n], n))


def _sankey_rows(columns: list[list[str]], totals: list[float], height: float):
    """Vertical centres (0 = top, 1 = bottom) of every node, and the node pad to give Plotly.

    Plotly sizes nodes by one scale (px per unit) set by its fullest column with its
    ``pad``; a column's extra group gaps must fit in that same height, so the pad
    handed to Plotly is widened until its scale leaves room for them.
    """
    total = max(sum(totals[: len(columns[0])]), 1e-9)
    needs = []
    for column in columns:
        gaps = len({_sankey_group(n) for n in column}) - 1
        needs.append((len(column) - 1) * SANKEY_PAD + gaps * SANKEY_GROUP_GAP)
    scale = max(height - max(needs), height * 0.2) / total
    fullest = max(len(c) for c in columns)
    pad = (height - scale * total) / (fullest - 1) if fullest > 1 else SANKEY_PAD
    centres, offset = [], 0
    for column in columns:
        cursor, previous = 0.0, None
        for i, node in enumerate(column):
            group = _sankey_group(node)
            if i:
                cursor += SANKEY_PAD + (SANKEY_GROUP_GAP if group != previous else 0)
            size = totals[offset + i] * scale
            centres.append(min(max((cursor + size / 2) / height, 0.001), 0.999))
            cursor += size
            previous = group
        offset += len(column)
    return centres, pad


def _sankey_label(text: str, side: int, y: float) -> dict:
    """A node name beside its column: left of the origins (side 0), right of the targets."""
    shift = SANKEY_THICKNESS / 2 + 6
    return {
        "text": text,
        "x": side,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "right" if side == 0 else "left",
        "yanchor": "middle",  # "auto" would anchor the top third by its top, etc.
        "xshift": -shift if side == 0 else shift,
        "showarrow": False,
        "font": {"size": SANKEY_FONT, "color": "#111111"},
    }


def _label_width(labels: Sequence[str]) -> int:
    """Margin (px) that holds the longest name at the Sankey font size."""
    longest = max((len(s) for s in labels), default=0)
    return int(longest * SANKEY_FONT * 0.55) + SANKEY_THICKNESS + 16


def _rgba(hex_colour: str, alpha: float) -> str:
    """'#0072B2', 0.35 -> 'rgba(0,114,178,0.35)'."""
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"
