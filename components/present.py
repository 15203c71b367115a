"""Presenter mode and shareable links.

``apply(view)`` (called once per run by dashboard.py) adds the presenter-mode
toggle to the sidebar and, when ``view.present`` is on, hides Streamlit's chrome
with CSS and shows an exit button. ``share_url`` builds the link that reproduces
a view; ``share_box`` shows it with Streamlit's copy button.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from components import state
from components.i18n import t

# Static CSS only: no value from data or the URL is ever interpolated here.
PRESENTER_CSS = """
<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], [data-testid="stAppDeployButton"], [data-testid="stMainMenu"],
footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container {
  max-width: 100% !important; padding: 0.8rem 1.6rem 4.5rem 1.6rem !important;
}
[data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #ffffff !important; }
/* Tighter rows: the scene's text, sources, legend and map share one projector screen. */
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  font-size: 1.45rem !important; line-height: 1.5 !important; color: #000000 !important;
}
h1 { font-size: 2.7rem !important; color: #000000 !important; }
h2, h3 { color: #000000 !important; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  font-size: 1.3rem !important; line-height: 1.45 !important; color: #111111 !important;
}
[data-testid="stCaptionContainer"] a { color: #003c8f !important; }
/* The map takes the screen's height less the scene's text (~505 px on a 1080 p screen). */
:root { --bl-map-height: clamp(420px, calc(100vh - 505px), 1600px); }
[data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]),
[data-testid="stFullScreenFrame"]:has([data-testid="stDeckGlJsonChart"]),
[data-testid="stDeckGlJsonChart"] {
  height: var(--bl-map-height) !important; flex: 0 0 var(--bl-map-height) !important;
}
.bl-legend { font-size: 1.3rem !important; line-height: 1.7 !important; color: #000000 !important; }
.bl-legend-item { margin-right: 1.4rem !important; }
.bl-legend-swatch { width: 1.3rem !important; height: 1.3rem !important; margin-right: 0.4rem !important; }
/* The exit button floats in the bottom-right corner instead of taking a row above the scene. */
.st-key-present-exit {
  position: fixed !important; right: 1rem; bottom: 0.6rem; z-index: 1000; width: auto !important;
  background: #ffffff; border: 1px solid #000000; border-radius: 0.5rem; padding: 0 0.6rem;
}
[data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"] {
  font-size: 1.2rem !important; min-height: 3rem !important; border: 2px solid #000000 !important;
}
</style>
"""
PRESENT_KEY = "sb_present"
# A map on a 1920x1080 projector: the screen less the scene's title row, sentence,
# source lines and legend (up to ~505 px), so one screen holds the whole scene. The
# presenter CSS then sizes the map to any screen the same way (--bl-map-height).
PRESENT_MAP_HEIGHT = 575


def _toggled() -> None:
    # Callbacks run before the script: this run's URL and CSS already follow the toggle.
    state.write_view(present=bool(st.session_state.get(PRESENT_KEY)))


def _exit() -> None:
    state.write_view(present=False)


def apply(view: state.View) -> None:
    """Sidebar toggle for presenter mode; when on: CSS that hides chrome + an exit button."""
    if st.session_state.get(PRESENT_KEY) != view.present:
        st.session_state[PRESENT_KEY] = view.present
    with st.sidebar:
        st.toggle(
            t("present.mode"), key=PRESENT_KEY, on_change=_toggled, help=t("present.mode_help")
        )
    if not view.present:
        return
    st.html(PRESENTER_CSS)
    st.button(
        t("present.exit"),
        key="present-exit",
        on_click=_exit,
        shortcut="Esc",
        icon=":material/fullscreen_exit:",
        type="tertiary",
    )


def map_height(default: int) -> int:
    """Height in px of a map: ``default``, or the presenter-screen height in presenter mode."""
    return PRESENT_MAP_HEIGHT if st.session_state.get(PRESENT_KEY) else default


def share_url(base_url: str, page: str | None, params: dict[str, str]) -> str:
    """Absolute link to ``page`` with ``params``: scheme/host of ``base_url``, path = page stem."""
    parts = urlsplit(base_url or "http://localhost:8501/")
    root = parts.path.rsplit("/", 1)[0] if parts.path.count("/") > 1 else ""
    path = f"{root}/{page}" if page else (root or "/")
    query = urlencode(sorted(params.items()))
    return urlunsplit((parts.scheme or "http", parts.netloc, path, query, ""))


def current_share_url(view: state.View) -> str:
    """The link reproducing ``view`` on this server (host from the browser's request)."""
    defaults = state.default_view(state.store_limits())
    params = view.to_params(defaults)
    page = params.pop("page", None) or view.page
    try:
        base = st.context.url or ""
    except Exception:  # AppTest and old clients have no URL: a relative-looking default
        base = ""
    return share_url(base, page, params)


def share_box(view: state.View) -> str:
    """'Share this view' expander with the link in a code block (built-in copy button)."""
    url = current_share_url(view)
    with st.expander(t("present.share"), icon=":material/link:"):
        st.caption(t("present.share_help"))
        st.code(url, language=None, wrap_lines=True)
    return url
