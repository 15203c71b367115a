"""Plain chart builders: a pandas DataFrame in, a plotly Figure out.

No streamlit here and no SQL: pages pass frames from ``components.query`` and the
already-translated texts (title, axis labels, legend labels) from ``components.i18n.t``,
so every function is testable as a plain function.

Accessibility rules applied everywhere: colour-blind-safe palettes (Okabe-Ito for
categories, cividis for sequences) and never colour alone — series also differ by
marker symbol / bar pattern and carry their values as text or hover labels.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from components import i18n
from components.chartbase import Formatter, base_layout, plain_number, require_columns, wrap_label
from components.palettes import OKABE_ITO

# Opacity of the hatch on highlighted ranked bars (a full-opacity hatch crossed their text).
HATCH_OPACITY = 0.35
# Distinct marker shapes and bar patterns so series never rely on colour alone.
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"]
PATTERNS = ["", "/", ".", "x", "-", "|", "+", "\\"]
SEQUENTIAL = "Cividis"


def line_series(
    df: pd.DataFrame,
    x: str,
    y: str,
    series: str | None = None,
    *,
    title: str = "",
    x_label: str = "",
    y_label: str = "",
    series_labels: Mapping[str, str] | None = None,
    fmt: Formatter = plain_number,
    lang: str = "en",
) -> go.Figure:
    """Lines over ``x`` (one per value of ``series``), with markers and per-point hover text.

    ``series_labels`` maps raw series values (e.g. 'export') to legend names.
    """
    require_columns(df, [x, y, series or ""])
    fig = go.Figure()
    groups = [(None, df)] if series is None else list(df.groupby(series, sort=True))
    for i, (key, part) in enumerate(groups):
        part = part.sort_values(x)
        name = y_label if key is None else (series_labels or {}).get(key, str(key))
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part[y],
                mode="lines+markers",
                name=name,
                line={"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 2},
                marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 7},
                text=[fmt(v) for v in part[y]],
                hovertemplate="%{x}<br>" + name + ": %{text}<extra></extra>",
            )
        )
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(title_text=y_label, rangemode="tozero")
    fig.update_layout(showlegend=series is not None, legend={"orientation": "h", "y": -0.2})
    return base_layout(fig, title, lang)


def ranked_bars(
    df: pd.DataFrame,
    label: str,
    value: str,
    *,
    title: str = "",
    value_label: str = "",
    top_n: int | None = 20,
    highlight: Mapping[str, str] | None = None,
    fmt: Formatter = plain_number,
    lang: str = "en",
    hover: Mapping[str, str] | None = None,
) -> go.Figure:
    """Horizontal bars ranked by ``value`` (largest on top), each labelled with its value.

    ``highlight`` maps a label to a note (e.g. 'planned'): those bars get a hatch
    pattern and the note in their text, so the distinction is not colour alone.
    ``hover`` maps a label to a longer name for its tooltip (e.g. an official title
    behind a short axis label); labels it lacks show themselves.
    """
    require_columns(df, [label, value])
    ranked = df.sort_values(value, ascending=False)
    if top_n:
        ranked = ranked.head(top_n)
    ranked = ranked.iloc[::-1]  # plotly draws the first category at the bottom
    notes = highlight or {}
    texts = [
        fmt(v) + (f" ({notes[n]})" if n in notes else "")
        for n, v in zip(ranked[label], ranked[value], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=ranked[value],
            y=ranked[label].astype(str),
            orientation="h",
            text=texts,
            textposition="auto",
            marker={
                "color": [OKABE_ITO[1] if n in notes else OKABE_ITO[0] for n in ranked[label]],
                # Thin, faint hatch: the value text is written over it and must stay legible.
                "pattern": {
                    "shape": ["/" if n in notes else "" for n in ranked[label]],
                    "fgopacity": HATCH_OPACITY,
                    "solidity": 0.15,
                },
            },
            customdata=[wrap_label(hover.get(n, n)) for n in ranked[label]] if hover else None,
            hovertemplate=("%{customdata}" if hover else "%{y}") + ": %{text}<extra></extra>",
            name=value_label,
        )
    )
    fig.update_xaxes(title_text=value_label)
    fig.update_yaxes(title_text="", automargin=True)
    fig.update_layout(height=max(300, 28 * len(ranked) + 120), showlegend=False)
    return base_layout(fig, title, lang)


def stacked_bars(
    df: pd.DataFrame,
    x: str,
    y: str,
    series: str,
    *,
    title: str = "",
    x_label: str = "",
    y_label: str = "",
    series_labels: Mapping[str, str] | None = None,
    lang: str = "en",
) -> go.Figure:
    """Bars of ``y`` per ``x`` stacked by ``series``; each series has its own colour AND pattern."""
    require_columns(df, [x, y, series])
    fig = go.Figure()
    for i, (key, part) in enumerate(df.groupby(series, sort=True)):
        name = (series_labels or {}).get(key, str(key))
        fig.add_trace(
            go.Bar(
                x=part[x],
                y=part[y],
                name=name,
                marker={
                    "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)]},
                },
                hovertemplate="%{x}<br>" + name + ": %{y}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(title_text=y_label)
    return base_layout(fig, title, lang)


def small_multiples(
    df: pd.DataFrame,
    x: str,
    y: str,
    facet: str,
    *,
    title: str = "",
    facet_labels: Mapping[str, str] | None = None,
    columns: int = 3,
    fmt: Formatter = plain_number,
    lang: str = "en",
) -> go.Figure:
    """One small line panel per value of ``facet`` (shared x, independent y), titled by facet label."""
    from plotly.subplots import make_subplots

    require_columns(df, [x, y, facet])
    keys = list(dict.fromkeys(df[facet]))
    if not keys:
        return base_layout(go.Figure(), title, lang)
    rows = (len(keys) + columns - 1) // columns
    names = [(facet_labels or {}).get(k, str(k)) for k in keys]
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=names, shared_xaxes=True)
    for i, (key, name) in enumerate(zip(keys, names, strict=True)):
        part = df[df[facet] == key].sort_values(x)
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part[y],
                mode="lines+markers",
                name=name,
                line={"color": OKABE_ITO[0]},
                marker={"size": 4},
                text=[fmt(v) for v in part[y]],
                hovertemplate=name + " %{x}: %{text}<extra></extra>",
                showlegend=False,
            ),
            row=i // columns + 1,
            col=i % columns + 1,
        )
    fig.update_layout(height=220 * rows + 80)
    return base_layout(fig, title, lang)


def callout_cards(
    facts: pd.DataFrame,
    lang: str = "en",
    fmt_value: Callable[[float, str], str] | None = None,
    qualify: Callable[[str, str], str] | None = None,
    fmt_approx: Callable[[float, str], str] | None = None,
) -> list[dict]:
    """Cards data from ``facts`` rows: [{fact_id, value_text, label, year, source, url}].

    The label is taken in ``lang`` with English as the fallback; ``fmt_value(value, unit)``
    renders the number (default: plain thousands + unit). A ``qualifier`` column ('nearly',
    'about', 'over', as the source words it) is kept in the text, via
    ``qualify(qualifier, text)`` (default: 'nearly 7,000 jobs'); 'exactly' adds nothing.
    A qualified figure is rendered by ``fmt_approx`` when given (fewer digits: 'about 70%',
    not 'about 70.0%', which claims a precision the source does not).
    """
    require_columns(
        facts, ["fact_id", "value", "unit", "label_en", "source_publisher", "source_url"]
    )
    render = fmt_value or (lambda v, u: f"{plain_number(v)} {u}")
    wording = qualify or (lambda q, text: f"{q} {text}")
    cards = []
    for row in facts.to_dict("records"):
        qualifier = row.get("qualifier")
        approximate = isinstance(qualifier, str) and qualifier not in ("", "exactly")
        text = (fmt_approx if approximate and fmt_approx else render)(row["value"], row["unit"])
        if approximate:
            text = wording(qualifier, text)
        label = i18n.in_lang(row, "label", lang)
        year = row.get("year")
        cards.append(
            {
                "fact_id": row["fact_id"],
                "value_text": text,
                "label": label,
                "year": None if year is None or pd.isna(year) else int(year),
                "source": row["source_publisher"]
                + (f" — {row['source_title']}" if row.get("source_title") else ""),
                "url": row["source_url"],
            }
        )
    return cards
