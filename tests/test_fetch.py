"""`python -m ingest fetch`: offline failure and local servers speaking the official formats.

The servers run on 127.0.0.1 and answer SYNTHETIC rows in the official shapes:
Socrata CSV (lower_snake header, quoted fields, ISO dates) for BTS keg4-3bc2,
and Census API JSON (list of rows, first row = header) for statehs.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ingest import cli, fetch, store
from tests.conftest import sha256

SOCRATA_FIELDS = ["port_name", "state", "port_code", "border", "date", "measure", "value",
                  "latitude", "longitude", "point"]  # fmt: skip
# SYNTHETIC dataset: 7 rows, served in pages.
SOCRATA_ROWS = [
    ["Synthport", "Texas", "2304", "US-Mexico Border", f"2024-0{m}-01T00:00:00.000", measure,
     str(10 * m + i), "27.5", "-99.5", "POINT (-99.5 27.5)"]
    for m in (1, 2, 3) for i, measure in enumerate(("Trucks", "Buses"))
] + [["Northport", "Maine", "104", "US-Canada Border", "2024-01-01T00:00:00.000", "Trains",
      "3", "45.8", "-70.4", "POINT (-70.4 45.8)"]]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A local HTTP server in a thread; ``answer(path, query) -> (status, bytes)``."""

    def __init__(self, answer):
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                outer.requests.append(self.path)
                parts = urllib.parse.urlsplit(self.path)
                status, body = answer(parts.path, urllib.parse.parse_qs(parts.query))
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def socrata_answer(path, query):
    if path != "/resource/keg4-3bc2.csv":
        return 404, b"not found"
    limit, offset = int(query["$limit"][0]), int(query["$offset"][0])
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(SOCRATA_FIELDS)
    writer.writerows(SOCRATA_ROWS[offset : offset + limit])
    return 200, buf.getvalue().encode()


def test_fetch_bts_pages_through_a_socrata_server_and_loads_every_row(
    tmp_store, monkeypatch, capsys
):
    monkeypatch.setattr(fetch, "PAGE_ROWS", 3)  # 7 rows -> pages of 3, 3, 1
    with Server(socrata_answer) as server:
        rc = cli.main(["fetch", "bts-crossings", "--db", str(tmp_store), "--base-url", server.url])
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert "read 7, loaded 7" in out.out
    assert len(server.requests) == 3 and "%24offset=6" in server.requests[-1].replace("$", "%24")
    rows = store.frame_of(
        tmp_store, "SELECT port_code, month, measure, value FROM crossings ORDER BY ALL"
    )
    assert rows["port_code"].tolist()[0] == "0104" and len(rows) == 7
    assert store.frame_of(tmp_store, "SELECT file_name FROM sources")["file_name"].item() == (
        "127.0.0.1/resource/keg4-3bc2.csv"
    )


def test_fetch_bts_refuses_a_bad_page_and_leaves_the_store_unchanged(
    small_store, monkeypatch, capsys
):
    def bad(path, query):
        status, body = socrata_answer(path, query)
        return status, body.replace(b'"21"', b'"-21"')

    before = sha256(small_store)
    with Server(bad) as server:
        rc = cli.main(
            ["fetch", "bts-crossings", "--db", str(small_store), "--base-url", server.url]
        )
    err = capsys.readouterr().err
    assert rc == 2 and "negative value" in err and "column 'Value'" in err
    assert sha256(small_store) == before


def test_fetch_offline_fails_with_one_clear_line_and_store_unchanged(small_store, capsys):
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens here
    before = sha256(small_store)
    rc = cli.main(["fetch", "bts-crossings", "--db", str(small_store), "--base-url", closed])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("error: fetch bts-crossings: cannot reach 127.0.0.1 (offline?): ")
    assert err.count("\n") == 1
    assert sha256(small_store) == before


def test_fetch_http_error_is_one_line(tmp_store, capsys):
    with Server(lambda path, query: (503, b"busy")) as server:
        rc = cli.main(["fetch", "bts-crossings", "--db", str(tmp_store), "--base-url", server.url])
    err = capsys.readouterr().err
    assert rc == 2 and "HTTP 503" in err and err.count("\n") == 1
    assert not tmp_store.exists()


def test_connect_timeout_is_short_enough_to_fail_fast_offline():
    assert 0 < fetch.CONNECT_TIMEOUT <= 5


def census_answer(path, query):
    if path != "/data/timeseries/intltrade/exports/statehs":
        return 404, b""
    month = int(query["MONTH"][0])
    rows = [["STATE", "CTY_CODE", "ALL_VAL_MO", "E_COMMODITY", "YEAR", "MONTH"]]
    for state, base in (("TX", 1000), ("MI", 500)):
        for cty in query["CTY_CODE"]:
            for hs2 in ("84", "87"):  # SYNTHETIC values
                rows.append([state, cty, str(base * month + int(hs2)), hs2, query["YEAR"][0], f"{month:02d}"])  # fmt: skip
    rows.append(["-", "1220", "999999", "84", query["YEAR"][0], f"{month:02d}"])  # all-states row
    return 200, json.dumps(rows).encode()


def test_fetch_census_state_exports_sums_hs2_chapters_per_state_partner_month(
    tmp_store, monkeypatch
):
    with Server(census_answer) as server:
        batches = fetch.fetch_census_state_exports(server.url, months=[(2024, 1), (2024, 2)])
    store.apply(tmp_store, batches)
    rows = store.frame_of(
        tmp_store,
        "SELECT year, month, us_state, partner_country, value_usd FROM state_exports ORDER BY ALL",
    )
    assert len(rows) == 8  # 2 months x 2 states x 2 partners; the '-' total row is ignored
    tx_ca_feb = rows.query("month == 2 and us_state == 'US-TX' and partner_country == 'CA'")
    assert tx_ca_feb["value_usd"].item() == 2 * 1000 + 84 + 2 * 1000 + 87


def test_fetch_census_through_the_cli_loads_state_exports(tmp_store, monkeypatch, capsys):
    monkeypatch.setattr(
        fetch, "fetch_census_state_exports",
        lambda base=None, months=None, f=fetch.fetch_census_state_exports: f(base, [(2024, 3)]),
    )  # fmt: skip
    monkeypatch.setitem(fetch.FETCHERS, "census-state-exports", fetch.fetch_census_state_exports)
    with Server(census_answer) as server:
        rc = cli.main(
            ["fetch", "census-state-exports", "--db", str(tmp_store), "--base-url", server.url]
        )
    assert rc == 0, capsys.readouterr().err
    assert store.frame_of(tmp_store, "SELECT count(*) AS n FROM state_exports")["n"].item() == 4


@pytest.mark.parametrize("body", [b"<html>not json</html>", b'{"error": "x"}'])
def test_census_answer_that_is_not_api_json_is_refused(tmp_store, body, capsys):
    with Server(lambda path, query: (200, body)) as server:
        with pytest.raises(fetch.FetchError):
            fetch.fetch_census_state_exports(server.url, months=[(2024, 1)])
