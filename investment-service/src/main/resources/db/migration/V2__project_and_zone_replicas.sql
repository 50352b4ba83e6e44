-- What this service knows of project-service's projects (from projects.v1, or asked over REST on a miss).
CREATE TABLE project_replica (
    code      TEXT   PRIMARY KEY,
    zone_code TEXT   NOT NULL,
    status    TEXT   NOT NULL,
    version   BIGINT NOT NULL
);

-- The zone hierarchy (from zones.v1), for listing agreements of a zone and its sub-zones.
CREATE TABLE zone_replica (
    code        TEXT   PRIMARY KEY,
    parent_code TEXT,
    version     BIGINT NOT NULL
);

CREATE INDEX zone_replica_by_parent ON zone_replica (parent_code);
