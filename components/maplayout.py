"""The map-first page frame: a one-line header (title and short subtitle), tight rows of
controls, a map sized to the screen and its legend as a card over the map.

A page calls ``header`` first (it also sends this frame's CSS, which lasts while the page
is shown), puts its controls in ``st.columns`` rows, then the legend with
``legend_overlay`` right before ``mapframe.show_map``. At 1440x900 the map then starts
about 250 px down and ends inside the screen; at 1366x768 it still starts in the first
screen. Presenter mode keeps its own frame (``components.present``).
"""

from __future__ import annotations

import streamlit as st

from components import mapframe

# The map's height follows the screen: the rows above it take ~260 px; never under
# 480 px (the smallest map that still reads), never taller than a 1080 p screen needs.
MAP_HEIGHT_CSS = "clamp(480px, calc(100vh - 262px), 860px)"
LEGEND_KEY = "map-legend"

# Static CSS only: nothing from data or the URL is ever written here. Scoped to the
# header's and legend's keyed containers and to maps of pages that call ``header``.
_CSS = f"""
<style>
:root {{ --bl-map-frame-height: {MAP_HEIGHT_CSS}; }}
[data-testid="stMainBlockContainer"] {{
  padding-top: 3.9rem !important; padding-bottom: 3rem !important;
}}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {{ gap: 0.6rem; }}
.st-key-map-head {{ align-items: baseline; column-gap: 1rem; row-gap: 0; flex-wrap: wrap; }}
.st-key-map-head h1 {{
  font-size: 1.6rem !important; line-height: 1.25 !important; padding: 0 !important; margin: 0;
}}
.st-key-map-head [data-testid="stCaptionContainer"] p {{ margin: 0; font-size: 0.9rem; }}
.st-key-map-head [data-testid="stHeaderActionElements"] {{ display: none; }}
[data-testid="stElementContainer"]:has(> .st-key-map-frame) {{ width: 100%; }}
.st-key-map-frame [data-testid="stDeckGlJsonChart"],
.st-key-map-frame [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]),
.st-key-map-frame [data-testid="stFullScreenFrame"]:has([data-testid="stDeckGlJsonChart"]) {{
  height: var(--bl-map-frame-height) !important;
  flex: 0 0 var(--bl-map-frame-height) !important;
}}
/* The legend: a card over the map's lower-right corner (the Atlantic at the default
   camera). Its container takes no room; the card is placed from the map's top. */
.st-key-{LEGEND_KEY} {{
  position: relative; height: 0; overflow: visible; z-index: 3; margin-bottom: -0.6rem;
}}
.st-key-{LEGEND_KEY} [data-testid="stElementContainer"] {{ position: static; }}
.st-key-{LEGEND_KEY} .bl-legend {{
  position: absolute; right: 10px; top: calc(var(--bl-map-frame-height) - 10px);
  transform: translateY(-100%); max-width: min(320px, 45%);
  background: rgba(255, 255, 255, 0.94); border: 1px solid #8a8986; border-radius: 6px;
  padding: 5px 9px; font-size: 12px !important; line-height: 1.4;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
}}
/* Laptop screens (768 px high): a smaller card covers less of the map. */
@media (max-height: 820px) {{
  .st-key-{LEGEND_KEY} .bl-legend {{ font-size: 11px !important; line-height: 1.3; }}
  .st-key-{LEGEND_KEY} .bl-legend-swatch {{ width: 11px !important; height: 11px !important; }}
}}
.st-key-{LEGEND_KEY} .bl-legend br {{ display: none; }}
.st-key-{LEGEND_KEY} .bl-legend b {{ display: block; margin-bottom: 2px; }}
.st-key-{LEGEND_KEY} .bl-legend-item {{ display: flex !important; margin-right: 0 !important; }}
</style>
"""


def header(title: str, subtitle: str) -> None:
    """The page's title (its one h1) and a short subtitle on one line, plus this frame's CSS."""
    st.html(_CSS)
    with st.container(key="map-head", horizontal=True, gap=None):
        st.title(title, anchor=False, width="content")
        st.caption(subtitle)


def legend_overlay(entries, title: str, extra=(), no_data: bool = True) -> None:
    """``mapframe.show_legend`` as a card over the lower-right corner of the map drawn next."""
    with st.container(key=LEGEND_KEY):
        mapframe.show_legend(entries, title, extra, no_data=no_data)


def map_frame():
    """The keyed container a map goes in so it takes the screen's height (``MAP_HEIGHT_CSS``)."""
    return st.container(key="map-frame")
