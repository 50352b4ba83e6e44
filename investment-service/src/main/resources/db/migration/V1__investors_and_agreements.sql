-- Investors: enterprises that state intentions and sign agreements.
CREATE TABLE investor (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    credit_code TEXT,
    country     TEXT,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- A Unified Social Credit Code names one enterprise; NULLs (no code) do not collide.
CREATE UNIQUE INDEX investor_credit_code ON investor (credit_code);
CREATE INDEX investor_by_name ON investor (name, id);

-- Investment agreements, from intention to operation (or withdrawal).
CREATE TABLE agreement (
    id                UUID          PRIMARY KEY,
    project_code      TEXT          NOT NULL,
    zone_code         TEXT          NOT NULL,
    investor_id       UUID          NOT NULL REFERENCES investor (id),
    reference         TEXT,
    stage             TEXT          NOT NULL,
    intended_amount   NUMERIC(20,2) NOT NULL,
    intended_currency TEXT          NOT NULL,
    intended_on       DATE          NOT NULL,
    signed_amount     NUMERIC(20,2),
    signed_currency   TEXT,
    signed_on         DATE,
    started_on        DATE,
    operational_on    DATE,
    withdrawn_on      DATE,
    withdrawal_reason TEXT,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    CHECK ((signed_amount IS NULL) = (signed_currency IS NULL))
);

-- One index per list filter, each ending in the list's order so a filtered page is an index range.
CREATE INDEX agreement_by_created ON agreement (created_at, id);
CREATE INDEX agreement_by_project ON agreement (project_code, created_at, id);
CREATE INDEX agreement_by_zone ON agreement (zone_code, created_at, id);
CREATE INDEX agreement_by_stage ON agreement (stage, created_at, id);
CREATE INDEX agreement_by_investor ON agreement (investor_id, created_at, id);

-- Every stage move and amendment of an agreement, numbered from 0 in the order they happened.
CREATE TABLE agreement_history (
    id           UUID        PRIMARY KEY,
    agreement_id UUID        NOT NULL REFERENCES agreement (id),
    seq          INT         NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    action       TEXT        NOT NULL,
    stage        TEXT        NOT NULL,
    date         DATE,
    actor        TEXT        NOT NULL,
    reason       TEXT,
    changes      TEXT        NOT NULL,
    UNIQUE (agreement_id, seq)
);

-- Funds received under a signed agreement.
CREATE TABLE disbursement (
    id           UUID          PRIMARY KEY,
    agreement_id UUID          NOT NULL REFERENCES agreement (id),
    amount       NUMERIC(20,2) NOT NULL,
    currency     TEXT          NOT NULL,
    received_on  DATE          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX disbursement_by_agreement ON disbursement (agreement_id, received_on);
