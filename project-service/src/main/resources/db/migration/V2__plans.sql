-- Plans of zones with their indicators (baselines, targets, observations). The indicators are one JSON document:
-- they are read and written with their plan, never queried one by one, and their values stay exact decimal strings.
CREATE TABLE plan (
    code            TEXT PRIMARY KEY,
    zone_code       TEXT        NOT NULL REFERENCES zone (code),
    title           TEXT        NOT NULL,
    source_title    TEXT        NOT NULL,
    source_issuer   TEXT        NOT NULL,
    source_date     DATE        NOT NULL,
    source_url      TEXT,
    period_start    DATE        NOT NULL,
    period_end      DATE        NOT NULL,
    indicators      JSONB       NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT plan_period CHECK (period_end >= period_start)
);
CREATE INDEX plan_zone ON plan (zone_code, code);
