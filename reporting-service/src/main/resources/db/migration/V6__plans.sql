-- plans.v1: the newest snapshot of each plan (its indicators with baseline, targets and observations), as the
-- event carried it. The plans report reads the plans of a zone and of the zones beneath it (their roll-up).
CREATE TABLE plan_view (
    generation INT   NOT NULL,
    code       TEXT  NOT NULL,
    zone_code  TEXT  NOT NULL,
    snapshot   JSONB NOT NULL,
    PRIMARY KEY (generation, code)
);
CREATE INDEX plan_view_zone ON plan_view (generation, zone_code);
