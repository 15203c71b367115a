"""Presenter page (AppTest on a store built from the committed data): scenes, keys, mode, playback."""

from __future__ import annotations

import json

import pytest

from components import present_layout, scene_captions, scenes
from geo import camera
from tests.app.conftest import texts
from tests.presenter_view import off_screen, scene_features

SCENES = scenes.load_scenes()
FIRST, SECOND, LAST = SCENES[0], SCENES[1], SCENES[-1]


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def test_every_shipped_scene_figure_resolves_in_the_built_store(built_store):
    for scene in SCENES:
        for lang in ("en", "es", "fr"):
            filled = scene_captions.fill_caption(built_store, scene, lang)
            assert filled.missing == (), (scene.scene_id, lang, filled.missing)
            assert filled.source_ids, scene.scene_id
            assert "{" not in filled.text and "–:" not in filled.text


def test_presenter_opens_on_the_first_scene_with_cited_caption(run_page, built_store):
    at = run_page("presenter")
    assert not at.exception
    assert headers(at) == [FIRST.title["en"]]
    shown = texts(at)
    assert scene_captions.fill_caption(built_store, FIRST, "en").text in shown
    assert "Source" in shown and "as of" in shown
    assert at.query_params.get("scene") == FIRST.scene_id


def test_next_and_previous_buttons_step_through_scenes_and_wrap(run_page):
    at = run_page("presenter")
    at.button(key="present-next").click().run()
    assert headers(at) == [SECOND.title["en"]]
    assert at.query_params.get("scene") == SECOND.scene_id
    at.button(key="present-prev").click().run()
    at.button(key="present-prev").click().run()
    assert headers(at) == [LAST.title["en"]]


def test_scene_buttons_have_arrow_key_shortcuts(run_page):
    at = run_page("presenter")
    protos = {b.key: b.proto for b in at.button}
    assert protos["present-next"].shortcut.lower() in ("right", "arrowright")
    assert protos["present-prev"].shortcut.lower() in ("left", "arrowleft")
    # The shortcut's hint already shows the arrow: no second arrow as an icon.
    assert not protos["present-next"].icon and not protos["present-prev"].icon


def test_scene_caption_and_title_follow_the_language(run_page):
    scene = scenes.scene_by_id(SCENES, "texas-mexican-border-states")
    at = run_page("presenter", lang="es", scene=scene.scene_id)
    assert headers(at) == [scene.title["es"]]
    assert "Texas comerció" in texts(at)
    assert "Scene" not in texts(at) and "Escena" in texts(at)


def test_scene_map_uses_the_scene_camera_and_the_local_style(run_page):
    scene = scenes.scene_by_id(SCENES, "michigan-ontario-corridor")
    at = run_page("presenter", scene=scene.scene_id)
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    view = spec["initialViewState"]
    assert view["latitude"] == pytest.approx(scene.camera["latitude"])
    assert view["zoom"] == pytest.approx(scene.camera["zoom"])
    assert view["pitch"] == pytest.approx(scene.camera["pitch"])
    assert spec["mapStyle"] == "/app/static/basemap.json"
    assert {layer["id"] for layer in spec["layers"]} >= {"places", "ports", "arcs"}


def test_present_param_hides_chrome_and_offers_an_exit(run_page):
    at = run_page("presenter", present="1")
    assert not at.exception
    assert any("stSidebar" in (h.proto.body or "") for h in at.get("html"))
    assert at.toggle(key="sb_present").value is True
    assert not at.title  # the page title gives its space to the scene in presenter mode
    at.button(key="present-exit").click().run()
    assert "present" not in at.query_params
    assert not any("stSidebar" in (h.proto.body or "") for h in at.get("html"))


def test_sidebar_toggle_turns_presenter_mode_on(run_page):
    at = run_page("presenter")
    at.toggle(key="sb_present").set_value(True).run()
    assert at.query_params.get("present") == "1"


def test_play_steps_through_the_years_and_stops_on_the_last(run_page, monkeypatch):
    monkeypatch.setenv("BORDERLINKS_PLAY_SECONDS", "0")
    at = run_page("presenter", scene="vermont-quebec-tourism")
    at.toggle(key="present_play_on").set_value(True).run()
    assert not at.exception
    # Playback reruns until the last year, then leaves that year in the link.
    assert "present_play_year" not in at.session_state
    last = at.session_state["view"].year
    assert last >= 2024  # the last year with crossings in the committed data
    assert any(f"The map shows {last}" in c.value for c in at.caption)
    assert at.toggle(key="present_play_on").value is False  # playback ended by itself


def test_scene_picker_jumps_to_the_chosen_scene(run_page):
    at = run_page("presenter")
    at.selectbox(key="present_pick").set_value(LAST.scene_id).run()
    assert headers(at) == [LAST.title["en"]]
    assert at.selectbox(key="present_pick").value == LAST.scene_id


def test_scene_picker_shows_the_scene_on_screen(run_page):
    at = run_page("presenter")
    assert at.selectbox(key="present_pick").value == FIRST.scene_id
    at.button(key="present-next").click().run()
    assert at.selectbox(key="present_pick").value == SECOND.scene_id


def test_unknown_scene_in_link_falls_back_to_the_first(run_page):
    at = run_page("presenter", scene="no-such-scene")
    assert not at.exception
    assert headers(at) == [FIRST.title["en"]]


def test_broken_scenes_file_shows_a_message_not_a_traceback(run_page, monkeypatch, tmp_path):
    bad = tmp_path / "scenes.yaml"
    bad.write_text("scenes:\n  - id: Bad Id\n", encoding="utf-8")
    monkeypatch.setattr(scenes, "SCENES_FILE", bad)
    at = run_page("presenter")
    assert not at.exception
    assert any("scenes.yaml:2" in e.value for e in at.error)


def test_map_offers_an_offline_html_download(run_page):
    at = run_page("presenter")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download map (HTML)" in labels


def test_place_profile_offers_the_pdf_brief_in_the_page_language(run_page):
    at = run_page("place_profile", place="US-TX", lang="fr")
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Télécharger la fiche d’une page (PDF)" in labels


def test_switching_play_off_stops_on_the_year_shown(run_page):
    at = run_page("presenter", scene="vermont-quebec-tourism")
    at.session_state["present_play_year"] = 2015  # as if playback had reached 2015
    at.run()  # the Play toggle is off: this is the Stop
    assert "present_play_year" not in at.session_state
    assert at.query_params.get("year") == "2015"
    assert any("The map shows 2015" in c.value for c in at.caption)


def label_layer(at) -> dict:
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    found = [layer for layer in spec["layers"] if layer["@@type"] == "TextLayer"]
    assert len(found) == 1, [layer["@@type"] for layer in spec["layers"]]
    assert spec["layers"][-1] is found[0], "labels are drawn last, above every shape"
    return found[0]


@pytest.mark.parametrize(
    ("lang", "planned"),
    [
        ("en", "Otay Mesa East (planned)"),
        ("es", "Otay Mesa Este (planeado)"),
        ("fr", "Otay Mesa Est (prévu)"),
    ],
)
def test_city_scene_names_its_ports_cities_and_the_planned_port(run_page, lang, planned):
    at = run_page("presenter", scene="san-diego-tijuana", lang=lang)
    shown = [row["text"] for row in label_layer(at)["data"]]
    assert planned in shown
    assert {"San Ysidro", "Otay Mesa", "Tijuana", "San Diego"} <= set(shown)
    # At city zoom the states' names would sit far off screen: they are left out.
    assert not {"California", "Baja California"} & set(shown)


def test_state_scene_names_its_states_in_the_page_language(run_page):
    at = run_page("presenter", scene="texas-mexican-border-states", lang="fr")
    shown = {row["text"] for row in label_layer(at)["data"]}
    assert {"Texas", "Nuevo León", "Tamaulipas", "Coahuila", "Chihuahua"} <= shown


def legend_text(at) -> str:
    return " ".join(h.proto.body for h in at.get("html") if "bl-legend" in h.proto.body)


def test_the_planned_port_ring_is_explained_only_where_one_is_on_screen(run_page):
    near = legend_text(run_page("presenter", scene="san-diego-tijuana"))
    far = legend_text(run_page("presenter", scene="michigan-ontario-corridor"))
    assert "planned port" in near
    assert "planned port" not in far and "Ports of entry" in far


def test_a_place_whose_label_point_is_off_screen_is_named_on_its_visible_part(run_page):
    # Ontario's label point lies far north of the Detroit–Port Huron camera: its name is
    # written on the part of Ontario the scene shows, not dropped and not off screen.
    at = run_page("presenter", scene="michigan-ontario-corridor")
    rows = {row["text"]: row for row in label_layer(at)["data"]}
    assert {"Michigan", "Detroit", "Ontario"} <= set(rows)
    scene = scenes.scene_by_id(SCENES, "michigan-ontario-corridor")
    assert scenes.in_scene_view(scene, rows["Ontario"]["lon"], rows["Ontario"]["lat"])
    assert rows["Ontario"]["lat"] < 46.5  # southern Ontario, not its label point at 50°N


def test_wide_scenes_do_not_name_a_planned_port_far_from_their_story(run_page):
    # The California–Baja California scene frames both states: Otay Mesa East is on
    # screen, but at this distance its label would sit on the San Diego ports.
    at = run_page("presenter", scene="california-baja-investment")
    shown = {row["text"] for row in label_layer(at)["data"]}
    assert {"California", "Baja California"} <= shown
    assert not any("Otay Mesa East" in text for text in shown)


def vertices_near_san_diego(at) -> int:
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    shapes = next(layer for layer in spec["layers"] if layer["id"] == "places")["data"]
    california = [row["polygon"] for row in shapes if row["place_id"] == "US-CA"]
    return sum(
        -117.30 <= lon <= -117.05 and 32.55 <= lat <= 32.80
        for polygon in california
        for ring in polygon
        for lon, lat in ring
    )


def test_the_city_close_up_draws_the_finer_border_outlines(run_page):
    close = vertices_near_san_diego(run_page("presenter", scene="san-diego-tijuana"))
    wide = vertices_near_san_diego(run_page("presenter", scene="california-baja-investment"))
    assert close >= 5 * max(wide, 1), (close, wide)  # San Diego Bay, not one straight line


@pytest.mark.parametrize(
    ("lang", "ours"),
    [
        ("es", "Inventario de iniciativas transfronterizas subnacionales"),
        ("fr", "Inventaire des initiatives transfrontalières infranationales"),
    ],
)
def test_our_own_compilations_are_cited_in_the_page_language(run_page, lang, ours):
    at = run_page("presenter", scene="san-diego-tijuana", lang=lang)
    shown = texts(at)
    assert ours in shown and "Inventory of subnational" not in shown
    assert "Border Crossing Entry Data" in shown  # published titles stay as published


# ---------------------------------------------------------------- one projector screen


def deck_spec(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.scene_id)
def test_every_scene_keeps_its_arcs_ports_and_labels_on_every_presenter_screen(run_page, scene):
    at = run_page("presenter", scene=scene.scene_id, present="1")
    assert not at.exception
    features = scene_features(deck_spec(at), scene)
    assert features, scene.scene_id
    for width, height in present_layout.SIZES:
        _left, _top, map_w, map_h = present_layout.map_box(width, height)
        off = off_screen(features, scene.camera, map_w, map_h)
        hint = camera.fit(
            [p[:2] for p in features],
            *present_layout.smallest_map(),
            margin=80,
            pitch=scene.camera["pitch"],
            bearing=scene.camera["bearing"],
        )
        assert off == [], f"{scene.scene_id} at {width}x{height}: {off[:5]}; try camera {hint}"


def test_scene_arcs_join_only_the_scene_places(run_page):
    # Michigan trades with every province; the corridor scene draws Michigan–Ontario only
    # (an arc to British Columbia would leave the projector's screen).
    at = run_page("presenter", scene="michigan-ontario-corridor")
    arcs = next(layer for layer in deck_spec(at)["layers"] if layer["@@type"] == "ArcLayer")
    assert len(arcs["data"]) == 1 and "Ontario" in arcs["data"][0]["tip"]


def _walk(node):
    """Every element under ``node`` in page order (the order a screen reader reads)."""
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def test_the_caption_reads_title_text_map_sources_and_the_rest_comes_after(run_page, built_store):
    scene = scenes.scene_by_id(SCENES, "san-diego-tijuana")
    at = run_page("presenter", scene=scene.scene_id, present="1")
    order = [
        (
            node.type,
            str(getattr(node, "value", ""))
            if node.type in ("header", "markdown", "caption")
            else "",
        )
        for node in _walk(at.main)
    ]
    text = scene_captions.fill_caption(built_store, scene, "en").text
    title_at = order.index(("header", scene.title["en"]))
    text_at = order.index(("markdown", text))
    map_at = [kind for kind, _ in order].index("deck_gl_json_chart")
    sources_at = next(
        i
        for i, (kind, value) in enumerate(order)
        if kind == "caption" and value.startswith("Source")
    )
    downloads_at = [kind for kind, _ in order].index("download_button")
    assert title_at < text_at < map_at < sources_at < downloads_at, order
    # Previous/Next sit in the caption panel, before the map; nothing else comes between
    # the map and its one source line.
    assert order[map_at + 1 : sources_at] == [("flex_container", "")]
