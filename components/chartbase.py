"""What every chart builder shares: number text, label wrapping, required columns, the
base layout (title, the language's number separators, margins). Plain Plotly, no streamlit."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.figlocale import separators_for
from components.safetext import html_text

Formatter = Callable[[float], str]


def plain_number(value: float) -> str:
    """Default number text: integer with thousands separators, or 2 decimals."""
    if pd.isna(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def wrap_label(text: str, width: int = 60) -> str:
    """``text`` escaped and broken into '<br>'-joined lines of at most ``width`` characters,
    so a long name (an official HS chapter title) stays inside a tooltip."""
    return "<br>".join(textwrap.wrap(html_text(text), width)) or html_text(text)


def base_layout(fig: go.Figure, title: str, lang: str) -> go.Figure:
    """Apply the shared layout: title, language separators, readable margins."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        separators=separators_for(lang),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"namelength": -1},
        template="plotly_white",
    )
    return fig


def require_columns(df: pd.DataFrame, columns: Sequence[str]) -> None:
    """Refuse a frame that lacks a needed column (a programming error, not user input)."""
    missing = [c for c in columns if c and c not in df.columns]
    if missing:
        raise ValueError(f"chart frame lacks columns {missing}; has {list(df.columns)}")
