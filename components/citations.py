"""Source citations: the caption naming each source with its as-of date, and short source names.

Every number on screen traces to a ``sources`` row; these helpers turn source ids
(or a frame with a ``source_id`` column) into the words shown beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components import i18n, present, query
from components.i18n import t


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
    if short is None:
        short = bool(st.session_state.get(present.PRESENT_KEY, False))
    # The same sources read the same for every session in a language: worded once per
    # store version (a page names several, and each new session used to word them again).
    return query.load(_caption_text, tuple(ids), bool(short), i18n.lang())


def _caption_text(db, ids: tuple[str, ...], short: bool, lang: str) -> str:
    """``source_caption`` of source ``ids`` in ``lang`` (the session's; a cache key) ->
    the caption. ``db`` is the store ``query.load`` passes (its sources are read there)."""
    del db, lang
    frame = query.load(query.sources_for, list(ids)) if ids else None
    if frame is None or frame.empty:
        return t("ui.no_source")
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
