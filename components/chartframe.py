"""The frame around every chart and table: title, caption naming the sources, CSV download,
'Data table' expander (the screen-reader alternative), and a plain sentence instead of
a blank chart when there is no data.

``show_chart(fig, data, sources, key, title)`` and ``show_table(data, sources, key, title)``
are what pages call; the pieces live in ``citations``, ``safetext``, ``figlocale`` and
``tables``.
"""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from components import exports, viewcache
from components.citations import source_caption
from components.figlocale import PLOTLY_CONFIG, localise_figure
from components.i18n import t
from components.safetext import csv_bytes, html_text
from components.tables import data_table, dataframe


def show_name(name, code=None) -> None:
    """A data name (and its code) as a bold line, always inert: escaped HTML, so neither
    markdown, a link nor a tag can come out of it (``md_literal`` would show code font)."""
    text = html_text(" ".join(str(name).split()))
    if code is not None:
        text += f" ({html_text(str(code))})"
    st.html(f'<p class="bl-name" style="font-weight:600;font-size:1.1rem;margin:0">{text}</p>')


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
    if not viewcache.is_shared_figure(fig):  # a shared one was localised when built
        localise_figure(fig)
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch")
    _frame_footer(data, sources, key, title)
    exports.png_button(fig, key)  # the figure as a PNG file
    data_table(data, key)
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
    dataframe(data, key=f"{key}-df", column_config=column_config, height=height)
    _frame_footer(data, sources, key, title)
    return True
