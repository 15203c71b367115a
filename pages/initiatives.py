"""Initiatives inventory: filterable table and map of the agreements states, provinces and cities signed."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import (
    chartframe,
    deckjson,
    i18n,
    leaders,
    mapframe,
    maplayout,
    palettes,
    query,
    safetext,
    state,
)
from components.i18n import t
from components.layers.arcs import arcs_layer
from components.layers.base import POINTS_LAYER_ID, tip_text
from components.layers.places import land_layer
from geo import links as geo_links
from geo import regions

view = state.current_view()
lang = i18n.lang()
place_name = i18n.place_name  # cached per language and store version


ANY = "__any__"

maplayout.header(t("initiatives.title"), t("initiatives.intro"))


def text_in_lang(row: dict, field: str) -> str:
    """``row[field_<lang>]`` with English as the fallback."""
    value = row.get(f"{field}_{lang}")
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        value = row.get(f"{field}_en")
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def place_label(place_id: str) -> str:
    """Name of a state/province/city; cities as 'City (State)'."""
    if ":" in place_id:
        return f"{place_name(place_id)} ({place_name(place_id.split(':')[0])})"
    return place_name(place_id)


# ---- filters: party and border come from the sidebar (view); kind, sector, status, years here
facets = query.load(query.initiative_facets)
all_years = query.load(query.initiatives_filtered)["year"]


def facet_values(name: str) -> list[str]:
    return list(facets.loc[facets["facet"] == name, "value"])


def facet_labels(name: str) -> dict[str, str]:
    """{value: label} built now, in this run's language (widgets may format options later)."""
    labels = {v: i18n.label(f"initiatives.{name}", v) for v in facet_values(name)}
    return {ANY: t("common.all"), **labels}


def facet_box(name: str, label: str, key: str):
    """Selectbox of one facet, initialised from the view (the link) and writing back to it."""
    values = facet_values(name)
    current = getattr(view, name)
    current = current if current in values else ANY
    if st.session_state.get(key) != current:
        st.session_state[key] = current

    def changed() -> None:
        value = st.session_state[key]
        state.write_view(**{name: None if value == ANY else value})

    return st.selectbox(
        label,
        [ANY, *values],
        format_func=facet_labels(name).__getitem__,
        key=key,
        on_change=changed,
    )


c1, c2, c3 = st.columns(3)
with c1:
    kind = facet_box("kind", t("col.kind"), "in_kind")
with c2:
    sector = facet_box("sector", t("initiatives.sector"), "in_sector")
with c3:
    status = facet_box("status", t("col.status"), "in_status")
years = None
if not all_years.empty:
    lo, hi = int(all_years.min()), int(all_years.max())
    # The sidebar's year range is bounded by the statistics (1993+); the inventory goes
    # further back, so it applies only when the link sets it explicitly.
    start = view.years if "years" in st.query_params and view.years else (lo, hi)
    start = (min(max(lo, start[0]), hi), max(min(hi, start[1]), lo))
    if lo < hi:
        if st.session_state.get("in_years_from") != start:
            st.session_state["in_years_from"] = start
            st.session_state["in_years"] = start
        years = st.slider(
            t("initiatives.years"),
            min_value=lo,
            max_value=hi,
            key="in_years",
            on_change=lambda: state.write_view(years=tuple(map(int, st.session_state["in_years"]))),
        )
filters = {
    "party": view.place,
    "kind": None if kind == ANY else kind,
    "sector": None if sector == ANY else sector,
    "status": None if status == ANY else status,
    "years": tuple(years) if years else None,
    "border": view.border,
}
shown = query.load(query.initiatives_filtered, **filters)
active = [
    place_name(view.place) if view.place else None,
    t(f"border.{view.border}") if view.border else None,
]
if any(active):
    st.caption(t("initiatives.sidebar_filters", filters=", ".join(a for a in active if a)))
st.markdown(t("initiatives.count", n=i18n.fmt_int(len(shown))))

# ---- map: arcs between the parties' places; a point for single-party initiatives
# Arcs join economic centres, as every other arc does; a single party's point stays put.
geometry = geo_links.pair_ends_at_centres(
    query.load(query.initiative_geometry, list(shown["initiative_id"]))
)
names = {row["initiative_id"]: text_in_lang(row, "name") for row in shown.to_dict("records")}
arcs = geometry[geometry["b_place"].notna()]
points = geometry[geometry["b_place"].isna()]
arc_frame = pd.DataFrame(
    {
        "source_lon": arcs["a_lon"],
        "source_lat": arcs["a_lat"],
        "target_lon": arcs["b_lon"],
        "target_lat": arcs["b_lat"],
        "value": 1.0,
        "kind": "initiative",
        "sel_id": "initiative:" + arcs["initiative_id"],
        "tip": [
            tip_text(
                names.get(i, i),
                [(t("initiatives.between"), f"{place_label(a)} – {place_label(b)}")],
            )
            for i, a, b in zip(arcs["initiative_id"], arcs["a_place"], arcs["b_place"], strict=True)
        ],
    }
)
layers = [land_layer(lang), arcs_layer(arc_frame, max_px=3, pickable=True)]
if not points.empty:
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            data=[
                {
                    "lon": r.a_lon,
                    "lat": r.a_lat,
                    "sel_id": f"initiative:{r.initiative_id}",
                    "tip": tip_text(
                        names.get(r.initiative_id, r.initiative_id),
                        [(t("initiatives.party"), place_label(r.a_place))],
                    ),
                }
                for r in points.itertuples(index=False)
            ],
            id=POINTS_LAYER_ID,
            pickable=True,
            stroked=True,
            filled=True,
            get_position=["lon", "lat"],
            get_radius=6,
            radius_units="'pixels'",  # quoted: pydeck reads bare strings as accessors
            get_fill_color=[*palettes.ARC_INITIATIVE, 200],
            get_line_color=[40, 40, 40],
            line_width_min_pixels=1,
        )
    )
map_table = pd.DataFrame(
    {
        t("col.name"): geometry["initiative_id"].map(lambda i: names.get(i, i)),
        t("initiatives.from"): geometry["a_place"].map(place_label),
        t("initiatives.to"): geometry["b_place"].map(
            lambda p: place_label(p) if isinstance(p, str) else "–"
        ),
        "source_id": geometry["source_id"],
    }
)
st.subheader(t("initiatives.map_title"))
if geometry.empty:
    chartframe.empty_state(t("initiatives.empty"))
else:
    # With a place or border chosen, frame the states/provinces involved (cities count
    # for their state); else the continent.
    framed = None
    if view.place or view.border:
        known = set(query.load(query.places)["place_id"])
        involved = set(geometry["a_place"]) | set(geometry["b_place"].dropna())
        ids = sorted({p.split(":")[0] for p in involved} & known)
        framed = regions.view_for(ids) if ids else None

    def on_map_pick(sel_id: str) -> None:
        # A click on an arc/point opens its record below.
        if sel_id.startswith("initiative:"):
            state.write_view(sel=sel_id)

    with maplayout.map_frame():
        mapframe.show_map(
            deckjson.make_deck(layers, framed),
            map_table,
            key="in_map",
            on_pick=on_map_pick,
            note=t("initiatives.map_note"),
        )

# ---- the inventory table
table = pd.DataFrame(
    {
        t("col.name"): [names[i] for i in shown["initiative_id"]],
        t("col.kind"): shown["kind"].map(lambda k: i18n.label("initiatives.kind", k)),
        t("col.year"): shown["year"],
        t("col.status"): shown["status"].map(lambda s: i18n.label("initiatives.status", s)),
        t("col.border"): shown["border"].map(
            lambda b: i18n.label("border", b) if isinstance(b, str) else "–"
        ),
        t("initiatives.parties"): shown["parties"].map(
            lambda p: "; ".join(place_label(x) for x in p.split(", ") if x)
        ),
        t("initiatives.sector"): shown["sectors"].map(
            lambda s: ", ".join(
                i18n.label("initiatives.sector", x) for x in (s if s is not None else [])
            )
        ),
        t("initiatives.source_link"): shown["source_url"],
        "initiative_id": shown["initiative_id"],
        "source_id": shown["source_id"],
    }
)
chartframe.show_table(
    table,
    key="in_table",
    title=t("initiatives.table_title"),
    empty_message=t("initiatives.empty"),
    column_config={t("initiatives.source_link"): st.column_config.LinkColumn()},
)

# ---- one record
if not shown.empty:
    st.subheader(t("initiatives.record_heading"))
    ids = list(shown["initiative_id"])
    # The chosen record is in the link (sel=initiative:<id>); a filter may hide it.
    wanted = view.sel.split(":", 1)[1] if view.sel and view.sel.startswith("initiative:") else None
    wanted = wanted if wanted in ids else None
    if st.session_state.get("in_record") != wanted:
        st.session_state["in_record"] = wanted

    def on_record() -> None:
        record = st.session_state["in_record"]
        state.write_view(sel=f"initiative:{record}" if record else None)

    chosen = st.selectbox(
        t("initiatives.choose"),
        ids,
        format_func={i: names.get(i, i) for i in ids}.__getitem__,
        placeholder=t("initiatives.choose_placeholder"),
        key="in_record",
        on_change=on_record,
    )
    if chosen:
        rec = shown[shown["initiative_id"] == chosen].iloc[0].to_dict()
        with st.container(border=True):
            st.markdown(f"### {safetext.md_text(text_in_lang(rec, 'name'))}")
            end = f"–{int(rec['end_year'])}" if pd.notna(rec.get("end_year")) else ""
            colon = i18n.colon()
            st.markdown(
                f"**{t('col.kind')}**{colon}{safetext.md_text(i18n.label('initiatives.kind', rec['kind']))} · "
                f"**{t('col.year')}**{colon}{int(rec['year'])}{end} · "
                f"**{t('col.status')}**{colon}"
                f"{safetext.md_text(i18n.label('initiatives.status', rec['status']))}"
            )
            st.markdown(safetext.md_text(text_in_lang(rec, "summary")))
            parties = query.load(query.initiative_parties_of, chosen)
            st.markdown(f"**{t('initiatives.parties')}**")
            for p in parties.itertuples(index=False):
                org = (
                    f" — {safetext.md_text(p.organisation)}"
                    if isinstance(p.organisation, str)
                    else ""
                )
                role = (
                    f" ({safetext.md_text(i18n.label('initiatives.role', p.role))})"
                    if isinstance(p.role, str)
                    else ""
                )
                st.markdown(f"- {safetext.md_text(place_label(p.place_id))}{org}{role}")
            signed_by = leaders.parse_leaders(rec.get("leaders"))
            if signed_by:
                st.markdown(f"**{t('initiatives.leaders')}**")
                for leader in signed_by:
                    party = leader.get("party")
                    # Party names as the Stocktaking page shows them (proper names unchanged).
                    party = (
                        i18n.label("stock.party", party, lang=lang)
                        if party
                        else t("initiatives.party_unknown")
                    )
                    st.markdown(
                        f"- {safetext.md_text(leader.get('name'))}, {safetext.md_text(i18n.leader_role(leader, lang))} "
                        f"— {safetext.md_text(party)}"
                    )
            st.markdown(
                f"{t('ui.source')}{i18n.colon()}[{safetext.md_text(rec['source_publisher'])} — "
                f"{safetext.md_text(rec['source_title'])}]({rec['source_url']})"
            )
