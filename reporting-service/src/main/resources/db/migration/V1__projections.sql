-- Read models built from the five topics. Every projection row belongs to a generation: the ACTIVE one answers
-- reports, a BUILDING one is being filled by a rebuild (replay from the beginning) while the active one still
-- answers; the switch-over is one transaction. Each generation tracks its own event versions in
-- consumed_version under the stream "<topic>#<generation>".
CREATE TABLE projection_generation (
    generation   INT PRIMARY KEY,
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BUILDING')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    activated_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX projection_generation_one_active ON projection_generation (status) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX projection_generation_one_building ON projection_generation (status) WHERE status = 'BUILDING';
INSERT INTO projection_generation (generation, status, activated_at) VALUES (1, 'ACTIVE', now());

-- The newest event time applied per topic: a report's asOf is the greatest of them.
CREATE TABLE generation_clock (
    generation INT         NOT NULL,
    topic      TEXT        NOT NULL,
    as_of      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, topic)
);

-- One row per aggregate, holding what its contribution to the totals was (to take it out on the next event).
CREATE TABLE zone_view (
    generation  INT    NOT NULL,
    code        TEXT   NOT NULL,
    name        TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    parent_code TEXT,
    PRIMARY KEY (generation, code)
);
CREATE INDEX zone_view_parent ON zone_view (generation, parent_code);

CREATE TABLE programme_view (
    generation        INT           NOT NULL,
    code              TEXT          NOT NULL,
    name              TEXT          NOT NULL,
    zone_code         TEXT          NOT NULL,
    published_on      DATE,
    declared_count    INT           NOT NULL,
    declared_amount   NUMERIC(20,2) NOT NULL,
    declared_currency TEXT          NOT NULL,
    PRIMARY KEY (generation, code)
);

CREATE TABLE programme_category_view (
    generation        INT           NOT NULL,
    programme_code    TEXT          NOT NULL,
    code              TEXT          NOT NULL,
    position          INT           NOT NULL,
    name              TEXT          NOT NULL,
    declared_count    INT           NOT NULL,
    declared_amount   NUMERIC(20,2) NOT NULL,
    declared_currency TEXT          NOT NULL,
    PRIMARY KEY (generation, programme_code, code)
);

CREATE TABLE project_view (
    generation                    INT           NOT NULL,
    code                          TEXT          NOT NULL,
    zone_code                     TEXT          NOT NULL,
    programme_code                TEXT,
    category_code                 TEXT,
    status                        TEXT          NOT NULL,
    estimated_investment_amount   NUMERIC(20,2) NOT NULL,
    estimated_investment_currency TEXT          NOT NULL,
    PRIMARY KEY (generation, code)
);

CREATE TABLE investor_view (
    generation INT  NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    PRIMARY KEY (generation, id)
);

CREATE TABLE agreement_view (
    generation               INT           NOT NULL,
    id                       TEXT          NOT NULL,
    zone_code                TEXT          NOT NULL,
    project_code             TEXT,
    stage                    TEXT          NOT NULL,
    intended_amount          NUMERIC(20,2) NOT NULL,
    intended_currency        TEXT          NOT NULL,
    intended_on              DATE,
    signed_amount            NUMERIC(20,2),
    signed_currency          TEXT,
    signed_on                DATE,
    funds_in_place_amount    NUMERIC(20,2) NOT NULL,
    funds_in_place_currency  TEXT          NOT NULL,
    -- [{"amount": "…", "currency": "…", "receivedOn": "YYYY-MM-DD"}]: for the funds-in-place time series
    disbursements            JSONB         NOT NULL DEFAULT '[]',
    PRIMARY KEY (generation, id)
);

-- Totals kept incrementally per zone (the zone's own rows; roll-ups add the rows of its descendants).
-- Reads sum a handful of rows per zone: their cost depends on the number of zones, never on agreements.
CREATE TABLE zone_project_totals (
    generation INT           NOT NULL,
    zone_code  TEXT          NOT NULL,
    status     TEXT          NOT NULL,
    currency   TEXT          NOT NULL,
    count      BIGINT        NOT NULL,
    amount     NUMERIC(24,2) NOT NULL,
    PRIMARY KEY (generation, zone_code, status, currency)
);

-- measure: intended | signed | started | operational | withdrawn | funds
CREATE TABLE zone_agreement_totals (
    generation INT           NOT NULL,
    zone_code  TEXT          NOT NULL,
    measure    TEXT          NOT NULL,
    currency   TEXT          NOT NULL,
    count      BIGINT        NOT NULL,
    amount     NUMERIC(24,2) NOT NULL,
    PRIMARY KEY (generation, zone_code, measure, currency)
);

-- metric: intended (by intendedOn) | signed (by signedOn) | fundsInPlace (by receivedOn); month = first day
CREATE TABLE zone_timeseries (
    generation INT           NOT NULL,
    zone_code  TEXT          NOT NULL,
    metric     TEXT          NOT NULL,
    month      DATE          NOT NULL,
    currency   TEXT          NOT NULL,
    count      BIGINT        NOT NULL,
    amount     NUMERIC(24,2) NOT NULL,
    PRIMARY KEY (generation, zone_code, metric, month, currency)
);

-- Registered (non-cancelled) projects per programme and category ('' = no category).
CREATE TABLE programme_category_totals (
    generation     INT           NOT NULL,
    programme_code TEXT          NOT NULL,
    category_code  TEXT          NOT NULL,
    currency       TEXT          NOT NULL,
    count          BIGINT        NOT NULL,
    amount         NUMERIC(24,2) NOT NULL,
    PRIMARY KEY (generation, programme_code, category_code, currency)
);

-- Zones whose report changed since it was last published on zone-summaries.v1. Append-only for the
-- projections (no row is ever locked by two writers); the publisher reads, publishes and deletes.
CREATE TABLE zone_change (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code TEXT NOT NULL
);

CREATE TABLE zone_publication (
    zone_code    TEXT        PRIMARY KEY,
    published_at TIMESTAMPTZ NOT NULL
);
