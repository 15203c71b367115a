"""Presenter mode and shareable links.

``apply(view)`` (called once per run by dashboard.py) adds the presenter-mode
toggle to the sidebar and, when ``view.present`` is on, hides Streamlit's chrome
with CSS and shows an exit button. ``share_url`` builds the link that reproduces
a view; ``share_box`` shows it with Streamlit's copy button.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from components import present_layout, state
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
# The map's first height on a 1920x1080 projector (the CSS then sizes it to any screen).
PRESENT_MAP_HEIGHT = round(present_layout.map_box(1920, 1080)[3])

# The presenter page's stage outside presenter mode: the caption panel beside the map
# (keyed containers of pages/presenter.py); SCREEN_CSS replaces it in presenter mode.
STAGE_CSS = """
<style>
.st-key-present-stage { flex-wrap: nowrap !important; align-items: stretch !important; }
.st-key-present-stage > div:has(> .st-key-present-panel) {
  flex: 0 0 32% !important; width: 32% !important; min-width: 0;
}
.st-key-present-stage > div:has(> .st-key-present-mapcol) {
  flex: 1 1 0 !important; width: auto !important; min-width: 0;
}
.st-key-present-panel, .st-key-present-mapcol { width: 100% !important; height: 100%; }
.st-key-present-panel > div:has(> .st-key-present-nav) { margin-top: auto; }
@media (max-width: 700px) {  /* a phone: the caption above the map */
  .st-key-present-stage { flex-wrap: wrap !important; }
  .st-key-present-stage > div { flex: 1 1 100% !important; width: 100% !important; }
}
</style>
"""

# Presenter mode on the presenter page: exactly one screen. The panel and the source strip
# take the shares present_layout gives them; the map takes the rest. Type scales with the
# screen's height (a 720 p and a 1080 p projector fill the same wall), with floors so that
# a small screen keeps readable text: at 1080 p the title is ~45 px and the text ~25 px.
_PANEL = (present_layout.PANEL_MIN_PX, present_layout.PANEL_VW, present_layout.PANEL_MAX_PX)
_STRIP = (present_layout.STRIP_MIN_PX, present_layout.STRIP_VH)
SCREEN_CSS = f"""
<style>
:root {{
  --bl-panel: clamp({_PANEL[0]:.0f}px, {_PANEL[1]}vw, {_PANEL[2]:.0f}px);
  --bl-strip: max({_STRIP[0]:.0f}px, {_STRIP[1]}vh);
  --bl-pad: max(12px, 1.7vh);
  --bl-title: max(26px, 4.2vh);
  --bl-body: max(15px, 2.35vh);
  --bl-small: max(13px, 1.65vh);
  --bl-button: max(40px, 4.6vh);
}}
[data-testid="stMainBlockContainer"]:has(.st-key-present-stage) {{ padding: 0 !important; }}
[data-testid="stMainBlockContainer"]:has(.st-key-present-stage) > [data-testid="stVerticalBlock"] {{
  gap: 0 !important;
}}
[data-testid="stMain"] .st-key-present-stage {{
  height: 100vh; gap: 0 !important; flex-wrap: nowrap !important; align-items: stretch !important;
}}
.st-key-present-stage > div:has(> .st-key-present-panel) {{
  flex: 0 0 var(--bl-panel) !important; width: var(--bl-panel) !important; min-width: 0;
}}
.st-key-present-stage > div:has(> .st-key-present-mapcol) {{
  flex: 1 1 0 !important; width: auto !important; min-width: 0;
}}
.st-key-present-panel, .st-key-present-mapcol {{ width: 100% !important; }}
.st-key-present-panel > div:has(> .st-key-present-nav) {{ margin-top: auto; }}
[data-testid="stMain"] .st-key-present-panel {{
  height: 100vh; box-sizing: border-box;
  overflow-y: auto; gap: calc(0.7 * var(--bl-pad)) !important; background: #ffffff;
  padding: var(--bl-pad) var(--bl-pad) calc(2 * var(--bl-pad) + var(--bl-button));
  border-right: 2px solid #1f2937;
}}
.st-key-present-panel h2 {{
  font-size: var(--bl-title) !important; line-height: 1.15 !important; padding: 0 !important;
}}
/* Spacing comes from the panel's gap, not from Streamlit's paragraph margins. */
.st-key-present-panel [data-testid="stMarkdownContainer"],
.st-key-present-panel [data-testid="stCaptionContainer"] {{ margin: 0 !important; }}
.st-key-present-panel [data-testid="stMarkdownContainer"] p {{ margin: 0 !important; }}
.st-key-present-panel [data-testid="stMarkdownContainer"] p {{
  font-size: var(--bl-body) !important; line-height: 1.42 !important;
}}
.st-key-present-panel [data-testid="stCaptionContainer"],
.st-key-present-panel [data-testid="stCaptionContainer"] p,
.st-key-present-strip [data-testid="stCaptionContainer"],
.st-key-present-strip [data-testid="stCaptionContainer"] p {{
  font-size: var(--bl-small) !important; line-height: 1.3 !important;
}}
.st-key-present-panel .bl-legend {{ font-size: var(--bl-small) !important; line-height: 1.5 !important; }}
.st-key-present-panel .bl-legend-item {{ margin-right: 0.9em !important; }}
.st-key-present-panel .bl-legend-swatch {{ width: 1em !important; height: 1em !important; }}
[data-testid="stMain"] .st-key-present-nav button,
[data-testid="stMain"] .st-key-present-nav button p {{
  font-size: var(--bl-body) !important; min-height: var(--bl-button) !important;
}}
[data-testid="stMain"]:has(.st-key-present-stage) .st-key-present-exit button p {{
  font-size: var(--bl-small) !important;
}}
[data-testid="stMain"] .st-key-present-mapcol {{ height: 100vh; gap: 0 !important; }}
.st-key-present-mapcol [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]),
.st-key-present-mapcol [data-testid="stFullScreenFrame"]:has([data-testid="stDeckGlJsonChart"]),
.st-key-present-mapcol [data-testid="stDeckGlJsonChart"] {{
  height: calc(100vh - var(--bl-strip)) !important; flex: 0 0 calc(100vh - var(--bl-strip)) !important;
}}
/* One source line under the map (two at most; the full list is below the screen). */
[data-testid="stMain"] .st-key-present-strip {{
  height: var(--bl-strip); flex: 0 0 var(--bl-strip) !important; justify-content: center;
  padding: 0 var(--bl-pad); overflow: hidden; box-sizing: border-box; gap: 0 !important;
}}
.st-key-present-strip [data-testid="stCaptionContainer"] {{ margin: 0 !important; }}
.st-key-present-strip p {{
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
  margin: 0 !important;
}}
/* The exit button sits at the foot of the panel, under Previous/Next, off the map. */
[data-testid="stMain"]:has(.st-key-present-stage) .st-key-present-exit {{
  left: var(--bl-pad); right: auto; bottom: var(--bl-pad);
  width: calc(var(--bl-panel) - 2 * var(--bl-pad)) !important; padding: 0;
}}
[data-testid="stMain"]:has(.st-key-present-stage) .st-key-present-exit button {{
  width: 100%; min-height: var(--bl-button); font-size: var(--bl-small) !important;
}}
.st-key-present-below {{ padding: 1.5rem 1.6rem 4.5rem 1.6rem; }}
</style>
"""


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
    st.html(PRESENTER_CSS + SCREEN_CSS)
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
