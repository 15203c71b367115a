"""Pieces of a page shared by every session of a view (components/viewcache.py): built once
per view, language and store version; a loaded store or another language builds afresh.

Synthetic data only: a tiny frame and an empty file standing in for the store (only its
path and version matter here).
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

from components import i18n, tables, viewcache


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    path.write_bytes(b"")
    monkeypatch.setenv("BORDERLINKS_DB", str(path))
    viewcache.clear()
    yield path
    viewcache.clear()


def counting_builder(calls: list):
    def build():
        calls.append(1)
        return {"built": len(calls)}

    return build


def test_a_piece_is_built_once_for_every_session_of_a_view(store):
    calls = []
    first = viewcache.remember("piece", ("US-TX", 2024), counting_builder(calls))
    again = viewcache.remember("piece", ("US-TX", 2024), counting_builder(calls))
    assert again is first and len(calls) == 1
    viewcache.remember("piece", ("US-TX", 2023), counting_builder(calls))  # another view
    assert len(calls) == 2


def test_a_loaded_store_builds_the_piece_afresh_and_drops_the_old_one(store):
    calls = []
    old = viewcache.remember("piece", "US-TX", counting_builder(calls))
    stat = store.stat()
    os.utime(store, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a new version
    new = viewcache.remember("piece", "US-TX", counting_builder(calls))
    assert new is not old and len(calls) == 2
    assert all(key[4] == store.stat().st_mtime_ns for key in viewcache._CACHE)


def test_another_language_builds_its_own_piece(store, monkeypatch):
    calls = []
    english = viewcache.remember("piece", "US-TX", counting_builder(calls))
    monkeypatch.setattr(i18n, "lang", lambda: "fr")
    french = viewcache.remember("piece", "US-TX", counting_builder(calls))
    assert french is not english and len(calls) == 2


def test_frame_key_tells_frames_apart_by_any_value_and_keeps_equal_ones_equal():
    frame = pd.DataFrame({"place": ["Texas", "Ontario"], "value": [1.5, 2.0]})
    assert viewcache.frame_key(frame) == viewcache.frame_key(frame.copy())
    changed = frame.copy()
    changed.loc[1, "value"] = 2.5
    assert viewcache.frame_key(changed) != viewcache.frame_key(frame)
    renamed = frame.rename(columns={"value": "Value (USD)"})
    assert viewcache.frame_key(renamed) != viewcache.frame_key(frame)
    with pytest.raises(TypeError):
        viewcache.frame_key([1, 2])


def test_a_shared_figure_is_marked_localised():
    import plotly.graph_objects as go

    fig = go.Figure()
    assert not viewcache.is_shared_figure(fig)
    assert viewcache.is_shared_figure(viewcache.share_figure(fig))


def test_a_table_laid_out_from_the_cache_matches_a_fresh_layout(store, monkeypatch):
    # No source_id column: the layout reads nothing from the (empty) store.
    data = pd.DataFrame(
        {"Port": ["Laredo", "El Paso"], "Trucks": [3026632, 812345], "Year": [2024, 2024]}
    )
    frame, config, height = tables.table_view(data)
    shared = [tables._laid_out(data, None) for _ in range(2)]
    for got_frame, got_config, got_height, formats in shared:
        pd.testing.assert_frame_equal(got_frame, frame)
        assert got_config == config and got_height == height
        assert formats["Trucks"](3026632) == "3,026,632"
    # Each caller gets its own copies of what Streamlit may touch.
    assert shared[0][0] is not shared[1][0] and shared[0][1] is not shared[1][1]
