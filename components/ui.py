"""Chart and table frame used on every page: source caption, CSV, data table, empty state.

``show_chart(fig, data, sources, key, title)`` and ``show_table(data, sources, key, title)``
put on every chart/table: a caption naming the sources with their as-of dates,
a CSV download of exactly what is shown (spreadsheet formulas neutralised), a
"Data table" expander as the screen-reader alternative, and a plain sentence
instead of a blank chart when there is no data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components import exports, i18n, query
from components.i18n import t

# Plotly config that keeps the chart offline: no MathJax, no "edit in Chart Studio" link.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "showLink": False,
    "showEditInChartStudio": False,
    "showSendToCloud": False,
    "typesetMath": False,
    "responsive": True,
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def source_ids(data) -> list[str]:
    """Distinct non-null ``source_id`` values of a frame (empty list if the column is missing)."""
    if data is None or "source_id" not in getattr(data, "columns", []):
        return []
    return sorted({str(v) for v in data["source_id"].dropna().unique()})


def _as_ids(sources) -> list[str]:
    if sources is None:
        return []
    if isinstance(sources, pd.DataFrame):
        return source_ids(sources)
    if isinstance(sources, str):
        return [sources]
    return sorted({str(s) for s in sources if s})


def source_caption(sources: Iterable[str] | pd.DataFrame | str | None) -> str:
    """'Source: Publisher, Title (as of <date>); …' for source ids (or a frame with source_id)."""
    ids = _as_ids(sources)
    frame = query.load(query.sources_for, ids) if ids else None
    if frame is None or frame.empty:
        return t("ui.no_source")
    parts = []
    for row in frame.itertuples(index=False):
        text = f"{row.publisher}, {row.title}"
        if row.url:
            text = f"[{text}]({row.url})"
        if row.as_of is not None and not pd.isna(row.as_of):
            text += f" ({t('ui.as_of', date=i18n.fmt_date(row.as_of))})"
        parts.append(text)
    label = t("ui.source") if len(parts) == 1 else t("ui.sources")
    return f"{label}: " + "; ".join(parts)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` where text cells starting with = + - @ (spreadsheet formulas) get a leading '."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM so spreadsheets detect the encoding) of ``frame``, formulas neutralised."""
    # CRLF rows (RFC 4180) also make the writer quote cells holding a bare CR: unquoted,
    # a spreadsheet would start a new row there and read the rest ('=1') as a formula.
    text = neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def md_literal(text) -> str:
    """Any value -> one line of markdown that Streamlit shows literally: an inline code
    span, so no link (GFM autolinks even backslash-escaped URLs), image, HTML, LaTeX or
    :directive: can come out of it."""
    line = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", line)), default=0) + 1)
    return f"{fence} {line} {fence}"


def empty_state(message: str | None = None) -> None:
    """The explicit 'no data' sentence shown instead of a chart/table."""
    st.info(message or t("ui.empty"), icon=":material/info:")


def _frame_footer(data: pd.DataFrame, sources, key: str, title: str | None) -> None:
    st.caption(source_caption(sources if sources is not None else data))
    st.download_button(
        t("ui.download_csv"),
        data=functools.partial(csv_bytes, data),  # built when clicked, not on every run
        file_name=f"borderlinks-{key}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        icon=":material/download:",
        on_click="ignore",
    )


# Plotly number separators per language (decimal, thousands): Mexico writes 1,234.5.
SEPARATORS = {"en": ".,", "es": ".,", "fr": ", "}


def localise_figure(fig) -> None:
    """Number format of a Plotly figure in the current language (in place).

    English keeps Plotly's 'B' for billions; es/fr use SI letters ('G'), since
    'B' would read as 'billón' (10^12) or 'billion' (10^12) there.
    """
    code = i18n.lang()
    fig.update_layout(separators=SEPARATORS[code])
    fig.update_yaxes(exponentformat="B" if code == "en" else "SI")


def _column_config(data: pd.DataFrame, column_config: dict | None) -> dict:
    config = {
        "source_id": st.column_config.TextColumn(t("col.source_id")),
        "place_id": st.column_config.TextColumn("ID"),
    }
    config = {k: v for k, v in config.items() if k in data.columns}
    config.update(column_config or {})
    return config


def show_chart(
    fig,
    data: pd.DataFrame,
    sources=None,
    key: str = "chart",
    title: str | None = None,
    empty_message: str | None = None,
) -> bool:
    """Show a Plotly ``fig`` of ``data`` with caption, CSV, data table; False if empty.

    ``data`` is exactly what the chart shows (columns already labelled in the
    current language); ``sources`` are source ids (default: ``data.source_id``).
    """
    if title:
        st.subheader(title)
    if data is None or data.empty or fig is None:
        empty_state(empty_message)
        return False
    localise_figure(fig)
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch")
    _frame_footer(data, sources, key, title)
    exports.png_button(fig, key)  # F: PNG export of the figure
    with st.expander(t("ui.data_table")):
        st.dataframe(
            data,
            hide_index=True,
            width="stretch",
            key=f"{key}-table",
            column_config=_column_config(data, None),
        )
    return True


def show_table(
    data: pd.DataFrame,
    sources=None,
    key: str = "table",
    title: str | None = None,
    column_config: dict | None = None,
    empty_message: str | None = None,
    height: int | str = "auto",
) -> bool:
    """Show ``data`` as a table with caption and CSV download; False (and a sentence) if empty."""
    if title:
        st.subheader(title)
    if data is None or data.empty:
        empty_state(empty_message)
        return False
    st.dataframe(
        data,
        hide_index=True,
        width="stretch",
        column_config=_column_config(data, column_config),
        key=f"{key}-df",
        height=height,
    )
    _frame_footer(data, sources, key, title)
    return True
