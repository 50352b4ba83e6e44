package org.urbaninvest.reporting.domain;

/** A zone's report with the zone's name (from {@code zones.v1}; null while only its code is known): a CSV row. */
public record NamedZoneReport(String name, ZoneReport report) {
}
