"""The app frame: routing, language, view in the URL, sidebar, chart/table frame, strings."""

from __future__ import annotations

import pandas as pd
import pytest

from components import safetext, state
from tests.app.conftest import REPO

# Every page, so a page added later is covered too.
PAGES = sorted(p.stem for p in (REPO / "pages").glob("*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception_in_each_language(run_page, page, lang):
    at = run_page(page, lang=lang, place="US-TX")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "page shows a title"


def test_lang_fr_translates_page_and_sidebar(run_page):
    at = run_page("data_sources", lang="fr")
    assert at.title[0].value == "Données et sources"
    assert at.sidebar.selectbox(key="sb_lang").value == "fr"
    labels = [s.label for s in at.sidebar.selectbox]
    assert "Frontière" in labels and "Langue" in labels


def test_unknown_place_falls_back_with_a_visible_note(run_page):
    at = run_page("place_profile", place="XX-ZZ")
    assert not at.exception
    notes = " ".join(i.value for i in at.info)
    assert "place" in notes and "XX-ZZ" in notes
    assert "place" not in at.query_params  # fell back to no place


def test_year_out_of_range_falls_back_with_a_note(run_page):
    at = run_page("overview_map", year="1800")
    assert not at.exception
    assert any("1800" in i.value for i in at.info)
    assert at.slider(key="ov_year").value != 1800


def test_hostile_param_value_is_shown_inert_in_the_note(run_page):
    at = run_page("overview_map", place="<script>alert(1)</script>")
    notes = " ".join(i.value for i in at.info)
    assert "<script>" not in notes and "scriptalert1script" in notes


def test_sidebar_language_change_writes_lang_to_the_url(run_page):
    at = run_page("data_sources")
    at.sidebar.selectbox(key="sb_lang").set_value("es").run()
    assert at.query_params["lang"] == ["es"] or at.query_params["lang"] == "es"
    assert at.title[0].value == "Datos y fuentes"


def test_sidebar_place_is_initialised_from_the_url(run_page):
    at = run_page("overview_map", place="CA-QC")
    assert at.sidebar.selectbox(key="sb_place").value == "CA-QC"


def test_sidebar_mode_change_writes_mode_to_the_url(run_page):
    at = run_page("overview_map")
    at.sidebar.selectbox(key="sb_mode").set_value("Truck").run()
    assert not at.exception
    assert "Truck" in str(at.query_params["mode"])


def test_every_page_file_has_a_translated_menu_title():
    from components import i18n

    stems = [p.stem for p in (REPO / "pages").glob("*.py") if not p.name.startswith("_")]
    assert "overview_map" in stems
    missing = [s for s in stems if not i18n.has(f"nav.{s}")]
    assert not missing, (
        f"pages without a nav.<stem> string in locale/en/LC_MESSAGES/messages.po: {missing}"
    )


# --- pure functions (no Streamlit run)

LIMITS = state.Limits(
    place_ids=frozenset({"US-TX", "CA-ON", "MX-NLE"}),
    first_year=1993,
    last_year=2025,
    default_year=2024,
    measures=("Trucks", "Pedestrians"),
    modes=("Truck", "Rail"),
)


def test_parse_params_keeps_valid_values_and_reports_invalid_ones():
    base = state.default_view(LIMITS)
    view, bad = state.parse_params(
        {"lang": "es", "place": "XX-ZZ", "year": "1800", "years": "2000-2010", "mode": "Rail"},
        LIMITS,
        base,
    )
    assert view.lang == "es" and view.years == (2000, 2010) and view.mode == "Rail"
    assert view.place is None and view.year == 2024
    assert sorted(name for name, _ in bad) == ["place", "year"]


def test_parse_params_refuses_reversed_year_range_and_markup_in_selection():
    base = state.default_view(LIMITS)
    view, bad = state.parse_params({"years": "2020-2010", "sel": "<b>x</b>"}, LIMITS, base)
    assert view.years == base.years and view.sel is None
    assert {name for name, _ in bad} == {"years", "sel"}


def test_view_to_params_omits_defaults_so_links_stay_short():
    base = state.default_view(LIMITS)
    changed = state.parse_params({"place": "US-TX", "year": "2024"}, LIMITS, base)[0]
    assert changed.to_params(base) == {"place": "US-TX"}


def test_csv_download_neutralises_spreadsheet_formulas():
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("x")', "+1", "-2", "@A1", "Laredo"], "v": [1, 2, 3, 4, 5]}
    )
    text = safetext.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1" in text and "'-2" in text and "'@A1" in text
    assert "\nLaredo," in text


# --- locale formatting and the place-name table


def test_percent_keeps_the_french_space_before_the_sign():
    from components import i18n

    assert i18n.fmt_pct(0.733, "fr") == "73,3\xa0%"
    assert i18n.fmt_pct(0.733, "en") == "73.3%"


def test_spanish_numbers_follow_mexican_usage_point_for_decimals():
    # es_MX (CLDR and Mexican official usage): comma groups, point decimals.
    from components import i18n

    assert i18n.fmt_int(5366231, "es") == "5,366,231"
    assert i18n.fmt_num(1234.5, "es") == "1,234.5"
    assert i18n.fmt_int(5366231, "fr") == "5\xa0366\xa0231"


def test_place_name_builds_the_name_table_once_per_language(monkeypatch):
    from components import i18n, query

    calls = []

    def fake_names(lang):
        calls.append(lang)
        return {"US-TX": {"en": "Texas", "es": "Texas", "fr": "Texas"}[lang], "CA-QC": "Québec"}

    monkeypatch.setattr(query, "place_names", fake_names)
    monkeypatch.setattr(i18n, "_PLACE_NAMES", {})
    monkeypatch.setattr(i18n, "_RECENT", {})  # names looked up by earlier tests
    for _ in range(500):
        assert i18n.place_name("CA-QC", "fr") == "Québec"
        assert i18n.place_name("US-TX", "es") == "Texas"
    assert sorted(calls) == ["es", "fr"]
    assert i18n.place_name("XX-YY", "fr") == "XX-YY"
