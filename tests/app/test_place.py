"""Place profile: figures, ports, partners, initiatives and sources for one place."""

from __future__ import annotations

import json

import pytest


def metric_labels(at) -> list[str]:
    return [m.label for m in at.metric]


def frames(at) -> list:
    return [d.value for d in at.dataframe]


def test_texas_profile_shows_trade_ports_partners_and_sources(run_page):
    at = run_page("place_profile", place="US-TX")
    assert not at.exception
    assert at.title[0].value == "Texas"
    labels = metric_labels(at)
    assert any(label.startswith("Trade with Canada") for label in labels)
    assert any(label.startswith("Trade with Mexico") for label in labels)
    ports = next(f for f in frames(at) if "Port of entry" in f.columns)
    assert "Laredo" in set(ports["Port of entry"])
    partners = next(f for f in frames(at) if "Partner" in f.columns)
    assert partners["place_id"].str.startswith("CA-").all() and len(partners) > 0
    sources = frames(at)[-1]
    assert {"Publisher", "Title", "As of"} <= set(sources.columns)
    assert len(sources) >= 3


def test_profile_names_follow_the_language(run_page):
    at = run_page("place_profile", place="CA-QC", lang="es")
    assert at.title[0].value == "Quebec" or at.title[0].value == "Québec"
    assert at.selectbox(key="sb_place").value == "CA-QC"
    assert any("Socio" in f.columns for f in frames(at))


def test_mexican_state_says_partners_by_us_origin_are_not_published(run_page):
    at = run_page("place_profile", place="MX-NLE")
    assert not at.exception
    assert any("not publish which US state" in i.value for i in at.info)
    assert any(label.startswith("FDI inflow") for label in metric_labels(at))
    assert any(label.startswith("US exports to it") for label in metric_labels(at))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_province_figure_labels_fit_a_metric_tile(run_page, lang):
    # Streamlit cuts a tile's label at about 46 characters: the years (the end of the
    # label) were lost in French; the long wording moved to the tile's help.
    at = run_page("place_profile", place="CA-QC", lang=lang)
    assert at.metric and all(len(label) <= 46 for label in metric_labels(at))
    assert any("1993" in label for label in metric_labels(at))


def test_province_lists_its_us_partners_with_michigan_for_ontario(run_page):
    at = run_page("place_profile", place="CA-ON")
    partners = next(f for f in frames(at) if "Partner" in f.columns)
    assert partners["place_id"].iloc[0] == "US-MI"


def test_small_map_outlines_the_place_and_its_neighbours(run_page):
    at = run_page("place_profile", place="US-TX")
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    rows = next(item for item in spec["layers"] if item["id"] == "places")["data"]
    widths = {row["place_id"]: row["width"] for row in rows}
    assert widths["US-TX"] > widths["MX-NLE"] > widths["US-OK"]


def test_no_place_asks_to_choose_one(run_page):
    at = run_page("place_profile")
    assert any("Choose a state or province" in i.value for i in at.info)


def test_the_sidebar_is_the_only_place_picker_and_filters_it_ignores_are_disabled(run_page):
    at = run_page("place_profile", place="US-TX")
    pickers = [s for s in at.selectbox if s.proto.label == "State or province"]
    assert [s.key for s in pickers] == ["sb_place"]
    assert at.selectbox(key="sb_measure").proto.disabled is False
    # The sector filter drives a Mexican state's exports by HS section; mode is unused.
    assert at.selectbox(key="sb_sector").proto.disabled is False
    assert at.selectbox(key="sb_mode").proto.disabled is True
    assert at.selectbox(key="sb_mode").proto.help == "Not used on this page."


def test_picking_a_place_writes_it_to_the_url(run_page):
    at = run_page("place_profile", place="US-TX")
    at.selectbox(key="sb_place").set_value("US-VT").run()
    assert at.query_params.get("place") == "US-VT"
    assert at.title[0].value == "Vermont"


def test_every_table_on_the_profile_has_a_source_caption(run_page):
    at = run_page("place_profile", place="US-MI")
    captions = [c.value for c in at.caption]
    source_captions = [c for c in captions if c.startswith(("Source:", "Sources:"))]
    # one per table/chart/map + key figures; a table without a caption would lower this
    assert len(source_captions) >= len(at.dataframe) - 2
    assert all("as of" in c for c in source_captions)


# ---- Mexican states: investment by origin and sector, exports by HS section


def table_with_column(at, column: str):
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a {column!r} column")


def test_mexican_state_shows_fdi_by_origin_with_the_us_share_and_top_sectors(run_page):
    at = run_page("place_profile", place="MX-BCN", year=2022)
    assert not at.exception
    subheaders = [s.value for s in at.subheader]
    assert "Foreign direct investment in Baja California by country of origin, 2022" in subheaders
    assert "Top sectors of foreign direct investment in Baja California, 2022" in subheaders
    origins = table_with_column(at, "Share of the state's total (%)").set_index("Code")
    assert origins.loc["US", "Share of the state's total (%)"] == 72.5
    assert origins.loc["US", "Origin"] == "United States"
    assert origins.loc["BE", "Note"] == "confidential"  # withheld: listed, never 0
    assert origins.loc["BE", "FDI inflow (US$ M)"] != origins.loc["BE", "FDI inflow (US$ M)"]


def test_fdi_by_origin_uses_the_latest_year_up_to_the_view_year(run_page):
    at = run_page("place_profile", place="MX-MIC", year=2024, lang="fr")
    origins = table_with_column(at, "Code")
    assert "Investissement direct étranger reçu par Michoacán par pays d'origine, 2024" in [
        s.value for s in at.subheader
    ]
    assert origins.set_index("Code").loc["CA", "Note"] == "confidentiel"


def test_sector_filter_quotes_the_chapter_s_section_on_a_mexican_state(run_page):
    at = run_page("place_profile", place="MX-NLE", year=2019, sector="87")
    table = table_with_column(at, "HS section")
    assert "XVII" in set(table["HS section"])
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "HS chapter 87 · Vehicles (not railway) belongs to section XVII" in shown
    assert "US exports to Nuevo León in 2019" in shown


def test_the_pdf_brief_of_a_mexican_state_says_confidential_not_zero(built_store):
    from components import brief_content

    made = brief_content.collect(built_store, "MX-MIC", "es", 2024)
    lines = dict(made.figures)
    assert lines["Inversión extranjera directa, origen: Canadá, 2024"] == "confidencial"
    assert "Inversión extranjera directa, origen: Estados Unidos, 2024" in lines


def test_scian_sectors_have_official_names_in_three_languages():
    from components.sector_names import scian_name, scian_names

    # Mexico's 43 (wholesale) takes NAICS 42's English and SCIAN Canada 41's French title.
    assert scian_name("43", "en", short=False) == "Wholesale Trade"
    assert scian_name("43", "fr", short=False) == "Commerce de gros"
    assert scian_name("43", "es", short=False) == "Comercio al por mayor"  # SE's own
    assert scian_name("46", "en", short=False) == "Retail Trade"
    sectors = {"11", "21", "22", "23", "31-33", "43", "46", "48-49", "51", "52", "53", "54"}
    assert sectors <= set(scian_names())
    for names in scian_names().values():
        assert all(names[f"name_short_{lang}"] for lang in ("en", "es", "fr"))
