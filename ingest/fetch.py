"""Fetch official tables over HTTP (urllib only) into a local file, then load them.

- ``bts-crossings``: BTS Socrata dataset keg4-3bc2 as CSV, paged with $limit/$offset;
  the pages are joined into one CSV and go through ``crossings.load_file``.
- ``census-state-exports``: Census international trade API
  (timeseries/intltrade/exports/statehs), U.S. state exports to Canada (CTY_CODE
  1220) and Mexico (2010), monthly, summed over HS2 chapters -> ``state_exports``.

Offline, every fetch fails within CONNECT_TIMEOUT seconds with one clear line.
"""

from __future__ import annotations

import json
import socket
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from ingest import crossings
from ingest.model import Batch, LoadError, Source

CONNECT_TIMEOUT = 5.0  # seconds; also the per-read timeout
BTS_BASE = "https://data.bts.gov"
BTS_RESOURCE = "/resource/keg4-3bc2.csv"
PAGE_ROWS = 50_000
CENSUS_BASE = "https://api.census.gov"
CENSUS_PATH = "/data/timeseries/intltrade/exports/statehs"
CENSUS_PARTNERS = {"1220": "CA", "2010": "MX"}
MAX_PAGES = 100  # 5M rows: far above the table's size; stops a server that never ends


class FetchError(LoadError):
    """A fetch that could not reach or understand the server."""


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _resolve(url: str, source_name: str, timeout: float) -> None:
    """Look the host up with a deadline: urllib's timeout does not cover DNS, and a
    machine with an unreachable resolver would otherwise hang far longer than 5 s."""
    host = _host(url)
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        pool.submit(socket.getaddrinfo, host, None).result(timeout=timeout)
    except FutureTimeout:
        raise FetchError(
            f"fetch {source_name}", f"cannot reach {host} (offline?): DNS lookup timed out"
        ) from None
    except OSError as exc:
        raise FetchError(f"fetch {source_name}", f"cannot reach {host} (offline?): {exc}") from None
    finally:
        pool.shutdown(wait=False)


def http_get(url: str, source_name: str, timeout: float = CONNECT_TIMEOUT) -> bytes:
    """GET ``url``; FetchError with one readable line on any network or HTTP problem."""
    _resolve(url, source_name, timeout)
    request = urllib.request.Request(url, headers={"User-Agent": "borderlinks-ingest"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"fetch {source_name}", f"{_host(url)} answered HTTP {exc.code} {exc.reason}"
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"fetch {source_name}", f"cannot reach {_host(url)} (offline?): {reason}"
        ) from None


def bts_page_urls(base_url: str):
    """Endless generator of SODA page URLs (stable order by row id)."""
    offset = 0
    while True:
        query = urllib.parse.urlencode(
            {"$limit": PAGE_ROWS, "$offset": offset, "$order": ":id"}, safe="$:"
        )
        yield f"{base_url.rstrip('/')}{BTS_RESOURCE}?{query}"
        offset += PAGE_ROWS


def fetch_bts_crossings(
    base_url: str | None = None, on_page: Callable[[int], None] | None = None
) -> list[Batch]:
    """Download every page of keg4-3bc2 and return the validated crossings batches."""
    base = base_url or BTS_BASE
    with tempfile.TemporaryDirectory(prefix="borderlinks-fetch-") as tmp:
        path = Path(tmp) / "keg4-3bc2.csv"
        rows = 0
        with open(path, "wb") as out:
            for page_no, url in enumerate(bts_page_urls(base)):
                if page_no >= MAX_PAGES:
                    raise FetchError("fetch bts-crossings", f"more than {MAX_PAGES} pages")
                body = http_get(url, "bts-crossings")
                lines = body.splitlines(keepends=True)
                if not lines:
                    break
                header, data = lines[0], lines[1:]
                if page_no == 0:
                    out.write(header if header.endswith(b"\n") else header + b"\n")
                out.writelines(line if line.endswith(b"\n") else line + b"\n" for line in data)
                rows += len(data)
                if on_page:
                    on_page(rows)
                if len(data) < PAGE_ROWS:
                    break
        if rows == 0:
            raise FetchError("fetch bts-crossings", f"{_host(base)} returned no rows")
        batches = crossings.load_file(path)
    for b in batches:
        b.source = replace(b.source, file_name=f"{_host(base)}{BTS_RESOURCE}")
    return batches


def census_url(base_url: str, year: int, month: int) -> str:
    query = urllib.parse.urlencode(
        [
            ("get", "STATE,CTY_CODE,ALL_VAL_MO,E_COMMODITY"),
            ("COMM_LVL", "HS2"),
            ("YEAR", str(year)),
            ("MONTH", f"{month:02d}"),
            *[("CTY_CODE", code) for code in CENSUS_PARTNERS],
        ]
    )
    return f"{base_url.rstrip('/')}{CENSUS_PATH}?{query}"


def parse_census(body: bytes, url: str) -> pd.DataFrame:
    """Census API JSON (list of rows, first = header) -> STATE, CTY_CODE, ALL_VAL_MO."""
    if not body.strip():  # the API answers 204/empty when the month is not out yet
        return pd.DataFrame(columns=["STATE", "CTY_CODE", "ALL_VAL_MO"])
    where = "fetch census-state-exports"
    try:
        rows = json.loads(body)
    except ValueError:
        raise FetchError(where, f"{_host(url)} did not answer JSON") from None
    if not (isinstance(rows, list) and rows and all(isinstance(r, list) for r in rows)):
        raise FetchError(where, f"{_host(url)} answered JSON that is not a Census table")
    try:
        frame = pd.DataFrame(rows[1:], columns=rows[0])
    except (ValueError, TypeError) as exc:
        raise FetchError(where, f"ragged Census table: {exc}") from None
    missing = [c for c in ("STATE", "CTY_CODE", "ALL_VAL_MO") if c not in frame.columns]
    if missing:
        raise FetchError(where, "missing variable in Census answer", column=missing[0])
    return frame


def fetch_census_state_exports(
    base_url: str | None = None, months: list[tuple[int, int]] | None = None
) -> list[Batch]:
    """Monthly U.S. state exports to CA/MX (summed over HS2) -> one state_exports batch."""
    base = base_url or CENSUS_BASE
    if months is None:
        today = date.today()
        months = [(today.year - 1, m) for m in range(1, 13)]
    parts = []
    for year, month in months:
        url = census_url(base, year, month)
        frame = parse_census(http_get(url, "census-state-exports"), url)
        if frame.empty:
            continue
        values = pd.to_numeric(frame["ALL_VAL_MO"], errors="coerce")
        if values.isna().any():
            raise FetchError("fetch census-state-exports", "non-numeric value", column="ALL_VAL_MO")
        frame = frame.assign(value_usd=values)
        frame = frame[
            frame["STATE"].str.fullmatch(r"[A-Z]{2}")
            & frame["CTY_CODE"].isin(list(CENSUS_PARTNERS))
        ]
        summed = frame.groupby(["STATE", "CTY_CODE"], as_index=False)["value_usd"].sum()
        parts.append(
            pd.DataFrame(
                {
                    "year": year,
                    "month": month,
                    "us_state": "US-" + summed["STATE"],
                    "partner_country": summed["CTY_CODE"].map(CENSUS_PARTNERS),
                    "value_usd": summed["value_usd"].astype(float),
                }
            )
        )
    if not parts:
        raise FetchError("fetch census-state-exports", f"{_host(base)} returned no rows")
    table = pd.concat(parts, ignore_index=True)
    last = max(months)
    src = Source(
        source_id="census-state-exports",
        publisher="U.S. Census Bureau",
        title="International Trade API: state exports by HS (timeseries/intltrade/exports/statehs)",
        url=f"{CENSUS_BASE}{CENSUS_PATH}",
        as_of=date(last[0], last[1], 1),
        license="Public domain (U.S. federal government work)",
        notes="ALL_VAL_MO summed over HS2 chapters per state, partner (1220 Canada, 2010 Mexico) and month.",
        file_name=f"{_host(base)}{CENSUS_PATH}",
    )
    return [
        Batch(
            source=src,
            table="state_exports",
            frame=table,
            key=["year", "month", "us_state", "partner_country"],
            rows_read=len(table),
        )
    ]


FETCHERS = {
    "bts-crossings": fetch_bts_crossings,
    "census-state-exports": fetch_census_state_exports,
}
