"""Chart and table frame used on every page: source caption, CSV, data table, empty state.

``show_chart(fig, data, sources, key, title)`` and ``show_table(data, sources, key, title)``
put on every chart/table: a caption naming the sources with their as-of dates,
a CSV download of exactly what is shown (spreadsheet formulas neutralised), a
"Data table" expander as the screen-reader alternative, and a plain sentence
instead of a blank chart when there is no data.

Every table (``dataframe``, also under maps) shows grouped exact numbers, hides raw
ids and names sources by short labels (``table_view``); the CSV keeps the raw frame.
Chart axes get the language's number format and money axes a scale in words
(``localise_figure``).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from urllib.parse import quote

import pandas as pd
import streamlit as st

from components import exports, i18n, present, query
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


def source_caption(
    sources: Iterable[str] | pd.DataFrame | str | None, short: bool | None = None
) -> str:
    """'Source: Publisher, Title (as of <date>); …' for source ids (or a frame with source_id).

    Sources that read the same (publisher, title and as-of date: BTS's port list and
    its crossing counts come from one table) are named once. A source that publishes
    no as-of date (a gazetteer, a project page) says so instead of showing nothing.
    ``short`` names each source by ``source_label`` (still linked to it): by default
    in presenter mode, where three lines of publisher names would push the map off
    the projector's screen.
    """
    ids = _as_ids(sources)
    frame = query.load(query.sources_for, ids) if ids else None
    if frame is None or frame.empty:
        return t("ui.no_source")
    if short is None:
        short = bool(st.session_state.get(present.PRESENT_KEY, False))
    frame = own_sources_in_language(frame)
    names = [
        source_label(p, title) if short else f"{p}, {title}"
        for p, title in zip(frame["publisher"], frame["title"], strict=True)
    ]
    distinct = frame.assign(shown=names).drop_duplicates(subset=["shown", "as_of"])
    parts = []
    for row in distinct.itertuples(index=False):
        text = row.shown
        if isinstance(row.url, str) and row.url:  # a NULL url is NaN here, not a link
            text = f"[{text}]({row.url})"
        if row.as_of is not None and not pd.isna(row.as_of):
            text += f" ({t('ui.as_of', date=i18n.fmt_date(row.as_of))})"
        else:
            text += f" ({t('ui.no_date')})"
        parts.append(text)
    label = t("ui.source") if len(parts) == 1 else t("ui.sources")
    return label + i18n.colon() + i18n.punct(";").join(parts)


def own_sources_in_language(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``sources`` (source_id, publisher, title, ...) with Borderlinks' own
    compilations named in the page language; published sources stay as published."""

    titles = zip(frame["source_id"], frame["title"], strict=True)
    return frame.assign(
        # One publisher line for all our compilations, so it is keyed by its text.
        publisher=[i18n.label("source.publisher", p) for p in frame["publisher"]],
        title=[t(f"source.title.{i}") if i18n.has(f"source.title.{i}") else x for i, x in titles],
    )


def source_label(publisher: str, title: str) -> str:
    """Short name of a source for a table cell: 'BTS, North American TransBorder Freight Data'.

    The publisher is cut at its first ';' (who aggregated it) and shortened to its
    acronym when it gives one ('… Statistics (BTS)'), else cut before a parenthesis;
    the title is cut before its first parenthesis or a ', ' that starts a detail in
    lower case (', annual aggregates …', ', raw DOT2 table …'). A title that starts
    with the publisher's name stands alone. The full citation stays in the caption.
    """
    publisher = str(publisher or "").split("; ")[0].strip()
    acronym = re.search(r"\(([A-Z][A-Z0-9&]{1,7})\)", publisher)
    publisher = acronym.group(1) if acronym else publisher.split(" (")[0].strip()
    title = re.split(r" \(|, (?=[a-z0-9])", str(title or ""), maxsplit=1)[0].strip()
    if publisher and title.startswith(publisher):
        return title
    return ", ".join(part for part in (publisher, title) if part)


def source_labels(ids: Iterable[str]) -> dict[str, str]:
    """{source_id: short label} for the ids the store knows (see ``source_label``)."""
    frame = own_sources_in_language(
        query.load(query.sources_for, sorted({str(i) for i in ids if i}))
    )
    return {
        row.source_id: source_label(row.publisher, row.title)
        for row in frame.itertuples(index=False)
    }


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


def show_name(name, code=None) -> None:
    """A data name (and its code) as a bold line, always inert: escaped HTML, so neither
    markdown, a link nor a tag can come out of it (``md_literal`` would show code font)."""
    from html import escape

    text = escape(" ".join(str(name).split()))
    if code is not None:
        text += f" ({escape(str(code))})"
    st.html(f'<p class="bl-name" style="font-weight:600;font-size:1.1rem;margin:0">{text}</p>')


def md_text(value) -> str:
    """Data text -> markdown that shows it as plain words: every character markdown, HTML
    or a Streamlit ``:directive[...]`` would interpret is backslash-escaped."""
    text = " ".join(("" if value is None else str(value)).split())
    return re.sub(r"([\\`*_\[\]<>#|$:~])", r"\\\1", text)


def md_url(url) -> str:
    """A link target for markdown ``[text](url)``: characters that would end or break the
    link (spaces, brackets, parentheses, quotes) percent-encoded."""
    return quote(str(url or "").strip(), safe=":/?#@!$&*+,;=%~-._")


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

# A US-dollar unit in a column header or axis title, as the string tables write it:
# 'Value (USD)', 'Trade, cumulative (USD)', 'FDI inflow (US$ M)', 'IDE reçu (M$ US)'.
_MONEY_UNIT = re.compile(r"(?<=[(\s])(US\$ M|millones de US\$|M\$ US|USD)(?=\))")
_MILLIONS = {"US$ M", "millones de US$", "M$ US"}
# Axis scales: (dollars per tick unit, unit in words), largest first.
_MONEY_SCALES = ((1e9, "unit.usd_bn"), (1e6, "unit.usd_m"), (1e4, "unit.usd_k"))


def money_scale(header) -> float | None:
    """Dollars per unit of a column or axis titled ``header``: 1.0 for '(USD)', 1e6 for
    '(US$ M)' and its translations; None when the header names no dollar unit."""
    match = _MONEY_UNIT.search(str(header or ""))
    if match is None:
        return None
    return 1e6 if match.group(1) in _MILLIONS else 1.0


def is_year_like(values) -> bool:
    """True when every number in ``values`` is a whole number from 1800 to 2200 (a year:
    shown '2024', never grouped as '2,024'); False for no numbers at all."""
    numbers = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").dropna()
    return not numbers.empty and bool(((numbers % 1 == 0) & numbers.between(1800, 2200)).all())


def localise_figure(fig, lang: str | None = None) -> None:
    """Number format of a Plotly figure in the language (current one by default), in place.

    Money axes (a title naming US dollars, see ``money_scale``) get plain ticks in
    billions/millions/thousands with the scale in words in the title ('Valor (miles de
    millones de US$)'): Plotly's 'B' reads as 'billón'/'billion' (10^12) in es/fr and
    its SI 'G' as giga. Other number axes group thousands ('5,000'); year axes do not.
    Both x and y axes: ranked bars carry their values on x.
    """
    code = lang if lang in SEPARATORS else i18n.lang()
    fig.update_layout(separators=SEPARATORS[code])
    for axis_name, values in _axis_values(fig).items():
        axis = fig.layout[axis_name]
        title = axis.title.text if axis.title else None
        scale = money_scale(title)
        if scale is not None:
            _money_axis(axis, values, scale, code)
        elif not is_year_like(values):
            axis.update(exponentformat="B" if code == "en" else "SI", separatethousands=True)


def _axis_values(fig) -> dict[str, list[float]]:
    """{'xaxis'|'yaxis2'|…: numbers drawn along it} for the number axes of ``fig``.

    Stacked bars count as their stack totals, so money ticks reach the top of a stack.
    """
    stacked = fig.layout.barmode in ("stack", "relative")
    values: dict[str, list[float]] = {}
    for trace in fig.data:
        if trace.type not in ("scatter", "scattergl", "bar"):
            continue
        for letter in ("x", "y"):
            numbers = pd.to_numeric(pd.Series(trace[letter], dtype=object), errors="coerce")
            if numbers.isna().all():
                continue  # a category axis (names)
            ref = trace[f"{letter}axis"] or letter
            values.setdefault(f"{letter}axis{ref[1:]}", []).extend(numbers.dropna().tolist())
    if stacked:  # stacked bars add up per category: the axis runs to the stack totals
        values.update(_stack_totals(fig))
    return values


def _stack_totals(fig) -> dict[str, list[float]]:
    # Per value axis, the sum of every bar trace at each category.
    totals: dict[str, dict] = {}
    for trace in fig.data:
        if trace.type != "bar":
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        letter = "x" if horizontal else "y"
        ref = trace[f"{letter}axis"] or letter
        name = f"{letter}axis{ref[1:]}"
        categories = trace["y" if horizontal else "x"]
        amounts = pd.to_numeric(pd.Series(trace[letter], dtype=object), errors="coerce")
        for category, amount in zip(categories, amounts.fillna(0), strict=False):
            totals.setdefault(name, {})
            totals[name][category] = totals[name].get(category, 0.0) + float(amount)
    return {name: list(by_category.values()) for name, by_category in totals.items()}


def _money_axis(axis, values: list[float], scale: float, lang: str) -> None:
    """Ticks of a money axis in a readable unit, the unit in words in its title."""
    dollars = [v * scale for v in values if v == v]  # NaN != NaN
    top = max((abs(v) for v in dollars), default=0.0)
    per_tick, words = next(((d, k) for d, k in _MONEY_SCALES if top >= d), (1.0, "unit.usd"))
    low = min(0.0, min(dollars, default=0.0)) / per_tick
    high = max(0.0, max(dollars, default=0.0)) / per_tick
    ticks, digits = nice_ticks(low, high)
    axis.update(
        tickmode="array",
        tickvals=[tick * per_tick / scale for tick in ticks],
        ticktext=[i18n.fmt_num(tick, lang=lang, digits=digits) for tick in ticks],
        title_text=_MONEY_UNIT.sub(t(words, lang=lang), axis.title.text, count=1),
    )


def nice_ticks(low: float, high: float, target: int = 5) -> tuple[list[float], int]:
    """About ``target`` round tick values (steps of 1, 2, 2.5 or 5 x 10^k) covering
    ``low``..``high`` -> (ticks, fraction digits needed to print them)."""
    span = (high - low) or abs(high) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / target))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if span / (m * magnitude) <= target)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    ticks = [round(i * step, 12) for i in range(first, last + 1)]
    digits = 0
    while digits < 6 and abs(round(step, digits) - step) > step * 1e-9:
        digits += 1
    return ticks, digits


# Text longer than this wraps in a fixed-width column. Streamlit wraps cell text only
# in rows taller than 4rem (64 px): 84 px rows hold four lines (widths aim at three).
_LONG_TEXT = 48
_WRAP_ROW_HEIGHT = 84
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
            config[name] = st.column_config.TextColumn(width=_wrap_width(series))
            wraps = True
    for name, spec in caller.items():
        config[name] = _with_link_site(spec)
    return frame, config, _WRAP_ROW_HEIGHT if wraps else None


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
    within 140-360 px: a wide table then fits 1440 px screens; longer cells open on click."""
    typical = series.dropna().astype(str).str.len().quantile(0.8)
    return int(min(360, max(140, typical * 6.5 / 3 + 16)))


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
    frame, config, row_height = table_view(data, column_config)
    formats = cell_formats(frame, config)
    st.dataframe(
        frame.style.format(formats) if formats else frame,
        hide_index=True,
        width="stretch",
        key=key,
        column_config=config,
        height=height,
        row_height=row_height,
    )


# Page tests read every table: they build them all, open or not (tests/app/conftest.py).
BUILD_CLOSED_TABLES = False


def data_table(data: pd.DataFrame, key: str) -> None:
    """The table alternative of a chart or map, in an expander that builds it only when
    open: a closed one costs nothing on each rerun (a styled table costs ~10-15 ms)."""
    box = st.expander(t("ui.data_table"), key=f"{key}-table-open", on_change="rerun")
    with box:
        if box.open or BUILD_CLOSED_TABLES:
            dataframe(data, key=f"{key}-table")


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
