"""Borderlinks entry point: page config, store check, view (URL), navigation, shared sidebar.

Run: ``streamlit run dashboard.py``. Pages are every ``pages/*.py`` whose name
does not start with ``_``; their titles and icons come from ``PAGES`` below
(keyed by file stem, titles translated via ``nav.<stem>``); ``url_path`` is
the stem, so ``/place_profile?place=US-TX`` is a stable link.
"""

from __future__ import annotations

import functools
import io
import threading
from pathlib import Path

import streamlit as st

from components import i18n, present, query, sidebar, state
from components.i18n import t

HERE = Path(__file__).resolve().parent
PAGES_DIR = HERE / "pages"
# stem -> material icon; the order here is the menu order (unknown pages go last).
PAGES = {
    "overview_map": ":material/map:",
    "place_profile": ":material/location_city:",
    "ports_crossings": ":material/local_shipping:",
    "trade_flows": ":material/swap_horiz:",
    "jobs_investment": ":material/work:",
    "initiatives": ":material/handshake:",
    "stocktaking": ":material/fact_check:",
    "presenter": ":material/slideshow:",
    "data_sources": ":material/database:",
}
DEFAULT_PAGE = "overview_map"
_BUILD_LOCK = threading.Lock()


@functools.cache
def favicon() -> bytes:
    """A small locally drawn icon, as PNG bytes drawn once per process (every session's
    first run sets it: drawing and encoding it each time was per-session work).

    Material-icon or emoji favicons make the browser fetch an SVG from a font
    CDN; an image is served by Streamlit itself, so the app stays offline.
    """
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((1, 1, 31, 31), fill=(11, 83, 148, 255))
    draw.line((4, 16, 28, 16), fill=(255, 255, 255, 255), width=3)
    draw.line((16, 4, 16, 28), fill=(255, 255, 255, 255), width=2)
    png = io.BytesIO()
    image.save(png, format="PNG")
    return png.getvalue()


def page_files() -> list[Path]:
    """``pages/*.py`` not starting with '_', in menu order."""
    files = [p for p in PAGES_DIR.glob("*.py") if not p.name.startswith("_")]
    order = list(PAGES)
    return sorted(files, key=lambda p: (order.index(p.stem) if p.stem in order else 99, p.stem))


def build_store(path: Path) -> str | None:
    """Build the store at ``path`` like ``python -m ingest build``; None on success, else one line."""
    from ingest import build
    from ingest.model import LoadError

    with _BUILD_LOCK:
        if path.exists():  # another session built it while we waited
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            build.build_store(path, HERE / "data")
        except LoadError as exc:
            return exc.one_line()
        except Exception as exc:  # noqa: BLE001 - one line on screen, never a traceback
            return f"unexpected {type(exc).__name__}: {str(exc).strip()[:300]}"
    return None


def ensure_store() -> bool:
    """True when the store exists (building it once, with a spinner, if missing)."""
    path = query.db_path()
    if path.exists():
        return True
    with st.spinner(t("common.building_store")):
        error = build_store(path)
    if error:
        st.error(t("common.store_failed", error=error))
        return False
    return True


def navigation_pages(default: str = DEFAULT_PAGE) -> list:
    """One ``st.Page`` per page file (translated title, icon, url_path = stem), plus a
    hidden landing page at ``/`` that forwards to ``default`` with the query params.

    Streamlit serves its default page only at ``/`` (``/<stem>`` would be "page
    not found"), so every real page is non-default and keeps a stable ``/<stem>`` link.
    """
    pages = [
        st.Page(
            str(path.relative_to(HERE)),
            title=i18n.label("nav", path.stem),
            icon=PAGES.get(path.stem, ":material/article:"),
            url_path=path.stem,
        )
        for path in page_files()
    ]
    target = next((p for p in pages if p.url_path == default), pages[0] if pages else None)

    def landing() -> None:
        if target is not None:
            st.switch_page(target, query_params=dict(st.query_params))

    pages.insert(
        0, st.Page(landing, title="Borderlinks", url_path="home", default=True, visibility="hidden")
    )
    return pages


def main() -> None:
    st.set_page_config(page_title="Borderlinks", page_icon=favicon(), layout="wide")
    # Contrast fixes beyond the theme (WCAG 2.1 AA): a Path to a .css file is sent as a
    # style block that takes no room on the page.
    st.html(HERE / "components" / "a11y.css")
    if not ensure_store():
        st.stop()
    view = state.read_view()
    page = st.navigation(navigation_pages())
    view = state.write_view(page=Path(str(page.url_path or DEFAULT_PAGE)).stem or DEFAULT_PAGE)
    # Re-send the URL after st.navigation: the navigation message carries the query
    # string of the request, which would undo an update made by a widget callback.
    # Widgets (buttons, boxes, map clicks) change the view in their callbacks, which
    # ran before this script: this is the URL of the whole run, sent before any page
    # element (a page body writing the view after drawing would leave it one step late).
    state.sync_url(view, force=True)
    with st.sidebar:
        st.caption(t("common.app_tagline"))
    sidebar.render_sidebar(view)
    present.apply(view)  # presenter mode: sidebar toggle, CSS when ?present=1
    page.run()


main()
