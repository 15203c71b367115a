"""Exports for presenters: a chart as PNG, a map as one self-contained HTML file.

``png_bytes`` and ``standalone_html`` are plain functions (usable from scripts and
tests); ``png_button`` and ``html_button`` put them behind Streamlit download buttons.
Nothing here may fetch from the network: the PNG is rendered by the local Chromium
through kaleido, and the HTML file has every external URL removed.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
NO_CHROMIUM = "PNG export needs Chromium: install it with apt-get install chromium"

# Same background colour as static/basemap.json, inlined so the HTML file needs no server.
OFFLINE_STYLE = {
    "version": 8,
    "name": "Borderlinks offline",
    "sources": {},
    "layers": [
        {"id": "background", "type": "background", "paint": {"background-color": "#dfe9f3"}}
    ],
}

# XML namespace identifiers look like URLs but browsers never fetch them.
_NAMESPACE = re.compile(r"^https?://www\.w3\.org/")
_EXTERNAL_TAG = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?https?://[^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?https?://[^>]*>",
    re.IGNORECASE,
)
_ANY_URL = re.compile(r"https?://")


class ExportUnavailable(RuntimeError):
    """An export that cannot run on this machine (message is shown to the user)."""


def chromium_path() -> str:
    """Return the Chromium executable kaleido should drive, or raise ExportUnavailable.

    ``BROWSER_PATH`` (kaleido/choreographer's own variable) wins when set.
    """
    chosen = os.environ.get("BROWSER_PATH")
    if chosen:
        if Path(chosen).is_file() and os.access(chosen, os.X_OK):
            return chosen
        raise ExportUnavailable(NO_CHROMIUM)
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise ExportUnavailable(NO_CHROMIUM)


def png_bytes(fig, width: int = 1200, height: int = 700, scale: float = 2.0) -> bytes:
    """Render a Plotly figure to PNG bytes with the local Chromium.

    In: a plotly Figure. Out: PNG bytes. Raises ExportUnavailable without Chromium.
    """
    if fig is None:
        raise ValueError("png_bytes needs a Plotly figure, got None")
    os.environ["BROWSER_PATH"] = chromium_path()
    import plotly.io as pio

    try:
        return pio.to_image(fig, format="png", width=width, height=height, scale=scale)
    except Exception as exc:  # kaleido reports a missing/broken browser in many ways
        raise ExportUnavailable(f"{NO_CHROMIUM} ({type(exc).__name__})") from exc


def _offline_deck(deck):
    """A copy of ``deck`` whose map style is the inline offline background and whose
    tooltip is text, never HTML."""
    offline = copy.copy(deck)
    # pydeck serialises map_style as given; an object is accepted by MapLibre directly.
    offline.map_style = OFFLINE_STYLE
    # pydeck's bundle pastes {fields} into an "html" tooltip unescaped (Streamlit escapes
    # them, pydeck does not), so a port named <img onerror=...> would run on hover in the
    # file. As "text" deck.gl sets innerText; tips are plain text lines anyway.
    tooltip = getattr(offline, "_tooltip", None)
    if isinstance(tooltip, dict) and "html" in tooltip:
        tooltip = {k: v for k, v in tooltip.items() if k != "html"}
        offline._tooltip = {**tooltip, "text": deck._tooltip["html"]}
    return offline


def strip_external_urls(html: str) -> str:
    """Remove external <script src>/<link href> tags and defuse every other http(s) URL.

    In: an HTML document. Out: the same document with no URL a browser could fetch
    (XML namespace identifiers, which are never fetched, are kept).
    """
    html = _EXTERNAL_TAG.sub("", html)

    def defuse(match: re.Match) -> str:
        rest = html[match.start() : match.start() + 40]
        if _NAMESPACE.match(rest):
            return match.group(0)
        # An unknown scheme fails at once, offline, instead of trying the network.
        return "offline-removed:"

    return _ANY_URL.sub(defuse, html)


def _escape_inline_data(html: str) -> str:
    """Escape ``<`` inside the inline deck JSON so data like ``</script>`` cannot end the block.

    pydeck pastes the JSON into a <script> as a JS literal; ``\\u003c`` is the same
    character inside a JS string but never closes the tag.
    """
    start = html.find("const jsonInput = ")
    end = html.find("const deckInstance = createDeck(", start)
    if start < 0 or end < 0:
        return html
    return html[:start] + html[start:end].replace("<", "\\u003c") + html[end:]


def standalone_html(deck, title: str = "Borderlinks map") -> str:
    """Render a pydeck Deck as one HTML file that works offline (file://, no network).

    In: a pydeck.Deck. Out: the HTML text with deck.gl inlined and no external URL.
    """
    if deck is None:
        raise ValueError("standalone_html needs a pydeck Deck, got None")
    html = _offline_deck(deck).to_html(offline=True, as_string=True, notebook_display=False)
    html = strip_external_urls(_escape_inline_data(html))
    safe_title = (
        title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "")
    )
    return html.replace("<title>pydeck</title>", f"<title>{safe_title}</title>", 1)


def external_urls(html: str) -> list[str]:
    """List every http(s) URL left in ``html`` that a browser might fetch (for tests/checks)."""
    urls = re.findall(r"https?://[^\s\"'<>)`]*", html)
    return [u for u in urls if not _NAMESPACE.match(u)]


def _label(key: str, fallback: str) -> str:
    """Translated label when the i18n module is available, else the English fallback."""
    try:
        from components.i18n import t

        text = t(key)
        return fallback if not text or text == key else text
    except Exception:  # i18n missing or key unknown: English rather than a broken page
        return fallback


def png_button(fig, key: str, file_name: str = "borderlinks-chart.png") -> None:
    """Streamlit download button that renders ``fig`` to PNG only when clicked."""
    import streamlit as st

    try:
        chromium_path()
    except ExportUnavailable:
        st.caption(_label("present.png_unavailable", NO_CHROMIUM))
        return

    def render() -> bytes:
        try:
            return png_bytes(fig)
        except ExportUnavailable:
            return b""

    st.download_button(
        _label("present.download_png", "Download chart (PNG)"),
        data=render,
        file_name=file_name,
        mime="image/png",
        key=f"png-{key}",
        on_click="ignore",
        icon=":material/image:",
    )


def html_button(deck, key: str, file_name: str = "borderlinks-map.html") -> None:
    """Streamlit download button for the map as a standalone offline HTML file."""
    import streamlit as st

    st.download_button(
        _label("present.download_html", "Download map (HTML)"),
        data=lambda: standalone_html(deck),
        file_name=file_name,
        mime="text/html",
        key=f"html-{key}",
        on_click="ignore",
        icon=":material/map:",
    )
