"""The store connection and the one in-process cache every query goes through.

Each query opens the store read-only and closes it, so a load that swaps a new
file in is never seen half-written. In the app, call ``load(fn, *args)``: it
keeps ``fn(db_path(), *args)`` in one cache shared by all sessions (``cached``),
keyed on (function, store path, store mtime_ns, arguments), so a swapped store
misses and its old entries are dropped. Series that change with the year are
fetched for every year at once and cut in pandas (``of_year``, ``up_to_year``).

SQL takes named parameters (``$name`` with a dict); ``in_list`` builds an
``IN ($x_0, ...)`` list whose names do not clash with the query's own.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import duckdb
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DB_ENV = "BORDERLINKS_DB"

# (function, db, store version, args, kwargs) -> result, least recently used first.
_MEMO: OrderedDict = OrderedDict()
_MEMO_LOCK = threading.Lock()
MEMO_ENTRIES = 1024


def db_path() -> Path:
    """Store path: env ``BORDERLINKS_DB``, else ``data/borderlinks.duckdb`` in the repo."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    from ingest.store import default_db_path

    return Path(default_db_path())


def store_version(db) -> int:
    """mtime_ns of the store file (0 when missing): part of every cache key."""
    try:
        return Path(db).stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def read_sql(db, sql: str, params: Mapping | Iterable | None = None) -> pd.DataFrame:
    """Run one read-only query on the store at ``db`` -> DataFrame.

    ``params``: a dict for ``$name`` placeholders (the rule), or a sequence for ``?``.
    """
    # One connection per query, closed at once. DuckDB refuses a second handle on
    # a file already open in this process, and caches databases opened by path, so
    # a long-lived handle would block or mislead the upload's checks and
    # fingerprints. Opening costs ~30 ms; the cache in ``cached`` pays it once per
    # query and store version (the year-dependent series are fetched for all years).
    values = dict(params) if isinstance(params, Mapping) else list(params or [])
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, values).df()
    finally:
        con.close()


def in_list(column: str, values, name: str) -> tuple[str, dict]:
    """SQL ``column IN ($name_0, ...)`` and its named params; ``TRUE`` when ``values`` is empty/None."""
    values = [v for v in (values or []) if v is not None]
    if not values:
        return "TRUE", {}
    params = {f"{name}_{i}": v for i, v in enumerate(values)}
    return f"{column} IN ({', '.join('$' + k for k in params)})", params


def _hashable(value):
    """Lists/sets -> tuples so filter values can be part of a cache key."""
    if isinstance(value, list | set | frozenset):
        return tuple(sorted(value)) if isinstance(value, set | frozenset) else tuple(value)
    return value


def load(fn: Callable[..., pd.DataFrame], *args, **kwargs):
    """``fn(db_path(), *args, **kwargs)``, computed once per store version for all sessions.

    ``fn`` is a function whose first parameter is ``db`` (the functions of this
    package, or a builder such as ``state.store_limits``'s). See ``cached``.
    """
    return cached(fn, db_path(), *args, **kwargs)


def cached(fn: Callable[..., pd.DataFrame], db, *args, **kwargs):
    """``fn(db, *args, **kwargs)`` kept in one in-process cache (app sessions, CLI, brief).

    The result is shared, not copied per caller: a DataFrame comes back as a
    shallow copy (pandas copy-on-write keeps the shared one intact if a caller
    changes its copy); other results must be treated as read-only. The key holds
    the store's version, so a swapped store misses and its older entries are dropped.
    """
    db = str(db)
    version = store_version(db)
    args = tuple(_hashable(a) for a in args)
    kwargs = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    key = (fn.__module__, fn.__qualname__, db, version, args, kwargs)
    with _MEMO_LOCK:
        found = key in _MEMO
        if found:
            _MEMO.move_to_end(key)
            value = _MEMO[key]
    if not found:
        value = fn(db, *args, **dict(kwargs))
        with _MEMO_LOCK:
            stale = [k for k in _MEMO if k[2] == db and k[3] != version]
            for k in stale:
                del _MEMO[k]
            _MEMO[key] = value
            while len(_MEMO) > MEMO_ENTRIES:
                _MEMO.popitem(last=False)
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value


def of_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows of ``year`` from an all-years frame, without the year column, renumbered."""
    rows = frame[frame["year"] == year]
    return rows.drop(columns="year").reset_index(drop=True)


def up_to_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows of a cumulative all-years frame (one row set per year) as of ``year``.

    A year past the last one holds what the last year holds; a year before the
    first holds nothing.
    """
    years = frame["year"]
    if not years.empty and year > years.max():
        year = int(years.max())
    return of_year(frame, year)
