"""WCAG 2.1 AA in real Chromium: axe-core finds no serious or critical violation.

axe-core comes from the axe-playwright-python package (its bundled ``axe.min.js``
is injected into the page; nothing is fetched). Every page of the navigation is
checked in English, Spanish and French, plus the place profile, two presenter
scenes and an open details panel. One browser page is reused for every view to
keep the run short; each view's full axe result is saved as JSON under
``artifacts/axe/`` so a failure can be read in detail.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "artifacts" / "axe"
PAGES = sorted(p.stem for p in (REPO / "pages").glob("*.py") if not p.stem.startswith("_"))
LANGS = ("en", "es", "fr")
# A page that needs a choice to show its content is opened with one, as a shared link would.
PAGE_PARAMS = {"place_profile": "place=US-TX"}
# Views beyond "each page in each language": presenter scenes in full-screen mode and a
# details panel opened by a selection in the link (a place, then a cross-border pair).
EXTRA_VIEWS = {
    "presenter_scene_borders_en": "presenter?scene=borders-at-a-glance&present=1",
    "presenter_scene_michigan_fr": "presenter?scene=michigan-ontario-corridor&present=1&lang=fr",
    "overview_details_place_en": "overview_map?sel=US-TX",
    "overview_details_pair_es": "overview_map?sel=pair:CA-ON~US-MI&lang=es",
    "place_profile_quebec_fr": "place_profile?place=CA-QC&lang=fr",
}
# WCAG 2.0/2.1 level A and AA rules only (axe's best-practice rules are not the bar).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
# The page is checked once Streamlit has drawn it: no skeleton or stale (greyed)
# element left and the run finished; a check on a half-drawn page would miss its
# sidebar or its captions.
SETTLED_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || main.innerText.trim().length < 20) return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  const s = document.querySelector('[data-testid="stStatusWidget"]');
  return !s || !/Running|Connecting/i.test(s.innerText);
}"""


def views() -> dict[str, str]:
    """name -> path and query of every view checked."""
    out = {}
    for page in PAGES:
        for lang in LANGS:
            params = "&".join(p for p in (PAGE_PARAMS.get(page), f"lang={lang}") if p)
            out[f"{page}_{lang}"] = f"{page}?{params}"
    return out | EXTRA_VIEWS


VIEWS = views()


@pytest.fixture(scope="module")
def shared_visit(browser):
    """One browser page for the whole module (a new tab per view would cost seconds each)."""
    v = Visit(browser, width=1440, height=900)
    yield v
    v.close()


def run_axe(page) -> dict:
    """Inject the packaged axe-core into ``page`` and run the WCAG A/AA rules -> axe's result."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response


def describe(violations: list[dict]) -> str:
    """One line per failing node: rule id, impact, target selector and an HTML snippet."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            snippet = " ".join(node.get("html", "").split())[:160]
            lines.append(f"{v['id']} ({v['impact']}) at {target}: {snippet}")
    return "\n".join(lines)


def test_every_page_is_checked_in_every_language():
    assert "overview_map" in PAGES and len(PAGES) >= 6
    for page in PAGES:
        assert {f"{page}_{lang}" for lang in LANGS} <= VIEWS.keys()


@pytest.mark.parametrize("name", list(VIEWS))
def test_view_has_no_serious_or_critical_axe_violation(shared_visit, app_url, name):
    started = time.monotonic()
    shared_visit.open(f"{app_url}/{VIEWS[name]}")
    shared_visit.page.wait_for_function(SETTLED_JS, timeout=60_000)
    shared_visit.page.wait_for_timeout(500)
    errors = shared_visit.exceptions()
    assert errors == [], f"Streamlit exception on {VIEWS[name]}: {errors}"
    result = run_axe(shared_visit.page)
    REPORTS.mkdir(parents=True, exist_ok=True)
    result["borderlinks_view"] = VIEWS[name]
    result["borderlinks_seconds"] = round(time.monotonic() - started, 2)
    (REPORTS / f"{name}.json").write_text(json.dumps(result, indent=1))
    blocking = [v for v in result["violations"] if v.get("impact") in BLOCKING]
    assert not blocking, f"axe on {VIEWS[name]}:\n{describe(blocking)}"
