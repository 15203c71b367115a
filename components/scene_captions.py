"""A presenter scene's caption filled with its figures from the store.

``fill_caption(db, scene, lang)`` reads each figure spec of a ``components.scenes.Scene``
through ``components.query.scene_figure`` and puts the values, in ``lang``, into the
caption's ``{figure}`` placeholders. Plain Python (no Streamlit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from components import i18n
from components.query.scene_figures import scene_figure

# A caption placeholder: ``{figure_id}``, ``{figure_id_from}``, ``{figure_id_to}``.
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class FilledCaption:
    """A caption with its figures read from the store."""

    text: str
    table: object  # pandas DataFrame: figure, value, shown, unit, first_year, last_year, source_id
    source_ids: tuple[str, ...]
    missing: tuple[str, ...]
    citations: tuple[str, ...] = ()  # primary publications behind facts/initiatives


def format_figure(value, unit: str | None, fmt: str | None, lang: str) -> str:
    """A figure value as text in ``lang`` ('–' when missing)."""
    if value is None or value != value:  # NaN check without numpy
        return "–"
    fmt = fmt or {"USD": "money", "share": "pct", "year": "year"}.get(unit or "", "int")
    if fmt == "money":
        return i18n.fmt_money(value, lang=lang)
    if fmt == "pct":
        digits = 0 if abs(value * 100 - round(value * 100)) < 1e-9 else 1
        return i18n.fmt_pct(value, lang=lang, digits=digits)
    if fmt == "num":
        return i18n.fmt_num(value, lang=lang)
    if fmt == "year":
        return str(int(value))
    return i18n.fmt_int(value, lang=lang)


def fill_caption(db, scene, lang: str, figure_fn=None) -> FilledCaption:
    """Read every figure of ``scene`` from the store at ``db`` and fill its caption in ``lang``.

    ``figure_fn(db, kind, args)`` defaults to ``components.query.scene_figure`` (the app
    passes its cached version). A figure without data shows '–' and is listed in ``missing``.
    """
    import pandas as pd

    figure_fn = figure_fn or scene_figure
    values: dict[str, str] = {}
    rows, sources, missing, citations = [], [], [], []
    for figure in scene.figures:
        frame = figure_fn(db, figure.kind, figure.args)
        if frame is None or frame.empty:
            value = unit = first = last = source = None
            missing.append(figure.figure_id)
        else:
            row = frame.iloc[0]
            value, unit, source = row["value"], row["unit"], row["source_id"]
            first, last = row["first_year"], row["last_year"]
            sources.append(str(source))
            cite = row.get("cite") if hasattr(row, "get") else None
            if isinstance(cite, str) and cite and cite not in citations:
                citations.append(cite)
        values[figure.figure_id] = format_figure(value, unit, figure.fmt, lang)
        values[f"{figure.figure_id}_from"] = (
            "–" if first is None or pd.isna(first) else str(int(first))
        )
        values[f"{figure.figure_id}_to"] = "–" if last is None or pd.isna(last) else str(int(last))
        rows.append(
            {
                "figure": figure.figure_id,
                "value": value,
                "shown": values[figure.figure_id],
                "unit": unit,
                "first_year": first,
                "last_year": last,
                "source_id": source,
            }
        )
    text = PLACEHOLDER.sub(
        lambda m: values.get(m.group(1).split(":")[0], "–"), scene.text("caption", lang)
    )
    table = pd.DataFrame(
        rows, columns=["figure", "value", "shown", "unit", "first_year", "last_year", "source_id"]
    )
    return FilledCaption(text, table, tuple(sorted(set(sources))), tuple(missing), tuple(citations))
