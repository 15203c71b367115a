"""Exports: PNG via local Chromium, standalone HTML that needs no network.

All data here is synthetic (one made-up point, a two-bar chart).
"""

from __future__ import annotations

import shutil

import plotly.graph_objects as go
import pydeck as pdk
import pytest

from components import exports

HAS_CHROMIUM = shutil.which("chromium") is not None or shutil.which("/usr/bin/chromium") is not None


def synthetic_deck(name: str = "Synthetic port") -> pdk.Deck:
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=[{"lon": -117.0, "lat": 32.55, "name": name}],
        get_position=["lon", "lat"],
        get_radius=40000,
        get_fill_color=[180, 30, 30],
        pickable=True,
    )
    view = pdk.ViewState(latitude=32.5, longitude=-117.0, zoom=4)
    return pdk.Deck(
        layers=[layer],
        initial_view_state=view,
        map_style="/app/static/basemap.json",
        tooltip={"text": "{name}"},
    )


def test_standalone_html_contains_no_fetchable_url():
    html = exports.standalone_html(synthetic_deck())
    assert exports.external_urls(html) == []
    assert "<script src=" not in html.replace(" ", "")
    assert "/app/static/basemap.json" not in html


def test_standalone_html_inlines_deckgl_and_offline_background():
    html = exports.standalone_html(synthetic_deck())
    assert "createDeck(" in html
    assert "#dfe9f3" in html  # the inline background replacing the served style
    assert len(html) > 100_000  # deck.gl bundle inlined, not linked


def test_standalone_html_leaves_the_callers_deck_untouched():
    deck = synthetic_deck()
    exports.standalone_html(deck)
    assert deck.map_style == "/app/static/basemap.json"


def test_standalone_html_title_is_escaped():
    html = exports.standalone_html(synthetic_deck(), title="<script>alert(1)</script>")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html


def test_strip_external_urls_removes_cdn_tags_and_keeps_svg_namespace():
    page = (
        '<html><head><script src="https://cdn.example.org/x.js"></script>'
        "<link rel=stylesheet href=https://cdn.example.org/x.css />"
        "</head><body><script>var ns='http://www.w3.org/2000/svg';"
        "var u='https://tiles.example.org/style.json';</script></body></html>"
    )
    out = exports.strip_external_urls(page)
    assert "cdn.example.org/x.js" not in out and "x.css" not in out
    assert "http://www.w3.org/2000/svg" in out
    assert exports.external_urls(out) == []


def test_missing_chromium_raises_export_unavailable_with_install_hint(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    with pytest.raises(exports.ExportUnavailable, match="apt-get install chromium"):
        exports.png_bytes(fig)


@pytest.mark.skipif(not HAS_CHROMIUM, reason="needs Debian chromium (make system-deps)")
def test_png_bytes_renders_a_png_with_local_chromium(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    data = exports.png_bytes(fig, width=300, height=200, scale=1)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 1000


@pytest.mark.browser
def test_standalone_html_renders_with_network_blocked(tmp_path, browser):
    # `browser` is the session's one Playwright Chromium (tests/browser/conftest.py):
    # a second sync_playwright in the same worker would clash with its event loop.
    path = tmp_path / "map.html"
    path.write_text(exports.standalone_html(synthetic_deck("<script>x</script>")), "utf-8")
    blocked: list[str] = []
    context = browser.new_context()
    page = context.new_page()

    def only_local(route):
        if route.request.url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(path.as_uri())
    page.wait_for_selector("canvas", state="attached", timeout=15000)
    page.wait_for_timeout(1000)  # let deck.gl start and request anything it wants
    canvases = page.locator("canvas").count()
    context.close()
    assert blocked == []
    assert canvases >= 1


def test_hostile_name_in_map_data_cannot_close_the_script_block():
    html = exports.standalone_html(synthetic_deck("</script><script>alert(1)</script>"))
    assert "</script><script>alert(1)" not in html
    assert "\\u003c/script>\\u003cscript>alert(1)" in html
