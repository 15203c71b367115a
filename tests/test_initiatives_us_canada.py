"""data/initiatives/us_canada.yaml: the article's US–Canada examples and standing bodies
are there, every record is cited, and the file passes the inventory validator."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.inventory import known_places, read_records, validate_initiative

DATA = Path(__file__).resolve().parents[1] / "data"
PATH = DATA / "initiatives" / "us_canada.yaml"

# Named in the Atlantic Council article, with the ids the team agreed on.
ARTICLE_EXAMPLES = {
    "nd-mb-vaccination-2021": 2021,
    "mi-medc-canada-trade-missions": 2012,
    "buffalo-niagara-ontario-chambers": 2017,
    "us-canada-mayors-border-letter-2022": 2022,
    "cities-summit-americas-2023": 2023,
}
STANDING_BODIES = (
    "pnwer-1991",
    "neg-ecp-1973",
    "glsl-governors-premiers-2015",
    "cascadia-innovation-corridor-2016",
)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def test_file_holds_at_least_thirty_records(records):
    assert len(records) >= 30


def test_article_examples_are_present_with_their_years(records):
    years = {r["id"]: r["year"] for r in records}
    assert {k: years.get(k) for k in ARTICLE_EXAMPLES} == ARTICLE_EXAMPLES


def test_standing_bodies_are_present(records):
    ids = {r["id"] for r in records}
    assert set(STANDING_BODIES) <= ids


def test_neg_ecp_carries_its_official_french_name(records):
    neg = next(r for r in records if r["id"] == "neg-ecp-1973")
    assert neg["name_fr"] == (
        "Conférence des gouverneurs de la Nouvelle-Angleterre "
        "et des premiers ministres de l'Est du Canada"
    )


def test_every_record_is_us_canada_or_trilateral_and_cited(records):
    for r in records:
        assert r["border"] in ("US-Canada", "trilateral"), r["id"]
        assert r["source"]["url"].startswith(("http://", "https://")), r["id"]
        assert r["source"]["title"].strip() and r["source"]["publisher"].strip(), r["id"]


def test_cities_summit_is_trilateral_with_mexican_and_canadian_cities(records):
    summit = next(r for r in records if r["id"] == "cities-summit-americas-2023")
    places = {p["place"] for p in summit["parties"]}
    assert summit["border"] == "trilateral"
    assert {"US-CO:denver", "MX-CMX:mexico-city", "CA-AB:calgary"} <= places


def test_every_record_passes_the_inventory_validator():
    places = known_places(DATA)
    seen: dict[str, str] = {}
    for record in read_records(PATH):
        validate_initiative(PATH, record, places, seen, this_year=2026)
