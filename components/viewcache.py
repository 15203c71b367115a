"""Pieces of a page built once per view and shared by every session that shows that view.

A room opening one link runs the same page with the same view in many sessions at
once; whatever a page derives from the store for a view (a table's display frame, a
chart's figure) is the same for all of them. ``remember(name, key, build)`` keeps what
``build()`` returns in one process-wide cache keyed on ``name``, ``key``, the session's
language and the store's path and version, so a loaded store misses (its older entries
are dropped). Values are shared: callers must not change them
(``frame_key`` fingerprints a frame for a key; ``share_figure`` marks a localised figure
that ``chartframe.show_chart`` must not localise again).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd

from components import i18n, query

_LOCALISED = "_borderlinks_localised"
# (name, key, language, store path, store version) -> value, least recently used first.
# A few pieces per view: 512 covers every page in three languages for many views.
_CACHE: OrderedDict = OrderedDict()
_LOCK = threading.Lock()
ENTRIES = 512


def remember(name: str, key: Hashable, build: Callable[[], object]):
    """``build()`` once per (``name``, ``key``, language, store version) -> its value, shared.

    ``key`` holds everything else the value depends on (hashable: ids, years, a
    ``frame_key``). ``build`` runs in the calling session (its language), at most a few
    times for a view (sessions arriving together may each build it), however many
    sessions show it.
    """
    if not name:
        raise ValueError("remember needs a name")
    db = str(query.db_path())
    version = query.store_version(db)
    full = (name, key, i18n.lang(), db, version)
    with _LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    value = build()  # outside the lock: other views keep being served meanwhile
    with _LOCK:
        # A loaded store: every piece built from an older version of it goes.
        for old in [k for k in _CACHE if k[3] == db and k[4] != version]:
            del _CACHE[old]
        _CACHE[full] = value
        while len(_CACHE) > ENTRIES:
            _CACHE.popitem(last=False)
    return value


def clear() -> None:
    """Forget every piece (tests)."""
    with _LOCK:
        _CACHE.clear()


def frame_key(frame: pd.DataFrame) -> tuple:
    """A content fingerprint of ``frame`` (columns, dtypes, index and every value) -> a
    hashable key. ~1 ms for a page's table, against ~10 ms to lay the table out again."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame_key needs a DataFrame, not {type(frame).__name__}")
    hashed = pd.util.hash_pandas_object(frame, index=True, categorize=False)
    return (
        tuple(map(str, frame.columns)),
        tuple(map(str, frame.dtypes)),
        len(frame),
        hashed.to_numpy().tobytes(),
    )


def share_figure(fig):
    """Mark a Plotly ``fig`` as localised (``figlocale.localise_figure`` already ran in its
    language) and shared from ``remember`` -> the same figure."""
    setattr(fig, _LOCALISED, True)
    return fig


def is_shared_figure(fig) -> bool:
    """True for a figure marked by ``share_figure``: draw it as it is, never change it."""
    return bool(getattr(fig, _LOCALISED, False))
