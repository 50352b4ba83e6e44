package org.urbaninvest.reporting.rest;

/** The examples of the reports' answers in the OpenAPI document; a page of zone reports reuses the zone's. */
final class ReportExamples {

    static final String ZONE_REPORT = """
            {"zone": "caijia", "asOf": "2025-07-16T09:12:03Z",
            "projects": {"count": 42, "estimatedInvestment": {"CNY": "9652000000.00"},
            "byStatus": {"preparation": 10, "implementation": 25, "completion": 7, "cancelled": 1}},
            "agreements": {"intended": {"count": 30, "amount": {"CNY": "3200000000.00"}},
            "signed": {"count": 24, "amount": {"CNY": "2900000000.00"}},
            "started": {"count": 18, "amount": {"CNY": "2100000000.00"}},
            "operational": {"count": 6, "amount": {"CNY": "640000000.00"}},
            "withdrawn": {"count": 2, "amount": {"CNY": "150000000.00"}},
            "fundsInPlace": {"CNY": "1250000000.00"}},
            "rates": {"signingByCount": 0.8, "signingByAmount": {"CNY": 0.9063}, "startByCount": 0.75,
            "operationalByCount": 0.3333, "fundsInPlaceByAmount": {"CNY": 0.431}}}
            """;

    static final String ZONE_REPORTS = "{\"items\": [" + ZONE_REPORT + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    static final String TIMESERIES = """
            [{"period": "2025-05", "count": 3, "amount": {"CNY": "480000.00"}},
            {"period": "2025-06", "count": 0, "amount": {}},
            {"period": "2025-07", "count": 1, "amount": {"CNY": "120000.00"}}]
            """;

    static final String PROGRAMME_REPORT = """
            {"programme": "east-2025", "asOf": "2025-07-16T09:12:03Z",
            "declared": {"projectCount": 12, "investment": {"amount": "860000000.00", "currency": "CNY"}},
            "registered": {"projectCount": 11, "investment": {"CNY": "790000000.00"}}, "matches": false,
            "categories": [{"code": "roads", "name": "Roads",
            "declared": {"projectCount": 5, "investment": {"amount": "320000000.00", "currency": "CNY"}},
            "registered": {"projectCount": 5, "investment": {"CNY": "320000000.00"}}, "matches": true}]}
            """;

    static final String CATALOGUE = """
            {"asOf": "2025-07-16T09:12:03Z",
            "zones": [{"code": "caijia", "name": "Caijia", "kind": "DISTRICT", "parentCode": "taiyuan"}],
            "programmes": [{"code": "east-2025", "name": "East district opportunities 2025", "zoneCode": "caijia"}]}
            """;

    static final String REBUILD_STARTED = """
            {"state": "RUNNING", "generation": 4, "startedAt": "2025-07-16T09:00:00Z", "eventsTotal": 0,
            "eventsRead": 0}
            """;

    static final String REBUILD_RUNNING = """
            {"state": "RUNNING", "generation": 4, "startedAt": "2025-07-16T09:00:00Z", "eventsTotal": 125000,
            "eventsRead": 48000}
            """;

    private ReportExamples() {
    }

    static final String FUNNEL = """
            {"zone": "taiyuan-xinzhou", "asOf": "2025-07-16T09:12:03Z", "asOfDate": "2025-07-16",
            "includeSubzones": true, "investorKind": "PRIVATE",
            "stages": [{"stage": "INTENDED", "reached": 89,
            "current": {"count": 5, "medianDays": 240, "p90Days": 410, "maxDays": 455}},
            {"stage": "SIGNED", "reached": 84, "conversion": 0.9438,
            "current": {"count": 30, "medianDays": 120, "p90Days": 300, "maxDays": 380}},
            {"stage": "STARTED", "reached": 54, "conversion": 0.6429,
            "current": {"count": 40, "medianDays": 200, "p90Days": 500, "maxDays": 610}},
            {"stage": "OPERATIONAL", "reached": 14, "conversion": 0.2593,
            "current": {"count": 14, "medianDays": 90, "p90Days": 150, "maxDays": 170}}],
            "withdrawn": 0}
            """;

    static final String FINDINGS = """
            {"zone": "caijia", "asOf": "2025-07-16T09:12:03Z", "asOfDate": "2025-07-16",
            "counts": {"intention-stale": 1, "over-disbursed": 0},
            "items": [{"rule": "intention-stale", "severity": "warning",
            "subject": {"type": "agreement", "id": "0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90"}, "zoneCode": "caijia",
            "since": "2025-01-12", "detail": "intended on 2024-07-16, not signed after 365 days",
            "key": "intention-stale/agreement/0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90"}],
            "page": 0, "size": 50, "total": 1}
            """;

    static final String AGREEMENT_REPORT = """
            {"asOf": "2025-07-16T09:12:03Z", "asOfDate": "2025-07-16",
            "agreement": {"id": "0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90", "zoneCode": "caijia",
            "projectCode": "caijia-east-avenue", "investorId": "5c1f0e9a-7b2d-4e61-8a3c-9d0e4f6a2b17", "stage": "SIGNED",
            "intendedAmount": {"amount": "120000000.00", "currency": "CNY"}, "intendedOn": "2024-03-02",
            "signedAmount": {"amount": "100000000.00", "currency": "CNY"}, "signedOn": "2024-05-20",
            "fundsInPlace": {"amount": "0.00", "currency": "CNY"}, "disbursements": [],
            "revisions": {"originalIntended": {"amount": "120000000.00", "currency": "CNY"},
            "originalSigned": {"amount": "100000000.00", "currency": "CNY"}, "amendments": 0}},
            "findings": [{"rule": "signed-not-started", "severity": "warning",
            "subject": {"type": "agreement", "id": "0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90"},
            "zoneCode": "caijia", "since": "2025-05-21", "detail": "signed on 2024-05-20, not started after 422 days",
            "key": "signed-not-started/agreement/0b7e3c1a-5d2f-4a8e-9c61-2f4d8e7a1b90"}]}
            """;

    static final String PROJECT_REPORT = """
            {"asOf": "2025-07-16T09:12:03Z", "asOfDate": "2025-07-16",
            "project": {"code": "caijia-east-avenue", "zoneCode": "caijia", "programmeCode": "east-2025",
            "categoryCode": "roads", "status": "implementation",
            "estimatedInvestment": {"amount": "320000000.00", "currency": "CNY"},
            "milestones": [{"code": "completion", "dueDate": "2025-06-30", "status": "scheduled"}]},
            "findings": [{"rule": "milestone-overdue", "severity": "warning",
            "subject": {"type": "project", "code": "caijia-east-avenue"}, "zoneCode": "caijia",
            "since": "2025-07-01", "detail": "milestone completion due on 2025-06-30 is scheduled",
            "key": "milestone-overdue/project/caijia-east-avenue/completion"}]}
            """;

    static final String PLANS = """
            {"zone": "changchun-metropolitan-area", "asOf": "2026-12-03T09:00:00Z",
            "plans": [{"code": "changchun-metropolitan-plan", "zoneCode": "changchun-metropolitan-area",
            "title": "Development Plan for the Changchun Metropolitan Area",
            "source": {"title": "长春现代化都市圈发展规划", "issuer": "Jilin Provincial People's Government",
            "date": "2022-10-17", "url": "https://example.org/changchun-metropolitan-plan"},
            "period": {"startDate": "2021-01-01", "endDate": "2035-12-31"}, "version": 2,
            "indicators": [{"code": "economic-aggregate", "name": "Economic aggregate", "unit": "CNY",
            "aggregation": "SUM", "baseline": {"year": 2021, "value": "700000000000"},
            "actual": {"value": "800000000000", "date": "2023-12-31", "source": "statistical yearbook"},
            "targets": [{"year": 2030, "value": "1350000000000", "progress": 0.1538}],
            "nextTarget": {"year": 2030, "expectedProgress": 0.2221}, "onTrack": false,
            "rollUp": {"actual": "620000000000", "plans": [{"plan": "changchun-city-plan", "zone": "changchun",
            "value": "620000000000", "date": "2023-12-31"}]}}]}]}
            """;
}
