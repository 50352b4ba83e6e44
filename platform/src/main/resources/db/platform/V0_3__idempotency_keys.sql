-- The first answer to each POST that carried an Idempotency-Key, written in the transaction of the change it
-- answered (see org.urbaninvest.platform.idempotency): a retry with the same key is answered from here.
CREATE TABLE idempotency_key (
    principal   TEXT        NOT NULL,
    idem_key    TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    status      INTEGER     NOT NULL,
    headers     TEXT        NOT NULL,
    body        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, idem_key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
