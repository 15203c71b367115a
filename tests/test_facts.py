"""data/facts.yaml: the article's figures are there, exactly, and every fact is cited.

Reads the committed YAML directly (plain yaml) so a broken loader cannot hide a data
error; one test also runs the inventory validator over the real file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.inventory import load_facts

DATA = Path(__file__).resolve().parents[1] / "data"
FACTS_PATH = DATA / "facts.yaml"
ARTICLE_URL = (
    "https://www.atlanticcouncil.org/blogs/new-atlanticist/"
    "mayors-and-governors-will-drive-the-future-of-north-american-economic-integration/"
)

# The figures quoted in the Atlantic Council article (2023) that started the project:
# id -> (place, partner_place, value, unit, year)
ARTICLE_FIGURES = {
    "mx-owned-jobs-california-2021": ("US-CA", "MX", 10_000, "jobs", 2021),
    "us-share-fdi-baja-california-2022": ("MX-BCN", "US", 0.7, "share", 2022),
    "tx-jobs-from-mexican-companies-2021": ("US-TX", "MX", 5_364, "jobs", 2021),
    "mx-jobs-from-texan-companies-2021": ("MX", "US-TX", 9_110, "jobs", 2021),
    "ca-owned-jobs-vermont-2021": ("US-VT", "CA", 3_000, "jobs", 2021),
    "canadian-tourist-spending-vermont": ("US-VT", "CA", 200_000_000, "USD", 2022),
    "us-china-goods-deficit-2022": ("US", None, 382_900_000_000, "USD", 2022),
}


def read_facts(path: Path = FACTS_PATH) -> list[dict]:
    """All fact records of a facts YAML file; in: path, out: list of dicts."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def article_figure_problems(facts: list[dict]) -> list[str]:
    """What is missing or different from ARTICLE_FIGURES; in: records, out: problems."""
    by_id = {f.get("id"): f for f in facts}
    problems = []
    for fid, (place, partner, value, unit, year) in ARTICLE_FIGURES.items():
        fact = by_id.get(fid)
        if fact is None:
            problems.append(f"{fid}: missing")
            continue
        got = (fact.get("place"), fact.get("partner_place"), fact.get("value"))
        got += (fact.get("unit"), fact.get("year"))
        if got != (place, partner, value, unit, year):
            problems.append(f"{fid}: {got} != {(place, partner, value, unit, year)}")
    return problems


@pytest.fixture(scope="module")
def facts() -> list[dict]:
    return read_facts()


def test_every_article_figure_is_present_with_its_value_unit_and_year(facts):
    assert article_figure_problems(facts) == []


def test_article_figure_check_flags_a_wrong_value_and_a_missing_figure():
    # synthetic records: one article figure with a wrong value, the rest absent
    synthetic = [
        {
            "id": "mx-owned-jobs-california-2021",
            "place": "US-CA",
            "partner_place": "MX",
            "value": 1_000,
            "unit": "jobs",
            "year": 2021,
        }
    ]
    problems = article_figure_problems(synthetic)
    assert any(p.startswith("mx-owned-jobs-california-2021: (") for p in problems)
    assert "us-china-goods-deficit-2022: missing" in problems


def test_article_job_and_tourism_figures_cite_the_article_itself(facts):
    by_id = {f["id"]: f for f in facts}
    for fid in (
        "mx-owned-jobs-california-2021",
        "tx-jobs-from-mexican-companies-2021",
        "mx-jobs-from-texan-companies-2021",
        "ca-owned-jobs-vermont-2021",
        "canadian-tourist-spending-vermont",
    ):
        assert by_id[fid]["source"]["url"] == ARTICLE_URL, fid


def test_article_wording_nearly_and_more_than_is_kept_as_qualifier(facts):
    by_id = {f["id"]: f for f in facts}
    assert by_id["mx-owned-jobs-california-2021"]["qualifier"] == "nearly"
    assert by_id["ca-owned-jobs-vermont-2021"]["qualifier"] == "nearly"
    # The article says "more than $200 million a year", not "about".
    assert by_id["canadian-tourist-spending-vermont"]["qualifier"] == "over"
    assert "qualifier" not in by_id["tx-jobs-from-mexican-companies-2021"]


def test_vermont_jobs_estimate_carries_its_2001_data_year_and_the_sheet_that_says_so(facts):
    by_id = {f["id"]: f for f in facts}
    assert "vt-jobs-canada-trade-2005" not in by_id
    fact = by_id["vt-jobs-canada-trade-2001"]
    assert (fact["year"], fact["value"]) == (2001, 12_000)
    assert "2003 study" in fact["label_en"] and "2001 data" in fact["label_en"]
    assert "2003" in fact["label_es"] and "2001" in fact["label_fr"]
    # the 2004 sheet is the one that states the study's year and data year
    assert "state_trade_2004" in fact["source"]["url"]


@pytest.mark.parametrize(
    "fact_id", ["tx-jobs-from-mexican-companies-2021", "mx-jobs-from-texan-companies-2021"]
)
def test_texas_governor_job_counts_are_labelled_cumulative_and_unverified(facts, fact_id):
    fact = {f["id"]: f for f in facts}[fact_id]
    assert fact["verified"] is False
    assert "cumulative since January 2011" in fact["label_en"]
    assert "2011" in fact["label_es"] and "2011" in fact["label_fr"]
    assert "not verified" in fact["label_en"]


def test_verified_flag_reaches_the_loaded_rows_and_defaults_to_true():
    rows = {r["fact_id"]: r for r in load_facts(DATA)}
    assert rows["tx-jobs-from-mexican-companies-2021"]["verified"] is False
    assert rows["tx-jobs-mexican-fdi-2011-2023"]["verified"] is True


def test_every_fact_cites_an_http_source_with_title_and_publisher(facts):
    assert facts, "facts.yaml is empty"
    for fact in facts:
        source = fact.get("source") or {}
        assert str(source.get("url", "")).startswith(("http://", "https://")), fact["id"]
        assert str(source.get("title", "")).strip(), fact["id"]
        assert str(source.get("publisher", "")).strip(), fact["id"]


def test_every_fact_has_labels_in_english_spanish_and_french(facts):
    for fact in facts:
        labels = [fact.get(f"label_{lang}") for lang in ("en", "es", "fr")]
        assert all(isinstance(x, str) and x.strip() for x in labels), fact["id"]
        # a copy-pasted English label would defeat the translation
        assert labels[1] != labels[0] and labels[2] != labels[0], fact["id"]


def test_fact_ids_are_unique(facts):
    ids = [f["id"] for f in facts]
    assert len(ids) == len(set(ids))


def test_real_facts_file_passes_the_inventory_validator():
    rows = load_facts(DATA)
    assert len(rows) == len(read_facts())
    deficit = next(r for r in rows if r["fact_id"] == "us-china-goods-deficit-2022")
    assert deficit["value"] == pytest.approx(382.9e9)
    assert deficit["place_id"] == "US"
