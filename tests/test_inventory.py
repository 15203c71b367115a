"""The inventory validator/loader: every refusal class, the row shapes, the real files.

Fixtures marked SYNTHETIC are invented records for testing only, never real initiatives.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import inventory
from ingest.model import LoadError

REPO = Path(__file__).resolve().parents[1]
THIS_YEAR = date.today().year

# Written out independently of ingest/inventory.py on purpose: 50 states + DC,
# 13 provinces/territories, 32 Mexican states = 96 ISO 3166-2 codes.
ISO_96 = set(
    """US-AL US-AK US-AZ US-AR US-CA US-CO US-CT US-DE US-DC US-FL US-GA US-HI US-ID US-IL
    US-IN US-IA US-KS US-KY US-LA US-ME US-MD US-MA US-MI US-MN US-MS US-MO US-MT US-NE
    US-NV US-NH US-NJ US-NM US-NY US-NC US-ND US-OH US-OK US-OR US-PA US-RI US-SC US-SD
    US-TN US-TX US-UT US-VT US-VA US-WA US-WV US-WI US-WY
    CA-AB CA-BC CA-MB CA-NB CA-NL CA-NS CA-NT CA-NU CA-ON CA-PE CA-QC CA-SK CA-YT
    MX-AGU MX-BCN MX-BCS MX-CAM MX-CHP MX-CHH MX-CMX MX-COA MX-COL MX-DUR MX-GUA MX-GRO
    MX-HID MX-JAL MX-MEX MX-MIC MX-MOR MX-NAY MX-NLE MX-OAX MX-PUE MX-QUE MX-ROO MX-SLP
    MX-SIN MX-SON MX-TAB MX-TAM MX-TLA MX-VER MX-YUC MX-ZAC""".split()
)
PLACES = frozenset(ISO_96 | {"US", "CA", "MX", "US-CA:testville"})

# SYNTHETIC record: a made-up agreement, valid in every field.
GOOD = """\
- id: synthetic-accord-2020
  name_en: Synthetic test accord
  name_es: Acuerdo sintético
  kind: agreement
  year: 2020
  date: 2020-05-04
  status: active
  border: US-Mexico
  sectors: [trade, water]
  parties:
    - {place: US-CA, role: signatory}
    - {place: MX-BCN, organisation: Synthetic Agency, role: signatory}
    - {place: US-CA:testville, role: host}
  leaders:
    - {name: Test Person, role: Governor, party: Independent, place: US-CA}
  summary_en: A synthetic record used only by the tests.
  source: {url: "https://example.org/synthetic", title: "Synthetic page", publisher: "Test Publisher"}
"""

# SYNTHETIC fact: a made-up figure.
GOOD_FACT = """\
- id: synthetic-jobs-2021
  place: US-CA
  partner_place: MX
  year: 2021
  value: 1234
  qualifier: about
  unit: jobs
  topic: jobs
  label_en: Synthetic jobs figure
  label_es: Empleos sintéticos
  label_fr: Emplois synthétiques
  source: {url: "https://example.org/fact", title: "Synthetic fact page", publisher: "Test"}
"""


def make_data_dir(tmp_path: Path, files: dict[str, str], facts: str | None = None) -> Path:
    """A data dir with ``initiatives/<name>.yaml`` files and a one-city cities.csv."""
    data = tmp_path / "data"
    (data / "initiatives").mkdir(parents=True)
    for name, text in files.items():
        (data / "initiatives" / f"{name}.yaml").write_text(text, encoding="utf-8")
    if facts is not None:
        (data / "facts.yaml").write_text(facts, encoding="utf-8")
    (data / "cities.csv").write_text("place_id,name_en\nUS-CA:testville,Testville\n")
    return data


def refusal(tmp_path: Path, text: str, facts: str | None = None) -> LoadError:
    data = make_data_dir(tmp_path, {"one": text}, facts)
    with pytest.raises(LoadError) as info:
        inventory.reference_batches(data)
    return info.value


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_fallback_places_are_the_96_iso_codes():
    assert len(ISO_96) == 96
    assert set(inventory.FALLBACK_PLACE_CODES) == ISO_96


def test_valid_synthetic_record_becomes_three_batches_with_schema_columns(tmp_path):
    data = make_data_dir(tmp_path, {"one": GOOD}, GOOD_FACT)
    batches = {b.table: b for b in inventory.reference_batches(data)}
    assert set(batches) == {"initiatives", "initiative_parties", "facts"}
    row = batches["initiatives"].frame.iloc[0]
    assert row["initiative_id"] == "synthetic-accord-2020"
    assert list(row["sectors"]) == ["trade", "water"]
    assert row["date"] == date(2020, 5, 4)
    assert '"place_id": "US-CA"' in row["leaders"]
    assert batches["initiatives"].source.source_id == "borderlinks-inventory"
    assert batches["facts"].source.source_id == "borderlinks-facts"
    parties = batches["initiative_parties"].frame
    assert list(parties["place_id"]) == ["US-CA", "MX-BCN", "US-CA:testville"]
    assert parties["organisation"].iloc[1] == "Synthetic Agency"


def test_batches_insert_into_the_schema_tables(tmp_path):
    data = make_data_dir(tmp_path, {"one": GOOD}, GOOD_FACT)
    con = duckdb.connect()
    con.execute((REPO / "ingest" / "schema.sql").read_text())
    for batch in inventory.reference_batches(data):
        names = {r[0] for r in con.execute(f"DESCRIBE {batch.table}").fetchall()}
        extra = f", '{batch.source.source_id}' AS source_id" if "source_id" in names else ""
        con.register("frame", batch.frame)
        con.execute(f"INSERT INTO {batch.table} BY NAME SELECT *{extra} FROM frame")
        con.unregister("frame")
    got = con.execute("SELECT year, date, sectors FROM initiatives").fetchone()
    assert got == (2020, date(2020, 5, 4), ["trade", "water"])
    assert con.execute("SELECT value, unit FROM facts").fetchone() == (1234.0, "jobs")


def test_unknown_place_code_is_refused_with_line_and_id(tmp_path):
    text = GOOD.replace("{place: MX-BCN,", "{place: MX-XXX,")
    err = refusal(tmp_path, text)
    assert err.column == "parties.place"
    assert err.line == line_of(text, "MX-XXX")
    assert "synthetic-accord-2020" in err.problem and "MX-XXX" in err.problem


def test_unknown_city_id_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("US-CA:testville", "US-CA:nowhere"))
    assert err.column == "parties.place" and "US-CA:nowhere" in err.problem


def test_unknown_leader_place_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("party: Independent, place: US-CA}", "place: US-ZZ}"))
    assert err.column == "leaders.place"


def test_leader_roles_in_spanish_and_french_reach_the_leaders_json(tmp_path):
    import json

    text = GOOD.replace(
        "party: Independent, place: US-CA}",
        "party: Independent, place: US-CA,\n       role_es: Gobernadora, role_fr: Gouverneure}",
    )
    batches = {
        b.table: b for b in inventory.reference_batches(make_data_dir(tmp_path, {"one": text}))
    }
    (leader,) = json.loads(batches["initiatives"].frame["leaders"].iloc[0])
    assert (leader["role"], leader["role_es"], leader["role_fr"]) == (
        "Governor",
        "Gobernadora",
        "Gouverneure",
    )


@pytest.mark.parametrize("field", ["role_es", "role_fr"])
@pytest.mark.parametrize("value", ["[Gobernadora]", "12", '"  "'])
def test_leader_role_translation_that_is_not_text_is_refused(tmp_path, field, value):
    text = GOOD.replace(
        "party: Independent, place: US-CA}",
        f"party: Independent, place: US-CA,\n       {field}: {value}}}",
    )
    err = refusal(tmp_path, text)
    assert err.file.endswith("one.yaml")
    assert err.column == f"leaders.{field}"
    assert err.line == line_of(text, f"{field}:")
    assert "synthetic-accord-2020" in err.problem and field in err.problem


@pytest.mark.parametrize("field", ["url", "title", "publisher"])
def test_missing_source_field_is_refused(tmp_path, field):
    source = {
        "url": 'url: "https://example.org/synthetic", ',
        "title": 'title: "Synthetic page", ',
        "publisher": ', publisher: "Test Publisher"',
    }[field]
    text = GOOD.replace(source, ", " if field == "title" else "").replace(", , ", ", ")
    text = text.replace("{, ", "{")
    err = refusal(tmp_path, text)
    assert err.column == f"source.{field}"
    assert "missing source" in err.problem


def test_missing_source_is_refused(tmp_path):
    text = "\n".join(line for line in GOOD.splitlines() if "source:" not in line) + "\n"
    err = refusal(tmp_path, text)
    assert err.column == "source" and "missing required field" in err.problem


@pytest.mark.parametrize("url", ["ftp://example.org/x", "example.org/page", "https://"])
def test_url_that_is_not_http_is_refused(tmp_path, url):
    err = refusal(tmp_path, GOOD.replace("https://example.org/synthetic", url))
    assert err.column == "source.url" and "http" in err.problem


def test_duplicate_id_across_files_is_refused_naming_the_first(tmp_path):
    data = make_data_dir(tmp_path, {"a": GOOD, "b": GOOD})
    with pytest.raises(LoadError) as info:
        inventory.reference_batches(data)
    assert info.value.file.endswith("b.yaml")
    assert info.value.column == "id"
    assert "duplicate id" in info.value.problem and "a.yaml:1" in info.value.problem


def test_duplicate_fact_id_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD, GOOD_FACT + GOOD_FACT)
    assert err.file.endswith("facts.yaml") and "duplicate id" in err.problem


@pytest.mark.parametrize("year", [1800, 1492, THIS_YEAR + 1])
def test_impossible_year_is_refused(tmp_path, year):
    text = GOOD.replace("year: 2020", f"year: {year}").replace("  date: 2020-05-04\n", "")
    err = refusal(tmp_path, text)
    assert err.column == "year" and "impossible year" in err.problem


def test_end_year_before_start_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("  status: active", "  end_year: 2019\n  status: active"))
    assert err.column == "end_year" and "before year" in err.problem


def test_date_outside_its_year_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("date: 2020-05-04", "date: 2021-05-04"))
    assert err.column == "date"


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("kind: agreement", "kind: treaty", "kind"),
        ("status: active", "status: dormant", "status"),
        ("border: US-Mexico", "border: Mexico-Guatemala", "border"),
        ("sectors: [trade, water]", "sectors: [trade, fishing]", "sectors"),
    ],
)
def test_unknown_vocabulary_is_refused(tmp_path, old, new, column):
    text = GOOD.replace(old, new)
    err = refusal(tmp_path, text)
    assert err.column == column
    assert err.line == line_of(text, new)
    assert new.split()[-1].strip("[]") in err.problem


@pytest.mark.parametrize("field", inventory.INITIATIVE_REQUIRED)
def test_missing_required_field_is_refused(tmp_path, field):
    lines = GOOD.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip("- ").startswith(f"{field}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1  # drop the field's nested lines too
    kept = lines[:start] + lines[end:]
    if field == "id":
        kept[0] = "- " + kept[0].lstrip()
    err = refusal(tmp_path, "\n".join(kept) + "\n")
    assert err.column == field and f"missing required field '{field}'" in err.problem


def test_typo_in_field_name_is_refused_with_suggestion(tmp_path):
    text = GOOD.replace("summary_en:", "sumary_en:")
    err = refusal(tmp_path, text)
    assert err.column == "sumary_en"
    assert err.line == line_of(text, "sumary_en")
    assert "did you mean 'summary_en'" in err.problem


def test_typo_in_party_field_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("organisation: Synthetic", "organization: Synthetic"))
    assert err.column == "organization" and "did you mean 'organisation'" in err.problem


def test_empty_parties_is_refused(tmp_path):
    text = GOOD.replace(
        "  parties:\n    - {place: US-CA, role: signatory}\n"
        "    - {place: MX-BCN, organisation: Synthetic Agency, role: signatory}\n"
        "    - {place: US-CA:testville, role: host}\n",
        "  parties: []\n",
    )
    err = refusal(tmp_path, text)
    assert err.column == "parties"


def test_bad_id_format_is_refused(tmp_path):
    err = refusal(tmp_path, GOOD.replace("synthetic-accord-2020", "Synthetic Accord"))
    assert err.column == "id"


def test_top_level_mapping_is_refused(tmp_path):
    err = refusal(tmp_path, "id: synthetic\nname_en: x\n")
    assert "list of records" in err.problem


def test_broken_yaml_is_refused_with_its_line(tmp_path):
    err = refusal(tmp_path, GOOD + "- id: [unclosed\n")
    assert "not valid YAML" in err.problem and err.line is not None


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("unit: jobs", "unit: dollars", "unit"),
        ("value: 1234", "value: lots", "value"),
        ("place: US-CA\n", "place: US-XX\n", "place"),
        ("qualifier: about", "qualifier: roughly", "qualifier"),
    ],
)
def test_bad_fact_is_refused(tmp_path, old, new, column):
    err = refusal(tmp_path, GOOD, GOOD_FACT.replace(old, new))
    assert err.file.endswith("facts.yaml") and err.column == column


@pytest.mark.parametrize("value", ["0", "'false'", "[no]"])
def test_verified_that_is_not_a_boolean_is_refused(tmp_path, value):
    fact = GOOD_FACT.replace("  unit: jobs\n", f"  verified: {value}\n  unit: jobs\n")
    err = refusal(tmp_path, GOOD, fact)
    assert err.file.endswith("facts.yaml") and err.column == "verified"
    assert "true or false" in err.problem


def test_verified_is_stored_once_the_schema_declares_it(tmp_path, monkeypatch):
    schema = (REPO / "ingest" / "schema.sql").read_text()
    schema = schema.replace("    topic VARCHAR,", "    topic VARCHAR,\n    verified BOOLEAN,")
    (tmp_path / "schema.sql").write_text(schema)
    monkeypatch.setattr(inventory, "SCHEMA_SQL", tmp_path / "schema.sql")
    fact = GOOD_FACT.replace("  unit: jobs\n", "  verified: false\n  unit: jobs\n")
    data = make_data_dir(tmp_path, {"one": GOOD}, fact + GOOD_FACT.replace("-2021", "-2022"))
    facts = next(b for b in inventory.reference_batches(data) if b.table == "facts")
    assert facts.frame["verified"].tolist() == [False, True]


def test_share_above_one_is_refused(tmp_path):
    fact = GOOD_FACT.replace("value: 1234", "value: 70").replace("unit: jobs", "unit: share")
    err = refusal(tmp_path, GOOD, fact)
    assert err.column == "value" and "share" in err.problem


def test_cli_prints_one_line_and_exits_nonzero_on_refusal(tmp_path, capsys):
    data = make_data_dir(tmp_path, {"one": GOOD.replace("kind: agreement", "kind: treaty")})
    assert inventory.main([str(data)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "one.yaml:" in err and "kind" in err


def test_places_csv_extends_the_known_places(tmp_path):
    data = make_data_dir(tmp_path, {"one": GOOD.replace("MX-BCN,", "XX-NEW,")})
    (data / "places.csv").write_text("place_id,kind\nXX-NEW,state\n")
    assert inventory.reference_batches(data)


# --- The real inventory -------------------------------------------------------------

ARTICLE_IDS_US_MEXICO = [
    "tx-mx-mou-2022-chh",
    "tx-mx-mou-2022-coa",
    "tx-mx-mou-2022-nle",
    "tx-mx-mou-2022-tam",
    "ca-otay-mesa-east-support-2022",
    "otay-mesa-east-poe",
    "mexla",
    "arizona-mexico-commission",
    "tab-mexico-trade-policy-council",
    "mayors-nafta-2017",
    "mayors-usmca-2019",
]
ARTICLE_IDS_US_CANADA = [
    "nd-mb-vaccination-2021",
    "mi-medc-canada-trade-missions",
    "buffalo-niagara-ontario-chambers",
    "us-canada-mayors-border-letter-2022",
    "cities-summit-americas-2023",
]


@pytest.fixture(scope="module")
def real_initiatives():
    rows, _ = inventory.load_initiatives(REPO / "data")
    return {row["initiative_id"]: row for row in rows}


def test_real_inventory_files_pass_validation():
    batches = inventory.reference_batches(REPO / "data")
    assert {b.table for b in batches} >= {"initiatives", "initiative_parties"}


@pytest.mark.parametrize("initiative_id", ARTICLE_IDS_US_MEXICO + ARTICLE_IDS_US_CANADA)
def test_every_article_example_is_in_the_inventory(real_initiatives, initiative_id):
    assert initiative_id in real_initiatives


def test_us_mexico_file_has_at_least_32_us_mexico_records():
    records = inventory.read_records(REPO / "data" / "initiatives" / "us_mexico.yaml")
    assert len(records) >= 32
    assert {r["border"] for r in records} == {"US-Mexico"}


def test_texas_mous_share_a_prefix_and_link_texas_to_each_border_state(real_initiatives):
    _, parties = inventory.load_initiatives(REPO / "data")
    for suffix, state in [
        ("chh", "MX-CHH"),
        ("coa", "MX-COA"),
        ("nle", "MX-NLE"),
        ("tam", "MX-TAM"),
    ]:
        places = {
            p["place_id"] for p in parties if p["initiative_id"] == f"tx-mx-mou-2022-{suffix}"
        }
        assert {"US-TX", state} <= places


def test_otay_mesa_east_port_is_planned_infrastructure(real_initiatives):
    port = real_initiatives["otay-mesa-east-poe"]
    assert (port["kind"], port["status"]) == ("infrastructure", "planned")


def test_us_and_mexican_leaders_carry_a_party_where_recorded(real_initiatives):
    import json

    abbott = json.loads(real_initiatives["tx-mx-mou-2022-chh"]["leaders"])
    assert {"Republican", "PAN"} == {leader["party"] for leader in abbott}


def test_frame_columns_match_the_schema_contract():
    assert inventory.INITIATIVE_COLUMNS + ["source_id"] == inventory.schema_columns("initiatives")
    assert inventory.PARTY_COLUMNS == inventory.schema_columns("initiative_parties")
    assert set(inventory.fact_columns()) | {"source_id"} == set(inventory.schema_columns("facts"))


def test_qualifier_is_stored_once_the_schema_declares_it(tmp_path, monkeypatch):
    schema = (REPO / "ingest" / "schema.sql").read_text()
    schema = schema.replace("    topic VARCHAR,", "    topic VARCHAR,\n    qualifier VARCHAR,")
    (tmp_path / "schema.sql").write_text(schema)
    monkeypatch.setattr(inventory, "SCHEMA_SQL", tmp_path / "schema.sql")
    data = make_data_dir(tmp_path, {"one": GOOD}, GOOD_FACT)
    facts = next(b for b in inventory.reference_batches(data) if b.table == "facts")
    assert facts.frame["qualifier"].tolist() == ["about"]


def test_every_initiative_has_its_name_and_summary_in_spanish_and_french(real_initiatives):
    # The es/fr pages show these fields; an English fallback there is a visible defect.
    fields = ("name_es", "name_fr", "summary_es", "summary_fr")
    missing = [
        (initiative_id, field)
        for initiative_id, row in real_initiatives.items()
        for field in fields
        if not isinstance(row.get(field), str) or not row[field].strip()
    ]
    assert missing == []


def test_every_leader_has_a_role_in_spanish_and_french(real_initiatives):
    # The es/fr pages show role_es/role_fr; a leader without them shows an English title there.
    import json

    missing = [
        (initiative_id, leader["name"], field)
        for initiative_id, row in real_initiatives.items()
        for leader in json.loads(row["leaders"])
        for field in ("role", "role_es", "role_fr")
        if not isinstance(leader.get(field), str) or not leader[field].strip()
    ]
    assert missing == []


def _numbers(text: str) -> set[str]:
    """Digit runs of a text, with thousands separators (',' or a space) removed."""
    import re

    return set(re.findall(r"\d+", re.sub(r"(?<=\d)[, \u00a0\u202f](?=\d{3}\b)", "", text)))


def test_spanish_and_french_summaries_keep_every_number_of_the_english(real_initiatives):
    # A cheap guard against shortened translations: every year, date, count and amount of
    # summary_en must reach the es/fr reader too ("2,000" is written "2 000" there).
    missing = [
        (
            initiative_id,
            lang,
            sorted(_numbers(row["summary_en"]) - _numbers(row[f"summary_{lang}"])),
        )
        for initiative_id, row in real_initiatives.items()
        for lang in ("es", "fr")
        if _numbers(row["summary_en"]) - _numbers(row[f"summary_{lang}"] or "")
    ]
    assert missing == []


# --- The fuller inventory --------------------------------------------------------------


def test_inventory_has_at_least_130_records_each_with_an_http_source(real_initiatives):
    assert len(real_initiatives) >= 130
    lacking = [
        initiative_id
        for initiative_id, row in real_initiatives.items()
        if not str(row["source_url"]).startswith(("http://", "https://"))
        or not row["source_title"].strip()
        or not row["source_publisher"].strip()
    ]
    assert lacking == []


def test_source_urls_are_not_shared_by_unrelated_records_by_accident(real_initiatives):
    # Several records may cite one list page (Québec's bilateral agreements), but a URL
    # cited by more than three records is more likely a copy-paste slip than a source.
    from collections import Counter

    counts = Counter(row["source_url"] for row in real_initiatives.values())
    assert [url for url, n in counts.items() if n > 3] == []


def test_california_ontario_carbon_market_link_of_2017_joins_the_two(real_initiatives):
    _, parties = inventory.load_initiatives(REPO / "data")
    places = {
        p["place_id"] for p in parties if p["initiative_id"] == "ca-qc-on-cap-and-trade-link-2017"
    }
    assert {"US-CA", "CA-ON", "CA-QC"} <= places
    link = real_initiatives["ca-qc-on-cap-and-trade-link-2017"]
    assert (link["year"], str(link["date"]), link["status"]) == (2017, "2017-09-22", "ended")


def test_border_governors_conference_is_no_longer_listed_as_active(real_initiatives):
    assert real_initiatives["border-governors-conference"]["status"] == "ended"


def test_tab_council_year_is_explained_as_first_documented(real_initiatives):
    council = real_initiatives["tab-mexico-trade-policy-council"]
    assert "first documented" in council["summary_en"]
    assert "founding year is not published" in council["summary_en"]


# The 15 largest US–Canada trade pairs with no shared initiative before the December 2026
# additions (data/README.md, "The December 2026 additions"); each now shares at least one.
FORMER_GAPS = [
    ("US-CA", "CA-ON"),
    ("US-TX", "CA-ON"),
    ("US-KY", "CA-ON"),
    ("US-TN", "CA-ON"),
    ("US-TX", "CA-AB"),
    ("US-NJ", "CA-ON"),
    ("US-NC", "CA-ON"),
    ("US-GA", "CA-ON"),
    ("US-TX", "CA-QC"),
    ("US-MO", "CA-ON"),
    ("US-MA", "CA-ON"),
    ("US-FL", "CA-ON"),
    ("US-CA", "CA-AB"),
    ("US-AL", "CA-ON"),
    ("US-SC", "CA-ON"),
]


@pytest.fixture(scope="module")
def places_by_initiative() -> dict[str, set[str]]:
    """Initiative id -> the states/provinces among its parties (city ids count for theirs)."""
    _, parties = inventory.load_initiatives(REPO / "data")
    out: dict[str, set[str]] = {}
    for party in parties:
        out.setdefault(party["initiative_id"], set()).add(party["place_id"].split(":")[0])
    return out


@pytest.mark.parametrize(("us_state", "province"), FORMER_GAPS)
def test_former_gap_pair_now_shares_an_initiative(places_by_initiative, us_state, province):
    shared = [i for i, places in places_by_initiative.items() if {us_state, province} <= places]
    assert shared, f"{us_state}–{province} shares no initiative"
