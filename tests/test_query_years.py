"""Figures cut from the all-years frames equal the same figures computed from the raw
tables, year by year (components.query computes each series for every year in one
query and slices it, so the year slider costs no query)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from components import query
from tests.conftest import build_reference_store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The store `make run` builds from the committed reference data."""
    return build_reference_store(tmp_path_factory.mktemp("years") / "borderlinks.duckdb")


@pytest.fixture(scope="module")
def tables(store) -> dict[str, pd.DataFrame]:
    """Whole raw tables, read without the query module (the oracle's input)."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        names = ["trade_annual", "crossings_annual", "ports", "fdi", "initiatives", "sources"]
        names += ["initiative_parties", "places"]
        return {name: con.execute(f"SELECT * FROM {name}").df() for name in names}
    finally:
        con.close()


def same_rows(got: pd.DataFrame, want: pd.DataFrame, keys: list[str]) -> None:
    """Equal as tables keyed by ``keys`` (row order is checked separately)."""
    assert list(got.columns) == list(want.columns)
    got, want = plain_numbers(got), plain_numbers(want)
    got = got.sort_values(keys).reset_index(drop=True)
    want = want.sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_exact=False, rtol=1e-9)


def plain_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable integer columns (DuckDB's NULL-able ints) as floats with NaN, like pandas' merges."""
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    return frame.assign(
        **{c: frame[c].to_numpy(dtype=float, na_value=float("nan")) for c in numeric}
    )


def largest_first(frame: pd.DataFrame, column: str = "value") -> bool:
    values = frame[column].dropna().tolist()
    return values == sorted(values, reverse=True)


YEARS = [1996, 2003, 2010, 2019, 2024, 2025]


@pytest.mark.parametrize("partner", ["CA", "MX"])
@pytest.mark.parametrize("modes", [None, ["Truck"], ["Rail", "Pipeline"]])
def test_state_trade_of_a_year_matches_the_raw_table(store, tables, partner, modes):
    trade = tables["trade_annual"]
    for year in YEARS:
        rows = trade[
            (trade.year == year)
            & (trade.partner_country == partner)
            & trade.us_state.notna()
            & (trade.us_state != "US-XX")
            & (trade["mode"].isin(modes) if modes else True)
        ]
        want = (
            rows.assign(
                exports=rows.value_usd.where(rows.flow == "export", 0),
                imports=rows.value_usd.where(rows.flow == "import", 0),
            )
            .groupby("us_state", as_index=False)
            .agg(
                exports=("exports", "sum"),
                imports=("imports", "sum"),
                value=("value_usd", "sum"),
                source_id=("source_id", "min"),
            )
            .rename(columns={"us_state": "place_id"})
        )
        got = query.state_trade(store, year, partner, modes)
        same_rows(got, want, ["place_id"])
        assert largest_first(got)


def test_exports_to_mexican_states_of_a_year_match_the_raw_table(store, tables):
    trade = tables["trade_annual"]
    for year in YEARS:
        rows = trade[
            (trade.year == year)
            & trade.us_state.isna()
            & trade.partner_place_id.fillna("").str.startswith("MX-")
            & (trade.flow == "export")
        ]
        want = (
            rows.groupby("partner_place_id", as_index=False)
            .agg(value=("value_usd", "sum"), source_id=("source_id", "min"))
            .rename(columns={"partner_place_id": "place_id"})
        )
        same_rows(query.mexican_state_exports(store, year), want, ["place_id"])


@pytest.mark.parametrize("border", [None, "US-Mexico"])
def test_port_totals_list_every_port_with_the_years_count_or_none(store, tables, border):
    ports = tables["ports"]
    ports = ports[ports.lat.notna() & ((ports.border == border) if border else True)]
    crossings = tables["crossings_annual"]
    for year in [*YEARS, 1900]:  # 1900: no data at all, every port still listed
        counts = crossings[(crossings.year == year) & (crossings.measure == "Trucks")]
        want = ports.merge(
            counts[["port_code", "value", "months", "source_id"]],
            on="port_code",
            how="left",
            suffixes=("_port", ""),
        )
        want["source_id"] = want["source_id"].fillna(want["source_id_port"])
        columns = ["port_code", "port_name", "place_id", "border", "lat", "lon", "status"]
        want = want[[*columns, "value", "months", "source_id"]]
        got = query.port_totals(store, year, "Trucks", border)
        same_rows(got, want, ["port_code"])
        assert largest_first(got)
        assert got["value"].isna().tolist() == sorted(got["value"].isna().tolist())


def test_state_crossings_of_a_year_sum_the_states_ports(store, tables):
    crossings = tables["crossings_annual"].merge(
        tables["ports"][["port_code", "place_id"]], on="port_code"
    )
    for year in YEARS:
        rows = crossings[(crossings.year == year) & (crossings.measure == "Personal Vehicles")]
        want = rows.groupby("place_id", as_index=False).agg(
            value=("value", "sum"), ports=("port_code", "nunique"), source_id=("source_id", "min")
        )
        same_rows(query.state_crossings(store, year, "Personal Vehicles"), want, ["place_id"])


def test_fdi_of_a_year_is_one_series_the_newest_never_vintages_added(store, tables):
    # The oracle, in pandas: per year the all-origin series whose source is newest; its
    # annual row where it has one (SE's release), else its quarters summed (Data México).
    fdi, sources = tables["fdi"], tables["sources"].set_index("source_id")["as_of"]
    for year in [1999, 2005, 2017, 2024]:
        rows = fdi[(fdi.year == year) & (fdi.origin == "all")]
        newest = max(set(rows.source_id), key=lambda s: (sources[s], s))
        rows = rows[rows.source_id == newest]
        annual = rows[rows.quarter.isna()]
        picked = annual if not annual.empty else rows
        want = picked.groupby("place_id", as_index=False).agg(
            value_musd=("value_musd", "sum"), source_id=("source_id", "min")
        )
        want.insert(2, "value", want["value_musd"] * 1e6)
        want.insert(3, "quarters", 4)
        want.insert(4, "confidential", False)
        same_rows(query.fdi_by_state(store, year), want, ["place_id"])
    assert newest == "mx-fdi-state-se"  # 2024: SE's 2025 release, not Data México's copy


def party_states(tables) -> pd.DataFrame:
    """initiative_id, place_id: city parties count for their state or province."""
    places = tables["places"]
    parent = dict(zip(places.place_id, places.parent_id, strict=True))
    kind = dict(zip(places.place_id, places.kind, strict=True))
    parties = tables["initiative_parties"]
    states = [
        parent[p] if kind.get(p) == "city" and parent.get(p) else p.split(":", 1)[0]
        for p in parties.place_id
    ]
    return pd.DataFrame(
        {"initiative_id": parties.initiative_id, "place_id": states}
    ).drop_duplicates()


def signed(tables, year: int, border: str | None) -> pd.DataFrame:
    inits = tables["initiatives"]
    keep = inits.year.notna() & (inits.year <= year)
    if border:
        keep &= inits.border.isin([border, "trilateral"])
    return inits[keep]


@pytest.mark.parametrize("border", [None, "US-Canada"])
def test_initiative_counts_count_what_was_signed_by_that_year(store, tables, border):
    party = party_states(tables)
    for year in [1950, 1990, 2005, 2020, 2025, 2040]:
        rows = party.merge(signed(tables, year, border), on="initiative_id")
        want = rows.groupby("place_id", as_index=False).agg(
            value=("initiative_id", "nunique"), source_id=("source_id", "min")
        )
        got = query.initiative_counts(store, year, border)
        if want.empty:
            assert got.empty
        else:
            same_rows(got, want, ["place_id"])


@pytest.mark.parametrize("border", [None, "US-Mexico"])
def test_initiative_links_pair_places_across_the_border_by_that_year(store, tables, border):
    party = party_states(tables)
    for year in [1990, 2010, 2025]:
        inits = signed(tables, year, border)
        rows = party.merge(party, on="initiative_id", suffixes=("_a", "_b"))
        rows = rows[
            (rows.place_id_a < rows.place_id_b)
            & (rows.place_id_a.str[:2] != rows.place_id_b.str[:2])
        ].merge(inits[["initiative_id", "name_en", "source_id"]], on="initiative_id")
        want = (
            rows.groupby(["place_id_a", "place_id_b"], as_index=False)
            .agg(
                initiatives=("initiative_id", "nunique"),
                names=("name_en", lambda names: "; ".join(sorted(set(names)))),
                source_id=("source_id", "min"),
            )
            .rename(columns={"place_id_a": "a_place", "place_id_b": "b_place"})
        )
        got = query.initiative_links(store, year, border)
        same_rows(got, want, ["a_place", "b_place"])
        assert largest_first(got, "initiatives")


def test_a_swapped_store_is_read_afresh(tmp_path, store):
    # The cached all-years frames are keyed on the store file's version.
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store, copy)
    before = query.fdi_by_state(copy, 2010)
    con = duckdb.connect(str(copy))
    con.execute("UPDATE fdi SET value_musd = value_musd * 2")
    con.close()
    after = query.fdi_by_state(copy, 2010)
    assert after["value"].sum() == pytest.approx(2 * before["value"].sum())


def test_a_confidential_fdi_quarter_makes_the_year_unknown_not_smaller(tmp_path, store):
    import shutil

    from components import figures

    copy = tmp_path / "confidential.duckdb"
    shutil.copyfile(store, copy)
    con = duckdb.connect(str(copy))
    # Synthetic changes, stored as a confidential cell is: a withheld quarter of a
    # single-quarter series (2003, Data México) and a withheld year of SE's release (2019).
    con.execute(
        "UPDATE fdi SET value_musd = NULL, confidential = true WHERE place_id = 'MX-NLE' "
        "AND origin = 'all' AND ((year = 2003 AND quarter = 2) "
        "OR (year = 2019 AND source_id = 'mx-fdi-state-se'))"
    )
    con.execute("UPDATE fdi SET ytd_musd = NULL WHERE place_id = 'MX-NLE' AND confidential")
    con.close()
    for year in (2003, 2019):
        nle = query.fdi_by_state(copy, year).set_index("place_id")
        assert pd.isna(nle.loc["MX-NLE", "value"]) and nle.loc["MX-NLE", "confidential"]
        assert not pd.isna(nle.loc["MX-SON", "value"])  # other states keep their sums
    series = query.place_fdi_series(copy, "MX-NLE").set_index("year")
    assert pd.isna(series.loc[2019, "value"]) and not pd.isna(series.loc[2018, "value"])
    fdi = {f.key: f for f in figures.place_figures(copy, "MX-NLE", 2019)}["fdi"]
    assert (fdi.value, fdi.year, fdi.confidential) == (None, 2019, True)


def test_us_mexico_gaps_are_the_land_pairs_of_the_committed_pairs_file(tmp_path, store):
    import shutil

    from geo import places

    copy = tmp_path / "no-initiatives.duckdb"
    shutil.copyfile(store, copy)
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM initiative_parties")  # synthetic: no pair is linked any more
    con.close()
    gaps = query.trade_gaps(copy, 2019, top=100)
    mx = gaps[gaps["border"] == "US-Mexico"]
    pairs = set(zip(mx["us_state"], mx["partner_place_id"], strict=True))
    assert pairs == set(places.land_pairs("US-Mexico"))


def test_a_places_initiative_partners_are_listed_in_one_order_every_time(store):
    # Without an order the aggregate listed partners as the hash table met them: two
    # replicas (or one after a restart) showed the same table with its cells reordered.
    inits = query.place_initiatives(store, "US-TX")
    lists = [p.split(", ") for p in inits["partners"].dropna()]
    assert any(len(ids) > 2 for ids in lists)
    assert all(ids == sorted(ids) for ids in lists)
