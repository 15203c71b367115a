"""Presenter scenes: the shipped file is valid; bad files are refused with file, line and scene.

Scenes written inline here are SYNTHETIC (made-up ids, cameras and figure values).
"""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

from components import scene_captions, scenes

REQUIRED = {
    "san-diego-tijuana",
    "vermont-quebec-tourism",
    "texas-mexican-border-states",
    "michigan-ontario-corridor",
    "north-dakota-manitoba",
    "california-baja-investment",
    "borders-at-a-glance",
}

GOOD = """\
scenes:
  - id: synthetic-one
    title: {en: One, es: Uno, fr: Un}
    camera: {latitude: 40, longitude: -100, zoom: 3}
    filters: {indicator: crossings, measure: Trucks, year: 2020}
    figures:
      - {id: trucks, kind: crossings, ports: ["9999"], year: 2020, measure: Trucks}
      - {id: od, kind: od_trade, us_state: US-MI, partners: [CA-ON], format: money}
    caption:
      en: "{trucks} trucks; {od} over {od_from}-{od_to}"
      es: "{trucks} camiones; {od} en {od_from}-{od_to}"
      fr: "{trucks} camions ; {od} sur {od_from}-{od_to}"
  - id: synthetic-two
    title: {en: Two, es: Dos, fr: Deux}
    camera: {latitude: 45, longitude: -73, zoom: 6, pitch: 30, bearing: 10}
    caption: {en: No numbers., es: Sin cifras., fr: Sans chiffres.}
"""


def refused(text: str) -> scenes.ScenesError:
    with pytest.raises(scenes.ScenesError) as info:
        scenes.parse_scenes(textwrap.dedent(text), "synthetic.yaml")
    return info.value


def test_shipped_scenes_file_is_valid_and_has_the_required_scenes():
    loaded = scenes.load_scenes()
    assert REQUIRED <= {s.scene_id for s in loaded}
    for scene in loaded:
        assert all(scene.title[code] and scene.caption[code] for code in scenes.LANGS)


def test_shipped_captions_quote_numbers_only_through_figures():
    # A digit in a caption outside a placeholder would be a typed-in number; years and the
    # digits inside proper names (COVID-19, State Route 11) are not figures.
    import re

    names = ("COVID-19", "State Route 11", "SR 11")

    for scene in scenes.load_scenes():
        for text in scene.caption.values():
            bare = re.sub(r"\{[^}]*\}", "", text)
            for name in names:
                bare = bare.replace(name, "")
            numbers = [
                n
                for n in re.findall(r"\d[\d,. ]*\d|\d", bare)
                if not re.fullmatch(r"(19|20)\d\d", n)
            ]
            assert numbers == [], (scene.scene_id, numbers)


def test_good_file_parses_with_defaults_and_line_numbers():
    one, two = scenes.parse_scenes(GOOD)
    assert one.scene_id == "synthetic-one" and one.line == 2 and two.line == 13
    assert two.camera == {
        "latitude": 45.0,
        "longitude": -73.0,
        "zoom": 6.0,
        "pitch": 30.0,
        "bearing": 10.0,
    }
    assert one.camera["pitch"] == 0.0 and two.layers == ("choropleth",)
    assert one.figures[1].args == {"us_state": "US-MI", "partners": ["CA-ON"]}


def test_missing_translation_names_the_language_scene_and_line():
    error = refused(
        GOOD.replace("title: {en: Two, es: Dos, fr: Deux}", "title: {en: Two, es: Dos}")
    )
    assert error.line == 13 and error.scene == "synthetic-two"
    assert "no text for fr" in str(error)
    assert str(error).startswith("synthetic.yaml:13: scene 'synthetic-two':")


def test_caption_placeholder_without_a_figure_is_refused():
    error = refused(GOOD.replace('en: "{trucks} trucks;', 'en: "{cars} cars;'))
    assert "quotes {cars} but no figure has that id" in str(error)


def test_camera_out_of_range_is_refused():
    error = refused(GOOD.replace("zoom: 6, pitch: 30", "zoom: 6, pitch: 120"))
    assert "camera 'pitch' = 120 is outside 0.0..85.0" in str(error)


def test_unknown_figure_kind_lists_the_allowed_kinds():
    error = refused(GOOD.replace("kind: crossings,", "kind: guesswork,"))
    assert "kind 'guesswork'" in str(error) and "fact" in str(error)


def test_figure_missing_an_argument_is_refused():
    error = refused(GOOD.replace(", year: 2020, measure: Trucks}", ", measure: Trucks}"))
    assert "figure 'trucks' (crossings) needs year" in str(error)


def test_duplicate_scene_id_is_refused():
    error = refused(GOOD.replace("id: synthetic-two", "id: synthetic-one"))
    assert "scene id used twice" in str(error) and error.line == 13


def test_yaml_syntax_error_reports_its_line():
    error = refused("scenes:\n  - id: x\n    title: {en: [unclosed\n")
    assert error.line is not None and "not valid YAML" in str(error)


def test_file_without_scenes_list_is_refused():
    assert "top-level 'scenes:' list" in str(refused("- id: a\n"))


def test_neighbour_id_wraps_around_both_ways():
    loaded = scenes.parse_scenes(GOOD)
    assert scenes.neighbour_id(loaded, "synthetic-two", 1) == "synthetic-one"
    assert scenes.neighbour_id(loaded, "synthetic-one", -1) == "synthetic-two"
    assert scenes.neighbour_id(loaded, "unknown", 1) == "synthetic-two"


def synthetic_figures(db, kind, args):
    """Figure values made up for the test (no store)."""
    if kind == "crossings":
        return pd.DataFrame(
            [
                {
                    "value": 1234567.0,
                    "unit": "count",
                    "first_year": 2020,
                    "last_year": 2020,
                    "source_id": "syn-a",
                }
            ]
        )
    return pd.DataFrame(columns=["value", "unit", "first_year", "last_year", "source_id"])


def test_fill_caption_formats_numbers_for_the_language_and_cites_sources():
    one = scenes.parse_scenes(GOOD)[0]
    english = scene_captions.fill_caption("unused.duckdb", one, "en", figure_fn=synthetic_figures)
    french = scene_captions.fill_caption("unused.duckdb", one, "fr", figure_fn=synthetic_figures)
    assert english.text.startswith("1,234,567 trucks;")
    assert french.text.replace("\u202f", " ").replace("\xa0", " ").startswith("1 234 567 camions")
    assert english.source_ids == ("syn-a",)


def test_figure_without_data_shows_a_dash_and_is_listed_as_missing():
    one = scenes.parse_scenes(GOOD)[0]
    filled = scene_captions.fill_caption("unused.duckdb", one, "en", figure_fn=synthetic_figures)
    assert filled.text.endswith("; – over –-–")
    assert filled.missing == ("od",)


def test_validator_cli_reports_ok_and_errors(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert scenes.main([str(good)]) == 0
    assert "ok: 2 scenes" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("zoom: 3", "zoom: high"), encoding="utf-8")
    assert scenes.main([str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "camera 'zoom' must be a number" in err
