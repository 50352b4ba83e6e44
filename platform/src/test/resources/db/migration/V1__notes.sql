CREATE TABLE note (
    id              UUID PRIMARY KEY,
    text            TEXT           NOT NULL,
    amount          NUMERIC(20, 2),
    currency        TEXT,
    version         BIGINT         NOT NULL
);

-- What the consumer built from notes.v1: the newest text per note and how many events it applied.
CREATE TABLE note_copy (
    id            TEXT PRIMARY KEY,
    text          TEXT    NOT NULL,
    version       BIGINT  NOT NULL,
    applied_count INTEGER NOT NULL
);
