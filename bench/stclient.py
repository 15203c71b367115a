"""A minimal Streamlit protocol client: one session = one websocket, one first script run.

Speaks what Streamlit's frontend speaks, without a browser: it opens ``/_stcore/stream``
(subprotocol ``streamlit``), sends one ``BackMsg`` ``rerun_script`` carrying the page's
name and query string (as the frontend does on a first visit, with no page hash yet),
and reads ``ForwardMsg`` frames until ``script_finished``. Used by the arrivals
benchmark and by the serving tests; loopback only, every wait has a hard timeout.

``visit(url, page, query)`` -> ``Visit`` (seconds to the end of the first run, bytes
received, error text or None). ``arrivals(...)`` runs many visits on a schedule.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
FINISHED_OK = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


@dataclass
class Visit:
    """Outcome of one session's first script run.

    ``seconds``: from the arrival (before connecting) to ``script_finished``, or to the
    failure; ``started``: the arrival (time.monotonic); ``bytes``: ForwardMsg payload received; ``error``: None when the run
    finished successfully with no exception element; ``cookies``: Set-Cookie values of
    the websocket handshake (the balancer's sticky cookie, say).
    """

    seconds: float
    started: float = 0.0
    bytes: int = 0
    error: str | None = None
    messages: int = 0
    cookies: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def check_local(url: str) -> None:
    """Refuse any target that is not this machine: the benchmarks load loopback only."""
    host = urlparse(url).hostname
    if host not in LOCAL_HOSTS:
        raise ValueError(f"refusing non-loopback target {url!r}")


def rerun_message(page: str, query: str = "") -> bytes:
    """The BackMsg a browser sends first: rerun ``page`` (url path) with ``query`` (no '?')."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    # No page_script_hash on a first visit: the server resolves the page by name.
    state.context_info.timezone = "UTC"
    state.context_info.locale = "en-US"
    state.context_info.url = f"/{page}" + (f"?{query}" if query else "")
    return msg.SerializeToString()


def _texts(msg: ForwardMsg, into: list[str]) -> None:
    """Keep markdown/caption bodies, so callers can read what a page says."""
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "markdown":
        into.append(element.markdown.body)
    elif kind == "heading":
        into.append(element.heading.body)


async def visit(
    url: str,
    page: str,
    query: str = "",
    *,
    timeout: float = 120.0,
    cookie: str | None = None,
    keep_texts: bool = False,
    ping_interval: float | None = None,
) -> Visit:
    """One new session on ``url`` (http://127.0.0.1:PORT) running ``page`` once -> Visit.

    ``cookie``: a Cookie header to send (to pin a session to a replica behind the
    balancer). ``ping_interval``: websocket keep-alive pings from the client (None: off,
    as a browser, which cannot send them). Never raises for a failed session: the
    failure is in ``Visit.error``.
    """
    check_local(url)
    ws_url = url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    t0 = time.monotonic()
    result = Visit(seconds=0.0, started=t0)
    headers = {"Cookie": cookie} if cookie else None
    try:
        async with asyncio.timeout(timeout):
            async with websockets.connect(
                ws_url,
                subprotocols=["streamlit"],
                additional_headers=headers,
                ping_interval=ping_interval,
                max_size=None,
                open_timeout=timeout,
                close_timeout=2,
            ) as ws:
                result.cookies = ws.response.headers.get_all("Set-Cookie")
                await ws.send(rerun_message(page, query))
                async for frame in ws:
                    result.bytes += len(frame)
                    result.messages += 1
                    msg = ForwardMsg()
                    msg.ParseFromString(frame)
                    kind = msg.WhichOneof("type")
                    if kind == "delta":
                        if msg.delta.new_element.WhichOneof("type") == "exception":
                            exc = msg.delta.new_element.exception
                            result.error = result.error or f"exception: {exc.type} {exc.message}"
                        elif keep_texts:
                            _texts(msg, result.texts)
                    elif kind == "page_not_found":
                        result.error = f"page not found: {page}"
                    elif kind == "script_finished":
                        # A run that calls st.rerun ends "early for rerun" and the
                        # server starts the next run itself: the page is there only
                        # when a run finishes for good.
                        if msg.script_finished == FINISHED_EARLY:
                            continue
                        if msg.script_finished != FINISHED_OK:
                            result.error = result.error or f"script status {msg.script_finished}"
                        break
                else:
                    result.error = result.error or "closed before script_finished"
    except TimeoutError:
        result.error = f"timeout after {timeout:.0f} s"
    except (OSError, websockets.WebSocketException) as exc:
        result.error = f"{type(exc).__name__}: {exc}"[:200]
    result.seconds = time.monotonic() - t0
    return result


async def arrivals(
    url: str,
    page: str,
    query: str,
    offsets: list[float],
    *,
    timeout: float = 120.0,
    ping_interval: float | None = None,
) -> list[Visit]:
    """Start one session at each time in ``offsets`` (seconds from now) -> their Visits.

    Each session's clock starts at its own arrival, so a late start on a busy client
    does not hide server time. Bounded: every session ends within ``timeout`` seconds.
    """
    start = time.monotonic()

    async def one(offset: float) -> Visit:
        await asyncio.sleep(max(0.0, start + offset - time.monotonic()))
        return await visit(url, page, query, timeout=timeout, ping_interval=ping_interval)

    return list(await asyncio.gather(*(one(o) for o in offsets)))


def burst(n: int, within: float = 1.0) -> list[float]:
    """Arrival offsets of ``n`` sessions spread evenly over ``within`` seconds."""
    return [within * i / n for i in range(n)]


def steady(rate: float, seconds: float) -> list[float]:
    """Arrival offsets at ``rate`` sessions per second for ``seconds``."""
    return [i / rate for i in range(int(rate * seconds))]


def run_visit(url: str, page: str, query: str = "", **kwargs) -> Visit:
    """Blocking ``visit`` -> Visit, for scripts and tests.

    Runs in a thread of its own, so it also works where an event loop is already
    running (Playwright's sync API keeps one in the main thread).
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, visit(url, page, query, **kwargs)).result()
