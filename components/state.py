"""The view (what the user is looking at) lives in the URL query params.

``read_view()`` validates every param against the store and falls back to the
default with a visible note for an invalid one (never an exception);
``write_view(**changes)`` updates ``st.query_params`` so a copied link
reproduces the view. The last valid view is also kept in the session, because
switching pages through the navigation menu drops the query string.

Params: lang, page, place, year, years ("2015-2024"), measure (BTS crossing
measure), sector (HS chapter "87" on trade pages, or an initiatives sector such
as "energy" on the initiatives page: the two vocabularies never overlap), mode
(TransBorder mode), border, sel (selection: a place id, "port:<code>",
"initiative:<id>" or "pair:<place>~<place>", a cross-border pair such as
"pair:CA-ON~US-MI"), scene, present ("1"), shade (overview indicator), count
(ports page measure group: "people" | "vehicles"), series (what the ports
page's series is for: "port" = the port in sel, "state" = place, "border",
"all"), kind and status (initiatives page filters), origin (Jobs and investment: FDI
from "US", "CA" or "all").

Widgets change the view in their callbacks (``on_change``/``on_click``/a map's
``on_select``): callbacks run before the script, so the change is in the view
when dashboard.py sends the URL after ``st.navigation`` and every element of
the run is drawn from it. A change made later, in a page body, reaches the
address bar only after the elements drawn before it, which still show the
old view (and a widget that follows the view would be reset on the next run).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import streamlit as st

from components import i18n, query

# Pages read pair ids through the view module; the ids themselves are plain Python.
from components.selection_ids import PAIR_PREFIX, pair_id, parse_pair

VIEW_KEY = "view"
_SEL_RE = re.compile(
    r"^(port:[A-Za-z0-9]{1,8}|initiative:[a-z0-9\-]{1,80}|[A-Z]{2}(-[A-Z]{2,3})?(:[a-z0-9\-]{1,60})?)$"
)
_SCENE_RE = re.compile(r"^[a-z0-9_\-]{1,40}$")
# What the ports page's series is for (``series`` param).
SERIES = ("port", "state", "border", "all")
FDI_ORIGINS = ("US", "CA", "all")  # the investment map's origins (``origin`` param)
_SECTOR_RE = re.compile(r"^\d{2}$")


@dataclass(frozen=True)
class View:
    """One validated view; ``None`` means 'all' / 'nothing chosen'."""

    lang: str = i18n.DEFAULT_LANG
    page: str | None = None
    place: str | None = None
    year: int | None = None
    years: tuple[int, int] | None = None
    measure: str = query.DEFAULT_MEASURE
    sector: str | None = None
    mode: str | None = None
    border: str | None = None
    sel: str | None = None
    scene: str | None = None
    present: bool = False
    shade: str = "trade_ca"
    count: str | None = None
    series: str | None = None
    kind: str | None = None
    status: str | None = None
    origin: str = "US"  # Jobs and investment: FDI from 'US', 'CA' or 'all' origins

    def to_params(self, defaults: View) -> dict[str, str]:
        """Query params of the fields that differ from ``defaults`` (keeps links short)."""
        params = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value == getattr(defaults, field.name) or value is None:
                continue
            if field.name == "years":
                params["years"] = f"{value[0]}-{value[1]}"
            elif field.name == "present":
                params["present"] = "1" if value else "0"
            else:
                params[field.name] = str(value)
        return params


@dataclass(frozen=True)
class Limits:
    """What the store allows: known places, year bounds, measures, modes."""

    place_ids: frozenset[str]
    first_year: int
    last_year: int
    default_year: int
    measures: tuple[str, ...]
    modes: tuple[str, ...]
    # The initiatives inventory: its own vocabularies, ids and (longer) year span.
    init_sectors: frozenset[str] = frozenset()
    init_kinds: frozenset[str] = frozenset()
    init_statuses: frozenset[str] = frozenset()
    init_ids: frozenset[str] = frozenset()
    init_first_year: int | None = None
    init_last_year: int | None = None

    def year_bounds(self) -> tuple[int, int]:
        """Widest (first, last) year a link may name: statistics or the inventory."""
        first = min(self.first_year, self.init_first_year or self.first_year)
        last = max(self.last_year, self.init_last_year or self.last_year)
        return first, last


def store_limits() -> Limits:
    """Bounds of the current store for validating a view (built once per store version)."""
    return query.load(_limits_of)


def _limits_of(db) -> Limits:
    """The Limits of the store at ``db`` (its queries go through the shared cache)."""
    del db  # the cache key; query.load reads the same store
    places = query.load(query.places)
    span = query.load(query.year_span).iloc[0]
    firsts = [int(v) for v in (span["trade_first"], span["crossings_first"]) if v == v and v]
    lasts = [int(v) for v in (span["trade_last"], span["crossings_last"]) if v == v and v]
    first, last = (min(firsts), max(lasts)) if firsts else (1993, 2025)
    full = span["crossings_last_full"]
    # Default: the last full year of crossings (trade's last year is often partial).
    default_year = int(full) if full == full and full else last
    measures = tuple(query.load(query.crossing_measures)["measure"])
    modes = tuple(query.load(query.trade_modes)["mode"])
    facets = query.load(query.initiative_facets)
    inits = query.load(query.initiatives_filtered)

    def facet(name: str) -> frozenset[str]:
        return frozenset(facets.loc[facets["facet"] == name, "value"].dropna())

    init_years = inits["year"].dropna()
    return Limits(
        frozenset(places["place_id"]),
        first,
        last,
        default_year,
        measures,
        modes,
        init_sectors=facet("sector"),
        init_kinds=facet("kind"),
        init_statuses=facet("status"),
        init_ids=frozenset(inits["initiative_id"]),
        init_first_year=int(init_years.min()) if not init_years.empty else None,
        init_last_year=int(init_years.max()) if not init_years.empty else None,
    )


def default_view(limits: Limits) -> View:
    """The view of a bare URL for this store."""
    measure = query.DEFAULT_MEASURE if query.DEFAULT_MEASURE in limits.measures else None
    if measure is None and limits.measures:
        measure = limits.measures[0]
    return View(
        year=limits.default_year,
        years=(max(limits.first_year, limits.default_year - 9), limits.default_year),
        measure=measure or query.DEFAULT_MEASURE,
    )


def _parse_year(raw: str, limits: Limits) -> int | None:
    try:
        year = int(raw)
    except ValueError:
        return None
    return year if limits.first_year <= year <= limits.last_year else None


def _parse_years(raw: str, limits: Limits) -> tuple[int, int] | None:
    parts = raw.split("-")
    if len(parts) != 2:
        return None
    # A range may reach into the inventory's years (initiatives since 1930); pages
    # showing statistics clamp it to their data and say so.
    first, last = limits.year_bounds()
    wide = dataclasses.replace(limits, first_year=first, last_year=last)
    a, b = (_parse_year(p, wide) for p in parts)
    if a is None or b is None or a > b:
        return None
    return (a, b)


def parse_params(params: dict[str, str], limits: Limits, base: View) -> tuple[View, list[tuple]]:
    """Validate raw params over ``base`` -> (view, [(param, bad value), ...]).

    Pure function (no Streamlit): unknown params are ignored, invalid ones keep
    ``base``'s value and are reported.
    """
    changes: dict = {}
    bad: list[tuple] = []

    def check(name, parsed):
        if parsed is None:
            bad.append((name, params[name]))
        else:
            changes[name] = parsed

    for name, raw in params.items():
        raw = str(raw).strip()
        if name == "lang":
            check(name, raw if raw in i18n.LANGS else None)
        elif name == "page":
            check(name, raw if _SCENE_RE.match(raw) else None)
        elif name == "place":
            check(name, raw if raw in limits.place_ids else None)
        elif name == "year":
            check(name, _parse_year(raw, limits))
        elif name == "years":
            check(name, _parse_years(raw, limits))
        elif name == "measure":
            check(name, raw if raw in limits.measures else None)
        elif name == "sector":
            ok = _SECTOR_RE.match(raw) or raw in limits.init_sectors
            check(name, raw if ok else None)
        elif name == "mode":
            check(name, raw if raw in limits.modes else None)
        elif name == "border":
            check(name, raw if raw in query.BORDERS else None)
        elif name == "sel":
            check(name, _parse_sel(raw, limits))
        elif name == "scene":
            check(name, raw if _SCENE_RE.match(raw) else None)
        elif name == "present":
            check(name, {"1": True, "0": False, "true": True, "false": False}.get(raw.lower()))
        elif name == "shade":
            check(name, raw if raw in query.INDICATORS else None)
        elif name == "count":
            check(name, raw if raw in query.CROSSING_GROUPS else None)
        elif name == "series":
            check(name, raw if raw in SERIES else None)
        elif name == "kind":
            check(name, raw if raw in limits.init_kinds else None)
        elif name == "status":
            check(name, raw if raw in limits.init_statuses else None)
        elif name == "origin":
            check(name, raw if raw in FDI_ORIGINS else None)
    return dataclasses.replace(base, **changes), bad


def _parse_sel(raw: str, limits: Limits) -> str | None:
    """A selection id -> itself (a pair in its canonical order), or None when invalid.

    An initiative must exist when the ids are known; a pair must join two known
    places (or countries) of different countries.
    """
    if raw.startswith(PAIR_PREFIX):
        ends = parse_pair(raw)
        if ends is None or not set(ends) <= limits.place_ids | set(query.COUNTRIES):
            return None
        return pair_id(*ends)
    if not _SEL_RE.match(raw):
        return None
    if raw.startswith("initiative:") and limits.init_ids:
        return raw if raw.split(":", 1)[1] in limits.init_ids else None
    return raw


def _safe(raw: str) -> str:
    """User text shown inside a note: no markdown/HTML effect, bounded length."""
    cleaned = re.sub(r"[^\w\-:. ]", "", str(raw))[:40]
    return cleaned or "?"


def read_view(show_notes: bool = True) -> View:
    """Validated view of this run: URL params over the session's last view over defaults.

    Invalid params get a visible ``st.info`` note and fall back; never raises.
    """
    limits = store_limits()
    defaults = default_view(limits)
    base = st.session_state.get(VIEW_KEY, defaults)
    raw = {key: st.query_params.get(key) for key in st.query_params.keys()}
    # Notes are rendered in the language the URL asks for when it is valid.
    view, bad = parse_params(raw, limits, base)
    st.session_state[VIEW_KEY] = view
    i18n.set_lang(view.lang)
    if show_notes:
        for name, value in bad:
            st.info(
                i18n.t(
                    "common.note_invalid_param",
                    param=name,
                    value=_safe(value),
                    default=_safe(_default_text(name, view)),
                ),
                icon=":material/info:",
            )
    return view


def _default_text(name: str, view: View) -> str:
    value = getattr(view, name, None)
    if value is None:
        return i18n.t("common.all")
    if name == "years":
        return f"{value[0]}-{value[1]}"
    return str(value)


def range_within(view: View, first: int, last: int, explicit: bool) -> tuple[int, int] | None:
    """The view's year range cut to a series' span ``first``..``last``.

    ``explicit`` says the range was chosen (it is in the link); without it the
    whole span is shown, since the default range (the last ten years of the
    statistics) would hide most of a series that ended earlier, like FDI
    1999-2017. Returns None when the chosen range holds none of the span.
    """
    if first > last:
        raise ValueError(f"empty span {first}-{last}")
    if not explicit or view.years is None:
        return (first, last)
    lo, hi = max(first, view.years[0]), min(last, view.years[1])
    return (lo, hi) if lo <= hi else None


def ensure_frame() -> None:
    """Rerun through ``dashboard.py`` when Streamlit ran a page file directly.

    A fresh server whose first visitor opens a deep link (``/place_profile``)
    runs the page in the legacy ``pages/`` mode (no frame, no sidebar) until
    some run calls ``st.navigation``. Streamlit keeps that mode in a class
    flag; clearing it and rerunning makes this and every later run go through
    the entry point, which routes to the same URL path.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_view() -> View:
    """The view read at the top of this run, for a page's first line (reruns through the
    frame if Streamlit ran the page file directly; see ``ensure_frame``)."""
    ensure_frame()
    return _session_view()


def _session_view() -> View:
    view = st.session_state.get(VIEW_KEY)
    return view if isinstance(view, View) else read_view(show_notes=False)


def write_view(**changes) -> View:
    """Apply ``changes`` to the view, mirror it into ``st.query_params``; returns the new view."""
    unknown = set(changes) - {f.name for f in dataclasses.fields(View)}
    if unknown:
        raise ValueError(f"unknown view fields: {sorted(unknown)}")
    view = dataclasses.replace(_session_view(), **changes)
    st.session_state[VIEW_KEY] = view
    i18n.set_lang(view.lang)
    sync_url(view)
    return view


def sync_url(view: View, force: bool = False) -> dict[str, str]:
    """Make ``st.query_params`` equal to the non-default fields of ``view``.

    ``force`` re-sends the params even when unchanged. Returns the params sent.
    """
    defaults = default_view(store_limits())
    wanted = view.to_params(defaults)
    wanted.pop("page", None)  # the page is in the URL path (url_path = file stem)
    current = {key: st.query_params.get(key) for key in st.query_params.keys()}
    if force or current != wanted:
        st.query_params.from_dict(wanted)
    return wanted
