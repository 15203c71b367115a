"""The inventory of subnational initiatives and facts: validated YAML -> store batches.

In:  ``data/initiatives/*.yaml`` (one list of initiative records per file) and
     ``data/facts.yaml`` (one list of fact records), hand-compiled from cited sources.
Out: ``Batch`` objects for the ``initiatives``, ``initiative_parties`` and ``facts`` tables.

Every record is checked before anything is returned; the first problem found is raised
as a ``LoadError`` naming the file, the line of the offending field, the field and the
record id, so ``python -m ingest build`` refuses with one readable line.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import yaml

from ingest.model import Batch, LoadError, Source

SCHEMA_SQL = Path(__file__).resolve().parent / "schema.sql"
INVENTORY_SOURCE_ID = "borderlinks-inventory"
FACTS_SOURCE_ID = "borderlinks-facts"

KINDS = ("agreement", "commission", "program", "declaration", "summit", "infrastructure")
STATUSES = ("active", "ended", "planned")
BORDERS = ("US-Canada", "US-Mexico", "trilateral")
SECTORS = (
    "trade",
    "investment",
    "border-crossing",
    "infrastructure",
    "energy",
    "environment",
    "water",
    "health",
    "workforce",
    "tourism",
    "innovation",
    "agriculture",
    "education",
    "security",
    "transportation",
    "manufacturing",
    "culture",
)
FACT_UNITS = ("jobs", "USD", "share", "trips", "visitors")
FACT_TOPICS = ("jobs", "investment", "tourism", "trade")
FACT_QUALIFIERS = ("nearly", "about", "over", "exactly")

INITIATIVE_REQUIRED = (
    "id",
    "name_en",
    "kind",
    "year",
    "status",
    "border",
    "sectors",
    "parties",
    "summary_en",
    "source",
)
INITIATIVE_OPTIONAL = (
    "name_es",
    "name_fr",
    "date",
    "end_year",
    "leaders",
    "summary_es",
    "summary_fr",
)
FACT_REQUIRED = ("id", "value", "unit", "label_en", "source")
FACT_OPTIONAL = (
    "place",
    "partner_place",
    "year",
    "qualifier",
    "topic",
    "label_es",
    "label_fr",
    "verified",
)
PARTY_FIELDS = ("place", "organisation", "role")
LEADER_FIELDS = ("name", "role", "role_es", "role_fr", "party", "place")
SOURCE_FIELDS = ("url", "title", "publisher")

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EARLIEST_YEAR = 1800

COUNTRY_CODES = ("US", "CA", "MX")
# Used when data/places.csv is not there yet: 50 states + DC, 13 provinces and
# territories, 32 Mexican states (ISO 3166-2, Mexico City = MX-CMX).
US_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
CA_PROVINCE_CODES = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split()
MX_STATE_CODES = (
    "AGU BCN BCS CAM CHP CHH CMX COA COL DUR GUA GRO HID JAL MEX MIC MOR NAY NLE OAX PUE "
    "QUE ROO SLP SIN SON TAB TAM TLA VER YUC ZAC"
).split()
FALLBACK_PLACE_CODES = frozenset(
    [f"US-{c}" for c in US_STATE_CODES]
    + [f"CA-{c}" for c in CA_PROVINCE_CODES]
    + [f"MX-{c}" for c in MX_STATE_CODES]
)

INITIATIVE_COLUMNS = [
    "initiative_id",
    "name_en",
    "name_es",
    "name_fr",
    "kind",
    "year",
    "date",
    "end_year",
    "status",
    "border",
    "sectors",
    "leaders",
    "summary_en",
    "summary_es",
    "summary_fr",
    "source_url",
    "source_title",
    "source_publisher",
]
PARTY_COLUMNS = ["initiative_id", "place_id", "organisation", "role"]
FACT_COLUMNS = [
    "fact_id",
    "place_id",
    "partner_place_id",
    "year",
    "value",
    "unit",
    "label_en",
    "label_es",
    "label_fr",
    "topic",
    "source_url",
    "source_title",
    "source_publisher",
]


class _LineDict(dict):
    """A YAML mapping that remembers its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are ``_LineDict`` so errors can point at a line."""


def _construct_line_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, _ in node.value:
        mapping.key_lines.setdefault(key_node.value, key_node.start_mark.line + 1)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_line_mapping)


def read_records(path: Path) -> list[_LineDict]:
    """Read one YAML file that must hold a list of mappings; in: path, out: records."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"not UTF-8 text ({exc.reason})") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LoadError(path, f"not valid YAML: {problem}", line=line) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise LoadError(path, "expected a YAML list of records (each starting with '- id:')", 1)
    for i, record in enumerate(data):
        if not isinstance(record, _LineDict):
            raise LoadError(path, f"item {i + 1} is not a mapping of fields")
    return data


def known_places(data_dir: Path) -> frozenset[str]:
    """Place ids a record may name; in: data dir, out: ISO codes, countries, city ids.

    Union of the fallback ISO list, ``places.csv`` (if generated yet) and ``cities.csv``.
    """
    places = set(FALLBACK_PLACE_CODES) | set(COUNTRY_CODES)
    for name in ("places.csv", "cities.csv"):
        path = Path(data_dir) / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if "place_id" not in (reader.fieldnames or []):
                raise LoadError(path, "no 'place_id' column", line=1)
            places.update(row["place_id"].strip() for row in reader if row["place_id"])
    return frozenset(places)


def _where(record: _LineDict, field: str) -> int:
    """Line of ``field`` in ``record``, or of the record itself if the field is absent."""
    return record.key_lines.get(field, record.line)


def _label(record: _LineDict) -> str:
    rid = record.get("id")
    return f"record '{rid}'" if isinstance(rid, str) and rid else f"record at line {record.line}"


def _refuse(path: Path, record: _LineDict, field: str, problem: str, line: int | None = None):
    raise LoadError(
        path, f"{_label(record)}: {problem}", line=line or _where(record, field), column=field
    )


def _check_keys(path: Path, record: _LineDict, allowed: tuple[str, ...], what: str) -> None:
    """Refuse unknown keys (typos) with a did-you-mean hint."""
    for key in record:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            tip = f" (did you mean '{hint[0]}'?)" if hint else f" (allowed: {', '.join(allowed)})"
            _refuse(path, record, str(key), f"unknown {what} field '{key}'{tip}")


def _check_required(path: Path, record: _LineDict, required: tuple[str, ...]) -> None:
    for key in required:
        value = record.get(key)
        if value is None or (isinstance(value, str | list | dict) and len(value) == 0):
            _refuse(path, record, key, f"missing required field '{key}'", line=record.line)


def _check_text(path: Path, record: _LineDict, key: str) -> None:
    value = record.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        _refuse(path, record, key, f"'{key}' must be non-empty text")


def _check_choice(path: Path, record: _LineDict, key: str, choices: tuple[str, ...]) -> None:
    value = record.get(key)
    if value is not None and value not in choices:
        _refuse(path, record, key, f"unknown {key} '{value}' (allowed: {', '.join(choices)})")


def _check_id(path: Path, record: _LineDict, seen: dict[str, str]) -> str:
    rid = record["id"]
    if not isinstance(rid, str) or not ID_PATTERN.match(rid):
        _refuse(path, record, "id", f"id '{rid}' must be lowercase words joined by '-'")
    if rid in seen:
        _refuse(path, record, "id", f"duplicate id (first defined at {seen[rid]})")
    seen[rid] = f"{Path(path).name}:{_where(record, 'id')}"
    return rid


def _check_year(
    path: Path, record: _LineDict, key: str, this_year: int, latest: int | None = None
) -> None:
    value = record.get(key)
    if value is None:
        return
    latest = this_year if latest is None else latest
    if isinstance(value, bool) or not isinstance(value, int):
        _refuse(path, record, key, f"'{key}' must be a whole year, got {value!r}")
    if value <= EARLIEST_YEAR or value > latest:
        _refuse(
            path, record, key, f"impossible {key} {value} (must be {EARLIEST_YEAR + 1}-{latest})"
        )


def _check_source(path: Path, record: _LineDict) -> None:
    source = record["source"]
    if not isinstance(source, _LineDict):
        _refuse(path, record, "source", "source must be a mapping {url, title, publisher}")
    _check_keys(path, source, SOURCE_FIELDS, "source")
    for key in SOURCE_FIELDS:
        value = source.get(key)
        if not isinstance(value, str) or not value.strip():
            _refuse(path, record, f"source.{key}", f"missing source {key}", _where(source, key))
    parsed = urlparse(source["url"].strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        _refuse(
            path,
            record,
            "source.url",
            f"source url must start with http:// or https://, got '{source['url']}'",
            _where(source, "url"),
        )


def _check_place(path, record, item: _LineDict, key: str, field: str, places) -> None:
    place = item.get(key)
    if not isinstance(place, str) or place not in places:
        _refuse(
            path,
            record,
            field,
            f"unknown place code '{place}' (ISO 3166-2 like US-TX, country US/CA/MX, "
            "or a city id listed in data/cities.csv)",
            _where(item, key),
        )


def _check_parties(path: Path, record: _LineDict, places: frozenset[str]) -> None:
    parties = record["parties"]
    if not isinstance(parties, list) or not parties:
        _refuse(path, record, "parties", "parties must be a non-empty list")
    for party in parties:
        if not isinstance(party, _LineDict):
            _refuse(path, record, "parties", "each party must be a mapping {place, role, ...}")
        _check_keys(path, party, PARTY_FIELDS, "party")
        _check_place(path, record, party, "place", "parties.place", places)
        for key in ("organisation", "role"):
            value = party.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                _refuse(path, record, f"parties.{key}", f"'{key}' must be text", _where(party, key))


def _check_leaders(path: Path, record: _LineDict, places: frozenset[str]) -> None:
    leaders = record.get("leaders")
    if leaders is None:
        return
    if not isinstance(leaders, list):
        _refuse(path, record, "leaders", "leaders must be a list")
    for leader in leaders:
        if not isinstance(leader, _LineDict):
            _refuse(path, record, "leaders", "each leader must be a mapping {name, role, ...}")
        _check_keys(path, leader, LEADER_FIELDS, "leader")
        name = leader.get("name")
        if not isinstance(name, str) or not name.strip():
            _refuse(path, record, "leaders.name", "leader without a name", leader.line)
        # The es/fr titles are shown in place of ``role`` on those pages: text or absent.
        for key in ("role", "role_es", "role_fr", "party"):
            value = leader.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                _refuse(
                    path, record, f"leaders.{key}", f"'{key}' must be text", _where(leader, key)
                )
        if leader.get("place") is not None:
            _check_place(path, record, leader, "place", "leaders.place", places)


def _check_sectors(path: Path, record: _LineDict) -> None:
    sectors = record["sectors"]
    if not isinstance(sectors, list):
        _refuse(path, record, "sectors", "sectors must be a list like [trade, energy]")
    for sector in sectors:
        if sector not in SECTORS:
            _refuse(
                path,
                record,
                "sectors",
                f"unknown sector '{sector}' (allowed: {', '.join(SECTORS)})",
            )
    if len(set(sectors)) != len(sectors):
        _refuse(path, record, "sectors", "a sector is listed twice")


def _check_date(path: Path, record: _LineDict) -> None:
    value = record.get("date")
    if value is None:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        _refuse(path, record, "date", f"date must be YYYY-MM-DD, got {value!r}")
    if value.year != record["year"]:
        _refuse(path, record, "date", f"date {value} is not in year {record['year']}")


def validate_initiative(
    path: Path, record: _LineDict, places: frozenset[str], seen: dict[str, str], this_year: int
) -> None:
    """Refuse the first problem in one initiative record (LoadError); in: record, out: None."""
    _check_keys(path, record, INITIATIVE_REQUIRED + INITIATIVE_OPTIONAL, "initiative")
    _check_required(path, record, INITIATIVE_REQUIRED)
    _check_id(path, record, seen)
    for key in ("name_en", "name_es", "name_fr", "summary_en", "summary_es", "summary_fr"):
        _check_text(path, record, key)
    _check_choice(path, record, "kind", KINDS)
    _check_choice(path, record, "status", STATUSES)
    _check_choice(path, record, "border", BORDERS)
    _check_year(path, record, "year", this_year)
    # An end year may be scheduled ahead (a fixed-term agreement), but not before the start.
    _check_year(path, record, "end_year", this_year, latest=this_year + 50)
    if record.get("end_year") is not None and record["end_year"] < record["year"]:
        _refuse(
            path,
            record,
            "end_year",
            f"end_year {record['end_year']} is before year {record['year']}",
        )
    _check_date(path, record)
    _check_sectors(path, record)
    _check_parties(path, record, places)
    _check_leaders(path, record, places)
    _check_source(path, record)


def validate_fact(
    path: Path, record: _LineDict, places: frozenset[str], seen: dict[str, str], this_year: int
) -> None:
    """Refuse the first problem in one fact record (LoadError); in: record, out: None."""
    _check_keys(path, record, FACT_REQUIRED + FACT_OPTIONAL, "fact")
    _check_required(path, record, FACT_REQUIRED)
    _check_id(path, record, seen)
    for key in ("label_en", "label_es", "label_fr"):
        _check_text(path, record, key)
    value = record["value"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        _refuse(path, record, "value", f"value must be a number, got {value!r}")
    _check_choice(path, record, "unit", FACT_UNITS)
    _check_choice(path, record, "topic", FACT_TOPICS)
    _check_choice(path, record, "qualifier", FACT_QUALIFIERS)
    # False marks a figure quoted by the source that could not be checked against its
    # originator; absent means checked. Only a YAML boolean, so "no" or 0 cannot slip in.
    verified = record.get("verified")
    if verified is not None and not isinstance(verified, bool):
        _refuse(path, record, "verified", f"verified must be true or false, got {verified!r}")
    if record["unit"] == "share" and not 0 <= value <= 1:
        _refuse(path, record, "value", f"a share must be between 0 and 1, got {value}")
    _check_year(path, record, "year", this_year)
    for key in ("place", "partner_place"):
        if record.get(key) is not None:
            _check_place(path, record, record, key, key, places)
    _check_source(path, record)


def _text_or_none(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _leaders_json(leaders: list | None) -> str:
    """Leaders as the schema's JSON list of {name, role, role_es, role_fr, party, place_id}."""
    out = []
    for leader in leaders or []:
        out.append(
            {
                "name": leader["name"].strip(),
                "role": _text_or_none(leader.get("role")),
                "role_es": _text_or_none(leader.get("role_es")),
                "role_fr": _text_or_none(leader.get("role_fr")),
                "party": _text_or_none(leader.get("party")),
                "place_id": leader.get("place"),
            }
        )
    return json.dumps(out, ensure_ascii=False)


def initiative_row(record: _LineDict) -> dict:
    """One ``initiatives`` row (without source_id) from a validated record."""
    source = record["source"]
    return {
        "initiative_id": record["id"],
        "name_en": record["name_en"].strip(),
        "name_es": _text_or_none(record.get("name_es")),
        "name_fr": _text_or_none(record.get("name_fr")),
        "kind": record["kind"],
        "year": int(record["year"]),
        "date": record.get("date"),
        "end_year": record.get("end_year"),
        "status": record["status"],
        "border": record["border"],
        "sectors": list(record["sectors"]),
        "leaders": _leaders_json(record.get("leaders")),
        "summary_en": " ".join(record["summary_en"].split()),
        "summary_es": _text_or_none(record.get("summary_es")),
        "summary_fr": _text_or_none(record.get("summary_fr")),
        "source_url": source["url"].strip(),
        "source_title": source["title"].strip(),
        "source_publisher": source["publisher"].strip(),
    }


def party_rows(record: _LineDict) -> list[dict]:
    """``initiative_parties`` rows for one validated record."""
    return [
        {
            "initiative_id": record["id"],
            "place_id": party["place"],
            "organisation": _text_or_none(party.get("organisation")),
            "role": _text_or_none(party.get("role")),
        }
        for party in record["parties"]
    ]


def fact_row(record: _LineDict) -> dict:
    """One ``facts`` row (without source_id) from a validated record."""
    source = record["source"]
    year = record.get("year")
    return {
        "fact_id": record["id"],
        "place_id": record.get("place"),
        "partner_place_id": record.get("partner_place"),
        "year": int(year) if year is not None else None,
        "value": float(record["value"]),
        "unit": record["unit"],
        "label_en": record["label_en"].strip(),
        "label_es": _text_or_none(record.get("label_es")),
        "label_fr": _text_or_none(record.get("label_fr")),
        "topic": record.get("topic"),
        "qualifier": record.get("qualifier"),
        "verified": record.get("verified", True),
        "source_url": source["url"].strip(),
        "source_title": source["title"].strip(),
        "source_publisher": source["publisher"].strip(),
    }


def initiative_files(data_dir: Path) -> list[Path]:
    """The inventory YAML files, in a stable order."""
    return sorted((Path(data_dir) / "initiatives").glob("*.yaml"))


#: The day of the last review of the records and facts against their cited sources (the
#: 2026-12-05 review added 47 records and corrected six entries; the other records were
#: checked on 2026-11-28). A fixed date (not file mtimes) so a fresh checkout builds the same store.
REVIEWED = date(2026, 12, 5)


def _as_of(paths: list[Path]) -> date | None:
    """The review date of the inventory files, or None when none exist."""
    return REVIEWED if any(p.exists() for p in paths) else None


def schema_columns(table: str, schema: Path | None = None) -> list[str]:
    """Column names of ``table`` as declared in ``ingest/schema.sql`` (the public contract)."""
    text = Path(schema or SCHEMA_SQL).read_text(encoding="utf-8")
    match = re.search(rf"CREATE TABLE IF NOT EXISTS {table}\s*\((.*?)\n\);", text, re.S)
    if match is None:
        return []
    names = []
    for line in match.group(1).splitlines():
        line = line.split("--", 1)[0].strip()
        if line:
            names.append(line.split()[0])
    return names


def fact_columns() -> list[str]:
    """Fact frame columns; ``qualifier`` and ``verified`` are added once the schema declares them."""
    declared = schema_columns("facts")
    return FACT_COLUMNS + [c for c in ("qualifier", "verified") if c in declared]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    # Keep ints nullable and everything else as Python objects so DuckDB sees
    # INTEGER / DATE / VARCHAR[] rather than floats and NaN.
    for col in ("year", "end_year"):
        if col in frame:
            frame[col] = frame[col].astype("Int64")
    return frame


def load_initiatives(
    data_dir: Path, places: frozenset[str] | None = None, this_year: int | None = None
) -> tuple[list[dict], list[dict]]:
    """Validate every initiative file; out: (initiative rows, party rows)."""
    places = known_places(data_dir) if places is None else places
    this_year = this_year or date.today().year
    seen: dict[str, str] = {}
    initiatives, parties = [], []
    for path in initiative_files(data_dir):
        for record in read_records(path):
            validate_initiative(path, record, places, seen, this_year)
            initiatives.append(initiative_row(record))
            parties.extend(party_rows(record))
    return initiatives, parties


def load_facts(
    data_dir: Path, places: frozenset[str] | None = None, this_year: int | None = None
) -> list[dict]:
    """Validate ``facts.yaml`` (if present); out: fact rows."""
    path = Path(data_dir) / "facts.yaml"
    if not path.exists():
        return []
    places = known_places(data_dir) if places is None else places
    this_year = this_year or date.today().year
    seen: dict[str, str] = {}
    rows = []
    for record in read_records(path):
        validate_fact(path, record, places, seen, this_year)
        rows.append(fact_row(record))
    return rows


def reference_batches(data_dir: Path) -> list[Batch]:
    """Registry entry: validated inventory -> batches for initiatives, parties, facts.

    In: the repo's ``data`` directory. Out: up to three ``Batch`` objects, each replacing
    every row of its table that carries the inventory's source id. Raises ``LoadError``.
    """
    data_dir = Path(data_dir)
    places = known_places(data_dir)
    initiatives, parties = load_initiatives(data_dir, places)
    facts = load_facts(data_dir, places)
    files = initiative_files(data_dir)
    batches = []
    if initiatives:
        source = Source(
            source_id=INVENTORY_SOURCE_ID,
            publisher="Borderlinks (compiled from the cited sources)",
            title="Inventory of subnational cross-border initiatives",
            url=None,
            as_of=_as_of(files),
            license="Compilation; each record cites its own public source",
            notes=(
                "Hand-compiled from public pages (press releases, news, official sites); "
                "each record keeps its own source_url/title/publisher. Summaries are ours."
            ),
            file_name=", ".join(f"initiatives/{p.name}" for p in files),
        )
        batches.append(
            Batch(
                source, "initiatives", _frame(initiatives, INITIATIVE_COLUMNS), [], len(initiatives)
            )
        )
        batches.append(
            Batch(source, "initiative_parties", _frame(parties, PARTY_COLUMNS), [], len(parties))
        )
    if facts:
        facts_path = data_dir / "facts.yaml"
        source = Source(
            source_id=FACTS_SOURCE_ID,
            publisher="Borderlinks (compiled from the cited sources)",
            title="Figures on subnational cross-border ties",
            url=None,
            as_of=_as_of([facts_path]),
            license="Compilation; each figure cites its own public source",
            notes="Each figure keeps its own source_url/title/publisher, worded as published.",
            file_name="facts.yaml",
        )
        batches.append(Batch(source, "facts", _frame(facts, fact_columns()), [], len(facts)))
    return batches


def main(argv: list[str] | None = None) -> int:
    """``python -m ingest.inventory [DATA_DIR]``: validate, print counts or one refusal line."""
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "data"
    try:
        batches = reference_batches(data_dir)
    except LoadError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 1
    for batch in batches:
        print(f"{batch.table}: {len(batch.frame)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
