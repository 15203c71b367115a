"""Chart builders for investment (FDI) figures where a value may be confidential.

Plain Plotly, no Streamlit. A confidential cell (the source withheld it) is never drawn
as a zero-length bar that reads as "none": it gets its own row (or year) with the
word passed in ``confidential_text`` written where the bar would start.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.chartbase import Formatter, base_layout, require_columns
from components.charts import PATTERNS, ranked_bars
from components.palettes import OKABE_ITO

CONFIDENTIAL_GREY = "#595959"  # text on white: 7:1 contrast


def ranked_with_confidential(
    df: pd.DataFrame,
    label: str,
    value: str,
    *,
    confidential_text: str,
    value_label: str = "",
    fmt: Formatter,
    lang: str = "en",
    highlight: Mapping[str, str] | None = None,
    top_n: int | None = None,
) -> go.Figure:
    """Horizontal ranked bars of ``value``; rows with a NaN value and ``confidential`` True
    are listed under the bars with ``confidential_text`` instead of a bar.

    ``df``: label, value, confidential. Out: a Figure (``charts.ranked_bars`` + the rows).
    """
    require_columns(df, [label, value, "confidential"])
    withheld = df[df[value].isna() & df["confidential"].fillna(False).astype(bool)]
    known = df[df[value].notna()]
    if top_n:
        known = known.nlargest(top_n, value)
    fig = ranked_bars(
        known,
        label,
        value,
        value_label=value_label,
        top_n=None,
        highlight=highlight,
        fmt=fmt,
        lang=lang,
    )
    if withheld.empty:
        return fig
    names = [str(n) for n in withheld[label]]
    fig.add_trace(
        go.Scatter(
            x=[0] * len(names),
            y=names,
            mode="text",
            text=[confidential_text] * len(names),
            textposition="middle right",
            textfont={"color": CONFIDENTIAL_GREY, "style": "italic"},
            hovertemplate="%{y}: " + confidential_text + "<extra></extra>",
            showlegend=False,
        )
    )
    order = [*names[::-1], *known.sort_values(value)[label].astype(str)]
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(height=max(300, 28 * len(order) + 120))
    return fig


def origin_mix_bars(
    df: pd.DataFrame,
    *,
    series_labels: Mapping[str, str],
    confidential_text: str,
    y_label: str,
    fmt: Formatter,
    lang: str = "en",
) -> go.Figure:
    """Bars per year stacked by origin (negative = disinvestment below the axis).

    ``df``: year, series (keys of ``series_labels``, in stacking order), value_musd,
    confidential. A confidential cell is named above its year's bar ('Canada:
    confidential') instead of being drawn. Each series has a colour AND a pattern.
    """
    require_columns(df, ["year", "series", "value_musd", "confidential"])
    fig = go.Figure()
    for i, key in enumerate(series_labels):
        part = df[(df["series"] == key) & df["value_musd"].notna()].sort_values("year")
        if part.empty:
            continue
        name = series_labels[key]
        fig.add_trace(
            go.Bar(
                x=part["year"],
                y=part["value_musd"],
                name=name,
                marker={
                    "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)]},
                },
                text=[fmt(v) for v in part["value_musd"]],
                textposition="none",
                hovertemplate="%{x}<br>" + name + ": %{text}<extra></extra>",
            )
        )
    withheld = df[df["value_musd"].isna() & df["confidential"].fillna(False).astype(bool)]
    tops = df[df["value_musd"] > 0].groupby("year")["value_musd"].sum()
    for year, part in withheld.groupby("year"):
        names = ", ".join(series_labels.get(s, s) for s in part["series"])
        fig.add_annotation(
            x=year,
            y=float(tops.get(year, 0.0)),
            text=f"{names}: {confidential_text}",
            showarrow=False,
            yshift=14,
            textangle=-90 if len(names) > 12 else 0,
            yanchor="bottom",
            font={"color": CONFIDENTIAL_GREY, "size": 11},
        )
    fig.update_layout(barmode="relative", legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(title_text="", dtick=2)
    fig.update_yaxes(title_text=y_label)
    return base_layout(fig, "", lang)
