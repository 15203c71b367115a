"""Initiatives inventory page (AppTest on the store built from committed data) and its queries."""

from __future__ import annotations

import json

import pytest

from components import query
from tests.app.conftest import texts

PAGE = "initiatives"
ARTICLE_IDS = ["tx-mx-mou-2022-nle", "nd-mb-vaccination-2021"]


def layer(at, layer_id: str) -> dict:
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def inventory(at):
    return next(d.value for d in at.dataframe if "initiative_id" in d.value.columns)


@pytest.mark.parametrize(
    "lang,title",
    [
        ("en", "Cross-border initiatives"),
        ("es", "Iniciativas transfronterizas"),
        ("fr", "Initiatives transfrontalières"),
    ],
)
def test_initiatives_page_renders_in_each_language_with_map_and_table(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(inventory(at)) > 50


@pytest.mark.parametrize(
    "initiative_id,place,ends",
    [
        ("tx-mx-mou-2022-nle", "US-TX", {(-99.0, 25.0)}),  # Nuevo León side, roughly
        ("nd-mb-vaccination-2021", "US-ND", {(-98.0, 50.0)}),  # Manitoba side, roughly
    ],
)
def test_article_initiatives_are_drawn_as_arcs_across_the_border(
    run_page, built_store, initiative_id, place, ends
):
    name = query.initiatives_filtered(built_store).set_index("initiative_id").loc[initiative_id]
    at = run_page(PAGE, place=place)
    arcs = [a for a in layer(at, "arcs")["data"] if name["name_en"] in a["tip"]]
    assert arcs, f"no arc drawn for {initiative_id}"
    (lon, lat) = next(iter(ends))
    far_ends = [(a["source_lon"], a["source_lat"]) for a in arcs] + [
        (a["target_lon"], a["target_lat"]) for a in arcs
    ]
    assert any(abs(x - lon) < 4 and abs(y - lat) < 4 for x, y in far_ends)


def test_kind_filter_changes_the_rows_shown(run_page):
    at = run_page(PAGE)
    everything = len(inventory(at))
    at.selectbox(key="in_kind").set_value("summit").run()
    summits = inventory(at)
    assert 0 < len(summits) < everything
    assert set(summits["Kind"]) == {"Summit"}


def test_sector_and_status_filters_combine(run_page):
    # English run: AppTest formats the sidebar's options outside the script run, in English.
    at = run_page(PAGE)
    at.selectbox(key="in_sector").set_value("health").run()
    at.selectbox(key="in_status").set_value("ended").run()
    rows = inventory(at)
    assert "nd-mb-vaccination-2021" in set(rows["initiative_id"])
    assert set(rows["Status"]) == {"Ended"}


def test_inventory_columns_and_values_follow_the_language(run_page):
    rows = inventory(run_page(PAGE, lang="fr"))
    assert {"Nom", "Statut", "Type"} <= set(rows.columns)
    assert "Terminée" in set(rows["Statut"])


def test_a_place_with_no_initiative_shows_the_empty_state_sentence(run_page, built_store):
    parties = set(
        query.read_sql(
            built_store, "SELECT DISTINCT split_part(place_id, ':', 1) AS p FROM initiative_parties"
        )["p"]
    )
    lonely = next(p for p in query.places(built_store)["place_id"] if p not in parties)
    at = run_page(PAGE, place=lonely)
    assert not at.exception
    assert "No initiative matches these filters." in texts(at)
    assert not at.get("deck_gl_json_chart")


def test_choosing_an_initiative_shows_its_record_with_leaders_and_source(run_page):
    # English run: AppTest formats the sidebar's options outside the script run, in English.
    at = run_page(PAGE, place="MX-NLE")
    at.selectbox(key="in_record").set_value("tx-mx-mou-2022-nle").run()
    shown = texts(at)
    assert "Greg Abbott" in shown and "Republican" in shown and "Movimiento Ciudadano" in shown
    assert "Source: [" in shown
    assert "Nuevo León" in shown


@pytest.mark.parametrize(
    "lang,title,english",
    [
        ("fr", "Premier ministre du Manitoba", "Premier of Manitoba"),
        ("es", "Primer ministro de Manitoba", "Premier of Manitoba"),
    ],
)
def test_leader_titles_follow_the_page_language(run_page, lang, title, english):
    # The record opened from a link (as the overview map's pair panel does), in es/fr.
    at = run_page(PAGE, lang=lang, sel="initiative:nd-mb-vaccination-2021")
    assert not at.exception
    shown = texts(at)
    assert "Brian Pallister" in shown
    assert title in shown and english not in shown


def test_record_text_from_data_cannot_inject_markup(run_page, monkeypatch):
    # SYNTHETIC: a name with markup must reach the page escaped, not as live HTML/markdown.
    real = query.initiatives_filtered

    def with_markup(db, **kwargs):
        frame = real(db, **kwargs)
        frame.loc[frame["initiative_id"] == "tx-mx-mou-2022-nle", "name_en"] = "<script>x</script>"
        frame.loc[frame["initiative_id"] == "tx-mx-mou-2022-nle", "name_es"] = None
        return frame

    monkeypatch.setattr(query, "initiatives_filtered", with_markup)
    at = run_page(PAGE, place="MX-NLE")
    at.selectbox(key="in_record").set_value("tx-mx-mou-2022-nle").run()
    assert "\\<script\\>x\\</script\\>" in texts(at)
    # Map tooltips: the name travels as plain text in a data field; the only HTML is the
    # "{tip}" template, whose fields the deck.gl frontend inserts escaped.
    assert json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)["html"] == "{tip}"
    tips = [a["tip"] for a in layer(at, "arcs")["data"]]
    assert any(tip.startswith("<script>x</script>\n") for tip in tips)


def test_geometry_links_parties_in_different_countries_only(built_store):
    geo = query.initiative_geometry(built_store, ARTICLE_IDS)
    arcs = geo[geo["b_place"].notna()]
    assert set(arcs["initiative_id"]) == set(ARTICLE_IDS)
    assert all(a[:2] != b[:2] for a, b in zip(arcs["a_place"], arcs["b_place"], strict=True))
    assert query.initiative_geometry(built_store, []).empty


def test_leader_parties_follow_the_page_language(run_page):
    # Doug Burgum (Republican) on the North Dakota–Manitoba record, in Spanish.
    at = run_page(PAGE, lang="es", sel="initiative:nd-mb-vaccination-2021")
    shown = texts(at)
    assert "— Republicano" in shown and "— Republican\n" not in shown + "\n"
