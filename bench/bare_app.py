"""Baseline for browser and interaction benchmarks: a bare one-chart Streamlit page."""

import pandas as pd
import streamlit as st

st.line_chart(pd.DataFrame({"y": [1, 3, 2, 4]}))
