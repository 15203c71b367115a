"""The shared sidebar: language, border, place, sector, mode, years, crossing measure.

Each widget is initialised from the view (URL query params) and writes back to
it in its ``on_change`` callback, so a copied link reproduces what is shown.
"""

from __future__ import annotations

import streamlit as st

from components import i18n, query, state, viewcache
from components.i18n import t

ALL = "all"

# The sidebar filters each page reads (checked against the pages' use of the view); a
# filter a page ignores is shown greyed out with a note, so nobody expects it to act there.
FILTERS = ("border", "sector", "mode", "years", "measure")
PAGE_FILTERS = {
    "overview_map": {"border", "mode", "measure"},
    "ports_crossings": {"border", "years", "measure"},
    "trade_flows": {"border", "sector", "mode", "years"},
    "jobs_investment": {"years"},
    "place_profile": {"measure", "sector"},
    "initiatives": {"border", "years"},
    "stocktaking": {"border"},
    "presenter": set(),
    "data_sources": set(),
}


def page_filters(page: str | None) -> set[str]:
    """The sidebar filters ``page`` (a page file's stem) uses; all of them for an unknown page."""
    return PAGE_FILTERS.get(page or "", set(FILTERS))


def _unused(name: str, used: set[str]) -> dict:
    """Extra widget arguments for filter ``name``: greyed out with a note if the page ignores it."""
    if name in used:
        return {}
    return {"disabled": True, "help": t("sidebar.not_used")}


def _sync(key: str, value) -> None:
    # The view is the truth: push it into the widget before the widget is created
    # (a link or another page may have changed it since the last run).
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def _changed(key: str, field: str) -> None:
    value = st.session_state.get(key)
    if field == "years":
        value = (int(value[0]), int(value[1]))
    elif value == ALL:
        value = None
    state.write_view(**{field: value})


def _labels(options, label, all_text: str | None = None) -> dict:
    """{option: label} built now, in this run's language (the long lists, places and
    sectors, once per language for every session: ``viewcache``).

    ``format_func`` gets ``dict.__getitem__`` of this, never a lambda calling ``t()``:
    Streamlit (and AppTest) may format options outside the run, where the language
    is unknown, and the labels would then not match the options of the run.
    """
    labels = {opt: label(opt) for opt in options if opt != ALL}
    return {ALL: all_text, **labels} if all_text is not None else labels


def render_sidebar(view: state.View, filters: set[str] | None = None) -> None:
    """Draw the shared sidebar widgets for ``view`` (their callbacks update the URL).

    ``filters``: the filters the current page uses (default: ``page_filters(view.page)``);
    the others are drawn disabled. Language and place are global and always active.
    """
    used = page_filters(view.page) if filters is None else set(filters)
    limits = state.store_limits()
    with st.sidebar:
        _sync("sb_lang", view.lang)
        st.selectbox(
            t("sidebar.language"),
            i18n.LANGS,
            format_func=i18n.LANG_NAMES.__getitem__,
            key="sb_lang",
            on_change=_changed,
            args=("sb_lang", "lang"),
        )
        st.markdown(f"**{t('sidebar.filters')}**")
        _sync("sb_border", view.border or ALL)
        st.selectbox(
            t("sidebar.border"),
            (ALL, *query.BORDERS),
            format_func=_labels(
                query.BORDERS, lambda b: t(f"border.{b}"), t("common.all")
            ).__getitem__,
            key="sb_border",
            on_change=_changed,
            args=("sb_border", "border"),
            **_unused("border", used),
        )
        place_ids = list(query.load(query.places)["place_id"])
        _sync("sb_place", view.place)
        st.selectbox(
            t("sidebar.place"),
            place_ids,
            index=None,
            format_func=viewcache.remember(
                "sidebar-places", tuple(place_ids), lambda: _labels(place_ids, i18n.place_name)
            ).__getitem__,
            placeholder=t("sidebar.place_placeholder"),
            key="sb_place",
            on_change=_changed,
            args=("sb_place", "place"),
        )
        chapters = list(query.load(query.hs_chapters)["hs2"])
        sector = view.sector if view.sector in chapters else ALL
        _sync("sb_sector", sector)
        st.selectbox(
            t("sidebar.sector"),
            (ALL, *chapters),
            format_func=viewcache.remember(
                "sidebar-sectors",
                tuple(chapters),
                lambda: _labels(chapters, i18n.hs_chapter, t("sidebar.sector_placeholder")),
            ).__getitem__,
            key="sb_sector",
            on_change=_changed,
            args=("sb_sector", "sector"),
            **_unused("sector", used),
        )
        _sync("sb_mode", view.mode or ALL)
        st.selectbox(
            t("sidebar.mode"),
            (ALL, *limits.modes),
            format_func=_labels(
                limits.modes, lambda m: i18n.label("mode", m), t("common.all")
            ).__getitem__,
            key="sb_mode",
            on_change=_changed,
            args=("sb_mode", "mode"),
            **_unused("mode", used),
        )
        if limits.first_year < limits.last_year:
            lo, hi = view.years or (limits.first_year, limits.last_year)
            # A link may carry inventory years (before 1993): the slider shows them clamped.
            lo = min(max(lo, limits.first_year), limits.last_year)
            hi = max(min(hi, limits.last_year), lo)
            _sync("sb_years", (lo, hi))
            st.slider(
                t("sidebar.years"),
                min_value=limits.first_year,
                max_value=limits.last_year,
                step=1,
                key="sb_years",
                on_change=_changed,
                args=("sb_years", "years"),
                **_unused("years", used),
            )
        if limits.measures:
            measure = view.measure if view.measure in limits.measures else limits.measures[0]
            _sync("sb_measure", measure)
            st.selectbox(
                t("sidebar.measure"),
                limits.measures,
                format_func=_labels(
                    limits.measures, lambda m: i18n.label("measure", m)
                ).__getitem__,
                key="sb_measure",
                on_change=_changed,
                args=("sb_measure", "measure"),
                **_unused("measure", used),
            )
