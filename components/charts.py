"""Plain chart builders: a pandas DataFrame in, a plotly Figure out.

No streamlit here and no SQL: pages pass frames from ``components.query`` and the
already-translated texts (title, axis labels, legend labels) from ``components.i18n.t``,
so every function is testable as a plain function.

Accessibility rules applied everywhere: colour-blind-safe palettes (Okabe-Ito for
categories, cividis for sequences) and never colour alone — series also differ by
marker symbol / bar pattern and carry their values as text or hover labels.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from components import i18n
from components.figlocale import separators_for
from components.palettes import OKABE_ITO
from components.safetext import html_text

# Opacity of the hatch on highlighted ranked bars (a full-opacity hatch crossed their text).
HATCH_OPACITY = 0.35
# Distinct marker shapes and bar patterns so series never rely on colour alone.
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"]
PATTERNS = ["", "/", ".", "x", "-", "|", "+", "\\"]
SEQUENTIAL = "Cividis"

Formatter = Callable[[float], str]


def _plain(value: float) -> str:
    """Default number text: integer with thousands separators, or 2 decimals."""
    if pd.isna(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _wrap(text: str, width: int = 60) -> str:
    """``text`` escaped and broken into '<br>'-joined lines of at most ``width`` characters,
    so a long name (an official HS chapter title) stays inside a tooltip."""
    return "<br>".join(textwrap.wrap(html_text(text), width)) or html_text(text)


def _base_layout(fig: go.Figure, title: str, lang: str) -> go.Figure:
    """Apply the shared layout: title, language separators, readable margins."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        separators=separators_for(lang),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"namelength": -1},
        template="plotly_white",
    )
    return fig


def _require(df: pd.DataFrame, columns: Sequence[str]) -> None:
    """Refuse a frame that lacks a needed column (a programming error, not user input)."""
    missing = [c for c in columns if c and c not in df.columns]
    if missing:
        raise ValueError(f"chart frame lacks columns {missing}; has {list(df.columns)}")


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
    fmt: Formatter = _plain,
    lang: str = "en",
) -> go.Figure:
    """Lines over ``x`` (one per value of ``series``), with markers and per-point hover text.

    ``series_labels`` maps raw series values (e.g. 'export') to legend names.
    """
    _require(df, [x, y, series or ""])
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
    return _base_layout(fig, title, lang)


def ranked_bars(
    df: pd.DataFrame,
    label: str,
    value: str,
    *,
    title: str = "",
    value_label: str = "",
    top_n: int | None = 20,
    highlight: Mapping[str, str] | None = None,
    fmt: Formatter = _plain,
    lang: str = "en",
    hover: Mapping[str, str] | None = None,
) -> go.Figure:
    """Horizontal bars ranked by ``value`` (largest on top), each labelled with its value.

    ``highlight`` maps a label to a note (e.g. 'planned'): those bars get a hatch
    pattern and the note in their text, so the distinction is not colour alone.
    ``hover`` maps a label to a longer name for its tooltip (e.g. an official title
    behind a short axis label); labels it lacks show themselves.
    """
    _require(df, [label, value])
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
            customdata=[_wrap(hover.get(n, n)) for n in ranked[label]] if hover else None,
            hovertemplate=("%{customdata}" if hover else "%{y}") + ": %{text}<extra></extra>",
            name=value_label,
        )
    )
    fig.update_xaxes(title_text=value_label)
    fig.update_yaxes(title_text="", automargin=True)
    fig.update_layout(height=max(300, 28 * len(ranked) + 120), showlegend=False)
    return _base_layout(fig, title, lang)


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
    _require(df, [x, y, series])
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
    return _base_layout(fig, title, lang)


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
    fmt: Formatter = _plain,
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
    _require(df, [source, target, value])
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
    _base_layout(fig, title, lang)
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


def small_multiples(
    df: pd.DataFrame,
    x: str,
    y: str,
    facet: str,
    *,
    title: str = "",
    facet_labels: Mapping[str, str] | None = None,
    columns: int = 3,
    fmt: Formatter = _plain,
    lang: str = "en",
) -> go.Figure:
    """One small line panel per value of ``facet`` (shared x, independent y), titled by facet label."""
    from plotly.subplots import make_subplots

    _require(df, [x, y, facet])
    keys = list(dict.fromkeys(df[facet]))
    if not keys:
        return _base_layout(go.Figure(), title, lang)
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
    return _base_layout(fig, title, lang)


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
    _require(facts, ["fact_id", "value", "unit", "label_en", "source_publisher", "source_url"])
    render = fmt_value or (lambda v, u: f"{_plain(v)} {u}")
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
