"""Presenter: saved scenes (data/scenes.yaml) with a map, a cited caption, year playback, sharing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import (
    chartframe,
    citations,
    deckjson,
    i18n,
    mapframe,
    palettes,
    present,
    query,
    scene_captions,
    scenes,
    state,
    viewcache,
)
from components.i18n import t
from components.layers.arcs import arcs_layer, link_frame
from components.layers.base import tip_text
from components.layers.labels import labels_layer
from components.layers.places import choropleth_layer
from components.layers.ports import planned_ports_layer, ports_layer
from geo import boundaries, detail

PLAY_KEY = "present_play_year"  # the year being played, absent when not playing
PLAY_ON = "present_play_on"  # the Play toggle (a toggle, not a button: a click is never lost
PLAY_RESET = "present_play_reset"  # to a rerun, and switching it off is the Stop control)
# Seconds each year stays on screen while playing (tests set 0).
PLAY_SECONDS = float(os.environ.get("BORDERLINKS_PLAY_SECONDS", "1.4"))
FMT = {"trade_ca": i18n.fmt_money, "trade_mx": i18n.fmt_money, "fdi": i18n.fmt_money}


@st.cache_data(show_spinner=False, max_entries=8)
def _load_scenes(path: str, version: int) -> list[scenes.Scene] | str:
    # ``version`` (mtime_ns) is only part of the cache key: an edited file is re-read.
    del version
    try:
        return scenes.load_scenes(path)
    except scenes.ScenesError as exc:
        return str(exc)


def load_scene_list() -> list[scenes.Scene]:
    """Validated scenes, or a plain error message and a stop (never a traceback)."""
    path = Path(scenes.SCENES_FILE)
    version = path.stat().st_mtime_ns if path.exists() else 0
    result = _load_scenes(str(path), version)
    if isinstance(result, str):
        st.error(t("present.scenes_error", error=result), icon=":material/error:")
        st.caption(t("present.scenes_help"))
        st.stop()
    return result


KEPT_YEAR_KEY = "present_kept_year"  # {scene_id: year} where a playback stopped


def go_to(scene_id: str) -> None:
    # A callback (buttons, keys, the scene picker): it runs before the script, so this
    # run's URL and every element already show the new scene.
    st.session_state.pop(PLAY_KEY, None)
    st.session_state[PLAY_RESET] = True
    st.session_state.pop(KEPT_YEAR_KEY, None)
    target = scenes.scene_by_id(load_scene_list(), scene_id)
    changes = {"scene": scene_id, "sel": None}
    if target.year:
        changes["year"] = target.year
    state.write_view(**changes)


def on_pick() -> None:
    picked = st.session_state.get("present_pick")
    if picked:
        go_to(picked)


def keep_year(scene_id: str, year: int) -> None:
    """Leave the map on ``year`` for ``scene_id`` (and put it in the link)."""
    kept = dict(st.session_state.get(KEPT_YEAR_KEY, {}))
    kept[scene_id] = year
    st.session_state[KEPT_YEAR_KEY] = kept
    state.write_view(year=year)


def scene_figure(db, kind: str, args: dict) -> pd.DataFrame:
    """Cached figure query (args as a hashable tuple)."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in args.items()))
    return query.load(_figure_from_tuple, kind, frozen)


def _figure_from_tuple(db, kind: str, frozen: tuple) -> pd.DataFrame:
    args = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return query.scene_figure(db, kind, args)


def frozen_map(scene: scenes.Scene, year: int, lang: str) -> tuple:
    """``map_layers`` with its layers frozen (``deckjson.frozen``) -> the same tuple, shared
    by every session: callers must not change it."""
    layers, *rest = map_layers(scene, year, lang)
    return ([deckjson.frozen(layer) for layer in layers], *rest)  # a layer or a group


def map_layers(scene: scenes.Scene, year: int, lang: str):
    """Layers of a scene for ``year`` -> (layers, legend entries, extra legend, table, source ids)."""
    indicator = scene.indicator or "crossings"
    measure = scene.measure or query.DEFAULT_MEASURE
    values = query.load(query.indicator_values, indicator, year, measure, None, scene.border)
    highlight = set(scene.places)
    layers, extra, sources = [], [], set(values["source_id"].dropna())
    base, legend = (None, [])
    if "choropleth" in scene.layers:
        # A city-pair close-up gets the finer outlines near the border (geo/detail.py).
        outlines = (
            detail.detailed_geojson(lang)
            if scene.camera["zoom"] >= detail.MIN_ZOOM
            else boundaries.boundaries_geojson(lang)
        )
        base, legend = choropleth_layer(
            outlines,
            values,
            fmt=FMT.get(indicator, i18n.fmt_int),
            label=t("present.map_label", indicator=t(f"indicator.{indicator}"), year=year),
            highlight=highlight,
        )
        layers.append(base)
    measure_label = i18n.label("measure", measure)
    ports = query.load(query.port_totals, year, measure, scene.border)
    port_radius = {}
    if "ports" in scene.layers:
        selected = f"port:{scene.ports[0]}" if scene.ports else None
        planned = ports["status"] == "planned"
        circles = ports_layer(
            ports[~planned],
            measure_label,
            fmt=i18n.fmt_int,
            state_name=i18n.place_name,
            selected=selected,
        )
        layers.append(circles)
        port_radius = {rec["port_code"]: rec["radius"] for rec in circles.data}
        sources |= set(ports["source_id"].dropna())
        extra.append(
            (palettes.PORT_FILL, t("present.legend_ports", measure=measure_label, year=year))
        )
        if planned.any():
            # Drawn as on the overview: a ring, not a grey 'no data' dot.
            layers.append(planned_ports_layer(ports[planned], i18n.place_name))
            port_radius |= {code: 9.0 for code in ports.loc[planned, "port_code"]}
        on_screen = [
            scenes.in_scene_view(scene, lon, lat)
            for lon, lat in zip(ports.loc[planned, "lon"], ports.loc[planned, "lat"], strict=True)
        ]
        if any(on_screen):  # the legend explains the ring only where one is seen
            extra.append((palettes.SELECTED_OUTLINE, t("overview.legend_planned_port")))
    if "arcs" in scene.layers and scene.places:
        od = query.load(query.trade_od_links, scene.places[0], 12)
        places_xy = query.load(query.all_places)[["place_id", "lat", "lon"]]
        # Only the scene's own pairs: a partner outside the scene's places would pull an
        # arc off the projector's screen (a scene names both ends of its story).
        od = od[od["partner_place_id"].isin(set(places_xy["place_id"]) & set(scene.places[1:]))]
        if not od.empty:
            od = od.assign(
                value=od["value_usd"],
                kind="trade",
                tip=[
                    tip_text(
                        f"{i18n.place_name(r.us_state)} – {i18n.place_name(r.partner_place_id)}",
                        [(f"{r.first_year}–{r.last_year}", i18n.fmt_money(r.value_usd))],
                    )
                    for r in od.itertuples(index=False)
                ],
            )
            layers.append(arcs_layer(link_frame(od, "us_state", "partner_place_id", places_xy)))
            sources |= set(od["source_id"].dropna())
            extra.append((palettes.ARC_TRADE, t("present.legend_trade")))
    if "initiatives" in scene.layers:
        links = query.load(query.initiative_links, year, scene.border)
        if scene.places:  # links between the scene's places only (as for trade arcs)
            mine = set(scene.places)
            links = links[links["a_place"].isin(mine) & links["b_place"].isin(mine)]
        places_xy = query.load(query.all_places)[["place_id", "lat", "lon"]]
        if not links.empty:
            links = links.assign(
                value=links["initiatives"],
                kind="initiative",
                tip=[
                    tip_text(
                        f"{i18n.place_name(r.a_place)} – {i18n.place_name(r.b_place)}",
                        [(t("indicator.initiatives"), i18n.fmt_int(r.initiatives)), ("", r.names)],
                    )
                    for r in links.itertuples(index=False)
                ],
            )
            frame = link_frame(links, "a_place", "b_place", places_xy)
            arcs = arcs_layer(frame)
            arcs.id = "initiative-arcs"  # deck.gl layer ids must be unique (trade arcs use "arcs")
            layers.append(arcs)
            sources |= set(links["source_id"].dropna())
            extra.append((palettes.ARC_INITIATIVE, t("present.legend_initiatives")))
    labels = labels_layer(
        scenes.scene_labels(
            scene,
            query.load(query.all_places),
            ports if "ports" in scene.layers else ports.iloc[0:0],
            name=i18n.place_name,
            port_name=i18n.port_name,
            planned=t("ports.status.planned"),
            port_radius=port_radius,
            shapes=boundaries.place_shapes().get,
        ),
        scene.camera["zoom"],
    )
    if labels is not None:
        layers.append(labels)  # last: names sit above shapes, circles and arcs
    places = query.load(query.places)
    table = values.merge(places[["place_id", "country"]], on="place_id", how="left")
    table = pd.DataFrame(
        {
            t("col.place"): [i18n.place_name(p) for p in table["place_id"]],
            t("present.map_label", indicator=t(f"indicator.{indicator}"), year=year): table[
                "value"
            ],
            "place_id": table["place_id"],
            "source_id": table["source_id"],
        }
    )
    if highlight:
        # Scene places first so the table alternative starts with what the scene is about.
        table = table.assign(_first=~table["place_id"].isin(highlight)).sort_values(
            ["_first"], kind="stable"
        )
        table = table.drop(columns="_first")
    return layers, legend, extra, table, sources, values.empty


def figures_table(filled: scene_captions.FilledCaption) -> pd.DataFrame:
    """The caption's figures as a table in the current language (the data-table alternative)."""
    frame = filled.table
    years = [
        "–" if pd.isna(a) else (str(int(a)) if a == b else f"{int(a)}–{int(b)}")
        for a, b in zip(frame["first_year"], frame["last_year"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("present.col_figure"): frame["figure"],
            t("present.col_value"): frame["shown"],
            t("present.col_years"): years,
            "value": frame["value"],
            "source_id": frame["source_id"],
        }
    )


# ---------------------------------------------------------------- page

view = state.current_view()
all_scenes = load_scene_list()
scene = scenes.scene_by_id(all_scenes, view.scene)
if view.scene != scene.scene_id:
    # The scene shown goes into the link before anything is drawn (a bare or stale link).
    view = state.write_view(scene=scene.scene_id)
ids = [s.scene_id for s in all_scenes]
index = ids.index(scene.scene_id)
lang = view.lang

if not view.present:
    st.title(t("present.title"))
    st.caption(t("present.intro"))

# Year: the scene's own year unless the link or the player asks for another one.
indicator = scene.indicator or "crossings"
available = [int(y) for y in query.load(query.indicator_years, indicator)["year"]]
if st.session_state.pop(PLAY_RESET, False):
    st.session_state[PLAY_ON] = False  # before the toggle exists in this run
if st.session_state.get(PLAY_ON) and PLAY_KEY not in st.session_state and available:
    # Play the ten years up to the scene's year (or from the first year with data).
    first = (scene.year or available[-1]) - 9
    st.session_state[PLAY_KEY] = next((y for y in available if y >= first), available[0])
elif not st.session_state.get(PLAY_ON) and PLAY_KEY in st.session_state:
    keep_year(scene.scene_id, int(st.session_state.pop(PLAY_KEY)))
    view = state.current_view()
playing = st.session_state.get(PLAY_KEY)
# A year in the URL (a shared link) or left by a playback wins over the scene's own year.
kept = st.session_state.get(KEPT_YEAR_KEY, {}).get(scene.scene_id)
year = playing or (view.year if "year" in st.query_params else (kept or scene.year))
if year not in available:
    year = scene.year if scene.year in available else (available[-1] if available else scene.year)

# Built once per scene, year and language for every session (the layers frozen, so their
# JSON is written once too): a room opening the presenter's link shares one map.
layers, legend, extra, table, map_sources, empty = viewcache.remember(
    "presenter-map", (repr(scene), int(year or 0)), lambda: frozen_map(scene, int(year or 0), lang)
)
table = table.copy(deep=False)
deck = deckjson.make_deck(layers)
camera = scene.camera
deck.initial_view_state = pdk.ViewState(
    latitude=camera["latitude"],
    longitude=camera["longitude"],
    zoom=camera["zoom"],
    pitch=camera.get("pitch", 0.0),
    bearing=camera.get("bearing", 0.0),
)
filled = scene_captions.fill_caption(str(query.db_path()), scene, lang, figure_fn=scene_figure)
map_label = t("present.map_label", indicator=t(f"indicator.{indicator}"), year=year)

# One screen (components/present_layout.py): the caption panel, then the map and its one
# source line; everything else below it. Screen readers read title, text, map, sources.
if not view.present:  # presenter mode has its own (present.SCREEN_CSS)
    st.html(present.STAGE_CSS)
stage = st.container(horizontal=True, key="present-stage", gap=None)
below = st.container(key="present-below")
panel = stage.container(key="present-panel")
with panel:
    st.caption(f"{t('present.counter', n=index + 1, total=len(ids))} · {t('present.keys_help')}")
    st.header(scene.text("title", lang), anchor=False)
    st.markdown(filled.text)
    if empty:
        st.info(
            t("present.no_map_data", indicator=t(f"indicator.{indicator}"), year=year),
            icon=":material/info:",
        )
    mapframe.show_legend(legend, map_label, extra)
    nav = st.container(horizontal=True, key="present-nav")
nav.button(
    t("present.previous"),
    key="present-prev",
    on_click=go_to,
    args=(scenes.neighbour_id(all_scenes, scene.scene_id, -1),),
    shortcut="Left",  # its hint shows the arrow: no arrow icon as well
    width="stretch",
)
nav.button(
    t("present.next"),
    key="present-next",
    on_click=go_to,
    args=(scenes.neighbour_id(all_scenes, scene.scene_id, 1),),
    shortcut="Right",
    width="stretch",
)
with stage.container(key="present-mapcol"):
    with below.container():  # the full citations first, under the screen
        st.caption(citations.source_caption(filled.source_ids, short=False))
        if filled.citations:
            st.caption(t("present.cited") + i18n.colon() + i18n.punct(";").join(filled.citations))
        if filled.missing:
            st.caption(t("present.missing_figures", figures=", ".join(filled.missing)))
    mapframe.show_map(
        deck, table, sorted(map_sources), key=f"present-map-{scene.scene_id}", below=below
    )
    with st.container(key="present-strip"):
        st.caption(citations.source_caption(set(filled.source_ids) | map_sources, short=True))

with below:
    controls = st.columns([2, 1.4, 2], vertical_alignment="bottom")
    if available:
        controls[0].caption(
            t("present.playing", year=year) if playing else t("present.year_note", year=year)
        )
        controls[1].toggle(t("present.play"), key=PLAY_ON, help=t("present.play_help"))
    with controls[2]:
        # The picker shows the scene on screen (set before the widget exists in this run; the
        # buttons and links change the scene too, so its own last value may be stale).
        st.session_state["present_pick"] = scene.scene_id
        st.selectbox(
            t("present.scene"),
            ids,
            format_func=lambda sid: scenes.scene_by_id(all_scenes, sid).text("title", lang),
            placeholder=t("present.scene_placeholder"),
            key="present_pick",
            on_change=on_pick,
        )
    with st.expander(t("present.figures")):
        chartframe.show_table(
            figures_table(filled), filled.source_ids, key=f"present-figures-{scene.scene_id}"
        )
    present.share_box(state.current_view())

# Playback: show this year, wait, then step to the next one (switching Play off stops it).
if playing:
    later = [y for y in available if y > int(year)]
    time.sleep(PLAY_SECONDS)
    if later:
        st.session_state[PLAY_KEY] = later[0]
    else:
        st.session_state.pop(PLAY_KEY, None)
        st.session_state[PLAY_RESET] = True
        keep_year(scene.scene_id, int(year))
    st.rerun()
