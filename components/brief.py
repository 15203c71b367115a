"""One-page PDF brief of a place: static map, key figures, partners, ports, initiatives, sources.

Plain Python (fpdf2, no Streamlit, no network): ``collect(db, place_id, lang)``
gathers the numbers from the store through ``components.query``;
``render(brief)`` draws the page; ``brief_pdf(db, place_id, lang)`` does both.
CLI: ``python -m components.brief US-TX --lang es --out texas.pdf [--db PATH]``.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from fpdf import FPDF

from components import i18n, query

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
MEASURES = ("Trucks", "Personal Vehicle Passengers")
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0  # A4 portrait, mm
MAP_BOX = (MARGIN, 34.0, 96.0, 86.0)  # x, y, w, h
# Greys that stay distinct in print and for colour-blind readers (meaning also in the legend).
FILL_PLACE, FILL_PARTNER, FILL_OTHER = (40, 70, 120), (140, 170, 205), (232, 232, 232)
MAX_PARTNERS, MAX_PORTS, MAX_INITIATIVES = 6, 6, 5


class BriefError(RuntimeError):
    """A brief that cannot be made (unknown place, missing font): one line for the user."""


@dataclass
class Brief:
    """Everything the page shows, already in the chosen language except source names."""

    place_id: str
    lang: str
    name: str
    subtitle: str
    year: int
    figures: list[tuple[str, str]] = field(default_factory=list)
    partners_title: str = ""
    partners: list[tuple[str, str]] = field(default_factory=list)
    ports_title: str = ""
    ports: list[tuple[str, str]] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    initiatives_more: int = 0
    sources: list[str] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    focus: set[str] = field(default_factory=set)  # places the map frames (land neighbours)
    port_points: list[tuple[float, float]] = field(default_factory=list)


def _t(key: str, lang: str, **fmt) -> str:
    return i18n.t(key, lang=lang, **fmt)


def _measure(measure: str, lang: str) -> str:
    """BTS measure name in ``lang`` (the published English name when untranslated)."""
    text = _t(f"measure.{measure}", lang)
    return measure if text == f"measure.{measure}" else text


def _names(db, lang: str) -> dict[str, str]:
    frame = query.all_places(db)
    column = {"en": "name_en", "es": "name_es", "fr": "name_fr"}[lang]
    return dict(zip(frame["place_id"], frame[column], strict=True))


def _default_year(db) -> int:
    span = query.year_span(db).iloc[0]
    for column in ("crossings_last_full", "trade_last", "crossings_last"):
        value = span[column]
        if value is not None and not pd.isna(value):
            return int(value)
    return date.today().year - 1


def _value(frame: pd.DataFrame):
    if frame is None or frame.empty or pd.isna(frame["value"].iloc[0]):
        return None
    return float(frame["value"].iloc[0])


def _land_neighbours(place_id: str) -> list[str]:
    try:
        from geo.places import load_border_pairs

        pairs = load_border_pairs()
    except Exception:  # geometry files not built: the brief still works without them
        return []
    a = pairs.loc[pairs["us_place"] == place_id, "partner_place"].tolist()
    b = pairs.loc[pairs["partner_place"] == place_id, "us_place"].tolist()
    return sorted(set(a + b))


def collect(db, place_id: str, lang: str = "en", year: int | None = None) -> Brief:
    """Gather the brief of ``place_id`` from the store at ``db`` in ``lang`` -> Brief."""
    if lang not in i18n.LANGS:
        raise BriefError(f"language must be one of {', '.join(i18n.LANGS)}, not {lang!r}")
    if not Path(db).exists():
        raise BriefError(f"no data store at {db}; build it with: python -m ingest build --db {db}")
    place = query.brief_summary(db, place_id)
    if place.empty:
        raise BriefError(_t("brief.unknown_place", lang, place=place_id))
    row = place.iloc[0]
    names = _names(db, lang)
    year = year or _default_year(db)
    country = row["country"]
    kind = _t(f"brief.kind.{row['kind']}", lang)
    subtitle = _t(
        "brief.subtitle", lang, kind=kind, country=_t(f"country.{country}", lang), year=year
    )
    brief = Brief(place_id, lang, names.get(place_id, place_id), subtitle, year)
    source_ids: set[str] = {row["source_id"]}
    money = lambda v: i18n.fmt_money(v, lang=lang)  # noqa: E731
    count = lambda v: i18n.fmt_int(v, lang=lang)  # noqa: E731

    def add(label: str, frame: pd.DataFrame, fmt) -> None:
        value = _value(frame)
        if value is not None:
            brief.figures.append((label, fmt(value)))
            source_ids.update(frame["source_id"].dropna())

    if country == "US":
        for partner in ("CA", "MX"):
            frame = query.scene_figure(
                db, "state_trade", {"places": [place_id], "partner": partner, "year": year}
            )
            label = _t("brief.trade_with", lang, country=_t(f"country.{partner}", lang), year=year)
            add(label, frame, money)
        for measure in MEASURES:
            ports = query.place_ports(db, place_id, year, measure)
            frame = pd.DataFrame(
                {
                    "value": [ports["value"].sum(min_count=1)],
                    "source_id": [ports["source_id"].min()],
                }
            )
            label = _t("brief.crossings", lang, measure=_measure(measure, lang), year=year)
            add(label, frame, count)
    elif country == "MX":
        frame = query.scene_figure(db, "mx_state_exports", {"places": [place_id], "year": year})
        add(_t("brief.us_exports_to", lang, place=brief.name, year=year), frame, money)
        fdi = query.place_fdi_series(db, place_id)
        if not fdi.empty:
            last = fdi.iloc[-1]
            add(_t("brief.fdi", lang, year=int(last["year"])), fdi.tail(1), money)
    initiatives = query.place_initiatives(db, place_id)
    brief.figures.append((_t("brief.initiative_count", lang), count(len(initiatives))))

    partners = query.place_partners(db, place_id, top=MAX_PARTNERS)
    if not partners.empty:
        brief.partners_title = _t(
            "brief.partners",
            lang,
            first=int(partners["first_year"].min()),
            last=int(partners["last_year"].max()),
        )
        brief.partners = [
            (names.get(r.partner_id, r.partner_id), money(r.value_usd))
            for r in partners.itertuples(index=False)
        ]
        source_ids.update(partners["source_id"].dropna())

    land = _land_neighbours(place_id)
    port_states = [place_id] if country == "US" else [p for p in land if p.startswith("US-")]
    measure = MEASURES[0]
    frames = [query.place_ports(db, state, year, measure) for state in port_states]
    ports = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if not ports.empty:
        brief.ports_title = _t("brief.ports", lang, measure=_measure(measure, lang), year=year)
        ports = ports.sort_values("value", ascending=False, na_position="last")
        brief.ports = [
            (
                f"{r.port_name} ({r.port_code})",
                "–" if pd.isna(r.value) else count(r.value),
            )
            for r in ports.head(MAX_PORTS).itertuples(index=False)
        ]
        brief.port_points = [
            (float(r.lon), float(r.lat))
            for r in ports.itertuples(index=False)
            if not pd.isna(r.lon) and not pd.isna(r.lat)
        ]
        source_ids.update(ports["source_id"].head(MAX_PORTS).dropna())

    name_column = f"name_{lang}"
    for r in initiatives.head(MAX_INITIATIVES).itertuples(index=False):
        title = getattr(r, name_column)
        title = r.name_en if title is None or pd.isna(title) or not str(title).strip() else title
        brief.initiatives.append(f"{r.year} · {title} — {r.source_publisher}")
    brief.initiatives_more = max(0, len(initiatives) - MAX_INITIATIVES)
    source_ids.update(initiatives["source_id"].head(MAX_INITIATIVES).dropna())

    top_partners = partners["partner_id"].head(3).tolist() if not partners.empty else []
    brief.highlight = set(land) | set(top_partners)
    brief.focus = set(land)

    sources = query.sources_for(db, sorted(s for s in source_ids if s))
    for r in sources.itertuples(index=False):
        as_of = "–" if r.as_of is None or pd.isna(r.as_of) else i18n.fmt_date(r.as_of, lang=lang)
        url = f" {r.url}" if isinstance(r.url, str) and r.url else ""
        brief.sources.append(f"{r.publisher}, {r.title} ({as_of}).{url}")
    return brief


# ---------------------------------------------------------------- drawing


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
    if not FONT_REGULAR.is_file() or not FONT_BOLD.is_file():
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


def brief_pdf(db, place_id: str, lang: str = "en", year: int | None = None) -> bytes:
    """The one-page brief of ``place_id`` as PDF bytes (raises BriefError with a plain message)."""
    return render(collect(db, place_id, lang, year))


def download_button(place_id: str, lang: str, key: str = "brief") -> None:
    """Streamlit button that builds the brief of ``place_id`` in ``lang`` when clicked."""
    import streamlit as st

    if not FONT_REGULAR.is_file() or not FONT_BOLD.is_file():
        st.caption(_t("brief.no_font", lang))
        return
    db = str(query.db_path())

    def make() -> bytes:
        try:
            return brief_pdf(db, place_id, lang)
        except BriefError as exc:  # shown in the file rather than as a traceback
            return f"{exc}\n".encode()

    st.download_button(
        _t("brief.download", lang),
        data=make,
        file_name=f"borderlinks-{place_id}-{lang}.pdf",
        mime="application/pdf",
        key=f"{key}-{place_id}-{lang}",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; prints one line on error and returns 1."""
    parser = argparse.ArgumentParser(prog="python -m components.brief", description=__doc__)
    parser.add_argument("place", help="place id, e.g. US-TX, CA-QC, MX-NLE")
    parser.add_argument("--lang", default="en", choices=i18n.LANGS)
    parser.add_argument("--out", type=Path, help="output PDF (default <place>.pdf)")
    parser.add_argument("--db", type=Path, default=None, help="store (default: BORDERLINKS_DB)")
    parser.add_argument("--year", type=int, default=None)
    args = parser.parse_args(argv)
    db = args.db or query.db_path()
    out = args.out or Path(f"{args.place}.pdf")
    try:
        data = brief_pdf(db, args.place, args.lang, args.year)
    except BriefError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
