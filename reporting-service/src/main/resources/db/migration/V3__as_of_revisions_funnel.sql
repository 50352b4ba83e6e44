-- What the zone report "as of a date", its revisions and the funnel need of an agreement: every stage date, the
-- investor (for its kind), the amounts as first recorded and the number of amendments (from the snapshot's
-- history). Rows projected before this migration lack them until the next POST /api/v1/admin/rebuild.
ALTER TABLE agreement_view
    ADD COLUMN investor_id              TEXT,
    ADD COLUMN started_on               DATE,
    ADD COLUMN operational_on           DATE,
    ADD COLUMN withdrawn_on             DATE,
    ADD COLUMN original_intended_amount NUMERIC(20,2),
    ADD COLUMN original_signed_amount   NUMERIC(20,2),
    ADD COLUMN amendments               INT NOT NULL DEFAULT 0;

-- The funnel reads the agreements of a zone tree.
CREATE INDEX agreement_view_zone ON agreement_view (generation, zone_code);

-- zone_agreement_totals by day: an agreement adds to a measure on the day it entered the set (its …On date) and
-- takes it out on the day it left it (withdrawnOn), so the rows up to a day sum to the set at the end of that day.
-- Reads sum the rows of the zone tree up to the day: their cost depends on zones and days, never on agreements.
CREATE TABLE zone_agreement_days (
    generation INT           NOT NULL,
    zone_code  TEXT          NOT NULL,
    measure    TEXT          NOT NULL,
    day        DATE          NOT NULL,
    currency   TEXT          NOT NULL,
    count      BIGINT        NOT NULL,
    amount     NUMERIC(24,2) NOT NULL,
    PRIMARY KEY (generation, zone_code, measure, day, currency)
);
