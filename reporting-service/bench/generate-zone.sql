-- A zone with :subzones child zones (0: none) sharing :agreements agreements, written straight into the active
-- generation of the reporting database as projection rows: zone_view, agreement_view (every stage represented) and
-- the totals the zone report reads, derived from those rows by the rules AgreementState.contribution() applies one
-- event at a time. For benchmarks of reads at sizes that replaying through Kafka would take long to reach.
-- psql: psql -v zone=bench-million -v subzones=100 -v agreements=1000000 -f reporting-service/bench/generate-zone.sql
-- (ReportLatencyBenchmark runs the same file over JDBC, with the variables replaced.)
INSERT INTO zone_view (generation, code, name, kind, parent_code)
SELECT g.generation, :'zone', 'Benchmark zone', 'ECONOMIC_ZONE', NULL
FROM projection_generation g WHERE g.status = 'ACTIVE'
UNION ALL
SELECT g.generation, :'zone' || '-sub-' || s, 'Benchmark subzone ' || s, 'INDUSTRIAL_PARK', :'zone'
FROM projection_generation g CROSS JOIN generate_series(1, :subzones) s WHERE g.status = 'ACTIVE';

-- agreements spread over the subzones (or the zone itself)
INSERT INTO agreement_view (generation, id, zone_code, project_code, stage, intended_amount, intended_currency,
    intended_on, signed_amount, signed_currency, signed_on, funds_in_place_amount, funds_in_place_currency)
SELECT g.generation, :'zone' || '-' || i, CASE WHEN :subzones = 0 THEN :'zone' ELSE :'zone' || '-sub-' || (i % greatest(:subzones, 1) + 1) END,
    NULL, (ARRAY['INTENDED','SIGNED','STARTED','OPERATIONAL','WITHDRAWN'])[i % 5 + 1],
    1000000 + i % 1000, 'CNY', DATE '2022-01-01' + (i % 365),
    CASE WHEN i % 5 IN (1, 2, 3) THEN 800000 + i % 1000 END,
    CASE WHEN i % 5 IN (1, 2, 3) THEN 'CNY' END,
    CASE WHEN i % 5 IN (1, 2, 3) THEN DATE '2022-02-01' + (i % 300) END,
    CASE WHEN i % 5 IN (1, 2, 3) THEN 100000 ELSE 0 END, 'CNY'
FROM projection_generation g CROSS JOIN generate_series(1, :agreements) i WHERE g.status = 'ACTIVE';

INSERT INTO zone_agreement_totals (generation, zone_code, measure, currency, count, amount)
SELECT a.generation, a.zone_code, m.measure, m.currency, count(*), sum(m.amount)
FROM agreement_view a JOIN projection_generation g ON g.generation = a.generation AND g.status = 'ACTIVE'
CROSS JOIN LATERAL (VALUES
    ('intended', a.intended_currency, a.intended_amount, a.stage <> 'WITHDRAWN'),
    ('signed', a.signed_currency, a.signed_amount, a.stage IN ('SIGNED','STARTED','OPERATIONAL')),
    ('started', a.signed_currency, a.signed_amount, a.stage IN ('STARTED','OPERATIONAL')),
    ('operational', a.signed_currency, a.signed_amount, a.stage = 'OPERATIONAL'),
    ('withdrawn', a.intended_currency, a.intended_amount, a.stage = 'WITHDRAWN'),
    ('funds', a.funds_in_place_currency, a.funds_in_place_amount, a.stage IN ('SIGNED','STARTED','OPERATIONAL'))
) AS m(measure, currency, amount, counts)
WHERE a.id LIKE :'zone' || '-%' AND m.counts
GROUP BY a.generation, a.zone_code, m.measure, m.currency;

INSERT INTO zone_timeseries (generation, zone_code, metric, month, currency, count, amount)
SELECT a.generation, a.zone_code, m.metric, date_trunc('month', m.day)::date, m.currency, count(*), sum(m.amount)
FROM agreement_view a JOIN projection_generation g ON g.generation = a.generation AND g.status = 'ACTIVE'
CROSS JOIN LATERAL (VALUES
    ('intended', a.intended_on, a.intended_currency, a.intended_amount, a.stage <> 'WITHDRAWN'),
    ('signed', a.signed_on, a.signed_currency, a.signed_amount, a.stage IN ('SIGNED','STARTED','OPERATIONAL'))
) AS m(metric, day, currency, amount, counts)
WHERE a.id LIKE :'zone' || '-%' AND m.counts
GROUP BY 1, 2, 3, 4, 5;

ANALYZE agreement_view;
ANALYZE zone_view;
ANALYZE zone_agreement_totals;
ANALYZE zone_timeseries;
