"""Tables as every page shows them: exact grouped numbers in the page's language, raw ids
hidden, sources named by short labels, long text wrapped in full; the closed 'Data table'.

``table_view`` and ``cell_formats`` compute what ``st.dataframe`` shows (testable
without a session); ``dataframe`` and ``data_table`` put it on the page. The CSV keeps
the raw frame (``safetext.csv_bytes``).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components import i18n, viewcache
from components.citations import source_ids, source_labels
from components.figlocale import is_year_like, money_scale
from components.i18n import t

# Text longer than this wraps in a fixed-width column. Streamlit wraps cell text only
# in rows taller than 4rem (64 px); rows grow (up to _MAX_LINES lines) until the longest
# cell shows in full, so no text is cut off until clicked.
_LONG_TEXT = 48
_WRAP_ROW_HEIGHT = 84
_LINE_PX, _CHAR_PX, _CELL_PAD_PX = 20, 6.6, 16  # the grid's 14 px text
_MAX_LINES = 9
_ID_COLUMN = re.compile(r"[a-z0-9_]*_id")
# A link cell shows its site ('bts.gov'), not a 100-character URL.
_LINK_SITE = r"https?://(?:www\d?\.)?([^/?#]+)"


def table_view(
    data: pd.DataFrame, column_config: dict | None = None
) -> tuple[pd.DataFrame, dict, int | None]:
    """What ``st.dataframe`` shows for ``data`` -> (frame, column config, row height).

    Raw id columns (``place_id``, ``source_id``, …) stay in the frame but are hidden
    (the CSV keeps them); a table mixing sources gets a 'Source' column of short
    source names (one source: the caption under the table names it). Numbers are
    exact and grouped in the page's language ('3,026,632', '3 026 632'; see
    ``cell_formats``); years stay '2024'. Long text wraps in a fixed width and a
    link shows its site. ``column_config`` entries win over these defaults.
    """
    caller = dict(column_config or {})
    frame = _with_source_names(data) if "source_id" not in caller else data
    config: dict = {}
    wraps = False
    for name in frame.columns:
        series = frame[name]
        if isinstance(name, str) and _ID_COLUMN.fullmatch(name):
            config[name] = None
        elif pd.api.types.is_bool_dtype(series):
            continue
        elif pd.api.types.is_numeric_dtype(series):
            spec = _number_column(name, series)
            if spec is not None:
                config[name] = spec
        elif _longest_text(series) > _LONG_TEXT:
            width = _wrap_width(series)
            config[name] = st.column_config.TextColumn(width=width)
            wraps = max(wraps, _lines_needed(series, width))
    for name, spec in caller.items():
        config[name] = _with_link_site(spec)
    return frame, config, _row_height(wraps) if wraps else None


def _lines_needed(series: pd.Series, width: int) -> int:
    """Lines the longest cell of a text column takes at ``width`` px (an estimate from
    the grid's average character width, rounded up a line for word breaks)."""
    per_line = max(1, int((width - _CELL_PAD_PX) / _CHAR_PX))
    return -(-_longest_text(series) // per_line) + 1


def _row_height(lines: int) -> int:
    """Row height (px) that shows ``lines`` lines of wrapped text, at least
    ``_WRAP_ROW_HEIGHT`` (the grid wraps only rows over 64 px), at most ``_MAX_LINES``."""
    return max(_WRAP_ROW_HEIGHT, min(lines, _MAX_LINES) * _LINE_PX + 8)


def _with_source_names(data: pd.DataFrame) -> pd.DataFrame:
    """``data`` plus a translated 'Source' column of short names when its rows name
    different sources (ids of one table, like BTS's ports and crossings, do not)."""
    header = t("col.source")
    ids = source_ids(data)
    if len(ids) < 2 or header in data.columns:
        return data
    labels = source_labels(ids)
    if len({labels.get(i, i) for i in ids}) < 2:
        return data
    return data.assign(**{header: data["source_id"].map(lambda s: labels.get(s, s))})


def _number_column(name, series: pd.Series):
    """A number column, or None for a year column. It sets no format: Streamlit's formats
    follow the browser's locale, so the cells show ``cell_formats``' text in the page's
    language instead, and the column still sorts by value."""
    if is_year_like(series.dropna()):
        return None
    return st.column_config.NumberColumn()


def _decimals(series: pd.Series, most: int = 3) -> int:
    """Fraction digits needed to show every value of ``series`` exactly (at most ``most``)."""
    values = series.dropna().astype(float)
    for digits in range(most):
        scaled = values * 10**digits
        if ((scaled - scaled.round()).abs() < 1e-6).all():
            return digits
    return most


def number_format(name, series: pd.Series, lang: str | None = None) -> Callable:
    """How the cells of number column ``name`` read in the page's language -> value -> text.

    Whole dollars for a '(USD)' column (the header names the currency), grouped integers,
    or just enough decimals to be exact ('4 612,35' in French); '–' for a missing value.
    """
    if money_scale(name) == 1.0 or (digits := _decimals(series)) == 0:
        return functools.partial(i18n.fmt_int, lang=lang)
    return functools.partial(i18n.fmt_num, lang=lang, digits=digits)


def cell_formats(frame: pd.DataFrame, config: dict, lang: str | None = None) -> dict:
    """{column: value -> text in ``lang`` (default: the page's)} for the shown number
    columns of ``frame`` whose column config sets no format of its own (``table_view``)."""
    formats = {}
    for name in frame.columns:
        spec = config.get(name, {})
        if spec is None or not isinstance(spec, dict) or spec.get("type_config", {}).get("format"):
            continue
        if spec.get("type_config", {}).get("type") != "number":
            continue
        formats[name] = number_format(name, frame[name], lang)
    return formats


def _longest_text(series: pd.Series) -> int:
    text = series.dropna()
    return int(text.astype(str).str.len().max()) if not text.empty else 0


def _wrap_width(series: pd.Series) -> int:
    """Width (px) in which most cells of a text column (4 in 5) fit in three lines,
    within 140-400 px: a wide table then fits 1440 px screens; rows grow for the rest."""
    typical = series.dropna().astype(str).str.len().quantile(0.8)
    return int(min(400, max(140, typical * _CHAR_PX / 3 + _CELL_PAD_PX)))


def _with_link_site(spec):
    """A caller's LinkColumn without display text -> the same showing the link's site."""
    if not isinstance(spec, dict):
        return spec
    options = spec.get("type_config") or {}
    if options.get("type") != "link" or options.get("display_text"):
        return spec
    return {**spec, "type_config": {**options, "display_text": _LINK_SITE}}


def dataframe(
    data: pd.DataFrame, key: str, column_config: dict | None = None, height: int | str = "auto"
) -> None:
    """``st.dataframe`` of ``data`` as every table of the app shows it (see ``table_view``)."""
    frame, config, row_height, formats = _laid_out(data, column_config)
    st.dataframe(
        frame.style.format(formats) if formats else frame,
        hide_index=True,
        width="stretch",
        key=key,
        column_config=config,
        height=height,
        row_height=row_height,
    )


def _laid_out(data: pd.DataFrame, column_config: dict | None) -> tuple:
    """``table_view`` and ``cell_formats`` of ``data`` -> (frame, config, row height,
    formats), worked out once per table content and language for every session
    (``viewcache``): measuring the text of each column cost ~10 ms a table per session."""
    try:
        key = (viewcache.frame_key(data), repr(column_config))
    except TypeError:  # cells pandas cannot hash (lists): laid out afresh
        return _lay_out(data, column_config)
    frame, config, row_height, formats = viewcache.remember(
        "table", key, lambda: _lay_out(data, column_config)
    )
    # Shared: Streamlit gets its own copies of the frame and the column settings.
    return frame.copy(deep=False), copy.deepcopy(config), row_height, formats


def _lay_out(data: pd.DataFrame, column_config: dict | None) -> tuple:
    frame, config, row_height = table_view(data, column_config)
    return frame, config, row_height, cell_formats(frame, config)


# Page tests read every table, open or not: their fixture sets this (tests/app/conftest.py).
BUILD_CLOSED_TABLES = False


def data_table(data: pd.DataFrame, key: str) -> None:
    """The table alternative of a chart or map, in an expander that builds it only when
    open: a closed one costs nothing on each rerun (a styled table costs ~10-15 ms)."""
    box = st.expander(t("ui.data_table"), key=f"{key}-table-open", on_change="rerun")
    with box:
        if box.open or BUILD_CLOSED_TABLES:
            dataframe(data, key=f"{key}-table")
