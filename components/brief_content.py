"""What a place's one-page brief says: ``collect(db, place_id, lang, year)`` -> ``Brief``.

Plain Python (no Streamlit): the key figures come from ``components.figures`` (the same
rule as the overview and the place profile), the lists from ``components.query``.
Drawing is in ``components.brief_drawing``; the entry points in ``components.brief``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from components import fdi_text, figures, i18n, query

MEASURES = ("Trucks", "Personal Vehicle Passengers")
MAX_PARTNERS, MAX_PORTS, MAX_INITIATIVES = 6, 6, 5
FDI_ORIGINS = ("US", "CA")  # a Mexican state's brief lists investment from these origins


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
    key_figures: list[figures.Figure] = field(default_factory=list)  # what ``figures`` shows


def _t(key: str, lang: str, **fmt) -> str:
    """The text of ``key`` in ``lang`` (a brief is made outside any Streamlit session)."""
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


def _figure_label(figure: figures.Figure, name: str, lang: str) -> str:
    """The brief's label of a key figure, with the year its value is for."""
    if figure.key in ("trade_ca", "trade_mx"):
        partner = _t(f"country.{figure.key[-2:].upper()}", lang)
        return _t("brief.trade_with", lang, country=partner, year=figure.year)
    if figure.key == "crossings":
        return _t("brief.crossings", lang, measure=_measure(figure.measure, lang), year=figure.year)
    if figure.key == "us_exports":
        return _t("brief.us_exports_to", lang, place=name, year=figure.year)
    if figure.key == "fdi":
        return _t("brief.fdi", lang, year=fdi_text.period_text(figure.year, figure.quarters, lang))
    if figure.key == "fdi_origin":
        origin = fdi_text.origin_name(figure.code, lang)
        year = fdi_text.period_text(figure.year, figure.quarters, lang)
        return _t("brief.fdi_from", lang, origin=origin, year=year)
    if figure.key == "od_total":
        return _t("place.fig_od_total", lang, first=figure.first_year, last=figure.year)
    return _t("brief.initiative_count", lang)


def _figure_text(figure: figures.Figure, lang: str) -> str:
    """A key figure's value as the brief prints it ('confidential' when withheld)."""
    if figure.confidential:
        return _t("fdi.confidential", lang)
    if figure.unit == "USD":
        return i18n.fmt_money(figure.value, lang=lang)
    return i18n.fmt_int(figure.value, lang=lang)


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

    # The key figures under the one rule of components.figures (latest year up to the
    # brief's year), as the overview and the place profile show them; unknown ones are left out.
    brief.key_figures = figures.place_figures(db, place_id, year, MEASURES)
    shown = list(brief.key_figures)
    if country == "MX":  # investment from across the border: the US and Canada
        by_origin = figures.fdi_origin_figures(db, place_id, year, top=50)
        shown += [f for f in by_origin if f.code in FDI_ORIGINS]
        source_ids.update(figures.figure_sources(by_origin))
    for figure in shown:
        if figure.value is not None or figure.confidential:
            brief.figures.append(
                (_figure_label(figure, brief.name, lang), _figure_text(figure, lang))
            )
    source_ids.update(figures.figure_sources(brief.key_figures))
    initiatives = query.place_initiatives(db, place_id)

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
