"""Safe text: data shown in markdown, HTML or a CSV without any of it being interpreted.

Data names are untrusted (uploads, third-party files). Each output has one helper:
``html_text`` for ``st.html``, ``md_text`` for words inside markdown, ``md_literal``
for a verbatim line, ``md_url`` for a link target, and ``csv_bytes`` for downloads
(spreadsheet formulas neutralised). Map tooltips need none of these: Streamlit
escapes their fields (``components.layers.base``). No streamlit here.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def html_text(value) -> str:
    """Any value -> HTML-escaped text for ``st.html`` (None -> '')."""
    return "" if value is None else html.escape(str(value), quote=True)


def md_text(value) -> str:
    """Data text -> markdown that shows it as plain words: every character markdown, HTML
    or a Streamlit ``:directive[...]`` would interpret is backslash-escaped. None and NaN
    (a missing cell) -> ''."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return re.sub(r"([\\`*_\[\]<>#|$:~])", r"\\\1", text)


def md_literal(text) -> str:
    """Any value -> one line of markdown that Streamlit shows literally: an inline code
    span, so no link (GFM autolinks even backslash-escaped URLs), image, HTML, LaTeX or
    :directive: can come out of it."""
    line = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", line)), default=0) + 1)
    return f"{fence} {line} {fence}"


def md_url(url) -> str:
    """A link target for markdown ``[text](url)``: characters that would end or break the
    link (spaces, brackets, parentheses, quotes) percent-encoded."""
    return quote(str(url or "").strip(), safe=":/?#@!$&*+,;=%~-._")


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
