"""AppTest fixtures: one real store built by ``python -m ingest build`` for the session.

``built_store`` builds the store from the committed ``data/`` into a temp dir
once per test session and points ``BORDERLINKS_DB`` at it. ``run_page`` runs
the dashboard on one page with query params and returns the finished AppTest.
``click_map`` clicks an object of a map (AppTest has no pydeck widget API);
``texts`` and ``deck_spec`` read what a run shows. Every page test builds the tables
behind closed 'Data table' expanders (``build_closed_tables``).
Set ``BORDERLINKS_APPTEST_DB`` to an existing store to skip the build when
iterating locally.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from tests.conftest import build_reference_store

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = REPO / "dashboard.py"
PAGE_TIMEOUT_S = 120  # generous: CI runs two workers on two cores


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """Path of a store built from the repo's committed data (env BORDERLINKS_DB set to it)."""
    prebuilt = os.environ.get("BORDERLINKS_APPTEST_DB")
    if prebuilt:
        path = Path(prebuilt)
    else:
        path = build_reference_store(tmp_path_factory.mktemp("store") / "borderlinks.duckdb")
    os.environ["BORDERLINKS_DB"] = str(path)
    return path


def page_test(page: str | None = None, timeout: float = PAGE_TIMEOUT_S, **params) -> AppTest:
    """An AppTest of the dashboard on ``pages/<page>.py`` with query ``params`` (not yet run)."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=timeout)
    # Users see a generic sentence (.streamlit/config.toml: showErrorDetails "none");
    # a failing test should print the exception itself.
    st_config.set_option("client.showErrorDetails", "full")
    for key, value in params.items():
        at.query_params[key] = str(value)
    if page:
        at.switch_page(f"pages/{page}.py")
    return at


@pytest.fixture(autouse=True)
def _page_tests_read_closed_tables(build_closed_tables):
    """Every page test here builds the tables behind closed expanders (tests/conftest.py)."""


@pytest.fixture
def run_page(built_store, monkeypatch):
    """``run_page(page, **params)`` -> the AppTest after one run on that page."""
    monkeypatch.chdir(REPO)  # .streamlit/config.toml is read from the working directory

    def _run(page: str | None = None, **params) -> AppTest:
        at = page_test(page, **params)
        at.run()
        return at

    return _run


def texts(at: AppTest) -> str:
    """All markdown/caption/info/warning/metric text of a run, joined (for 'is shown' checks)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(el.value) for el in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.get("metric")]
    return "\n".join(parts)


def deck_spec(at: AppTest, index: int = 0) -> dict:
    """The deck.gl JSON spec of the ``index``-th map of the last run, as a dict."""
    return json.loads(at.get("deck_gl_json_chart")[index].proto.json)


def click_map(at: AppTest, layer: str, row: dict, index: int = 0) -> AppTest:
    """Click ``row`` of deck layer ``layer`` on the ``index``-th map of the last run, then
    run again (as the browser does) -> ``at``.

    ``row`` holds the picked object's data fields (``sel_id`` ...). The click reaches the
    app as the chart's widget value, the JSON Streamlit's frontend sends
    (``{"selection": {"indices": ..., "objects": ...}}``), so the chart's ``on_select``
    callback runs exactly as after a real click. AppTest has no pydeck widget, hence
    its private ``_tree``/``_run``.
    """
    chart = at.get("deck_gl_json_chart")[index]
    assert chart.proto.id, "this map is not clickable (on_select is 'ignore')"
    selection = {"indices": {layer: [0]}, "objects": {layer: [row]}}
    states = at._tree.get_widget_states()
    widget = states.widgets.add()
    widget.id = chart.proto.id
    widget.string_value = json.dumps({"selection": selection})
    return at._run(states)
