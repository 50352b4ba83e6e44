-- What this service knows of investment-service's agreements (from agreements.v1), for the OC4IDS export:
-- who funds a project, with how much, and the funds received (disbursements, kept as the snapshot's JSON list).
CREATE TABLE agreement_replica (
    id                UUID           PRIMARY KEY,
    project_code      TEXT           NOT NULL,
    investor_id       UUID           NOT NULL,
    stage             TEXT           NOT NULL,
    signed_amount     NUMERIC(20, 2),
    signed_currency   CHAR(3),
    disbursements     JSONB          NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL
);
CREATE INDEX agreement_replica_by_project ON agreement_replica (project_code);

-- Investors' names (from investors.v1): the funders named in the OC4IDS export.
CREATE TABLE investor_replica (
    id          UUID   PRIMARY KEY,
    name        TEXT   NOT NULL,
    version     BIGINT NOT NULL
);
