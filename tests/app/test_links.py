"""Links reproduce the view: URL params -> widgets/state -> the same params written back."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from components import present

LINK = {
    "lang": "fr",
    "year": "2019",
    "measure": "Pedestrians",
    "border": "US-Canada",
    "mode": "Truck",
    "place": "US-MI",
    "scene": "michigan-ontario-corridor",
}


def test_link_params_reach_the_widgets_and_are_written_back_unchanged(run_page):
    at = run_page("presenter", **LINK)
    assert not at.exception
    widgets = {s.key: s.value for s in at.selectbox}
    assert widgets["sb_lang"] == "fr"
    assert widgets["sb_border"] == "US-Canada"
    assert widgets["sb_place"] == "US-MI"
    assert widgets["sb_mode"] == "Truck"
    assert widgets["sb_measure"] == "Pedestrians"
    view = at.session_state["view"]
    assert (view.year, view.scene, view.lang) == (2019, "michigan-ontario-corridor", "fr")
    assert dict(at.query_params) == LINK


def test_share_link_carries_the_whole_view(run_page):
    at = run_page("presenter", **LINK, present="1")
    url = at.code[0].value
    parts = urlsplit(url)
    assert parts.path == "/presenter"
    assert dict(parse_qsl(parts.query)) == {**LINK, "present": "1"}


def test_presenter_year_in_link_wins_over_the_scene_year(run_page):
    at = run_page("presenter", scene="vermont-quebec-tourism", year="2022")
    assert any("2022" in c.value for c in at.caption)
    assert at.query_params.get("year") == "2022"


def test_invalid_link_params_fall_back_with_a_visible_note(run_page):
    at = run_page("presenter", place="XX-ZZ", year="1800", lang="es")
    assert not at.exception
    notes = " ".join(i.value for i in at.info)
    assert "XX-ZZ" in notes and "1800" in notes
    assert "place" not in at.query_params and "year" not in at.query_params
    assert at.query_params.get("lang") == "es"


def test_share_url_keeps_scheme_host_and_sorts_params():
    url = present.share_url(
        "https://summit.example.org:8443/presenter?old=1",
        "place_profile",
        {"place": "US-TX", "lang": "es"},
    )
    assert url == "https://summit.example.org:8443/place_profile?lang=es&place=US-TX"


def test_share_url_without_a_known_host_still_gives_a_usable_path():
    assert (
        present.share_url("", "presenter", {"scene": "a"})
        == "http://localhost:8501/presenter?scene=a"
    )
