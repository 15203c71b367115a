-- Borderlinks store schema: a public contract (documented in data/README.md).
-- Every fact table carries source_id -> sources.source_id.
-- No PRIMARY KEY / UNIQUE constraints on the big tables: in DuckDB 2.x they slow
-- bulk loads several-fold; keys are enforced by the loaders (replace-by-key).

CREATE TABLE IF NOT EXISTS sources (
    source_id VARCHAR NOT NULL,      -- e.g. 'bts-crossings', 'transborder-aggregates'
    publisher VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    url VARCHAR,
    as_of DATE,                      -- date of the vintage / last period covered
    license VARCHAR,
    notes VARCHAR,
    loaded_at TIMESTAMP,
    file_name VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    place_id VARCHAR NOT NULL,       -- ISO 3166-2 (US-TX, CA-ON, MX-CMX) or city 'US-CA:los-angeles'
    country VARCHAR NOT NULL,        -- 'US' | 'CA' | 'MX'
    kind VARCHAR NOT NULL,           -- 'state' | 'province' | 'territory' | 'district' | 'city'
    name_en VARCHAR NOT NULL,
    name_es VARCHAR NOT NULL,
    name_fr VARCHAR NOT NULL,
    parent_id VARCHAR,               -- for cities: their state/province
    postal VARCHAR,                  -- USPS / Canada Post / common 2-3 letter abbreviation
    is_border BOOLEAN NOT NULL,      -- touches the US-Canada or US-Mexico land border
    border VARCHAR,                  -- 'US-Canada' | 'US-Mexico' | NULL
    lat DOUBLE,                      -- label point / city location (WGS84)
    lon DOUBLE,
    source_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ports (
    port_code VARCHAR NOT NULL,      -- 4-digit zero-padded CBP code; 'P001'-style for planned ports
    port_name VARCHAR NOT NULL,
    place_id VARCHAR NOT NULL,       -- US state, ISO 3166-2
    border VARCHAR NOT NULL,         -- 'US-Canada' | 'US-Mexico'
    lat DOUBLE,
    lon DOUBLE,
    status VARCHAR NOT NULL,         -- 'open' | 'closed' | 'planned'
    first_month DATE,
    last_month DATE,
    source_id VARCHAR NOT NULL
);

-- Monthly, exactly as published by BTS (Border Crossing Entry Data).
CREATE TABLE IF NOT EXISTS crossings (
    port_code VARCHAR NOT NULL,
    month DATE NOT NULL,             -- first day of the month
    measure VARCHAR NOT NULL,        -- today's names ('Truck Containers Loaded')
    value BIGINT NOT NULL,
    source_id VARCHAR NOT NULL,
    port_name VARCHAR                -- name as written in the loaded file (older vintages differ)
);

-- Annual sums derived by our snapshot script (data/crossings_annual.csv).
CREATE TABLE IF NOT EXISTS crossings_annual (
    port_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    measure VARCHAR NOT NULL,
    value BIGINT NOT NULL,
    months INTEGER NOT NULL,         -- months with a published row that year (12 = full year)
    source_id VARCHAR NOT NULL
);

-- Raw TransBorder monthly rows (DOT1/DOT2/DOT3), decoded.
CREATE TABLE IF NOT EXISTS trade (
    table_type VARCHAR NOT NULL,     -- 'DOT1' state x port | 'DOT2' state x commodity | 'DOT3' port x commodity
    year INTEGER NOT NULL,
    month INTEGER,                   -- 1-12, NULL where only annual is known
    us_state VARCHAR,                -- ISO 3166-2 'US-TX'; NULL in DOT3; 'US-XX' unknown
    partner_country VARCHAR NOT NULL,-- 'CA' | 'MX'
    partner_place_id VARCHAR,        -- 'CA-ON' / 'MX-NLE' where published, else NULL
    port_code VARCHAR,               -- Schedule-D 4-char, where known
    mode VARCHAR,                    -- 'Truck','Rail','Pipeline','Air','Vessel','Mail','Other','FTZ'; NULL = summed over modes (data/trade_hs2.csv)
    hs2 VARCHAR,                     -- 2-digit HS chapter where known
    flow VARCHAR NOT NULL,           -- 'export' | 'import' (US perspective)
    value_usd DOUBLE NOT NULL,
    weight_kg DOUBLE,
    source_id VARCHAR NOT NULL
);

-- Annual aggregates (snapshot): one row per year x US state x partner x mode x flow.
-- us_state NULL with partner_place_id set = Mexican state rows (exports only).
CREATE TABLE IF NOT EXISTS trade_annual (
    year INTEGER NOT NULL,
    us_state VARCHAR,
    partner_country VARCHAR NOT NULL,
    partner_place_id VARCHAR,
    mode VARCHAR NOT NULL,
    flow VARCHAR NOT NULL,
    value_usd DOUBLE NOT NULL,
    weight_kg DOUBLE,
    source_id VARCHAR NOT NULL
);

-- State x province flows through a port, cumulative over first_year..last_year, both flows.
CREATE TABLE IF NOT EXISTS trade_od (
    us_state VARCHAR NOT NULL,
    partner_place_id VARCHAR NOT NULL,
    port_code VARCHAR,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    value_usd DOUBLE NOT NULL,
    source_id VARCHAR NOT NULL
);

-- Several series (sources) overlap: one per vintage and table of SE's statistics.
-- Sum only within one source_id; data/README.md says which series a headline uses.
CREATE TABLE IF NOT EXISTS fdi (
    place_id VARCHAR NOT NULL,       -- Mexican state, ISO 3166-2
    year INTEGER NOT NULL,
    quarter INTEGER,                 -- 1-4, NULL for annual rows (a whole year)
    origin VARCHAR NOT NULL DEFAULT 'all', -- investor's country, ISO 3166-1 ('US', 'CA'; 'GB-SCT',
                                     -- 'other' = SE's "Otro origen"); 'all' = all origins combined
    value_musd DOUBLE,               -- US$ millions, flow of the quarter (can be negative);
                                     -- NULL = unknown (confidential), never 0
    source_id VARCHAR NOT NULL,
    confidential BOOLEAN DEFAULT false, -- SE withheld the cell ("C"), or the quarter is a
                                     -- difference involving a withheld year-to-date cell
    ytd_musd DOUBLE                  -- running total Jan..quarter as published (SE release
                                     -- 2025 3T); NULL for series published as single quarters
);

-- FDI by SCIAN activity, same conventions as fdi (SE release 2025 3T, all origins).
CREATE TABLE IF NOT EXISTS fdi_sector (
    place_id VARCHAR NOT NULL,       -- Mexican state, ISO 3166-2
    year INTEGER NOT NULL,
    quarter INTEGER,                 -- 1-4, NULL for annual rows (a whole year)
    scian_code VARCHAR NOT NULL,     -- '11', '31-33', '48-49' (sector), '336' (subsector), '3361' (rama)
    level INTEGER NOT NULL,          -- 2 sector | 3 subsector | 4 rama (branch)
    value_musd DOUBLE,               -- US$ millions, NULL = unknown (confidential)
    confidential BOOLEAN NOT NULL,
    ytd_musd DOUBLE,                 -- running total Jan..quarter as published
    source_id VARCHAR NOT NULL
);

-- U.S. exports to each Mexican state by commodity group (TransBorder annual aggregates,
-- 2003 onward: earlier years are double counted in the aggregation).
CREATE TABLE IF NOT EXISTS trade_sector_annual (
    year INTEGER NOT NULL,
    us_state VARCHAR,                -- NULL: TransBorder gives the Mexican state only, not the U.S. one
    partner_country VARCHAR NOT NULL,-- 'MX'
    partner_place_id VARCHAR,        -- Mexican state, ISO 3166-2
    sector VARCHAR NOT NULL,         -- commodity group code, data/codes/transborder_commodity_groups.csv
    mode VARCHAR,                    -- as trade_annual; NULL = summed over modes (committed snapshot)
    flow VARCHAR NOT NULL,           -- 'export' (U.S. perspective)
    value_usd DOUBLE NOT NULL,
    source_id VARCHAR NOT NULL
);

-- Trade through each Texas-Mexico port of entry by mode and direction, annual.
CREATE TABLE IF NOT EXISTS port_trade_annual (
    year INTEGER NOT NULL,
    port_code VARCHAR NOT NULL,      -- 4-digit Schedule-D / CBP code (joins ports.port_code)
    mode VARCHAR NOT NULL,           -- 'Truck','Rail','Pipeline','Air','Vessel','Mail','Other','FTZ'
    flow VARCHAR NOT NULL,           -- 'export' | 'import' (U.S. perspective)
    value_usd DOUBLE NOT NULL,
    freight_charges_usd DOUBLE,      -- NULL where not published
    source_id VARCHAR NOT NULL
);

-- Exports of each Mexican state by SCIAN subsector (INEGI EAEF), all destinations, non-oil.
CREATE TABLE IF NOT EXISTS state_exports_subsector (
    place_id VARCHAR NOT NULL,       -- Mexican state, ISO 3166-2
    year INTEGER NOT NULL,
    scian_code VARCHAR NOT NULL,     -- 3-digit SCIAN subsector; 'total' = the state's total exports
    value_usd DOUBLE NOT NULL,       -- published in thousands of US$, stored in US$
    source_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS travel (
    place_id VARCHAR NOT NULL,       -- Canadian province (or 'CA' for the national total)
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    travellers VARCHAR NOT NULL,     -- e.g. 'US residents entering Canada'
    country VARCHAR NOT NULL,        -- residence / country visited, as published
    mode VARCHAR NOT NULL,           -- 'All modes' | 'Automobile' | 'Non-automobile'
    trips BIGINT,                    -- NULL = not applicable
    unit VARCHAR NOT NULL,           -- 'trips' | 'travellers' (published in thousands, stored as counts)
    source_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS initiatives (
    initiative_id VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    name_es VARCHAR,
    name_fr VARCHAR,
    kind VARCHAR NOT NULL,           -- agreement | commission | program | declaration | summit | infrastructure
    year INTEGER NOT NULL,
    date DATE,
    end_year INTEGER,
    status VARCHAR NOT NULL,         -- active | ended | planned
    border VARCHAR,                  -- 'US-Canada' | 'US-Mexico' | 'trilateral'
    sectors VARCHAR[],
    leaders VARCHAR,                 -- JSON list of {name, role, role_es, role_fr, party, place_id}
    summary_en VARCHAR NOT NULL,
    summary_es VARCHAR,
    summary_fr VARCHAR,
    source_url VARCHAR NOT NULL,
    source_title VARCHAR NOT NULL,
    source_publisher VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS initiative_parties (
    initiative_id VARCHAR NOT NULL,
    place_id VARCHAR NOT NULL,       -- state/province/city place
    organisation VARCHAR,            -- party organisation name, NULL when the place itself
    role VARCHAR                     -- e.g. 'signatory', 'member', 'host'
);

CREATE TABLE IF NOT EXISTS facts (
    fact_id VARCHAR NOT NULL,
    place_id VARCHAR,                -- NULL for national figures
    partner_place_id VARCHAR,
    year INTEGER,
    value DOUBLE NOT NULL,
    qualifier VARCHAR,               -- 'nearly' | 'about' | 'over' | 'exactly', as the source words it
    verified BOOLEAN DEFAULT true,   -- false: the figure is cited but its source could not be confirmed
    unit VARCHAR NOT NULL,           -- 'jobs' | 'USD' | 'share' | ...
    label_en VARCHAR NOT NULL,
    label_es VARCHAR,
    label_fr VARCHAR,
    topic VARCHAR,                   -- 'jobs' | 'investment' | 'tourism' | 'trade'
    source_url VARCHAR NOT NULL,
    source_title VARCHAR NOT NULL,
    source_publisher VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL
);

-- U.S. state exports to Canada/Mexico by month, from the Census Bureau international
-- trade API (timeseries/intltrade/exports/statehs), via `python -m ingest fetch census-state-exports`.
CREATE TABLE IF NOT EXISTS state_exports (
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,          -- 1-12
    us_state VARCHAR NOT NULL,       -- ISO 3166-2 'US-TX'
    partner_country VARCHAR NOT NULL,-- 'CA' | 'MX'
    value_usd DOUBLE NOT NULL,       -- ALL_VAL_MO: total value, all commodities, that month
    source_id VARCHAR NOT NULL
);
