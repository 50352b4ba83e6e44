-- Every version of a service's aggregates that have no history table of their own (zones, programmes, investors):
-- who made it, when, how, and the state it left (the version's event payload). What changed from what to what is
-- read off two consecutive snapshots (see org.urbaninvest.platform.history).
CREATE TABLE version_history (
    aggregate TEXT        NOT NULL,
    key       TEXT        NOT NULL,
    version   BIGINT      NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    change    TEXT        NOT NULL,
    snapshot  JSONB       NOT NULL,
    PRIMARY KEY (aggregate, key, version)
);
