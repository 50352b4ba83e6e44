-- The newest version applied per aggregate key and stream: events not newer than it are ignored.
CREATE TABLE consumed_version (
    stream        TEXT   NOT NULL,
    aggregate_key TEXT   NOT NULL,
    version       BIGINT NOT NULL,
    PRIMARY KEY (stream, aggregate_key)
);
