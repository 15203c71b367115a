"""Real-browser fixtures: a Streamlit server on 127.0.0.1 and Debian's Chromium.

The browser tests never skip: if Chromium is missing they fail loudly, because
`make test` installs it (see the Makefile's system-deps target).
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import build_reference_store

REPO = Path(__file__).resolve().parents[2]
# deploy/serve.py is a script, not a package: the server command line is defined there once.
if str(REPO / "deploy") not in sys.path:
    sys.path.insert(0, str(REPO / "deploy"))
import serve  # noqa: E402

CHROMIUM = os.environ.get("BORDERLINKS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-gl=swiftshader",
    "--enable-unsafe-swiftshader",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy at {url} within {timeout}s")


@pytest.fixture(scope="session")
def browser_store(tmp_path_factory) -> Path:
    """A store built from the committed reference data, as `make run` builds it."""
    return build_reference_store(tmp_path_factory.mktemp("browser-store") / "borderlinks.duckdb")


@pytest.fixture(scope="session")
def app_url(browser_store):
    """Serve the dashboard on a free loopback port for the whole session."""
    env = dict(os.environ, BORDERLINKS_DB=str(browser_store))
    log = (REPO / "artifacts").resolve()
    log.mkdir(exist_ok=True)
    with serve_dashboard(env, log / "streamlit-browser-tests.log") as (url, _proc):
        yield url


def server_command(port: int) -> list[str]:
    """The command line of a test dashboard server on 127.0.0.1:``port``."""
    # Users get a generic error sentence (config.toml); the tests still find
    # its stException element and, with full details, can say what failed.
    return serve.streamlit_command(port, "--client.showErrorDetails", "full")


@contextlib.contextmanager
def serve_dashboard(env: dict, log: Path):
    """Run ``streamlit run dashboard.py`` on a free loopback port -> (url, process).

    ``env`` carries BORDERLINKS_DB; the server's output goes to ``log``; it is stopped on exit.
    """
    port = free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen(
            server_command(port),
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc)
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


class Visit:
    """One page visit with every non-local request blocked and recorded."""

    def __init__(self, browser, width=1400, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.page_errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, url: str, timeout_ms: int = 60_000):
        self.page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
        self.wait_idle(timeout_ms)

    def wait_idle(self, timeout_ms: int = 60_000):
        """Wait until Streamlit has rendered the app and finished running the script."""
        self.page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
        self.page.wait_for_selector('[data-testid="stMain"]', timeout=timeout_ms)
        self.page.wait_for_function(
            """() => {
                const s = document.querySelector('[data-testid="stStatusWidget"]');
                return !s || !s.innerText.match(/Running|Connecting/i);
            }""",
            timeout=timeout_ms,
        )
        self.page.wait_for_timeout(800)

    def exceptions(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    v = Visit(browser)
    yield v
    v.close()


# ---- the map canvas: where a place is on screen, and a click that software GL keeps

DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def _mercator(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    size = 512 * 2**zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * size, (1 - y / math.pi) / 2 * size


def map_xy(page, lon: float, lat: float, view: dict) -> tuple[float, float]:
    """Page pixel of ground point ``lon``/``lat`` on the first map, drawn with camera
    ``view`` (latitude, longitude, zoom; pitch 0), after scrolling the map into view."""
    canvas = page.locator(DECK_CANVAS).first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = canvas.bounding_box()
    cx, cy = _mercator(view["longitude"], view["latitude"], view["zoom"])
    px, py = _mercator(lon, lat, view["zoom"])
    return box["x"] + box["width"] / 2 + px - cx, box["y"] + box["height"] / 2 + py - cy


def tap(page, x: float, y: float) -> None:
    """Click the page at ``x``/``y`` as a tap deck.gl keeps.

    Software GL needs up to a second to pick the object under the pointer, longer than
    the 250 ms a press may last to count as a tap; the page's clock is held still
    between press and release so the tap is not dropped.
    """
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.evaluate("() => { window.__now = Date.now; const t = Date.now(); Date.now = () => t; }")
    page.mouse.down()
    page.mouse.up()
    page.evaluate("() => { Date.now = window.__now; }")
