"""Trade flows page (AppTest on the store built from committed data) and its queries."""

from __future__ import annotations

import json

import pytest

from components import i18n, query, safetext
from tests.app.conftest import texts

PAGE = "trade_flows"


def sankeys(at) -> list[dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [t for s in specs for t in s["data"] if t.get("type") == "sankey"]


@pytest.fixture
def trade_store(tmp_path):
    """``trade_store(values)`` -> path of a fresh store whose ``trade`` table holds only the
    SYNTHETIC rows ``values`` (the VALUES list of an INSERT, in the column order below)."""
    import duckdb

    def make(values: str):
        path = tmp_path / "synthetic.duckdb"  # SYNTHETIC TransBorder rows
        con = duckdb.connect(str(path))
        con.execute((query.REPO / "ingest" / "schema.sql").read_text())
        con.execute(
            "INSERT INTO trade (table_type, year, month, us_state, partner_country, mode, hs2, "
            f"flow, value_usd, source_id) VALUES {values}"
        )
        con.close()
        return path

    return make


@pytest.mark.parametrize(
    "lang,title", [("en", "Trade flows"), ("es", "Flujos comerciales"), ("fr", "Flux commerciaux")]
)
def test_trade_page_renders_in_each_language_with_two_sankeys_and_a_series(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert len(sankeys(at)) == 2
    assert len(at.get("plotly_chart")) >= 3


def test_mode_sankey_labels_follow_the_language(run_page):
    at = run_page(PAGE, lang="es", year=2024)
    labels = sankeys(at)[0]["node"]["label"]
    assert "México · Camión" in labels and "Texas" in labels


def test_mexico_border_shows_only_mexico_targets_and_hides_the_province_pairs(run_page):
    at = run_page(PAGE, border="US-Mexico", year=2024)
    assert not at.exception
    mode_sankey = sankeys(at)[0]
    targets = [lab for lab in mode_sankey["node"]["label"] if "·" in lab]
    assert targets and all(lab.startswith("Mexico ·") for lab in targets)
    assert len(sankeys(at)) == 1  # the state-province Sankey is US-Canada only


def test_transport_mode_filter_keeps_only_that_mode(run_page):
    at = run_page(PAGE, mode="Pipeline", year=2024)
    targets = [lab for lab in sankeys(at)[0]["node"]["label"] if "·" in lab]
    assert targets and all(lab.endswith("· Pipeline") for lab in targets)


def test_place_filter_restricts_the_top_pairs_to_that_state(run_page):
    at = run_page(PAGE, place="US-MI")
    pairs = next(d.value for d in at.dataframe if "Province or territory" in d.value.columns)
    assert set(pairs["State"]) == {"Michigan"}
    assert "Ontario" in set(pairs["Province or territory"])
    assert "Michigan: exports and imports with Canada and Mexico (all modes)" in texts(at)


def test_a_place_without_province_trade_shows_the_empty_state_sentence(run_page):
    at = run_page(PAGE, place="MX-NLE")
    assert not at.exception
    assert "No state–province trade is recorded for Nuevo León." in texts(at)


def test_state_series_has_exports_and_imports_with_each_partner(run_page):
    at = run_page(PAGE, place="US-TX")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    names = {t.get("name") for s in specs for t in s["data"] if t.get("type") == "scatter"}
    assert {"Canada — US exports", "Mexico — US imports"} <= names


def test_trade_by_mode_excludes_the_unknown_state_bucket(built_store):
    frame = query.trade_by_mode(built_store, 2024)
    assert not frame.empty and "US-XX" not in set(frame["us_state"])
    exports = query.trade_by_mode(built_store, 2024, "CA", "export")
    assert set(exports["partner_country"]) == {"CA"}
    assert exports["value_usd"].sum() < frame["value_usd"].sum()


def test_mode_sankey_bands_add_up_to_the_published_total(run_page, built_store):
    at = run_page(PAGE, year=2024, border="US-Canada")
    shown = sum(sankeys(at)[0]["link"]["value"])
    total = query.trade_by_mode(built_store, 2024, "CA")["value_usd"].sum()
    assert shown == pytest.approx(total, rel=1e-9)
    assert "Other states" in sankeys(at)[0]["node"]["label"]


def test_commodities_sum_dot2_rows_by_chapter_for_the_state_and_partner(trade_store):
    from components.query import trade_commodities

    path = trade_store(  # SYNTHETIC raw TransBorder rows
        "('DOT2', 2015, 1, 'US-TX', 'MX', 'Truck', '87', 'export', 10, 's'),"
        "('DOT2', 2015, 2, 'US-TX', 'MX', 'Rail', '87', 'import', 5, 's'),"
        "('DOT2', 2015, 1, 'US-TX', 'CA', 'Truck', '84', 'export', 99, 's'),"
        "('DOT1', 2015, 1, 'US-TX', 'MX', 'Truck', NULL, 'export', 1000, 's')"
    )
    frame = trade_commodities(path, 2015, "US-TX", "MX")
    assert list(frame["hs2"]) == ["87"]
    assert frame["value_usd"].iloc[0] == 15 and frame["months"].iloc[0] == 2
    assert list(trade_commodities(path, 2015, "US-TX")["hs2"]) == ["84", "87"]
    assert trade_commodities(path, 2016).empty


# ---- trade by HS chapter (sector) from the committed January months (data/trade_hs2.csv)
def chart_bars(at, key: str) -> dict:
    """{bar label: bar text} of the horizontal bar chart shown with ``key``."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if key in c.proto.id]
    bars = [t for s in specs for t in s["data"] if t.get("type") == "bar"]
    assert len(bars) == 1
    return dict(zip(bars[0]["y"], bars[0]["text"], strict=True))


def chapter_bars(at) -> dict:
    """{bar label: bar text} of the HS-chapter chart (single January months)."""
    return chart_bars(at, "tf_hs2")


@pytest.mark.parametrize(
    "lang,chapter,selected,months",
    [
        ("en", "87 · Vehicles (not railway)", "(selected)", "January 2015 only"),
        ("es", "87 · Vehículos (no ferroviarios)", "(seleccionado)", "Solo enero de 2015"),
        ("fr", "87 · Véhicules (sauf ferroviaires)", "(sélectionné)", "Uniquement janvier 2015"),
    ],
)
def test_sector_87_in_2015_highlights_the_chapter_and_names_the_month(
    run_page, lang, chapter, selected, months
):
    at = run_page(PAGE, sector="87", year=2015, lang=lang)
    assert not at.exception
    bars = chapter_bars(at)
    assert bars[chapter].endswith(selected)
    assert [label for label, text in bars.items() if text.endswith(selected)] == [chapter]
    assert any(c.value.startswith(months) for c in at.caption)


def test_sector_sentence_gives_the_chapter_value_and_share_for_the_state(run_page):
    at = run_page(PAGE, sector="87", year=2015, place="US-MI")
    shown = texts(at)
    assert "Michigan: trade by HS chapter, January 2015 (Exports + imports)" in shown
    assert "**87 · Vehicles (not railway)** (selected sector):" in shown
    assert "(Michigan, January 2015)" in shown


def test_a_small_selected_chapter_is_still_drawn_and_highlighted(run_page, built_store):
    ranked = query.trade_commodities(built_store, 2015, "US-TX")
    smallest = ranked["hs2"].iloc[-1]  # far outside the top 20
    at = run_page(PAGE, sector=smallest, year=2015, place="US-TX")
    bars = chapter_bars(at)
    assert len(bars) == 21 and bars[i18n.hs_chapter(smallest)].endswith("(selected)")


def test_a_year_without_commodity_rows_says_which_months_the_store_has(run_page):
    at = run_page(PAGE, sector="87", year=2024)
    assert not at.exception
    assert (
        "No trade by HS chapter (sector) for 2024: the store has it for January 2015, "
        "January 2020, January 2021, January 2022 only." in texts(at)
    )
    assert "Sector filter: 87 · Vehicles (not railway)." in texts(at)


def test_a_port_only_month_shows_all_us_ports_and_says_there_is_no_state(run_page):
    at = run_page(PAGE, sector="87", year=2021, place="US-TX")
    shown = texts(at)
    assert "All U.S. ports: trade by HS chapter, January 2021 (Exports + imports)" in shown
    assert "without the U.S. state" in shown
    assert chapter_bars(at)["87 · Vehicles (not railway)"].endswith("(selected)")


def test_fresh_store_offers_every_hs_chapter_and_jan_2015_dot2_totals(built_store):
    assert len(query.hs_chapters(built_store)) == 98
    got = {
        (partner, flow): round(
            query.trade_commodities(built_store, 2015, None, partner, flow)["value_usd"].sum()
            / 1e9,
            2,
        )
        for partner in ("CA", "MX")
        for flow in ("export", "import")
    }
    assert got == {
        ("CA", "export"): 22.65,
        ("CA", "import"): 25.40,
        ("MX", "export"): 19.14,
        ("MX", "import"): 22.06,
    }
    assert set(query.trade_commodities(built_store, 2015)["table_type"]) == {"DOT2"}


def test_commodities_count_a_month_once_and_use_port_rows_only_without_a_state(trade_store):
    path = trade_store(  # SYNTHETIC TransBorder rows
        # January: committed summary (mode NULL) and the loaded raw rows of the same month
        "('DOT2', 2015, 1, 'US-TX', 'MX', NULL, '87', 'export', 30, 'summary'),"
        "('DOT2', 2015, 1, 'US-TX', 'MX', 'Truck', '87', 'export', 20, 'raw'),"
        "('DOT2', 2015, 1, 'US-TX', 'MX', 'Rail', '87', 'export', 10, 'raw'),"
        # February: only the summary
        "('DOT2', 2015, 2, 'US-TX', 'MX', NULL, '87', 'export', 7, 'summary'),"
        # the same dollars by port (DOT3) must not be added to DOT2's
        "('DOT3', 2015, 1, NULL, 'MX', NULL, '87', 'export', 30, 'ports'),"
        "('DOT3', 2016, 1, NULL, 'MX', NULL, '84', 'export', 5, 'ports')"
    )
    frame = query.trade_commodities(path, 2015, "US-TX")
    assert frame["value_usd"].tolist() == [37] and frame["months"].tolist() == [2]
    assert query.trade_commodities(path, 2015)["value_usd"].tolist() == [37]
    assert query.trade_commodities(path, 2016, "US-TX").empty  # DOT3 has no state
    national = query.trade_commodities(path, 2016)
    assert national["hs2"].tolist() == ["84"] and national["table_type"].tolist() == ["DOT3"]
    assert query.trade_commodities(path, 2015, flow="import").empty


# ---- chapter names (data/codes/hs_chapters_i18n.csv) in the sidebar, chart and table
def test_sidebar_sector_select_names_chapter_87_in_spanish_and_keeps_the_bare_code(run_page):
    at = run_page(PAGE, sector="87", year=2015, lang="es")
    select = at.sidebar.selectbox(key="sb_sector")
    assert select.value == "87" and at.query_params["sector"] in ("87", ["87"])
    assert "87 · Vehículos (no ferroviarios)" in select.options
    assert "77 · Reservado" not in select.options  # no trade in a reserved chapter


def test_commodity_chart_axis_and_tooltips_are_french_chapter_names(run_page):
    at = run_page(PAGE, sector="87", year=2015, lang="fr")
    (spec,) = [
        t
        for c in at.get("plotly_chart")
        if "tf_hs2" in c.proto.id  # the chart by chapter (January months)
        for t in json.loads(c.proto.spec)["data"]
        if t.get("type") == "bar"
    ]
    assert "87 · Véhicules (sauf ferroviaires)" in spec["y"]
    assert "84 · Machines et appareils mécaniques" in spec["y"]
    assert all(label == i18n.hs_chapter(label[:2], "fr") for label in spec["y"])
    tooltip = spec["customdata"][spec["y"].index("87 · Véhicules (sauf ferroviaires)")]
    assert tooltip.replace("<br>", " ").startswith("87 · Voitures automobiles, tracteurs")
    captions = " ".join(c.value for c in at.caption)
    assert "Tarif des douanes" in captions  # the French names' own source


def test_chapter_names_cite_the_tariff_they_come_from_in_spanish(run_page):
    at = run_page(PAGE, sector="87", year=2015, lang="es")
    assert "LIGIE 2022" in " ".join(c.value for c in at.caption)


def test_commodity_csv_carries_the_chapter_code_and_its_title_in_the_page_language(run_page):
    at = run_page(PAGE, sector="87", year=2015, lang="es")
    table = next(d.value for d in at.dataframe if "Título del capítulo del SA" in d.value.columns)
    row = table[table["Sector (capítulo del SA)"] == "87"].iloc[0]
    assert row["Título del capítulo del SA"].startswith("Vehículos automóviles, tractores")
    csv_text = safetext.csv_bytes(table).decode("utf-8-sig")
    assert '\r\n87,"Vehículos automóviles, tractores' in csv_text


def test_a_chapter_without_names_falls_back_to_its_number():
    assert i18n.hs_chapter("00", "fr") == "Chapitre 00"  # no such chapter in data/codes
    assert i18n.hs_chapter("77", "en") == "77 · Reserved"
    assert i18n.hs_chapter_title("77", "fr", short=False).startswith("(Réservé pour une")


# ---- sectors all year: US exports to Mexican states by HS section (trade_sector_annual)


def annual_sector_table(at):
    """The data table of the annual sector chart (its 'HS section' column)."""
    for frame in at.dataframe:
        if "HS section" in frame.value.columns:
            return frame.value
    raise AssertionError("no annual sector table")


def test_sector_filter_drives_the_annual_chart_for_a_year_without_january_data(
    run_page, built_store
):
    # 2019 has no single-month HS data at all: the annual data still answer the filter.
    vehicles = annual_sector_table(run_page(PAGE, year=2019, sector="87"))
    machines = annual_sector_table(run_page(PAGE, year=2019, sector="84"))
    assert set(vehicles["HS section"]) == {"XVII"} and set(machines["HS section"]) == {"XVI"}
    nle = "Nuevo León"
    v, m = (t.set_index("State").loc[nle, "Value (USD)"] for t in (vehicles, machines))
    assert v != m
    expected = query.sector_exports_by_state(built_store, "XVII").query("year == 2019")
    assert v == pytest.approx(expected.set_index("place_id").loc["MX-NLE", "value_usd"])
    at = run_page(PAGE, year=2019, sector="87")
    assert "HS chapter 87 · Vehicles (not railway)" in texts(at).replace("\\", "")
    assert "XVII · Transportation equipment (chapters 86-89)" in texts(at)


def test_without_a_sector_the_annual_chart_ranks_sections_and_imports_say_there_is_none(
    run_page,
):
    table = annual_sector_table(run_page(PAGE, year=2024))
    assert len(table) == 22 and table["Value (USD)"].iloc[0] > 0
    at = run_page(PAGE, year=2024, sector="87")
    at.radio(key="tf_flow").set_value("import").run()
    assert "Annual trade by sector covers US exports to Mexican states only" in texts(at)


def test_2024_sums_over_sectors_equal_the_mexican_state_exports(built_store):
    sectors = query.sector_exports_years(built_store).query("year == 2024")
    states = query.mexican_state_exports(built_store, 2024)
    assert sectors["value_usd"].sum() == pytest.approx(states["value"].sum(), rel=1e-12)
    assert sectors["value_usd"].sum() == pytest.approx(258.27e9, rel=1e-4)
    for place in ("MX-NLE", "MX-BCN", "MX-CHH"):
        by_sector = query.sector_exports_years(built_store, place).query("year == 2024")
        total = states.set_index("place_id").loc[place, "value"]
        assert by_sector["value_usd"].sum() == pytest.approx(total, rel=1e-12)


def test_the_chapter_to_section_table_covers_every_chapter_once():
    from components.sector_names import section_of_chapter

    table = section_of_chapter()
    assert len(table) == 99 and table["87"] == "XVII" and table["84"] == "XVI"
    assert table["01"] == "I" and table["98"] == "XXII" and table["71"] == "XIV"


def test_a_mode_filter_says_the_annual_sector_data_have_no_mode_split(run_page):
    at = run_page(PAGE, year=2024, sector="87", mode="Truck")
    assert not at.exception
    assert "No annual sector data by mode (Truck) in this store" in texts(at)
