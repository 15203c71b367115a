"""Baseline for the arrivals benchmark: a bare one-map Streamlit page.

One pydeck map of the places in the app's gazetteer (data/places.csv, read once per
process) on the app's local basemap style, and nothing else: what any Streamlit page
with one map costs per new session, with no per-session work of its own.
"""

from pathlib import Path

import pandas as pd
import pydeck as pdk
import streamlit as st

PLACES = Path(__file__).resolve().parents[1] / "data" / "places.csv"


@st.cache_data
def places() -> pd.DataFrame:
    """Places with coordinates, read once per process."""
    return pd.read_csv(PLACES)


st.pydeck_chart(
    pdk.Deck(
        layers=[
            pdk.Layer(
                "ScatterplotLayer",
                data=places(),
                get_position=["lon", "lat"],
                get_radius=40000,
                get_fill_color=[11, 83, 148, 160],
            )
        ],
        initial_view_state=pdk.ViewState(latitude=40, longitude=-100, zoom=2.5),
        map_style="/app/static/basemap.json",
    )
)
