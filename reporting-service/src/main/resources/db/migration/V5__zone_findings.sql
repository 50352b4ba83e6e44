-- zone-findings.v1. Zones whose findings are to be evaluated again: appended by the projections in the transaction
-- of a change (like zone_change, which the summaries take) and by the daily re-evaluation; the findings publisher
-- takes them, with the trace context of the change its publication continues.
CREATE TABLE finding_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   TEXT NOT NULL,
    traceparent TEXT,
    tracestate  TEXT
);

-- The findings of a zone's own records as last published (a JSON array of findings): the next evaluation is compared
-- with them, and only new or cleared findings cause a publication. Not part of a projection generation: a rebuild
-- that finds the same findings publishes nothing.
CREATE TABLE zone_findings_published (
    zone_code    TEXT        PRIMARY KEY,
    findings     JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);

-- The last day every zone was re-evaluated: one instance does it per day, whichever claims the day first.
CREATE TABLE findings_evaluation (
    singleton    BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    evaluated_on DATE    NOT NULL
);
