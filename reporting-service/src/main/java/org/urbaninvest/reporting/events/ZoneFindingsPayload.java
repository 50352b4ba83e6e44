package org.urbaninvest.reporting.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The value of {@code zone-findings.v1} ({@code events/report.zone-findings.schema.json}): the findings of a zone's
 * own records (not its subzones') evaluated on {@code evaluatedOn}, after some were raised or cleared. {@code
 * findings} is the whole current set, so the last record of a zone on the compacted topic is what holds now;
 * {@code raised} and {@code cleared} are what changed since the zone's previous record. {@code counts} are per rule
 * over the whole set. A record lists at most {@code urbaninvest.reporting.findings.record-limit} findings (and half
 * as many raised and cleared), so that it stays within Kafka's record size whatever the zone holds; {@code truncated}
 * says a list was cut (the findings endpoint has them all).
 */
public record ZoneFindingsPayload(String zone, LocalDate evaluatedOn, Map<String, Long> counts, boolean truncated,
        List<Finding> raised, List<Finding> cleared, List<Finding> findings) {

    /** A finding as {@code GET /api/v1/reports/zones/{code}/findings} lists it. */
    public record Finding(String key, String rule, String severity, Subject subject, String zoneCode,
            LocalDate since, String detail) {
    }

    public record Subject(String type, String id, String code) {
    }
}
