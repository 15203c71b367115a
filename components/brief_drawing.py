"""Drawing of the one-page brief (fpdf2, no network): the static map and the page layout.

In: a ``Brief`` (``components.brief_content``) and, optionally, boundary features.
Out: PDF bytes from ``render``.
"""

from __future__ import annotations

import math
from pathlib import Path

from fpdf import FPDF

from components import i18n
from components.brief_content import Brief, BriefError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0  # A4 portrait, mm
MAP_BOX = (MARGIN, 34.0, 96.0, 86.0)  # x, y, w, h
# Greys that stay distinct in print and for colour-blind readers (meaning also in the legend).
FILL_PLACE, FILL_PARTNER, FILL_OTHER = (40, 70, 120), (140, 170, 205), (232, 232, 232)


def _t(key: str, lang: str, **fmt) -> str:
    return i18n.t(key, lang=lang, **fmt)


def fonts_installed() -> bool:
    """True when the DejaVu fonts the page is set in are installed."""
    return FONT_REGULAR.is_file() and FONT_BOLD.is_file()


def _rings(geometry: dict) -> list[list[list[float]]]:
    """Outer rings of a Polygon/MultiPolygon GeoJSON geometry."""
    if not geometry:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _bounds(rings) -> tuple[float, float, float, float] | None:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _projector(bounds, box):
    """lon/lat -> page mm: equirectangular scaled by cos(mid latitude), fitted and centred."""
    west, south, east, north = bounds
    x0, y0, w, h = box
    k = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * k, 1e-6)
    span_y = max(north - south, 1e-6)
    scale = min(w / span_x, h / span_y)
    off_x = x0 + (w - span_x * scale) / 2
    off_y = y0 + (h - span_y * scale) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return off_x + (lon - west) * k * scale, off_y + (north - lat) * scale

    return project


def draw_map(pdf: FPDF, brief: Brief, features: list[dict], box=MAP_BOX) -> None:
    """Draw the place, its partners and the surroundings inside ``box`` (no network)."""
    x, y, w, h = box
    by_id = {f["properties"]["place_id"]: f for f in features}
    # A city has no polygon: frame and shade its state/province instead.
    own = brief.place_id if brief.place_id in by_id else brief.place_id.split(":")[0]
    focus = [own, *sorted(brief.focus or brief.highlight)]
    rings = [ring for pid in focus if pid in by_id for ring in _rings(by_id[pid]["geometry"])]
    bounds = _bounds(rings)
    pdf.set_draw_color(120, 120, 120)
    pdf.rect(x, y, w, h)
    if bounds is None:
        return
    west, south, east, north = bounds
    pad_x, pad_y = (east - west) * 0.08 + 0.5, (north - south) * 0.08 + 0.5
    project = _projector((west - pad_x, south - pad_y, east + pad_x, north + pad_y), box)
    pdf.set_line_width(0.15)
    with pdf.rect_clip(x, y, w, h):
        for feature in features:
            pid = feature["properties"]["place_id"]
            if pid == own:
                fill = FILL_PLACE
            elif pid in brief.highlight:
                fill = FILL_PARTNER
            else:
                fill = FILL_OTHER
            pdf.set_fill_color(*fill)
            pdf.set_draw_color(255, 255, 255)
            for ring in _rings(feature["geometry"]):
                points = [project(lon, lat) for lon, lat in ring]
                if len(points) >= 3:
                    pdf.polygon(points, style="DF")
        pdf.set_fill_color(200, 80, 20)
        pdf.set_draw_color(60, 60, 60)
        for lon, lat in brief.port_points:
            px, py = project(lon, lat)
            pdf.circle(x=px, y=py, radius=0.7, style="DF")


def _font(pdf: FPDF) -> None:
    if not fonts_installed():
        raise BriefError(_t("brief.no_font", "en"))
    pdf.add_font("DejaVu", "", str(FONT_REGULAR))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))


def _heading(pdf: FPDF, text: str, x: float, w: float) -> None:
    pdf.set_x(x)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(w, 5, text, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)


def _pairs(pdf: FPDF, rows: list[tuple[str, str]], x: float, w: float, empty: str) -> None:
    pdf.set_font("DejaVu", "", 9)
    if not rows:
        pdf.set_x(x)
        pdf.multi_cell(w, 4.5, empty, align="L", new_x="LEFT", new_y="NEXT")
        return
    for label, value in rows:
        pdf.set_x(x)
        top = pdf.get_y()
        pdf.multi_cell(w * 0.6, 4.5, label, align="L", new_x="LEFT", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_xy(x + w * 0.6, top)
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(w * 0.4, 4.5, value, align="R", new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        pdf.set_xy(x, max(bottom, pdf.get_y(), top + 4.5))


def render(brief: Brief, features: list[dict] | None = None) -> bytes:
    """Draw ``brief`` on one A4 page -> PDF bytes."""
    lang = brief.lang
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # one page, always: lists are cut to fit instead
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    _font(pdf)
    pdf.set_title(f"{_t('brief.heading', lang)}: {brief.name}")
    pdf.set_creator("Borderlinks")
    pdf.set_lang(lang)
    pdf.add_page()
    width = PAGE_W - 2 * MARGIN

    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(width, 5, _t("brief.heading", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 20)
    pdf.cell(width, 10, brief.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(width, 6, brief.subtitle, new_x="LMARGIN", new_y="NEXT")

    if features is None:
        features = _features(lang)
    draw_map(pdf, brief, features)
    mx, my, mw, mh = MAP_BOX
    pdf.set_xy(mx, my + mh + 1)
    pdf.set_font("DejaVu", "", 7)
    pdf.multi_cell(
        mw, 3.2, f"{_t('brief.map_title', lang)}. {_t('brief.map_ports', lang)}.", align="L"
    )

    right_x = mx + mw + 6
    right_w = PAGE_W - MARGIN - right_x
    pdf.set_xy(right_x, my)
    _heading(pdf, _t("brief.key_figures", lang), right_x, right_w)
    _pairs(pdf, brief.figures, right_x, right_w, _t("brief.none", lang))
    pdf.ln(3)
    if brief.partners_title:
        _heading(pdf, brief.partners_title, right_x, right_w)
        _pairs(pdf, brief.partners, right_x, right_w, _t("brief.none", lang))

    y = max(pdf.get_y(), my + mh + 10) + 3
    pdf.set_xy(MARGIN, y)
    half = (width - 6) / 2
    if brief.ports_title:
        _heading(pdf, brief.ports_title, MARGIN, half)
        _pairs(pdf, brief.ports, MARGIN, half, _t("brief.none", lang))
    left_bottom = pdf.get_y()
    pdf.set_xy(MARGIN + half + 6, y)
    _heading(pdf, _t("brief.initiatives", lang), MARGIN + half + 6, half)
    lines = brief.initiatives or [_t("brief.none", lang)]
    if brief.initiatives_more:
        lines = [*lines, _t("brief.more", lang, n=brief.initiatives_more)]
    for line in lines:
        pdf.set_x(MARGIN + half + 6)
        pdf.multi_cell(half, 4.2, f"• {line}", align="L", new_x="LEFT", new_y="NEXT")
    y = max(left_bottom, pdf.get_y()) + 4

    pdf.set_xy(MARGIN, y)
    _heading(pdf, _t("brief.sources", lang), MARGIN, width)
    pdf.set_font("DejaVu", "", 7)
    footer_y = PAGE_H - MARGIN - 8
    for index, line in enumerate(brief.sources):
        if pdf.get_y() > footer_y - 7:
            rest = len(brief.sources) - index
            pdf.multi_cell(width, 3.2, _t("brief.more", lang, n=rest), align="L", new_x="LMARGIN")
            break
        pdf.multi_cell(
            width, 3.2, f"[{index + 1}] {line}", align="L", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.set_xy(MARGIN, footer_y)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 3.2, _t("brief.generated", lang), align="L")
    return bytes(pdf.output())


def _features(lang: str) -> list[dict]:
    try:
        from geo.boundaries import boundaries_geojson

        return boundaries_geojson(lang)["features"]
    except Exception:  # no geometry file: the page still renders, with an empty map frame
        return []
