-- The findings last published of each zone, one row per finding (by its key) rather than one JSON array per zone: a
-- publication writes the raised findings and deletes the cleared ones, and the comparison reads the keys only, so a
-- zone with thousands of findings no longer rewrites (and re-reads) them all for one that changed.
CREATE TABLE zone_finding_published (
    zone_code   TEXT  NOT NULL,
    finding_key TEXT  NOT NULL,
    finding     JSONB NOT NULL,
    PRIMARY KEY (zone_code, finding_key)
);

INSERT INTO zone_finding_published (zone_code, finding_key, finding)
SELECT p.zone_code, f ->> 'key', f
FROM zone_findings_published p, jsonb_array_elements(p.findings) f
ON CONFLICT DO NOTHING;

-- zone_findings_published stays until the next release, for instances of the previous one during a rolling upgrade
-- (expand, then contract); nothing of this release reads or writes it.
